#include "domain/phone_call.h"

#include <array>
#include <utility>

#include "domain/phone.h"
#include "domain/promise.h"
#include "domain/validation.h"

namespace luister {

namespace {

int64_t DurationSeconds(Timestamp from, Timestamp to) {
  return std::chrono::duration_cast<std::chrono::seconds>(to - from).count();
}

constexpr std::array<std::pair<CallOutcome, std::string_view>, 5> kOutcomes{{
    {CallOutcome::kAnswered, "answered"},
    {CallOutcome::kAbandoned, "abandoned"},
    {CallOutcome::kVoicemail, "voicemail"},
    {CallOutcome::kCallbackRequested, "callback_requested"},
    {CallOutcome::kNoAnswer, "no_answer"},
}};

constexpr std::array<std::pair<CallbackState, std::string_view>, 3> kCallbackStates{{
    {CallbackState::kNone, "none"},
    {CallbackState::kOpen, "open"},
    {CallbackState::kDone, "done"},
}};

constexpr int64_t kMaxCallSeconds = 24 * 3600;
constexpr size_t kMaxNumberBytes = 64;

// A number as the telephone system sent it, for calls whose number does not
// parse (withheld: "anonymous"; an internal extension): kept, cut to size,
// never matched to a customer.
std::string RawNumber(std::string_view in) {
  return Utf8Prefix(WithoutControlCharacters(Trim(in)), kMaxNumberBytes);
}

void CheckText(const std::string& field, std::string* text, size_t max_bytes,
               std::vector<FieldError>* errors) {
  *text = std::string(Trim(*text));
  if (text->size() > max_bytes)
    errors->push_back({field, "must be at most " + std::to_string(max_bytes) + " bytes"});
  else if (!IsValidUtf8(*text))
    errors->push_back({field, "must be valid UTF-8"});
}

Language LanguageOfNumber(std::string_view e164) {
  // Dutch for the Netherlands and Belgium (Flanders), English elsewhere; the
  // agent corrects it on the customer when it is wrong.
  if (e164.starts_with("+31") || e164.starts_with("+32")) return Language::kNl;
  return Language::kEn;
}

}  // namespace

std::string_view ToString(CallOutcome o) {
  for (const auto& [v, n] : kOutcomes)
    if (v == o) return n;
  return "unknown";
}

template <>
std::optional<CallOutcome> Parse<CallOutcome>(std::string_view s) {
  for (const auto& [v, n] : kOutcomes)
    if (n == s) return v;
  return std::nullopt;
}

template <>
const char* ValidNames<CallOutcome>() {
  return "answered, abandoned, voicemail, callback_requested, no_answer";
}

std::string_view ToString(CallbackState s) {
  for (const auto& [v, n] : kCallbackStates)
    if (v == s) return n;
  return "unknown";
}

std::optional<CallbackState> ParseCallbackState(std::string_view s) {
  for (const auto& [v, n] : kCallbackStates)
    if (n == s) return v;
  return std::nullopt;
}

bool NeedsCallback(Direction direction, CallOutcome outcome) {
  if (outcome == CallOutcome::kCallbackRequested) return true;
  return direction == Direction::kIn &&
         (outcome == CallOutcome::kAbandoned || outcome == CallOutcome::kVoicemail);
}

int64_t PhoneCall::TalkSeconds() const {
  if (!ended_at || !answered_at || *ended_at < *answered_at) return 0;
  return DurationSeconds(*answered_at, *ended_at);
}

Activity CallActivity(const PhoneCall& call) {
  Activity a;
  a.customer_id = call.customer_id.value_or(0);
  a.at = call.started_at;
  a.kind = ActivityKind::kCall;
  a.channel = Channel::kPhone;
  a.conversation_id = call.conversation_id;
  a.direction = call.direction;
  a.actor_user_id = call.agent_id ? call.agent_id : call.logged_by;
  a.params.Set("call_id", call.id)
      .Set("outcome", std::string(ToString(call.outcome)))
      .Set("wait_seconds", call.wait_seconds)
      .Set("talk_seconds", call.TalkSeconds())
      .Set("number", call.customer_number);
  a.summary = Summarize(call.notes);
  return a;
}

Result<std::optional<int64_t>> PhoneService::ResolveCustomer(const std::string& number,
                                                             Direction direction) {
  LUISTER_ASSIGN_OR_RETURN(auto found,
                           store_.customers().FindByIdentity(IdentityKind::kPhone, number));
  if (found) return std::optional<int64_t>(found->merged_into_id.value_or(found->id));
  // Our own call out to a number nobody has is an agent's typing, not a new
  // customer; the caller of an inbound call is one.
  if (direction == Direction::kOut) return std::optional<int64_t>();
  NewCustomer c;
  c.name = FormatPhone(number);
  c.language = LanguageOfNumber(number);
  c.preferred_channel = Channel::kPhone;
  c.identities.push_back({IdentityKind::kPhone, number});
  auto created = customers_.Create(std::move(c));
  if (created.ok()) return std::optional<int64_t>(created->id);
  // Another node created this caller a moment ago.
  if (created.status().code() == StatusCode::kConflict) {
    LUISTER_ASSIGN_OR_RETURN(auto again,
                             store_.customers().FindByIdentity(IdentityKind::kPhone, number));
    if (again) return std::optional<int64_t>(again->merged_into_id.value_or(again->id));
  }
  return created.status();
}

Result<std::optional<int64_t>> PhoneService::ResolveAgent(const NewPhoneCall& in,
                                                          std::vector<FieldError>* errors) {
  if (!in.agent_email) return std::optional<int64_t>();
  auto email = NormaliseEmail(*in.agent_email);
  if (!email.ok()) {
    errors->push_back({"agent", "must be an e-mail address"});
    return std::optional<int64_t>();
  }
  LUISTER_ASSIGN_OR_RETURN(auto cred, store_.directory().FindCredentials(*email));
  if (!cred) return std::optional<int64_t>();
  return std::optional<int64_t>(cred->user_id);
}

Result<RecordedCall> PhoneService::Record(NewPhoneCall in) {
  std::vector<FieldError> errors;
  const bool by_hand = in.logged_by.has_value();
  PhoneCall call;
  call.direction = in.direction;
  call.outcome = in.outcome;
  call.created_at = clock_.Now();

  if (in.external_id) {
    call.external_id = std::string(Trim(*in.external_id));
    if (call.external_id->empty() || call.external_id->size() > 200 ||
        !IsValidUtf8(*call.external_id))
      errors.push_back({"call_id", "must be 1 to 200 bytes of UTF-8"});
  }

  // The customer's number: E.164 when it parses. The telephone system's
  // report is kept whatever it holds (a withheld number is still a call);
  // an agent is told when they mistyped one.
  if (!Trim(in.customer_number).empty()) {
    auto e164 = NormalisePhone(in.customer_number);
    if (e164.ok())
      call.customer_number = *e164;
    else if (by_hand)
      errors.push_back({"number", e164.status().message()});
    else
      call.customer_number = RawNumber(in.customer_number);
  } else if (!by_hand || !in.customer_id) {
    errors.push_back({by_hand ? "number" : "from", "is required"});
  }
  if (!Trim(in.desk_number).empty()) {
    auto e164 = NormalisePhone(in.desk_number);
    call.desk_number = e164.ok() ? *e164 : RawNumber(in.desk_number);
  }

  call.line = std::move(in.line);
  CheckText("line", &call.line, 100, &errors);
  call.ivr_path = std::move(in.ivr_path);
  CheckText("ivr_path", &call.ivr_path, 200, &errors);
  call.agent_ref = std::move(in.agent_ref);
  CheckText("agent", &call.agent_ref, 200, &errors);
  call.notes = std::move(in.notes);
  CheckText("notes", &call.notes, kMaxNotesBytes, &errors);
  call.recording_url = std::string(Trim(in.recording_url));
  if (!call.recording_url.empty() &&
      (call.recording_url.size() > 2000 || !IsWebUrl(call.recording_url)))
    errors.push_back({"recording_url", "must be an http(s) URL of at most 2000 bytes"});

  // Times: the start defaults to now; an answer and an end come after it.
  call.started_at = in.started_at.value_or(call.created_at);
  call.answered_at = in.answered_at;
  call.ended_at = in.ended_at;
  if (call.answered_at && *call.answered_at < call.started_at)
    errors.push_back({"answered_at", "must not be before started_at"});
  if (call.ended_at && *call.ended_at < (call.answered_at ? *call.answered_at : call.started_at))
    errors.push_back({"ended_at", "must not be before started_at or answered_at"});
  if (in.duration_seconds) {
    if (call.ended_at) {
      errors.push_back({"duration_seconds", "give either ended_at or duration_seconds"});
    } else if (*in.duration_seconds < 0 || *in.duration_seconds > kMaxCallSeconds) {
      errors.push_back({"duration_seconds", "must be between 0 and 86400"});
    } else {
      if (!call.answered_at && call.outcome == CallOutcome::kAnswered)
        call.answered_at = call.started_at;
      call.ended_at =
          call.answered_at.value_or(call.started_at) + std::chrono::seconds(*in.duration_seconds);
    }
  }
  if (call.answered_at && call.outcome != CallOutcome::kAnswered)
    errors.push_back({"answered_at", "only an answered call has one"});
  if (call.ended_at && DurationSeconds(call.started_at, *call.ended_at) > kMaxCallSeconds)
    errors.push_back({"ended_at", "a call lasts at most a day"});
  if (in.wait_seconds) {
    if (*in.wait_seconds < 0 || *in.wait_seconds > kMaxCallSeconds)
      errors.push_back({"wait_seconds", "must be between 0 and 86400"});
    else
      call.wait_seconds = *in.wait_seconds;
  } else if (call.direction == Direction::kIn) {
    auto until = call.answered_at ? call.answered_at : call.ended_at;
    if (until && *until >= call.started_at)
      call.wait_seconds = DurationSeconds(call.started_at, *until);
  }

  LUISTER_ASSIGN_OR_RETURN(call.agent_id, ResolveAgent(in, &errors));
  if (in.agent_email && !call.agent_id && call.agent_ref.empty())
    call.agent_ref = Utf8Prefix(*in.agent_email, 200);
  if (by_hand) {
    call.logged_by = in.logged_by;
    if (!call.agent_id) call.agent_id = in.logged_by;
  }

  // The customer: named by the agent, or found (or made) by number.
  if (in.customer_id) {
    auto c = store_.customers().Get(*in.customer_id);
    if (!c.ok() && c.status().code() != StatusCode::kNotFound) return c.status();
    if (!c.ok())
      errors.push_back({"customer_id", "no such customer"});
    else if (c->merged_into_id)
      errors.push_back(
          {"customer_id", "was merged into customer " + std::to_string(*c->merged_into_id)});
    else {
      call.customer_id = c->id;
      if (call.customer_number.empty())
        for (const Identity& i : c->identities)
          if (i.kind == IdentityKind::kPhone) {
            call.customer_number = i.value;
            break;
          }
    }
  }
  if (in.conversation_id) {
    // Only on a named customer: a conversation is never guessed from a number.
    auto conv = store_.conversations().Get(*in.conversation_id);
    if (!conv.ok() && conv.status().code() != StatusCode::kNotFound) return conv.status();
    if (!conv.ok() || !call.customer_id || conv->customer_id != *call.customer_id)
      errors.push_back({"conversation_id", "no such conversation of this customer"});
    else
      call.conversation_id = conv->id;
  }
  if (in.queue_id) {
    auto q = store_.directory().GetQueue(*in.queue_id);
    if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
    if (!q.ok())
      errors.push_back({"queue_id", "no such queue"});
    else
      call.queue_id = q->id;
  }
  if (!errors.empty()) return InvalidArgument("the call is not valid", std::move(errors));

  if (!call.customer_id && call.customer_number.starts_with('+')) {
    // A resent report must not make a second customer: the first found or
    // made one by this number, and the repository returns the stored call.
    LUISTER_ASSIGN_OR_RETURN(call.customer_id,
                             ResolveCustomer(call.customer_number, call.direction));
  }
  // Only a number one can dial is owed a call back (not "anonymous").
  call.callback =
      NeedsCallback(call.direction, call.outcome) && call.customer_number.starts_with('+')
          ? CallbackState::kOpen
          : CallbackState::kNone;

  LUISTER_ASSIGN_OR_RETURN(RecordedCall recorded, calls_.Record(call));
  if (recorded.created && events_) {
    DomainEvent e;
    e.type = EventType::kCallRecorded;
    e.at = clock_.Now();
    e.customer_id = recorded.call.customer_id;
    e.conversation_id = recorded.call.conversation_id;
    HeldEvents::PublishOrHold(events_, e);
  }
  // The customer's callback promises (domain/promise.h), where the desk
  // keeps them. Also for a resent report: a failure here is retried then,
  // and the promise side is idempotent.
  if (auto promises = store_.Find<PromiseRepository>(); promises.ok()) {
    PromiseService service(store_, **promises, clock_, events_);
    LUISTER_RETURN_IF_ERROR(service.AfterCall(recorded.call));
  }
  return recorded;
}

Result<int64_t> PhoneService::CloseCallbacks(std::string_view number, int64_t by_user_id) {
  auto e164 = NormalisePhone(number);
  std::string key = e164.ok() ? *e164 : RawNumber(number);
  if (key.empty()) return InvalidArgument("the number is missing", {{"number", "is required"}});
  LUISTER_ASSIGN_OR_RETURN(int64_t closed, calls_.CloseCallbacks(key, by_user_id, clock_.Now()));
  if (events_) {
    DomainEvent e;
    e.type = EventType::kCallRecorded;
    e.at = clock_.Now();
    HeldEvents::PublishOrHold(events_, e);
  }
  return closed;
}

}  // namespace luister
