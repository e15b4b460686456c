#pragma once

#include "storage/sql/sql_conversation_repository.h"

namespace luister::postgres {

// The shared conversation repository with PostgreSQL's batch import: a
// handful of statements per batch (unnest of one array per column) instead
// of several per message.
class PgConversationRepository final : public sql::SqlConversationRepository {
 public:
  using SqlConversationRepository::SqlConversationRepository;

  Result<std::vector<AddedMessage>> AddMessages(const std::vector<NewMessage>& messages,
                                                const MessagePlan& plan) override;
};

}  // namespace luister::postgres
