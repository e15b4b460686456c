#include "domain/mail.h"

namespace luister {

std::string_view MailKindName(MailKind kind) {
  switch (kind) {
    case MailKind::kAutoReply:
      return "auto_reply";
    case MailKind::kBounce:
      return "bounce";
    case MailKind::kMessage:
      break;
  }
  return "message";
}

}  // namespace luister
