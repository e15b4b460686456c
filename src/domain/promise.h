#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/activity.h"
#include "domain/commitment.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/enums.h"
#include "domain/events.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/phone_call.h"
#include "domain/promise_notice.h"
#include "domain/repositories.h"
#include "domain/zone_clock.h"

namespace luister {

// Promises and obligations, both ways (C4): what a person of ours promised
// a customer ("we call you back on Tuesday between 10 and 12"), and what a
// customer took on ("I pay by the 15th"), as records of their own with an
// owner, a due moment and a status, every change kept with who made it.
// docs/promises.md.

enum class PromiseStatus { kOpen, kRenegotiated, kKept, kBroken, kCancelled };
std::string_view ToString(PromiseStatus s);
std::optional<PromiseStatus> ParsePromiseStatus(std::string_view s);
// Open and renegotiated promises are live; the others are closed for good.
inline bool Live(PromiseStatus s) {
  return s == PromiseStatus::kOpen || s == PromiseStatus::kRenegotiated;
}

// What fulfilled a kept promise: the message (or note), or the call.
enum class EvidenceKind { kMessage, kCall };
std::string_view ToString(EvidenceKind k);
std::optional<EvidenceKind> ParseEvidenceKind(std::string_view s);

struct Promise {
  int64_t id = 0;
  int64_t customer_id = 0;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> message_id;  // the message that made it, when one did
  PromiseParty by = PromiseParty::kUs;
  PromiseKind kind = PromiseKind::kOther;
  std::string what;  // in the words of whoever recorded it
  // When it is due: a stretch (a time is a stretch of its grain); none for
  // "as soon as possible".
  std::optional<Timestamp> due_start;
  std::optional<Timestamp> due_end;
  std::optional<Timestamp> original_due_end;  // before the first renegotiation
  int renegotiations = 0;
  std::optional<Channel> channel;
  std::optional<int64_t> owner_user_id;
  std::optional<int64_t> owner_department_id;
  PromiseStatus status = PromiseStatus::kOpen;
  std::optional<EvidenceKind> evidence_kind;
  std::optional<int64_t> evidence_id;
  std::optional<int64_t> created_by;  // none: made by the desk (a callback request)
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<Timestamp> closed_at;
  int64_t version = 1;  // every change adds one; a change names the version it saw
};

// One line of a promise's history.
struct PromiseEvent {
  int64_t id = 0;
  int64_t promise_id = 0;
  Timestamp at{};
  std::optional<int64_t> user_id;
  std::string action;  // made, renegotiated, kept, broken, cancelled, reassigned
  std::optional<PromiseStatus> from_status;
  PromiseStatus to_status = PromiseStatus::kOpen;
  std::optional<Timestamp> old_due_end;
  std::optional<Timestamp> new_due_end;
  std::string note;
};

struct PromiseFilter {
  std::optional<int64_t> customer_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> owner_user_id;
  std::optional<int64_t> owner_department_id;
  // Promises of the customers this account manager looks after.
  std::optional<int64_t> account_manager_id;
  std::optional<PromiseParty> by;
  std::optional<PromiseKind> kind;
  bool live_only = false;
  std::optional<Timestamp> due_before;  // due_end before this (live ones: overdue, due today)
};

// One promise as the measures count it (PromiseRepository::Facts).
struct PromiseFact {
  std::optional<int64_t> owner_user_id;
  std::optional<int64_t> owner_department_id;
  std::optional<Channel> channel;
  PromiseKind kind = PromiseKind::kOther;
  PromiseStatus status = PromiseStatus::kOpen;
  std::optional<Timestamp> due_end;
  std::optional<Timestamp> closed_at;
  Timestamp created_at{};
  // The customer wrote in after the due moment while it was still open:
  // they had to chase us.
  bool chased = false;
};

enum class PromiseGroup { kAgent, kDepartment, kChannel, kKind, kWeek };
std::optional<PromiseGroup> ParsePromiseGroup(std::string_view s);

// How well promises were kept, per group: made, kept (on time), broken,
// cancelled, still live and overdue; the kept rate (kept of kept and
// broken) and the median lateness of the kept ones (on time counts 0).
struct PromiseMeasure {
  std::string key;  // the owner's or department's id, the channel, the kind, "2026-W49"
  int64_t made = 0;
  int64_t kept = 0;
  int64_t kept_on_time = 0;
  int64_t broken = 0;
  int64_t cancelled = 0;
  int64_t live = 0;
  int64_t overdue = 0;
  int64_t chased = 0;
  std::optional<double> kept_rate;
  std::optional<int64_t> median_lateness_minutes;
};
// Groups ordered by key; weeks by the due moment's ISO week in `zone` (the
// week it was made, without one).
std::vector<PromiseMeasure> MeasurePromises(const std::vector<PromiseFact>& facts,
                                            PromiseGroup group, Timestamp now,
                                            const ZoneClock& zone);

// A capability repository: `store.Find<PromiseRepository>()`.
class PromiseRepository {
 public:
  virtual ~PromiseRepository() = default;
  // Writes the promise, its first history line and its timeline entry in
  // one transaction. NotFound for an unknown customer.
  virtual Result<Promise> Create(const Promise& p, const PromiseEvent& made,
                                 const Activity& entry) = 0;
  virtual Result<Promise> Get(int64_t id) = 0;
  virtual Result<std::vector<PromiseEvent>> History(int64_t id) = 0;
  // Due first (none last), then id; keyset on (due_end, id).
  virtual Result<Page<Promise>> List(const PromiseFilter& f, const PageRequest& page) = 0;
  // Replaces the promise with `next` if it is still at `next.version - 1`,
  // with the history line and the timeline entry; Conflict otherwise.
  virtual Result<Promise> Update(const Promise& next, const PromiseEvent& event,
                                 const Activity& entry) = 0;

  // Our live promises due before `until` that nobody was reminded of yet
  // (`escalation`: due before `until` and not escalated yet), soonest first.
  virtual Result<std::vector<Promise>> Unreminded(Timestamp until, bool escalation, int limit) = 0;
  // Marks the reminder (or escalation) sent, and enqueues `then` (its
  // mail) in the same transaction; false (and nothing enqueued) when
  // another node did.
  virtual Result<bool> MarkReminded(int64_t id, bool escalation, Timestamp at,
                                    const std::optional<NewJob>& then) = 0;
  // Live promises of ours, and of those the overdue ones at `now`.
  virtual Result<std::pair<int64_t, int64_t>> CountLive(Timestamp now) = 0;

  // The promises `by` made in [from, to), with whether the customer chased
  // them by `now`.
  virtual Result<std::vector<PromiseFact>> Facts(Timestamp from, Timestamp to, PromiseParty by,
                                                 Timestamp now) = 0;

  virtual Result<std::optional<int64_t>> RemindJobId() = 0;
  virtual Result<bool> SetRemindJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The recurring job that reminds owners and escalates (RunReminders).
inline constexpr char kPromiseRemindJob[] = "promises.remind";
// How long ahead of the due moment the owner is reminded.
inline constexpr std::chrono::minutes kRemindAhead{60};

struct NewPromise {
  int64_t customer_id = 0;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> message_id;
  PromiseParty by = PromiseParty::kUs;
  PromiseKind kind = PromiseKind::kOther;
  std::string what;
  std::optional<Timestamp> due_start;
  std::optional<Timestamp> due_end;
  std::optional<Channel> channel;
  std::optional<int64_t> owner_user_id;
  std::optional<int64_t> owner_department_id;
};

inline constexpr size_t kMaxPromiseText = 2000;

// A notice that went to the customer (PromiseService::Notify).
struct SentNotice {
  Promise promise;  // with the history line that records it
  int64_t conversation_id = 0;
  int64_t message_id = 0;
  NoticeRoute route;
};

// At most one gentle reminder per promise in this time.
inline constexpr std::chrono::hours kCustomerReminderGap{24};

class PromiseService {
 public:
  PromiseService(Store& store, PromiseRepository& promises, const Clock& clock,
                 EventPublisher* events = nullptr)
      : store_(store), promises_(promises), clock_(clock), events_(events) {}

  // A promise recorded by `by_user` (none: by the desk itself). Every
  // mistake is named: a due moment past, an unknown or merged-away
  // customer, an owner who is no active user, a conversation of another
  // customer.
  Result<Promise> Make(const NewPromise& p, std::optional<int64_t> by_user);
  // Kept, with what kept it: a message (or note) or a call of this
  // customer's.
  Result<Promise> Keep(int64_t id, int64_t version, EvidenceKind kind, int64_t evidence_id,
                       std::string note, std::optional<int64_t> by_user);
  Result<Promise> Break(int64_t id, int64_t version, std::string note, int64_t by_user);
  Result<Promise> Cancel(int64_t id, int64_t version, std::string note, int64_t by_user);
  // A new due moment by agreement: the first one stays as it was, and the
  // renegotiation counts.
  Result<Promise> Renegotiate(int64_t id, int64_t version, std::optional<Timestamp> due_start,
                              Timestamp due_end, std::string note, int64_t by_user);
  // What a call means for the customer's callback promises: a call the
  // desk owes back (an abandoned call, a callback request) makes one, due
  // by the end of the owning department's next business day, unless one is
  // live already; an answered call out keeps the live ones, with the call
  // as evidence. Idempotent: a resent report changes nothing.
  Status AfterCall(const PhoneCall& call);
  // What an agent's reply means for the customer's information and
  // documents promises of ours: a reply that delivers what one promised
  // (ReplyDelivers) keeps it, with the reply as evidence. Only our own
  // replies count; a customer's message never closes one of our promises.
  // How many it kept.
  Result<int> AfterReply(const Message& reply);

  // Tells the customer of a live promise: a confirmation of what was
  // agreed (either side's), or a gentle reminder of what they took on (at
  // most one per kCustomerReminderGap). By their preferred channel where
  // the desk can write there, else by e-mail (RouteNotice): in the
  // promise's conversation, or in a new e-mail conversation. The desk sends
  // it (no author: it keeps no promise by itself); the history says who
  // had it sent, and how.
  Result<SentNotice> Notify(int64_t id, PromiseNotice notice, int64_t by_user);

  // Reminds owners of our promises due within kRemindAhead, and escalates
  // overdue ones to a manager of the owning department (the owner when it
  // has none): each once, across nodes, and only while the owning
  // department is open (its opening hours; always, without them). As live
  // events (promise.due, promise.overdue) to that person. How many of each.
  Result<std::pair<int, int>> RunReminders();
  Result<bool> EnsureRemindJob();
  // Reminders and escalations also go by e-mail (promise_mail.h): only
  // where this node can send mail.
  void MailReminders(bool on) { mail_reminders_ = on; }
  // The job's handler: a run, the next in 30 seconds.
  Result<std::optional<Timestamp>> RunRemindJob(const Job& job);

 private:
  // Loads the promise, checks the version and that it is live, and writes
  // `next` with its history line.
  Result<Promise> Change(int64_t id, int64_t version, std::optional<int64_t> by_user,
                         std::string action, std::string note,
                         const std::function<Status(Promise&)>& apply);
  Status CheckOwner(const std::optional<int64_t>& user, const std::optional<int64_t>& department);

  Store& store_;
  PromiseRepository& promises_;
  const Clock& clock_;
  EventPublisher* events_;
  bool mail_reminders_ = false;
};

// A call or a visit to the customer falls within their contact hours
// (Customer::contact_hours, on the desk's clock `zone`): a one-day span
// ("tomorrow", "Tuesday afternoon") narrows to that day's contact window
// where they overlap; a longer one ("within 2 business days") ends with
// the last contact window inside it. Unchanged where nothing overlaps, and
// for other kinds.
TimeSpan WithinContactHours(const TimeSpan& due, PromiseKind kind, const ContactHours& hours,
                            const ZoneClock& zone);

// Whether `reply` (an agent's outgoing message, `attachments` files)
// delivers what `p`, an information or documents promise of ours,
// promised: it carries a file, or it hands something over ("hierbij",
// "in de bijlage", "attached", "here is", a link) that the promise named
// (a word of `what` it shares, by stem); and it does not promise it again
// for later ("I'll send it tomorrow" is no delivery). `ref` reads that.
bool ReplyDelivers(const Promise& p, std::string_view reply, size_t attachments,
                   const TimeReference& ref);

// Failures of AfterReply after the reply itself was stored (the reply
// stands; the promise stays open for a person): /metrics counts them.
int64_t PromiseAutoKeepFailures();
void CountPromiseAutoKeepFailure();

// The timeline entry of a promise's change.
Activity PromiseActivity(const Promise& p, std::string_view action, std::optional<int64_t> actor,
                         Timestamp at);

}  // namespace luister
