#pragma once

#include "storage/sql/sql_conversation_repository.h"

namespace luister::sqlite {

// The shared conversation repository; SQLite indexes new messages' text in
// its FTS5 table itself, once per transaction (migration 0002 says why).
class SqliteConversationRepository final : public sql::SqlConversationRepository {
 public:
  using SqlConversationRepository::SqlConversationRepository;

 protected:
  Status MessagesAdded(sql::Connection& c, int64_t first, int64_t last) override;
};

}  // namespace luister::sqlite
