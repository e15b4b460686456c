// Questions about no known topic (C9): how well the topic classifier's
// signals tell a question about one of its topics from one about
// something else, on BANKING77's train.csv (our own split: a text whose
// hash is 0 mod 5 is held out, as bench/topics_split.py does). Some
// intents are hidden from training; their held-out questions are the
// "unknown" ones. For each signal of TopicReading: AUROC, and the share of
// unknown questions rejected at the cut that keeps 95 % of the known; for
// the confidence, the known kept and unknown rejected at fixed cuts.
//
//   build-bench/bench/luister_topics_open_set ../shared/data/banking77/train.csv --hide-every 5
//   build-bench/bench/luister_topics_open_set ../shared/data/banking77/train.csv --known 8
//
// Results and what they decided: docs/benchmarks.md, "Topics: questions
// about no known topic".
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/csv.h"
#include "domain/topic_classifier.h"

namespace {

using luister::TopicClassifier;
using luister::TopicExample;
using luister::TopicReading;

// (signal, 1 when the question is about a known topic)
using Scored = std::vector<std::pair<double, int>>;

double Auroc(Scored v) {
  std::sort(v.begin(), v.end());
  double rank_sum = 0;
  double known = 0;
  double unknown = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].second) {
      rank_sum += static_cast<double>(i + 1);
      ++known;
    } else {
      ++unknown;
    }
  }
  return (rank_sum - known * (known + 1) / 2) / (known * unknown);
}

// The share of unknown questions below the cut that keeps 95 % of the known.
double RejectedAtKeep95(const Scored& v) {
  std::vector<double> known;
  for (const auto& [s, k] : v)
    if (k) known.push_back(s);
  std::sort(known.begin(), known.end());
  const double cut = known[known.size() * 5 / 100];
  double rejected = 0;
  double unknown = 0;
  for (const auto& [s, k] : v)
    if (!k) {
      ++unknown;
      rejected += s < cut ? 1 : 0;
    }
  return rejected / unknown;
}

int Usage() {
  std::fprintf(stderr, "usage: luister_topics_open_set TRAIN.csv (--hide-every N | --known K)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return Usage();
  const std::string mode = argv[2];
  const int n = std::atoi(argv[3]);
  if ((mode != "--hide-every" && mode != "--known") || n < 1) return Usage();
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  auto rows = luister::ParseCsv(text.str());
  if (!rows.ok() || rows->size() < 2) {
    std::fprintf(stderr, "%s: not a CSV of text,label\n", argv[1]);
    return 2;
  }
  std::set<std::string> labels;
  for (size_t i = 1; i < rows->size(); ++i) labels.insert((*rows)[i].at(1));
  // Hidden: every n-th intent (by name), or all but n spread over the list.
  std::set<std::string> hidden;
  int index = 0;
  int keep = n;
  const int step = std::max(1, static_cast<int>(labels.size()) / n);
  for (const std::string& l : labels) {
    const bool hide =
        mode == "--hide-every" ? index % n == 0 : (index % step != step / 2 || keep-- <= 0);
    if (hide) hidden.insert(l);
    ++index;
  }
  std::vector<TopicExample> train;
  std::vector<TopicExample> test;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& r = (*rows)[i];
    if (std::hash<std::string>{}(r[0]) % 5 == 0)
      test.push_back({r[0], r[1]});
    else if (!hidden.count(r[1]))
      train.push_back({r[0], r[1]});
  }
  auto model = TopicClassifier::Train(train);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  Scored confidence, score, margin, coverage;
  int right = 0;
  int known = 0;
  for (const TopicExample& e : test) {
    const TopicReading r = model->Read(e.text);
    const int k = hidden.count(e.label) ? 0 : 1;
    if (k) {
      ++known;
      right += r.label == e.label ? 1 : 0;
    }
    confidence.emplace_back(r.confidence, k);
    score.emplace_back(r.score, k);
    margin.emplace_back(r.margin, k);
    coverage.emplace_back(r.coverage, k);
  }
  std::printf("%zu of %zu intents known; accuracy on the known %.3f (%d questions); %zu unknown\n",
              labels.size() - hidden.size(), labels.size(), static_cast<double>(right) / known,
              known, test.size() - known);
  const std::pair<const char*, const Scored*> signals[] = {
      {"confidence", &confidence}, {"score", &score}, {"margin", &margin}, {"coverage", &coverage}};
  for (const auto& [name, v] : signals)
    std::printf("%-10s AUROC %.3f, unknown rejected keeping 95%% of the known %.3f\n", name,
                Auroc(*v), RejectedAtKeep95(*v));
  for (double cut : {0.5, 0.7, 0.9}) {
    double kept = 0;
    double rejected = 0;
    for (const auto& [s, k] : confidence) {
      if (k) kept += s >= cut ? 1 : 0;
      if (!k) rejected += s < cut ? 1 : 0;
    }
    std::printf("confidence >= %.1f: known kept %.3f, unknown rejected %.3f\n", cut, kept / known,
                rejected / static_cast<double>(test.size() - known));
  }
  return 0;
}
