#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/directory.h"
#include "domain/mail_outbox.h"
#include "domain/mailbox.h"
#include "domain/repositories.h"

namespace luister {

// A mail from the desk to one of its own people (a promise due, an answer
// to review): automatic ("Auto-Submitted"), from a mailbox that sends, the
// department's where it has one (else the person's department's, else the
// desk's first that sends).
struct StaffMail {
  User to;
  std::optional<int64_t> department_id;
  std::string subject;
  std::string text;
  // Unique per mail and stable across attempts ("promise.12.job40"), so a
  // send tried again is the same mail to the receiving side.
  std::string message_key;
};

// Ok once the server took it (or took it and the connection broke: sending
// again could send it twice). Unavailable when nothing went (no mailbox
// sends, the server said try later): the caller's job tries again;
// InvalidArgument when the server refused it for good.
Status SendStaffMail(Store& store, const Clock& clock, MailComposer& composer, SmtpSender& smtp,
                     SecretKeeper& secrets, const StaffMail& mail);

}  // namespace luister
