#pragma once

#include "domain/mail_quarantine.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlQuarantineRepository final : public QuarantineRepository {
 public:
  explicit SqlQuarantineRepository(Database& db) : db_(db) {}
  Result<QuarantinedMail> Add(const NewQuarantinedMail& m) override;
  Result<QuarantinedMail> Get(int64_t id) override;
  Result<Page<QuarantinedMail>> List(std::optional<QuarantineState> state,
                                     const PageRequest& p) override;
  Result<QuarantinedMail> Resolve(int64_t id, QuarantineState state,
                                  std::optional<int64_t> by_user_id, Timestamp at) override;
  Result<int64_t> Count(QuarantineState state) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
