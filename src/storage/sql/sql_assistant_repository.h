#pragma once

#include "domain/assistant.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlAssistantRepository final : public AssistantRepository {
 public:
  explicit SqlAssistantRepository(Database& db) : db_(db) {}
  Result<AssistantSession> CreateSession(const AssistantSession& s) override;
  Result<AssistantSession> SessionByToken(std::string_view token_hash) override;
  Result<AssistantTurn> AddTurn(const AssistantTurn& t) override;
  Result<std::vector<AssistantTurn>> Turns(int64_t session_id) override;
  Status SetHelped(int64_t session_id, int64_t turn_id, bool helped) override;
  Status SetHandoverReason(int64_t session_id, HandoverReason reason) override;
  Result<bool> MarkHandedOver(int64_t session_id, int64_t conversation_id, HandoverReason reason,
                              Timestamp at) override;
  Result<AssistantStats> Stats(Timestamp from, Timestamp to, Timestamp settled_before) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
