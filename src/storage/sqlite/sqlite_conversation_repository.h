#pragma once

#include "domain/repositories.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// ConversationRepository over SQLite. Every change writes its timeline
// activity in the same transaction.
class SqliteConversationRepository final : public ConversationRepository {
 public:
  explicit SqliteConversationRepository(Database& db) : db_(db) {}

  Result<Conversation> Create(const NewConversation& c,
                              std::optional<int64_t> actor_user_id) override;
  Result<Conversation> Get(int64_t id) override;
  Result<Page<Conversation>> List(const ConversationFilter& f, const PageRequest& p) override;
  Result<Conversation> Update(int64_t id, const ConversationPatch& patch,
                              std::optional<int64_t> actor_user_id, Timestamp at) override;
  // The handover activity carries the receiving department.
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

}  // namespace luister::sqlite
