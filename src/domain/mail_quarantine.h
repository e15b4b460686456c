#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

enum class QuarantineState { kHeld, kReprocessed, kDiscarded };
std::string_view ToString(QuarantineState s);
std::optional<QuarantineState> ParseQuarantineState(std::string_view s);

// Mail the desk could not take as a message: its raw bytes are kept
// (BlobRepository, by `raw_sha256`) with the reason, until an admin has it
// read again (after a fix) or discards it. It never blocks the mail after
// it.
struct QuarantinedMail {
  int64_t id = 0;
  std::string source;  // "mailgate", "import", later "imap:<mailbox>"
  std::optional<int64_t> queue_id;
  std::string raw_sha256;
  int64_t size_bytes = 0;
  std::string reason;
  QuarantineState state = QuarantineState::kHeld;
  Timestamp received_at{};
  std::optional<Timestamp> resolved_at;
  std::optional<int64_t> resolved_by;  // the admin; nullopt for the command line
};

struct NewQuarantinedMail {
  std::string source;
  std::optional<int64_t> queue_id;
  std::string raw_sha256;
  int64_t size_bytes = 0;
  std::string reason;
  Timestamp received_at{};
};

// A capability repository: `store.Find<QuarantineRepository>()`.
class QuarantineRepository {
 public:
  virtual ~QuarantineRepository() = default;
  virtual Result<QuarantinedMail> Add(const NewQuarantinedMail& m) = 0;
  virtual Result<QuarantinedMail> Get(int64_t id) = 0;
  // Newest first; only `state` when given.
  virtual Result<Page<QuarantinedMail>> List(std::optional<QuarantineState> state,
                                             const PageRequest& p) = 0;
  // Moves a held entry to `state`. Conflict when it is no longer held (two
  // admins, or a second click), NotFound for an unknown id.
  virtual Result<QuarantinedMail> Resolve(int64_t id, QuarantineState state,
                                          std::optional<int64_t> by_user_id, Timestamp at) = 0;
  // How many entries are in `state` (for /metrics; an index range).
  virtual Result<int64_t> Count(QuarantineState state) = 0;
};

// Keeps `raw` (under `raw_sha256`, its SHA-256) and a held entry saying
// why it could not be taken; Unavailable when the store has no blob or
// quarantine repository.
Result<QuarantinedMail> HoldMail(Store& store, const Clock& clock, std::string_view raw,
                                 const std::string& raw_sha256, const std::string& source,
                                 std::optional<int64_t> queue_id, const std::string& reason);

}  // namespace luister
