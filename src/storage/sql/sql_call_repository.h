#pragma once

#include "domain/phone_call.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlCallRepository final : public CallRepository {
 public:
  explicit SqlCallRepository(Database& db) : db_(db) {}
  Result<RecordedCall> Record(const PhoneCall& call) override;
  Result<PhoneCall> Get(int64_t id) override;
  Result<Page<PhoneCall>> ListForCustomer(int64_t customer_id, const PageRequest& p) override;
  Result<Page<CallbackItem>> ListCallbacks(const PageRequest& p) override;
  Result<int64_t> CloseCallbacks(const std::string& customer_number,
                                 std::optional<int64_t> by_user_id, Timestamp at) override;
  Result<int64_t> CountOpenCallbacks() override;

 private:
  Database& db_;
};

}  // namespace luister::sql
