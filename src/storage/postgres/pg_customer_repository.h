#pragma once

#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Customers, identities and merges on PostgreSQL.
class PgCustomerRepository final : public CustomerRepository {
 public:
  explicit PgCustomerRepository(Database& db) : db_(db) {}

  Result<Customer> Create(const NewCustomer& c) override;
  Result<Customer> Get(int64_t id) override;
  Result<Page<Customer>> List(const CustomerFilter& f, const PageRequest& p) override;
  Result<Customer> Update(int64_t id, const CustomerPatch& patch, Timestamp at) override;
  Result<Identity> AddIdentity(int64_t customer_id, const NewIdentity& i, Timestamp at) override;
  Status RemoveIdentity(int64_t customer_id, int64_t identity_id) override;
  Result<std::optional<Customer>> FindByIdentity(IdentityKind kind,
                                                 const std::string& value) override;
  Result<MergeRecord> Merge(int64_t source_id, int64_t target_id, int64_t by_user_id,
                            Timestamp at) override;
  Result<std::vector<MergeRecord>> ListMerges(int64_t target_id) override;
  Result<int64_t> Count() override;

 private:
  Database& db_;
};

}  // namespace luister::postgres
