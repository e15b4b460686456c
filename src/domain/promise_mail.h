#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "common/time.h"
#include "domain/jobs.h"
#include "domain/mail.h"
#include "domain/mail_outbox.h"
#include "domain/mailbox.h"
#include "domain/promise.h"
#include "domain/repositories.h"

namespace luister {

// Reminders and escalations by e-mail (docs/promises.md): when the
// reminder job tells the owner (or escalates to a manager) that a promise
// is due, it enqueues, in the same transaction that marks the promise
// reminded, one job of this kind per mail. The job sends it through a
// mailbox's SMTP: the owning department's, else the recipient's
// department's, else the desk's first that sends.
inline constexpr char kPromiseMailJob[] = "promises.mail";

// The job's payload: which promise, to whom, and whether it escalates.
std::string PromiseMailPayload(int64_t promise_id, int64_t user_id, bool escalation);

// The mail itself, in the recipient's language: subject and text.
struct PromiseMailText {
  std::string subject;
  std::string text;
};
PromiseMailText ComposePromiseMail(const Promise& p, const std::string& customer_name,
                                   Language lang, bool escalation, const ZoneClock& zone);

// This node's promise mails by outcome since it started (for /metrics):
// sent, not needed (the promise closed meanwhile), not sent yet (tried
// again), refused or impossible.
struct PromiseMailCounts {
  int64_t sent = 0;
  int64_t skipped = 0;
  int64_t retried = 0;
  int64_t failed = 0;
};
PromiseMailCounts CountedPromiseMails();

class PromiseMailer {
 public:
  PromiseMailer(Store& store, const Clock& clock, MailComposer& composer, SmtpSender& smtp,
                SecretKeeper& secrets)
      : store_(store), clock_(clock), composer_(composer), smtp_(smtp), secrets_(secrets) {}

  // The job's handler. A promise closed meanwhile, or a recipient gone
  // inactive, needs no mail (done, saying so). No mailbox that sends, or a
  // server that refuses: an error, so the job is tried again and, after its
  // attempts, shows as failed in Admin › Jobs (and on /metrics).
  Result<std::string> Run(const Job& job);

 private:
  Result<std::string> Send(const Job& job);

  Store& store_;
  const Clock& clock_;
  MailComposer& composer_;
  SmtpSender& smtp_;
  SecretKeeper& secrets_;
};

}  // namespace luister
