#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace luister {

// An IMAP mailbox the desk fetches a queue's mail from (C2). Its password
// or OAuth token is kept sealed (SecretKeeper) and never leaves the server.

enum class MailSecurity { kTls, kStartTls, kPlain };  // "tls", "starttls", "plain"
enum class MailAuth { kPassword, kXoauth2 };          // "password", "xoauth2"
enum class AfterImport { kMarkSeen, kMove };          // "mark_seen", "move"
// What mail answering a closed conversation does: reopen it, or open a new
// conversation that follows it up ("reopen", "new_conversation").
enum class ClosedReplies { kReopen, kNewConversation };
// "new": never polled; "ok": the last poll worked; "failing": it did not.
enum class MailboxHealth { kNew, kOk, kFailing };

std::string_view ToString(MailSecurity v);
std::string_view ToString(MailAuth v);
std::string_view ToString(AfterImport v);
std::string_view ToString(ClosedReplies v);
std::string_view ToString(MailboxHealth v);
std::optional<MailSecurity> ParseMailSecurity(std::string_view s);
std::optional<MailAuth> ParseMailAuth(std::string_view s);
std::optional<AfterImport> ParseAfterImport(std::string_view s);
std::optional<ClosedReplies> ParseClosedReplies(std::string_view s);
std::optional<MailboxHealth> ParseMailboxHealth(std::string_view s);

// What an admin configures.
struct MailboxSettings {
  int64_t queue_id = 0;
  std::string name;     // shown in admin, e.g. "Support inbox"
  std::string address;  // the address customers write to: the desk's own
  std::string host;
  int port = 993;
  MailSecurity security = MailSecurity::kTls;
  std::string username;
  MailAuth auth = MailAuth::kPassword;
  std::string folder = "INBOX";
  int poll_seconds = 60;
  AfterImport after_import = AfterImport::kMarkSeen;
  std::string move_to;  // the folder for kMove
  // Replies go out through this SMTP server (submission), logging in with
  // the same user name and secret; empty host: the mailbox sends nothing.
  std::string smtp_host;
  int smtp_port = 587;
  MailSecurity smtp_security = MailSecurity::kStartTls;
  // The sender's name in replies: "Anna (<from_name>)"; the mailbox's name
  // when empty.
  std::string from_name;
  ClosedReplies closed_replies = ClosedReplies::kReopen;
  bool enabled = true;
};

// Every message a mailbox delivered, by what became of it.
struct MailboxCounts {
  int64_t received = 0;     // fetched from the server
  int64_t imported = 0;     // stored as a message (new or joining a conversation)
  int64_t duplicates = 0;   // already stored (same Message-ID)
  int64_t ignored = 0;      // auto-replies, bounces, the desk's own mail
  int64_t quarantined = 0;  // could not be taken; held for an admin
};

enum class MailboxCount { kImported, kDuplicate, kIgnored, kQuarantined };

struct Mailbox {
  int64_t id = 0;
  MailboxSettings settings;
  std::string sealed_secret;  // SecretKeeper::Seal of the password or token
  // The server's UIDVALIDITY of the folder and the highest UID taken.
  std::optional<int64_t> uidvalidity;
  int64_t last_uid = 0;
  MailboxHealth health = MailboxHealth::kNew;
  std::optional<std::string> last_error;
  std::optional<Timestamp> last_error_at;
  std::optional<Timestamp> last_success_at;
  int failures = 0;  // polls failed in a row
  MailboxCounts counts;
  std::optional<int64_t> poll_job_id;  // the recurring job that polls it
  Timestamp created_at{};
  Timestamp updated_at{};
};

// Checks an admin's settings: InvalidArgument naming every wrong field.
Status ValidateMailboxSettings(const MailboxSettings& s);

// A capability repository: `store.Find<MailboxRepository>()`.
class MailboxRepository {
 public:
  virtual ~MailboxRepository() = default;
  virtual Result<Mailbox> Create(const MailboxSettings& s, const std::string& sealed_secret,
                                 Timestamp at) = 0;
  virtual Result<Mailbox> Get(int64_t id) = 0;
  // Every mailbox, by id (a desk has a handful).
  virtual Result<std::vector<Mailbox>> List() = 0;
  // Replaces the settings, and the secret when one is given. Pointing the
  // mailbox elsewhere (host, user or folder) starts its UIDs afresh; the
  // messages already taken are still recognised (Seen).
  virtual Result<Mailbox> Update(int64_t id, const MailboxSettings& s,
                                 const std::optional<std::string>& sealed_secret, Timestamp at) = 0;
  // NotFound for an unknown id. Its quarantined mail stays.
  virtual Status Delete(int64_t id) = 0;
  // Makes `job_id` the mailbox's poll job if its current one is `expected`
  // (compare and set): false when another node got there first.
  virtual Result<bool> SetPollJob(int64_t id, std::optional<int64_t> expected, int64_t job_id) = 0;
  // Whether a message with this key (MailExternalId) came from this
  // mailbox before: a new UIDVALIDITY or a moved folder never brings
  // back mail taken (and maybe deleted) already.
  virtual Result<bool> Seen(int64_t id, const std::string& key) = 0;
  // One message taken: remembers its key, moves the UID mark to `uid` under
  // `uidvalidity` and counts it, in one transaction.
  virtual Status RecordMessage(int64_t id, int64_t uidvalidity, int64_t uid, const std::string& key,
                               MailboxCount what) = 0;
  // A message passed over without taking it (too large, left on the server).
  virtual Status SkipMessage(int64_t id, int64_t uidvalidity, int64_t uid) = 0;
  // The folder's UIDVALIDITY changed: its UIDs start again from 0.
  virtual Status ResetUids(int64_t id, int64_t uidvalidity) = 0;
  // The outcome of one poll: ok (error empty) or failing with the reason.
  virtual Status RecordPoll(int64_t id, const std::optional<std::string>& error, Timestamp at) = 0;
};

// Seals secrets (passwords, tokens) for storage and opens them again; the
// key never leaves the server (auth/secret_box.h).
class SecretKeeper {
 public:
  virtual ~SecretKeeper() = default;
  virtual Result<std::string> Seal(std::string_view plain) = 0;
  virtual Result<std::string> Open(std::string_view sealed) = 0;
};

}  // namespace luister
