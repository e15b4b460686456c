#include "domain/staff_mail.h"

#include "domain/validation.h"

namespace luister {

namespace {

std::string DomainOfAddress(const std::string& address) {
  const size_t at = address.rfind('@');
  return at == std::string::npos ? "luister.invalid" : address.substr(at + 1);
}

}  // namespace

Status SendStaffMail(Store& store, const Clock& clock, MailComposer& composer, SmtpSender& smtp,
                     SecretKeeper& secrets, const StaffMail& m) {
  std::optional<Mailbox> via;
  for (const std::optional<int64_t>& d : {m.department_id, m.to.department_id}) {
    if (via || !d) continue;
    LUISTER_ASSIGN_OR_RETURN(via, SendingMailbox(store, *d, std::nullopt));
  }
  if (!via) {
    LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store.Find<MailboxRepository>());
    LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
    for (const Mailbox& box : all)
      if (!via && !box.settings.smtp_host.empty()) via = box;
  }
  if (!via)
    return Unavailable(
        "no mailbox sends mail: give one SMTP settings in the admin, so that reminders reach "
        "people by e-mail");
  LUISTER_ASSIGN_OR_RETURN(std::string secret, secrets.Open(via->sealed_secret));
  OutboundMail mail;
  const std::string team =
      via->settings.from_name.empty() ? via->settings.name : via->settings.from_name;
  mail.from = {"Luister (" + team + ")", via->settings.address};
  mail.reply_to = mail.from;
  mail.to = {{m.to.name, m.to.email}};
  mail.subject = m.subject;
  mail.message_id = "luister." + m.message_key + "@" + DomainOfAddress(via->settings.address);
  mail.date = clock.Now();
  mail.text = m.text;
  mail.auto_submitted = true;
  LUISTER_ASSIGN_OR_RETURN(std::string data, composer.Compose(mail));
  const SmtpResult sent = smtp.Send(MailOutbox::EndpointOf(via->settings, std::move(secret)),
                                    via->settings.address, {AsciiLower(m.to.email)}, data, [] {});
  switch (sent.outcome) {
    case SmtpOutcome::kSent:
    case SmtpOutcome::kUncertain:  // handed over: sending again could send it twice
      return Status::Ok();
    case SmtpOutcome::kRejected:
      return InvalidArgument("the mail server refused the mail: " + sent.answer);
    case SmtpOutcome::kTemporary:
      break;
  }
  return Unavailable("the mail server did not take the mail yet: " + sent.answer);
}

}  // namespace luister
