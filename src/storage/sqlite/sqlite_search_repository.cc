#include "storage/sqlite/sqlite_search_repository.h"

#include <vector>

#include "domain/search.h"
#include "storage/sqlite/luister_tokenizer.h"
#include "storage/sqlite/query_builder.h"

namespace luister::sqlite {

namespace {

// Search runs in two steps so that the expensive parts touch few rows:
//  1. rank: the newest kRankWindow matches (FTS5 walks its index in rowid
//     order, so this stops early for common words), filtered, each scored by
//     luister_rank (BM25 without IDF; see fts_rank.h); the page is cut from
//     those by score. Nothing walks every match of a word like "order".
//  2. detail: the snippet and the joined columns for the (at most `limit`)
//     rows of the page, one indexed lookup each.
// So a common word ranks among its recent matches: on a service desk the
// newest relevant conversation is the one wanted.
constexpr int64_t kRankWindow = 5000;

// Each rank query yields (id, score) and ends with "ORDER BY <rowid> DESC
// LIMIT ?" once its filters are appended; kRankPage then orders the window.
constexpr char kRankMessagesUnfiltered[] =
    "SELECT rowid AS id, luister_rank(messages_fts) AS score FROM messages_fts "
    "WHERE messages_fts MATCH ?";
constexpr char kRankMessages[] =
    "SELECT messages_fts.rowid AS id, luister_rank(messages_fts) AS score FROM messages_fts "
    "JOIN messages m ON m.id = messages_fts.rowid "
    "JOIN conversations c ON c.id = m.conversation_id WHERE messages_fts MATCH ?";
constexpr char kRankConversationsUnfiltered[] =
    "SELECT rowid AS id, luister_rank(conversations_fts) AS score FROM conversations_fts "
    "WHERE conversations_fts MATCH ?";
constexpr char kRankConversations[] =
    "SELECT conversations_fts.rowid AS id, luister_rank(conversations_fts) AS score "
    "FROM conversations_fts JOIN conversations c ON c.id = conversations_fts.rowid "
    "WHERE conversations_fts MATCH ?";
// Names weigh more than identity values.
constexpr char kRankCustomers[] =
    "SELECT customers_fts.rowid AS id, luister_rank(customers_fts, 2.0, 1.0) AS score "
    "FROM customers_fts JOIN customers cu ON cu.id = customers_fts.rowid "
    "WHERE customers_fts MATCH ? AND cu.merged_into_id IS NULL";
constexpr char kRankPage[] = ") ORDER BY score, id DESC LIMIT ? OFFSET ?";

// Detail columns: id, conversation_id, customer_id, title, highlight, at.
constexpr char kDetailMessage[] =
    "SELECT m.id, m.conversation_id, m.customer_id, c.subject, "
    "snippet(messages_fts, 0, ?1, ?2, '\u2026', 16), m.created_at "
    "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
    "JOIN conversations c ON c.id = m.conversation_id "
    "WHERE messages_fts MATCH ?3 AND messages_fts.rowid = ?4";
constexpr char kDetailConversation[] =
    "SELECT c.id, c.id, c.customer_id, c.subject, "
    "snippet(conversations_fts, 0, ?1, ?2, '\u2026', 16), c.last_message_at "
    "FROM conversations_fts JOIN conversations c ON c.id = conversations_fts.rowid "
    "WHERE conversations_fts MATCH ?3 AND conversations_fts.rowid = ?4";
constexpr char kDetailCustomer[] =
    "SELECT cu.id, NULL, cu.id, cu.name, "
    "snippet(customers_fts, -1, ?1, ?2, '\u2026', 16), cu.updated_at "
    "FROM customers_fts JOIN customers cu ON cu.id = customers_fts.rowid "
    "WHERE customers_fts MATCH ?3 AND customers_fts.rowid = ?4";

std::string QuoteFts5String(std::string_view term) {
  std::string out = "\"";
  for (char ch : term) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

}  // namespace

Result<std::optional<std::string>> SqliteSearchRepository::BuildMatchExpression(
    Connection& c, std::string_view text) {
  std::string expr;
  for (std::string_view term : SplitSearchTerms(text)) {
    LUISTER_ASSIGN_OR_RETURN(bool searchable, HasSearchableTokens(c.raw(), term));
    if (!searchable) continue;
    if (!expr.empty()) expr += " AND ";
    expr += QuoteFts5String(term);
  }
  if (expr.empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(expr));
}

Result<std::vector<SearchHit>> SqliteSearchRepository::Search(const SearchQuery& q) {
  if (q.limit <= 0) return std::vector<SearchHit>{};
  return db_.Read([&](Connection& c) -> Result<std::vector<SearchHit>> {
    LUISTER_ASSIGN_OR_RETURN(auto match, BuildMatchExpression(c, q.text));
    if (!match) return std::vector<SearchHit>{};

    QueryBuilder rank("SELECT id, score FROM (");
    const char* detail = nullptr;
    // The joins are needed only to filter.
    const bool filtered = q.channel || q.department_id;
    switch (q.scope) {
      case SearchScope::kMessages:
        rank.Add(filtered ? kRankMessages : kRankMessagesUnfiltered, *match);
        if (q.channel) rank.Add(" AND m.channel = ?", std::string(ToString(*q.channel)));
        if (q.department_id) rank.Add(" AND c.department_id = ?", *q.department_id);
        rank.Add(" ORDER BY messages_fts.rowid DESC LIMIT ?", kRankWindow);
        detail = kDetailMessage;
        break;
      case SearchScope::kConversations:
        rank.Add(filtered ? kRankConversations : kRankConversationsUnfiltered, *match);
        if (q.channel) rank.Add(" AND c.channel = ?", std::string(ToString(*q.channel)));
        if (q.department_id) rank.Add(" AND c.department_id = ?", *q.department_id);
        rank.Add(" ORDER BY conversations_fts.rowid DESC LIMIT ?", kRankWindow);
        detail = kDetailConversation;
        break;
      case SearchScope::kCustomers:
        rank.Add(kRankCustomers, *match);
        // A customer matches a channel or department through its conversations.
        if (q.channel)
          rank.Add(
              " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = cu.id"
              " AND c.channel = ?)",
              std::string(ToString(*q.channel)));
        if (q.department_id)
          rank.Add(
              " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = cu.id"
              " AND c.department_id = ?)",
              *q.department_id);
        rank.Add(" ORDER BY customers_fts.rowid DESC LIMIT ?", kRankWindow);
        detail = kDetailCustomer;
        break;
    }
    rank.Add(kRankPage, int64_t{q.limit}, int64_t{q.offset < 0 ? 0 : q.offset});

    std::vector<SearchHit> hits;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, rank.Prepare(c));
      while (true) {
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        SearchHit h;
        h.scope = q.scope;
        h.id = st.Int(0);
        h.rank = st.Double(1);
        hits.push_back(std::move(h));
      }
    }
    const std::string open(1, kHighlightOpen);
    const std::string close(1, kHighlightClose);
    for (SearchHit& h : hits) {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(detail));
      st.Bind(1, open).Bind(2, close).Bind(3, *match).Bind(4, h.id);
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Internal("search hit " + std::to_string(h.id) + " vanished");
      h.conversation_id = st.OptInt(1);
      h.customer_id = st.OptInt(2);
      h.title = st.Text(3);
      h.highlight = st.Text(4);
      h.at = st.Time(5);
    }
    return hits;
  });
}

}  // namespace luister::sqlite
