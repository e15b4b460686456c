#include "domain/mail_intake.h"

#include <algorithm>
#include <charconv>

#include "domain/mail_outbox.h"
#include "domain/mail_quarantine.h"
#include "domain/validation.h"

namespace luister {

std::string_view IntakeOutcomeName(IntakeOutcome outcome) {
  switch (outcome) {
    case IntakeOutcome::kOpened:
      return "opened";
    case IntakeOutcome::kAppended:
      return "appended";
    case IntakeOutcome::kDuplicate:
      return "duplicate";
    case IntakeOutcome::kAutoReply:
      return "auto_reply";
    case IntakeOutcome::kBounce:
      return "bounce";
    case IntakeOutcome::kOwnMail:
      return "own_mail";
  }
  return "opened";
}

std::string MailExternalId(const InboundMail& mail) {
  if (!mail.message_id.empty()) return mail.message_id;
  if (!mail.raw_sha256.empty()) return "sha256:" + mail.raw_sha256;
  return {};
}

std::optional<int64_t> SubjectReference(std::string_view subject) {
  for (size_t at = subject.find("[#"); at != std::string_view::npos;
       at = subject.find("[#", at + 2)) {
    size_t end = subject.find(']', at);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view digits = subject.substr(at + 2, end - at - 2);
    int64_t n = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && n > 0 && !digits.empty())
      return n;
  }
  return std::nullopt;
}

namespace {

// Attachments the desk can list: a name for every one, at most as many as
// a message may have (the raw message keeps them all).
std::vector<Attachment> DeskAttachments(const std::vector<MailAttachment>& parts) {
  std::vector<Attachment> out;
  for (const MailAttachment& p : parts) {
    if (out.size() == ConversationService::kMaxAttachments) break;
    Attachment a;
    a.filename = Utf8Prefix(Trim(p.filename), 255);
    if (a.filename.empty()) a.filename = "attachment-" + std::to_string(out.size() + 1);
    a.content_type = p.content_type;
    a.size_bytes = static_cast<int64_t>(p.size);
    a.sha256 = p.sha256;
    a.content_id = p.content_id;
    a.inline_part = p.inline_part;
    out.push_back(std::move(a));
  }
  return out;
}

// "6 kB", "31.2 MB" / "31,2 MB".
std::string SizeText(size_t bytes, Language language) {
  if (bytes < 1'000'000) return std::to_string((bytes + 999) / 1000) + " kB";
  const int64_t tenths = static_cast<int64_t>((bytes + 50'000) / 100'000);
  return std::to_string(tenths / 10) + (language == Language::kNl ? "," : ".") +
         std::to_string(tenths % 10) + " MB";
}

Language GuessLanguage(std::string_view address) {
  std::string lower = AsciiLower(address);
  return lower.ends_with(".nl") || lower.ends_with(".be") ? Language::kNl : Language::kEn;
}

}  // namespace

Result<IntakeResult> MailIntakeService::Duplicate(const std::string& external_id) {
  IntakeResult r;
  r.outcome = IntakeOutcome::kDuplicate;
  r.reason = "Message-ID " + external_id + " was stored before";
  LUISTER_ASSIGN_OR_RETURN(auto ref, store_.conversations().FindByExternalIds({external_id}));
  if (ref) {
    r.conversation_id = ref->conversation_id;
    r.message_id = ref->message_id;
  }
  return r;
}

Result<int64_t> MailIntakeService::ResolveCustomer(const MailAddress& from) {
  auto email = NormaliseEmail(from.address);
  if (!email.ok()) return InvalidArgument("the sender's address is not valid: " + from.address);
  LUISTER_ASSIGN_OR_RETURN(auto found,
                           store_.customers().FindByIdentity(IdentityKind::kEmail, *email));
  if (found) {
    // Mail from an address that bounced before: it works again.
    for (const Identity& i : found->identities)
      if (i.kind == IdentityKind::kEmail && i.value == *email && i.failing)
        LUISTER_RETURN_IF_ERROR(store_.customers().SetIdentityFailing(IdentityKind::kEmail, *email,
                                                                      std::nullopt, clock_.Now()));
    return found->merged_into_id.value_or(found->id);
  }
  NewCustomer c;
  c.name = Utf8Prefix(Trim(from.name), 200);
  if (c.name.empty()) c.name = email->substr(0, email->find('@'));
  c.language = GuessLanguage(*email);
  c.preferred_channel = Channel::kEmail;
  c.identities.push_back({IdentityKind::kEmail, *email});
  auto created = customers_.Create(std::move(c));
  if (created.ok()) return created->id;
  // Another node created this sender a moment ago.
  if (created.status().code() == StatusCode::kConflict) {
    LUISTER_ASSIGN_OR_RETURN(auto again,
                             store_.customers().FindByIdentity(IdentityKind::kEmail, *email));
    if (again) return again->merged_into_id.value_or(again->id);
  }
  return created.status();
}

Result<std::optional<int64_t>> MailIntakeService::Thread(const InboundMail& mail,
                                                         std::optional<int64_t> subject_owner) {
  std::vector<std::string> ids;
  if (!mail.in_reply_to.empty()) ids.push_back(mail.in_reply_to);
  ids.insert(ids.end(), mail.references.begin(), mail.references.end());
  if (!ids.empty()) {
    LUISTER_ASSIGN_OR_RETURN(auto ref, store_.conversations().FindByExternalIds(ids));
    if (ref) return std::optional<int64_t>(ref->conversation_id);
  }
  // A reference in the subject counts only for the customer's own
  // conversation: anyone can type "[#12]".
  if (auto n = SubjectReference(mail.subject)) {
    auto conversation = store_.conversations().Get(*n);
    if (!conversation.ok() && conversation.status().code() != StatusCode::kNotFound)
      return conversation.status();
    if (conversation.ok() && (!subject_owner || conversation->customer_id == *subject_owner))
      return std::optional<int64_t>(*n);
  }
  return std::optional<int64_t>();
}

Result<std::optional<int64_t>> MailIntakeService::StaffMember(const std::string& address) {
  auto email = NormaliseEmail(address);
  if (!email.ok()) return std::optional<int64_t>();
  LUISTER_ASSIGN_OR_RETURN(auto credentials, store_.directory().FindCredentials(*email));
  if (!credentials || !credentials->active) return std::optional<int64_t>();
  return std::optional<int64_t>(credentials->user_id);
}

std::string DroppedAttachmentsNotice(const InboundMail& mail, Language language) {
  std::string list;
  for (const MailAttachment& a : mail.attachments)
    if (a.data.empty() && a.size > 0)
      list += "- " + (a.filename.empty() ? std::string("(no name)") : a.filename) + " (" +
              SizeText(a.size, language) + ")\n";
  if (list.empty()) return "";
  if (language == Language::kNl)
    return "Hallo,\n\nBedankt voor uw bericht. Het is bij ons aangekomen, maar deze bijlagen "
           "konden we niet bewaren, omdat ze te groot zijn:\n\n" +
           list +
           "\nUw bericht zelf wordt beantwoord. Hebben we de bestanden nodig, stuur ze dan in "
           "kleinere delen of als downloadlink.\n\nDit is een automatisch bericht.";
  return "Hello,\n\nThank you for your message. It has reached us, but we could not keep these "
         "attachments because they are too large:\n\n" +
         list +
         "\nYour message itself will be answered. If we need the files, please send them in "
         "smaller parts or as a download link.\n\nThis is an automatic message.";
}

Result<IntakeResult> MailIntakeService::Save(const InboundMail& mail, std::string_view raw,
                                             const MailDestination& to, int64_t customer_id,
                                             std::optional<int64_t> conversation_id,
                                             std::optional<int64_t> staff_author) {
  IntakeResult r;
  r.customer_id = customer_id;
  const std::string external_id = MailExternalId(mail);
  MessageInput in;
  in.direction = staff_author ? Direction::kOut : Direction::kIn;
  in.body_text = Utf8Prefix(mail.text, ConversationService::kMaxBodyBytes);
  // HTML beyond the limit is not kept for display; its text is.
  if (mail.html.size() <= ConversationService::kMaxBodyBytes) in.body_html = mail.html;
  in.attachments = DeskAttachments(mail.attachments);
  // Mail with only a subject ("Please call me back") says it there.
  if (Trim(in.body_text).empty() && in.attachments.empty())
    in.body_text = Utf8Prefix(mail.subject, ConversationService::kMaxBodyBytes);
  if (Trim(in.body_text).empty() && in.attachments.empty())
    return InvalidArgument("the message has no text, no subject and no attachment");
  in.external_id = external_id;
  // The bytes first: content-addressed, so a crash before the message is
  // written leaves only bytes that the next attempt finds stored.
  LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, store_.Find<BlobRepository>());
  std::vector<std::pair<std::string, std::string_view>> bytes;
  if (!raw.empty() && !mail.raw_sha256.empty()) {
    bytes.emplace_back(mail.raw_sha256, raw);
    in.raw_sha256 = mail.raw_sha256;
  }
  for (const MailAttachment& a : mail.attachments) {
    if (!a.data.empty() && !a.sha256.empty()) bytes.emplace_back(a.sha256, a.data);
  }
  LUISTER_RETURN_IF_ERROR(blobs->PutAll(bytes));
  std::optional<Timestamp> sent;
  if (to.use_mail_date && mail.date && *mail.date >= FromMillis(0) && *mail.date <= clock_.Now())
    sent = mail.date;
  in.created_at = sent;

  std::optional<int64_t> follows;
  if (conversation_id && to.new_after_closed && !staff_author) {
    LUISTER_ASSIGN_OR_RETURN(Conversation answered, store_.conversations().Get(*conversation_id));
    if (answered.status == ConversationStatus::kClosed) {
      follows = conversation_id;
      conversation_id.reset();
    }
  }

  Result<int64_t> stored = [&]() -> Result<int64_t> {
    if (conversation_id) {
      r.outcome = IntakeOutcome::kAppended;
      r.conversation_id = conversation_id;
      LUISTER_ASSIGN_OR_RETURN(Message m,
                               conversations_.AddMessage(*conversation_id, in, staff_author));
      return m.id;
    }
    NewConversation c;
    c.customer_id = customer_id;
    c.channel = Channel::kEmail;
    c.subject = Utf8Prefix(mail.subject, ConversationService::kMaxSubjectBytes);
    c.department_id = to.department_id;
    c.queue_id = to.queue_id;
    c.created_at = sent;
    c.follows_id = follows;
    r.outcome = IntakeOutcome::kOpened;
    LUISTER_ASSIGN_OR_RETURN(AddedMessage added, conversations_.Open(c, in, staff_author));
    r.conversation_id = added.conversation.id;
    return added.message.id;
  }();
  if (!stored.ok()) {
    // Another node stored this Message-ID first.
    if (stored.status().code() == StatusCode::kConflict && !external_id.empty()) {
      LUISTER_ASSIGN_OR_RETURN(auto seen, store_.conversations().FindByExternalIds({external_id}));
      if (seen) return Duplicate(external_id);
    }
    return stored.status();
  }
  r.message_id = *stored;
  // The sender hears which attachments were not kept, through the outbox
  // like any reply (and, being automatic, without answering the question).
  if (to.tell_dropped_attachments && !staff_author && !sent) {
    LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(customer_id));
    MessageInput notice;
    notice.direction = Direction::kOut;
    notice.automatic = true;
    notice.body_text = DroppedAttachmentsNotice(mail, customer.language);
    if (!notice.body_text.empty())
      LUISTER_RETURN_IF_ERROR(
          conversations_.AddMessage(*r.conversation_id, std::move(notice), std::nullopt).status());
  }
  return r;
}

Result<IntakeResult> MailIntakeService::Intake(const InboundMail& mail, const MailDestination& to,
                                               std::string_view raw) {
  IntakeResult r;
  if (mail.kind == MailKind::kAutoReply) {
    r.outcome = IntakeOutcome::kAutoReply;
    r.reason = mail.kind_reason;
    return r;
  }
  if (mail.kind == MailKind::kBounce) {
    r.outcome = IntakeOutcome::kBounce;
    r.reason = mail.kind_reason;
    LUISTER_RETURN_IF_ERROR(BounceOf(mail, &r));
    return r;
  }
  if (!mail.from || mail.from->address.empty())
    return InvalidArgument("the message has no sender (From) address");
  auto ours = [&](const std::string& address) {
    return std::find(to.own_addresses.begin(), to.own_addresses.end(), AsciiLower(address)) !=
           to.own_addresses.end();
  };
  const std::string sender = AsciiLower(mail.from->address);
  if (ours(sender)) {
    r.outcome = IntakeOutcome::kOwnMail;
    r.reason = "sent from the desk's own address " + sender;
    return r;
  }
  const std::string external_id = MailExternalId(mail);
  if (!external_id.empty()) {
    LUISTER_ASSIGN_OR_RETURN(auto seen, store_.conversations().FindByExternalIds({external_id}));
    if (seen) return Duplicate(external_id);
  }

  LUISTER_ASSIGN_OR_RETURN(std::optional<int64_t> staff, StaffMember(sender));
  if (staff) {
    LUISTER_ASSIGN_OR_RETURN(std::optional<int64_t> answered, Thread(mail, std::nullopt));
    if (answered) {
      LUISTER_ASSIGN_OR_RETURN(Conversation c, store_.conversations().Get(*answered));
      return Save(mail, raw, to, c.customer_id, answered, staff);
    }
    // Written to a customer with the queue in CC: the first recipient who
    // is neither the desk nor staff.
    std::vector<MailAddress> recipients = mail.to;
    recipients.insert(recipients.end(), mail.cc.begin(), mail.cc.end());
    for (const MailAddress& a : recipients) {
      if (a.address.empty() || ours(a.address)) continue;
      LUISTER_ASSIGN_OR_RETURN(std::optional<int64_t> colleague, StaffMember(a.address));
      if (colleague) continue;
      LUISTER_ASSIGN_OR_RETURN(int64_t customer_id, ResolveCustomer(a));
      return Save(mail, raw, to, customer_id, std::nullopt, staff);
    }
    return InvalidArgument("mail from staff member " + sender +
                           " answers no conversation and is addressed to no customer; reply "
                           "from the conversation, or keep its Message-ID in In-Reply-To");
  }

  // A sender writing faster than a person can is a loop (an autoresponder
  // without the headers that say so): held for an admin, not threaded.
  // Archives (dated by their own headers) are not live mail.
  if (!to.use_mail_date && max_per_sender_per_hour_ > 0) {
    const auto hour = std::chrono::hours(1);
    const int64_t now_ms = ToMillis(clock_.Now());
    const int64_t window_ms = std::chrono::duration_cast<std::chrono::milliseconds>(hour).count();
    const Timestamp window_start = FromMillis(now_ms - now_ms % window_ms);
    LUISTER_ASSIGN_OR_RETURN(WindowCounts n,
                             store_.auth().Hit("mail-from:" + sender, window_start, hour));
    // The previous window weighted by how much of it still lies in the last hour.
    const double left = 1.0 - static_cast<double>(now_ms % window_ms) / window_ms;
    if (n.current + n.previous * left > max_per_sender_per_hour_)
      return ResourceExhausted("more than " + std::to_string(max_per_sender_per_hour_) +
                               " messages from " + sender +
                               " within an hour: held as a possible mail loop");
  }
  LUISTER_ASSIGN_OR_RETURN(int64_t customer_id, ResolveCustomer(*mail.from));
  LUISTER_ASSIGN_OR_RETURN(std::optional<int64_t> conversation_id, Thread(mail, customer_id));
  return Save(mail, raw, to, customer_id, conversation_id, std::nullopt);
}

Status MailIntakeService::BounceOf(const InboundMail& mail, IntakeResult* r) {
  if (mail.bounced_message_id.empty()) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(auto ref,
                           store_.conversations().FindByExternalIds({mail.bounced_message_id}));
  if (!ref) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(Message bounced, store_.conversations().GetMessage(ref->message_id));
  if (bounced.direction != Direction::kOut) return Status::Ok();
  r->conversation_id = ref->conversation_id;
  r->message_id = ref->message_id;
  std::string to_whom;
  for (const auto& a : mail.failed_recipients) to_whom += (to_whom.empty() ? "" : ", ") + a;
  // The receiving server's own words when the report has them.
  const std::string& detail =
      mail.bounce_diagnostic.empty() ? mail.kind_reason : mail.bounce_diagnostic;
  std::string why = "it bounced" + (to_whom.empty() ? std::string() : " for " + to_whom) +
                    (detail.empty() ? "" : " (" + detail + ")");
  r->reason = "a bounce of message " + std::to_string(ref->message_id) + ": " + why;
  // The customer's address is failing: shown on the customer, until they
  // write from it again.
  for (const auto& a : mail.failed_recipients) {
    auto address = NormaliseEmail(a);
    if (!address.ok()) continue;
    LUISTER_RETURN_IF_ERROR(store_.customers().SetIdentityFailing(
        IdentityKind::kEmail, *address, Utf8Prefix(why, 1000), clock_.Now()));
  }
  // The reply did not arrive: the outbox shows it failed (when the desk
  // sent it; mail from an agent's own client it only links), and the
  // conversation is back with the team.
  if (auto outbox = store_.Find<OutboxRepository>(); outbox.ok()) {
    Status marked =
        (*outbox)->Finish(ref->message_id, Delivery::kFailed, why, std::nullopt, clock_.Now());
    if (!marked.ok() && marked.code() != StatusCode::kNotFound) return marked;
    if (marked.ok())
      LUISTER_RETURN_IF_ERROR(
          conversations_.DeliveryChanged(ref->conversation_id, ref->message_id));
  }
  ConversationPatch back;
  back.status = ConversationStatus::kWaitingOnUs;
  return conversations_.Update(ref->conversation_id, back, std::nullopt).status();
}

Result<TakenMail> MailIntakeService::Take(MailReader& reader, std::string_view raw,
                                          const MailDestination& to, const std::string& source) {
  return TakeParsed(reader, raw, reader.Parse(raw), to, source);
}

Result<TakenMail> MailIntakeService::TakeParsed(MailReader& reader, std::string_view raw,
                                                Result<InboundMail> parsed,
                                                const MailDestination& to,
                                                const std::string& source) {
  auto hold = [&](const std::string& sha, std::string key,
                  const std::string& reason) -> Result<TakenMail> {
    LUISTER_ASSIGN_OR_RETURN(QuarantinedMail held,
                             HoldMail(store_, clock_, raw, sha, source, to.queue_id, reason));
    TakenMail t;
    t.quarantined = held.id;
    t.key = std::move(key);
    t.line = "quarantined " + std::to_string(held.id) + " (" + reason + ")";
    return t;
  };
  if (!parsed.ok()) {
    std::string sha = reader.Sha256Hex(raw);
    return hold(sha, "sha256:" + sha, parsed.status().message());
  }
  std::string key = MailExternalId(*parsed);
  auto result = Intake(*parsed, to, raw);
  if (!result.ok()) {
    StatusCode code = result.status().code();
    if (code == StatusCode::kUnavailable || code == StatusCode::kInternal) return result.status();
    return hold(parsed->raw_sha256.empty() ? reader.Sha256Hex(raw) : parsed->raw_sha256,
                std::move(key), result.status().message());
  }
  TakenMail t;
  t.key = std::move(key);
  t.line = std::string(IntakeOutcomeName(result->outcome));
  if (result->conversation_id)
    t.line += " conversation " + std::to_string(*result->conversation_id);
  if (result->message_id) t.line += " message " + std::to_string(*result->message_id);
  if (!result->reason.empty()) t.line += " (" + result->reason + ")";
  t.result = std::move(*result);
  return t;
}

Result<IntakeResult> MailIntakeService::Reprocess(MailReader& reader, const QuarantinedMail& entry,
                                                  const MailDestination& to,
                                                  std::optional<int64_t> by_user_id) {
  if (entry.state != QuarantineState::kHeld)
    return Conflict("quarantined mail " + std::to_string(entry.id) + " was already " +
                    std::string(ToString(entry.state)));
  LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, store_.Find<BlobRepository>());
  LUISTER_ASSIGN_OR_RETURN(QuarantineRepository * held, store_.Find<QuarantineRepository>());
  LUISTER_ASSIGN_OR_RETURN(std::string raw, blobs->Get(entry.raw_sha256));
  auto parsed = reader.Parse(raw);
  if (!parsed.ok())
    return InvalidArgument("the message is still not readable: " + parsed.status().message());
  auto result = Intake(*parsed, to, raw);
  if (!result.ok()) {
    StatusCode code = result.status().code();
    if (code == StatusCode::kUnavailable || code == StatusCode::kInternal) return result.status();
    return InvalidArgument("the message is still not taken: " + result.status().message());
  }
  LUISTER_RETURN_IF_ERROR(
      held->Resolve(entry.id, QuarantineState::kReprocessed, by_user_id, clock_.Now()).status());
  return result;
}

}  // namespace luister
