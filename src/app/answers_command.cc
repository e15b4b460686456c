// `luister answers eval`: the answer matcher (domain/answer_matcher.h)
// measured on anyone's data: learn from one file, score on another.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/commands.h"
#include "domain/answer_consistency.h"
#include "domain/answer_matcher.h"

namespace luister {

namespace {

// JSON lines of {"text","answer_id"} (the id a string or a number); blank
// lines skipped. InvalidArgument naming the file and line otherwise.
Result<std::vector<AnswerExample>> ReadExamples(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + path);
  std::vector<AnswerExample> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto where = path + ":" + std::to_string(n) + ": ";
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return InvalidArgument(where + "not a JSON object");
    const auto text = j.find("text");
    const auto id = j.find("answer_id");
    if (text == j.end() || !text->is_string()) return InvalidArgument(where + "no \"text\" string");
    if (id == j.end() || !(id->is_string() || id->is_number_integer()))
      return InvalidArgument(where + "no \"answer_id\" (a string or an integer)");
    out.push_back({text->get<std::string>(),
                   id->is_string() ? id->get<std::string>() : std::to_string(id->get<int64_t>())});
  }
  if (out.empty()) return InvalidArgument(path + " holds no lines");
  return out;
}

}  // namespace

int RunAnswersEval(const AnswersEvalArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "luister: " << s.message() << "\n";
    return 2;
  };
  if (args.method != "hybrid" && args.method != "bm25")
    return fail(InvalidArgument("--method must be hybrid or bm25: " + args.method));
  auto train = ReadExamples(args.train);
  if (!train.ok()) return fail(train.status());
  auto test = ReadExamples(args.test);
  if (!test.ok()) return fail(test.status());
  auto matcher = AnswerMatcher::Build(
      *train, args.method == "bm25" ? MatchMethod::kBm25 : MatchMethod::kHybrid);
  if (!matcher.ok()) return fail(matcher.status());

  int top1 = 0, top3 = 0;
  std::vector<double> ms;
  ms.reserve(test->size());
  for (const AnswerExample& e : *test) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<AnswerScore> ranked = matcher->Rank(e.text, 3);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    for (size_t i = 0; i < ranked.size(); ++i)
      if (ranked[i].answer_id == e.answer_id) {
        top1 += i == 0;
        ++top3;
        break;
      }
  }
  std::sort(ms.begin(), ms.end());
  const auto n = static_cast<double>(test->size());
  auto round4 = [](double v) { return std::round(v * 10000) / 10000; };
  const nlohmann::json out = {{"top1", round4(top1 / n)},
                              {"top3", round4(top3 / n)},
                              {"latency_ms_p50", round4(ms[ms.size() / 2])},
                              {"n_test", test->size()}};
  std::cout << out.dump() << "\n";
  return 0;
}

namespace {

struct LabelledPair {
  std::string where;  // file:line
  std::string lang, published, reply, kind;
  bool contradiction = false;
};

// JSON lines of {"lang","published","reply","label"[,"kind"]}; blank lines
// skipped. InvalidArgument naming the file and line otherwise.
Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + path);
  std::vector<LabelledPair> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto where = path + ":" + std::to_string(n);
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    auto text = [&](const char* key) -> std::optional<std::string> {
      if (j.is_discarded() || !j.is_object()) return std::nullopt;
      const auto it = j.find(key);
      if (it == j.end() || !it->is_string()) return std::nullopt;
      return it->get<std::string>();
    };
    const auto lang = text("lang"), published = text("published"), reply = text("reply"),
               label = text("label");
    if (!lang || !published || !reply || !label ||
        (*label != "consistent" && *label != "contradiction"))
      return InvalidArgument(where +
                             ": needs \"lang\", \"published\", \"reply\" and \"label\" "
                             "(consistent or contradiction)");
    out.push_back(
        {where, *lang, *published, *reply, text("kind").value_or(""), *label == "contradiction"});
  }
  if (out.empty()) return InvalidArgument(path + " holds no lines");
  return out;
}

// Precision and recall per language, recall per kind.
class Score {
 public:
  void Add(const LabelledPair& p, bool said) {
    Counts& c = by_lang_[p.lang];
    c.tp += said && p.contradiction;
    c.fp += said && !p.contradiction;
    c.fn += !said && p.contradiction;
    c.tn += !said && !p.contradiction;
    if (p.contradiction) {
      by_kind_[p.kind].second++;
      by_kind_[p.kind].first += said;
    }
  }
  nlohmann::json Json() const {
    auto round4 = [](double v) { return std::round(v * 10000) / 10000; };
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [lang, c] : by_lang_) {
      const double p = c.tp + c.fp ? static_cast<double>(c.tp) / (c.tp + c.fp) : 0;
      const double r = c.tp + c.fn ? static_cast<double>(c.tp) / (c.tp + c.fn) : 0;
      out[lang] = {{"precision", round4(p)},
                   {"recall", round4(r)},
                   {"n", c.tp + c.fp + c.fn + c.tn},
                   {"contradictions", c.tp + c.fn}};
    }
    nlohmann::json kinds = nlohmann::json::object();
    for (const auto& [kind, fl] : by_kind_)
      kinds[kind.empty() ? "unnamed" : kind] = {
          {"recall", round4(static_cast<double>(fl.first) / fl.second)}, {"n", fl.second}};
    out["recall_by_kind"] = kinds;
    return out;
  }

 private:
  struct Counts {
    int tp = 0, fp = 0, fn = 0, tn = 0;
  };
  std::map<std::string, Counts> by_lang_;
  std::map<std::string, std::pair<int, int>> by_kind_;  // found, labelled
};

}  // namespace

int RunAnswersConsistency(const AnswersConsistencyArgs& args) {
  const Result<std::vector<LabelledPair>> pairs = ReadLabelledPairs(args.input);
  if (!pairs.ok()) {
    std::cerr << "luister: " << pairs.status().message() << "\n";
    return 2;
  }
  Score score;
  for (const LabelledPair& p : *pairs) {
    const std::vector<AnswerConflict> found = FindConflicts(p.published, p.reply);
    const bool said = !found.empty();
    score.Add(p, said);
    if (args.findings || args.reading) {
      nlohmann::json line = {
          {"where", p.where}, {"lang", p.lang}, {"contradiction", p.contradiction},
          {"kind", p.kind},   {"said", said},   {"signals", nlohmann::json::array()}};
      for (const ConflictSignal& s : ConflictSignals(p.published, p.reply))
        line["signals"].push_back({{"signal", s.signal},
                                   {"strong", s.strong},
                                   {"published", s.conflict.published},
                                   {"written", s.conflict.written},
                                   {"published_sentence", s.conflict.published_sentence},
                                   {"written_sentence", s.conflict.written_sentence}});
      if (args.reading) line["reading"] = DescribeReading(p.published, p.reply);
      std::cerr << line.dump() << "\n";
    }
    if (args.verbose && said != p.contradiction) {
      std::cerr << (said ? "FALSE ALARM " : "MISSED ") << p.where << ": " << p.kind
                << "\n  published: " << p.published << "\n  reply: " << p.reply << "\n";
      for (const AnswerConflict& f : found)
        std::cerr << "  found " << ToString(f.kind) << ": " << f.published << " / " << f.written
                  << "\n";
      if (!said)
        for (const ConflictSignal& s : ConflictSignals(p.published, p.reply))
          std::cerr << "  signal " << s.signal << ": " << s.conflict.published << " / "
                    << s.conflict.written << "\n";
    }
  }
  std::cout << score.Json().dump() << "\n";
  return 0;
}

}  // namespace luister
