// Contact volume rollups (issue 15, docs/staffing.md) on SQLite or
// PostgreSQL: the heatmap over a year of a large desk, and what keeping the
// rollups costs per contact written.
//
//   luister_volume_bench heatmap STORE   fills the rollups with a year of
//       synthetic contacts (LUISTER_BENCH_CONTACTS, default 10,000,000)
//       through VolumeRepository::Add, the job's own write, then times the
//       heatmap's read (ReadHeatmap, what GET /api/v1/volume/heatmap does)
//       in Europe/Amsterdam for the views a planner opens, each over 40
//       different ranges: p50 / p95 / max in ms; and a year in
//       Asia/Kolkata, whose half-hour offset reads quarters.
//   luister_volume_bench rollup STORE    writes conversations through the
//       repositories as the API does (opened, a question, an answer), first
//       with no rollup job, then with a thread running the job's rounds
//       beside the writer: the write latency both ways, and the rounds' cost
//       per timeline event and per contact.
//
// STORE is a SQLite file path (created; must not exist) or a postgresql://
// URL of an empty database (bench/volume.sh starts a throw-away cluster).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "common/time.h"
#include "domain/contact_volume.h"
#include "domain/conversation.h"
#include "domain/zone_clock.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"

using namespace luister;
using SteadyClock = std::chrono::steady_clock;

namespace {

[[noreturn]] void Die(const std::string& what, const Status& s) {
  std::cerr << "volume_bench: " << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r.ok()) Die(what, r.status());
  return std::move(r).value();
}

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoll(v) : fallback;
}

double Ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Percentiles {
  double p50 = 0, p95 = 0, max = 0;
};

Percentiles Of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
  };
  return {at(0.5), at(0.95), v.back()};
}

std::unique_ptr<Store> OpenStore(const std::string& where) {
  if (where.rfind("postgres", 0) == 0) {
    PostgresOptions o;
    return Must(PostgresStore::Open(where, o), "open " + where);
  }
  if (std::filesystem::exists(where)) {
    std::cerr << "volume_bench: " << where << " exists; give a new file\n";
    std::exit(2);
  }
  SqliteOptions o;
  return Must(SqliteStore::Open(where, o), "open " + where);
}

// ---------------------------------------------------------------- heatmap

// A large desk's year: 10 queues in 4 departments, 6 locations, 4 customer
// segments; e-mail, phone and chat most, a few walk-ins; a weekday and an
// intraday profile (closed at night: a trickle of e-mail and web forms).
constexpr int kQueues = 10;
constexpr int kLocations = 6;
const char* const kSegments[] = {"", "particulier", "zakelijk", "vip"};
const double kSegmentShare[] = {0.25, 0.5, 0.2, 0.05};
const Channel kChannels[] = {Channel::kEmail, Channel::kPhone,  Channel::kChat,
                             Channel::kSocial, Channel::kWebform, Channel::kShop};
const double kChannelShare[] = {0.34, 0.3, 0.2, 0.05, 0.08, 0.03};
const double kWeekday[] = {1.3, 1.15, 1.05, 1.0, 0.95, 0.35, 0.2};  // Monday first

double Intraday(int quarter) {  // 0..95, UTC ~ local for the bench
  const double h = quarter / 4.0;
  if (h < 7 || h >= 22) return 0.03;
  // Two peaks: mid-morning and early afternoon.
  return 0.3 + std::exp(-(h - 10.5) * (h - 10.5) / 3) + 0.8 * std::exp(-(h - 14) * (h - 14) / 4);
}

int64_t FillYear(VolumeRepository& repo, int64_t contacts, Timestamp start, int days) {
  std::mt19937_64 rng(20261206);
  std::discrete_distribution<int> channel(std::begin(kChannelShare), std::end(kChannelShare));
  std::discrete_distribution<int> segment(std::begin(kSegmentShare), std::end(kSegmentShare));
  std::uniform_int_distribution<int> queue(1, kQueues), location(1, kLocations);
  std::uniform_int_distribution<int> wait(0, 300), talk(60, 600);
  double weight = 0;
  for (int d = 0; d < days; ++d)
    for (int q = 0; q < 96; ++q) weight += kWeekday[d % 7] * Intraday(q);
  const double per_weight = static_cast<double>(contacts) / weight;
  int64_t mark = 0, written = 0;
  for (int d = 0; d < days; ++d) {
    std::map<VolumeKey, VolumeCounts> day;
    for (int q = 0; q < 96; ++q) {
      const Timestamp bucket = start + std::chrono::minutes(15 * (d * 96 + q));
      std::poisson_distribution<int> n(per_weight * kWeekday[d % 7] * Intraday(q));
      for (int i = n(rng); i > 0; --i) {
        VolumeKey k;
        k.bucket = bucket;
        k.channel = kChannels[channel(rng)];
        k.segment = kSegments[segment(rng)];
        if (k.channel == Channel::kShop) {
          k.location_id = location(rng);
          k.department_id = 1 + (k.location_id - 1) % 4;
        } else {
          k.queue_id = queue(rng);
          k.department_id = 1 + (k.queue_id - 1) % 4;
        }
        VolumeCounts& c = day[k];
        if (k.channel != Channel::kPhone) {  // a call opens no conversation by itself
          ++c.opened;
          ++c.messages_in;
        } else {
          ++c.calls_offered;
          ++c.waits;
          c.wait_seconds += wait(rng);
          if (wait(rng) < 270) {
            ++c.calls_answered;
            ++c.handled;
            c.handle_seconds += talk(rng);
          } else {
            ++c.calls_abandoned;
          }
        }
        ++written;
      }
    }
    // One transaction a day, as a catching-up job writes them.
    if (!Must(repo.Add(VolumeSource::kActivities, day, mark, mark + 1), "add"))
      Die("add", Unavailable("the watermark moved under the bench"));
    ++mark;
  }
  return written;
}

int Heatmap(const std::string& where) {
  const int64_t contacts = EnvInt("LUISTER_BENCH_CONTACTS", 10'000'000);
  const int days = static_cast<int>(EnvInt("LUISTER_BENCH_DAYS", 364));
  auto store = OpenStore(where);
  VolumeRepository& repo = *Must(store->Find<VolumeRepository>(), "volume repository");
  const Timestamp start = *ParseIso8601("2025-12-01T00:00:00Z");  // a Monday
  auto t0 = SteadyClock::now();
  const int64_t written = FillYear(repo, contacts, start, days);
  const double fill_s = Ms(SteadyClock::now() - t0) / 1000;
  std::printf("filled %lld contacts over %d days in %.1f s (%.2f us per contact)\n",
              static_cast<long long>(written), days, fill_s,
              fill_s * 1e6 / static_cast<double>(written));

  auto zone = Must(ZoneClock::Open("Europe/Amsterdam"), "zone");
  auto kolkata = Must(ZoneClock::Open("Asia/Kolkata"), "zone");
  struct View {
    const char* name;
    VolumeFilter filter;
    int days;
    const ZoneClock* in = nullptr;  // else Amsterdam
  };
  std::vector<View> views;
  views.push_back({"28 days, every contact", {}, 28});
  VolumeFilter phone;
  phone.channel = Channel::kPhone;
  views.push_back({"28 days, phone", phone, 28});
  VolumeFilter queue;
  queue.queue_id = 3;
  views.push_back({"28 days, one queue", queue, 28});
  VolumeFilter department;
  department.department_id = 2;
  views.push_back({"28 days, one department", department, 28});
  VolumeFilter seg;
  seg.segment = "zakelijk";
  views.push_back({"28 days, one segment", seg, 28});
  VolumeFilter shop;
  shop.location_id = 2;
  views.push_back({"28 days, one location", shop, 28});
  VolumeFilter both = department;
  both.segment = "vip";
  views.push_back({"28 days, department and segment (full grain)", both, 28});
  views.push_back({"12 weeks, every contact", {}, 84});
  views.push_back({"a year, every contact", {}, 364});
  views.push_back({"a year, one queue", queue, 364});
  views.push_back({"a year, department and segment (full grain)", both, 364});
  views.push_back({"a year, every contact, Asia/Kolkata (by the quarter)", {}, 364, &kolkata});

  std::printf("| view | p50 ms | p95 ms | max ms | contacts in range (last run) |\n");
  std::printf("|---|---:|---:|---:|---:|\n");
  std::mt19937_64 rng(7);
  for (const View& v : views) {
    std::vector<double> times;
    int64_t seen = 0;
    const int runs = 40;
    for (int i = -1; i < runs; ++i) {  // the first run warms the cache, not counted
      // Ranges end at any minute, as "the last 28 days" from now does.
      const int latest = (days - v.days) * 24 * 60;
      const int offset = std::uniform_int_distribution<int>(0, std::max(0, latest - 1))(rng);
      const Timestamp from = start + std::chrono::minutes(offset);
      const Timestamp to = from + std::chrono::hours(24 * v.days);
      auto a = SteadyClock::now();
      const VolumeHeatmap map =
          Must(ReadHeatmap(repo, v.in ? *v.in : zone, from, to, v.filter), "heatmap");
      const double ms = Ms(SteadyClock::now() - a);
      if (i >= 0) times.push_back(ms);
      seen = map.total.contacts();
    }
    const Percentiles p = Of(times);
    std::printf("| %s | %.1f | %.1f | %.1f | %lld |\n", v.name, p.p50, p.p95, p.max,
                static_cast<long long>(seen));
  }
  return 0;
}

// ---------------------------------------------------------------- rollup

// Conversations as the API writes them: opened, a question, an answer.
struct Writer {
  Store& store;
  int64_t customer = 0, department = 0, agent = 0;
  std::mt19937_64 rng{42};

  // Each write's wall time, in ms.
  std::vector<double> Write(int conversations, Timestamp at) {
    std::vector<double> times;
    times.reserve(static_cast<size_t>(conversations) * 3);
    for (int i = 0; i < conversations; ++i) {
      at += std::chrono::seconds(20);
      NewConversation nc;
      nc.customer_id = customer;
      nc.department_id = department;
      nc.channel = kChannels[i % 3];
      nc.subject = "Bestelling " + std::to_string(i);
      nc.created_at = at;
      auto a = SteadyClock::now();
      Conversation c = Must(store.conversations().Create(
                                nc, [](const Conversation& v) { return PlanOpening(v, std::nullopt); }),
                            "create");
      times.push_back(Ms(SteadyClock::now() - a));
      for (int m = 0; m < 2; ++m) {
        NewMessage msg;
        msg.conversation_id = c.id;
        msg.direction = m == 0 ? Direction::kIn : Direction::kOut;
        if (m == 1) msg.author_user_id = agent;
        msg.body_text = m == 0 ? "Waar blijft mijn bestelling?" : "Die komt morgen, excuses.";
        msg.created_at = at + std::chrono::minutes(m * 7);
        a = SteadyClock::now();
        Must(store.conversations().AddMessage(
                 msg,
                 [](const Conversation& v, const NewMessage& n, int64_t id, Timestamp t) {
                   return PlanMessage(v, n, id, t, std::nullopt);
                 }),
             "message");
        times.push_back(Ms(SteadyClock::now() - a));
      }
    }
    return times;
  }
};

int Rollup(const std::string& where) {
  const int conversations = static_cast<int>(EnvInt("LUISTER_BENCH_CONVERSATIONS", 20'000));
  auto store = OpenStore(where);
  VolumeRepository& repo = *Must(store->Find<VolumeRepository>(), "volume repository");
  SystemClock clock;
  VolumeService volume(*store, repo, clock);
  const Timestamp t0 = *ParseIso8601("2026-11-02T08:00:00Z");
  Writer w{*store};
  w.department = Must(store->directory().CreateDepartment("Klantenservice", t0), "dept").id;
  NewUser agent;
  agent.email = "bench@luister.local";
  agent.name = "Bench";
  agent.role = Role::kAgent;
  w.agent = Must(store->directory().CreateUser(agent, t0), "agent").id;
  NewCustomer nc;
  nc.name = "Bench Klant";
  nc.segment = "zakelijk";
  nc.identities.push_back({IdentityKind::kEmail, "klant@example.org"});
  nc.created_at = t0;
  w.customer = Must(store->customers().Create(nc), "customer").id;

  // Warm up (caches, the connection pool), then alternate: writes with no
  // job beside them (the job then catches up alone, timed), and writes
  // with the job's rounds running beside them, as on a live desk; four
  // rounds, so that neither side has the cold start or the larger table.
  Timestamp at = t0;
  auto next_week = [&] {
    at += std::chrono::hours(24 * 7);
    return at;
  };
  w.Write(conversations / 10, next_week());
  while (Must(volume.RunRound(100'000), "round") > 0) {
  }
  std::vector<double> alone, with_job;
  double alone_s = 0, with_s = 0, catch_up_s = 0;
  int64_t events = 0, beside = 0;
  const int per_round = conversations / 4;
  for (int round = 0; round < 4; ++round) {
    if (round % 2 == 0) {
      auto a = SteadyClock::now();
      auto times = w.Write(per_round, next_week());
      alone_s += Ms(SteadyClock::now() - a) / 1000;
      alone.insert(alone.end(), times.begin(), times.end());
      a = SteadyClock::now();
      for (int n; (n = Must(volume.RunRound(100'000), "round")) > 0;) events += n;
      catch_up_s += Ms(SteadyClock::now() - a) / 1000;
      continue;
    }
    std::atomic<bool> stop{false};
    std::atomic<int64_t> read{0};
    std::thread job([&] {
      while (!stop.load()) {
        const int n = Must(volume.RunRound(100'000), "round");
        read += n;
        if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
    auto a = SteadyClock::now();
    auto times = w.Write(per_round, next_week());
    with_s += Ms(SteadyClock::now() - a) / 1000;
    with_job.insert(with_job.end(), times.begin(), times.end());
    stop = true;
    job.join();
    for (int n; (n = Must(volume.RunRound(100'000), "round")) > 0;) read += n;
    beside += read.load();
  }

  const Percentiles p_alone = Of(alone), p_with = Of(with_job);
  const int64_t contacts = 2 * per_round;  // the conversations the timed catch-ups read
  std::printf("writes: %d conversations (opened, question, answer: 3 writes each), in four rounds\n",
              4 * per_round);
  std::printf("| | writes/s | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
  std::printf("| no rollup job | %.0f | %.3f | %.3f | %.1f |\n",
              static_cast<double>(alone.size()) / alone_s, p_alone.p50, p_alone.p95, p_alone.max);
  std::printf("| rollup job beside | %.0f | %.3f | %.3f | %.1f |\n",
              static_cast<double>(with_job.size()) / with_s, p_with.p50, p_with.p95, p_with.max);
  std::printf(
      "rollup catching up alone: %lld timeline events in %.2f s: %.1f us per event, %.1f us per "
      "contact (opened + question + answer); beside the writes: %lld events\n",
      static_cast<long long>(events), catch_up_s, catch_up_s * 1e6 / static_cast<double>(events),
      catch_up_s * 1e6 / static_cast<double>(contacts), static_cast<long long>(beside));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::string(argv[1]) != "heatmap" && std::string(argv[1]) != "rollup")) {
    std::cerr << "usage: luister_volume_bench heatmap|rollup SQLITE_FILE|POSTGRES_URL\n";
    return 2;
  }
  return std::string(argv[1]) == "heatmap" ? Heatmap(argv[2]) : Rollup(argv[2]);
}
