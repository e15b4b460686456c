#include "http/api/api_context.h"
#include "http/api/module.h"

namespace luister::http {

// E-mail (C2). Mail arrives through `luister mailgate` and `luister import
// mail` (app/mail_command.cc, over domain/mail_intake.h); what cannot be
// taken waits in the quarantine this module owns. Its routes (quarantine
// and mailboxes for admins) come with the IMAP mailboxes.
ApiModule MailModule() {
  return {"mail", {"mail_quarantine"}, {}, [](ApiRoutes&, ApiContext&) {}, {}};
}

}  // namespace luister::http
