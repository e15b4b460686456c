// What customers ask about (C9): the topics with their volume, trend and
// difficulty, the drill-down to their conversations, a conversation's
// topic and an agent's correction of it, the candidate topics discovery
// proposes (accept, rename, merge, split, dismiss), training and
// discovery on request, and the alerts of rising topics.
// domain/topic.h, docs/topics.md.
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/staff_mail.h"
#include "domain/topic.h"
#include "domain/validation.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

constexpr int kDefaultDays = 28;
constexpr int kMostDays = 400;
constexpr int kSparkWeeks = 12;

// A version from a body: 1 up to what an int holds.
std::optional<int> Version(JsonBody& b) {
  auto v = b.Int("version", JsonBody::kRequired);
  if (!v) return std::nullopt;
  if (*v < 1 || *v > std::numeric_limits<int>::max()) {
    b.AddError("version", "must be a version the topic had");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

// An owner must be an active user; the error names the field.
Status CheckOwner(ApiContext& ctx, std::optional<int64_t> owner, std::string_view what) {
  if (!owner) return Status::Ok();
  auto user = ctx.store.directory().GetUser(*owner);
  if (!user.ok() && user.status().code() == StatusCode::kNotFound)
    return InvalidArgument(std::string(what), {{"owner_user_id", "no such user"}});
  LUISTER_RETURN_IF_ERROR(user.status());
  if (!user->active)
    return InvalidArgument(std::string(what), {{"owner_user_id", "is no longer active"}});
  return Status::Ok();
}

// What the module keeps on this node: the loaded models.
struct TopicsState {
  TopicModels models;
  TopicModels candidates{true};
};

Result<TopicRepository*> Repo(ApiContext& ctx) { return ctx.store.Find<TopicRepository>(); }

Result<TopicService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  return TopicService(ctx.store, *repo, ctx.clock);
}

bool CanMail(const ApiContext& ctx) { return ctx.mail_composer && ctx.smtp && ctx.secrets; }

json Figure(double v) {
  if (!std::isfinite(v)) return nullptr;
  return std::round(v * 1e4) / 1e4;
}

json Opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

json TopicJson(const Topic& t) {
  json out = {{"id", t.id},
              {"name", t.name},
              {"status", ToString(t.status)},
              {"discovered", t.discovered},
              {"owner_user_id", Opt(t.owner_user_id)},
              {"terms", t.terms},
              {"merged_into", Opt(t.merged_into)},
              {"created_at", FormatIso8601(t.created_at)},
              {"updated_at", FormatIso8601(t.updated_at)},
              {"version", t.version}};
  if (t.status == TopicStatus::kCandidate) {
    out["size"] = t.size;
    out["recent"] = t.recent;
    out["new_theme"] = IsNewTheme(t);
  }
  return out;
}

json ConversationTopicJson(const ConversationTopic& t, const std::optional<Topic>& topic) {
  return {{"conversation_id", t.conversation_id},
          {"topic_id", Opt(t.topic_id)},
          {"topic_name", topic ? json(topic->name) : json()},
          {"source", ToString(t.source)},
          {"confidence", Figure(t.confidence)},
          {"model_id", Opt(t.model_id)},
          {"assigned_by", Opt(t.assigned_by)},
          {"assigned_at", FormatIso8601(t.assigned_at)},
          {"message_id", t.message_id}};
}

json EffortJson(const TopicEffort& e) {
  return {{"volume", e.volume},
          {"handle_minutes", e.handle_minutes ? Figure(*e.handle_minutes) : json()},
          {"hours_to_resolve", Figure(e.hours_to_resolve)},
          {"messages_to_resolve", Figure(e.messages_to_resolve)},
          {"contacts_to_resolve", Figure(e.contacts_to_resolve)},
          {"transfer_rate", Figure(e.transfer_rate)},
          {"reopen_rate", Figure(e.reopen_rate)},
          {"repeat_rate", Figure(e.repeat_rate)},
          {"complaint_rate", Figure(e.complaint_rate)},
          {"satisfaction", e.satisfaction ? Figure(*e.satisfaction) : json()}};
}

json TrendJson(const TopicTrend& t) {
  return {{"observed", t.observed},   {"expected", Figure(t.expected)},
          {"ratio", Figure(t.ratio)}, {"z", Figure(t.z)},
          {"rising", t.rising},       {"seasonal", t.seasonal}};
}

json ModelJson(const std::optional<TopicModel>& m) {
  if (!m) return nullptr;
  return {{"id", m->id},
          {"created_at", FormatIso8601(m->created_at)},
          {"created_by", Opt(m->created_by)},
          {"examples", m->examples},
          {"topics", m->topics},
          {"accuracy", m->accuracy ? Figure(*m->accuracy) : json()},
          {"threshold", Figure(m->threshold)},
          {"bytes", m->bytes}};
}

// The period of a query: `from`/`to`, by default the last four weeks.
Result<std::pair<Timestamp, Timestamp>> Period(ApiContext& ctx, QueryReader& q) {
  auto from = q.Time("from");
  auto to = q.Time("to");
  LUISTER_RETURN_IF_ERROR(q.Finish());
  const Timestamp end = to.value_or(ctx.clock.Now());
  const Timestamp start = from.value_or(end - std::chrono::hours(24 * kDefaultDays));
  if (start >= end)
    return InvalidArgument("the query is not valid", {{"from", "must be before to"}});
  if (end - start > std::chrono::hours(24 * kMostDays))
    return InvalidArgument("the query is not valid",
                           {{"from", "a period covers at most 400 days"}});
  return std::make_pair(start, end);
}

// The overview: every active topic with its volume, weekly counts, trend
// and difficulty over the period; the candidates; what has no topic.
Result<Response> Overview(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  LUISTER_ASSIGN_OR_RETURN(auto period, Period(ctx, q));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
  LUISTER_ASSIGN_OR_RETURN(auto active, repo->List(TopicStatus::kActive));
  LUISTER_ASSIGN_OR_RETURN(auto open, repo->List(TopicStatus::kCandidate));
  LUISTER_ASSIGN_OR_RETURN(auto efforts, repo->Effort(period.first, period.second));
  LUISTER_ASSIGN_OR_RETURN(auto trends, service.JudgeTrends(active));

  std::map<int64_t, TopicEffort> effort_of;
  TopicEffort without;
  for (const TopicEffortRow& row : efforts) {
    if (row.topic_id)
      effort_of[*row.topic_id] = row.effort;
    else
      without = row.effort;
  }
  // Difficulty against the median of the topics that had conversations.
  std::vector<TopicEffort> measured;
  std::vector<int64_t> measured_ids;
  for (const Topic& t : active)
    if (auto it = effort_of.find(t.id); it != effort_of.end() && it->second.volume > 0) {
      measured.push_back(it->second);
      measured_ids.push_back(t.id);
    }
  const std::vector<TopicDifficulty> ranked = RankDifficulty(measured);
  std::map<int64_t, const TopicDifficulty*> difficulty_of;
  for (size_t i = 0; i < ranked.size(); ++i) difficulty_of[measured_ids[i]] = &ranked[i];

  const int64_t spark_from = trends.week - kSparkWeeks + 1;
  json topics = json::array();
  for (const Topic& t : active) {
    json j = TopicJson(t);
    const auto e = effort_of.find(t.id);
    j["effort"] = EffortJson(e != effort_of.end() ? e->second : TopicEffort{});
    j["weekly"] = WeeklySeries(trends.weekly, t.id, spark_from, trends.week);
    j["trend"] = TrendJson(trends.by_topic[t.id]);
    if (auto d = difficulty_of.find(t.id); d != difficulty_of.end()) {
      j["difficulty"] = Figure(d->second->difficulty);
      j["priority"] = Figure(d->second->priority);
      j["drivers"] = d->second->drivers;
    } else {
      j["difficulty"] = nullptr;
      j["priority"] = 0;
      j["drivers"] = json::array();
    }
    topics.push_back(std::move(j));
  }
  json candidates = json::array();
  for (const Topic& t : open) candidates.push_back(TopicJson(t));
  LUISTER_ASSIGN_OR_RETURN(auto model, repo->LatestModel(false));
  LUISTER_ASSIGN_OR_RETURN(TopicCounts counts, repo->Counts(period.first, period.second));
  return JsonResponse(
      200, {{"from", FormatIso8601(period.first)},
            {"to", FormatIso8601(period.second)},
            {"week_start", FormatIso8601(WeekStart(trends.week))},
            {"topics", std::move(topics)},
            {"candidates", std::move(candidates)},
            {"unclassified",
             {{"effort", EffortJson(without)},
              {"weekly", WeeklySeries(trends.weekly, std::nullopt, spark_from, trends.week)}}},
            {"counts",
             {{"labelled", counts.labelled},
              {"classified", counts.classified},
              {"unclassified", counts.unclassified}}},
            {"model", ModelJson(model)}});
}

// The conversations of a topic (newest first, a page at a time), or a
// candidate's questions (the most typical first).
Result<Response> Conversations(ApiContext& ctx, Request& req, AuditScope& audit,
                               std::optional<int64_t> topic_id) {
  QueryReader q{req};
  const PageRequest page = q.Page();
  LUISTER_ASSIGN_OR_RETURN(auto period, Period(ctx, q));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  if (topic_id) {
    LUISTER_ASSIGN_OR_RETURN(Topic t, repo->Get(*topic_id));
    if (t.status == TopicStatus::kCandidate) {
      LUISTER_ASSIGN_OR_RETURN(auto questions, repo->CandidateQuestions(t.id, page.limit));
      json items = json::array();
      for (size_t i = 0; i < questions.size(); ++i) {
        const TopicQuestion& qn = questions[i];
        audit.Touched(qn.conversation_id, qn.customer_id);
        items.push_back({{"id", qn.conversation_id},
                         {"customer_id", qn.customer_id},
                         {"opened_at", FormatIso8601(qn.opened_at)},
                         {"question", Utf8Prefix(qn.text, 300)},
                         {"example", i < static_cast<size_t>(std::min<int64_t>(3, t.size))}});
      }
      return JsonResponse(200, {{"items", std::move(items)}, {"next_cursor", nullptr}});
    }
  }
  LUISTER_ASSIGN_OR_RETURN(auto found,
                           repo->Conversations(topic_id, period.first, period.second, page));
  json items = json::array();
  for (const TopicConversation& c : found.items) {
    audit.Touched(c.id, c.customer_id);
    items.push_back({{"id", c.id},
                     {"customer_id", c.customer_id},
                     {"subject", c.subject},
                     {"channel", c.channel},
                     {"status", c.status},
                     {"source", ToString(c.source)},
                     {"confidence", Figure(c.confidence)},
                     {"opened_at", FormatIso8601(c.opened_at)},
                     {"question", c.question}});
  }
  return JsonResponse(200, {{"items", std::move(items)},
                            {"next_cursor", found.next ? json(found.next->Encode()) : json()}});
}

Result<Response> CreateTopic(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto name = b.String("name", JsonBody::kRequired, kMaxTopicName * 4);
  auto owner = b.Int("owner_user_id", JsonBody::kOptional);
  b.RejectUnknown({"name", "owner_user_id"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the topic is not valid"));
  LUISTER_RETURN_IF_ERROR(CheckOwner(ctx, owner, "the topic is not valid"));
  LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
  LUISTER_ASSIGN_OR_RETURN(Topic t, service.Create(*name, owner));
  return JsonResponse(201, TopicJson(t));
}

// Renames, gives an owner, or accepts a candidate (with its name).
Result<Response> ChangeTopic(ApiContext& ctx, Request& req, const auth::Principal& who,
                             bool accept) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto version = Version(b);
  auto name = b.String("name", JsonBody::kOptional, kMaxTopicName * 4);
  const bool clear_owner = b.IsNull("owner_user_id");
  auto owner = clear_owner ? std::nullopt : b.Int("owner_user_id", JsonBody::kOptional);
  b.RejectUnknown({"version", "name", "owner_user_id"});
  const char* what = accept ? "the acceptance is not valid" : "the change is not valid";
  LUISTER_RETURN_IF_ERROR(b.Finish(what));
  std::optional<std::string> checked;
  if (name) {
    auto n = CheckTopicName(*name);
    if (!n.ok()) return InvalidArgument(what, n.status().fields());
    checked = std::move(*n);
  }
  LUISTER_RETURN_IF_ERROR(CheckOwner(ctx, owner, what));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(Topic t, repo->Get(id));
  if (t.version != *version)
    return Conflict("the topic changed since it was read (version " + std::to_string(t.version) +
                    ")");
  if (!accept && t.status != TopicStatus::kActive && t.status != TopicStatus::kCandidate)
    return InvalidArgument("topic " + std::to_string(id) + " is " +
                           std::string(ToString(t.status)) + " and can no longer change");
  Topic next = t;
  if (checked) next.name = *checked;
  if (owner || clear_owner) next.owner_user_id = owner;
  next.updated_at = ctx.clock.Now();
  next.version = t.version + 1;
  if (accept) {
    next.status = TopicStatus::kActive;
    LUISTER_ASSIGN_OR_RETURN(Topic done, repo->Accept(next, who.user.id));
    return JsonResponse(200, TopicJson(done));
  }
  LUISTER_ASSIGN_OR_RETURN(Topic done, repo->Update(next));
  return JsonResponse(200, TopicJson(done));
}

Result<Response> MergeTopic(ApiContext& ctx, Request& req, const auth::Principal& who) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto version = Version(b);
  auto into = b.Int("into", JsonBody::kRequired);
  b.RejectUnknown({"version", "into"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the merge is not valid"));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  auto target = repo->Get(*into);
  if (!target.ok() && target.status().code() == StatusCode::kNotFound)
    return InvalidArgument("the merge is not valid", {{"into", "no such topic"}});
  LUISTER_RETURN_IF_ERROR(target.status());
  LUISTER_ASSIGN_OR_RETURN(Topic done,
                           repo->Merge(id, *version, *into, ctx.clock.Now(), who.user.id));
  return JsonResponse(200, TopicJson(done));
}

Result<Response> SplitTopic(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto version = Version(b);
  b.RejectUnknown({"version"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the split is not valid"));
  LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
  LUISTER_ASSIGN_OR_RETURN(auto parts, service.Split(id, *version));
  json items = json::array();
  for (const Topic& t : parts) items.push_back(TopicJson(t));
  return JsonResponse(200, {{"items", std::move(items)}});
}

Result<Response> DismissTopic(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto version = Version(b);
  b.RejectUnknown({"version"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(Topic t, repo->Get(id));
  if (t.version != *version)
    return Conflict("the topic changed since it was read (version " + std::to_string(t.version) +
                    ")");
  if (t.status != TopicStatus::kCandidate)
    return InvalidArgument(
        "only a candidate topic can be dismissed; merge an active topic into "
        "another instead");
  Topic next = t;
  next.status = TopicStatus::kDismissed;
  next.updated_at = ctx.clock.Now();
  next.version = *version + 1;
  LUISTER_ASSIGN_OR_RETURN(Topic done, repo->Update(next));
  return JsonResponse(200, TopicJson(done));
}

// Training or discovery, as a job: 202 with the job to follow.
Result<Response> EnqueueJob(ApiContext& ctx, Request& req, const auth::Principal& who,
                            const char* kind, AuditScope& audit) {
  std::string payload = std::to_string(who.user.id);
  if (!req.body.empty()) {
    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
    std::optional<int64_t> k;
    if (std::string_view(kind) == kTopicDiscoverJob) k = b.Int("k", JsonBody::kOptional);
    b.RejectUnknown(std::string_view(kind) == kTopicDiscoverJob
                        ? std::initializer_list<std::string_view>{"k"}
                        : std::initializer_list<std::string_view>{});
    if (k && (*k < 0 || *k > 500)) b.AddError("k", "must be 0 (estimate) to 500");
    LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
    if (k) payload += "/" + std::to_string(*k);
  }
  const Timestamp now = ctx.clock.Now();
  LUISTER_ASSIGN_OR_RETURN(int64_t job,
                           ctx.store.jobs().Enqueue(NewJob{kind, payload, now, now, who.user.id}));
  if (ctx.wake_jobs) audit.AfterWritten(ctx.wake_jobs);
  Response resp = JsonResponse(202, {{"job_id", job}, {"kind", kind}});
  resp.SetHeader("Location", "/api/v1/jobs/" + std::to_string(job));
  return resp;
}

Result<Response> GetConversationTopic(ApiContext& ctx, Request& req, AuditScope& audit) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
  audit.Touched(c.id, c.customer_id);
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(auto t, repo->OfConversation(id));
  json out = {{"conversation_id", id},  {"topic_id", nullptr},    {"topic_name", nullptr},
              {"source", nullptr},      {"confidence", nullptr},  {"model_id", nullptr},
              {"assigned_by", nullptr}, {"assigned_at", nullptr}, {"message_id", nullptr}};
  if (t) {
    std::optional<Topic> topic;
    if (t->topic_id) {
      LUISTER_ASSIGN_OR_RETURN(Topic found, repo->Get(*t->topic_id));
      topic = std::move(found);
    }
    out = ConversationTopicJson(*t, topic);
  }
  // Without a topic, the candidate discovery put its question in.
  out["candidate"] = nullptr;
  if (!t || !t->topic_id) {
    LUISTER_ASSIGN_OR_RETURN(auto candidate, repo->CandidateOf(id));
    if (candidate)
      out["candidate"] = {
          {"id", candidate->id}, {"name", candidate->name}, {"new_theme", IsNewTheme(*candidate)}};
  }
  return JsonResponse(200, out);
}

Result<Response> SetConversationTopic(ApiContext& ctx, Request& req, const auth::Principal& who,
                                      AuditScope& audit) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  const bool clear = b.IsNull("topic_id");
  auto topic_id = clear ? std::nullopt : b.Int("topic_id", JsonBody::kRequired);
  b.RejectUnknown({"topic_id"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the topic is not valid"));
  LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  std::optional<Topic> topic;
  if (topic_id) {
    auto found = repo->Get(*topic_id);
    if (!found.ok() && found.status().code() == StatusCode::kNotFound)
      return InvalidArgument("the topic is not valid", {{"topic_id", "no such topic"}});
    LUISTER_RETURN_IF_ERROR(found.status());
    if (found->status != TopicStatus::kActive)
      return InvalidArgument(
          "the topic is not valid",
          {{"topic_id", "must be an active topic, not " + std::string(ToString(found->status))}});
    topic = std::move(*found);
  }
  LUISTER_ASSIGN_OR_RETURN(auto set, repo->SetByPerson(id, topic_id, who.user.id, ctx.clock.Now()));
  audit.Touched(c.id, c.customer_id);
  return JsonResponse(200, ConversationTopicJson(set, topic));
}

Result<Response> Alerts(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  auto since = q.Time("since");
  LUISTER_RETURN_IF_ERROR(q.Finish());
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(
      auto alerts,
      repo->Alerts(since.value_or(ctx.clock.Now() - std::chrono::hours(24 * 90)), 200));
  LUISTER_ASSIGN_OR_RETURN(auto topics, repo->List(std::nullopt));
  std::map<int64_t, std::string> names;
  for (const Topic& t : topics) names[t.id] = t.name;
  json items = json::array();
  for (const TopicAlert& a : alerts) {
    const auto name = names.find(a.topic_id);
    items.push_back({{"id", a.id},
                     {"topic_id", a.topic_id},
                     {"topic_name", name != names.end() ? json(name->second) : json()},
                     {"week_start", FormatIso8601(WeekStart(a.week))},
                     {"observed", a.observed},
                     {"expected", Figure(a.expected)},
                     {"owner_user_id", Opt(a.owner_user_id)},
                     {"created_at", FormatIso8601(a.created_at)}});
  }
  return JsonResponse(200, {{"items", std::move(items)}});
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  // Names, counts and rates: no customer in them.
  r.Add("GET", "/api/v1/topics",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return Overview(ctx, req);
                }));
  r.Add("POST", "/api/v1/topics",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return CreateTopic(ctx, req);
                }));
  r.Add("GET", "/api/v1/topics/alerts",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return Alerts(ctx, req);
                }));
  r.Add("POST", "/api/v1/topics/train",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) {
                  return EnqueueJob(ctx, req, who, kTopicTrainJob, audit);
                }));
  r.Add("POST", "/api/v1/topics/discover",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) {
                  return EnqueueJob(ctx, req, who, kTopicDiscoverJob, audit);
                }));
  // The customers' own words: audited per conversation.
  r.Add("GET", "/api/v1/topics/unclassified/conversations",
        Secured(Permission::kReadConversations, Reads("conversation"),
                [&ctx](Request& req, const auth::Principal&, AuditScope& audit) {
                  return Conversations(ctx, req, audit, std::nullopt);
                }));
  r.Add(
      "GET", "/api/v1/topics/{id}/conversations",
      Secured(Permission::kReadConversations, Reads("conversation"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                return Conversations(ctx, req, audit, id);
              }));
  r.Add("PATCH", "/api/v1/topics/{id}",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return ChangeTopic(ctx, req, who, false);
                }));
  r.Add("POST", "/api/v1/topics/{id}/accept",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return ChangeTopic(ctx, req, who, true);
                }));
  r.Add("POST", "/api/v1/topics/{id}/merge",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return MergeTopic(ctx, req, who);
                }));
  r.Add("POST", "/api/v1/topics/{id}/split",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return SplitTopic(ctx, req);
                }));
  r.Add("POST", "/api/v1/topics/{id}/dismiss",
        Secured(Permission::kManageTopics, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return DismissTopic(ctx, req);
                }));
  r.Add("GET", "/api/v1/conversations/{id}/topic",
        Secured(Permission::kReadConversations, Reads("conversation"),
                [&ctx](Request& req, const auth::Principal&, AuditScope& audit) {
                  return GetConversationTopic(ctx, req, audit);
                }));
  r.Add("PUT", "/api/v1/conversations/{id}/topic",
        Secured(Permission::kWriteConversations, Changes("update", "conversation"),
                [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) {
                  return SetConversationTopic(ctx, req, who, audit);
                }));
  ctx.metrics.AddCollector([&ctx]() -> std::string {
    auto repo = Repo(ctx);
    if (!repo.ok()) return "";
    auto alerts = (*repo)->Alerts(ctx.clock.Now() - std::chrono::hours(24 * 7), 10'000);
    auto counts = (*repo)->Counts(ctx.clock.Now() - std::chrono::hours(24 * 7), ctx.clock.Now());
    if (!alerts.ok() || !counts.ok()) return "";
    return "# HELP luister_topic_alerts_week Rising topics alerted in the last seven days.\n"
           "# TYPE luister_topic_alerts_week gauge\nluister_topic_alerts_week " +
           std::to_string(alerts->size()) +
           "\n# HELP luister_topic_conversations_week Conversations of the last seven days by "
           "how their topic was set.\n# TYPE luister_topic_conversations_week gauge\n"
           "luister_topic_conversations_week{source=\"labelled\"} " +
           std::to_string(counts->labelled) +
           "\nluister_topic_conversations_week{source=\"classifier\"} " +
           std::to_string(counts->classified) +
           "\nluister_topic_conversations_week{source=\"none\"} " +
           std::to_string(counts->unclassified) + "\n";
  });
}

// The owner hears of a rising topic once, in their language, with the
// newest questions of the week as examples.
Result<std::string> MailAlert(ApiContext& ctx, const Job& job) {
  long long topic_id = 0, week = 0;
  if (std::sscanf(job.payload.c_str(), "%lld/%lld", &topic_id, &week) != 2)
    return InvalidArgument("not a topic alert: " + job.payload);
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(Topic t, repo->Get(topic_id));
  if (!t.owner_user_id) return std::string("the topic has no owner; no mail");
  LUISTER_ASSIGN_OR_RETURN(auto alerts, repo->Alerts(WeekStart(week), 1000));
  const TopicAlert* alert = nullptr;
  for (const TopicAlert& a : alerts)
    if (a.topic_id == topic_id && a.week == week) alert = &a;
  if (!alert) return std::string("no such alert; no mail");
  LUISTER_ASSIGN_OR_RETURN(User user, ctx.store.directory().GetUser(*t.owner_user_id));
  if (!user.active) return std::string("the owner is no longer active; no mail");
  PageRequest page;
  page.limit = 3;
  LUISTER_ASSIGN_OR_RETURN(auto examples,
                           repo->Conversations(t.id, WeekStart(week), WeekStart(week + 1), page));
  const bool nl = user.language == Language::kNl;
  char norm[32];
  std::snprintf(norm, sizeof norm, "%.0f", alert->expected);
  StaffMail mail;
  mail.to = user;
  mail.subject = (nl ? "Stijgend onderwerp: \"" : "Rising topic: \"") + t.name + "\"";
  mail.text = nl ? "Het onderwerp \"" + t.name + "\" stijgt: " + std::to_string(alert->observed) +
                       " gesprekken deze week, waar rond " + norm +
                       " te verwachten was (seizoen meegerekend).\n\nVoorbeelden:\n"
                 : "The topic \"" + t.name + "\" is rising: " + std::to_string(alert->observed) +
                       " conversations this week, where about " + norm +
                       " were expected (season included).\n\nExamples:\n";
  for (const TopicConversation& c : examples.items)
    mail.text += "- #" + std::to_string(c.id) + ": " + Utf8Prefix(c.question, 160) + "\n";
  mail.text +=
      nl ? "\nLuister > Onderwerpen > " + t.name + "\n" : "\nLuister > Topics > " + t.name + "\n";
  mail.message_key = "topic-alert." + std::to_string(t.id) + "." + std::to_string(week);
  LUISTER_RETURN_IF_ERROR(
      SendStaffMail(ctx.store, ctx.clock, *ctx.mail_composer, *ctx.smtp, *ctx.secrets, mail));
  return "mailed the alert of topic " + std::to_string(t.id) + " to user " +
         std::to_string(user.id);
}

// "user" or "user/k".
std::pair<std::optional<int64_t>, int> JobAsker(const std::string& payload) {
  long long user = 0, k = 0;
  const int n = std::sscanf(payload.c_str(), "%lld/%lld", &user, &k);
  if (n < 1) return {std::nullopt, 0};
  return {user, n == 2 ? static_cast<int>(k) : 0};
}

Status Jobs(JobRunner& runner, ApiContext& ctx, const std::shared_ptr<TopicsState>& state) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kTopicClassifyJob, [&ctx, state](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
        LUISTER_ASSIGN_OR_RETURN(auto model, state->models.Current(*repo));
        LUISTER_ASSIGN_OR_RETURN(auto candidates, state->candidates.Current(*repo));
        LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
        return service.RunClassifyJob(job, model.get(), candidates.get());
      }));
  LUISTER_ASSIGN_OR_RETURN(TopicRepository * repo, Repo(ctx));
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kTopicDailyJob, [&ctx, state, repo](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(auto current, repo->JobId(kTopicDailyJob));
        if (current != job.id) return std::optional<Timestamp>();
        LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
        LUISTER_RETURN_IF_ERROR(service.RunDaily(state->models, CanMail(ctx)).status());
        return std::optional<Timestamp>(ctx.clock.Now() + std::chrono::hours(24));
      }));
  LUISTER_RETURN_IF_ERROR(
      runner.Register(kTopicTrainJob, [&ctx, state](const Job& job) -> Result<std::string> {
        LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
        LUISTER_ASSIGN_OR_RETURN(TrainingOutcome t,
                                 service.Train(JobAsker(job.payload).first, state->models));
        if (!t.model) return t.reason;
        std::string out = "trained model " + std::to_string(t.model->id) + " on " +
                          std::to_string(t.model->examples) + " labels of " +
                          std::to_string(t.model->topics) + " topics";
        if (t.model->accuracy) {
          char acc[32];
          std::snprintf(acc, sizeof acc, "%.3f", *t.model->accuracy);
          out += std::string("; held-out accuracy ") + acc;
        }
        return out;
      }));
  LUISTER_RETURN_IF_ERROR(
      runner.Register(kTopicDiscoverJob, [&ctx](const Job& job) -> Result<std::string> {
        LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
        DiscoveryOptions options;
        options.k = JobAsker(job.payload).second;
        LUISTER_ASSIGN_OR_RETURN(auto candidates, service.Discover(options));
        return "proposed " + std::to_string(candidates.size()) + " candidate topics";
      }));
  if (CanMail(ctx)) {
    LUISTER_RETURN_IF_ERROR(runner.Register(
        kTopicAlertMailJob, [&ctx](const Job& job) { return MailAlert(ctx, job); }));
  }
  LUISTER_ASSIGN_OR_RETURN(TopicService service, Service(ctx));
  return service.EnsureJobs();
}

}  // namespace

// What customers ask about (C9): domain/topic.h, docs/topics.md.
ApiModule TopicsModule() {
  auto state = std::make_shared<TopicsState>();
  return {"topics",
          {"topics", "topic_models", "conversation_topics", "topic_members", "topic_alerts",
           "topic_classify_state", "topic_daily_state"},
          {},
          Routes,
          [state](JobRunner& runner, ApiContext& ctx) { return Jobs(runner, ctx, state); }};
}

}  // namespace luister::http
