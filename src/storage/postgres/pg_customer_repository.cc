#include "storage/postgres/pg_customer_repository.h"

#include "storage/postgres/pg_sql_database.h"

namespace luister::postgres {

namespace {

constexpr char kRefreshSearch[] =
    "UPDATE customers SET search_text = (SELECT coalesce(string_agg(value, ' ' ORDER BY id), '') "
    "FROM identities WHERE customer_id = $1) WHERE id = $1";

}  // namespace

Status PgCustomerRepository::IdentitiesChanged(sql::Connection& c, int64_t customer_id) {
  return Native(c).Query(kRefreshSearch, Params().Add(customer_id)).status();
}

}  // namespace luister::postgres
