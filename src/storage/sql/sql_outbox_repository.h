#pragma once

#include "domain/mail_outbox.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlOutboxRepository final : public OutboxRepository {
 public:
  explicit SqlOutboxRepository(Database& db) : db_(db) {}
  Result<std::vector<OutboxItem>> Due(Timestamp now, int limit, OutboxLane lane) override;
  Result<OutboxItem> Begin(int64_t message_id, const std::string& rfc_message_id,
                           std::optional<int64_t> mailbox_id, Timestamp at) override;
  Status DataStarted(int64_t message_id) override;
  Status SetExternalId(int64_t message_id, const std::string& external_id) override;
  Status Finish(int64_t message_id, Delivery state, const std::optional<std::string>& error,
                std::optional<Timestamp> retry_at, Timestamp at) override;
  Result<OutboxItem> Get(int64_t message_id) override;
  Result<Page<OutboxItem>> List(std::optional<Delivery> state, const PageRequest& p) override;
  Status Retry(int64_t message_id, Timestamp at) override;
  Status Dismiss(int64_t message_id, bool arrived, Timestamp at) override;
  Result<std::vector<std::pair<Delivery, int64_t>>> CountUnsent() override;
  Result<std::optional<int64_t>> JobId(OutboxLane lane) override;
  Result<bool> SetJob(OutboxLane lane, std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
