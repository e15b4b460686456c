// The self-service assistant (C7): domain/assistant.h, docs/assistant.md.
// Public routes under a chat widget's slug, for the widget and the help
// page (simple cross-origin requests: JSON sent as text/plain, no cookie,
// the widget's allowed origins); the measures for staff.
#include <algorithm>

#include "auth/tokens.h"
#include "domain/assistant.h"
#include "domain/chat.h"
#include "domain/rate_limit.h"
#include "domain/text_analysis.h"
#include "http/api/api_context.h"
#include "http/api/chat_hub.h"
#include "http/api/help_page.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

// Questions one address may ask per hour (a person asks a handful).
constexpr int kQuestionsPerHour = 120;

struct PublicWidget {
  ChatWidget widget;
  std::string origin;
};

Result<PublicWidget> WidgetOf(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto widget, repo->FindWidget(std::string(req.Param("slug"))));
  if (!widget || !widget->active) return NotFound("no help is offered here");
  std::string origin(req.Header("origin"));
  if (!origin.empty() && !OriginAllowed(*widget, origin, req.Header("host")))
    return Forbidden("this help may not be embedded on " + origin);
  return PublicWidget{std::move(*widget), std::move(origin)};
}

Response WithCors(const PublicWidget& w, Response r) {
  if (!w.origin.empty()) {
    r.SetHeader("Access-Control-Allow-Origin", w.origin);
    r.SetHeader("Vary", "Origin");
  }
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

Result<AssistantService> Service(ApiContext& ctx, AssistantRepository** repo) {
  LUISTER_ASSIGN_OR_RETURN(*repo, ctx.store.Find<AssistantRepository>());
  return AssistantService(ctx.store, **repo, ctx.clock, ctx.events);
}

Result<std::shared_ptr<const AnswerLibrary::Snapshot>> Library(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * answers, ctx.store.Find<AnswerRepository>());
  return ctx.answer_library->Current(*answers);
}

// The session a token names, on this widget; NotFound otherwise.
Result<AssistantSession> SessionOf(AssistantRepository& repo, const PublicWidget& w,
                                   const std::string& token) {
  if (token.empty()) return NotFound("no such assistant session");
  LUISTER_ASSIGN_OR_RETURN(AssistantSession s, repo.SessionByToken(auth::Sha256Hex(token)));
  if (s.widget_id != w.widget.id) return NotFound("no such assistant session");
  return s;
}

Language LangOf(const std::optional<std::string>& lang) {
  return lang == "en" ? Language::kEn : Language::kNl;
}

// Whether a person can take over now, and the words that say so.
Result<json> Handover(ApiContext& ctx, const PublicWidget& w, HandoverReason reason, Language lang,
                      json* out) {
  ChatHub::Availability now;
  if (ctx.chat) {
    LUISTER_ASSIGN_OR_RETURN(now, ctx.chat->AvailabilityOf(w.widget));
  }
  (*out)["available"] = now.available();
  (*out)["open"] = now.open;
  (*out)["opens_at"] = now.opens_at ? json(FormatIso8601(*now.opens_at)) : json();
  return json{{"reason", ToString(reason)}, {"text", HandoverText(reason, now.available(), lang)}};
}

void Count(ApiContext& ctx, AssistantOutcome outcome) {
  ctx.metrics
      .Counter("luister_assistant_turns_total",
               "Questions the self-service assistant was asked, by outcome (answered, no_match, "
               "handover).",
               "outcome=\"" + std::string(ToString(outcome)) + "\"")
      .fetch_add(1, std::memory_order_relaxed);
}

Result<Response> Ask(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(PublicWidget w, WidgetOf(ctx, req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto text = b.String("text", JsonBody::kRequired, kMaxAssistantQuestion);
  auto lang = b.String("lang", JsonBody::kOptional, 2);
  auto token = b.String("session", JsonBody::kOptional, 200);
  if (lang && *lang != "nl" && *lang != "en") b.AddError("lang", "must be nl or en");
  b.RejectUnknown({"text", "lang", "session"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the question is not valid"));
  LUISTER_RETURN_IF_ERROR(CheckRate(ctx.store, ctx.clock.Now(), "assistant:ip:" + req.remote_ip,
                                    kQuestionsPerHour, std::chrono::hours(1), "questions",
                                    nullptr));
  AssistantRepository* repo = nullptr;
  LUISTER_ASSIGN_OR_RETURN(AssistantService service, Service(ctx, &repo));
  // The page's language, unless the question is plainly in the other one.
  Language want = LangOf(lang);
  if (const auto words = NormalisedWords(*text); words.size() >= 4) want = GuessLanguage(words);
  std::string session_token = token.value_or("");
  auto session = SessionOf(*repo, w, session_token);
  if (!session.ok()) {
    if (session.status().code() != StatusCode::kNotFound) return session.status();
    session_token = auth::RandomToken();
    session = service.Begin(w.widget.id, auth::Sha256Hex(session_token), LangOf(lang));
    LUISTER_RETURN_IF_ERROR(session.status());
  }
  LUISTER_ASSIGN_OR_RETURN(auto library, Library(ctx));
  LUISTER_ASSIGN_OR_RETURN(AssistantReply reply, service.Ask(*session, *text, want, *library));
  Count(ctx, reply.turn.outcome);
  json out = {{"session", session_token},
              {"turn_id", reply.turn.id},
              {"outcome", ToString(reply.turn.outcome)},
              {"answer", nullptr},
              {"handover", nullptr}};
  if (reply.turn.outcome == AssistantOutcome::kAnswered) {
    out["answer"] = {{"id", *reply.turn.answer_id}, {"number", reply.turn.answer_number},
                     {"topic", reply.turn.topic},   {"title", reply.title},
                     {"text", reply.text},          {"lang", ToString(reply.shown_language)}};
  }
  if (reply.turn.handover) {
    LUISTER_ASSIGN_OR_RETURN(out["handover"], Handover(ctx, w, *reply.turn.handover, want, &out));
  }
  return WithCors(w, JsonResponse(200, out));
}

Result<Response> Feedback(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(PublicWidget w, WidgetOf(ctx, req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto token = b.String("session", JsonBody::kRequired, 200);
  auto turn = b.Int("turn_id", JsonBody::kRequired);
  auto helped = b.Bool("helped", JsonBody::kRequired);
  b.RejectUnknown({"session", "turn_id", "helped"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the feedback is not valid"));
  AssistantRepository* repo = nullptr;
  LUISTER_ASSIGN_OR_RETURN(AssistantService service, Service(ctx, &repo));
  LUISTER_ASSIGN_OR_RETURN(AssistantSession session, SessionOf(*repo, w, *token));
  LUISTER_ASSIGN_OR_RETURN(auto reason, service.Feedback(session, *turn, *helped));
  json out = {{"handover", nullptr}};
  if (reason) {
    LUISTER_ASSIGN_OR_RETURN(out["handover"], Handover(ctx, w, *reason, session.language, &out));
  }
  return WithCors(w, JsonResponse(200, out));
}

Result<Response> Person(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(PublicWidget w, WidgetOf(ctx, req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto token = b.String("session", JsonBody::kRequired, 200);
  b.RejectUnknown({"session"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
  AssistantRepository* repo = nullptr;
  LUISTER_ASSIGN_OR_RETURN(AssistantService service, Service(ctx, &repo));
  LUISTER_ASSIGN_OR_RETURN(AssistantSession session, SessionOf(*repo, w, *token));
  LUISTER_RETURN_IF_ERROR(service.WantPerson(session));
  json out;
  LUISTER_ASSIGN_OR_RETURN(out["handover"],
                           Handover(ctx, w, HandoverReason::kButton, session.language, &out));
  return WithCors(w, JsonResponse(200, out));
}

// The public help page's library: every published answer as a customer
// reads it, by topic.
Result<Response> HelpAnswers(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(PublicWidget w, WidgetOf(ctx, req));
  QueryReader q{req};
  Language lang = Language::kNl;
  if (auto l = req.Query("lang")) {
    if (*l == "en")
      lang = Language::kEn;
    else if (*l != "nl")
      q.errors.push_back({"lang", "must be nl or en"});
  }
  LUISTER_RETURN_IF_ERROR(q.Finish());
  LUISTER_ASSIGN_OR_RETURN(auto library, Library(ctx));
  std::vector<const LibraryAnswer*> sorted;
  for (const LibraryAnswer& a : library->answers) sorted.push_back(&a);
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const LibraryAnswer* x, const LibraryAnswer* y) { return x->topic < y->topic; });
  json items = json::array();
  for (const LibraryAnswer* a : sorted) {
    Language used = lang;
    const AnswerText& t = AnswerTextIn(*a, lang, &used);
    items.push_back({{"id", a->answer_id},
                     {"number", a->number},
                     {"topic", a->topic},
                     {"title", t.title},
                     {"text", CustomerFacingText(t.body, {})},
                     {"lang", ToString(used)}});
  }
  return WithCors(w, JsonResponse(200, {{"name", w.widget.name}, {"items", std::move(items)}}));
}

json StatsJson(const AssistantStats& s, const AnswerLibrary::Snapshot& library, Timestamp from,
               Timestamp to) {
  auto rate = [](int64_t n, int64_t of) {
    return of > 0 ? json(static_cast<double>(n) / static_cast<double>(of)) : json();
  };
  json reasons = json::object();
  for (HandoverReason r :
       {HandoverReason::kAsked, HandoverReason::kButton, HandoverReason::kNotHelped,
        HandoverReason::kNoMatch, HandoverReason::kAngry})
    reasons[std::string(ToString(r))] = 0;
  for (const auto& [r, n] : s.handover_reasons) reasons[std::string(ToString(r))] = n;
  json answers = json::array();
  for (const AssistantAnswerStats& a : s.answers) {
    std::string title;
    if (const LibraryAnswer* live = library.Find(a.answer_id))
      title = AnswerTextIn(*live, Language::kNl).title;
    answers.push_back({{"answer_id", a.answer_id},
                       {"topic", a.topic},
                       {"title", title},
                       {"shown", a.shown},
                       {"helped", a.helped},
                       {"not_helped", a.not_helped}});
  }
  return {{"from", FormatIso8601(from)},
          {"to", FormatIso8601(to)},
          {"sessions", s.sessions},
          {"questions", s.turns},
          {"answered", s.answered},
          {"no_match", s.no_match},
          {"no_answer_rate", rate(s.no_match, s.turns)},
          {"handed_over", s.handed_over},
          {"handover_rate", rate(s.handed_over, s.sessions)},
          {"handover_reasons", std::move(reasons)},
          {"settled", s.settled},
          {"resolved", s.resolved},
          {"resolved_rate", rate(s.resolved, s.settled)},
          {"answers", std::move(answers)}};
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("POST", "/api/v1/widget/{slug}/assistant",
        Public([&ctx](Request& req) { return Ask(ctx, req); }));
  r.Add("POST", "/api/v1/widget/{slug}/assistant/feedback",
        Public([&ctx](Request& req) { return Feedback(ctx, req); }));
  r.Add("POST", "/api/v1/widget/{slug}/assistant/person",
        Public([&ctx](Request& req) { return Person(ctx, req); }));
  r.Add("GET", "/api/v1/widget/{slug}/answers",
        Public([&ctx](Request& req) { return HelpAnswers(ctx, req); }));
  HelpPageRoutes(r, ctx);
  r.Add("GET", "/api/v1/assistant/stats",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  QueryReader q{req};
                  const int64_t days = q.Int("days").value_or(30);
                  if (days < 1 || days > 366) q.errors.push_back({"days", "1 to 366"});
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(AssistantRepository * repo,
                                           ctx.store.Find<AssistantRepository>());
                  const Timestamp to = ctx.clock.Now();
                  const Timestamp from = to - std::chrono::hours(24 * days);
                  // Up to and including this millisecond (times are kept in
                  // whole milliseconds): a hand-over a moment ago counts.
                  const Timestamp end = to + std::chrono::milliseconds(1);
                  LUISTER_ASSIGN_OR_RETURN(AssistantStats stats,
                                           repo->Stats(from, end, to - kRepeatContactWindow));
                  LUISTER_ASSIGN_OR_RETURN(auto library, Library(ctx));
                  return JsonResponse(200, StatsJson(stats, *library, from, to));
                }));
}

}  // namespace

// The self-service assistant (C7): domain/assistant.h, docs/assistant.md.
ApiModule AssistantModule() {
  return {"assistant", {"assistant_sessions", "assistant_turns"}, {}, Routes, {}};
}

}  // namespace luister::http
