#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/activity.h"
#include "domain/customer_service.h"
#include "domain/enums.h"
#include "domain/events.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

// The phone door (C2): calls reported by the telephone system (a PBX or a
// provider's webhook) or logged by an agent, on the customer's timeline;
// missed calls and callback requests are work until someone calls back.

enum class CallOutcome {
  kAnswered,
  kAbandoned,          // the caller hung up before anyone answered (in the queue or the IVR)
  kVoicemail,          // the caller left a voicemail, or we left one for them
  kCallbackRequested,  // the caller asked to be called back (an IVR option, the chat widget)
  kNoAnswer,           // our call out was not picked up
};
std::string_view ToString(CallOutcome o);
template <>
std::optional<CallOutcome> Parse<CallOutcome>(std::string_view s);
template <>
const char* ValidNames<CallOutcome>();

// Whether a call leaves the desk owing the caller a call back: an inbound
// call nobody answered (abandoned, voicemail) or a callback request.
bool NeedsCallback(Direction direction, CallOutcome outcome);

// Where a callback stands. kOpen: someone must call; kDone: a later call
// with that number was answered (either way) or an agent closed it.
enum class CallbackState { kNone, kOpen, kDone };
std::string_view ToString(CallbackState s);
std::optional<CallbackState> ParseCallbackState(std::string_view s);

struct PhoneCall {
  int64_t id = 0;
  // The telephone system's id for the call (unique: a resent report is the
  // same call); nullopt for calls logged by hand.
  std::optional<std::string> external_id;
  Direction direction = Direction::kIn;
  // The customer's number and ours, E.164 when it parses; a withheld number
  // is kept as the telephone system sent it ("anonymous") and has no
  // customer.
  std::string customer_number;
  std::string desk_number;
  std::string line;  // the line or trunk the call came in on, as the PBX names it
  std::optional<int64_t> customer_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> queue_id;
  Timestamp started_at{};
  std::optional<Timestamp> answered_at;
  std::optional<Timestamp> ended_at;
  int64_t wait_seconds = 0;  // in the queue before an answer or a hang-up
  std::string ivr_path;      // the menu choices, as the PBX reports them ("1>3")
  CallOutcome outcome = CallOutcome::kAnswered;
  std::optional<int64_t> agent_id;  // the agent who talked (a desk user) ...
  std::string agent_ref;            // ... or the PBX's name for them when unknown here
  std::string recording_url;
  std::string notes;                 // what the agent wrote down
  std::optional<int64_t> logged_by;  // the agent who logged it by hand
  CallbackState callback = CallbackState::kNone;
  std::optional<Timestamp> callback_closed_at;
  std::optional<int64_t> callback_closed_by;  // nullopt: closed by a later answered call
  Timestamp created_at{};

  // Seconds from answer (or start, for an unanswered call) to the end; 0
  // while unknown.
  int64_t TalkSeconds() const;
};

struct NewPhoneCall {
  std::optional<std::string> external_id;
  Direction direction = Direction::kIn;
  std::string customer_number;  // as given; normalised by PhoneService
  std::string desk_number;
  std::string line;
  std::optional<int64_t> customer_id;  // given when an agent logs a call on a customer
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> queue_id;
  std::optional<Timestamp> started_at;  // defaults to now
  std::optional<Timestamp> answered_at;
  std::optional<Timestamp> ended_at;
  std::optional<int64_t> duration_seconds;  // instead of ended_at, for calls logged by hand
  std::optional<int64_t> wait_seconds;      // defaults to answer (or end) minus start
  std::string ivr_path;
  CallOutcome outcome = CallOutcome::kAnswered;
  std::optional<std::string> agent_email;  // the PBX names the agent by their desk e-mail ...
  std::string agent_ref;                   // ... or by its own name (an extension)
  std::string recording_url;
  std::string notes;
  std::optional<int64_t> logged_by;
};

// Work for the phone team: one number that called and is owed a call back,
// with every open attempt folded in.
struct CallbackItem {
  int64_t id = 0;  // the first open call's id (the page key, with first_at)
  std::string customer_number;
  std::optional<int64_t> customer_id;
  std::string customer_name;  // empty without a customer
  int64_t attempts = 0;       // open calls from this number
  Timestamp first_at{};
  Timestamp last_at{};
  int64_t longest_wait_seconds = 0;
  int64_t last_call_id = 0;
  CallOutcome last_outcome = CallOutcome::kAbandoned;
  std::string last_line;
};

struct RecordedCall {
  PhoneCall call;
  bool created = false;  // false: the telephone system sent this call before
  // Callbacks of this number that the call closed (an answered call).
  int64_t callbacks_closed = 0;
};

// A capability repository: `store.Find<CallRepository>()`.
class CallRepository {
 public:
  virtual ~CallRepository() = default;
  // Stores the call with its timeline entry (CallActivity of the stored
  // call, when it has a customer) in one transaction. A call with an
  // external id already stored is returned as it stands, unchanged and
  // with no second entry (`created` false). An answered call closes every
  // open callback of its customer number in the same transaction.
  virtual Result<RecordedCall> Record(const PhoneCall& call) = 0;
  virtual Result<PhoneCall> Get(int64_t id) = 0;
  // Newest first.
  virtual Result<Page<PhoneCall>> ListForCustomer(int64_t customer_id, const PageRequest& p) = 0;
  // Numbers owed a call back, the longest waiting first (by first open
  // attempt, then id).
  virtual Result<Page<CallbackItem>> ListCallbacks(const PageRequest& p) = 0;
  // Closes every open callback of `customer_number`; returns how many.
  // NotFound when the number has none open.
  virtual Result<int64_t> CloseCallbacks(const std::string& customer_number,
                                         std::optional<int64_t> by_user_id, Timestamp at) = 0;
  // Numbers with an open callback (the /metrics gauge).
  virtual Result<int64_t> CountOpenCallbacks() = 0;
};

// Records calls: checks and normalises what the telephone system or the
// agent sent, finds the customer by number (a new customer for a number
// nobody has), writes the call with its timeline entry and publishes
// `call.recorded`.
class PhoneService {
 public:
  PhoneService(Store& store, CallRepository& calls, const Clock& clock,
               EventPublisher* events = nullptr)
      : store_(store),
        calls_(calls),
        clock_(clock),
        events_(events),
        customers_(store, clock, events) {}

  static constexpr size_t kMaxNotesBytes = 10000;

  Result<RecordedCall> Record(NewPhoneCall in);
  Result<int64_t> CloseCallbacks(std::string_view number, int64_t by_user_id);

 private:
  Result<std::optional<int64_t>> ResolveCustomer(const std::string& number, Direction direction);
  Result<std::optional<int64_t>> ResolveAgent(const NewPhoneCall& in,
                                              std::vector<FieldError>* errors);

  Store& store_;
  CallRepository& calls_;
  const Clock& clock_;
  EventPublisher* events_;
  CustomerService customers_;
};

// The call's timeline entry: channel phone, its direction, the agent as
// actor, the notes as summary; params call_id, outcome, wait_seconds,
// talk_seconds and number.
Activity CallActivity(const PhoneCall& call);

}  // namespace luister
