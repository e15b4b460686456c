#include <algorithm>
#include <cstdio>
#include <memory>

#include "domain/blob.h"
#include "domain/mail_intake.h"
#include "domain/mail_outbox.h"
#include "domain/mail_quarantine.h"
#include "domain/mailbox.h"
#include "domain/mailbox_poller.h"
#include "domain/validation.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

// This node's send attempts by how they ended.
void CountSend(ApiContext& ctx, Delivery outcome) {
  const std::string labels =
      "outcome=\"" + std::string(outcome == Delivery::kQueued ? "retry" : ToString(outcome)) + "\"";
  ctx.metrics
      .Counter("luister_mail_send_attempts_total",
               "Attempts of this node to send a reply, by how they ended (sent, failed, "
               "uncertain, retry: to be tried again).",
               labels)
      .fetch_add(1, std::memory_order_relaxed);
}

// The e-mail channel's services over one ApiContext: intake and the poller.
// Shared by the routes and the poll job, alive as long as they are.
struct MailChannel {
  explicit MailChannel(ApiContext& c)
      : ctx(c),
        intake(c.store, c.clock, c.customers, c.conversations),
        poller(Available() ? std::make_unique<MailboxPoller>(
                                 c.store, c.clock, intake, *c.mail_reader, *c.imap, *c.secrets,
                                 PollerOptions{.log =
                                                   [](std::string_view line) {
                                                     std::fprintf(stderr, "luister: %.*s\n",
                                                                  static_cast<int>(line.size()),
                                                                  line.data());
                                                   }})
                           : nullptr),
        outbox(Available() ? std::make_unique<MailOutbox>(
                                 c.store, c.clock, c.conversations, *c.mail_reader,
                                 *c.mail_composer, *c.smtp, *c.secrets,
                                 OutboxOptions{.counted = [&c](Delivery d) { CountSend(c, d); },
                                               .log =
                                                   [](std::string_view line) {
                                                     std::fprintf(stderr, "luister: %.*s\n",
                                                                  static_cast<int>(line.size()),
                                                                  line.data());
                                                   }})
                           : nullptr) {}
  bool Available() const {
    return ctx.imap && ctx.mail_reader && ctx.secrets && ctx.mail_composer && ctx.smtp;
  }
  Result<MailboxPoller*> Poller() {
    if (!poller) return Unavailable("this server was started without the e-mail channel");
    return poller.get();
  }
  Result<MailboxRepository*> Boxes() { return ctx.store.Find<MailboxRepository>(); }

  ApiContext& ctx;
  MailIntakeService intake;
  std::unique_ptr<MailboxPoller> poller;
  std::unique_ptr<MailOutbox> outbox;
};

// The one MailChannel of a module instance, made for the first context that
// asks (the job registration and the routes of one server share it).
struct ChannelSlot {
  std::shared_ptr<MailChannel> Of(ApiContext& ctx) {
    if (!channel) channel = std::make_shared<MailChannel>(ctx);
    return channel;
  }
  std::shared_ptr<MailChannel> channel;
};

json TimeOrNull(const std::optional<Timestamp>& t) {
  return t ? json(FormatIso8601(*t)) : json(nullptr);
}

// A mailbox as admins see it: settings, state and counts; never the secret.
json MailboxJson(const Mailbox& m) {
  const MailboxSettings& s = m.settings;
  return {{"id", m.id},
          {"queue_id", s.queue_id},
          {"name", s.name},
          {"address", s.address},
          {"host", s.host},
          {"port", s.port},
          {"security", ToString(s.security)},
          {"username", s.username},
          {"auth", ToString(s.auth)},
          {"has_secret", !m.sealed_secret.empty()},
          {"folder", s.folder},
          {"poll_seconds", s.poll_seconds},
          {"after_import", ToString(s.after_import)},
          {"move_to", s.move_to},
          {"smtp_host", s.smtp_host},
          {"smtp_port", s.smtp_port},
          {"smtp_security", ToString(s.smtp_security)},
          {"from_name", s.from_name},
          {"closed_replies", ToString(s.closed_replies)},
          {"enabled", s.enabled},
          {"state",
           {{"health", ToString(m.health)},
            {"last_error", m.last_error ? json(*m.last_error) : json(nullptr)},
            {"last_error_at", TimeOrNull(m.last_error_at)},
            {"last_success_at", TimeOrNull(m.last_success_at)},
            {"failures", m.failures},
            {"uidvalidity", m.uidvalidity ? json(*m.uidvalidity) : json(nullptr)},
            {"last_uid", m.last_uid}}},
          {"counts",
           {{"received", m.counts.received},
            {"imported", m.counts.imported},
            {"duplicates", m.counts.duplicates},
            {"ignored", m.counts.ignored},
            {"quarantined", m.counts.quarantined}}},
          {"created_at", FormatIso8601(m.created_at)},
          {"updated_at", FormatIso8601(m.updated_at)}};
}

json QuarantineJson(const QuarantinedMail& m) {
  return {{"id", m.id},
          {"source", m.source},
          {"queue_id", m.queue_id ? json(*m.queue_id) : json(nullptr)},
          {"size_bytes", m.size_bytes},
          {"reason", m.reason},
          {"state", ToString(m.state)},
          {"received_at", FormatIso8601(m.received_at)},
          {"resolved_at", TimeOrNull(m.resolved_at)},
          {"resolved_by", m.resolved_by ? json(*m.resolved_by) : json(nullptr)}};
}

// Settings fields only (and, for a test of a saved mailbox, its id).
void RejectUnknownSettings(JsonBody& b, bool test) {
  if (test) {
    b.RejectUnknown({"mailbox_id", "queue_id",     "name",          "address",   "host",
                     "port",       "security",     "username",      "auth",      "secret",
                     "folder",     "poll_seconds", "after_import",  "move_to",   "enabled",
                     "smtp_host",  "smtp_port",    "smtp_security", "from_name", "closed_replies"});
  } else {
    b.RejectUnknown({"queue_id", "name", "address", "host", "port", "security", "username", "auth",
                     "secret", "folder", "poll_seconds", "after_import", "move_to", "enabled",
                     "smtp_host", "smtp_port", "smtp_security", "from_name", "closed_replies"});
  }
}

// Reads the settings fields present in `b` over `s` (all of them required
// when `creating`); the secret, when given, into `secret`.
void ReadSettings(JsonBody& b, bool creating, MailboxSettings* s,
                  std::optional<std::string>* secret) {
  const bool req = creating ? JsonBody::kRequired : JsonBody::kOptional;
  if (auto v = b.Int("queue_id", req)) s->queue_id = *v;
  if (auto v = b.String("name", req, 200)) s->name = *v;
  if (auto v = b.String("address", req, 320)) s->address = *v;
  if (auto v = b.String("host", req, 253)) s->host = *v;
  // Out-of-range numbers become -1 (refused by the validation), never wrap.
  auto small = [](int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, -1, 1'000'000)); };
  if (auto v = b.Int("port", JsonBody::kOptional)) s->port = small(*v);
  if (auto v = b.String("security", JsonBody::kOptional, 16)) {
    if (auto p = ParseMailSecurity(*v))
      s->security = *p;
    else
      b.AddError("security", "must be one of: tls, starttls, plain");
  }
  if (auto v = b.String("username", req, 320)) s->username = *v;
  if (auto v = b.String("auth", JsonBody::kOptional, 16)) {
    if (auto p = ParseMailAuth(*v))
      s->auth = *p;
    else
      b.AddError("auth", "must be one of: password, xoauth2");
  }
  if (auto v = b.String("secret", req, 8192)) {
    if (v->empty()) b.AddError("secret", "give the password or token");
    *secret = *v;
  }
  if (auto v = b.String("folder", JsonBody::kOptional, 200)) s->folder = *v;
  if (auto v = b.Int("poll_seconds", JsonBody::kOptional)) s->poll_seconds = small(*v);
  if (auto v = b.String("after_import", JsonBody::kOptional, 16)) {
    if (auto p = ParseAfterImport(*v))
      s->after_import = *p;
    else
      b.AddError("after_import", "must be one of: mark_seen, move");
  }
  if (auto v = b.String("move_to", JsonBody::kOptional, 200)) s->move_to = *v;
  if (auto v = b.String("smtp_host", JsonBody::kOptional, 253)) s->smtp_host = *v;
  if (auto v = b.Int("smtp_port", JsonBody::kOptional)) s->smtp_port = small(*v);
  if (auto v = b.String("smtp_security", JsonBody::kOptional, 16)) {
    if (auto p = ParseMailSecurity(*v))
      s->smtp_security = *p;
    else
      b.AddError("smtp_security", "must be one of: tls, starttls, plain");
  }
  if (auto v = b.String("from_name", JsonBody::kOptional, 200)) s->from_name = *v;
  if (auto v = b.String("closed_replies", JsonBody::kOptional, 32)) {
    if (auto p = ParseClosedReplies(*v))
      s->closed_replies = *p;
    else
      b.AddError("closed_replies", "must be one of: reopen, new_conversation");
  }
  if (auto v = b.Bool("enabled", JsonBody::kOptional)) s->enabled = *v;
}

// Valid settings for a queue that exists.
Status CheckSettings(ApiContext& ctx, const MailboxSettings& s) {
  LUISTER_RETURN_IF_ERROR(ValidateMailboxSettings(s));
  LUISTER_ASSIGN_OR_RETURN(auto queues, ctx.store.directory().ListQueues(std::nullopt));
  for (const Queue& q : queues)
    if (q.id == s.queue_id) return Status::Ok();
  return InvalidArgument("the mailbox is not valid", {{"queue_id", "no such queue"}});
}

// The stored secret may only go where it went before: pointing a mailbox at
// another server (or user) needs the secret again, or an admin could send
// it to a server of their own and read it there.
bool SecretMayFollow(const MailboxSettings& before, const MailboxSettings& after) {
  return before.host == after.host && before.port == after.port &&
         before.security == after.security && before.username == after.username &&
         before.auth == after.auth && before.smtp_host == after.smtp_host &&
         before.smtp_port == after.smtp_port && before.smtp_security == after.smtp_security;
}

// A new or changed mailbox is polled at once (its job made and the runner
// woken). Best effort: the change is saved, and every node makes missing
// poll jobs when it starts, so a failure here only delays the first round.
void StartPolling(MailChannel& mail) {
  auto poller = mail.Poller();
  if (!poller.ok()) return;
  auto enqueued = (*poller)->EnsurePollJobs();
  if (!enqueued.ok())
    std::fprintf(stderr, "luister: mailbox poll job not made yet: %s\n",
                 enqueued.status().ToString().c_str());
  else if (*enqueued && mail.ctx.wake_jobs)
    mail.ctx.wake_jobs();
}

void MailboxRoutes(ApiRoutes& r, ApiContext& ctx, const std::shared_ptr<MailChannel>& mail) {
  r.Add("GET", "/api/v1/mailboxes",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [mail](Request&, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                  LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
                  json items = json::array();
                  for (const Mailbox& m : all) items.push_back(MailboxJson(m));
                  return JsonResponse(200, {{"items", std::move(items)}});
                }));

  r.Add(
      "POST", "/api/v1/mailboxes",
      Secured(Permission::kManageChannels, kNoPersonalData,
              [mail, &ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                MailboxSettings s;
                std::optional<std::string> secret;
                ReadSettings(b, true, &s, &secret);
                RejectUnknownSettings(b, false);
                LUISTER_RETURN_IF_ERROR(b.Finish("the mailbox is not valid"));
                LUISTER_RETURN_IF_ERROR(CheckSettings(ctx, s));
                if (!ctx.secrets) return Unavailable("this server has no secret key");
                LUISTER_ASSIGN_OR_RETURN(std::string sealed, ctx.secrets->Seal(*secret));
                LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                LUISTER_ASSIGN_OR_RETURN(Mailbox m, boxes->Create(s, sealed, ctx.clock.Now()));
                StartPolling(*mail);
                LUISTER_ASSIGN_OR_RETURN(m, boxes->Get(m.id));
                Response resp = JsonResponse(201, MailboxJson(m));
                resp.SetHeader("Location", "/api/v1/mailboxes/" + std::to_string(m.id));
                return resp;
              }));

  r.Add("GET", "/api/v1/mailboxes/{id}",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [mail](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                  LUISTER_ASSIGN_OR_RETURN(Mailbox m, boxes->Get(id));
                  return JsonResponse(200, MailboxJson(m));
                }));

  r.Add(
      "PATCH", "/api/v1/mailboxes/{id}",
      Secured(Permission::kManageChannels, kNoPersonalData,
              [mail, &ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                LUISTER_ASSIGN_OR_RETURN(Mailbox m, boxes->Get(id));
                LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                MailboxSettings s = m.settings;
                std::optional<std::string> secret;
                ReadSettings(b, false, &s, &secret);
                RejectUnknownSettings(b, false);
                LUISTER_RETURN_IF_ERROR(b.Finish("the mailbox is not valid"));
                LUISTER_RETURN_IF_ERROR(CheckSettings(ctx, s));
                if (!secret && !SecretMayFollow(m.settings, s))
                  return InvalidArgument(
                      "the mailbox is not valid",
                      {{"secret", "give the password again: the server or user changed"}});
                std::optional<std::string> sealed;
                if (secret) {
                  if (!ctx.secrets) return Unavailable("this server has no secret key");
                  LUISTER_ASSIGN_OR_RETURN(sealed, ctx.secrets->Seal(*secret));
                }
                LUISTER_ASSIGN_OR_RETURN(m, boxes->Update(id, s, sealed, ctx.clock.Now()));
                StartPolling(*mail);
                return JsonResponse(200, MailboxJson(m));
              }));

  r.Add("DELETE", "/api/v1/mailboxes/{id}",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [mail](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                  LUISTER_RETURN_IF_ERROR(boxes->Delete(id));
                  return NoContent();
                }));

  // "Fetch now": the mailbox's next round is due at once.
  r.Add("POST", "/api/v1/mailboxes/{id}/poll",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [mail](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(MailboxPoller * poller, mail->Poller());
                  LUISTER_ASSIGN_OR_RETURN(bool soon, poller->PollSoon(id));
                  if (soon && mail->ctx.wake_jobs) mail->ctx.wake_jobs();
                  return JsonResponse(202, {{"scheduled", soon}});
                }));

  // "Test connection": logs in with the settings given (the stored
  // password when none is given for a saved mailbox) and looks at the
  // folder. 200 either way; `ok` says whether it worked.
  r.Add("POST", "/api/v1/mailboxes/test",
        Secured(
            Permission::kManageChannels, kNoPersonalData,
            [mail, &ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
              LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
              auto mailbox_id = b.Int("mailbox_id", JsonBody::kOptional);
              MailboxSettings s;
              std::string sealed;
              if (mailbox_id) {
                LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                auto m = boxes->Get(*mailbox_id);
                if (!m.ok())
                  return InvalidArgument("the test is not valid",
                                         {{"mailbox_id", "no such mailbox"}});
                s = m->settings;
                sealed = m->sealed_secret;
              }
              std::optional<std::string> secret;
              ReadSettings(b, !mailbox_id, &s, &secret);
              RejectUnknownSettings(b, true);
              LUISTER_RETURN_IF_ERROR(b.Finish("the test is not valid"));
              LUISTER_RETURN_IF_ERROR(CheckSettings(ctx, s));
              if (mailbox_id && !secret) {
                LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
                LUISTER_ASSIGN_OR_RETURN(Mailbox saved, boxes->Get(*mailbox_id));
                if (!SecretMayFollow(saved.settings, s))
                  return InvalidArgument(
                      "the test is not valid",
                      {{"secret", "give the password again: the server or user changed"}});
              }
              LUISTER_ASSIGN_OR_RETURN(MailboxPoller * poller, mail->Poller());
              std::string plain;
              if (secret) {
                plain = *secret;
              } else {
                auto opened = ctx.secrets->Open(sealed);
                if (!opened.ok())
                  return JsonResponse(200, {{"ok", false}, {"message", opened.status().message()}});
                plain = *opened;
              }
              // Both servers, each on its own: a wrong SMTP port must not
              // hide that IMAP works, nor the other way round.
              auto check = [](const Result<std::string>& r) {
                return json{{"ok", r.ok()}, {"message", r.ok() ? *r : r.status().message()}};
              };
              json imap = check(poller->TestConnection(s, plain));
              json smtp = s.smtp_host.empty() ? json(nullptr)
                                              : check(mail->outbox->TestConnection(s, plain));
              bool ok = imap["ok"].get<bool>() && (smtp.is_null() || smtp["ok"].get<bool>());
              std::string message = "IMAP: " + imap["message"].get<std::string>();
              if (!smtp.is_null()) message += "; SMTP: " + smtp["message"].get<std::string>();
              return JsonResponse(200, {{"ok", ok},
                                        {"message", std::move(message)},
                                        {"imap", std::move(imap)},
                                        {"smtp", std::move(smtp)}});
            }));
}

void QuarantineRoutes(ApiRoutes& r, ApiContext& ctx, const std::shared_ptr<MailChannel>& mail) {
  // Held mail is unread mail: its reasons can name senders. Audited.
  r.Add(
      "GET", "/api/v1/mail/quarantine",
      Secured(
          Permission::kManageChannels, Reads("quarantined_mail"),
          [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(QuarantineRepository * held,
                                     ctx.store.Find<QuarantineRepository>());
            std::optional<QuarantineState> state = QuarantineState::kHeld;
            QueryReader q{req};
            if (auto s = req.Query("state")) {
              if (*s == "all")
                state.reset();
              else if (!(state = ParseQuarantineState(*s)))
                q.errors.push_back({"state", "must be one of: held, reprocessed, discarded, all"});
            }
            PageRequest page = q.Page();
            LUISTER_RETURN_IF_ERROR(q.Finish());
            LUISTER_ASSIGN_OR_RETURN(auto list, held->List(state, page));
            json items = json::array();
            for (const auto& m : list.items) {
              items.push_back(QuarantineJson(m));
              audit.Touched(m.id, std::nullopt);
            }
            return JsonResponse(200,
                                {{"items", std::move(items)},
                                 {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
          }));

  r.Add("POST", "/api/v1/mail/quarantine/{id}/discard",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(QuarantineRepository * held,
                                           ctx.store.Find<QuarantineRepository>());
                  LUISTER_ASSIGN_OR_RETURN(auto m, held->Resolve(id, QuarantineState::kDiscarded,
                                                                 who.user.id, ctx.clock.Now()));
                  return JsonResponse(200, QuarantineJson(m));
                }));

  // Reads the kept bytes again (after a parser fix, or once the sender is
  // known): the result of intake, and the entry resolved.
  r.Add(
      "POST", "/api/v1/mail/quarantine/{id}/reprocess",
      Secured(
          Permission::kManageChannels, kNoPersonalData,
          [&ctx, mail](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            if (!ctx.mail_reader) return Unavailable("this server has no mail reader");
            LUISTER_ASSIGN_OR_RETURN(QuarantineRepository * held,
                                     ctx.store.Find<QuarantineRepository>());
            LUISTER_ASSIGN_OR_RETURN(QuarantinedMail entry, held->Get(id));
            if (entry.state != QuarantineState::kHeld)
              return Conflict("quarantined mail " + std::to_string(id) + " was already " +
                              std::string(ToString(entry.state)));
            if (!entry.queue_id)
              return Conflict("quarantined mail " + std::to_string(id) +
                              " came with no queue; reprocess it with `luister mail reprocess "
                              "--queue`");
            LUISTER_ASSIGN_OR_RETURN(auto queues, ctx.store.directory().ListQueues(std::nullopt));
            MailDestination to;
            for (const Queue& q : queues)
              if (q.id == *entry.queue_id) {
                to.department_id = q.department_id;
                to.queue_id = q.id;
              }
            if (!to.queue_id) return Conflict("the queue of this mail no longer exists");
            LUISTER_ASSIGN_OR_RETURN(MailboxRepository * boxes, mail->Boxes());
            LUISTER_ASSIGN_OR_RETURN(auto all, boxes->List());
            for (const Mailbox& m : all) to.own_addresses.push_back(AsciiLower(m.settings.address));
            LUISTER_ASSIGN_OR_RETURN(
                IntakeResult result,
                mail->intake.Reprocess(*ctx.mail_reader, entry, to, who.user.id));
            LUISTER_ASSIGN_OR_RETURN(QuarantinedMail m, held->Get(id));
            json out = QuarantineJson(m);
            out["outcome"] = IntakeOutcomeName(result.outcome);
            out["conversation_id"] =
                result.conversation_id ? json(*result.conversation_id) : json(nullptr);
            return JsonResponse(200, out);
          }));
}

json OutboxJson(const OutboxItem& o) {
  return {
      {"message_id", o.message_id},
      {"conversation_id", o.conversation_id},
      {"delivery", ToString(o.delivery)},
      {"rfc_message_id", o.rfc_message_id.empty() ? json(nullptr) : json(o.rfc_message_id)},
      {"mailbox_id", o.mailbox_id ? json(*o.mailbox_id) : json(nullptr)},
      {"attempts", o.attempts},
      {"next_attempt_at", TimeOrNull(o.next_attempt_at)},
      {"last_error", o.last_error ? json(*o.last_error) : json(nullptr)},
      {"sent_at", TimeOrNull(o.sent_at)},
      {"to_address", o.to_address ? json(*o.to_address) : json(nullptr)},
      {"replaces_message_id", o.replaces_message_id ? json(*o.replaces_message_id) : json(nullptr)},
      {"created_at", FormatIso8601(o.created_at)}};
}

void OutboxRoutes(ApiRoutes& r, ApiContext& ctx) {
  // What the desk sends and how far it got; ?state=failed is the "failed to
  // send" view. Errors can name the customer's address: audited.
  r.Add(
      "GET", "/api/v1/mail/outbox",
      Secured(Permission::kManageChannels, Reads("conversation"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox,
                                         ctx.store.Find<OutboxRepository>());
                QueryReader q{req};
                std::optional<Delivery> state;
                if (auto s = req.Query("state")) {
                  state = ParseDelivery(*s);
                  if (!state)
                    q.errors.push_back({"state",
                                        "must be one of: queued, sending, sent, failed, "
                                        "uncertain, cancelled"});
                }
                PageRequest page = q.Page();
                LUISTER_RETURN_IF_ERROR(q.Finish());
                LUISTER_ASSIGN_OR_RETURN(auto list, outbox->List(state, page));
                json items = json::array();
                for (const OutboxItem& o : list.items) {
                  items.push_back(OutboxJson(o));
                  audit.Touched(o.conversation_id, o.customer_id);
                }
                return JsonResponse(
                    200, {{"items", std::move(items)},
                          {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
              }));

  // "Retry now" for a failed or uncertain reply (an uncertain one only once
  // someone checked it did not arrive).
  r.Add(
      "POST", "/api/v1/mail/outbox/{id}/retry",
      Secured(
          Permission::kWriteConversations, Changes("retry_send", "message"),
          [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, ctx.store.Find<OutboxRepository>());
            LUISTER_ASSIGN_OR_RETURN(OutboxItem before, outbox->Get(id));
            LUISTER_RETURN_IF_ERROR(outbox->Retry(id, ctx.clock.Now()));
            audit.Touched(id, before.customer_id);
            LUISTER_RETURN_IF_ERROR(ctx.conversations.DeliveryChanged(before.conversation_id, id));
            if (ctx.wake_jobs) ctx.wake_jobs();
            LUISTER_ASSIGN_OR_RETURN(OutboxItem after, outbox->Get(id));
            return JsonResponse(200, OutboxJson(after));
          }));

  // "Edit and resend": a new reply (as POST /conversations/{id}/messages
  // takes it, and optionally `to`, another of the customer's addresses)
  // replaces the failed or uncertain one, which is cancelled.
  r.Add(
      "POST", "/api/v1/mail/outbox/{id}/resend",
      Secured(
          Permission::kWriteConversations, Changes("resend", "message"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            MessageInput m = ReadMessageFields(b, true);
            std::optional<std::string> to = b.String("to", JsonBody::kOptional, 320);
            b.RejectUnknown({"body_text", "body_html", "attachments", "status", "to"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the reply is not valid"));
            LUISTER_RETURN_IF_ERROR(ctx.conversations.ResolveUploads(&m, ctx.max_upload_bytes));
            LUISTER_ASSIGN_OR_RETURN(Message msg, ResendReply(ctx.store, ctx.conversations, id,
                                                              std::move(m), to, who.user.id));
            audit.Touched(id, msg.customer_id);
            audit.Touched(msg.id, msg.customer_id);
            if (ctx.wake_jobs) ctx.wake_jobs();
            return JsonResponse(201, ToJson(msg));
          }));

  // A failed or uncertain reply nobody will send (the agent phoned
  // instead): cancelled. {"arrived": true} for an uncertain one the
  // customer confirmed: sent after all.
  r.Add(
      "POST", "/api/v1/mail/outbox/{id}/dismiss",
      Secured(
          Permission::kWriteConversations, Changes("dismiss_send", "message"),
          [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            bool arrived = false;
            if (!req.body.empty()) {
              LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
              arrived = b.Bool("arrived", JsonBody::kOptional).value_or(false);
              b.RejectUnknown({"arrived"});
              LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
            }
            LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, ctx.store.Find<OutboxRepository>());
            LUISTER_ASSIGN_OR_RETURN(OutboxItem before, outbox->Get(id));
            LUISTER_RETURN_IF_ERROR(outbox->Dismiss(id, arrived, ctx.clock.Now()));
            audit.Touched(id, before.customer_id);
            LUISTER_RETURN_IF_ERROR(ctx.conversations.DeliveryChanged(before.conversation_id, id));
            LUISTER_ASSIGN_OR_RETURN(OutboxItem after, outbox->Get(id));
            return JsonResponse(200, OutboxJson(after));
          }));
}

// Per mailbox, read from the database at scrape time: the same numbers on
// every node, whichever node polls.
std::string MailMetrics(ApiContext& ctx) {
  auto boxes = ctx.store.Find<MailboxRepository>();
  if (!boxes.ok()) return "";
  auto all = (*boxes)->List();
  if (!all.ok()) return "";
  std::string out =
      "# HELP luister_mailbox_messages_total Messages fetched from a mailbox, by what became of "
      "them.\n# TYPE luister_mailbox_messages_total counter\n";
  auto line = [&out](const std::string& name, const std::string& labels, int64_t v) {
    out += name + "{" + labels + "} " + std::to_string(v) + "\n";
  };
  for (const Mailbox& m : *all) {
    std::string id = "mailbox=\"" + std::to_string(m.id) + "\"";
    line("luister_mailbox_messages_total", id + ",outcome=\"imported\"", m.counts.imported);
    line("luister_mailbox_messages_total", id + ",outcome=\"duplicate\"", m.counts.duplicates);
    line("luister_mailbox_messages_total", id + ",outcome=\"ignored\"", m.counts.ignored);
    line("luister_mailbox_messages_total", id + ",outcome=\"quarantined\"", m.counts.quarantined);
  }
  out +=
      "# HELP luister_mailbox_up Whether the mailbox's last poll worked (1), failed (0) or has "
      "not run (-1).\n# TYPE luister_mailbox_up gauge\n";
  for (const Mailbox& m : *all)
    line("luister_mailbox_up", "mailbox=\"" + std::to_string(m.id) + "\"",
         m.health == MailboxHealth::kOk        ? 1
         : m.health == MailboxHealth::kFailing ? 0
                                               : -1);
  out +=
      "# HELP luister_mailbox_failures Polls of the mailbox that failed in a row.\n"
      "# TYPE luister_mailbox_failures gauge\n";
  for (const Mailbox& m : *all)
    line("luister_mailbox_failures", "mailbox=\"" + std::to_string(m.id) + "\"", m.failures);
  out +=
      "# HELP luister_mailbox_last_success_seconds When the mailbox was last polled "
      "successfully (Unix time; 0: never).\n# TYPE luister_mailbox_last_success_seconds gauge\n";
  for (const Mailbox& m : *all)
    line("luister_mailbox_last_success_seconds", "mailbox=\"" + std::to_string(m.id) + "\"",
         m.last_success_at ? ToMillis(*m.last_success_at) / 1000 : 0);
  if (auto held = ctx.store.Find<QuarantineRepository>(); held.ok()) {
    if (auto n = (*held)->Count(QuarantineState::kHeld); n.ok()) {
      out +=
          "# HELP luister_mail_quarantine_held Mail waiting in the quarantine for an admin.\n"
          "# TYPE luister_mail_quarantine_held gauge\n";
      out += "luister_mail_quarantine_held " + std::to_string(*n) + "\n";
    }
  }
  if (auto outbox = ctx.store.Find<OutboxRepository>(); outbox.ok()) {
    if (auto counts = (*outbox)->CountUnsent(); counts.ok()) {
      out +=
          "# HELP luister_mail_replies_unsent Agents' replies not (certainly) sent, by delivery "
          "state: failed and uncertain ones wait for a person.\n"
          "# TYPE luister_mail_replies_unsent gauge\n";
      for (const auto& [state, n] : *counts)
        line("luister_mail_replies_unsent", "delivery=\"" + std::string(ToString(state)) + "\"", n);
    }
  }
  return out;
}

void Routes(ApiRoutes& r, ApiContext& ctx, const std::shared_ptr<MailChannel>& mail) {
  MailboxRoutes(r, ctx, mail);
  QuarantineRoutes(r, ctx, mail);
  OutboxRoutes(r, ctx);
  ctx.metrics.AddCollector([&ctx] { return MailMetrics(ctx); });
}

Status Jobs(JobRunner& runner, const std::shared_ptr<MailChannel>& mail) {
  if (!mail->poller) return Status::Ok();  // no e-mail channel on this node
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kMailPollJob, [mail](const Job& job) { return mail->poller->RunJob(job); }));
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kMailOutboxJob, [mail](const Job& job) { return mail->outbox->RunJob(job); }));
  LUISTER_RETURN_IF_ERROR(mail->outbox->EnsureJob().status());
  // Mailboxes whose job ended (a crash loop given up, a database restored
  // from before it) get one again.
  return mail->poller->EnsurePollJobs().status();
}

}  // namespace

// E-mail (C2). Mail arrives through IMAP mailboxes polled by a recurring job
// per mailbox (domain/mailbox_poller.h), `luister mailgate` and `luister
// import mail` (app/mail_command.cc); what cannot be taken waits in the
// quarantine. Admins configure mailboxes and work the quarantine here.
ApiModule MailModule() {
  auto slot = std::make_shared<ChannelSlot>();
  return {"mail",
          {"mail_quarantine", "mailboxes", "mailbox_seen", "mail_outbox", "mail_outbox_job"},
          {},
          [slot](ApiRoutes& r, ApiContext& ctx) { Routes(r, ctx, slot->Of(ctx)); },
          [slot](JobRunner& runner, ApiContext& ctx) { return Jobs(runner, slot->Of(ctx)); }};
}

}  // namespace luister::http
