#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Conversations, messages and tags, on either engine. An engine adds what is
// its own through the protected hooks.
class SqlConversationRepository : public ConversationRepository {
 public:
  explicit SqlConversationRepository(Database& db) : db_(db) {}

  Result<Conversation> Create(const NewConversation& c, const OpeningPlan& opening) override;
  Result<AddedMessage> Open(const NewConversation& c, const OpeningPlan& opening,
                            const NewMessage& first, const MessagePlan& plan) override;
  Result<std::optional<MessageRef>> FindByExternalIds(
      const std::vector<std::string>& external_ids) override;
  Result<Conversation> Get(int64_t id) override;
  Result<StoredAttachment> GetAttachment(int64_t id) override;
  Result<Page<Conversation>> List(const ConversationFilter& f, const PageRequest& p) override;
  Result<Conversation> Change(int64_t id, const ConversationPlan& plan) override;
  Result<AddedMessage> AddMessage(const NewMessage& m, const MessagePlan& plan) override;
  // One INSERT per row; PostgreSQL overrides it with batch statements.
  Result<std::vector<AddedMessage>> AddMessages(const std::vector<NewMessage>& messages,
                                                const MessagePlan& plan) override;
  Result<Message> GetMessage(int64_t id) override;
  Result<Page<Message>> ListMessages(int64_t conversation_id, bool include_internal,
                                     const PageRequest& p) override;
  Result<int64_t> CountMessages() override;

 protected:
  // Called in the writing transaction after messages with ids `first` to
  // `last` (all written by this transaction) were inserted, for an engine
  // that indexes their text itself (SQLite's FTS5 table; PostgreSQL's
  // tsvector column is generated).
  virtual Status MessagesAdded(Connection& c, int64_t first, int64_t last) { return Status::Ok(); }
  Database& db() { return db_; }

 private:
  Database& db_;
};

}  // namespace luister::sql
