#include "domain/promise_mail.h"

#include <atomic>
#include <cstdio>

#include "domain/job_runner.h"
#include "domain/mail_outbox.h"
#include "domain/promise_notice.h"
#include "domain/staff_mail.h"
#include "domain/validation.h"

namespace luister {

namespace {

struct Payload {
  int64_t promise_id = 0;
  int64_t user_id = 0;
  bool escalation = false;
};

// "42/7/due" or "42/7/overdue".
std::optional<Payload> ParsePayload(const std::string& s) {
  Payload p;
  long long promise = 0, user = 0;
  char what[16] = {0};
  if (std::sscanf(s.c_str(), "%lld/%lld/%15s", &promise, &user, what) != 3) return std::nullopt;
  const std::string kind(what);
  if (kind != "due" && kind != "overdue") return std::nullopt;
  p.promise_id = promise;
  p.user_id = user;
  p.escalation = kind == "overdue";
  return p;
}

std::atomic<int64_t> mails_sent{0}, mails_skipped{0}, mails_retried{0}, mails_failed{0};

}  // namespace

PromiseMailCounts CountedPromiseMails() {
  return {mails_sent.load(), mails_skipped.load(), mails_retried.load(), mails_failed.load()};
}

std::string PromiseMailPayload(int64_t promise_id, int64_t user_id, bool escalation) {
  return std::to_string(promise_id) + "/" + std::to_string(user_id) +
         (escalation ? "/overdue" : "/due");
}

PromiseMailText ComposePromiseMail(const Promise& p, const std::string& customer_name,
                                   Language lang, bool escalation, const ZoneClock& zone) {
  const bool nl = lang == Language::kNl;
  const std::string when = DuePhrase(p, lang, zone);
  const std::string kind(ToString(p.kind));
  PromiseMailText m;
  if (escalation) {
    m.subject = (nl ? "Te laat: belofte aan " : "Overdue: promise to ") + customer_name;
    m.text = nl ? "Een belofte aan " + customer_name + " is niet op tijd nagekomen (" + when +
                      "). U krijgt dit bericht als leidinggevende van de afdeling.\n\n"
                : "A promise to " + customer_name + " was not kept in time (" + when +
                      "). You receive this as a manager of the department.\n\n";
  } else {
    m.subject = (nl ? "Herinnering: belofte aan " : "Reminder: promise to ") + customer_name +
                (nl ? ", " : ", due ") + when;
    m.text = nl ? "Uw belofte aan " + customer_name + " moet " + when + " zijn nagekomen.\n\n"
                : "Your promise to " + customer_name + " is due " + when + ".\n\n";
  }
  m.text += "    " + p.what + "\n\n";
  m.text += (nl ? "Soort: " : "Kind: ") + kind + "\n";
  m.text += (nl ? "Belofte: #" : "Promise: #") + std::to_string(p.id) + "\n";
  if (p.conversation_id)
    m.text += (nl ? "Gesprek: #" : "Conversation: #") + std::to_string(*p.conversation_id) + "\n";
  m.text += nl ? "\nMarkeer haar in Luister als nagekomen, of verzet haar in overleg met de klant "
                 "(Beloftes).\n"
               : "\nMark it kept in Luister, or move it by agreement with the customer "
                 "(Promises).\n";
  return m;
}

Result<std::string> PromiseMailer::Run(const Job& job) {
  auto done = Send(job);
  if (done.ok())
    (done->rfind("mailed", 0) == 0 ? mails_sent : mails_skipped).fetch_add(1);
  else
    (JobRunner::DispositionOf(done.status()) == JobRunner::Disposition::kRetry ? mails_retried
                                                                               : mails_failed)
        .fetch_add(1);
  return done;
}

Result<std::string> PromiseMailer::Send(const Job& job) {
  auto payload = ParsePayload(job.payload);
  if (!payload) return InvalidArgument("not a promise mail: " + job.payload);
  LUISTER_ASSIGN_OR_RETURN(PromiseRepository * promises, store_.Find<PromiseRepository>());
  LUISTER_ASSIGN_OR_RETURN(Promise p, promises->Get(payload->promise_id));
  if (!Live(p.status))
    return std::string("promise ") + std::to_string(p.id) + " is " +
           std::string(ToString(p.status)) + " already; no mail";
  LUISTER_ASSIGN_OR_RETURN(User user, store_.directory().GetUser(payload->user_id));
  if (!user.active) return std::string("user is no longer active; no mail");
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(p.customer_id));

  LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open("Europe/Amsterdam"));
  const PromiseMailText text =
      ComposePromiseMail(p, customer.name, user.language, payload->escalation, zone);
  StaffMail mail;
  mail.to = user;
  mail.department_id = p.owner_department_id;
  mail.subject = text.subject;
  mail.text = text.text;
  mail.message_key = "promise." + std::to_string(p.id) + ".job" + std::to_string(job.id);
  LUISTER_RETURN_IF_ERROR(SendStaffMail(store_, clock_, composer_, smtp_, secrets_, mail));
  return "mailed " + std::string(payload->escalation ? "escalation" : "reminder") +
         " for promise " + std::to_string(p.id) + " to user " + std::to_string(user.id);
}

}  // namespace luister
