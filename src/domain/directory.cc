#include "domain/directory.h"

namespace luister {

void ApplyPatch(User* u, const UserPatch& patch) {
  if (patch.name) u->name = *patch.name;
  if (patch.role) u->role = *patch.role;
  if (patch.language) u->language = *patch.language;
  if (patch.clear_department) u->department_id.reset();
  if (patch.department_id) u->department_id = patch.department_id;
  if (patch.active) u->active = *patch.active;
}

}  // namespace luister
