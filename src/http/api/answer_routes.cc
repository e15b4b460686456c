// The canonical answer library (C6, C7): domain/answer.h, docs/answers.md.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "domain/answer.h"
#include "domain/answer_consistency.h"
#include "domain/answer_library.h"
#include "domain/job_runner.h"
#include "domain/staff_mail.h"
#include "domain/text_analysis.h"
#include "domain/validation.h"
#include "http/api/answer_check_routes.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

Result<AnswerService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
  return AnswerService(ctx.store, *repo, ctx.clock);
}

json Time(const std::optional<Timestamp>& t) { return t ? json(FormatIso8601(*t)) : json(); }
json Id(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

json AnswerJson(const Answer& a, Timestamp now) {
  return {{"id", a.id},
          {"topic", a.topic},
          {"owner_user_id", Id(a.owner_user_id)},
          {"review_by", Time(a.review_by)},
          {"stale", !a.retired_at && a.review_by && *a.review_by < now},
          {"retired_at", Time(a.retired_at)},
          {"published_number", a.published_number ? json(*a.published_number) : json()},
          {"latest_number", a.latest_number},
          {"latest_state", ToString(a.latest_state)},
          {"created_by", Id(a.created_by)},
          {"created_at", FormatIso8601(a.created_at)},
          {"updated_at", FormatIso8601(a.updated_at)},
          {"version", a.version}};
}

json TextJson(const AnswerText& t) {
  if (t.empty()) return nullptr;
  return {{"title", t.title}, {"body", t.body}};
}

json VersionJson(const AnswerVersion& v) {
  return {{"number", v.number},
          {"state", ToString(v.state)},
          {"nl", TextJson(v.nl)},
          {"en", TextJson(v.en)},
          {"change_note", v.change_note},
          {"material", v.material},
          {"created_by", Id(v.created_by)},
          {"created_at", FormatIso8601(v.created_at)},
          {"updated_at", FormatIso8601(v.updated_at)},
          {"reviewed_by", Id(v.reviewed_by)},
          {"published_at", Time(v.published_at)}};
}

// "nl" / "en": {"title","body"}, or null (none in that language).
void ReadText(JsonBody& b, std::string_view lang, AnswerText* out) {
  if (!b.Has(lang) || b.IsNull(lang)) return;
  b.Object(lang, false, [&](JsonBody& t) {
    if (auto v = t.String("title", true, kMaxAnswerTitle)) out->title = *v;
    if (auto v = t.String("body", true, kMaxAnswerBody)) out->body = *v;
    t.RejectUnknown({"title", "body"});
  });
}

// The answer and its versions and questions, as the detail shows them.
Result<Response> Detail(ApiContext& ctx, const Answer& a, int status) {
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto versions, repo->Versions(a.id));
  LUISTER_ASSIGN_OR_RETURN(auto questions, repo->Questions(a.id));
  json out = AnswerJson(a, ctx.clock.Now());
  json vs = json::array();
  for (const AnswerVersion& v : versions) vs.push_back(VersionJson(v));
  json qs = json::array();
  for (const AnswerQuestion& q : questions)
    qs.push_back({{"id", q.id}, {"text", q.text}, {"created_at", FormatIso8601(q.created_at)}});
  out["versions"] = std::move(vs);
  out["questions"] = std::move(qs);
  return JsonResponse(status, out);
}

// A refused change: 409 with the answer as it is now.
Result<Response> Changed(ApiContext& ctx, int64_t id, Result<Answer> r) {
  if (r.ok()) return Detail(ctx, *r, 200);
  if (r.status().code() != StatusCode::kConflict) return r.status();
  Response out = ProblemFromStatus(r.status());
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
  if (auto now = repo->Get(id); now.ok()) {
    json body = json::parse(out.body, nullptr, false);
    if (body.is_object()) {
      body["current"] = AnswerJson(*now, ctx.clock.Now());
      out.body = body.dump();
    }
  }
  return out;
}

std::string AnswerMetrics(ApiContext& ctx);
Status KeepGap(ApiContext& ctx, AnswerRepository& repo, int64_t message_id);

// The newest gaps the owners' view groups (a bounded read, whatever the
// period asked for).
constexpr int kMaxGapsRead = 2000;

void Routes(ApiRoutes& r, ApiContext& ctx) {
  ctx.metrics.AddCollector([&ctx] { return AnswerMetrics(ctx); });
  AnswerCheckRoutes(r, ctx);
  r.Add("GET", "/api/v1/answers",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  QueryReader q{req};
                  AnswerFilter f;
                  f.now = ctx.clock.Now();
                  if (auto s = req.Query("state")) {
                    auto st = ParseAnswerListState(*s);
                    if (!st)
                      q.errors.push_back(
                          {"state", "must be all, published, draft, in_review, stale or retired"});
                    else
                      f.state = *st;
                  }
                  if (auto t = req.Query("topic")) f.topic = std::string(*t);
                  if (req.Query("owner") == "me")
                    f.owner_user_id = who.user.id;
                  else
                    f.owner_user_id = q.Int("owner_user_id");
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo,
                                           ctx.store.Find<AnswerRepository>());
                  LUISTER_ASSIGN_OR_RETURN(auto list, repo->List(f, page));
                  json items = json::array();
                  for (const Answer& a : list.items) items.push_back(AnswerJson(a, f.now));
                  return JsonResponse(
                      200, {{"items", std::move(items)},
                            {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
                }));
  r.Add("GET", "/api/v1/answers/{id}",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo,
                                           ctx.store.Find<AnswerRepository>());
                  LUISTER_ASSIGN_OR_RETURN(Answer a, repo->Get(id));
                  return Detail(ctx, a, 200);
                }));
  r.Add(
      "POST", "/api/v1/answers",
      Secured(Permission::kWriteConversations, kNoPersonalData,
              [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                NewAnswer in;
                if (auto v = b.String("topic", true, kMaxAnswerTopic)) in.topic = *v;
                in.owner_user_id = b.Int("owner_user_id", false);
                in.review_by = b.Time("review_by", false);
                ReadText(b, "nl", &in.nl);
                ReadText(b, "en", &in.en);
                if (auto v = b.String("change_note", false, kMaxAnswerNote)) in.change_note = *v;
                b.RejectUnknown({"topic", "owner_user_id", "review_by", "nl", "en", "change_note"});
                LUISTER_RETURN_IF_ERROR(b.Finish("the answer is not valid"));
                LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                LUISTER_ASSIGN_OR_RETURN(Answer a, service.Create(in, who.user.id));
                return Detail(ctx, a, 201);
              }));
  r.Add("PATCH", "/api/v1/answers/{id}",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto version = b.Int("version", true);
                  AnswerPatch p;
                  p.topic = b.String("topic", false, kMaxAnswerTopic);
                  if (b.IsNull("owner_user_id"))
                    p.clear_owner = true;
                  else
                    p.owner_user_id = b.Int("owner_user_id", false);
                  if (b.IsNull("review_by"))
                    p.clear_review_by = true;
                  else
                    p.review_by = b.Time("review_by", false);
                  b.RejectUnknown({"version", "topic", "owner_user_id", "review_by"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                  return Changed(ctx, id, service.Patch(id, *version, p, who.user.id));
                }));
  r.Add("PUT", "/api/v1/answers/{id}/draft",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto version = b.Int("version", true);
                  AnswerDraft d;
                  ReadText(b, "nl", &d.nl);
                  ReadText(b, "en", &d.en);
                  if (auto v = b.String("change_note", false, kMaxAnswerNote)) d.change_note = *v;
                  d.material = b.Bool("material", false).value_or(false);
                  b.RejectUnknown({"version", "nl", "en", "change_note", "material"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the draft is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                  return Changed(ctx, id, service.SaveDraft(id, *version, d, who.user.id));
                }));
  // The workflow: submit (writers); publish, send back, retire (reviewers).
  for (const char* act : {"submit", "publish", "send-back", "retire"}) {
    const std::string action = act;
    const Permission needs =
        action == "submit" ? Permission::kWriteConversations : Permission::kPublishAnswers;
    r.Add("POST", "/api/v1/answers/{id}/" + action,
          Secured(needs, kNoPersonalData,
                  [&ctx, action](Request& req, const auth::Principal& who,
                                 AuditScope&) -> Result<Response> {
                    LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                    auto version = b.Int("version", true);
                    std::optional<std::string> note;
                    if (action == "send-back") {
                      note = b.String("note", true, kMaxAnswerNote);
                      b.RejectUnknown({"version", "note"});
                    } else {
                      b.RejectUnknown({"version"});
                    }
                    LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
                    LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                    const int64_t me = who.user.id;
                    if (action == "submit")
                      return Changed(ctx, id, service.Submit(id, *version, me));
                    if (action == "publish")
                      return Changed(
                          ctx, id,
                          service.Publish(id, *version, me, who.user.role == Role::kAdmin));
                    if (action == "send-back")
                      return Changed(ctx, id, service.SendBack(id, *version, *note, me));
                    return Changed(ctx, id, service.Retire(id, *version, me));
                  }));
  }
  // A correction to everyone told an older version, in one action: a job
  // sends each conversation the live version through the customer's own
  // channel (else e-mail).
  r.Add("POST", "/api/v1/answers/{id}/corrections",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  if (!req.body.empty()) {
                    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                    b.RejectUnknown({});
                    LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
                  }
                  LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(auto started, service.StartCorrections(id, who.user.id));
                  if (ctx.wake_jobs) ctx.wake_jobs();
                  Response resp = JsonResponse(
                      202, {{"job_id", started.first}, {"conversations", started.second}});
                  resp.SetHeader("Location", "/api/v1/jobs/" + std::to_string(started.first));
                  return resp;
                }));
  // Who was told an older version: the replies (and so the customers and
  // conversations) that used a version before `before` (by default the
  // live one), for a correction. Personal data: audited per customer.
  r.Add("GET", "/api/v1/answers/{id}/told",
        Secured(
            Permission::kReadCustomers, Reads("customer"),
            [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
              LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
              QueryReader q{req};
              auto before = q.Int("before");
              PageRequest page = q.Page();
              LUISTER_RETURN_IF_ERROR(q.Finish());
              LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
              LUISTER_ASSIGN_OR_RETURN(Answer a, repo->Get(id));
              const int below = before ? static_cast<int>(*before) : a.published_number.value_or(0);
              LUISTER_ASSIGN_OR_RETURN(auto told, repo->Told(id, below, false, page));
              json items = json::array();
              for (const AnswerUseRecord& u : told.items) {
                audit.Touched(u.id, u.customer_id);
                items.push_back({{"message_id", u.id},
                                 {"conversation_id", u.conversation_id},
                                 {"customer_id", u.customer_id},
                                 {"channel", ToString(u.channel)},
                                 {"number", u.number},
                                 {"author_user_id", Id(u.author_user_id)},
                                 {"at", FormatIso8601(u.at)},
                                 {"corrected", u.corrected}});
              }
              return JsonResponse(
                  200, {{"before", below},
                        {"items", std::move(items)},
                        {"next_cursor", told.next ? json(told.next->Encode()) : json()}});
            }));
  r.Add(
      "POST", "/api/v1/answers/{id}/questions",
      Secured(
          Permission::kWriteConversations, kNoPersonalData,
          [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            auto text = b.String("text", true, 1000);
            b.RejectUnknown({"text"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the question is not valid"));
            LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
            LUISTER_ASSIGN_OR_RETURN(AnswerQuestion q, service.AddQuestion(id, *text, who.user.id));
            return JsonResponse(
                201, {{"id", q.id}, {"text", q.text}, {"created_at", FormatIso8601(q.created_at)}});
          }));
  r.Add("DELETE", "/api/v1/answers/{id}/questions/{question_id}",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(int64_t question, IdParam(req, "question_id"));
                  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo,
                                           ctx.store.Find<AnswerRepository>());
                  LUISTER_RETURN_IF_ERROR(repo->RemoveQuestion(id, question, ctx.clock.Now()));
                  return NoContent();
                }));
  // The published answers a text asks for, best first, in the language
  // asked (the other where it has none): what an agent inserts with one key.
  // The consistency check before a reply goes out: the reply against the
  // answer it names, or the one its question (or itself) asks for.
  r.Add("POST", "/api/v1/answers/check",
        Secured(
            Permission::kReadConversations, kNoPersonalData,
            [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
              LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
              auto text = b.String("text", true, 64 * 1024);
              auto question = b.String("question", false, 64 * 1024);
              auto answer_id = b.Int("answer_id", false);
              b.RejectUnknown({"text", "question", "answer_id"});
              LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
              LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
              LUISTER_ASSIGN_OR_RETURN(auto built, ctx.answer_library->Current(*repo));
              const LibraryAnswer* answer = nullptr;
              if (answer_id) {
                answer = built->Find(*answer_id);
                if (!answer) return NotFound("no published answer " + std::to_string(*answer_id));
              } else {
                const std::string& about = question && !Trim(*question).empty() ? *question : *text;
                const auto ranked = built->Rank(about, 1);
                if (!ranked.empty() && ranked.front().score >= kGoodAnswerMatch)
                  answer = ranked.front().answer;
              }
              json out = {{"answer", nullptr}, {"conflicts", json::array()}};
              if (!answer) return JsonResponse(200, out);
              Language used = GuessLanguage(NormalisedWords(*text));
              const AnswerText& t = AnswerTextIn(*answer, used, &used);
              out["answer"] = {{"answer_id", answer->answer_id},
                               {"number", answer->number},
                               {"topic", answer->topic},
                               {"lang", ToString(used)},
                               {"title", t.title}};
              for (const AnswerConflict& c : FindConflicts(t.body, *text))
                out["conflicts"].push_back({{"kind", ToString(c.kind)},
                                            {"published", c.published},
                                            {"written", c.written},
                                            {"published_sentence", c.published_sentence},
                                            {"written_sentence", c.written_sentence}});
              return JsonResponse(200, out);
            }));
  // Knowledge gaps: recent questions no published answer matches well,
  // grouped by theme, the largest first.
  r.Add("GET", "/api/v1/answers/gaps",
        Secured(
            Permission::kReadConversations, kNoPersonalData,
            [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
              QueryReader q{req};
              const int64_t days = q.Int("days").value_or(30);
              if (days < 1 || days > 366) q.errors.push_back({"days", "1 to 366"});
              LUISTER_RETURN_IF_ERROR(q.Finish());
              LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
              const Timestamp since = ctx.clock.Now() - std::chrono::hours(24 * days);
              LUISTER_ASSIGN_OR_RETURN(auto gaps, repo->Gaps(since, kMaxGapsRead));
              LUISTER_ASSIGN_OR_RETURN(auto built, ctx.answer_library->Current(*repo));
              json groups = json::array();
              for (const GapGroup& g : GroupGaps(gaps, *built, 50)) {
                json examples = json::array();
                for (size_t i = 0; i < g.gaps.size() && i < 5; ++i) {
                  const AnswerGap& e = *g.gaps[i];
                  examples.push_back({{"text", e.text},
                                      {"source", ToString(e.source)},
                                      {"lang", ToString(e.language)},
                                      {"conversation_id", Id(e.conversation_id)},
                                      {"at", FormatIso8601(e.at)}});
                }
                groups.push_back({{"label", g.label},
                                  {"count", g.gaps.size()},
                                  {"last_at", FormatIso8601(g.gaps.front()->at)},
                                  {"examples", std::move(examples)}});
              }
              return JsonResponse(
                  200, {{"days", days}, {"questions", gaps.size()}, {"groups", std::move(groups)}});
            }));
  // A draft answer from a resolved conversation.
  r.Add("POST", "/api/v1/answers/from-conversation",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto conversation = b.Int("conversation_id", true);
                  auto topic = b.String("topic", false, kMaxAnswerTopic);
                  b.RejectUnknown({"conversation_id", "topic"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
                  auto made =
                      service.DraftFromConversation(*conversation, topic.value_or(""), who.user.id);
                  if (!made.ok() && made.status().code() == StatusCode::kNotFound)
                    return InvalidArgument("the request is not valid",
                                           {{"conversation_id", "no such conversation"}});
                  LUISTER_RETURN_IF_ERROR(made.status());
                  return Detail(ctx, *made, 201);
                }));
  r.Add("POST", "/api/v1/answers/suggest",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto text = b.String("text", true, 64 * 1024);
                  auto lang = b.String("lang", false, 2);
                  auto limit = b.Int("limit", false);
                  auto message_id = b.Int("message_id", false);
                  if (lang && *lang != "nl" && *lang != "en")
                    b.AddError("lang", "must be nl or en");
                  if (limit && (*limit < 1 || *limit > 10)) b.AddError("limit", "1 to 10");
                  b.RejectUnknown({"text", "lang", "limit", "message_id"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo,
                                           ctx.store.Find<AnswerRepository>());
                  LUISTER_ASSIGN_OR_RETURN(auto built, ctx.answer_library->Current(*repo));
                  json items = json::array();
                  const Language want = lang.value_or("nl") == "nl" ? Language::kNl : Language::kEn;
                  const auto ranked = built->Rank(*text, static_cast<size_t>(limit.value_or(3)));
                  // A customer's message nothing answers well: a knowledge gap.
                  if (message_id && (ranked.empty() || ranked.front().score < kGoodAnswerMatch))
                    LUISTER_RETURN_IF_ERROR(KeepGap(ctx, *repo, *message_id));
                  for (const LibraryMatch& m : ranked) {
                    Language used = want;
                    const AnswerText& t = AnswerTextIn(*m.answer, want, &used);
                    auto vars = AnswerVariables(t.body, "body");
                    items.push_back({{"answer_id", m.answer->answer_id},
                                     {"number", m.answer->number},
                                     {"topic", m.answer->topic},
                                     {"lang", ToString(used)},
                                     {"title", t.title},
                                     {"body", t.body},
                                     {"variables", vars.ok() ? json(*vars) : json::array()},
                                     {"score", m.score}});
                  }
                  return JsonResponse(200, {{"items", std::move(items)}});
                }));
}

// Keeps the customer's message `message_id` as a knowledge gap (once).
Status KeepGap(ApiContext& ctx, AnswerRepository& repo, int64_t message_id) {
  auto m = ctx.store.conversations().GetMessage(message_id);
  if (!m.ok()) {
    if (m.status().code() == StatusCode::kNotFound)
      return InvalidArgument("the request is not valid", {{"message_id", "no such message"}});
    return m.status();
  }
  if (m->direction != Direction::kIn || m->internal) return Status::Ok();
  AnswerGap gap;
  gap.source = AnswerGapSource::kMessage;
  gap.text = Utf8Prefix(m->body_text, 2000);
  gap.language = GuessLanguage(NormalisedWords(gap.text));
  gap.conversation_id = m->conversation_id;
  gap.message_id = m->id;
  gap.at = m->created_at;
  return repo.AddGap(gap).status();
}

bool CanMail(const ApiContext& ctx) { return ctx.mail_composer && ctx.smtp && ctx.secrets; }

// One reminder to review an answer, in the owner's language; none when it
// was retired or given a new date meanwhile.
Result<std::string> MailReview(ApiContext& ctx, const Job& job) {
  long long answer_id = 0, user_id = 0;
  if (std::sscanf(job.payload.c_str(), "%lld/%lld", &answer_id, &user_id) != 2)
    return InvalidArgument("not an answer review mail: " + job.payload);
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * repo, ctx.store.Find<AnswerRepository>());
  LUISTER_ASSIGN_OR_RETURN(Answer a, repo->Get(answer_id));
  const Timestamp now = ctx.clock.Now();
  if (a.retired_at || !a.review_by || *a.review_by > now)
    return std::string("answer ") + std::to_string(a.id) + " needs no review now; no mail";
  LUISTER_ASSIGN_OR_RETURN(User user, ctx.store.directory().GetUser(user_id));
  if (!user.active) return std::string("user is no longer active; no mail");
  const bool nl = user.language == Language::kNl;
  const std::string date = FormatIso8601(*a.review_by).substr(0, 10);
  StaffMail mail;
  mail.to = user;
  mail.subject = (nl ? "Herzien: antwoord \"" : "Review: answer \"") + a.topic + "\"";
  mail.text =
      nl ? "De herzieningsdatum van het antwoord \"" + a.topic + "\" is verstreken (" + date +
               "). Lees het opnieuw: klopt het nog? Schrijf anders een nieuwe versie, of geef een "
               "nieuwe herzieningsdatum.\n\nLuister > Antwoorden > " +
               a.topic + "\n"
         : "The review date of the answer \"" + a.topic + "\" has passed (" + date +
               "). Read it again: is it still right? If not, write a new version, or set a new "
               "review date.\n\nLuister > Answers > " +
               a.topic + "\n";
  mail.message_key = "answer." + std::to_string(a.id) + ".job" + std::to_string(job.id);
  LUISTER_RETURN_IF_ERROR(
      SendStaffMail(ctx.store, ctx.clock, *ctx.mail_composer, *ctx.smtp, *ctx.secrets, mail));
  return "mailed the review reminder of answer " + std::to_string(a.id) + " to user " +
         std::to_string(user.id);
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kAnswerReviewJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
        return service.RunReviewJob(job, CanMail(ctx));
      }));
  LUISTER_RETURN_IF_ERROR(
      runner.Register(kAnswerCorrectJob, [&ctx](const Job& job) -> Result<std::string> {
        long long id = 0, user = 0;
        int number = 0;
        if (std::sscanf(job.payload.c_str(), "%lld/%d/%lld", &id, &number, &user) != 3)
          return InvalidArgument("not an answer correction: " + job.payload);
        LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
        LUISTER_ASSIGN_OR_RETURN(CorrectionRound round,
                                 service.SendCorrections(id, number, user, ctx.events));
        std::string out = "sent " + std::to_string(round.sent) + " corrections to version " +
                          std::to_string(number) + " of answer " + std::to_string(id);
        if (!round.unreachable.empty()) {
          out += "; no way to write to customer";
          for (int64_t c : round.unreachable) out += " " + std::to_string(c);
        }
        return out;
      }));
  if (CanMail(ctx)) {
    LUISTER_RETURN_IF_ERROR(runner.Register(
        kAnswerReviewMailJob, [&ctx](const Job& job) { return MailReview(ctx, job); }));
  }
  LUISTER_RETURN_IF_ERROR(AnswerCheckJobs(runner, ctx));
  LUISTER_ASSIGN_OR_RETURN(AnswerService service, Service(ctx));
  return service.EnsureReviewJob().status();
}

std::string AnswerMetrics(ApiContext& ctx) {
  std::string out;
  if (ctx.answer_library) {
    const AnswerLibrary::BuildStats b = ctx.answer_library->Stats();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", b.last_seconds);
    out +=
        "# HELP luister_answer_library_builds_total Times this node built the published "
        "library and its matcher again after a change.\n"
        "# TYPE luister_answer_library_builds_total counter\n"
        "luister_answer_library_builds_total " +
        std::to_string(b.builds) +
        "\n# HELP luister_answer_library_build_seconds How long this node's last build of the "
        "library took.\n"
        "# TYPE luister_answer_library_build_seconds gauge\n"
        "luister_answer_library_build_seconds " +
        seconds +
        "\n# HELP luister_answer_library_answers Published answers in this node's library.\n"
        "# TYPE luister_answer_library_answers gauge\n"
        "luister_answer_library_answers " +
        std::to_string(b.answers) + "\n";
  }
  auto repo = ctx.store.Find<AnswerRepository>();
  if (!repo.ok()) return out;
  auto stale = (*repo)->CountStale(ctx.clock.Now());
  if (!stale.ok()) return out;
  return out +
         "# HELP luister_answers_stale Published answers past their review date.\n"
         "# TYPE luister_answers_stale gauge\nluister_answers_stale " +
         std::to_string(*stale) + "\n";
}

}  // namespace

// The canonical answer library (C6): domain/answer.h, docs/answers.md.
ApiModule AnswersModule() {
  return {"answers",
          {"answers", "answer_versions", "answer_questions", "answer_review_job", "answer_gaps",
           "answer_checks", "answer_check_state"},
          {},
          Routes,
          Jobs};
}

}  // namespace luister::http
