#pragma once

#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Conversations, messages and their timeline activities on PostgreSQL.
// Writes lock the conversation row (SELECT … FOR UPDATE), so two nodes
// adding messages to one conversation serialise instead of losing a count.
class PgConversationRepository final : public ConversationRepository {
 public:
  explicit PgConversationRepository(Database& db) : db_(db) {}

  Result<Conversation> Create(const NewConversation& c,
                              std::optional<int64_t> actor_user_id) override;
  Result<Conversation> Get(int64_t id) override;
  Result<Page<Conversation>> List(const ConversationFilter& f, const PageRequest& p) override;
  Result<Conversation> Update(int64_t id, const ConversationPatch& patch,
                              std::optional<int64_t> actor_user_id, Timestamp at) override;
  Result<Conversation> Transfer(const Handover& h) override;
  Result<Message> AddMessage(const NewMessage& m,
                             std::optional<ConversationStatus> new_status) override;
  Result<std::vector<AddedMessage>> AddMessages(const std::vector<NewMessage>& messages,
                                                const StatusRule& rule) override;
  Result<Message> GetMessage(int64_t id) override;
  Result<Page<Message>> ListMessages(int64_t conversation_id, bool include_internal,
                                     const PageRequest& p) override;
  Result<int64_t> CountMessages() override;

 private:
  Database& db_;
};

}  // namespace luister::postgres
