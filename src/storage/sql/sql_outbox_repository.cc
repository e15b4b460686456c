#include "storage/sql/sql_outbox_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

// A message the desk sends, with its outbox row when an attempt was made.
constexpr char kSelect[] =
    "SELECT m.id, m.conversation_id, m.delivery, o.rfc_message_id, o.mailbox_id, o.attempts, "
    "o.next_attempt_at, o.data_started, o.last_error, o.sent_at, m.created_at, o.updated_at, "
    "o.to_address, o.replaces_message_id, m.customer_id "
    "FROM messages m LEFT JOIN mail_outbox o ON o.message_id = m.id ";
const Sql kGet(std::string(kSelect) + "WHERE m.id = ? AND m.delivery IS NOT NULL");
// Locks the message row (the outer join itself cannot be locked on PostgreSQL).
const Sql kLock("SELECT id FROM messages WHERE id = ?{for_update}");
// A lane's due replies: the conversation's channel says whose they are.
std::string DueIn(const char* channels) {
  return std::string(kSelect) +
         "JOIN conversations c ON c.id = m.conversation_id AND c.channel IN " + channels +
         " WHERE (m.delivery = 'sending' OR (m.delivery = 'queued' AND "
         "(o.next_attempt_at IS NULL OR o.next_attempt_at <= ?))) ORDER BY m.id LIMIT ?";
}
// A chat's replies are queued only once it continues by e-mail, and its
// transcript; a call's or a shop visit's only by e-mail (a promise's
// confirmation, domain/promise_notice.h).
const Sql kDueMail(DueIn("('email', 'webform', 'chat', 'phone', 'shop')"));
const Sql kDueSocial(DueIn("('social')"));
// An attempt: the row made, or counted up; the first Message-ID stays.
const Sql kAttempt(
    "INSERT INTO mail_outbox (message_id, rfc_message_id, mailbox_id, attempts, next_attempt_at, "
    "data_started, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE "
    "SET rfc_message_id = COALESCE(mail_outbox.rfc_message_id, excluded.rfc_message_id), "
    "attempts = mail_outbox.attempts + 1, mailbox_id = excluded.mailbox_id, "
    "data_started = excluded.data_started, updated_at = excluded.updated_at");
// A reply that failed before any attempt (no mailbox, no address): a row
// for the reason, with no Message-ID yet.
const Sql kNoAttempt(
    "INSERT INTO mail_outbox (message_id, attempts, next_attempt_at, data_started, updated_at) "
    "VALUES (?, 0, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING");
// The Message-ID is the message's external id: the customer's answer names it.
const Sql kSetExternalId(
    "UPDATE messages SET external_id = ? WHERE id = ? AND external_id IS NULL");
const Sql kReplaceExternalId("UPDATE messages SET external_id = ? WHERE id = ?");
const Sql kSetDelivery("UPDATE messages SET delivery = ? WHERE id = ?");
const Sql kDataStarted("UPDATE mail_outbox SET data_started = ? WHERE message_id = ?");
const Sql kFinish(
    "UPDATE mail_outbox SET last_error = ?, next_attempt_at = ?, sent_at = ?, updated_at = ? "
    "WHERE message_id = ?");
const Sql kResetAttempts("UPDATE mail_outbox SET attempts = 0 WHERE message_id = ?");
const Sql kCountUnsent(
    "SELECT delivery, count(*) FROM messages WHERE delivery IN "
    "('queued', 'sending', 'failed', 'uncertain') GROUP BY delivery");
// One row per lane: `singleton` is the OutboxLane (1 mail, 2 social).
const Sql kJob("SELECT job_id FROM mail_outbox_job WHERE singleton = ?");
const Sql kFirstJob(
    "INSERT INTO mail_outbox_job (singleton, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
const Sql kNextJob("UPDATE mail_outbox_job SET job_id = ? WHERE singleton = ? AND job_id = ?");

OutboxItem FromRow(const Row& r) {
  OutboxItem o;
  o.message_id = r.Int(0);
  o.conversation_id = r.Int(1);
  o.delivery = ParseDelivery(r.Text(2)).value_or(Delivery::kQueued);
  o.rfc_message_id = r.OptText(3).value_or("");
  o.mailbox_id = r.OptInt(4);
  o.attempts = static_cast<int>(r.OptInt(5).value_or(0));
  o.next_attempt_at = r.OptTime(6);
  o.data_started = r.IsNull(7) ? false : r.Bool(7);
  o.last_error = r.OptText(8);
  o.sent_at = r.OptTime(9);
  o.created_at = r.Time(10);
  o.updated_at = r.OptTime(11).value_or(o.created_at);
  o.to_address = r.OptText(12);
  o.replaces_message_id = r.OptInt(13);
  o.customer_id = r.Int(14);
  return o;
}

Result<OutboxItem> Load(Connection& c, int64_t id, bool for_update = false) {
  if (for_update) LUISTER_RETURN_IF_ERROR(c.Query(kLock, Params::Of(id), [](const Row&) {}));
  return One<OutboxItem>(c, kGet, id, "reply", FromRow);
}

}  // namespace

Result<std::vector<OutboxItem>> SqlOutboxRepository::Due(Timestamp now, int limit,
                                                         OutboxLane lane) {
  return db_.Read([&](Connection& c) {
    return Collect<OutboxItem>(c, lane == OutboxLane::kSocial ? kDueSocial : kDueMail,
                               Params::Of(now, static_cast<int64_t>(limit)), FromRow);
  });
}

Result<OutboxItem> SqlOutboxRepository::Begin(int64_t message_id, const std::string& rfc_message_id,
                                              std::optional<int64_t> mailbox_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<OutboxItem> {
    LUISTER_ASSIGN_OR_RETURN(OutboxItem o, Load(c, message_id, true));
    if (o.delivery != Delivery::kQueued && o.delivery != Delivery::kSending)
      return Conflict("reply " + std::to_string(message_id) + " is " +
                      std::string(ToString(o.delivery)));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kAttempt, Params::Of(message_id, rfc_message_id, mailbox_id, at, false, at))
            .status());
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kSetDelivery, Params::Of(ToString(Delivery::kSending), message_id)).status());
    LUISTER_ASSIGN_OR_RETURN(OutboxItem begun, Load(c, message_id));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kSetExternalId, Params::Of(begun.rfc_message_id, message_id)).status());
    return begun;
  });
}

Status SqlOutboxRepository::DataStarted(int64_t message_id) {
  return db_.Write([&](Connection& c) {
    return c.Execute(kDataStarted, Params::Of(true, message_id)).status();
  });
}

Status SqlOutboxRepository::SetExternalId(int64_t message_id, const std::string& external_id) {
  return db_.Write([&](Connection& c) {
    return c.Execute(kReplaceExternalId, Params::Of(external_id, message_id)).status();
  });
}

Status SqlOutboxRepository::Finish(int64_t message_id, Delivery state,
                                   const std::optional<std::string>& error,
                                   std::optional<Timestamp> retry_at, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(Load(c, message_id, true).status());
    LUISTER_RETURN_IF_ERROR(c.Execute(kNoAttempt, Params::Of(message_id, at, false, at)).status());
    std::optional<Timestamp> sent = state == Delivery::kSent ? std::optional(at) : std::nullopt;
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kFinish, Params::Of(error, retry_at.value_or(at), sent, at, message_id))
            .status());
    return c.Execute(kSetDelivery, Params::Of(ToString(state), message_id)).status();
  });
}

Result<OutboxItem> SqlOutboxRepository::Get(int64_t message_id) {
  return db_.ReadOne([&](Connection& c) { return Load(c, message_id); });
}

Result<Page<OutboxItem>> SqlOutboxRepository::List(std::optional<Delivery> state,
                                                   const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<OutboxItem>> {
    QueryBuilder q(std::string(kSelect) + "WHERE m.delivery IS NOT NULL");
    if (state) q.Add(" AND m.delivery = ?", ToString(*state));
    if (p.after) q.Add(" AND m.id < ?", p.after->id);
    q.Add(" ORDER BY m.id DESC LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<OutboxItem>(c, q.Build(), q.params(), FromRow));
    Page<OutboxItem> page;
    if (static_cast<int>(rows.size()) > p.limit) {
      rows.resize(p.limit);
      if (!rows.empty()) page.next = Cursor{rows.back().message_id, rows.back().message_id};
    }
    page.items = std::move(rows);
    return page;
  });
}

Status SqlOutboxRepository::Retry(int64_t message_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(OutboxItem o, Load(c, message_id, true));
    if (o.delivery != Delivery::kFailed && o.delivery != Delivery::kUncertain)
      return Conflict("reply " + std::to_string(message_id) + " is " +
                      std::string(ToString(o.delivery)) + "; only failed or uncertain replies " +
                      "are sent again");
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kFinish, Params::Of(o.last_error, at, std::optional<Timestamp>(), at, message_id))
            .status());
    // A person asked: a fresh set of attempts.
    LUISTER_RETURN_IF_ERROR(c.Execute(kResetAttempts, Params::Of(message_id)).status());
    return c.Execute(kSetDelivery, Params::Of(ToString(Delivery::kQueued), message_id)).status();
  });
}

Status SqlOutboxRepository::Dismiss(int64_t message_id, bool arrived, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(OutboxItem o, Load(c, message_id, true));
    if (o.delivery != Delivery::kFailed && o.delivery != Delivery::kUncertain)
      return Conflict("reply " + std::to_string(message_id) + " is " +
                      std::string(ToString(o.delivery)) +
                      "; only failed or uncertain replies are dismissed");
    if (arrived && o.delivery != Delivery::kUncertain)
      return Conflict("reply " + std::to_string(message_id) +
                      " failed: the server never took it, so it cannot have arrived");
    LUISTER_RETURN_IF_ERROR(c.Execute(kNoAttempt, Params::Of(message_id, at, false, at)).status());
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kFinish, Params::Of(o.last_error, at,
                                      arrived ? std::optional(at) : std::optional<Timestamp>(), at,
                                      message_id))
            .status());
    const Delivery state = arrived ? Delivery::kSent : Delivery::kCancelled;
    return c.Execute(kSetDelivery, Params::Of(ToString(state), message_id)).status();
  });
}

Result<std::vector<std::pair<Delivery, int64_t>>> SqlOutboxRepository::CountUnsent() {
  return db_.Read([&](Connection& c) -> Result<std::vector<std::pair<Delivery, int64_t>>> {
    std::vector<std::pair<Delivery, int64_t>> counts;
    for (Delivery d :
         {Delivery::kQueued, Delivery::kSending, Delivery::kFailed, Delivery::kUncertain})
      counts.emplace_back(d, 0);
    LUISTER_RETURN_IF_ERROR(c.Query(kCountUnsent, Params(), [&](const Row& r) {
      auto d = ParseDelivery(r.Text(0));
      for (auto& [state, n] : counts)
        if (d == state) n = r.Int(1);
    }));
    return counts;
  });
}

Result<std::optional<int64_t>> SqlOutboxRepository::JobId(OutboxLane lane) {
  const auto l = static_cast<int64_t>(lane);
  return db_.ReadOne([&](Connection& c) {
    return First<int64_t>(c, kJob, Params::Of(l), [](const Row& r) { return r.Int(0); });
  });
}

Result<bool> SqlOutboxRepository::SetJob(OutboxLane lane, std::optional<int64_t> expected,
                                         int64_t job_id) {
  const auto l = static_cast<int64_t>(lane);
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, expected
                                            ? c.Execute(kNextJob, Params::Of(job_id, l, *expected))
                                            : c.Execute(kFirstJob, Params::Of(l, job_id)));
    return n == 1;
  });
}

}  // namespace luister::sql
