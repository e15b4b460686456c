// The import path of `luister import mail`: any bytes read as an mbox, each
// message parsed and taken by the desk's intake (MailIntakeService::Take)
// into an in-memory desk. Every message must be either taken (stored or
// recognised) or quarantined with its bytes; nothing is lost, nothing
// crashes, and what is stored is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "channels/email/mbox_reader.h"
#include "channels/email/mime_parser.h"
#include "common/manual_clock.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/mail_intake.h"
#include "domain/mail_quarantine.h"
#include "domain/testing/memory_blobs.h"
#include "domain/testing/memory_store.h"
#include "domain/validation.h"

namespace {

using namespace luister;

void Check(bool ok) {
  if (!ok) std::abort();
}

// Keeps what the intake holds back, for the check below.
class HeldMail final : public QuarantineRepository {
 public:
  Result<QuarantinedMail> Add(const NewQuarantinedMail& m) override {
    QuarantinedMail q;
    q.id = static_cast<int64_t>(held_.size()) + 1;
    q.source = m.source;
    q.raw_sha256 = m.raw_sha256;
    q.size_bytes = m.size_bytes;
    q.reason = m.reason;
    q.received_at = m.received_at;
    held_[q.id] = q;
    return q;
  }
  Result<QuarantinedMail> Get(int64_t id) override {
    auto it = held_.find(id);
    if (it == held_.end()) return NotFound("no such entry");
    return it->second;
  }
  Result<Page<QuarantinedMail>> List(std::optional<QuarantineState>, const PageRequest&) override {
    return Unavailable("not kept here");
  }
  Result<QuarantinedMail> Resolve(int64_t, QuarantineState, std::optional<int64_t>,
                                  Timestamp) override {
    return Unavailable("not kept here");
  }
  Result<int64_t> Count(QuarantineState state) override {
    int64_t n = 0;
    for (const auto& [id, m] : held_) n += m.state == state ? 1 : 0;
    return n;
  }

 private:
  std::map<int64_t, QuarantinedMail> held_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  ManualClock clock(FromMillis(1'800'000'000'000));
  MemoryStore store(clock);
  auto blobs = std::make_unique<MemoryBlobs>();
  MemoryBlobs* kept = blobs.get();
  store.Provide<BlobRepository>(std::move(blobs));
  store.Provide<QuarantineRepository>(std::make_unique<HeldMail>());
  auto dept = store.directory().CreateDepartment("Klantenservice", clock.Now());
  Check(dept.ok());
  CustomerService customers(store, clock);
  ConversationService conversations(store, clock);
  MailIntakeService intake(store, clock, customers, conversations);
  email::GmimeMailReader reader;
  MailDestination to;
  to.department_id = dept->id;
  to.own_addresses = {"support@desk.example"};
  to.use_mail_date = (size % 2) == 0;  // an archive import, or live mail

  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  email::MboxReader mbox(in);
  std::string raw;
  int64_t stored = 0;
  for (int n = 0; n < 16 && mbox.Next(&raw); ++n) {
    auto taken = intake.Take(reader, raw, to, "import");
    Check(taken.ok());  // only a database failure may stop an import
    Check(taken->result.has_value() != taken->quarantined.has_value());
    if (taken->quarantined) {
      Check(kept->Get(reader.Sha256Hex(raw)).ok());  // its bytes kept
      continue;
    }
    const IntakeResult& r = *taken->result;
    if (r.outcome == IntakeOutcome::kOpened || r.outcome == IntakeOutcome::kAppended) {
      ++stored;
      Check(r.message_id.has_value());
      auto m = store.conversations().GetMessage(*r.message_id);
      Check(m.ok() && IsValidUtf8(m->body_text) && IsValidUtf8(m->body_html));
    }
  }
  Check(*store.conversations().CountMessages() == stored);
  return 0;
}
