// The consistency report (C6): per topic and channel, what replies said
// against the published answer and each other, and each channel's score
// per day. domain/answer_checks.h, docs/answers.md.
#include "http/api/answer_check_routes.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/answer_checks.h"
#include "http/api/json_codec.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

// Contradicting replies the report reads, and shows per topic.
constexpr int kConflictsRead = 1000;
constexpr size_t kConflictsShown = 10;

Result<std::shared_ptr<const AnswerLibrary::Snapshot>> Library(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(AnswerRepository * answers, ctx.store.Find<AnswerRepository>());
  return ctx.answer_library->Current(*answers);
}

json Score(int64_t checked, int64_t contradictions) {
  return checked > 0
             ? json(static_cast<double>(checked - contradictions) / static_cast<double>(checked))
             : json();
}

struct Sums {
  int64_t checked = 0, contradictions = 0, without_library = 0, overridden = 0;
  void Add(const CheckTally& t) {
    checked += t.checked;
    contradictions += t.contradictions;
    without_library += t.without_library;
    overridden += t.overridden;
  }
  json Json() const {
    return {{"checked", checked},
            {"contradictions", contradictions},
            {"without_library", without_library},
            {"overridden", overridden},
            {"score", Score(checked, contradictions)}};
  }
};

json ConflictJson(const ReplyCheck& c) {
  const AnswerConflict& k = *c.conflict;
  return {{"message_id", c.message_id},
          {"conversation_id", c.conversation_id},
          {"channel", ToString(c.channel)},
          {"author_user_id", c.author_user_id ? json(*c.author_user_id) : json()},
          {"sent_at", FormatIso8601(c.sent_at)},
          {"answer_number", c.answer_number},
          {"used_library", c.used_library},
          {"overridden", c.overridden},
          {"kind", ToString(k.kind)},
          {"published", k.published},
          {"written", k.written},
          {"published_sentence", k.published_sentence},
          {"written_sentence", k.written_sentence}};
}

Result<Response> Report(ApiContext& ctx, Request& req, AuditScope& audit) {
  QueryReader q{req};
  const int64_t days = q.Int("days").value_or(30);
  if (days < 1 || days > 366) q.errors.push_back({"days", "1 to 366"});
  const auto answer_id = q.Int("answer_id");
  std::optional<Channel> channel;
  if (auto ch = req.Query("channel")) {
    channel = Parse<Channel>(*ch);
    if (!channel) q.errors.push_back({"channel", "not a channel"});
  }
  LUISTER_RETURN_IF_ERROR(q.Finish());
  LUISTER_ASSIGN_OR_RETURN(AnswerCheckRepository * checks, ctx.store.Find<AnswerCheckRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto library, Library(ctx));
  // The report is by whole days (UTC), today included.
  const Timestamp now = ctx.clock.Now();
  const Timestamp to = FromMillis((ToMillis(now) / 86400000 + 1) * 86400000);
  const Timestamp from = to - std::chrono::hours(24 * days);
  LUISTER_ASSIGN_OR_RETURN(auto tallies, checks->Tallies(from, to));
  LUISTER_ASSIGN_OR_RETURN(auto day_rows, checks->Days(from, to));
  LUISTER_ASSIGN_OR_RETURN(auto conflicts,
                           checks->Conflicts(from, to, answer_id, channel, kConflictsRead));

  Sums overall;
  std::map<Channel, Sums> per_channel;
  std::map<int64_t, Sums> per_topic;
  std::map<int64_t, std::map<Channel, Sums>> per_topic_channel;
  for (const CheckTally& t : tallies) {
    if ((answer_id && t.answer_id != *answer_id) || (channel && t.channel != *channel)) continue;
    overall.Add(t);
    per_channel[t.channel].Add(t);
    per_topic[t.answer_id].Add(t);
    per_topic_channel[t.answer_id][t.channel].Add(t);
  }
  std::map<int64_t, std::vector<ReplyCheck>> conflicts_of;
  for (ReplyCheck& c : conflicts) conflicts_of[c.answer_id].push_back(std::move(c));

  json channels = json::array();
  for (const auto& [ch, s] : per_channel) {
    json row = s.Json();
    row["channel"] = ToString(ch);
    channels.push_back(std::move(row));
  }
  std::vector<int64_t> order;
  for (const auto& [id, s] : per_topic) order.push_back(id);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    const Sums &x = per_topic[a], &y = per_topic[b];
    if (x.contradictions != y.contradictions) return x.contradictions > y.contradictions;
    if (x.without_library != y.without_library) return x.without_library > y.without_library;
    return x.checked > y.checked;
  });
  json topics = json::array();
  for (int64_t id : order) {
    json t = per_topic[id].Json();
    t["answer_id"] = id;
    const LibraryAnswer* live = library->Find(id);
    t["topic"] = live ? json(live->topic) : json();
    t["title"] = live ? json(AnswerTextIn(*live, Language::kNl).title) : json();
    t["live_number"] = live ? json(live->number) : json();
    json by_channel = json::array();
    for (const auto& [ch, s] : per_topic_channel[id]) {
      json row = s.Json();
      row["channel"] = ToString(ch);
      by_channel.push_back(std::move(row));
    }
    t["channels"] = std::move(by_channel);
    const std::vector<ReplyCheck>& mine = conflicts_of[id];
    json disagreements = json::array();
    for (const Disagreement& d : Disagreements(mine)) {
      json per = json::object();
      for (const auto& [ch, n] : d.channels) per[std::string(ToString(ch))] = n;
      disagreements.push_back({{"kind", ToString(d.kind)},
                               {"published", d.published},
                               {"written", d.written},
                               {"total", d.total},
                               {"channels", std::move(per)}});
    }
    t["disagreements"] = std::move(disagreements);
    json shown = json::array();
    for (size_t i = 0; i < mine.size() && i < kConflictsShown; ++i) {
      audit.Touched(mine[i].conversation_id, mine[i].customer_id);
      shown.push_back(ConflictJson(mine[i]));
    }
    t["conflicts"] = std::move(shown);
    topics.push_back(std::move(t));
  }
  // The score per channel per day, days without checks left out.
  std::map<Channel, json> series_of;
  for (const CheckDay& d : day_rows) {
    if (channel && d.channel != *channel) continue;
    json& points = series_of[d.channel];
    if (points.is_null()) points = json::array();
    points.push_back({{"day", FormatIso8601(d.day).substr(0, 10)},
                      {"checked", d.checked},
                      {"contradictions", d.contradictions},
                      {"score", Score(d.checked, d.contradictions)}});
  }
  json series = json::array();
  if (!answer_id)
    for (auto& [ch, points] : series_of)
      series.push_back({{"channel", ToString(ch)}, {"points", std::move(points)}});
  json out = overall.Json();
  out["from"] = FormatIso8601(from);
  out["to"] = FormatIso8601(to);
  out["channels"] = std::move(channels);
  out["topics"] = std::move(topics);
  out["series"] = std::move(series);
  return JsonResponse(200, out);
}

}  // namespace

void AnswerCheckRoutes(ApiRoutes& r, ApiContext& ctx) {
  // Conflicting sentences are the agents' words to customers: read per
  // conversation and customer.
  r.Add("GET", "/api/v1/answers/consistency",
        Secured(Permission::kReadCustomers, Reads("conversation"),
                [&ctx](Request& req, const auth::Principal&, AuditScope& audit) {
                  return Report(ctx, req, audit);
                }));
}

Status AnswerCheckJobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kAnswerCheckJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(AnswerCheckRepository * checks,
                                 ctx.store.Find<AnswerCheckRepository>());
        LUISTER_ASSIGN_OR_RETURN(auto library, Library(ctx));
        return AnswerCheckService(ctx.store, *checks, ctx.clock).RunJob(job, *library);
      }));
  LUISTER_ASSIGN_OR_RETURN(AnswerCheckRepository * checks, ctx.store.Find<AnswerCheckRepository>());
  return AnswerCheckService(ctx.store, *checks, ctx.clock).EnsureJob().status();
}

}  // namespace luister::http
