#include "domain/mail_quarantine.h"

#include "domain/blob.h"
#include "domain/validation.h"

namespace luister {

std::string_view ToString(QuarantineState s) {
  switch (s) {
    case QuarantineState::kHeld:
      return "held";
    case QuarantineState::kReprocessed:
      return "reprocessed";
    case QuarantineState::kDiscarded:
      return "discarded";
  }
  return "held";
}

std::optional<QuarantineState> ParseQuarantineState(std::string_view s) {
  for (auto state :
       {QuarantineState::kHeld, QuarantineState::kReprocessed, QuarantineState::kDiscarded})
    if (ToString(state) == s) return state;
  return std::nullopt;
}

Result<QuarantinedMail> HoldMail(Store& store, const Clock& clock, std::string_view raw,
                                 const std::string& raw_sha256, const std::string& source,
                                 std::optional<int64_t> queue_id, const std::string& reason) {
  LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, store.Find<BlobRepository>());
  LUISTER_ASSIGN_OR_RETURN(QuarantineRepository * held, store.Find<QuarantineRepository>());
  LUISTER_RETURN_IF_ERROR(blobs->Put(raw_sha256, raw));
  NewQuarantinedMail m;
  m.source = source;
  m.queue_id = queue_id;
  m.raw_sha256 = raw_sha256;
  m.size_bytes = static_cast<int64_t>(raw.size());
  m.reason = Utf8Prefix(RepairUtf8(reason), 1000);
  m.received_at = clock.Now();
  return held->Add(m);
}

}  // namespace luister
