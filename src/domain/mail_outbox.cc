#include "domain/mail_outbox.h"

#include <algorithm>
#include <random>

#include "common/failpoint.h"
#include "domain/blob.h"
#include "domain/job_runner.h"
#include "domain/jobs.h"
#include "domain/validation.h"

namespace luister {

namespace {

std::string RandomHex(size_t n) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) out += kHex[rng() % 16];
  return out;
}

std::string DomainOf(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos ? "luister.invalid" : address.substr(at + 1);
}

// "Re: <subject> [#N]": the prefix once, the reference once.
// "Re: " only for an answer: a conversation the desk began (a promise's
// confirmation) keeps its own subject.
std::string ReplySubject(const Conversation& c, bool answers) {
  std::string s = c.subject;
  std::string lower = AsciiLower(s);
  if (answers && lower.rfind("re:", 0) != 0 && lower.rfind("antw:", 0) != 0) s = "Re: " + s;
  std::string ref = "[#" + std::to_string(c.id) + "]";
  if (s.find(ref) == std::string::npos) s += " " + ref;
  return s;
}

}  // namespace

MailOutbox::MailOutbox(Store& store, const Clock& clock, ConversationService& conversations,
                       MailReader& reader, MailComposer& composer, SmtpSender& smtp,
                       SecretKeeper& secrets, OutboxOptions options)
    : store_(store),
      clock_(clock),
      conversations_(conversations),
      reader_(reader),
      composer_(composer),
      smtp_(smtp),
      secrets_(secrets),
      options_(std::move(options)) {}

void MailOutbox::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

void MailOutbox::Count(Delivery outcome) const {
  if (options_.counted) options_.counted(outcome);
}

Status MailOutbox::Fail(const OutboxItem& item, Delivery state, const std::string& why) {
  return FailReply(store_, clock_, conversations_, options_, item, state, why);
}

Status FailReply(Store& store, const Clock& clock, ConversationService& conversations,
                 const OutboxOptions& options, const OutboxItem& item, Delivery state,
                 const std::string& why) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store.Find<OutboxRepository>());
  // Not answered after all: back with the team. First, so that whoever sees
  // the failed reply (another node, the agent's screen) never sees the
  // conversation still waiting on the customer; a failure between the two
  // writes leaves it with the team and the reply queued, the safe side.
  ConversationPatch back;
  back.status = ConversationStatus::kWaitingOnUs;
  auto changed = conversations.Update(item.conversation_id, back, std::nullopt);
  if (!changed.ok() && changed.status().code() != StatusCode::kNotFound) return changed.status();
  LUISTER_RETURN_IF_ERROR(outbox->Finish(item.message_id, state, why, std::nullopt, clock.Now()));
  if (options.log)
    options.log("reply " + std::to_string(item.message_id) + " " + std::string(ToString(state)) +
                ": " + why);
  if (options.counted) options.counted(state);
  return conversations.DeliveryChanged(item.conversation_id, item.message_id);
}

Result<Timestamp> MailOutbox::RunRound() {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  constexpr int kBatch = 100;
  LUISTER_ASSIGN_OR_RETURN(auto due, outbox->Due(clock_.Now(), kBatch, OutboxLane::kMail));
  for (const OutboxItem& item : due) {
    if (item.delivery == Delivery::kSending && item.data_started) {
      // An attempt whose node stopped while the message was going over: it
      // may have arrived. Sending it again could send it twice.
      LUISTER_RETURN_IF_ERROR(Fail(item, Delivery::kUncertain,
                                   "the node sending it stopped while handing it to the server; "
                                   "it may have arrived (check with the customer, then retry)"));
      continue;
    }
    if (item.delivery == Delivery::kSending &&
        item.updated_at > clock_.Now() - std::chrono::minutes(2))
      continue;  // perhaps still going: its attempt gets time to end
    LUISTER_RETURN_IF_ERROR(SendOne(item));
  }
  return NextOutboxRound(clock_, due.size(), kBatch, options_.idle_poll);
}

Result<std::optional<Timestamp>> MailOutbox::RunJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto current, outbox->JobId(OutboxLane::kMail));
  // A job that lost the race to be the outbox's ends here: one sender only.
  if (current != job.id) return std::optional<Timestamp>();
  LUISTER_ASSIGN_OR_RETURN(Timestamp next, RunRound());
  return std::optional<Timestamp>(next);
}

Result<bool> MailOutbox::EnsureJob() {
  return EnsureOutboxJob(store_, clock_, OutboxLane::kMail, kMailOutboxJob);
}

Result<bool> EnsureOutboxJob(Store& store, const Clock& clock, OutboxLane lane,
                             const std::string& kind) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto current, outbox->JobId(lane));
  return EnsureSingletonJob(store, clock, kind, current,
                            [&](std::optional<int64_t> expected, int64_t id) {
                              return outbox->SetJob(lane, expected, id);
                            });
}

Timestamp NextOutboxRound(const Clock& clock, size_t taken, size_t batch,
                          std::chrono::seconds idle) {
  return taken == batch ? clock.Now() : clock.Now() + idle;
}

Status MailOutbox::SendOne(const OutboxItem& item) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(Message message, store_.conversations().GetMessage(item.message_id));
  LUISTER_ASSIGN_OR_RETURN(Conversation conversation,
                           store_.conversations().Get(message.conversation_id));

  LUISTER_ASSIGN_OR_RETURN(
      std::optional<Mailbox> sender,
      SendingMailbox(store_, conversation.department_id, conversation.queue_id));
  if (!sender)
    return Fail(item, Delivery::kFailed,
                "no mailbox sends mail for this conversation's queue or department: give one "
                "SMTP settings in the admin");
  const Mailbox* via = &*sender;

  // Whom to answer, and what: the customer's last mail in the thread.
  PageRequest page;
  page.limit = kMaxPageSize;
  LUISTER_ASSIGN_OR_RETURN(auto thread,
                           store_.conversations().ListMessages(conversation.id, false, page));
  std::optional<MailAddress> to;
  bool answers = false;  // the customer wrote first
  std::string in_reply_to;
  std::vector<std::string> references;
  for (const Message& m : thread.items) {
    if (m.id == message.id) break;
    if (!m.external_id.empty() && m.external_id.rfind("sha256:", 0) != 0)
      references.push_back(m.external_id);
    if (m.direction != Direction::kIn) continue;
    answers = true;
    if (!m.external_id.empty() && m.external_id.rfind("sha256:", 0) != 0)
      in_reply_to = m.external_id;
    if (m.raw_sha256.empty()) continue;
    auto blobs = store_.Find<BlobRepository>();
    if (!blobs.ok()) continue;
    auto raw = (*blobs)->Get(m.raw_sha256);
    if (!raw.ok()) continue;
    auto parsed = reader_.Parse(*raw);
    if (!parsed.ok()) continue;
    if (!parsed->reply_to.empty())
      to = parsed->reply_to.front();
    else if (parsed->from)
      to = parsed->from;
  }
  if (references.size() > 20) references.erase(references.begin(), references.end() - 20);
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(conversation.customer_id));
  // An edited resend goes to the address the agent chose.
  if (item.to_address) to = MailAddress{customer.name, *item.to_address};
  if (!to) {
    for (const Identity& id : customer.identities)
      if (id.kind == IdentityKind::kEmail) {
        to = MailAddress{customer.name, id.value};
        break;
      }
  }
  if (!to || !NormaliseEmail(to->address).ok())
    return Fail(item, Delivery::kFailed, "the customer has no e-mail address to answer");

  const std::string rfc_id = item.rfc_message_id.empty()
                                 ? "luister." + std::to_string(message.id) + "." + RandomHex(12) +
                                       "@" + DomainOf(via->settings.address)
                                 : item.rfc_message_id;
  auto begun = outbox->Begin(item.message_id, rfc_id, via->id, clock_.Now());
  if (!begun.ok() && begun.status().code() == StatusCode::kConflict) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(OutboxItem attempt, std::move(begun));

  auto secret = secrets_.Open(via->sealed_secret);
  if (!secret.ok())
    return Fail(attempt, Delivery::kFailed,
                "the mailbox's stored password cannot be opened: " + secret.status().message());

  OutboundMail mail;
  std::string agent;
  if (message.author_user_id) {
    auto user = store_.directory().GetUser(*message.author_user_id);
    if (user.ok()) agent = user->name;
  }
  const std::string team =
      via->settings.from_name.empty() ? via->settings.name : via->settings.from_name;
  mail.from = {agent.empty() ? team : agent + " (" + team + ")", via->settings.address};
  mail.reply_to = {team, via->settings.address};
  mail.to = {*to};
  mail.subject = ReplySubject(conversation, answers);
  mail.message_id = attempt.rfc_message_id;
  mail.in_reply_to = in_reply_to;
  mail.references = references;
  mail.date = message.created_at;
  mail.text = message.body_text;
  mail.html = message.body_html;
  mail.auto_submitted = !message.author_user_id;
  if (auto blobs = store_.Find<BlobRepository>(); blobs.ok()) {
    for (const Attachment& a : message.attachments) {
      MailAttachment out;
      out.filename = a.filename;
      out.content_type = a.content_type;
      out.content_id = a.content_id;
      out.inline_part = a.inline_part;
      if (!a.sha256.empty()) {
        auto bytes = (*blobs)->Get(a.sha256);
        if (!bytes.ok())
          return Fail(
              attempt, Delivery::kFailed,
              "the attachment " + a.filename + " is not stored: " + bytes.status().message());
        out.data = std::move(*bytes);
      }
      out.size = out.data.size();
      mail.attachments.push_back(std::move(out));
    }
  }
  auto composed = composer_.Compose(mail);
  if (!composed.ok())
    return Fail(attempt, Delivery::kFailed, "cannot compose it: " + composed.status().message());

  SmtpEndpoint endpoint = EndpointOf(via->settings, std::move(*secret));
  Status data_error = Status::Ok();
  SmtpResult sent =
      smtp_.Send(endpoint, via->settings.address, {AsciiLower(to->address)}, *composed, [&] {
        data_error = outbox->DataStarted(item.message_id);
        Failpoint("mail.smtp_data");
      });
  LUISTER_RETURN_IF_ERROR(data_error);
  switch (sent.outcome) {
    case SmtpOutcome::kSent:
      LUISTER_RETURN_IF_ERROR(outbox->Finish(item.message_id, Delivery::kSent, std::nullopt,
                                             std::nullopt, clock_.Now()));
      Log("reply " + std::to_string(item.message_id) + " sent as <" + attempt.rfc_message_id + ">");
      Count(Delivery::kSent);
      return conversations_.DeliveryChanged(item.conversation_id, item.message_id);
    case SmtpOutcome::kRejected:
      return Fail(attempt, Delivery::kFailed, "the server refused it: " + sent.answer);
    case SmtpOutcome::kUncertain:
      return Fail(attempt, Delivery::kUncertain,
                  "the connection broke after the message was handed over; it may have arrived: " +
                      sent.answer);
    case SmtpOutcome::kTemporary:
      break;
  }
  if (attempt.attempts >= options_.max_attempts)
    return Fail(attempt, Delivery::kFailed,
                "not sent after " + std::to_string(attempt.attempts) + " attempts: " + sent.answer);
  auto wait = options_.first_retry * (int64_t{1} << std::min(attempt.attempts - 1, 6));
  LUISTER_RETURN_IF_ERROR(outbox->Finish(item.message_id, Delivery::kQueued, sent.answer,
                                         clock_.Now() + wait, clock_.Now()));
  Log("reply " + std::to_string(item.message_id) + " not sent yet (" + sent.answer +
      "); trying again");
  Count(Delivery::kQueued);
  return Status::Ok();
}

Result<std::optional<Mailbox>> SendingMailbox(Store& store, int64_t department_id,
                                              std::optional<int64_t> queue_id) {
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store.Find<MailboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
  for (const Mailbox& m : all)
    if (!m.settings.smtp_host.empty() && queue_id && m.settings.queue_id == *queue_id)
      return std::optional<Mailbox>(m);
  LUISTER_ASSIGN_OR_RETURN(auto queues, store.directory().ListQueues(department_id));
  for (const Mailbox& m : all)
    for (const Queue& q : queues)
      if (!m.settings.smtp_host.empty() && m.settings.queue_id == q.id)
        return std::optional<Mailbox>(m);
  return std::optional<Mailbox>();
}

Result<Message> ResendReply(Store& store, ConversationService& conversations, int64_t message_id,
                            MessageInput in, const std::optional<std::string>& to,
                            int64_t author_user_id) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(OutboxItem failed, outbox->Get(message_id));
  if (failed.delivery != Delivery::kFailed && failed.delivery != Delivery::kUncertain)
    return Conflict("reply " + std::to_string(message_id) + " is " +
                    std::string(ToString(failed.delivery)) +
                    "; only a failed or uncertain reply is edited and sent again");
  in.send_to = failed.to_address.value_or("");
  if (to) {
    LUISTER_ASSIGN_OR_RETURN(Conversation c, store.conversations().Get(failed.conversation_id));
    LUISTER_ASSIGN_OR_RETURN(Customer customer, store.customers().Get(c.customer_id));
    auto address = NormaliseEmail(*to);
    bool known = false;
    if (address.ok())
      for (const Identity& id : customer.identities)
        known = known || (id.kind == IdentityKind::kEmail && id.value == *address);
    if (!known)
      return InvalidArgument(
          "the reply is not valid",
          {{"to",
            "must be one of the customer's e-mail addresses (add it to the customer first)"}});
    in.send_to = *address;
  }
  in.direction = Direction::kOut;
  in.internal = false;
  in.replaces_id = message_id;
  return conversations.AddMessage(failed.conversation_id, std::move(in), author_user_id);
}

SmtpEndpoint MailOutbox::EndpointOf(const MailboxSettings& settings, std::string secret) {
  SmtpEndpoint endpoint;
  endpoint.host = settings.smtp_host;
  endpoint.port = settings.smtp_port;
  endpoint.security = settings.smtp_security;
  endpoint.username = settings.username;
  endpoint.auth = settings.auth;
  endpoint.secret = std::move(secret);
  return endpoint;
}

Result<std::string> MailOutbox::TestConnection(const MailboxSettings& settings,
                                               std::string secret) {
  if (settings.smtp_host.empty())
    return InvalidArgument("no SMTP server is set: this mailbox sends no replies");
  SmtpEndpoint endpoint = EndpointOf(settings, std::move(secret));
  endpoint.timeout = std::chrono::seconds(20);  // an admin is waiting
  LUISTER_RETURN_IF_ERROR(smtp_.Check(endpoint, settings.address));
  return "logged in to " + settings.smtp_host + ":" + std::to_string(settings.smtp_port);
}

}  // namespace luister
