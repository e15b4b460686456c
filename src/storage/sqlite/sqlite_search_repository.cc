#include "storage/sqlite/sqlite_search_repository.h"

#include <vector>

#include "domain/search.h"
#include "storage/sqlite/luister_tokenizer.h"
#include "storage/sqlite/query_builder.h"

namespace luister::sqlite {

namespace {

// Result columns: id, conversation_id, customer_id, title, highlight, rank, at.
constexpr char kSearchMessages[] =
    "SELECT m.id, m.conversation_id, m.customer_id, c.subject, "
    "snippet(messages_fts, 0, ?, ?, '\u2026', 16), bm25(messages_fts), m.created_at "
    "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
    "JOIN conversations c ON c.id = m.conversation_id WHERE messages_fts MATCH ?";
constexpr char kSearchConversations[] =
    "SELECT c.id, c.id, c.customer_id, c.subject, "
    "snippet(conversations_fts, 0, ?, ?, '\u2026', 16), bm25(conversations_fts), "
    "c.last_message_at "
    "FROM conversations_fts JOIN conversations c ON c.id = conversations_fts.rowid "
    "WHERE conversations_fts MATCH ?";
// Names weigh more than identity values.
constexpr char kSearchCustomers[] =
    "SELECT cu.id, NULL, cu.id, cu.name, "
    "snippet(customers_fts, -1, ?, ?, '\u2026', 16), bm25(customers_fts, 2.0, 1.0), "
    "cu.updated_at "
    "FROM customers_fts JOIN customers cu ON cu.id = customers_fts.rowid "
    "WHERE customers_fts MATCH ? AND cu.merged_into_id IS NULL";

// Splits user text into words and "quoted phrases" (an unclosed quote runs to
// the end).
std::vector<std::string_view> SplitTerms(std::string_view text) {
  std::vector<std::string_view> terms;
  size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      ++i;
    } else if (ch == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      terms.push_back(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = text.find_first_of(" \t\n\r\"", i);
      if (end == std::string_view::npos) end = text.size();
      terms.push_back(text.substr(i, end - i));
      i = end;
    }
  }
  return terms;
}

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
  for (std::string_view term : SplitTerms(text)) {
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
    const std::string open(1, kHighlightOpen);
    const std::string close(1, kHighlightClose);
    const char* order = "";
    QueryBuilder b("");
    switch (q.scope) {
      case SearchScope::kMessages:
        b.Add(kSearchMessages, open, close, *match);
        if (q.channel) b.Add(" AND m.channel = ?", std::string(ToString(*q.channel)));
        if (q.department_id) b.Add(" AND c.department_id = ?", *q.department_id);
        order = " ORDER BY bm25(messages_fts), m.id DESC";
        break;
      case SearchScope::kConversations:
        b.Add(kSearchConversations, open, close, *match);
        if (q.channel) b.Add(" AND c.channel = ?", std::string(ToString(*q.channel)));
        if (q.department_id) b.Add(" AND c.department_id = ?", *q.department_id);
        order = " ORDER BY bm25(conversations_fts), c.id DESC";
        break;
      case SearchScope::kCustomers:
        b.Add(kSearchCustomers, open, close, *match);
        // A customer matches a channel or department through its conversations.
        if (q.channel)
          b.Add(
              " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = cu.id"
              " AND c.channel = ?)",
              std::string(ToString(*q.channel)));
        if (q.department_id)
          b.Add(
              " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = cu.id"
              " AND c.department_id = ?)",
              *q.department_id);
        order = " ORDER BY bm25(customers_fts, 2.0, 1.0), cu.id DESC";
        break;
    }
    b.Add(order);
    b.Add(" LIMIT ? OFFSET ?", int64_t{q.limit}, int64_t{q.offset < 0 ? 0 : q.offset});
    LUISTER_ASSIGN_OR_RETURN(auto st, b.Prepare(c));
    std::vector<SearchHit> hits;
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return hits;
      SearchHit h;
      h.scope = q.scope;
      h.id = st.Int(0);
      h.conversation_id = st.OptInt(1);
      h.customer_id = st.OptInt(2);
      h.title = st.Text(3);
      h.highlight = st.Text(4);
      h.rank = st.Double(5);
      h.at = st.Time(6);
      hits.push_back(std::move(h));
    }
  });
}

}  // namespace luister::sqlite
