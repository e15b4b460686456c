#include "domain/mailbox.h"

#include "domain/validation.h"

namespace luister {

namespace {

template <typename E, size_t N>
std::optional<E> ParseNamed(std::string_view s, const E (&all)[N]) {
  for (E e : all)
    if (ToString(e) == s) return e;
  return std::nullopt;
}

bool IsHostName(std::string_view h) {
  if (h.empty() || h.size() > 253) return false;
  for (char c : h)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

// IMAP folder names: printable ASCII without quotes, backslashes or
// wildcards (they would need quoting or modified UTF-7 in commands), '/' as
// the hierarchy separator.
bool IsFolderName(std::string_view f) {
  if (f.empty() || f.size() > 200) return false;
  for (unsigned char c : f)
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '*' || c == '%') return false;
  return true;
}

}  // namespace

std::string_view ToString(MailSecurity v) {
  switch (v) {
    case MailSecurity::kTls:
      return "tls";
    case MailSecurity::kStartTls:
      return "starttls";
    case MailSecurity::kPlain:
      return "plain";
  }
  return "tls";
}

std::string_view ToString(MailAuth v) { return v == MailAuth::kXoauth2 ? "xoauth2" : "password"; }

std::string_view ToString(AfterImport v) { return v == AfterImport::kMove ? "move" : "mark_seen"; }

std::string_view ToString(ClosedReplies v) {
  return v == ClosedReplies::kNewConversation ? "new_conversation" : "reopen";
}

std::string_view ToString(MailboxHealth v) {
  switch (v) {
    case MailboxHealth::kNew:
      return "new";
    case MailboxHealth::kOk:
      return "ok";
    case MailboxHealth::kFailing:
      return "failing";
  }
  return "new";
}

std::optional<MailSecurity> ParseMailSecurity(std::string_view s) {
  constexpr MailSecurity kAll[] = {MailSecurity::kTls, MailSecurity::kStartTls,
                                   MailSecurity::kPlain};
  return ParseNamed(s, kAll);
}
std::optional<MailAuth> ParseMailAuth(std::string_view s) {
  constexpr MailAuth kAll[] = {MailAuth::kPassword, MailAuth::kXoauth2};
  return ParseNamed(s, kAll);
}
std::optional<AfterImport> ParseAfterImport(std::string_view s) {
  constexpr AfterImport kAll[] = {AfterImport::kMarkSeen, AfterImport::kMove};
  return ParseNamed(s, kAll);
}
std::optional<ClosedReplies> ParseClosedReplies(std::string_view s) {
  constexpr ClosedReplies kAll[] = {ClosedReplies::kReopen, ClosedReplies::kNewConversation};
  return ParseNamed(s, kAll);
}
std::optional<MailboxHealth> ParseMailboxHealth(std::string_view s) {
  constexpr MailboxHealth kAll[] = {MailboxHealth::kNew, MailboxHealth::kOk,
                                    MailboxHealth::kFailing};
  return ParseNamed(s, kAll);
}

Status ValidateMailboxSettings(const MailboxSettings& s) {
  std::vector<FieldError> errors;
  if (s.queue_id <= 0) errors.push_back({"queue_id", "choose the queue the mail goes to"});
  if (Trim(s.name).empty() || s.name.size() > 200 || !IsValidUtf8(s.name))
    errors.push_back({"name", "give a name of 1 to 200 characters"});
  if (!NormaliseEmail(s.address).ok())
    errors.push_back({"address", "give the e-mail address customers write to"});
  if (!IsHostName(s.host)) errors.push_back({"host", "give the IMAP server's host name"});
  if (s.port < 1 || s.port > 65535) errors.push_back({"port", "a port is 1 to 65535"});
  // Plain IMAP sends the password in the clear: only to this machine.
  if (s.security == MailSecurity::kPlain && s.host != "127.0.0.1" && s.host != "localhost" &&
      s.host != "::1" && s.host != "[::1]")
    errors.push_back(
        {"security", "plain IMAP is allowed only to this machine; use tls or starttls"});
  if (Trim(s.username).empty() || s.username.size() > 320 || !IsValidUtf8(s.username))
    errors.push_back({"username", "give the user name to log in with"});
  if (!IsFolderName(s.folder))
    errors.push_back(
        {"folder",
         "give the folder to fetch, e.g. INBOX (ASCII letters, digits, / . - _ and spaces)"});
  if (s.poll_seconds < 10 || s.poll_seconds > 86'400)
    errors.push_back({"poll_seconds", "poll every 10 seconds to once a day"});
  if (s.after_import == AfterImport::kMove && (!IsFolderName(s.move_to) || s.move_to == s.folder))
    errors.push_back({"move_to", "give the folder to move imported mail to (not the one fetched)"});
  if (!s.smtp_host.empty() && !IsHostName(s.smtp_host))
    errors.push_back({"smtp_host", "give the SMTP server's host name, or leave it empty"});
  if (s.smtp_port < 1 || s.smtp_port > 65535)
    errors.push_back({"smtp_port", "a port is 1 to 65535"});
  if (!s.smtp_host.empty() && s.smtp_security == MailSecurity::kPlain &&
      s.smtp_host != "127.0.0.1" && s.smtp_host != "localhost" && s.smtp_host != "::1" &&
      s.smtp_host != "[::1]")
    errors.push_back(
        {"smtp_security", "plain SMTP is allowed only to this machine; use tls or starttls"});
  if (s.from_name.size() > 200 || !IsValidUtf8(s.from_name))
    errors.push_back({"from_name", "at most 200 characters"});
  if (!errors.empty()) return InvalidArgument("the mailbox is not valid", std::move(errors));
  return Status::Ok();
}

}  // namespace luister
