#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Customers, identities and merges, on either engine.
class SqlCustomerRepository : public CustomerRepository {
 public:
  explicit SqlCustomerRepository(Database& db) : db_(db) {}

  Result<Customer> Create(const NewCustomer& c) override;
  Result<Customer> Get(int64_t id) override;
  Result<Page<Customer>> List(const CustomerFilter& f, const PageRequest& p) override;
  Result<Customer> Update(int64_t id, const CustomerPlan& plan) override;
  Result<Identity> AddIdentity(int64_t customer_id, const NewIdentity& i, Timestamp at) override;
  Status RemoveIdentity(int64_t customer_id, int64_t identity_id) override;
  Status SetIdentityFailing(IdentityKind kind, const std::string& value,
                            std::optional<std::string> reason, Timestamp at) override;
  Result<std::optional<Customer>> FindByIdentity(IdentityKind kind,
                                                 const std::string& value) override;
  Result<MergeRecord> Merge(int64_t source_id, int64_t target_id, const MergePlan& plan) override;
  Result<std::vector<MergeRecord>> ListMerges(int64_t target_id) override;
  Result<int64_t> Count() override;

 protected:
  // Called in the writing transaction after the identities of `customer_id`
  // changed, for an engine that indexes them itself (PostgreSQL's
  // search_text); SQLite's triggers keep its index current unasked.
  virtual Status IdentitiesChanged(Connection& c, int64_t customer_id) { return Status::Ok(); }

 private:
  Database& db_;
};

}  // namespace luister::sql
