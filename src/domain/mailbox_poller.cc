#include "domain/mailbox_poller.h"

#include <algorithm>
#include <charconv>

#include "common/failpoint.h"
#include "domain/mail_outbox.h"
#include "domain/mail_quarantine.h"
#include "domain/validation.h"

namespace luister {

namespace {

MailboxCount CountOf(const TakenMail& t) {
  if (t.quarantined) return MailboxCount::kQuarantined;
  switch (t.result->outcome) {
    case IntakeOutcome::kOpened:
    case IntakeOutcome::kAppended:
      return MailboxCount::kImported;
    case IntakeOutcome::kDuplicate:
      return MailboxCount::kDuplicate;
    case IntakeOutcome::kAutoReply:
    case IntakeOutcome::kBounce:
    case IntakeOutcome::kOwnMail:
      return MailboxCount::kIgnored;
  }
  return MailboxCount::kImported;
}

std::optional<int64_t> MailboxIdOf(const std::string& payload) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(payload.data(), payload.data() + payload.size(), id);
  if (ec != std::errc() || end != payload.data() + payload.size() || id <= 0) return std::nullopt;
  return id;
}

// The wait after a failed round: the poll interval, doubling with each
// failure in a row, at most 15 minutes (or the interval, if longer).
std::chrono::seconds FailureBackoff(const Mailbox& mb) {
  std::chrono::seconds base(mb.settings.poll_seconds);
  std::chrono::seconds cap = std::max(base, std::chrono::seconds(15 * 60));
  auto wait = base * (int64_t{1} << std::min(std::max(mb.failures - 1, 0), 6));
  return std::min(wait, cap);
}

}  // namespace

MailboxPoller::MailboxPoller(Store& store, const Clock& clock, MailIntakeService& intake,
                             MailReader& reader, ImapConnector& imap, SecretKeeper& secrets,
                             PollerOptions options)
    : store_(store),
      clock_(clock),
      intake_(intake),
      reader_(reader),
      imap_(imap),
      secrets_(secrets),
      options_(std::move(options)) {}

void MailboxPoller::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

ImapEndpoint MailboxPoller::EndpointOf(const MailboxSettings& s, std::string secret) {
  ImapEndpoint e;
  e.host = s.host;
  e.port = s.port;
  e.security = s.security;
  e.username = s.username;
  e.auth = s.auth;
  e.secret = std::move(secret);
  e.folder = s.folder;
  return e;
}

Result<MailDestination> MailboxPoller::DestinationOf(const Mailbox& mb) {
  LUISTER_ASSIGN_OR_RETURN(auto queues, store_.directory().ListQueues(std::nullopt));
  auto q = std::find_if(queues.begin(), queues.end(),
                        [&](const Queue& queue) { return queue.id == mb.settings.queue_id; });
  if (q == queues.end())
    return NotFound("queue " + std::to_string(mb.settings.queue_id) + " does not exist");
  MailDestination to;
  to.department_id = q->department_id;
  to.queue_id = q->id;
  to.new_after_closed = mb.settings.closed_replies == ClosedReplies::kNewConversation;
  LUISTER_ASSIGN_OR_RETURN(auto sender, SendingMailbox(store_, q->department_id, q->id));
  to.tell_dropped_attachments = sender.has_value();
  // Every mailbox's address is the desk's own: mail from any of them is a loop.
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
  for (const Mailbox& other : all) to.own_addresses.push_back(AsciiLower(other.settings.address));
  return to;
}

Result<PollReport> MailboxPoller::Poll(int64_t mailbox_id) {
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(Mailbox mb, boxes->Get(mailbox_id));
  PollReport report;
  const std::string source = "imap:" + std::to_string(mb.id);
  // A failure on the mailbox's side: recorded for the admin, not an error
  // of the round (the database is fine).
  auto failed = [&](const std::string& what, const Status& s) -> Result<PollReport> {
    report.ok = false;
    report.error = what + ": " + s.message();
    LUISTER_RETURN_IF_ERROR(boxes->RecordPoll(mb.id, report.error, clock_.Now()));
    Log("mailbox " + std::to_string(mb.id) + " (" + mb.settings.name + "): " + report.error);
    return report;
  };

  auto secret = secrets_.Open(mb.sealed_secret);
  if (!secret.ok()) return failed("the stored password cannot be opened", secret.status());
  auto to = DestinationOf(mb);
  if (!to.ok()) {
    if (to.status().code() == StatusCode::kNotFound) return failed("no queue", to.status());
    return to.status();
  }
  auto session = imap_.Connect(EndpointOf(mb.settings, std::move(*secret)));
  if (!session.ok()) return failed("cannot log in", session.status());
  ImapSession& imap = **session;

  auto folder = imap.Folder();
  if (!folder.ok()) return failed("cannot open " + mb.settings.folder, folder.status());
  const std::optional<int64_t> uidvalidity = folder->uidvalidity;
  // A new UIDVALIDITY (the folder was rebuilt, or the mailbox points
  // elsewhere now) makes the UIDs meaningless: start again from 0 and
  // recognise what was taken before by its Message-ID.
  const bool resync = mb.uidvalidity != *uidvalidity;
  if (resync) {
    if (mb.uidvalidity)
      Log("mailbox " + std::to_string(mb.id) + ": UIDVALIDITY changed from " +
          std::to_string(*mb.uidvalidity) + " to " + std::to_string(*uidvalidity) +
          "; matching by Message-ID");
    LUISTER_RETURN_IF_ERROR(boxes->ResetUids(mb.id, *uidvalidity));
    mb.last_uid = 0;
  }
  auto list = imap.ListAfter(mb.last_uid, options_.batch + 1);
  if (!list.ok()) return failed("cannot list " + mb.settings.folder, list.status());
  if (static_cast<int64_t>(list->size()) > options_.batch) {
    list->resize(static_cast<size_t>(options_.batch));
    report.more = true;
  }

  // Messages go in groups: fetched, then stored in one write batch, then
  // flagged or moved on the server in one command, then their UIDs recorded.
  // A node that dies anywhere in between fetches the group again and finds
  // it stored.
  struct Fetched {
    ImapMessageInfo info;
    std::string raw;
    std::optional<TakenMail> taken;
  };
  constexpr size_t kGroup = 50;
  constexpr int64_t kGroupBytes = int64_t{16} << 20;
  size_t next = 0;
  while (next < list->size()) {
    std::vector<Fetched> group;
    int64_t bytes = 0;
    for (; next < list->size() && group.size() < kGroup && bytes < kGroupBytes; ++next) {
      const ImapMessageInfo& m = (*list)[next];
      if (m.size > options_.max_message_bytes) {
        // Not fetched, not lost: its header waits in the quarantine, saying
        // where the message is.
        auto header = imap.FetchHeader(m.uid);
        if (!header.ok())
          return failed("cannot fetch UID " + std::to_string(m.uid), header.status());
        std::string reason = "the message has " + std::to_string(m.size) +
                             " bytes, more than the limit of " +
                             std::to_string(options_.max_message_bytes) +
                             "; it was left on the server in " + mb.settings.folder + " (UID " +
                             std::to_string(m.uid) + "); only its header is kept here";
        LUISTER_ASSIGN_OR_RETURN(QuarantinedMail held,
                                 HoldMail(store_, clock_, *header, reader_.Sha256Hex(*header),
                                          source, mb.settings.queue_id, reason));
        ++report.received;
        LUISTER_RETURN_IF_ERROR(boxes->RecordMessage(mb.id, *uidvalidity, m.uid,
                                                     "quarantine:" + std::to_string(held.id),
                                                     MailboxCount::kQuarantined));
        continue;
      }
      auto raw = imap.Fetch(m.uid);
      if (!raw.ok()) return failed("cannot fetch UID " + std::to_string(m.uid), raw.status());
      ++report.received;
      bytes += static_cast<int64_t>(raw->size());
      group.push_back({m, std::move(*raw), std::nullopt});
    }
    if (group.empty()) continue;

    // The group's live events wait for its commit (and are dropped with a
    // rollback), so nobody is told of a message that is not there.
    HeldEvents events;
    LUISTER_RETURN_IF_ERROR(store_.BeginBatch());
    Status stored = Status::Ok();
    for (Fetched& f : group) {
      if (resync) {
        // Taken before the UIDs changed (and perhaps deleted since): not again.
        auto parsed = reader_.Parse(f.raw);
        std::string key =
            parsed.ok() ? MailExternalId(*parsed) : "sha256:" + reader_.Sha256Hex(f.raw);
        auto seen = boxes->Seen(mb.id, key);
        if (!seen.ok()) {
          stored = seen.status();
          break;
        }
        if (*seen) {
          TakenMail t;
          t.key = std::move(key);
          t.result = IntakeResult{IntakeOutcome::kDuplicate, {}, {}, {}, "taken before"};
          f.taken = std::move(t);
          continue;
        }
      }
      auto t = intake_.Take(reader_, f.raw, *to, source);
      if (!t.ok()) {
        stored = t.status();
        break;
      }
      f.taken = std::move(*t);
    }
    Status committed = store_.EndBatch(stored.ok());
    if (stored.ok() && committed.ok()) events.Publish();
    if (!stored.ok() || !committed.ok()) {
      // Not stored: leave them as new as they were for the next round.
      std::vector<int64_t> unseen;
      for (const Fetched& f : group)
        if (!f.info.seen) unseen.push_back(f.info.uid);
      if (!unseen.empty()) (void)imap.MarkUnseen(unseen);
      return stored.ok() ? committed : stored;
    }
    Failpoint("mail.after_store");
    // Stored: only now may the server forget they are new.
    std::vector<int64_t> uids;
    for (const Fetched& f : group) uids.push_back(f.info.uid);
    Status done = mb.settings.after_import == AfterImport::kMove
                      ? imap.Move(uids, mb.settings.move_to)
                      : imap.MarkSeen(uids);
    if (!done.ok()) return failed("cannot mark the messages on the server", done);
    LUISTER_RETURN_IF_ERROR(store_.BeginBatch());
    Status recorded = Status::Ok();
    for (const Fetched& f : group) {
      recorded =
          boxes->RecordMessage(mb.id, *uidvalidity, f.info.uid, f.taken->key, CountOf(*f.taken));
      if (!recorded.ok()) break;
    }
    Status ended = store_.EndBatch(recorded.ok());
    LUISTER_RETURN_IF_ERROR(recorded);
    LUISTER_RETURN_IF_ERROR(ended);
  }
  LUISTER_RETURN_IF_ERROR(boxes->RecordPoll(mb.id, std::nullopt, clock_.Now()));
  return report;
}

Result<std::optional<Timestamp>> MailboxPoller::RunJob(const Job& job) {
  auto id = MailboxIdOf(job.payload);
  if (!id) return std::optional<Timestamp>();  // not ours to run
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
  auto mb = boxes->Get(*id);
  if (!mb.ok() && mb.status().code() == StatusCode::kNotFound) return std::optional<Timestamp>();
  if (!mb.ok()) return mb.status();
  // A job that lost the race to be this mailbox's poll job ends here.
  if (mb->poll_job_id != job.id) return std::optional<Timestamp>();
  const Timestamp next = clock_.Now() + std::chrono::seconds(mb->settings.poll_seconds);
  if (!mb->settings.enabled) return std::optional<Timestamp>(next);
  LUISTER_ASSIGN_OR_RETURN(PollReport report, Poll(*id));
  if (report.more) return std::optional<Timestamp>(clock_.Now());
  if (!report.ok) {
    LUISTER_ASSIGN_OR_RETURN(Mailbox after, boxes->Get(*id));
    return std::optional<Timestamp>(clock_.Now() + FailureBackoff(after));
  }
  return std::optional<Timestamp>(next);
}

Result<bool> MailboxPoller::EnsurePollJobs() {
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
  bool enqueued = false;
  for (const Mailbox& mb : all) {
    if (mb.poll_job_id) {
      LUISTER_ASSIGN_OR_RETURN(auto state, store_.jobs().State(*mb.poll_job_id));
      if (state == JobState::kQueued || state == JobState::kRunning) continue;
    }
    NewJob job;
    job.kind = kMailPollJob;
    job.payload = std::to_string(mb.id);
    job.run_at = clock_.Now();
    job.created_at = clock_.Now();
    LUISTER_ASSIGN_OR_RETURN(int64_t job_id, store_.jobs().Enqueue(job));
    // Losing the race to another node leaves this job to end at its first
    // round (RunJob), since it is not the mailbox's poll job.
    LUISTER_ASSIGN_OR_RETURN(bool set, boxes->SetPollJob(mb.id, mb.poll_job_id, job_id));
    enqueued = enqueued || set;
  }
  return enqueued;
}

Result<bool> MailboxPoller::PollSoon(int64_t mailbox_id) {
  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, store_.Find<MailboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(Mailbox mb, boxes->Get(mailbox_id));
  if (!mb.poll_job_id || !mb.settings.enabled) return false;
  return store_.jobs().RunNow(*mb.poll_job_id, clock_.Now());
}

Result<std::string> MailboxPoller::TestConnection(const MailboxSettings& settings,
                                                  const std::string& secret) {
  LUISTER_ASSIGN_OR_RETURN(auto session, imap_.Connect(EndpointOf(settings, secret)));
  LUISTER_ASSIGN_OR_RETURN(ImapFolderState folder, session->Folder());
  return "logged in; " + settings.folder + " holds " + std::to_string(folder.messages) +
         (folder.messages == 1 ? " message" : " messages");
}

}  // namespace luister
