#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "app/commands.h"
#include "app/open_store.h"
#include "channels/email/mbox_reader.h"
#include "channels/email/mime_parser.h"
#include "domain/blob.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/mail_intake.h"
#include "domain/mail_outbox.h"
#include "domain/mail_quarantine.h"
#include "domain/validation.h"

namespace luister {
namespace {

using Json = nlohmann::ordered_json;

Json AddressJson(const MailAddress& a) { return {{"name", a.name}, {"address", a.address}}; }

Json AddressList(const std::vector<MailAddress>& list) {
  Json out = Json::array();
  for (const auto& a : list) out.push_back(AddressJson(a));
  return out;
}

// ISO 8601 in UTC to the second: "2026-12-02T09:30:00Z".
std::string DateJson(Timestamp t) {
  std::time_t seconds = ToMillis(t) / 1000;
  if (ToMillis(t) < 0 && ToMillis(t) % 1000 != 0) --seconds;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

int RunMailParse(const std::string& path) {
  std::string raw;
  if (path == "-") {
    raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "luister: cannot read " << path << "\n";
      return 1;
    }
    raw.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto parsed = email::ParseMail(raw);
  if (!parsed.ok()) {
    std::cerr << "luister: " << (path == "-" ? "standard input" : path) << ": "
              << parsed.status().message() << "\n";
    return 1;
  }
  const InboundMail& m = *parsed;
  Json out;
  out["from"] = m.from ? AddressJson(*m.from) : Json(nullptr);
  out["to"] = AddressList(m.to);
  out["cc"] = AddressList(m.cc);
  out["reply_to"] = AddressList(m.reply_to);
  out["subject"] = m.subject;
  out["date"] = m.date ? Json(DateJson(*m.date)) : Json(nullptr);
  out["message_id"] = m.message_id;
  out["in_reply_to"] = m.in_reply_to;
  out["references"] = m.references;
  out["kind"] = std::string(MailKindName(m.kind));
  out["text"] = m.text;
  out["new_text"] = m.new_text;
  out["html"] = m.has_html;
  Json attachments = Json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back({{"filename", a.filename},
                           {"content_type", a.content_type},
                           {"size", a.size},
                           {"sha256", a.sha256},
                           {"content_id", a.content_id},
                           {"inline", a.inline_part}});
  }
  out["attachments"] = std::move(attachments);
  // Invalid UTF-8 cannot reach here (the parser converts every text), but
  // a dump must never throw: replace rather than fail.
  std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return 0;
}

namespace {

// sysexits.h: what an MTA makes of a pipe's exit code.
constexpr int kExitTempFail = 75;  // EX_TEMPFAIL: keep the mail and try again later
constexpr int kExitDataErr = 65;   // EX_DATAERR: the mail itself is unusable

// The largest message a pipe or an import reads; larger mail is refused
// with a clear message rather than read into memory.
constexpr size_t kMaxRawBytes = size_t{100} << 20;

// The queue named by `name` (its id or its name) and what intake needs of it.
Result<MailDestination> Destination(Store& store, const std::string& name,
                                    const std::vector<std::string>& addresses) {
  LUISTER_ASSIGN_OR_RETURN(auto queues, store.directory().ListQueues(std::nullopt));
  for (const Queue& q : queues) {
    if (std::to_string(q.id) == name || AsciiLower(q.name) == AsciiLower(name)) {
      MailDestination to;
      to.department_id = q.department_id;
      to.queue_id = q.id;
      for (const auto& a : addresses) to.own_addresses.push_back(AsciiLower(Trim(a)));
      return to;
    }
  }
  std::string known;
  for (const Queue& q : queues)
    known += (known.empty() ? "" : ", ") + std::to_string(q.id) + " " + q.name;
  return InvalidArgument("no queue \"" + name +
                         "\"; the queues are: " + (known.empty() ? "(none)" : known));
}

// The services intake runs on, over one opened store.
struct MailDesk {
  explicit MailDesk(Store& store)
      : customers(store, clock),
        conversations(store, clock),
        intake(store, clock, customers, conversations) {}
  SystemClock clock;
  CustomerService customers;
  ConversationService conversations;
  MailIntakeService intake;
  email::GmimeMailReader reader;
};

}  // namespace

int RunMailgate(const MailgateArgs& args) {
  std::string raw;
  char buf[1 << 16];
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    raw.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (raw.size() > kMaxRawBytes) {
      std::cerr << "luister: mailgate: the message is larger than " << (kMaxRawBytes >> 20)
                << " MiB\n";
      return kExitDataErr;
    }
  }
  if (raw.empty()) {
    std::cerr << "luister: mailgate: no message on standard input\n";
    return kExitDataErr;
  }
  auto store = OpenStore(args.db);
  if (!store.ok()) {
    Fail("mailgate: cannot open the database", store.status());
    return kExitTempFail;
  }
  if (Status s = CheckSchema(*store); !s.ok()) {
    Fail("mailgate", s);
    return kExitTempFail;
  }
  auto to = Destination(**store, args.queue, args.addresses);
  if (!to.ok()) {
    // A wrong --queue is a configuration error the admin must see; the MTA
    // keeps the mail meanwhile.
    Fail("mailgate", to.status());
    return kExitTempFail;
  }
  to->new_after_closed = args.new_after_closed;
  auto sender = SendingMailbox(**store, to->department_id, to->queue_id);
  if (!sender.ok()) {
    Fail("mailgate", sender.status());
    return kExitTempFail;
  }
  to->tell_dropped_attachments = sender->has_value();
  MailDesk desk(**store);
  auto taken = desk.intake.Take(desk.reader, raw, *to, "mailgate");
  if (!taken.ok()) {
    Fail("mailgate", taken.status());
    return kExitTempFail;
  }
  std::cout << "mailgate: " << taken->line << "\n";
  return 0;
}

namespace {

struct ImportCounts {
  int64_t read = 0, quarantined = 0;
  std::map<IntakeOutcome, int64_t> outcomes;
};

}  // namespace

// One message read and parsed, on its way to be stored.
struct ParsedMail {
  std::string raw;
  std::string where;
  Result<InboundMail> parsed = InvalidArgument("not parsed");
};

// Messages between the thread that reads and parses and the one that
// stores: at most `capacity` wait, so memory stays flat however large the
// import; Close() ends it from either side.
class MailQueue {
 public:
  explicit MailQueue(size_t capacity) : capacity_(capacity) {}
  // False when the other side closed the queue.
  bool Push(ParsedMail m) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(m));
    // Only an empty queue has a taker waiting.
    if (items_.size() == 1) ready_.notify_one();
    return true;
  }
  // False once the queue is closed and empty.
  bool Pop(ParsedMail* m) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    *m = std::move(items_.front());
    items_.pop_front();
    // Only a full queue has a giver waiting; it is woken when half the
    // queue is free, not for every message taken (once per message would
    // cost a wake-up each while the storing side is the slower one).
    if (items_.size() == capacity_ / 2) room_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<ParsedMail> items_;  // GUARDED_BY(mu_)
  bool closed_ = false;           // GUARDED_BY(mu_)
};

int RunMailImport(const MailImportArgs& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool is_dir = fs::is_directory(args.path, ec);
  if (!is_dir && !fs::is_regular_file(args.path, ec)) {
    std::cerr << "luister: import mail: " << args.path
              << " is neither an mbox file nor a directory\n";
    return kExitUsage;
  }
  auto store = OpenStore(args.db);
  if (!store.ok()) return Fail("import mail: cannot open the database", store.status());
  if (Status s = CheckSchema(*store); !s.ok()) return Fail("import mail", s);
  auto to = Destination(**store, args.queue, args.addresses);
  if (!to.ok()) return Fail("import mail", to.status());
  to->use_mail_date = true;
  MailDesk desk(**store);

  ImportCounts counts;
  // Messages go in batches (one transaction each on SQLite); a batch ends
  // after 200 messages or a quarter of a second, so an interrupted import
  // loses at most that and a second run picks it up.
  constexpr int kBatch = 200;
  int in_batch = 0;
  auto batch_started = std::chrono::steady_clock::now();
  auto end_batch = [&](bool commit) -> Status {
    if (in_batch == 0) return Status::Ok();
    in_batch = 0;
    return (*store)->EndBatch(commit);
  };
  const auto start = std::chrono::steady_clock::now();
  auto last_progress = start;
  const bool tty = isatty(STDERR_FILENO) != 0;
  Status stop = Status::Ok();
  // One message; false when the import must stop (the database is gone).
  auto import_one = [&](ParsedMail& m) {
    const std::string& raw = m.raw;
    const std::string& where = m.where;
    ++counts.read;
    if (in_batch == 0) {
      if (Status s = (*store)->BeginBatch(); !s.ok()) {
        stop = s;
        return false;
      }
      batch_started = std::chrono::steady_clock::now();
    }
    ++in_batch;
    auto taken = desk.intake.TakeParsed(desk.reader, raw, std::move(m.parsed), *to, "import");
    if (!taken.ok()) {
      (void)end_batch(true);  // keep what this batch took before the failure
      stop = taken.status();
      return false;
    }
    if (in_batch >= kBatch ||
        std::chrono::steady_clock::now() - batch_started > std::chrono::milliseconds(250)) {
      if (Status s = end_batch(true); !s.ok()) {
        stop = s;
        return false;
      }
    }
    if (taken->quarantined) {
      ++counts.quarantined;
      std::cerr << (tty ? "\n" : "") << "luister: import mail: " << where << ": " << taken->line
                << "\n";
    } else {
      ++counts.outcomes[taken->result->outcome];
    }
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress > std::chrono::milliseconds(tty ? 200 : 10000)) {
      last_progress = now;
      double seconds = std::chrono::duration<double>(now - start).count();
      std::cerr << (tty ? "\r" : "") << "import mail: " << counts.read << " messages, "
                << static_cast<int64_t>(counts.read / std::max(seconds, 1e-3)) << "/s"
                << (tty ? "" : "\n") << std::flush;
    }
    return true;
  };

  // Reading and parsing (GMime, hashing) run on their own thread while
  // this one stores: the two halves of the work overlap.
  MailQueue queue(64);
  auto blobs = (*store)->Find<BlobRepository>();
  if (!blobs.ok()) return Fail("import mail", blobs.status());
  auto emit = [&](std::string raw, std::string where) {
    ParsedMail m{std::move(raw), std::move(where)};
    m.parsed = desk.reader.Parse(m.raw);
    // The bytes intake keeps (the raw mail, the attachments) are
    // compressed here, off the storing thread.
    if (m.parsed.ok() && m.parsed->kind == MailKind::kMessage) {
      if (!m.parsed->raw_sha256.empty()) (*blobs)->Prepare(m.parsed->raw_sha256, m.raw);
      for (const MailAttachment& a : m.parsed->attachments)
        if (!a.data.empty() && !a.sha256.empty()) (*blobs)->Prepare(a.sha256, a.data);
    }
    return queue.Push(std::move(m));
  };
  std::thread reading([&] {
    if (is_dir) {
      // A Maildir (cur/ and new/) or a directory of message files, in name order.
      std::vector<fs::path> files;
      std::vector<fs::path> dirs = {args.path};
      if (fs::is_directory(fs::path(args.path) / "cur", ec) ||
          fs::is_directory(fs::path(args.path) / "new", ec))
        dirs = {fs::path(args.path) / "cur", fs::path(args.path) / "new"};
      for (const auto& d : dirs) {
        if (!fs::is_directory(d, ec)) continue;
        for (const auto& entry : fs::directory_iterator(d, ec))
          if (entry.is_regular_file(ec)) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!emit(std::move(raw), f.string())) break;
      }
    } else {
      std::ifstream in(args.path, std::ios::binary);
      email::MboxReader mbox(in);
      std::string raw;
      int64_t n = 0;
      while (mbox.Next(&raw)) {
        ++n;
        if (!emit(std::move(raw), args.path + " message " + std::to_string(n))) break;
        raw.clear();
      }
    }
    queue.Close();
  });
  for (ParsedMail m; queue.Pop(&m);) {
    if (!import_one(m)) break;
  }
  queue.Close();  // a stop: the reader ends at its next message
  reading.join();
  if (Status s = end_batch(true); !s.ok() && stop.ok()) stop = s;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (tty) std::cerr << "\n";
  auto count = [&](IntakeOutcome o) { return counts.outcomes[o]; };
  std::cout << "import mail: " << counts.read << " messages read in " << std::fixed
            << std::setprecision(1) << seconds << " s ("
            << static_cast<int64_t>(counts.read / std::max(seconds, 1e-3))
            << "/s): " << count(IntakeOutcome::kOpened) << " opened a conversation, "
            << count(IntakeOutcome::kAppended) << " joined one, "
            << count(IntakeOutcome::kDuplicate) << " already there, "
            << count(IntakeOutcome::kAutoReply) << " auto-replies, "
            << count(IntakeOutcome::kBounce) << " bounces, " << count(IntakeOutcome::kOwnMail)
            << " our own, " << counts.quarantined << " quarantined\n";
  if (!stop.ok()) return Fail("import mail stopped; run it again to continue", stop);
  return 0;
}

int RunMailQuarantine(const MailQuarantineArgs& args) {
  auto store = OpenStore(args.db);
  if (!store.ok()) return Fail("mail: cannot open the database", store.status());
  if (Status s = CheckSchema(*store); !s.ok()) return Fail("mail", s);
  auto held = (*store)->Find<QuarantineRepository>();
  if (!held.ok()) return Fail("mail", held.status());
  SystemClock clock;
  if (args.action == "list") {
    PageRequest page;
    page.limit = kMaxPageSize;
    auto list =
        (*held)->List(args.all ? std::nullopt : std::optional(QuarantineState::kHeld), page);
    if (!list.ok()) return Fail("mail quarantine", list.status());
    for (const QuarantinedMail& m : list->items) {
      std::cout << m.id << "  " << ToString(m.state) << "  " << FormatIso8601(m.received_at) << "  "
                << m.source << "  " << m.size_bytes << " bytes  " << m.reason << "\n";
    }
    std::cout << list->items.size() << " quarantined message(s)"
              << (args.all ? "" : " held; --all shows those already handled") << "\n";
    return 0;
  }
  auto entry = (*held)->Get(args.id);
  if (!entry.ok()) return Fail("mail " + args.action, entry.status());
  if (args.action == "discard") {
    auto done = (*held)->Resolve(args.id, QuarantineState::kDiscarded, std::nullopt, clock.Now());
    if (!done.ok()) return Fail("mail discard", done.status());
    std::cout << "mail: discarded quarantined message " << args.id << "\n";
    return 0;
  }
  // reprocess: read the kept bytes again, as mailgate would.
  std::string queue = args.queue;
  if (queue.empty() && entry->queue_id) queue = std::to_string(*entry->queue_id);
  if (queue.empty())
    return Fail("mail reprocess", InvalidArgument("give --queue: the message came with none"));
  auto to = Destination(**store, queue, args.addresses);
  if (!to.ok()) return Fail("mail reprocess", to.status());
  MailDesk desk(**store);
  auto result = desk.intake.Reprocess(desk.reader, *entry, *to, std::nullopt);
  if (!result.ok()) return Fail("mail reprocess", result.status());
  std::cout << "mail: reprocessed quarantined message " << args.id << ": "
            << IntakeOutcomeName(result->outcome);
  if (result->conversation_id) std::cout << " conversation " << *result->conversation_id;
  std::cout << "\n";
  return 0;
}

}  // namespace luister
