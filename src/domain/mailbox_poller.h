#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/jobs.h"
#include "domain/mail_intake.h"
#include "domain/mailbox.h"
#include "domain/repositories.h"

namespace luister {

// Where and how to log in to one IMAP folder.
struct ImapEndpoint {
  std::string host;
  int port = 993;
  MailSecurity security = MailSecurity::kTls;
  std::string username;
  MailAuth auth = MailAuth::kPassword;
  std::string secret;  // the password or the OAuth bearer token
  std::string folder = "INBOX";
  std::chrono::seconds timeout{30};
};

struct ImapMessageInfo {
  int64_t uid = 0;
  int64_t size = 0;   // RFC822.SIZE
  bool seen = false;  // \Seen was set before the desk fetched it
};

// One logged-in IMAP session on one folder (channels/email/imap_client.h
// over libcurl). Errors are Unavailable with the server's or the
// network's reason.
// What STATUS tells of a folder.
struct ImapFolderState {
  int64_t uidvalidity = 0;
  int64_t uidnext = 0;  // 0 when the server did not say
  int64_t messages = 0;
};

class ImapSession {
 public:
  virtual ~ImapSession() = default;
  virtual Result<ImapFolderState> Folder() = 0;
  // Up to `limit` messages with a UID above `after`, lowest first. Asks in
  // UID ranges, so a folder of any size never makes one huge answer.
  virtual Result<std::vector<ImapMessageInfo>> ListAfter(int64_t after, int limit) = 0;
  // The whole message. Servers set \Seen as they send it (IMAP's BODY[]);
  // the desk goes by UIDs, not by that flag, and clears it again when it
  // could not store the message (MarkUnseen).
  virtual Result<std::string> Fetch(int64_t uid) = 0;
  // Only the header.
  virtual Result<std::string> FetchHeader(int64_t uid) = 0;
  // One command for a set of UIDs each.
  virtual Status MarkSeen(const std::vector<int64_t>& uids) = 0;
  virtual Status MarkUnseen(const std::vector<int64_t>& uids) = 0;
  virtual Status Move(const std::vector<int64_t>& uids, const std::string& folder) = 0;
};

class ImapConnector {
 public:
  virtual ~ImapConnector() = default;
  virtual Result<std::unique_ptr<ImapSession>> Connect(const ImapEndpoint& endpoint) = 0;
};

struct PollerOptions {
  // Larger mail is not fetched: its header is quarantined with the reason
  // and the message is left on the server, so a person sees it.
  int64_t max_message_bytes = int64_t{50} << 20;
  // Messages taken in one round; a round with more to do runs again at once,
  // so a mailbox with a large backlog does not hold a job thread for hours.
  int batch = 200;
  std::function<void(std::string_view)> log;  // may be empty
};

// What one round did.
struct PollReport {
  bool ok = true;
  std::string error;     // when not ok
  int64_t received = 0;  // messages fetched this round
  bool more = false;     // the batch was full: run again now
};

// The job kind that polls a mailbox; its payload is the mailbox id.
inline constexpr char kMailPollJob[] = "mail.poll";

// Fetches the mail of the desk's IMAP mailboxes into their queues, exactly
// once: each mailbox has one recurring job (kMailPollJob), so one node polls
// it at a time and another takes over when that node dies (the job's lease).
//
// A round logs in, checks the folder's UIDVALIDITY (a new one starts the
// UIDs afresh, and mail seen before is recognised by its Message-ID instead
// of being imported again), and takes each message above the last UID: it is
// stored (MailIntakeService::Take, which dedupes by Message-ID and
// quarantines what it cannot read), only then flagged \Seen or moved on the
// server, and only then is its UID recorded. A node killed anywhere in
// between fetches the message again and finds it stored. A failing mailbox
// (login, TLS, network) records its error and is polled again with
// back-off; it never stops the others.
class MailboxPoller {
 public:
  MailboxPoller(Store& store, const Clock& clock, MailIntakeService& intake, MailReader& reader,
                ImapConnector& imap, SecretKeeper& secrets, PollerOptions options = {});

  // One round of `mailbox_id`; an error only when the database failed.
  Result<PollReport> Poll(int64_t mailbox_id);

  // The recurring job's handler: the next round's time, nullopt when the
  // mailbox is gone or the job is not its poll job any more.
  Result<std::optional<Timestamp>> RunJob(const Job& job);

  // Gives every mailbox without a live poll job one (on start, after
  // creating or changing a mailbox); true when a job was enqueued.
  Result<bool> EnsurePollJobs();

  // Makes the mailbox's next round due now ("fetch now"); false when a
  // round is running already (it will see the new mail or the next will).
  Result<bool> PollSoon(int64_t mailbox_id);

  // Logs in with `settings` and `secret` and looks at the folder: a line for
  // the admin ("INBOX: 12 messages") or the reason it failed (Unavailable).
  Result<std::string> TestConnection(const MailboxSettings& settings, const std::string& secret);

  static ImapEndpoint EndpointOf(const MailboxSettings& s, std::string secret);

 private:
  Result<MailDestination> DestinationOf(const Mailbox& mb);
  void Log(const std::string& line) const;

  Store& store_;
  const Clock& clock_;
  MailIntakeService& intake_;
  MailReader& reader_;
  ImapConnector& imap_;
  SecretKeeper& secrets_;
  PollerOptions options_;
};

}  // namespace luister
