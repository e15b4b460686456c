#pragma once

#include "storage/sql/sql_customer_repository.h"

namespace luister::postgres {

// The shared customer repository; PostgreSQL keeps the identities' text in
// customers.search_text, which feeds the generated tsvector column.
class PgCustomerRepository final : public sql::SqlCustomerRepository {
 public:
  using SqlCustomerRepository::SqlCustomerRepository;

 protected:
  Status IdentitiesChanged(sql::Connection& c, int64_t customer_id) override;
};

}  // namespace luister::postgres
