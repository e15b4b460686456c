#include "storage/sql/sql_location_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] = "id, department_id, name, address, active, created_at";
const Sql kInsert(
    "INSERT INTO locations (department_id, name, address, active, created_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM locations WHERE id = ?");
const Sql kSelectForUpdate(std::string("SELECT ") + kColumns +
                           " FROM locations WHERE id = ?{for_update}");
const Sql kList(std::string("SELECT ") + kColumns +
                " FROM locations ORDER BY department_id, name, id");
const Sql kUpdate("UPDATE locations SET name = ?, address = ?, active = ? WHERE id = ?");

Location FromRow(const Row& r) {
  Location l;
  l.id = r.Int(0);
  l.department_id = r.Int(1);
  l.name = r.Text(2);
  l.address = r.Text(3);
  l.active = r.Bool(4);
  l.created_at = r.Time(5);
  return l;
}

}  // namespace

Result<Location> SqlLocationRepository::Create(const Location& l) {
  return db_.Write([&](Connection& c) -> Result<Location> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id,
        Scalar(c, kInsert, Params::Of(l.department_id, l.name, l.address, l.active, l.created_at)));
    return One<Location>(c, kSelect, id, "location", FromRow);
  });
}

Result<Location> SqlLocationRepository::Get(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<Location>(c, kSelect, id, "location", FromRow); });
}

Result<std::vector<Location>> SqlLocationRepository::List() {
  return db_.Read([&](Connection& c) { return Collect<Location>(c, kList, {}, FromRow); });
}

Result<Location> SqlLocationRepository::Update(int64_t id, const LocationPatch& patch) {
  return db_.Write([&](Connection& c) -> Result<Location> {
    LUISTER_ASSIGN_OR_RETURN(Location l,
                             One<Location>(c, kSelectForUpdate, id, "location", FromRow));
    if (patch.name) l.name = *patch.name;
    if (patch.address) l.address = *patch.address;
    if (patch.active) l.active = *patch.active;
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kUpdate, Params::Of(l.name, l.address, l.active, id)).status());
    return One<Location>(c, kSelect, id, "location", FromRow);
  });
}

}  // namespace luister::sql
