#include "storage/sql/sql_duplicate_repository.h"

#include <algorithm>
#include <map>

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "d.id, d.customer_id, d.other_id, d.status, d.created_at, d.updated_at, d.decided_by, "
    "d.decided_at";
const Sql kFind(std::string("SELECT ") + kColumns +
                " FROM duplicate_suggestions d WHERE d.customer_id = ? AND d.other_id = ?"
                "{for_update}");
const Sql kSelect(std::string("SELECT ") + kColumns +
                  " FROM duplicate_suggestions d WHERE d.id = ?");
const Sql kSelectForUpdate(std::string("SELECT ") + kColumns +
                           " FROM duplicate_suggestions d WHERE d.id = ?{for_update}");
const Sql kInsert(
    "INSERT INTO duplicate_suggestions (customer_id, other_id, status, created_at, updated_at) "
    "VALUES (?, ?, 'open', ?, ?) ON CONFLICT DO NOTHING");
const Sql kAddEvidence(
    "INSERT INTO duplicate_evidence (suggestion_id, reason, detail, door, at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
const Sql kTouch("UPDATE duplicate_suggestions SET updated_at = ? WHERE id = ?");
const Sql kClose(
    "UPDATE duplicate_suggestions SET status = ?, decided_by = ?, decided_at = ?, updated_at = ? "
    "WHERE id = ?");
// Neither side merged away (merging closes a suggestion only when made
// from it; a merge made otherwise leaves it behind, unlisted).
constexpr char kBothLive[] =
    " JOIN customers a ON a.id = d.customer_id AND a.merged_into_id IS NULL"
    " JOIN customers b ON b.id = d.other_id AND b.merged_into_id IS NULL";
const Sql kOpenFor(std::string("SELECT ") + kColumns + " FROM duplicate_suggestions d" + kBothLive +
                   " WHERE d.status = 'open' AND d.customer_id = ?"
                   " UNION ALL SELECT " +
                   kColumns + " FROM duplicate_suggestions d" + kBothLive +
                   " WHERE d.status = 'open' AND d.other_id = ?");
const Sql kCountOpen(std::string("SELECT count(*) FROM duplicate_suggestions d") + kBothLive +
                     " WHERE d.status = 'open'");
const Sql kUpsertKey(
    "INSERT INTO customer_name_keys (customer_id, name_key) VALUES (?, ?) "
    "ON CONFLICT (customer_id) DO UPDATE SET name_key = excluded.name_key");
const Sql kWithKey(
    "SELECT k.customer_id FROM customer_name_keys k JOIN customers c ON c.id = k.customer_id "
    "WHERE k.name_key = ? AND k.customer_id <> ? AND c.merged_into_id IS NULL "
    "ORDER BY k.customer_id LIMIT ?");
// duplicate_scan holds one row, written on first use (a migration seeds no rows,
// so an empty database stays empty and a copy between engines finds nothing).
const Sql kScanned("SELECT COALESCE(max(scanned_up_to), 0) FROM duplicate_scan");
const Sql kSetScanned(
    "INSERT INTO duplicate_scan (singleton, scanned_up_to, job_id) VALUES (1, ?, NULL) "
    "ON CONFLICT (singleton) DO UPDATE SET scanned_up_to = excluded.scanned_up_to "
    "WHERE duplicate_scan.scanned_up_to < excluded.scanned_up_to");
const Sql kScanJob("SELECT job_id FROM duplicate_scan WHERE singleton = 1 AND job_id IS NOT NULL");
const Sql kFirstScanJob(
    "INSERT INTO duplicate_scan (singleton, scanned_up_to, job_id) VALUES (1, 0, ?) "
    "ON CONFLICT (singleton) DO UPDATE SET job_id = excluded.job_id "
    "WHERE duplicate_scan.job_id IS NULL");
const Sql kNextScanJob("UPDATE duplicate_scan SET job_id = ? WHERE singleton = 1 AND job_id = ?");

DuplicateSuggestion FromRow(const Row& r) {
  DuplicateSuggestion s;
  s.id = r.Int(0);
  s.customer_id = r.Int(1);
  s.other_id = r.Int(2);
  s.status = ParseDuplicateStatus(r.Text(3)).value_or(DuplicateStatus::kOpen);
  s.created_at = r.Time(4);
  s.updated_at = r.Time(5);
  s.decided_by = r.OptInt(6);
  s.decided_at = r.OptTime(7);
  return s;
}

// Fills in the evidence of `list` with one query.
Status LoadEvidence(Connection& c, std::vector<DuplicateSuggestion>* list) {
  if (list->empty()) return Status::Ok();
  QueryBuilder q(
      "SELECT suggestion_id, reason, detail, door, at FROM duplicate_evidence "
      "WHERE suggestion_id IN (");
  for (size_t i = 0; i < list->size(); ++i) q.Add(i == 0 ? "?" : ", ?", (*list)[i].id);
  q.Add(") ORDER BY at, reason, detail");
  std::map<int64_t, DuplicateSuggestion*> by_id;
  for (DuplicateSuggestion& s : *list) by_id[s.id] = &s;
  using Row4 = std::pair<int64_t, DuplicateEvidence>;
  LUISTER_ASSIGN_OR_RETURN(
      auto rows, Collect<Row4>(c, q.Build(), q.params(), [](const Row& r) {
        DuplicateEvidence e;
        e.reason = ParseDuplicateReason(r.Text(1)).value_or(DuplicateReason::kSamePhone);
        e.detail = r.Text(2);
        e.door = r.Text(3);
        e.at = r.Time(4);
        return Row4{r.Int(0), std::move(e)};
      }));
  for (auto& [id, e] : rows) by_id[id]->evidence.push_back(std::move(e));
  return Status::Ok();
}

Result<DuplicateSuggestion> Load(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s,
                           One<DuplicateSuggestion>(c, kSelect, id, "suggestion", FromRow));
  std::vector<DuplicateSuggestion> one{std::move(s)};
  LUISTER_RETURN_IF_ERROR(LoadEvidence(c, &one));
  return std::move(one.front());
}

}  // namespace

Result<DuplicateSuggestion> SqlDuplicateRepository::Suggest(int64_t a, int64_t b,
                                                            const DuplicateEvidence& e) {
  if (a == b) return InvalidArgument("a customer is no duplicate of themselves");
  const int64_t low = std::min(a, b);
  const int64_t high = std::max(a, b);
  return db_.Write([&](Connection& c) -> Result<DuplicateSuggestion> {
    LUISTER_RETURN_IF_ERROR(c.Execute(kInsert, Params::Of(low, high, e.at, e.at)).status());
    LUISTER_ASSIGN_OR_RETURN(auto found,
                             First<DuplicateSuggestion>(c, kFind, Params::Of(low, high), FromRow));
    if (!found) return Internal("the suggestion vanished");
    if (found->status == DuplicateStatus::kOpen) {
      LUISTER_ASSIGN_OR_RETURN(
          int64_t added, c.Execute(kAddEvidence, Params::Of(found->id, ToString(e.reason), e.detail,
                                                            e.door, e.at)));
      if (added == 1)
        LUISTER_RETURN_IF_ERROR(c.Execute(kTouch, Params::Of(e.at, found->id)).status());
    }
    return Load(c, found->id);
  });
}

Result<DuplicateSuggestion> SqlDuplicateRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return Load(c, id); });
}

Result<Page<DuplicateSuggestion>> SqlDuplicateRepository::ListOpen(const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kColumns + " FROM duplicate_suggestions d" + kBothLive +
                 " WHERE d.status = 'open'");
  if (p.after) q.Add(" AND (d.updated_at, d.id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY d.updated_at DESC, d.id DESC LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<DuplicateSuggestion>> {
    LUISTER_ASSIGN_OR_RETURN(auto rows,
                             Collect<DuplicateSuggestion>(c, q.Build(), q.params(), FromRow));
    Page<DuplicateSuggestion> page =
        MakePage(std::move(rows), p.limit,
                 [](const DuplicateSuggestion& s) { return ToMillis(s.updated_at); });
    LUISTER_RETURN_IF_ERROR(LoadEvidence(c, &page.items));
    return page;
  });
}

Result<std::vector<DuplicateSuggestion>> SqlDuplicateRepository::OpenFor(int64_t customer_id) {
  return db_.Read([&](Connection& c) -> Result<std::vector<DuplicateSuggestion>> {
    LUISTER_ASSIGN_OR_RETURN(
        auto rows,
        Collect<DuplicateSuggestion>(c, kOpenFor, Params::Of(customer_id, customer_id), FromRow));
    std::sort(rows.begin(), rows.end(),
              [](const DuplicateSuggestion& x, const DuplicateSuggestion& y) {
                return x.updated_at > y.updated_at || (x.updated_at == y.updated_at && x.id > y.id);
              });
    LUISTER_RETURN_IF_ERROR(LoadEvidence(c, &rows));
    return rows;
  });
}

Result<int64_t> SqlDuplicateRepository::CountOpen() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountOpen); });
}

Result<DuplicateSuggestion> SqlDuplicateRepository::Close(int64_t id, DuplicateStatus to,
                                                          int64_t by_user_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<DuplicateSuggestion> {
    LUISTER_ASSIGN_OR_RETURN(
        DuplicateSuggestion s,
        One<DuplicateSuggestion>(c, kSelectForUpdate, id, "suggestion", FromRow));
    if (s.status != DuplicateStatus::kOpen)
      return Conflict("this suggestion was " + std::string(ToString(s.status)) + " already");
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kClose, Params::Of(ToString(to), by_user_id, at, at, id)).status());
    return Load(c, id);
  });
}

Status SqlDuplicateRepository::SetNameKeys(
    const std::vector<std::pair<int64_t, std::string>>& keys) {
  if (keys.empty()) return Status::Ok();
  return db_.Write([&](Connection& c) {
    for (const auto& [id, key] : keys)
      LUISTER_RETURN_IF_ERROR(c.Execute(kUpsertKey, Params::Of(id, key)).status());
    return Status::Ok();
  });
}

Result<std::vector<int64_t>> SqlDuplicateRepository::WithNameKey(const std::string& key,
                                                                 int64_t except, int limit) {
  if (key.empty()) return std::vector<int64_t>{};
  return db_.Read([&](Connection& c) {
    return Collect<int64_t>(c, kWithKey, Params::Of(key, except, static_cast<int64_t>(limit)),
                            [](const Row& r) { return r.Int(0); });
  });
}

Result<int64_t> SqlDuplicateRepository::ScannedUpTo() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kScanned); });
}

Status SqlDuplicateRepository::SetScannedUpTo(int64_t customer_id) {
  return db_.Write(
      [&](Connection& c) { return c.Execute(kSetScanned, Params::Of(customer_id)).status(); });
}

Result<std::optional<int64_t>> SqlDuplicateRepository::ScanJobId() {
  return db_.ReadOne([&](Connection& c) {
    return First<int64_t>(c, kScanJob, Params(), [](const Row& r) { return r.Int(0); });
  });
}

Result<bool> SqlDuplicateRepository::SetScanJob(std::optional<int64_t> expected, int64_t job_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, expected
                                            ? c.Execute(kNextScanJob, Params::Of(job_id, *expected))
                                            : c.Execute(kFirstScanJob, Params::Of(job_id)));
    return n == 1;
  });
}

}  // namespace luister::sql
