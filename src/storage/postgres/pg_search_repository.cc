#include "storage/postgres/pg_search_repository.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
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

// Where and how one scope is searched.
struct ScopeSql {
  const char* table;  // the table whose ids are windowed
  const char* from;   // FROM clause after "q, ", with the alias `a`
};

ScopeSql ScopeOf(SearchScope s) {
  switch (s) {
    case SearchScope::kMessages:
      return {"messages", "messages a"};
    case SearchScope::kConversations:
      return {"conversations", "conversations a"};
    case SearchScope::kCustomers:
      return {"customers", "customers a"};
  }
  return {"messages", "messages a"};
}

// The scope's filters, appended to a WHERE clause.
void AddFilters(QueryBuilder& b, const SearchQuery& q) {
  switch (q.scope) {
    case SearchScope::kMessages:
      if (q.channel) b.Add(" AND a.channel = ?", std::string(ToString(*q.channel)));
      if (q.department_id)
        b.Add(" AND a.conversation_id IN (SELECT id FROM conversations WHERE department_id = ?)",
              *q.department_id);
      break;
    case SearchScope::kConversations:
      if (q.channel) b.Add(" AND a.channel = ?", std::string(ToString(*q.channel)));
      if (q.department_id) b.Add(" AND a.department_id = ?", *q.department_id);
      break;
    case SearchScope::kCustomers:
      b.Add(" AND a.merged_into_id IS NULL");
      if (q.channel)
        b.Add(
            " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = a.id"
            " AND c.channel = ?)",
            std::string(ToString(*q.channel)));
      if (q.department_id)
        b.Add(
            " AND EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = a.id"
            " AND c.department_id = ?)",
            *q.department_id);
      break;
  }
}

struct Ranked {
  int64_t id;
  double score;  // lower ranks first (negated ts_rank_cd)
};

// Above this estimated share of matching rows, walking the primary key finds
// the newest matches sooner than bitmap windows do. PostgreSQL's estimates
// for text search run about twice the real count.
constexpr double kWalkDensity = 0.15;

// The row estimate of the top plan node in EXPLAIN's first line
// ("... (cost=0.00..1.00 rows=123 width=8)"); 0 when there is none.
int64_t EstimatedRows(const std::string& line) {
  size_t at = line.find(" rows=");
  if (at == std::string::npos) return 0;
  return std::strtoll(line.c_str() + at + 6, nullptr, 10);
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
  const ScopeSql scope = ScopeOf(q.scope);

  // The newest kRankWindow matches, ranked, as SQLite ranks them. A GIN
  // index finds matches but not in id order, so there are two ways to the
  // newest ones, and which is fast depends on how common the words are:
  //  - walking the primary key backwards and testing each row (~1 us a row):
  //    fast for common words, seconds for rare ones at 1M messages;
  //  - a bitmap AND of the GIN index and an id range (~5-10 us a match, plus
  //    reading the words' posting lists): fast when matches are few,
  //    searched in id windows from the newest down until enough are found.
  // PostgreSQL's estimate of the matches picks one. The rank is computed
  // only for the rows kept.
  // The matches newer than `lo` (0: all) up to `hi`, newest first, at most
  // `limit`, each with its score.
  auto newest = [&](int64_t lo, int64_t hi, int64_t limit) {
    QueryBuilder b("");
    AddQuery(b, terms);
    // `q` is named once, so PostgreSQL inlines it and plans with the words.
    b.Add(std::string("SELECT w.id, -ts_rank_cd(w.search, w.query, 1) FROM "
                      "(SELECT a.id, a.search, q.query FROM q, ") +
              scope.from + " WHERE a.search @@ q.query AND a.id <= ?",
          hi);
    if (lo > 0) b.Add(" AND a.id > ?", lo);
    AddFilters(b, q);
    b.Add(" ORDER BY a.id DESC LIMIT ?) w", limit);
    return b;
  };
  auto estimate = [&] {
    QueryBuilder b("EXPLAIN ");
    AddQuery(b, terms);
    b.Add(std::string("SELECT a.id FROM q, ") + scope.from + " WHERE a.search @@ q.query");
    AddFilters(b, q);
    return b;
  };

  QueryBuilder detail("");
  AddQuery(detail, terms);
  switch (q.scope) {
    case SearchScope::kMessages:
      detail.Add("SELECT m.id, m.conversation_id, m.customer_id, c.subject, " +
                 Headline("m.body_text") +
                 ", m.created_at FROM q, messages m JOIN conversations c "
                 "ON c.id = m.conversation_id WHERE m.id = ANY(?::bigint[])");
      break;
    case SearchScope::kConversations:
      detail.Add("SELECT c.id, c.id, c.customer_id, c.subject, " + Headline("c.subject") +
                 ", c.last_message_at FROM q, conversations c WHERE c.id = ANY(?::bigint[])");
      break;
    case SearchScope::kCustomers:
      detail.Add("SELECT cu.id, NULL, cu.id, cu.name, " +
                 Headline("cu.name || ' ' || luister_words(cu.search_text)") +
                 ", cu.updated_at FROM q, customers cu WHERE cu.id = ANY(?::bigint[])");
      break;
  }

  return db_.Read([&](Connection& c) -> Result<std::vector<SearchHit>> {
    // Parallel workers cost more to start than they save on these small
    // scans, and take cores from concurrent requests. Plans depend on the
    // words, so a cached generic plan must not replace them.
    LUISTER_RETURN_IF_ERROR(c.Exec("SET LOCAL max_parallel_workers_per_gather = 0"));
    LUISTER_RETURN_IF_ERROR(c.Exec("SET LOCAL plan_cache_mode = force_custom_plan"));
    LUISTER_ASSIGN_OR_RETURN(
        Rows top,
        c.Query(std::string("SELECT COALESCE(max(id), 0) FROM ") + scope.table, Params()));
    const int64_t max_id = top.Int(0, 0);
    LUISTER_ASSIGN_OR_RETURN(Rows plan, estimate().Run(c));
    const double density = static_cast<double>(EstimatedRows(plan.Text(0, 0))) /
                           static_cast<double>(std::max<int64_t>(1, max_id));
    std::vector<Ranked> matches;
    auto take = [&](const Rows& rows) {
      for (int i = 0; i < rows.size(); ++i) matches.push_back({rows.Int(i, 0), rows.Double(i, 1)});
    };
    if (density >= kWalkDensity) {
      LUISTER_ASSIGN_OR_RETURN(Rows rows, newest(0, max_id, kRankWindow).Run(c));
      take(rows);
    } else {
      // Plain index scans would be the walk; bitmap scans of both indexes stay.
      LUISTER_RETURN_IF_ERROR(c.Exec("SET LOCAL enable_indexscan = off"));
      int64_t hi = max_id;
      // Estimates are off by half or twice either way: the first window
      // aims at half of what is needed, so it rarely fetches far more rows
      // than it keeps, and the next is sized from the matches actually seen.
      int64_t span = density > 0 ? static_cast<int64_t>(kRankWindow / 2 / density) : max_id;
      int64_t scanned = 0;
      while (hi > 0 && static_cast<int64_t>(matches.size()) < kRankWindow) {
        int64_t lo = std::max<int64_t>(0, hi - std::max<int64_t>(span, 1000));
        LUISTER_ASSIGN_OR_RETURN(
            Rows rows, newest(lo, hi, kRankWindow - static_cast<int64_t>(matches.size())).Run(c));
        take(rows);
        scanned += hi - lo;
        hi = lo;
        // The next window holds what is still needed at the density seen so
        // far, with a margin; after a window without matches, the rest.
        const int64_t need = kRankWindow - static_cast<int64_t>(matches.size());
        span = matches.empty() ? hi : need * scanned * 5 / 4 / static_cast<int64_t>(matches.size());
      }
    }
    // Best first; equal scores newest first. Then the requested page.
    std::sort(matches.begin(), matches.end(), [](const Ranked& x, const Ranked& y) {
      return x.score != y.score ? x.score < y.score : x.id > y.id;
    });
    const size_t from = static_cast<size_t>(std::max(0, q.offset));
    std::vector<SearchHit> hits;
    std::vector<int64_t> ids;
    for (size_t i = from; i < matches.size() && hits.size() < static_cast<size_t>(q.limit); ++i) {
      SearchHit h;
      h.scope = q.scope;
      h.id = matches[i].id;
      h.rank = matches[i].score;
      ids.push_back(h.id);
      hits.push_back(std::move(h));
    }
    if (hits.empty()) return hits;
    // The page's rows by primary key: plain index scans again.
    LUISTER_RETURN_IF_ERROR(c.Exec("SET LOCAL enable_indexscan = on"));
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
