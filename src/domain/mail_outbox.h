#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation.h"
#include "domain/conversation_service.h"
#include "domain/mail.h"
#include "domain/mail_intake.h"
#include "domain/mailbox.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

// One reply on its way out (a message whose delivery the desk owns).
struct OutboxItem {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;  // the conversation's (for the audit log)
  Delivery delivery = Delivery::kQueued;
  std::string rfc_message_id;  // empty until the first attempt chose it
  std::optional<int64_t> mailbox_id;
  int attempts = 0;
  std::optional<Timestamp> next_attempt_at;
  bool data_started = false;  // the message was being handed over when the attempt ended
  Timestamp updated_at{};     // of the last attempt's change
  std::optional<std::string> last_error;  // the server's answer, or why it was not sent
  std::optional<Timestamp> sent_at;
  Timestamp created_at{};  // the message's
  // An edited resend: the address an agent chose (else the customer's
  // last one), and the failed reply it replaces.
  std::optional<std::string> to_address;
  std::optional<int64_t> replaces_message_id;
};

// Which sender takes a reply: the mail outbox (e-mail and web form
// conversations) or the social outbox (social media and forums). Each lane
// has its own recurring job; everything else (attempts, states, retry,
// dismiss, the admin's list) is shared.
enum class OutboxLane { kMail = 1, kSocial = 2 };

// A capability repository: `store.Find<OutboxRepository>()`.
class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  // Replies to send at `now`, oldest first: queued and due, and those left
  // "sending" by an attempt that never ended (its node died).
  virtual Result<std::vector<OutboxItem>> Due(Timestamp now, int limit, OutboxLane lane) = 0;
  // Starts an attempt: the first one keeps `rfc_message_id` (for the outbox
  // and as the message's external id, so the customer's answer threads),
  // later ones keep theirs. Conflict when the message is not queued or
  // sending any more (sent, or an admin gave up on it).
  virtual Result<OutboxItem> Begin(int64_t message_id, const std::string& rfc_message_id,
                                   std::optional<int64_t> mailbox_id, Timestamp at) = 0;
  // The message is being handed to the server (SMTP DATA accepted).
  virtual Status DataStarted(int64_t message_id) = 0;
  // The id the destination gave the reply (a social platform's post id,
  // as SocialExternalId), so answers to it join the conversation. Conflict
  // when another message has it.
  virtual Status SetExternalId(int64_t message_id, const std::string& external_id) = 0;
  // Ends an attempt as `state` (sent, failed, uncertain), or queued again at
  // `retry_at`, with the server's answer.
  virtual Status Finish(int64_t message_id, Delivery state, const std::optional<std::string>& error,
                        std::optional<Timestamp> retry_at, Timestamp at) = 0;
  virtual Result<OutboxItem> Get(int64_t message_id) = 0;
  // Newest first; only `state` when given.
  virtual Result<Page<OutboxItem>> List(std::optional<Delivery> state, const PageRequest& p) = 0;
  // "Retry now": a failed or uncertain reply is queued again. Conflict for
  // any other state.
  virtual Status Retry(int64_t message_id, Timestamp at) = 0;
  // A failed or uncertain reply nobody will send: cancelled; or, for an
  // uncertain one the customer confirmed, `arrived`: sent after all.
  // Conflict for any other state.
  virtual Status Dismiss(int64_t message_id, bool arrived, Timestamp at) = 0;
  // How many replies are queued, sending, failed and uncertain (for
  // /metrics; an index range, never the sent ones).
  virtual Result<std::vector<std::pair<Delivery, int64_t>>> CountUnsent() = 0;
  // The desk's one job of a lane, and compare-and-set of it (as
  // MailboxRepository::SetPollJob): false when another node got there first.
  virtual Result<std::optional<int64_t>> JobId(OutboxLane lane) = 0;
  virtual Result<bool> SetJob(OutboxLane lane, std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The mailbox that sends the mail of a conversation in `queue_id` of
// `department_id`: one with SMTP settings of that queue, else of one of the
// department's queues; nullopt when none sends.
Result<std::optional<Mailbox>> SendingMailbox(Store& store, int64_t department_id,
                                              std::optional<int64_t> queue_id);

// "Edit and resend": replaces the failed or uncertain reply `message_id`
// with `in` (an agent's reply, validated as any), sent to `to` when given
// (one of the customer's e-mail addresses) or else where the failed one
// was going. The failed reply is cancelled in the same transaction, so the
// two never both go out. Conflict when it is no longer failed or uncertain.
Result<Message> ResendReply(Store& store, ConversationService& conversations, int64_t message_id,
                            MessageInput in, const std::optional<std::string>& to,
                            int64_t author_user_id);

struct OutboxOptions {
  int max_attempts = 8;
  // Hears how each attempt ended: sent, failed, uncertain, or queued
  // (to be tried again); for the node's counters.
  std::function<void(Delivery)> counted;  // temporary failures before it counts as failed
  std::chrono::seconds first_retry{30};
  std::chrono::seconds idle_poll{2};  // how often an empty outbox looks again
  std::function<void(std::string_view)> log;
};

// Makes sure the recurring job `kind` of `lane` exists (one per desk):
// enqueues it when it has none, or its last one ended; true when it was
// enqueued now.
Result<bool> EnsureOutboxJob(Store& store, const Clock& clock, OutboxLane lane,
                             const std::string& kind);

// Ends an attempt of `item` for good as `state` (failed, uncertain) with
// `why`: logged and counted as `options` say, the message's watchers told,
// and the conversation back to waiting on us, so an unsent reply never
// silently counts as an answer.
Status FailReply(Store& store, const Clock& clock, ConversationService& conversations,
                 const OutboxOptions& options, const OutboxItem& item, Delivery state,
                 const std::string& why);

// One round's replies, and when to look again: at once after a full batch,
// else after `idle`.
Timestamp NextOutboxRound(const Clock& clock, size_t taken, size_t batch,
                          std::chrono::seconds idle);

// A reply as the composer needs it.
struct OutboundMail {
  MailAddress from;
  std::vector<MailAddress> to;
  MailAddress reply_to;
  std::string subject;
  std::string message_id;  // without angle brackets
  std::string in_reply_to;
  std::vector<std::string> references;
  Timestamp date{};
  std::string text;
  std::string html;  // sanitised; empty: text only
  std::vector<MailAttachment> attachments;
  // A notice the desk sent by itself: "Auto-Submitted: auto-replied"
  // (RFC 3834), so that other systems' responders leave it unanswered.
  bool auto_submitted = false;
};

// Writes RFC 5322 bytes (channels/email: GMime).
class MailComposer {
 public:
  virtual ~MailComposer() = default;
  virtual Result<std::string> Compose(const OutboundMail& mail) = 0;
};

struct SmtpEndpoint {
  std::string host;
  int port = 587;
  MailSecurity security = MailSecurity::kStartTls;
  std::string username;
  MailAuth auth = MailAuth::kPassword;
  std::string secret;
  std::chrono::seconds timeout{60};
};

enum class SmtpOutcome {
  kSent,       // the server took it (250 after DATA)
  kRejected,   // a permanent refusal (5xx): sending again will not help
  kTemporary,  // nothing was handed over (connection, login, 4xx): try again later
  kUncertain,  // the connection broke after the message was handed over
};

struct SmtpResult {
  SmtpOutcome outcome = SmtpOutcome::kSent;
  std::string answer;  // the server's or the network's words
};

// Sends over SMTP (channels/email: libcurl). `on_data` is called once, when
// the server accepted DATA and the message starts to go over.
class SmtpSender {
 public:
  virtual ~SmtpSender() = default;
  // Connects and logs in as a send would, and sends nothing ("test
  // connection"): Unavailable with the server's words when that fails.
  virtual Status Check(const SmtpEndpoint& endpoint, const std::string& envelope_from) = 0;
  virtual SmtpResult Send(const SmtpEndpoint& endpoint, const std::string& envelope_from,
                          const std::vector<std::string>& recipients, const std::string& data,
                          const std::function<void()>& on_data) = 0;
};

// The job kind that sends the desk's replies: one recurring job for the
// whole desk, so one node sends at a time.
inline constexpr char kMailOutboxJob[] = "mail.outbox";

// Sends the agents' e-mail replies, each exactly once as far as SMTP allows.
// A reply is queued in the same transaction as its message; a round takes
// the due ones, gives each its Message-ID once (kept across retries, and
// recorded as the message's external id, so the customer's answer joins the
// conversation), composes it as an answer to the customer's last mail
// (In-Reply-To, References, "Re:" and the [#N] reference), and sends it
// through the SMTP server of a mailbox of the conversation's queue.
//
// Outcomes: sent; failed for good (5xx, no mailbox, no address, attempts
// used up); queued again with back-off (4xx, connection or login failure
// before anything was handed over); or uncertain when the connection broke
// after DATA (the message may have arrived, so it is never sent again by
// itself). A failed or uncertain reply puts the conversation back to
// waiting on us, so it never silently counts as answered; an agent retries
// or edits and resends it.
class MailOutbox {
 public:
  MailOutbox(Store& store, const Clock& clock, ConversationService& conversations,
             MailReader& reader, MailComposer& composer, SmtpSender& smtp, SecretKeeper& secrets,
             OutboxOptions options = {});

  // "Test connection" for a mailbox's SMTP server: logs in with `secret`
  // and sends nothing. What happened, in words for the admin.
  Result<std::string> TestConnection(const MailboxSettings& settings, std::string secret);
  static SmtpEndpoint EndpointOf(const MailboxSettings& settings, std::string secret);

  // One round: sends what is due; the time the next round is due.
  Result<Timestamp> RunRound();
  // The recurring job's handler.
  Result<std::optional<Timestamp>> RunJob(const Job& job);
  // The outbox's job exists (one per desk); true when it was enqueued now.
  Result<bool> EnsureJob();

 private:
  // Sends one; an error only when the database failed.
  Status SendOne(const OutboxItem& item);
  Status Fail(const OutboxItem& item, Delivery state, const std::string& why);
  void Log(const std::string& line) const;
  void Count(Delivery outcome) const;

  Store& store_;
  const Clock& clock_;
  ConversationService& conversations_;
  MailReader& reader_;
  MailComposer& composer_;
  SmtpSender& smtp_;
  SecretKeeper& secrets_;
  OutboxOptions options_;
};

}  // namespace luister
