#include "storage/sqlite/sqlite_conversation_repository.h"

#include "storage/sqlite/sql_database.h"

namespace luister::sqlite {

namespace {

// Ids first..last were all written by the open transaction, which holds the
// write lock, so the range holds exactly the new messages.
constexpr char kIndexMessages[] =
    "INSERT INTO messages_fts (rowid, body_text) "
    "SELECT id, body_text FROM messages WHERE id BETWEEN ?1 AND ?2";

}  // namespace

Status SqliteConversationRepository::MessagesAdded(sql::Connection& c, int64_t first,
                                                   int64_t last) {
  LUISTER_ASSIGN_OR_RETURN(auto st, Native(c).Prepare(kIndexMessages));
  return st.Bind(1, first).Bind(2, last).Run();
}

}  // namespace luister::sqlite
