#include "storage/sql/query.h"

namespace luister::sql {

Result<int64_t> Scalar(Connection& c, const Sql& sql, const Params& params) {
  LUISTER_ASSIGN_OR_RETURN(auto v,
                           First<int64_t>(c, sql, params, [](const Row& r) { return r.Int(0); }));
  if (!v) return Internal("no row from: " + sql.text());
  return *v;
}

}  // namespace luister::sql
