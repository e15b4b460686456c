#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/customer.h"
#include "domain/events.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

// One customer across doors (C2). Every door resolves its sender to one
// customer by an exact identity (address, number, handle); what an exact
// match cannot settle is suggested here, with the evidence, for a person to
// merge or dismiss. Nothing is ever merged by itself.

enum class DuplicateReason {
  // A number given at one door (a walk-in, a callback request) belongs to
  // another customer.
  kSamePhone,
  // The same name, and e-mail addresses at the same domain.
  kSameNameAndEmailDomain,
  // The same handle on two social sources, under the same name.
  kSameHandle,
  // An e-mail address given at one door belongs to another customer.
  kGaveKnownAddress,
};
std::string_view ToString(DuplicateReason r);
std::optional<DuplicateReason> ParseDuplicateReason(std::string_view s);

struct DuplicateEvidence {
  DuplicateReason reason = DuplicateReason::kSamePhone;
  std::string detail;  // the number, the domain, the handle, the address
  std::string door;    // where it came up: "shop", "chat", "scan", ...
  Timestamp at{};
};

enum class DuplicateStatus { kOpen, kDismissed, kMerged };
std::string_view ToString(DuplicateStatus s);
std::optional<DuplicateStatus> ParseDuplicateStatus(std::string_view s);

// Two customers who are probably one person. The pair is ordered: the
// older customer (the lower id) first.
struct DuplicateSuggestion {
  int64_t id = 0;
  int64_t customer_id = 0;
  int64_t other_id = 0;
  DuplicateStatus status = DuplicateStatus::kOpen;
  std::vector<DuplicateEvidence> evidence;  // oldest first; one per reason and detail
  Timestamp created_at{};
  Timestamp updated_at{};  // the last evidence or decision
  std::optional<int64_t> decided_by;
  std::optional<Timestamp> decided_at;
};

// A capability repository: `store.Find<DuplicateRepository>()`.
class DuplicateRepository {
 public:
  virtual ~DuplicateRepository() = default;
  // Records `evidence` that customers `a` and `b` (a != b, any order) are
  // one person: a new open suggestion, or the evidence added to the pair's
  // (a reason and detail it has already changes nothing). A pair someone
  // dismissed stays dismissed. The suggestion as it stands.
  virtual Result<DuplicateSuggestion> Suggest(int64_t a, int64_t b,
                                              const DuplicateEvidence& evidence) = 0;
  virtual Result<DuplicateSuggestion> Get(int64_t id) = 0;
  // Open suggestions of which neither side was merged away, the latest
  // evidence first; keyset on (updated_at, id).
  virtual Result<Page<DuplicateSuggestion>> ListOpen(const PageRequest& p) = 0;
  // Open suggestions naming `customer_id` on either side (neither merged away).
  virtual Result<std::vector<DuplicateSuggestion>> OpenFor(int64_t customer_id) = 0;
  virtual Result<int64_t> CountOpen() = 0;
  // Closes an open suggestion as dismissed or merged, by whom and when;
  // Conflict when it is not open.
  virtual Result<DuplicateSuggestion> Close(int64_t id, DuplicateStatus to, int64_t by_user_id,
                                            Timestamp at) = 0;

  // The scan's index of names: customers' name keys (NameKey), replaced,
  // in one transaction.
  virtual Status SetNameKeys(const std::vector<std::pair<int64_t, std::string>>& keys) = 0;
  // Customers (not merged away) with the name key, other than `except`,
  // lowest id first, at most `limit`.
  virtual Result<std::vector<int64_t>> WithNameKey(const std::string& key, int64_t except,
                                                   int limit) = 0;
  // The scan's progress: the last customer id it looked at, and its job.
  virtual Result<int64_t> ScannedUpTo() = 0;
  virtual Status SetScannedUpTo(int64_t customer_id) = 0;
  virtual Result<std::optional<int64_t>> ScanJobId() = 0;
  virtual Result<bool> SetScanJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The recurring job that looks at new customers (DuplicateService::Scan).
inline constexpr char kDuplicateScanJob[] = "duplicates.scan";

// A name as the scan compares it: lower-case (ASCII and the Latin letters
// with accents folded to their base letter), punctuation dropped, words
// single-spaced. Empty for names that say nothing of a person: fewer than
// two words, or the desk's own placeholders ("Website visitor").
std::string NameKey(std::string_view name);

class DuplicateService {
 public:
  DuplicateService(Store& store, DuplicateRepository& duplicates, const Clock& clock,
                   EventPublisher* events = nullptr)
      : store_(store), duplicates_(duplicates), clock_(clock), events_(events) {}

  // A door saw that `customer_id` and `other_id` are probably one person
  // (`reason`, `detail`, `door`). Nothing for the same customer, or when
  // either was merged into the other.
  Status Observe(int64_t customer_id, int64_t other_id, DuplicateReason reason, std::string detail,
                 std::string door);
  // Looks at customers made since the last scan (at most `batch`): keeps
  // their name keys and suggests pairs with the same name and e-mail
  // domain, and with the same handle on two sources. How many it looked at.
  Result<int> Scan(int batch = 500);
  // Merges the suggestion's newer customer into its older one (the
  // customers' merge, domain/customer_service.h) and closes it as merged;
  // `keep` chooses the other direction when it names the newer one.
  Result<DuplicateSuggestion> Merge(int64_t id, int64_t by_user_id,
                                    std::optional<int64_t> keep = std::nullopt);
  Result<DuplicateSuggestion> Dismiss(int64_t id, int64_t by_user_id);

  Result<bool> EnsureScanJob();
  // The job's handler: a scan, the next in 5 seconds (at once while
  // customers remain).
  Result<std::optional<Timestamp>> RunScanJob(const Job& job);

 private:
  Status Suggest(int64_t a, int64_t b, DuplicateEvidence e);
  // Suggests the pairs `c` (its name keyed already) is part of.
  Status Look(const Customer& c, const std::vector<std::string>& sources);

  Store& store_;
  DuplicateRepository& duplicates_;
  const Clock& clock_;
  EventPublisher* events_;
};

// Where the doors report what they saw: a no-op on a store without the
// duplicates repository (the in-memory store of unit tests).
Status ObserveDuplicate(Store& store, const Clock& clock, EventPublisher* events,
                        int64_t customer_id, int64_t other_id, DuplicateReason reason,
                        std::string detail, std::string door);

}  // namespace luister
