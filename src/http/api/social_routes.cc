#include <cstdio>

#include "auth/tokens.h"
#include "domain/mailbox.h"
#include "domain/social.h"
#include "domain/social_outbox.h"
#include "domain/validation.h"
#include "http/api/api_context.h"
#include "http/api/channel_payloads.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

json SourceJson(const SocialSource& s) {
  return {{"id", s.id},
          {"slug", s.slug},
          {"name", s.name},
          {"reply_url", s.reply_url},
          {"queue_id", s.queue_id},
          {"active", s.active},
          {"webhook_path", "/api/v1/channels/social/" + s.slug},
          {"created_at", FormatIso8601(s.created_at)}};
}

Result<SocialService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(SocialRepository * repo, ctx.store.Find<SocialRepository>());
  return SocialService(ctx.store, *repo, ctx.clock, ctx.events);
}

void Count(ApiContext& ctx, std::string_view outcome) {
  ctx.metrics
      .Counter("luister_social_webhooks_total",
               "Webhook deliveries from social sources, by what became of them (stored, "
               "duplicate, bad_signature, stale, unknown_source, invalid).",
               "outcome=\"" + std::string(outcome) + "\"")
      .fetch_add(1, std::memory_order_relaxed);
}

// A refused delivery: counted, logged with the source and why (never the
// body), answered with the status.
Status Refuse(ApiContext& ctx, std::string_view source, std::string_view outcome, Status why) {
  Count(ctx, outcome);
  std::fprintf(stderr, "luister: social webhook %.*s refused (%.*s): %s\n",
               static_cast<int>(source.size()), source.data(), static_cast<int>(outcome.size()),
               outcome.data(), why.message().c_str());
  return why;
}

Result<Response> Receive(ApiContext& ctx, Request& req) {
  const std::string slug(req.Param("source"));
  LUISTER_ASSIGN_OR_RETURN(SocialRepository * repo, ctx.store.Find<SocialRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto source, repo->FindBySlug(slug));
  if (!source || !source->active)
    return Refuse(ctx, slug, "unknown_source", NotFound("no social source is open at " + slug));
  if (!ctx.secrets) return Unavailable("this server cannot open the sources' secrets");
  // The signature: HMAC-SHA256 over "<timestamp>.<raw body>", so neither
  // can be changed or reused alone; the timestamp must be within 5 minutes.
  const std::string timestamp(req.Header("x-luister-timestamp"));
  const std::string signature(req.Header("x-luister-signature"));
  if (timestamp.empty() || !signature.starts_with("sha256="))
    return Refuse(ctx, slug, "bad_signature",
                  Unauthorized("X-Luister-Timestamp and X-Luister-Signature: sha256=<hex> are "
                               "required"));
  LUISTER_ASSIGN_OR_RETURN(std::string key, ctx.secrets->Open(source->sealed_secret));
  const std::string expected = auth::HmacSha256Hex(key, timestamp + "." + req.body);
  if (!auth::SecretsEqual(signature.substr(7), expected))
    return Refuse(ctx, slug, "bad_signature", Unauthorized("the signature does not match"));
  if (!FreshTimestamp(timestamp, ctx.clock.Now()))
    return Refuse(ctx, slug, "stale",
                  Unauthorized("the timestamp is not within 5 minutes of the server's clock"));
  auto post = ReadSocialEvent(req.body);
  if (!post.ok()) return Refuse(ctx, slug, "invalid", post.status());
  LUISTER_ASSIGN_OR_RETURN(SocialService service, Service(ctx));
  auto got = service.Receive(*source, std::move(*post));
  if (!got.ok()) {
    if (got.status().code() == StatusCode::kInvalidArgument)
      return Refuse(ctx, slug, "invalid", got.status());
    return got.status();
  }
  Count(ctx, got->duplicate ? "duplicate" : "stored");
  return JsonResponse(
      got->duplicate ? 200 : 201,
      {{"duplicate", got->duplicate},
       {"message_id", got->message_id ? json(got->message_id) : json()},
       {"conversation_id", got->conversation_id ? json(got->conversation_id) : json()}});
}

void CountReply(ApiContext& ctx, Delivery d) {
  ctx.metrics
      .Counter("luister_social_replies_total",
               "Answers sent to social sources' reply URLs, by how each attempt ended (sent, "
               "failed, cancelled: the source has no reply URL, queued: to be tried again).",
               "delivery=\"" + std::string(ToString(d)) + "\"")
      .fetch_add(1, std::memory_order_relaxed);
}

// The social outbox of one server, made for the first context that asks.
struct OutboxSlot {
  SocialOutbox* Of(ApiContext& ctx) {
    if (!outbox && ctx.webhooks && ctx.secrets) {
      auto repo = ctx.store.Find<SocialRepository>();
      if (!repo.ok()) return nullptr;
      outbox = std::make_unique<SocialOutbox>(
          ctx.store, **repo, ctx.clock, ctx.conversations, *ctx.webhooks, *ctx.secrets,
          WriteSocialReply, ReadPostId,
          OutboxOptions{.counted = [&ctx](Delivery d) { CountReply(ctx, d); },
                        .log =
                            [](std::string_view line) {
                              std::fprintf(stderr, "luister: social %.*s\n",
                                           static_cast<int>(line.size()), line.data());
                            }});
    }
    return outbox.get();
  }
  std::unique_ptr<SocialOutbox> outbox;
};

Status Jobs(JobRunner& runner, ApiContext& ctx, OutboxSlot& slot) {
  SocialOutbox* outbox = slot.Of(ctx);
  if (!outbox) return Status::Ok();  // this node sends no webhooks
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kSocialOutboxJob, [outbox](const Job& job) { return outbox->RunJob(job); }));
  return outbox->EnsureJob().status();
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  // Public: the signature is the credential.
  r.Add("POST", "/api/v1/channels/social/{source}",
        Public([&ctx](Request& req) { return Receive(ctx, req); }));

  r.Add(
      "GET", "/api/v1/social-sources",
      Secured(
          Permission::kManageChannels, kNoPersonalData,
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(SocialRepository * repo, ctx.store.Find<SocialRepository>());
            LUISTER_ASSIGN_OR_RETURN(auto list, repo->List());
            json items = json::array();
            for (const SocialSource& s : list) items.push_back(SourceJson(s));
            return JsonResponse(200, {{"items", std::move(items)}});
          }));

  // The signing secret is made here and shown once, in this answer (and
  // again only when rotated).
  r.Add("POST", "/api/v1/social-sources",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  SocialSource s;
                  s.slug = b.String("slug", JsonBody::kRequired, 60).value_or("");
                  s.name = b.String("name", JsonBody::kRequired, 200).value_or("");
                  s.queue_id = b.Int("queue_id", JsonBody::kRequired).value_or(0);
                  s.reply_url = b.String("reply_url", JsonBody::kOptional, 2000).value_or("");
                  b.RejectUnknown({"slug", "name", "queue_id", "reply_url"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the source is not valid"));
                  if (!ctx.secrets) return Unavailable("this server cannot seal secrets");
                  const std::string secret = auth::RandomToken(32);
                  LUISTER_ASSIGN_OR_RETURN(s.sealed_secret, ctx.secrets->Seal(secret));
                  LUISTER_ASSIGN_OR_RETURN(SocialService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(SocialSource made, service.Create(std::move(s)));
                  json out = SourceJson(made);
                  out["secret"] = secret;
                  Response resp = JsonResponse(201, out);
                  resp.SetHeader("Location", "/api/v1/social-sources/" + std::to_string(made.id));
                  return resp;
                }));

  r.Add("PATCH", "/api/v1/social-sources/{id}",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  SocialSourcePatch p;
                  p.name = b.String("name", JsonBody::kOptional, 200);
                  p.reply_url = b.String("reply_url", JsonBody::kOptional, 2000);
                  p.queue_id = b.Int("queue_id", JsonBody::kOptional);
                  p.active = b.Bool("active", JsonBody::kOptional);
                  const bool rotate = b.Bool("rotate_secret", JsonBody::kOptional).value_or(false);
                  b.RejectUnknown({"name", "reply_url", "queue_id", "active", "rotate_secret"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
                  std::string secret;
                  if (rotate) {
                    if (!ctx.secrets) return Unavailable("this server cannot seal secrets");
                    secret = auth::RandomToken(32);
                    LUISTER_ASSIGN_OR_RETURN(p.sealed_secret, ctx.secrets->Seal(secret));
                  }
                  LUISTER_ASSIGN_OR_RETURN(SocialService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(SocialSource s, service.Update(id, std::move(p)));
                  json out = SourceJson(s);
                  if (rotate) out["secret"] = secret;
                  return JsonResponse(200, out);
                }));
}

}  // namespace

// Social media and forums (C2): sources post signed webhooks; each post
// lands on its author's timeline, threaded by the post it answers; the
// agents' answers go back to the source's reply URL through the social
// outbox (domain/social_outbox.h).
ApiModule SocialModule() {
  auto slot = std::make_shared<OutboxSlot>();
  return {"social",
          {"social_sources", "social_events"},
          {},
          Routes,
          [slot](JobRunner& runner, ApiContext& ctx) { return Jobs(runner, ctx, *slot); }};
}

}  // namespace luister::http
