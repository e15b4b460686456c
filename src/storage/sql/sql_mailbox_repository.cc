#include "storage/sql/sql_mailbox_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "id, queue_id, name, address, host, port, security, username, auth, sealed_secret, folder, "
    "poll_seconds, after_import, move_to, enabled, uidvalidity, last_uid, health, last_error, "
    "last_error_at, last_success_at, failures, received, imported, duplicates, ignored, "
    "quarantined, poll_job_id, created_at, updated_at, smtp_host, smtp_port, smtp_security, "
    "from_name, closed_replies";
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM mailboxes WHERE id = ?");
const Sql kList(std::string("SELECT ") + kColumns + " FROM mailboxes ORDER BY id");
const Sql kInsert(
    "INSERT INTO mailboxes (queue_id, name, address, host, port, security, username, auth, "
    "sealed_secret, folder, poll_seconds, after_import, move_to, enabled, created_at, updated_at, "
    "smtp_host, smtp_port, smtp_security, from_name, closed_replies) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
// Pointing the mailbox elsewhere forgets the UIDs (they belong to the old
// folder); the key set stays, so mail taken before is still recognised.
const Sql kUpdate(
    "UPDATE mailboxes SET queue_id = ?, name = ?, address = ?, port = ?, security = ?, auth = ?, "
    "poll_seconds = ?, after_import = ?, move_to = ?, enabled = ?, updated_at = ?, "
    "smtp_host = ?, smtp_port = ?, smtp_security = ?, from_name = ?, closed_replies = ?, "
    "uidvalidity = CASE WHEN host = ? AND username = ? AND folder = ? THEN uidvalidity END, "
    "last_uid = CASE WHEN host = ? AND username = ? AND folder = ? THEN last_uid ELSE 0 END, "
    "host = ?, username = ?, folder = ? WHERE id = ?");
const Sql kUpdateSecret("UPDATE mailboxes SET sealed_secret = ? WHERE id = ?");
const Sql kDeleteSeen("DELETE FROM mailbox_seen WHERE mailbox_id = ?");
const Sql kDelete("DELETE FROM mailboxes WHERE id = ?");
const Sql kSetJob("UPDATE mailboxes SET poll_job_id = ? WHERE id = ? AND poll_job_id = ?");
const Sql kSetFirstJob("UPDATE mailboxes SET poll_job_id = ? WHERE id = ? AND poll_job_id IS NULL");
const Sql kSeen("SELECT 1 FROM mailbox_seen WHERE mailbox_id = ? AND message_key = ?");
const Sql kRemember(
    "INSERT INTO mailbox_seen (mailbox_id, message_key) VALUES (?, ?) ON CONFLICT DO NOTHING");
// The mark only moves forward, and only under the UIDVALIDITY it belongs to.
const Sql kAdvance(
    "UPDATE mailboxes SET last_uid = CASE WHEN last_uid < ? THEN ? ELSE last_uid END, "
    "received = received + 1, imported = imported + ?, duplicates = duplicates + ?, "
    "ignored = ignored + ?, quarantined = quarantined + ? WHERE id = ? AND uidvalidity = ?");
const Sql kSkip(
    "UPDATE mailboxes SET last_uid = CASE WHEN last_uid < ? THEN ? ELSE last_uid END "
    "WHERE id = ? AND uidvalidity = ?");
const Sql kReset("UPDATE mailboxes SET uidvalidity = ?, last_uid = 0 WHERE id = ?");
const Sql kPollOk(
    "UPDATE mailboxes SET health = 'ok', failures = 0, last_success_at = ? WHERE id = ?");
const Sql kPollFailed(
    "UPDATE mailboxes SET health = 'failing', failures = failures + 1, last_error = ?, "
    "last_error_at = ? WHERE id = ?");

Mailbox FromRow(const Row& r) {
  Mailbox m;
  m.id = r.Int(0);
  MailboxSettings& s = m.settings;
  s.queue_id = r.Int(1);
  s.name = r.Text(2);
  s.address = r.Text(3);
  s.host = r.Text(4);
  s.port = static_cast<int>(r.Int(5));
  s.security = ParseMailSecurity(r.Text(6)).value_or(MailSecurity::kTls);
  s.username = r.Text(7);
  s.auth = ParseMailAuth(r.Text(8)).value_or(MailAuth::kPassword);
  m.sealed_secret = r.Blob(9);
  s.folder = r.Text(10);
  s.poll_seconds = static_cast<int>(r.Int(11));
  s.after_import = ParseAfterImport(r.Text(12)).value_or(AfterImport::kMarkSeen);
  s.move_to = r.Text(13);
  s.enabled = r.Bool(14);
  m.uidvalidity = r.OptInt(15);
  m.last_uid = r.Int(16);
  m.health = ParseMailboxHealth(r.Text(17)).value_or(MailboxHealth::kNew);
  m.last_error = r.OptText(18);
  m.last_error_at = r.OptTime(19);
  m.last_success_at = r.OptTime(20);
  m.failures = static_cast<int>(r.Int(21));
  m.counts.received = r.Int(22);
  m.counts.imported = r.Int(23);
  m.counts.duplicates = r.Int(24);
  m.counts.ignored = r.Int(25);
  m.counts.quarantined = r.Int(26);
  m.poll_job_id = r.OptInt(27);
  m.created_at = r.Time(28);
  m.updated_at = r.Time(29);
  s.smtp_host = r.Text(30);
  s.smtp_port = static_cast<int>(r.Int(31));
  s.smtp_security = ParseMailSecurity(r.Text(32)).value_or(MailSecurity::kStartTls);
  s.from_name = r.Text(33);
  s.closed_replies = ParseClosedReplies(r.Text(34)).value_or(ClosedReplies::kReopen);
  return m;
}

Result<Mailbox> Load(Connection& c, int64_t id) {
  return One<Mailbox>(c, kSelect, id, "mailbox", FromRow);
}

Status Changed(Result<int64_t> n, int64_t id) {
  LUISTER_RETURN_IF_ERROR(n.status());
  if (*n == 0) return NotFound("mailbox " + std::to_string(id) + " does not exist");
  return Status::Ok();
}

}  // namespace

Result<Mailbox> SqlMailboxRepository::Create(const MailboxSettings& s,
                                             const std::string& sealed_secret, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Mailbox> {
    Params p = Params::Of(s.queue_id, s.name, s.address, s.host, static_cast<int64_t>(s.port),
                          ToString(s.security), s.username, ToString(s.auth));
    p.Add(Bytes{sealed_secret})
        .Add(s.folder)
        .Add(static_cast<int64_t>(s.poll_seconds))
        .Add(ToString(s.after_import))
        .Add(s.move_to)
        .Add(s.enabled)
        .Add(at)
        .Add(at)
        .Add(s.smtp_host)
        .Add(static_cast<int64_t>(s.smtp_port))
        .Add(ToString(s.smtp_security))
        .Add(s.from_name)
        .Add(ToString(s.closed_replies));
    LUISTER_ASSIGN_OR_RETURN(int64_t id, Scalar(c, kInsert, p));
    return Load(c, id);
  });
}

Result<Mailbox> SqlMailboxRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return Load(c, id); });
}

Result<std::vector<Mailbox>> SqlMailboxRepository::List() {
  return db_.Read([&](Connection& c) { return Collect<Mailbox>(c, kList, Params(), FromRow); });
}

Result<Mailbox> SqlMailboxRepository::Update(int64_t id, const MailboxSettings& s,
                                             const std::optional<std::string>& sealed_secret,
                                             Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Mailbox> {
    Params p = Params::Of(s.queue_id, s.name, s.address, static_cast<int64_t>(s.port),
                          ToString(s.security), ToString(s.auth),
                          static_cast<int64_t>(s.poll_seconds), ToString(s.after_import));
    p.Add(s.move_to).Add(s.enabled).Add(at);
    p.Add(s.smtp_host).Add(static_cast<int64_t>(s.smtp_port)).Add(ToString(s.smtp_security));
    p.Add(s.from_name).Add(ToString(s.closed_replies));
    for (int i = 0; i < 3; ++i) p.Add(s.host).Add(s.username).Add(s.folder);
    p.Add(id);
    LUISTER_RETURN_IF_ERROR(Changed(c.Execute(kUpdate, p), id));
    if (sealed_secret)
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kUpdateSecret, Params::Of(Bytes{*sealed_secret}, id)).status());
    return Load(c, id);
  });
}

Status SqlMailboxRepository::Delete(int64_t id) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(c.Execute(kDeleteSeen, Params::Of(id)).status());
    return Changed(c.Execute(kDelete, Params::Of(id)), id);
  });
}

Result<bool> SqlMailboxRepository::SetPollJob(int64_t id, std::optional<int64_t> expected,
                                              int64_t job_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, expected
                                            ? c.Execute(kSetJob, Params::Of(job_id, id, *expected))
                                            : c.Execute(kSetFirstJob, Params::Of(job_id, id)));
    return n == 1;
  });
}

Result<bool> SqlMailboxRepository::Seen(int64_t id, const std::string& key) {
  return db_.ReadOne([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(
        auto found, First<bool>(c, kSeen, Params::Of(id, key), [](const Row&) { return true; }));
    return found.has_value();
  });
}

Status SqlMailboxRepository::RecordMessage(int64_t id, int64_t uidvalidity, int64_t uid,
                                           const std::string& key, MailboxCount what) {
  auto one = [&](MailboxCount c) { return int64_t{what == c ? 1 : 0}; };
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(c.Execute(kRemember, Params::Of(id, key)).status());
    Params p = Params::Of(uid, uid, one(MailboxCount::kImported), one(MailboxCount::kDuplicate),
                          one(MailboxCount::kIgnored), one(MailboxCount::kQuarantined), id);
    p.Add(uidvalidity);
    return c.Execute(kAdvance, p).status();
  });
}

Status SqlMailboxRepository::SkipMessage(int64_t id, int64_t uidvalidity, int64_t uid) {
  return db_.Write([&](Connection& c) {
    return c.Execute(kSkip, Params::Of(uid, uid, id, uidvalidity)).status();
  });
}

Status SqlMailboxRepository::ResetUids(int64_t id, int64_t uidvalidity) {
  return db_.Write(
      [&](Connection& c) { return Changed(c.Execute(kReset, Params::Of(uidvalidity, id)), id); });
}

Status SqlMailboxRepository::RecordPoll(int64_t id, const std::optional<std::string>& error,
                                        Timestamp at) {
  return db_.Write([&](Connection& c) {
    return error ? Changed(c.Execute(kPollFailed, Params::Of(*error, at, id)), id)
                 : Changed(c.Execute(kPollOk, Params::Of(at, id)), id);
  });
}

}  // namespace luister::sql
