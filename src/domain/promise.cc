#include "domain/promise.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "domain/job_runner.h"
#include "domain/opening_hours.h"
#include "domain/phone_call.h"
#include "domain/promise_mail.h"

namespace luister {

namespace {

constexpr std::array<std::pair<PromiseStatus, std::string_view>, 5> kStatuses = {{
    {PromiseStatus::kOpen, "open"},
    {PromiseStatus::kRenegotiated, "renegotiated"},
    {PromiseStatus::kKept, "kept"},
    {PromiseStatus::kBroken, "broken"},
    {PromiseStatus::kCancelled, "cancelled"},
}};

Status Invalid(std::string field, std::string message) {
  return InvalidArgument("the promise is not valid", {{std::move(field), std::move(message)}});
}

std::string Trimmed(std::string s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  const size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::string_view ToString(PromiseStatus s) {
  for (const auto& [v, name] : kStatuses)
    if (v == s) return name;
  return "open";
}

std::optional<PromiseStatus> ParsePromiseStatus(std::string_view s) {
  for (const auto& [v, name] : kStatuses)
    if (name == s) return v;
  return std::nullopt;
}

std::string_view ToString(EvidenceKind k) { return k == EvidenceKind::kCall ? "call" : "message"; }

std::optional<EvidenceKind> ParseEvidenceKind(std::string_view s) {
  if (s == "message") return EvidenceKind::kMessage;
  if (s == "call") return EvidenceKind::kCall;
  return std::nullopt;
}

Activity PromiseActivity(const Promise& p, std::string_view action, std::optional<int64_t> actor,
                         Timestamp at) {
  Activity a;
  a.customer_id = p.customer_id;
  a.at = at;
  a.kind = ActivityKind::kPromise;
  a.channel = p.channel;
  a.department_id = p.owner_department_id;
  a.conversation_id = p.conversation_id;
  a.message_id = p.message_id;
  a.actor_user_id = actor;
  a.params.Set("promise_id", p.id)
      .Set("action", std::string(action))
      .Set("by", std::string(ToString(p.by)))
      .Set("kind", std::string(ToString(p.kind)))
      .Set("status", std::string(ToString(p.status)));
  if (p.due_end) a.params.Set("due_end", FormatIso8601(*p.due_end));
  a.summary = p.what.substr(0, 200);
  return a;
}

Status PromiseService::CheckOwner(const std::optional<int64_t>& user,
                                  const std::optional<int64_t>& department) {
  if (user) {
    auto u = store_.directory().GetUser(*user);
    if (!u.ok() && u.status().code() == StatusCode::kNotFound)
      return Invalid("owner_user_id", "no such user");
    LUISTER_RETURN_IF_ERROR(u.status());
    if (!u->active) return Invalid("owner_user_id", "this user is no longer active");
  }
  if (department) {
    auto d = store_.directory().GetDepartment(*department);
    if (!d.ok() && d.status().code() == StatusCode::kNotFound)
      return Invalid("owner_department_id", "no such department");
    LUISTER_RETURN_IF_ERROR(d.status());
  }
  return Status::Ok();
}

Result<Promise> PromiseService::Make(const NewPromise& in, std::optional<int64_t> by_user) {
  const Timestamp now = clock_.Now();
  Promise p;
  p.what = Trimmed(in.what);
  if (p.what.empty()) return Invalid("what", "say what was promised");
  if (p.what.size() > kMaxPromiseText)
    return Invalid("what", "at most " + std::to_string(kMaxPromiseText) + " bytes");
  if (in.due_end && *in.due_end <= now) return Invalid("due_end", "the due moment has passed");
  if (in.due_start && !in.due_end) return Invalid("due_end", "a due stretch needs its end");
  if (in.due_start && in.due_end && *in.due_start >= *in.due_end)
    return Invalid("due_start", "the stretch ends before it starts");

  auto customer = store_.customers().Get(in.customer_id);
  if (!customer.ok() && customer.status().code() == StatusCode::kNotFound)
    return Invalid("customer_id", "no such customer");
  LUISTER_RETURN_IF_ERROR(customer.status());
  if (customer->merged_into_id)
    return Invalid("customer_id", "this customer was merged into customer " +
                                      std::to_string(*customer->merged_into_id));
  if (in.conversation_id) {
    auto conv = store_.conversations().Get(*in.conversation_id);
    if (!conv.ok() && conv.status().code() == StatusCode::kNotFound)
      return Invalid("conversation_id", "no such conversation");
    LUISTER_RETURN_IF_ERROR(conv.status());
    if (conv->customer_id != in.customer_id)
      return Invalid("conversation_id", "the conversation is another customer's");
    p.channel = in.channel.value_or(conv->channel);
    p.owner_department_id = in.owner_department_id.value_or(conv->department_id);
  } else {
    p.channel = in.channel;
    p.owner_department_id = in.owner_department_id;
  }
  if (in.message_id) {
    auto m = store_.conversations().GetMessage(*in.message_id);
    if (!m.ok() && m.status().code() == StatusCode::kNotFound)
      return Invalid("message_id", "no such message");
    LUISTER_RETURN_IF_ERROR(m.status());
    if (!in.conversation_id || m->conversation_id != *in.conversation_id)
      return Invalid("message_id", "the message is not in this conversation");
  }
  // Our promises have an owner: the one who made it, unless told otherwise.
  p.owner_user_id = in.owner_user_id;
  if (!p.owner_user_id && in.by == PromiseParty::kUs) p.owner_user_id = by_user;
  LUISTER_RETURN_IF_ERROR(CheckOwner(p.owner_user_id, p.owner_department_id));

  p.customer_id = in.customer_id;
  p.conversation_id = in.conversation_id;
  p.message_id = in.message_id;
  p.by = in.by;
  p.kind = in.kind;
  p.due_start = in.due_start;
  p.due_end = in.due_end;
  p.created_by = by_user;
  p.created_at = now;
  p.updated_at = now;
  PromiseEvent made;
  made.at = now;
  made.user_id = by_user;
  made.action = "made";
  made.to_status = PromiseStatus::kOpen;
  made.new_due_end = p.due_end;
  LUISTER_ASSIGN_OR_RETURN(Promise out,
                           promises_.Create(p, made, PromiseActivity(p, "made", by_user, now)));
  if (events_) {
    events_->Publish({EventType::kPromiseChanged, now, out.conversation_id, out.customer_id,
                      out.message_id, out.owner_department_id, out.owner_user_id});
  }
  return out;
}

Result<Promise> PromiseService::Change(int64_t id, int64_t version, std::optional<int64_t> by_user,
                                       std::string action, std::string note,
                                       const std::function<Status(Promise&)>& apply) {
  LUISTER_ASSIGN_OR_RETURN(Promise current, promises_.Get(id));
  if (current.version != version)
    return Conflict("the promise was changed meanwhile (now version " +
                    std::to_string(current.version) + ", " + std::string(ToString(current.status)) +
                    ")");
  if (!Live(current.status))
    return Conflict("the promise is " + std::string(ToString(current.status)) +
                    " already; a closed promise stays as it was");
  note = Trimmed(std::move(note));
  if (note.size() > kMaxPromiseText)
    return InvalidArgument("the change is not valid",
                           {{"note", "at most " + std::to_string(kMaxPromiseText) + " bytes"}});
  const Timestamp now = clock_.Now();
  Promise next = current;
  LUISTER_RETURN_IF_ERROR(apply(next));
  next.version = current.version + 1;
  next.updated_at = now;
  if (!Live(next.status)) next.closed_at = now;
  PromiseEvent e;
  e.promise_id = id;
  e.at = now;
  e.user_id = by_user;
  e.action = action;
  e.from_status = current.status;
  e.to_status = next.status;
  e.old_due_end = current.due_end;
  e.new_due_end = next.due_end;
  e.note = std::move(note);
  LUISTER_ASSIGN_OR_RETURN(Promise out,
                           promises_.Update(next, e, PromiseActivity(next, action, by_user, now)));
  if (events_) {
    events_->Publish({EventType::kPromiseChanged, now, out.conversation_id, out.customer_id,
                      out.message_id, out.owner_department_id, out.owner_user_id});
  }
  return out;
}

Result<Promise> PromiseService::Keep(int64_t id, int64_t version, EvidenceKind kind,
                                     int64_t evidence_id, std::string note,
                                     std::optional<int64_t> by_user) {
  return Change(id, version, by_user, "kept", std::move(note), [&](Promise& p) -> Status {
    // The evidence must be this customer's: a message of theirs, or a call.
    int64_t customer = 0;
    if (kind == EvidenceKind::kMessage) {
      auto m = store_.conversations().GetMessage(evidence_id);
      if (!m.ok() && m.status().code() == StatusCode::kNotFound)
        return InvalidArgument("the evidence is not valid", {{"evidence_id", "no such message"}});
      LUISTER_RETURN_IF_ERROR(m.status());
      LUISTER_ASSIGN_OR_RETURN(Conversation c, store_.conversations().Get(m->conversation_id));
      customer = c.customer_id;
    } else {
      LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, store_.Find<CallRepository>());
      auto call = calls->Get(evidence_id);
      if (!call.ok() && call.status().code() == StatusCode::kNotFound)
        return InvalidArgument("the evidence is not valid", {{"evidence_id", "no such call"}});
      LUISTER_RETURN_IF_ERROR(call.status());
      customer = call->customer_id.value_or(0);
    }
    if (customer != p.customer_id)
      return InvalidArgument("the evidence is not valid",
                             {{"evidence_id", "it is another customer's"}});
    p.status = PromiseStatus::kKept;
    p.evidence_kind = kind;
    p.evidence_id = evidence_id;
    return Status::Ok();
  });
}

Result<Promise> PromiseService::Break(int64_t id, int64_t version, std::string note,
                                      int64_t by_user) {
  return Change(id, version, by_user, "broken", std::move(note), [](Promise& p) {
    p.status = PromiseStatus::kBroken;
    return Status::Ok();
  });
}

Result<Promise> PromiseService::Cancel(int64_t id, int64_t version, std::string note,
                                       int64_t by_user) {
  if (Trimmed(note).empty())
    return InvalidArgument("the change is not valid", {{"note", "say why it is cancelled"}});
  return Change(id, version, by_user, "cancelled", std::move(note), [](Promise& p) {
    p.status = PromiseStatus::kCancelled;
    return Status::Ok();
  });
}

Result<Promise> PromiseService::Renegotiate(int64_t id, int64_t version,
                                            std::optional<Timestamp> due_start, Timestamp due_end,
                                            std::string note, int64_t by_user) {
  if (due_end <= clock_.Now())
    return InvalidArgument("the change is not valid", {{"due_end", "the due moment has passed"}});
  if (due_start && *due_start >= due_end)
    return InvalidArgument("the change is not valid",
                           {{"due_start", "the stretch ends before it starts"}});
  return Change(id, version, by_user, "renegotiated", std::move(note), [&](Promise& p) {
    if (!p.original_due_end) p.original_due_end = p.due_end;
    p.due_start = due_start;
    p.due_end = due_end;
    ++p.renegotiations;
    p.status = PromiseStatus::kRenegotiated;
    return Status::Ok();
  });
}

Status PromiseService::AfterCall(const PhoneCall& call) {
  if (!call.customer_id) return Status::Ok();
  PromiseFilter f;
  f.customer_id = call.customer_id;
  f.by = PromiseParty::kUs;
  f.kind = PromiseKind::kCallback;
  f.live_only = true;
  PageRequest all;
  all.limit = kMaxPageSize;
  LUISTER_ASSIGN_OR_RETURN(Page<Promise> live, promises_.List(f, all));
  if (call.callback == CallbackState::kOpen) {
    if (!live.items.empty()) return Status::Ok();  // one promise for the customer's wait
    std::optional<int64_t> department;
    if (call.queue_id) {
      LUISTER_ASSIGN_OR_RETURN(Queue q, store_.directory().GetQueue(*call.queue_id));
      department = q.department_id;
    }
    // Due by the end of the department's next business day.
    auto hours = store_.Find<OpeningHoursRepository>();
    BusinessCalendar calendar;
    if (department && hours.ok()) {
      LUISTER_ASSIGN_OR_RETURN(calendar, CalendarOf(*hours, *department));
    }
    if (calendar.always_open() || !calendar.clock()) {
      LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open("Europe/Amsterdam"));
      calendar = BusinessCalendar::OfficeWeek(zone);
    }
    const ZoneClock& zone = *calendar.clock();
    int day = zone.ToLocal(clock_.Now()).days + 1;
    for (int i = 0; i < 30 && !calendar.BusinessDay(day); ++i) ++day;
    NewPromise p;
    p.customer_id = *call.customer_id;
    p.conversation_id = call.conversation_id;
    p.kind = PromiseKind::kCallback;
    p.what = call.customer_number + (call.line.empty() ? "" : " (" + call.line + ")");
    p.due_end = zone.FromLocalMinute(day + 1, 0);
    p.channel = Channel::kPhone;
    p.owner_department_id = department;
    return Make(p, std::nullopt).status();
  }
  if (call.direction == Direction::kOut && call.outcome == CallOutcome::kAnswered) {
    const std::optional<int64_t> by = call.logged_by ? call.logged_by : call.agent_id;
    for (const Promise& p : live.items) {
      auto kept = Keep(p.id, p.version, EvidenceKind::kCall, call.id, "", by);
      // Someone changed it meanwhile: theirs stands.
      if (!kept.ok() && kept.status().code() != StatusCode::kConflict) return kept.status();
    }
  }
  return Status::Ok();
}

namespace {

std::atomic<int64_t> auto_keep_failures{0};

// Lower-case words of `text`: runs of ASCII letters and digits, and of any
// byte of a multi-byte UTF-8 letter.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// Words that name no content: function words, the verbs of sending and
// promising, and times (Dutch and English).
const std::set<std::string, std::less<>>& NoContent() {
  static const std::set<std::string, std::less<>> words = {
      // Dutch
      "deze", "dit", "die", "dat", "een", "het", "van", "voor", "naar", "over", "met", "zijn",
      "haar", "hun", "onze", "jullie", "uw", "wij", "zullen", "zal", "wordt", "worden", "kunnen",
      "even", "nog", "ook", "graag", "alvast", "binnen", "uiterlijk", "sturen", "stuur", "stuurt",
      "toesturen", "opsturen", "nasturen", "doorsturen", "mailen", "mail", "mailtje", "ontvangt",
      "ontvangen", "krijgt", "krijgen", "bezorgen", "geven", "laten", "weten", "terug", "morgen",
      "vandaag", "overmorgen", "ochtend", "middag", "avond", "week", "dagen", "werkdagen",
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "klant",
      "informatie", "info", "gegevens",
      // English
      "this", "that", "these", "those", "with", "from", "your", "yours", "will", "shall", "have",
      "about", "into", "their", "them", "they", "just", "also", "within", "send", "sending", "sent",
      "email", "mail", "mailing", "receive", "get", "give", "forward", "tomorrow", "today",
      "morning", "afternoon", "evening", "days", "business", "working", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "customer", "you", "information",
      "details", "over", "week", "next", "soon", "possible", "asap", "back"};
  return words;
}

// The same word, by stem: a shared start of at least four letters and at
// most three letters short of the shorter word ("factuur", "facturen").
bool SameStem(std::string_view a, std::string_view b) {
  const size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return a == b;
  size_t common = 0;
  while (common < shorter && a[common] == b[common]) ++common;
  return common >= std::max<size_t>(4, shorter - std::min<size_t>(shorter, 3));
}

bool HandsOver(std::string_view lower) {
  static constexpr std::array<std::string_view, 33> kMarkers = {
      "hierbij",         "bijgevoegd",        "in de bijlage", "als bijlage",   "bijlage",
      "hieronder",       "zie onder",         "u vindt",       "vindt u",       "zoals beloofd",
      "zoals toegezegd", "zoals afgesproken", "hier is",       "hier zijn",     "via deze link",
      "via de link",     "attached",          "attachment",    "here is",       "here are",
      "here's",          "please find",       "enclosed",      "below",         "as promised",
      "as agreed",       "you can find",      "you'll find",   "you will find", "via this link",
      "http://",         "https://",          "www."};
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view m) { return lower.find(m) != std::string_view::npos; });
}

}  // namespace

int64_t PromiseAutoKeepFailures() { return auto_keep_failures.load(); }
void CountPromiseAutoKeepFailure() { auto_keep_failures.fetch_add(1); }

TimeSpan WithinContactHours(const TimeSpan& due, PromiseKind kind, const ContactHours& hours,
                            const ZoneClock& zone) {
  if (kind != PromiseKind::kCallback && kind != PromiseKind::kVisit) return due;
  if (hours.to_minute <= hours.from_minute || due.end <= due.start) return due;
  // The contact window of local day `d`, cut to the span; none when apart.
  auto window = [&](int d) -> std::optional<std::pair<Timestamp, Timestamp>> {
    const Timestamp from = std::max(due.start, zone.FromLocalMinute(d, hours.from_minute));
    const Timestamp to = std::min(due.end, zone.FromLocalMinute(d, hours.to_minute));
    if (from >= to) return std::nullopt;
    return std::pair(from, to);
  };
  const int first = zone.ToLocal(due.start).days;
  const int last = zone.ToLocal(due.end - std::chrono::milliseconds(1)).days;
  TimeSpan out = due;
  if (first == last) {
    auto w = window(first);
    if (!w) return due;
    out.start = w->first;
    out.end = w->second;
    if (out.start != due.start || out.end != due.end) out.grain = TimeGrain::kPartOfDay;
    return out;
  }
  for (int d = last; d >= first && d > last - 62; --d) {
    if (auto w = window(d)) {
      out.end = w->second;
      return out;
    }
  }
  return due;
}

bool ReplyDelivers(const Promise& p, std::string_view reply, size_t attachments,
                   const TimeReference& ref) {
  if (p.by != PromiseParty::kUs || !Live(p.status)) return false;
  if (p.kind != PromiseKind::kSendInformation && p.kind != PromiseKind::kDocuments) return false;
  if (attachments > 0) return true;
  // "I'll send it tomorrow" promises it again; it delivers nothing (a
  // callback or a visit promised beside it does not count).
  if (auto again = DetectCommitment(reply, ref);
      again && again->by == PromiseParty::kUs &&
      (again->kind == PromiseKind::kSendInformation || again->kind == PromiseKind::kDocuments ||
       again->kind == PromiseKind::kOther))
    return false;
  std::string lower(reply);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!HandsOver(lower)) return false;
  std::vector<std::string> named;
  for (std::string& w : Words(p.what))
    if (w.size() >= 4 && !NoContent().contains(w)) named.push_back(std::move(w));
  // A promise that names nothing in particular ("the information") is
  // delivered by any hand-over.
  if (named.empty()) return true;
  const std::vector<std::string> said = Words(reply);
  return std::any_of(named.begin(), named.end(), [&](const std::string& n) {
    return std::any_of(said.begin(), said.end(),
                       [&](const std::string& w) { return SameStem(n, w); });
  });
}

Result<int> PromiseService::AfterReply(const Message& reply) {
  if (reply.direction != Direction::kOut || reply.internal || !reply.author_user_id) return 0;
  PromiseFilter f;
  f.customer_id = reply.customer_id;
  f.by = PromiseParty::kUs;
  f.live_only = true;
  PageRequest all;
  all.limit = kMaxPageSize;
  LUISTER_ASSIGN_OR_RETURN(Page<Promise> live, promises_.List(f, all));
  std::vector<const Promise*> waiting;
  for (const Promise& p : live.items)
    if (p.kind == PromiseKind::kSendInformation || p.kind == PromiseKind::kDocuments)
      waiting.push_back(&p);
  if (waiting.empty()) return 0;
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(reply.customer_id));
  LUISTER_ASSIGN_OR_RETURN(TimeReference ref,
                           OfficeReference(clock_.Now(), "Europe/Amsterdam", customer.language));
  int kept = 0;
  for (const Promise* p : waiting) {
    if (!ReplyDelivers(*p, reply.body_text, reply.attachments.size(), ref)) continue;
    auto done = Keep(p->id, p->version, EvidenceKind::kMessage, reply.id,
                     "kept by the reply that delivered it", reply.author_user_id);
    // Someone changed it meanwhile: theirs stands.
    if (!done.ok() && done.status().code() != StatusCode::kConflict) return done.status();
    kept += done.ok();
  }
  return kept;
}

Result<std::pair<int, int>> PromiseService::RunReminders() {
  const Timestamp now = clock_.Now();
  std::pair<int, int> sent{0, 0};
  auto hours = store_.Find<OpeningHoursRepository>();
  // Whether the owning department is open now: reminders and escalations
  // wait for its hours (no mail at midnight or at the weekend).
  auto open = [&](const Promise& p) -> Result<bool> {
    if (!p.owner_department_id || !hours.ok()) return true;
    LUISTER_ASSIGN_OR_RETURN(BusinessCalendar c, CalendarOf(*hours, *p.owner_department_id));
    return c.IsOpen(now);
  };
  auto publish = [&](const Promise& p, EventType type, std::optional<int64_t> to) {
    if (!events_) return;
    events_->Publish(
        {type, now, p.conversation_id, p.customer_id, p.message_id, p.owner_department_id, to});
  };
  for (bool escalation : {false, true}) {
    const Timestamp until = escalation ? now : now + kRemindAhead;
    LUISTER_ASSIGN_OR_RETURN(std::vector<Promise> due,
                             promises_.Unreminded(until, escalation, 200));
    for (const Promise& p : due) {
      LUISTER_ASSIGN_OR_RETURN(bool within_hours, open(p));
      if (!within_hours) continue;
      // Past due before anyone was reminded: the escalation says it all.
      const bool stale = !escalation && p.due_end && *p.due_end <= now;
      std::optional<int64_t> to = p.owner_user_id;
      if (escalation && p.owner_department_id) {
        // The department's manager (the lowest id of the active ones).
        LUISTER_ASSIGN_OR_RETURN(auto users, store_.directory().ListUsers());
        for (const User& u : users)
          if (u.active && u.role == Role::kManager && u.department_id == p.owner_department_id) {
            to = u.id;
            break;
          }
      }
      // The mail goes with the mark, in one transaction: never lost, never twice.
      std::optional<NewJob> mail;
      if (mail_reminders_ && to && !stale) {
        mail = NewJob{.kind = kPromiseMailJob,
                      .payload = PromiseMailPayload(p.id, *to, escalation),
                      .run_at = now,
                      .created_at = now,
                      .created_by = std::nullopt};
      }
      LUISTER_ASSIGN_OR_RETURN(bool mine, promises_.MarkReminded(p.id, escalation, now, mail));
      if (!mine || stale) continue;  // another node sent it, or nothing to say
      publish(p, escalation ? EventType::kPromiseOverdue : EventType::kPromiseDue, to);
      ++(escalation ? sent.second : sent.first);
    }
  }
  return sent;
}

Result<bool> PromiseService::EnsureRemindJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, promises_.RemindJobId());
  return EnsureSingletonJob(store_, clock_, kPromiseRemindJob, current,
                            [&](std::optional<int64_t> expected, int64_t id) {
                              return promises_.SetRemindJob(expected, id);
                            });
}

Result<std::optional<Timestamp>> PromiseService::RunRemindJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(auto current, promises_.RemindJobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one reminder
  LUISTER_RETURN_IF_ERROR(RunReminders().status());
  return std::optional<Timestamp>(clock_.Now() + std::chrono::seconds(30));
}

std::optional<PromiseGroup> ParsePromiseGroup(std::string_view s) {
  if (s == "agent") return PromiseGroup::kAgent;
  if (s == "department") return PromiseGroup::kDepartment;
  if (s == "channel") return PromiseGroup::kChannel;
  if (s == "kind") return PromiseGroup::kKind;
  if (s == "week") return PromiseGroup::kWeek;
  return std::nullopt;
}

namespace {

// "2026-W49": the ISO week (Monday first; week 1 holds the year's first
// Thursday) of local day `days`.
std::string IsoWeek(int days) {
  const int thursday = days - WeekdayOf(days) + 3;
  int y = 0, m = 0, d = 0;
  CivilOf(thursday, &y, &m, &d);
  const int week = (thursday - *DaysOfDate(y, 1, 1)) / 7 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
  return buf;
}

std::string GroupKey(const PromiseFact& f, PromiseGroup g, const ZoneClock& zone) {
  switch (g) {
    case PromiseGroup::kAgent:
      return f.owner_user_id ? std::to_string(*f.owner_user_id) : "";
    case PromiseGroup::kDepartment:
      return f.owner_department_id ? std::to_string(*f.owner_department_id) : "";
    case PromiseGroup::kChannel:
      return f.channel ? std::string(ToString(*f.channel)) : "";
    case PromiseGroup::kKind:
      return std::string(ToString(f.kind));
    case PromiseGroup::kWeek:
      return IsoWeek(zone.ToLocal(f.due_end.value_or(f.created_at)).days);
  }
  return "";
}

}  // namespace

std::vector<PromiseMeasure> MeasurePromises(const std::vector<PromiseFact>& facts,
                                            PromiseGroup group, Timestamp now,
                                            const ZoneClock& zone) {
  std::map<std::string, PromiseMeasure> by_key;
  std::map<std::string, std::vector<int64_t>> lateness;
  for (const PromiseFact& f : facts) {
    const std::string key = GroupKey(f, group, zone);
    PromiseMeasure& m = by_key[key];
    m.key = key;
    ++m.made;
    m.chased += f.chased;
    switch (f.status) {
      case PromiseStatus::kKept: {
        ++m.kept;
        if (!f.due_end || !f.closed_at) break;
        const int64_t late = std::max<int64_t>(
            0, std::chrono::duration_cast<std::chrono::minutes>(*f.closed_at - *f.due_end).count());
        m.kept_on_time += late == 0;
        lateness[key].push_back(late);
        break;
      }
      case PromiseStatus::kBroken:
        ++m.broken;
        break;
      case PromiseStatus::kCancelled:
        ++m.cancelled;
        break;
      case PromiseStatus::kOpen:
      case PromiseStatus::kRenegotiated:
        ++m.live;
        m.overdue += f.due_end && *f.due_end < now;
        break;
    }
  }
  std::vector<PromiseMeasure> out;
  for (auto& [key, m] : by_key) {
    if (m.kept + m.broken > 0)
      m.kept_rate = static_cast<double>(m.kept) / static_cast<double>(m.kept + m.broken);
    auto& late = lateness[key];
    if (!late.empty()) {
      std::sort(late.begin(), late.end());
      const size_t n = late.size();
      m.median_lateness_minutes = n % 2 ? late[n / 2] : (late[n / 2 - 1] + late[n / 2]) / 2;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace luister
