// `luister answers eval`: the answer matcher (domain/answer_matcher.h)
// measured on anyone's data: learn from one file, score on another.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/commands.h"
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

}  // namespace luister
