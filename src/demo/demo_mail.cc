#include "demo/demo_mail.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/customer_service.h"
#include "domain/mail_outbox.h"
#include "domain/mailbox.h"

namespace luister {

namespace {

constexpr char kDeskAddress[] = "klantenservice@dijkstrahome.example";

// The demo's mail through intake and the outbox's records, as the desk
// would have written them.
class DemoMail {
 public:
  DemoMail(Store& store, MailReader& reader, const Clock& clock, std::string dir)
      : store_(store),
        reader_(reader),
        clock_(clock),
        dir_(std::move(dir)),
        customers_(store, clock),
        conversations_(store, clock),
        intake_(store, clock, customers_, conversations_) {}

  Status Run(DemoMailSummary* summary) {
    LUISTER_ASSIGN_OR_RETURN(auto queues, store_.directory().ListQueues(std::nullopt));
    if (queues.empty()) return InvalidArgument("the demo desk has no queue for its mail");
    to_.department_id = queues.front().department_id;
    to_.queue_id = queues.front().id;
    to_.own_addresses = {kDeskAddress};
    LUISTER_ASSIGN_OR_RETURN(auto users, store_.directory().ListUsers());
    for (const User& u : users)
      if (u.active && u.role == Role::kAgent && u.department_id == to_.department_id) agent_ = u.id;
    for (const User& u : users)
      if (!agent_ && u.active && u.role == Role::kAgent) agent_ = u.id;
    if (!agent_) return InvalidArgument("the demo desk has no agent to answer its mail");
    summary_ = summary;

    // A refund question from Outlook, answered; the customer's thanks
    // quote the answer (shown collapsed).
    LUISTER_ASSIGN_OR_RETURN(auto refund, Take("01-outlook-refund.eml"));
    LUISTER_RETURN_IF_ERROR(Answer(refund,
                                   "Beste mevrouw De Vries,\n\nExcuses voor het wachten. De retour "
                                   "is goedgekeurd en de terugbetaling van € 649,00 is vandaag in "
                                   "gang gezet; binnen 3 werkdagen staat het op uw rekening.\n\n"
                                   "Met vriendelijke groet,\nSanne",
                                   "demo-reply-4821@dijkstrahome.example", Delivery::kSent, ""));
    LUISTER_RETURN_IF_ERROR(Take("02-outlook-refund-reply.eml", refund).status());

    // A photo of a damaged lamp, inline; the answer's delivery is uncertain.
    LUISTER_ASSIGN_OR_RETURN(auto lamp, Take("03-apple-damaged.eml"));
    LUISTER_RETURN_IF_ERROR(
        Answer(lamp,
               "Hallo Joost,\n\nVervelend dat de kap gedeukt is. We sturen u kosteloos een "
               "nieuwe kap; de lamp zelf hoeft niet retour.\n\nGroet,\nSanne",
               "demo-reply-lamp@dijkstrahome.example", Delivery::kUncertain,
               "the connection broke after the message was handed over (Timeout was reached): "
               "it may have arrived"));

    // An English question; the answer bounces: the reply failed, the
    // address is marked failing, the conversation is back with the team.
    LUISTER_ASSIGN_OR_RETURN(auto uk, Take("04-gmail-english.eml"));
    LUISTER_RETURN_IF_ERROR(
        Answer(uk,
               "Dear Emma,\n\nYes, we deliver to the UK. Shipping for the sideboard is € 95; "
               "import VAT is charged on delivery by the carrier.\n\nKind regards,\nSanne",
               "demo-reply-uk@dijkstrahome.example", Delivery::kSent, ""));
    LUISTER_RETURN_IF_ERROR(Take("07-bounce.eml", uk).status());

    // Noise and breakage: an out-of-office opens nothing; a broken file
    // waits in quarantine for an admin.
    LUISTER_RETURN_IF_ERROR(Take("05-out-of-office.eml").status());
    LUISTER_RETURN_IF_ERROR(Take("06-broken.eml").status());
    return Mailboxes();
  }

 private:
  // Takes one file as a mailbox would; `{ref}` is the conversation `ref`.
  Result<std::optional<int64_t>> Take(const std::string& file,
                                      std::optional<int64_t> ref = std::nullopt) {
    std::ifstream in(std::filesystem::path(dir_) / file, std::ios::binary);
    if (!in) return NotFound("the demo mail " + (std::filesystem::path(dir_) / file).string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string raw = buffer.str();
    if (ref)
      for (size_t at; (at = raw.find("{ref}")) != std::string::npos;)
        raw.replace(at, 5, std::to_string(*ref));
    LUISTER_ASSIGN_OR_RETURN(TakenMail taken, intake_.Take(reader_, raw, to_, "demo"));
    if (taken.quarantined) {
      ++summary_->quarantined;
      return std::optional<int64_t>();
    }
    if (!taken.result) return std::optional<int64_t>();
    switch (taken.result->outcome) {
      case IntakeOutcome::kOpened:
      case IntakeOutcome::kAppended:
        ++summary_->taken;
        break;
      default:
        ++summary_->ignored;
    }
    return taken.result->conversation_id;
  }

  // An agent's e-mail answer, through the outbox records as a send would
  // leave them: sent under `rfc_id` (so answers to it thread), or ended
  // as `state` with `error`.
  Status Answer(std::optional<int64_t> conversation, const std::string& text,
                const std::string& rfc_id, Delivery state, const std::string& error) {
    if (!conversation) return Internal("the demo mail did not open its conversation");
    MessageInput reply;
    reply.direction = Direction::kOut;
    reply.body_text = text;
    reply.status = ConversationStatus::kWaitingOnCustomer;
    LUISTER_ASSIGN_OR_RETURN(Message m, conversations_.AddMessage(*conversation, reply, agent_));
    LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
    LUISTER_RETURN_IF_ERROR(outbox->Begin(m.id, rfc_id, std::nullopt, clock_.Now()).status());
    if (state != Delivery::kSent) LUISTER_RETURN_IF_ERROR(outbox->DataStarted(m.id));
    std::optional<std::string> why;
    if (!error.empty()) why = error;
    LUISTER_RETURN_IF_ERROR(outbox->Finish(m.id, state, why, std::nullopt, clock_.Now()));
    if (state != Delivery::kSent) {
      ConversationPatch back;
      back.status = ConversationStatus::kWaitingOnUs;
      LUISTER_RETURN_IF_ERROR(conversations_.Update(*conversation, back, std::nullopt).status());
    }
    ++summary_->replies;
    return Status::Ok();
  }

  // Two paused mailboxes (their servers do not exist): as an admin set one
  // up, and one showing the error a changed password gives.
  Status Mailboxes() {
    LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
    MailboxSettings s;
    s.queue_id = *to_.queue_id;
    s.name = "Klantenservice";
    s.address = kDeskAddress;
    s.host = "imap.dijkstrahome.example";
    s.username = kDeskAddress;
    s.smtp_host = "smtp.dijkstrahome.example";
    s.from_name = "Dijkstra Home Klantenservice";
    s.enabled = false;
    LUISTER_RETURN_IF_ERROR(boxes->Create(s, "", clock_.Now()).status());
    s.name = "Facturen";
    s.address = "facturen@dijkstrahome.example";
    s.username = s.address;
    s.after_import = AfterImport::kMove;
    s.move_to = "Verwerkt";
    s.closed_replies = ClosedReplies::kNewConversation;
    LUISTER_ASSIGN_OR_RETURN(Mailbox failing, boxes->Create(s, "", clock_.Now()));
    LUISTER_RETURN_IF_ERROR(boxes->RecordPoll(
        failing.id,
        "login denied for facturen@dijkstrahome.example (check the mailbox's password): 535 "
        "5.7.8 Error: authentication failed",
        clock_.Now()));
    summary_->mailboxes = 2;
    return Status::Ok();
  }

  Store& store_;
  MailReader& reader_;
  const Clock& clock_;
  std::string dir_;
  CustomerService customers_;
  ConversationService conversations_;
  MailIntakeService intake_;
  MailDestination to_;
  std::optional<int64_t> agent_;
  DemoMailSummary* summary_ = nullptr;
};

}  // namespace

Result<DemoMailSummary> LoadDemoMail(Store& store, MailReader& reader, const Clock& clock,
                                     const std::string& mail_dir) {
  DemoMailSummary summary;
  DemoMail demo(store, reader, clock, mail_dir);
  LUISTER_RETURN_IF_ERROR(demo.Run(&summary));
  return summary;
}

}  // namespace luister
