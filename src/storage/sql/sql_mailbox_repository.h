#pragma once

#include "domain/mailbox.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlMailboxRepository final : public MailboxRepository {
 public:
  explicit SqlMailboxRepository(Database& db) : db_(db) {}
  Result<Mailbox> Create(const MailboxSettings& s, const std::string& sealed_secret,
                         Timestamp at) override;
  Result<Mailbox> Get(int64_t id) override;
  Result<std::vector<Mailbox>> List() override;
  Result<Mailbox> Update(int64_t id, const MailboxSettings& s,
                         const std::optional<std::string>& sealed_secret, Timestamp at) override;
  Status Delete(int64_t id) override;
  Result<bool> SetPollJob(int64_t id, std::optional<int64_t> expected, int64_t job_id) override;
  Result<bool> Seen(int64_t id, const std::string& key) override;
  Status RecordMessage(int64_t id, int64_t uidvalidity, int64_t uid, const std::string& key,
                       MailboxCount what) override;
  Status SkipMessage(int64_t id, int64_t uidvalidity, int64_t uid) override;
  Status ResetUids(int64_t id, int64_t uidvalidity) override;
  Status RecordPoll(int64_t id, const std::optional<std::string>& error, Timestamp at) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
