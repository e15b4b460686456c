#include "storage/postgres/pg_search_repository.h"

#include <cctype>
#include <unordered_map>

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr int64_t kRankWindow = 5000;

// One term as a tsquery in both languages; phraseto_tsquery reads any text
// as plain words, so nothing a user types is query syntax.
constexpr char kTermQuery[] =
    "(phraseto_tsquery('english', luister_words(?)) || "
    "phraseto_tsquery('dutch', luister_words(?)))";

// Highlight markers as in domain/search.h; a headline in the language whose
// stems matched (English first, else Dutch).
constexpr char kHeadline[] =
    "CASE WHEN position(E'\\x02' IN ts_headline('english', {text}, {query}, {options})) > 0 "
    "THEN ts_headline('english', {text}, {query}, {options}) "
    "ELSE ts_headline('dutch', {text}, {query}, {options}) END";
constexpr char kHeadlineOptions[] =
    "'StartSel=\"\x02\", StopSel=\"\x03\", MaxWords=16, MinWords=6, MaxFragments=1, "
    "FragmentDelimiter=\"\u2026\"'";

std::string Replace(std::string s, const std::string& what, const std::string& with) {
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

std::string Headline(const std::string& text_expr) {
  std::string h = Replace(kHeadline, "{text}", text_expr);
  h = Replace(h, "{query}", "q.query");
  return Replace(h, "{options}", kHeadlineOptions);
}

// "WITH q AS (SELECT <all terms ANDed> AS query) " with the terms bound.
void AddQuery(QueryBuilder& b, const std::vector<std::string_view>& terms) {
  b.Add("WITH q AS (SELECT (");
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i) b.Add(" && ");
    b.Add(kTermQuery, std::string(terms[i]), std::string(terms[i]));
  }
  b.Add(") AS query) ");
}

}  // namespace

Result<std::vector<SearchHit>> PgSearchRepository::Search(const SearchQuery& q) {
  if (q.limit <= 0) return std::vector<SearchHit>{};
  std::vector<std::string_view> terms;
  for (std::string_view t : SplitSearchTerms(q.text)) {
    // Terms without a letter or digit would be empty queries.
    bool has_word = false;
    for (unsigned char ch : t) has_word |= std::isalnum(ch) || ch >= 0x80;
    if (has_word) terms.push_back(t);
  }
  if (terms.empty()) return std::vector<SearchHit>{};

  QueryBuilder rank("");
  AddQuery(rank, terms);
  QueryBuilder detail("");
  AddQuery(detail, terms);
  switch (q.scope) {
    case SearchScope::kMessages:
      rank.Add(
          "SELECT id, score FROM (SELECT m.id, -ts_rank_cd(m.search, q.query, 1) AS score "
          "FROM q, messages m JOIN conversations c ON c.id = m.conversation_id "
          "WHERE m.search @@ q.query");
      if (q.channel) rank.Add(" AND m.channel = ?", std::string(ToString(*q.channel)));
      if (q.department_id) rank.Add(" AND c.department_id = ?", *q.department_id);
      rank.Add(" ORDER BY m.id DESC LIMIT ?", kRankWindow);
      detail.Add("SELECT m.id, m.conversation_id, m.customer_id, c.subject, " +
                 Headline("m.body_text") +
                 ", m.created_at FROM q, messages m JOIN conversations c "
                 "ON c.id = m.conversation_id WHERE m.id = ANY(?::bigint[])");
      break;
    case SearchScope::kConversations:
      rank.Add(
          "SELECT id, score FROM (SELECT c.id, -ts_rank_cd(c.search, q.query, 1) AS score "
          "FROM q, conversations c WHERE c.search @@ q.query");
      if (q.channel) rank.Add(" AND c.channel = ?", std::string(ToString(*q.channel)));
      if (q.department_id) rank.Add(" AND c.department_id = ?", *q.department_id);
      rank.Add(" ORDER BY c.id DESC LIMIT ?", kRankWindow);
      detail.Add("SELECT c.id, c.id, c.customer_id, c.subject, " + Headline("c.subject") +
                 ", c.last_message_at FROM q, conversations c WHERE c.id = ANY(?::bigint[])");
      break;
    case SearchScope::kCustomers:
      rank.Add(
          "SELECT id, score FROM (SELECT cu.id, -ts_rank_cd(cu.search, q.query, 1) AS score "
          "FROM q, customers cu WHERE cu.search @@ q.query AND cu.merged_into_id IS NULL");
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
      rank.Add(" ORDER BY cu.id DESC LIMIT ?", kRankWindow);
      detail.Add("SELECT cu.id, NULL, cu.id, cu.name, " +
                 Headline("cu.name || ' ' || luister_words(cu.search_text)") +
                 ", cu.updated_at FROM q, customers cu WHERE cu.id = ANY(?::bigint[])");
      break;
  }
  rank.Add(") w ORDER BY score, id DESC LIMIT ? OFFSET ?", int64_t{q.limit},
           int64_t{q.offset < 0 ? 0 : q.offset});

  return db_.Read([&](Connection& c) -> Result<std::vector<SearchHit>> {
    LUISTER_ASSIGN_OR_RETURN(Rows ranked, rank.Run(c));
    std::vector<SearchHit> hits;
    std::vector<int64_t> ids;
    for (int i = 0; i < ranked.size(); ++i) {
      SearchHit h;
      h.scope = q.scope;
      h.id = ranked.Int(i, 0);
      h.rank = ranked.Double(i, 1);
      ids.push_back(h.id);
      hits.push_back(std::move(h));
    }
    if (hits.empty()) return hits;
    QueryBuilder page = detail;
    page.Add("", IdArray(ids));
    LUISTER_ASSIGN_OR_RETURN(Rows rows, page.Run(c));
    std::unordered_map<int64_t, int> row_of;
    for (int i = 0; i < rows.size(); ++i) row_of[rows.Int(i, 0)] = i;
    for (SearchHit& h : hits) {
      auto it = row_of.find(h.id);
      if (it == row_of.end()) return Internal("search hit " + std::to_string(h.id) + " vanished");
      int i = it->second;
      h.conversation_id = rows.OptInt(i, 1);
      h.customer_id = rows.OptInt(i, 2);
      h.title = rows.Text(i, 3);
      h.highlight = rows.Text(i, 4);
      h.at = rows.Time(i, 5);
    }
    return hits;
  });
}

}  // namespace luister::postgres
