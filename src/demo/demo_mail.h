#pragma once

#include <string>

#include "common/result.h"
#include "common/time.h"
#include "domain/mail_intake.h"
#include "domain/repositories.h"

namespace luister {

struct DemoMailSummary {
  int taken = 0;        // stored as messages (new conversations or replies)
  int ignored = 0;      // auto-replies and bounces: nothing opened
  int quarantined = 0;  // held for an admin
  int replies = 0;      // agents' answers through the outbox
  int mailboxes = 0;
};

// The e-mail side of the demo desk, from the messages in `mail_dir`
// (data/demo/mail), taken by the same intake a mailbox uses, into the
// first queue: an Outlook HTML question (its tracking pixel dropped) that
// an agent answers and the customer thanks for with the answer quoted; an
// Apple Mail photo shown inline; an English Gmail question with a
// signature, whose answer bounces (the reply fails, the address is marked
// failing); an out-of-office that opens nothing; a broken file held in
// quarantine; an answer whose delivery is uncertain. Plus two mailboxes
// for the admin pages, paused (they point at servers that do not exist):
// one as set up, one failing with the error it would show. `{ref}` in a
// message is the conversation number its answer carried.
Result<DemoMailSummary> LoadDemoMail(Store& store, MailReader& reader, const Clock& clock,
                                     const std::string& mail_dir);

}  // namespace luister
