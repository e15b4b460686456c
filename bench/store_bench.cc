// Storage-level benchmarks over a large SQLite database (Google Benchmark).
//
// The fixture is a SQLite file with LUISTER_BENCH_MESSAGES (default 1,000,000)
// messages of real customer-service text (Bitext, BANKING77, xSID Dutch and
// Luister's own Dutch demo lines, with generated names and order numbers), in
// ~5-message conversations of ~10 conversations per customer, plus one
// customer with 5,000 contacts (messages) in 1,000 conversations for the
// timeline. Every message goes through ConversationRepository::AddMessage, one
// transaction each, exactly as the API writes them, so building the fixture
// is itself the storage insert-rate measurement (printed, and kept next to the
// file in <db>.info). The file is cached: a re-run with the same size skips
// generation.
//
// Latency percentiles are not Google Benchmark's mean-of-repetitions: every
// benchmark records each call's wall time and reports p50/p95/p99 (ms) as
// counters.
//
// Environment:
//   LUISTER_BENCH_DATA      folder with the public data sets (default ../shared/data of the repo)
//   LUISTER_BENCH_DB        fixture file (default <build>/bench/store_bench_<N>.db)
//   LUISTER_BENCH_MESSAGES  fixture size (default 1000000)
//   LUISTER_BENCH_ITERS     calls per search benchmark (default 100; timeline x10, get x100)

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_store.h"

namespace fs = std::filesystem;
using namespace luister;
using SteadyClock = std::chrono::steady_clock;

namespace {

// The domain's plans, as the services pass them: opened by nobody; a message
// that moves the conversation to `status` when set.
OpeningPlan NoActor() {
  return [](const Conversation& v) { return PlanOpening(v, std::nullopt); };
}
MessagePlan ToStatus(std::optional<ConversationStatus> status) {
  return [status](const Conversation& v, const NewMessage& m, int64_t id, Timestamp at) {
    return PlanMessage(v, m, id, at, status);
  };
}

// ---------------------------------------------------------------- config

std::string Env(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoll(v) : fallback;
}

[[noreturn]] void Die(const std::string& what, const Status& s) {
  std::cerr << "store_bench: " << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r.ok()) Die(what, r.status());
  return std::move(r).value();
}

// ---------------------------------------------------------------- corpus

// RFC 4180 CSV: quoted fields may hold commas, newlines and "" escapes.
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "store_bench: cannot read " << path << " (set LUISTER_BENCH_DATA)\n";
    std::exit(1);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<std::string>> ReadTsv(const fs::path& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "store_bench: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> row;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

int Column(const std::vector<std::string>& header, const std::string& name) {
  auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) {
    std::cerr << "store_bench: no column " << name << "\n";
    std::exit(1);
  }
  return static_cast<int>(it - header.begin());
}

struct Corpus {
  std::vector<std::string> en_questions;  // customer turns
  std::vector<std::string> en_answers;    // agent turns
  std::vector<std::string> nl_questions;
  std::vector<std::string> nl_answers;
};

Corpus LoadCorpus(const fs::path& shared, const fs::path& demo) {
  Corpus c;
  {
    auto rows = ReadCsv(shared / "bitext_customer_support" /
                        "Bitext_Sample_Customer_Support_Training_Dataset.csv");
    int q = Column(rows.at(0), "instruction");
    int a = Column(rows.at(0), "response");
    for (size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].size() <= static_cast<size_t>(std::max(q, a))) continue;
      c.en_questions.push_back(rows[i][q]);
      c.en_answers.push_back(rows[i][a]);
    }
  }
  {
    auto rows = ReadCsv(shared / "banking77" / "train.csv");
    int t = Column(rows.at(0), "text");
    for (size_t i = 1; i < rows.size(); ++i)
      if (rows[i].size() > static_cast<size_t>(t)) c.en_questions.push_back(rows[i][t]);
  }
  {
    auto rows = ReadTsv(shared / "xsid_nl" / "nl.valid.tsv");
    int t = Column(rows.at(0), "text");
    for (size_t i = 1; i < rows.size(); ++i)
      if (rows[i].size() > static_cast<size_t>(t)) c.nl_questions.push_back(rows[i][t]);
  }
  {
    auto rows = ReadTsv(demo / "dutch.tsv");
    int q = Column(rows.at(0), "question");
    int a = Column(rows.at(0), "answer");
    for (size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].size() <= static_cast<size_t>(std::max(q, a))) continue;
      // The hand-written Dutch lines are customer-service text; weigh them up
      // against the virtual-assistant sentences of xSID.
      for (int k = 0; k < 6; ++k) c.nl_questions.push_back(rows[i][q]);
      c.nl_answers.push_back(rows[i][a]);
    }
  }
  return c;
}

const char* const kFirstNames[] = {"Anna", "Bram", "Chloe", "Daan", "Emma", "Finn", "Grace",
                                   "Hugo", "Iris", "Jesse", "Kim", "Lars", "Mila", "Noah",
                                   "Olivia", "Pieter", "Quinn", "Ruben", "Sara", "Tom"};
const char* const kLastNames[] = {"de Vries", "Jansen", "Smith", "Bakker", "Visser", "Brown",
                                  "Mulder", "Wilson", "de Boer", "Taylor", "Meijer", "Clarke"};
const char* const kEnOpen[] = {"", "", "Hi, ", "Hello, ", "Good morning, ", "Hi there. ",
                               "Hello team, "};
const char* const kEnClose[] = {"", "", " Thanks!", " Thank you.", " Regards, {name}",
                                " Cheers, {name}"};
const char* const kNlOpen[] = {"", "", "Hoi, ", "Goedemorgen, ", "Beste klantenservice, "};
const char* const kNlClose[] = {"", "", " Alvast bedankt!", " Groet, {name}", " Dank je wel."};

class TextMaker {
 public:
  TextMaker(const Corpus& c, uint64_t seed) : c_(c), rng_(seed) {}

  std::string Question(bool dutch, const std::string& name) {
    const auto& pool = dutch ? c_.nl_questions : c_.en_questions;
    std::string s = Pick(dutch ? std::begin(kNlOpen) : std::begin(kEnOpen),
                         dutch ? std::end(kNlOpen) : std::end(kEnOpen)) +
                    pool[Uniform(pool.size())];
    s += Pick(dutch ? std::begin(kNlClose) : std::begin(kEnClose),
              dutch ? std::end(kNlClose) : std::end(kEnClose));
    return Fill(s, name);
  }

  std::string Answer(bool dutch, const std::string& name) {
    const auto& pool = dutch ? c_.nl_answers : c_.en_answers;
    return Fill(pool[Uniform(pool.size())], name);
  }

  std::string Name() {
    return std::string(kFirstNames[Uniform(std::size(kFirstNames))]) + " " +
           kLastNames[Uniform(std::size(kLastNames))];
  }

  size_t Uniform(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  std::mt19937_64& rng() { return rng_; }

 private:
  template <typename It>
  std::string Pick(It begin, It end) {
    return *(begin + Uniform(static_cast<size_t>(end - begin)));
  }

  // Fills {{Placeholder}} slots and {name} with generated values, which also
  // gives the index a realistic tail of unique tokens (order numbers).
  std::string Fill(const std::string& s, const std::string& name) {
    std::string out;
    out.reserve(s.size() + 16);
    size_t i = 0;
    while (i < s.size()) {
      if (s.compare(i, 2, "{{") == 0) {
        size_t end = s.find("}}", i + 2);
        if (end == std::string::npos) break;
        std::string slot = s.substr(i + 2, end - i - 2);
        if (slot.find("Number") != std::string::npos || slot.find("ID") != std::string::npos)
          out += std::to_string(100000 + Uniform(900000));
        else if (slot.find("Name") != std::string::npos)
          out += name;
        else if (slot.find("Phone") != std::string::npos)
          out += "020 555 01" + std::to_string(10 + Uniform(90));
        else if (slot.find("URL") != std::string::npos || slot.find("Website") != std::string::npos)
          out += "https://shop.example.org/help";
        else
          out += slot;  // e.g. "Order History": readable as text
        i = end + 2;
      } else if (s.compare(i, 6, "{name}") == 0) {
        out += name.substr(0, name.find(' '));
        i += 6;
      } else {
        out += s[i++];
      }
    }
    return out;
  }

  const Corpus& c_;
  std::mt19937_64 rng_;
};

// ---------------------------------------------------------------- fixture

struct Fixture {
  std::unique_ptr<SqliteStore> store;
  int64_t timeline_customer = 0;
  int64_t messages = 0;
  double insert_rate = 0;  // messages/s while building, from <db>.info
  double build_seconds = 0;
};

Fixture* g_fixture = nullptr;

constexpr int64_t kTimelineContacts = 5000;
constexpr int kTimelineConversations = 1000;
const Channel kChannels[] = {Channel::kEmail, Channel::kChat,   Channel::kPhone,
                             Channel::kSocial, Channel::kShop, Channel::kWebform};

SqliteOptions StoreOptions() {
  SqliteOptions o;
  o.reader_connections = 4;
  return o;
}

// Writes one conversation of `count` alternating messages; returns messages written.
int64_t WriteConversation(SqliteStore& store, TextMaker& text, int64_t customer_id,
                          const std::string& name, bool dutch, int64_t department_id,
                          Channel channel, Timestamp start, int count, int64_t agent_id) {
  std::string first = text.Question(dutch, name);
  NewConversation nc;
  nc.customer_id = customer_id;
  nc.channel = channel;
  // At most 80 bytes, cut between characters: the API accepts only valid UTF-8,
  // and PostgreSQL refuses anything else (migrate-data copies this fixture).
  size_t cut = std::min<size_t>(first.size(), 80);
  while (cut > 0 && cut < first.size() && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80)
    --cut;
  nc.subject = first.substr(0, cut);
  nc.department_id = department_id;
  nc.created_at = start;
  Conversation conv = Must(store.conversations().Create(nc, NoActor()), "create conversation");
  Timestamp at = start;
  for (int i = 0; i < count; ++i) {
    NewMessage m;
    m.conversation_id = conv.id;
    bool inbound = i % 2 == 0;
    m.direction = inbound ? Direction::kIn : Direction::kOut;
    if (!inbound) m.author_user_id = agent_id;
    m.body_text = i == 0 ? first : inbound ? text.Question(dutch, name) : text.Answer(dutch, name);
    m.created_at = at;
    std::optional<ConversationStatus> status;
    if (i == count - 1) status = ConversationStatus::kResolved;
    Must(store.conversations().AddMessage(m, ToStatus(status)), "add message");
    at += std::chrono::minutes(5 + static_cast<int>(text.Uniform(600)));
  }
  return count;
}

void BuildFixture(const fs::path& db, int64_t target, const Corpus& corpus) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", ".info", ".tmp", ".tmp-wal", ".tmp-shm"})
    fs::remove(db.string() + suffix, ec);
  const std::string tmp = db.string() + ".tmp";
  auto store = Must(SqliteStore::Open(tmp, StoreOptions()), "open " + tmp);
  TextMaker text(corpus, 20240601);
  const Timestamp epoch = FromMillis(1'700'000'000'000);  // Nov 2023; two years of traffic
  const int64_t span_minutes = 2 * 365 * 24 * 60;

  std::vector<int64_t> departments;
  for (const char* d : {"Klantenservice", "Billing", "Logistics"})
    departments.push_back(Must(store->directory().CreateDepartment(d, epoch), "department").id);
  NewUser agent;
  agent.email = "bench-agent@luister.local";
  agent.name = "Bench Agent";
  agent.role = Role::kAgent;
  int64_t agent_id = Must(store->directory().CreateUser(agent, epoch), "agent").id;

  auto new_customer = [&](const std::string& name, int64_t n) {
    NewCustomer c;
    c.name = name;
    c.language = text.Uniform(10) == 0 ? Language::kNl : Language::kEn;
    c.identities.push_back({IdentityKind::kEmail, "customer" + std::to_string(n) + "@example.org"});
    c.created_at = epoch;
    return Must(store->customers().Create(c), "customer").id;
  };

  std::cout << "store_bench: building " << target << " messages into " << db
            << " (cached for later runs)\n"
            << std::flush;
  auto started = SteadyClock::now();
  int64_t written = 0;
  int64_t customers = 0;
  auto progress = [&] {
    double secs = std::chrono::duration<double>(SteadyClock::now() - started).count();
    std::cout << "\r  " << written << "/" << target << " messages, " << static_cast<int64_t>(written / secs)
              << " msg/s   " << std::flush;
  };

  // The timeline customer first: 5,000 contacts over every channel and department.
  std::string tname = "Tijmen Tijdlijn";
  int64_t tcustomer = new_customer(tname, ++customers);
  for (int k = 0; k < kTimelineConversations; ++k) {
    Timestamp start = epoch + std::chrono::minutes(text.Uniform(span_minutes));
    written += WriteConversation(*store, text, tcustomer, tname, k % 3 == 0,
                                 departments[k % departments.size()], kChannels[k % 6], start,
                                 kTimelineContacts / kTimelineConversations, agent_id);
  }

  // Everyone else: ~10 conversations of 2-8 messages per customer.
  int64_t customer = 0;
  std::string name;
  bool dutch = false;
  int conversations_left = 0;
  while (written < target) {
    if (conversations_left == 0) {
      name = text.Name();
      customer = new_customer(name, ++customers);
      dutch = text.Uniform(10) == 0;
      conversations_left = 5 + static_cast<int>(text.Uniform(11));
    }
    --conversations_left;
    int count = static_cast<int>(std::min<int64_t>(2 + text.Uniform(7), target - written));
    Timestamp start = epoch + std::chrono::minutes(text.Uniform(span_minutes));
    written += WriteConversation(*store, text, customer, name, dutch,
                                 departments[text.Uniform(departments.size())],
                                 kChannels[text.Uniform(6)], start, count, agent_id);
    if (written % 100000 < 8) progress();
  }
  progress();
  double secs = std::chrono::duration<double>(SteadyClock::now() - started).count();
  std::cout << "\nstore_bench: built in " << secs << " s: " << written / secs
            << " messages/s through ConversationRepository::AddMessage (one transaction each, "
               "FTS and timeline included)\n";
  store.reset();
  fs::rename(tmp, db);  // WAL was checkpointed on close
  fs::remove(tmp + "-wal", ec);
  fs::remove(tmp + "-shm", ec);
  std::ofstream info(db.string() + ".info");
  info << "messages " << written << "\ncustomers " << customers << "\ntimeline_customer "
       << tcustomer << "\nseconds " << secs << "\ninsert_rate " << written / secs << "\n";
}

std::map<std::string, double> ReadInfo(const fs::path& db) {
  std::map<std::string, double> out;
  std::ifstream in(db.string() + ".info");
  std::string key;
  double value;
  while (in >> key >> value) out[key] = value;
  return out;
}

// ---------------------------------------------------------------- helpers

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  double rank = p / 100.0 * (v.size() - 1);
  size_t lo = static_cast<size_t>(rank);
  size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (rank - lo);
}

// One plain line per benchmark, printed after the run for bench/run.sh to
// parse (Google Benchmark's console output abbreviates counters as 4.9k).
std::vector<std::string> g_summary;

// Counters p50/p95/p99/max in ms, or in us for calls well under a millisecond.
void ReportLatency(benchmark::State& state, const std::string& name, const std::vector<double>& ms,
                   bool micro = false) {
  const double k = micro ? 1000.0 : 1.0;
  const std::string unit = micro ? "_us" : "_ms";
  std::ostringstream line;
  line << "STORE " << name << " p50" << unit << "=" << k * Percentile(ms, 50) << " p95"
       << unit << "=" << k * Percentile(ms, 95) << " p99" << unit << "=" << k * Percentile(ms, 99)
       << " calls=" << ms.size();
  if (!ms.empty()) {
    double total = 0;
    for (double v : ms) total += v;
    line << " calls_per_s=" << ms.size() / (total / 1000.0);
  }
  g_summary.push_back(line.str());
  state.counters["p50" + unit] = k * Percentile(ms, 50);
  state.counters["p95" + unit] = k * Percentile(ms, 95);
  state.counters["p99" + unit] = k * Percentile(ms, 99);
  state.counters["max" + unit] = k * (ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()));
}

template <typename F>
void Timed(benchmark::State& state, const std::string& name, F&& call, bool micro = false) {
  std::vector<double> ms;
  ms.reserve(state.max_iterations);
  for (auto _ : state) {
    auto t0 = SteadyClock::now();
    call();
    ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count());
  }
  ReportLatency(state, name, ms, micro);
}

// ---------------------------------------------------------------- benchmarks

void BM_Search(benchmark::State& state, std::string name, std::string text) {
  SearchQuery q;
  q.text = text;
  q.limit = 20;
  size_t hits = 0;
  Timed(state, name, [&] {
    auto r = g_fixture->store->search().Search(q);
    if (!r.ok()) Die("search", r.status());
    hits = r->size();
    benchmark::DoNotOptimize(hits);
  });
  state.counters["hits"] = static_cast<double>(hits);
}

// Ranking a word means bm25 over every matching row, so the match count
// explains the latency. Bisects on the offset (the API caps it at 10,000).
// Search pages only through the newest 5,000 matches (the ranking window,
// see sqlite_search_repository.cc), so counts stop there.
int64_t CountMatches(const std::string& text) {
  SearchQuery q;
  q.text = text;
  q.limit = 1;
  q.offset = 10000;
  if (auto r = g_fixture->store->search().Search(q); r.ok() && !r->empty()) return 10001;
  int64_t lo = 0, hi = 10000;  // hits exist at offsets < lo, none at >= hi
  while (lo < hi) {
    q.offset = static_cast<int>((lo + hi) / 2);
    auto r = g_fixture->store->search().Search(q);
    if (r.ok() && !r->empty()) lo = q.offset + 1;
    else hi = q.offset;
  }
  return lo;
}

void BM_TimelinePage(benchmark::State& state, std::string name, std::optional<Cursor> after,
                     TimelineFilter f) {
  PageRequest p;
  p.limit = 50;
  p.after = after;
  size_t items = 0;
  Timed(state, name, [&] {
    auto r = g_fixture->store->timeline().Timeline(g_fixture->timeline_customer, f, p);
    if (!r.ok()) Die("timeline", r.status());
    items = r->items.size();
    benchmark::DoNotOptimize(items);
  });
  state.counters["items"] = static_cast<double>(items);
}

void BM_GetConversation(benchmark::State& state) {
  const std::string name = "BM_GetConversation";
  std::mt19937_64 rng(7);
  // Conversation ids are dense from 1: find the largest by bisection.
  int64_t lo = 1, hi = g_fixture->messages + 1;
  while (hi - lo > 1) {
    int64_t mid = (lo + hi) / 2;
    (g_fixture->store->conversations().Get(mid).ok() ? lo : hi) = mid;
  }
  const int64_t count = lo;
  Timed(state, name, [&] {
    int64_t id = 1 + static_cast<int64_t>(rng() % count);
    auto r = g_fixture->store->conversations().Get(id);
    if (!r.ok()) Die("get conversation", r.status());
    benchmark::DoNotOptimize(r->id);
  }, /*micro=*/true);
}

// Inserts into a fresh scratch database, one transaction per message.
void BM_AddMessageScratch(benchmark::State& state, fs::path dir, const Corpus* corpus) {
  fs::path path = dir / "store_bench_scratch.db";
  std::error_code ec;
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(path.string() + s, ec);
  {
    auto store = Must(SqliteStore::Open(path.string(), StoreOptions()), "scratch");
    TextMaker text(*corpus, 99);
    auto dept = Must(store->directory().CreateDepartment("Bench", Now()), "dept").id;
    NewCustomer c;
    c.name = "Scratch";
    auto cust = Must(store->customers().Create(c), "customer").id;
    std::vector<int64_t> convs;
    for (int i = 0; i < 100; ++i) {
      NewConversation nc;
      nc.customer_id = cust;
      nc.department_id = dept;
      nc.subject = "scratch";
      convs.push_back(Must(store->conversations().Create(nc, NoActor()), "conv").id);
    }
    std::vector<std::string> bodies;
    for (int i = 0; i < 1000; ++i) bodies.push_back(text.Question(i % 10 == 0, "Sam Scratch"));
    size_t i = 0;
    std::vector<double> ms;
    ms.reserve(state.max_iterations);
    for (auto _ : state) {
      NewMessage m;
      m.conversation_id = convs[i % convs.size()];
      m.body_text = bodies[i % bodies.size()];
      ++i;
      auto t0 = SteadyClock::now();
      auto r = store->conversations().AddMessage(m, ToStatus(std::nullopt));
      ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count());
      if (!r.ok()) Die("add message", r.status());
    }
    ReportLatency(state, "BM_AddMessage/scratch_db", ms, /*micro=*/true);
    state.counters["msgs_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                       benchmark::Counter::kIsRate);
  }
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(path.string() + s, ec);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);

  const fs::path shared = Env("LUISTER_BENCH_DATA", std::string(LUISTER_SOURCE_DIR) + "/../shared/data");
  const fs::path demo = std::string(LUISTER_SOURCE_DIR) + "/data/demo";
  const int64_t target = EnvInt("LUISTER_BENCH_MESSAGES", 1'000'000);
  const int64_t iters = EnvInt("LUISTER_BENCH_ITERS", 100);
  const fs::path db = Env("LUISTER_BENCH_DB", std::string(LUISTER_BENCH_DIR) + "/store_bench_" +
                                                  std::to_string(target) + ".db");

  Corpus corpus = LoadCorpus(shared, demo);
  std::cout << "store_bench: corpus " << corpus.en_questions.size() << " EN questions, "
            << corpus.en_answers.size() << " EN answers, " << corpus.nl_questions.size()
            << " NL questions, " << corpus.nl_answers.size() << " NL answers\n";

  auto info = ReadInfo(db);
  if (!fs::exists(db) || info["messages"] < target) BuildFixture(db, target, corpus);
  info = ReadInfo(db);

  Fixture fx;
  fx.store = Must(SqliteStore::Open(db.string(), StoreOptions()), "open " + db.string());
  fx.messages = Must(fx.store->conversations().CountMessages(), "count");
  fx.timeline_customer = static_cast<int64_t>(info["timeline_customer"]);
  fx.insert_rate = info["insert_rate"];
  fx.build_seconds = info["seconds"];
  g_fixture = &fx;
  std::cout << "store_bench: fixture " << db << ": " << fx.messages << " messages, "
            << fs::file_size(db) / (1024 * 1024) << " MiB; built at " << fx.insert_rate
            << " messages/s (AddMessage, " << fx.build_seconds << " s)\n";

  const std::vector<std::pair<std::string, std::string>> queries = {
      {"common_word", "order"},
      {"word", "refund"},
      {"two_words", "cancel subscription"},
      {"two_words_rare_pair", "card declined"},
      {"phrase", "\"shipping address\""},
      {"dutch_word", "bestelling"},
      {"dutch_stem", "retourneren"},
      {"rare_word", "atrocious"},
      {"no_match", "xylofoonles"},
  };
  for (const auto& [label, text] : queries) {
    int64_t matches = CountMatches(text);
    std::cout << "store_bench: query " << label << " = " << text << ": "
              << (matches >= 5000 ? "5,000 or more (the ranking window)" : std::to_string(matches))
              << " matches\n";
    benchmark::RegisterBenchmark(("BM_Search/" + label).c_str(), BM_Search, "BM_Search/" + label, text)
        ->Iterations(iters)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }

  // Cursors for deep timeline pages: walk the whole timeline once.
  std::vector<std::optional<Cursor>> cursors{std::nullopt};
  {
    PageRequest p;
    p.limit = 50;
    while (true) {
      auto r = Must(fx.store->timeline().Timeline(fx.timeline_customer, {}, p), "timeline walk");
      if (!r.next) break;
      cursors.push_back(r.next);
      p.after = r.next;
    }
  }
  std::cout << "store_bench: timeline customer " << fx.timeline_customer << " has "
            << cursors.size() << " pages of 50\n";
  benchmark::RegisterBenchmark("BM_Timeline/first_page", BM_TimelinePage, "BM_Timeline/first_page", std::nullopt,
                               TimelineFilter{})
      ->Iterations(iters * 10)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RegisterBenchmark("BM_Timeline/middle_page", BM_TimelinePage, "BM_Timeline/middle_page",
                               cursors[cursors.size() / 2], TimelineFilter{})
      ->Iterations(iters * 10)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RegisterBenchmark("BM_Timeline/last_page", BM_TimelinePage, "BM_Timeline/last_page", cursors.back(),
                               TimelineFilter{})
      ->Iterations(iters * 10)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  TimelineFilter chat;
  chat.channel = Channel::kChat;
  benchmark::RegisterBenchmark("BM_Timeline/first_page_chat_only", BM_TimelinePage, "BM_Timeline/first_page_chat_only", std::nullopt,
                               chat)
      ->Iterations(iters * 10)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RegisterBenchmark("BM_GetConversation", BM_GetConversation)
      ->Iterations(iters * 100)
      ->Unit(benchmark::kMicrosecond)->UseRealTime();
  benchmark::RegisterBenchmark("BM_AddMessage/scratch_db", BM_AddMessageScratch,
                               db.parent_path(), &corpus)
      ->Iterations(20000)
      ->Unit(benchmark::kMicrosecond)->UseRealTime();

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const auto& line : g_summary) std::cout << line << "\n";
  g_fixture = nullptr;
  return 0;
}
