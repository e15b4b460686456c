// `luister topics eval`: the topic classifier (domain/topic_classifier.h)
// measured on anyone's data: learn from one file, score on another.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/commands.h"
#include "app/topic_examples.h"
#include "domain/topic_classifier.h"

namespace luister {

namespace {

// Macro-F1 over every label that occurs in the truth or the predictions
// (as scikit-learn's f1_score(average="macro") counts them).
double MacroF1(const std::vector<std::string>& truth, const std::vector<std::string>& predicted) {
  struct Counts {
    int tp = 0, fp = 0, fn = 0;
  };
  std::map<std::string, Counts> by_label;
  for (size_t i = 0; i < truth.size(); ++i) {
    if (truth[i] == predicted[i]) {
      ++by_label[truth[i]].tp;
    } else {
      ++by_label[predicted[i]].fp;
      ++by_label[truth[i]].fn;
    }
  }
  double sum = 0;
  for (const auto& entry : by_label) {
    const Counts& c = entry.second;
    const int denominator = 2 * c.tp + c.fp + c.fn;
    sum += denominator ? 2.0 * c.tp / denominator : 0;
  }
  return by_label.empty() ? 0 : sum / static_cast<double>(by_label.size());
}

// The value below which `share` of the sorted `v` lies (nearest rank).
double Percentile(const std::vector<double>& v, double share) {
  const auto rank = static_cast<size_t>(std::ceil(share * static_cast<double>(v.size())));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

}  // namespace

int RunTopicsEval(const TopicsEvalArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "luister: " << s.message() << "\n";
    return 2;
  };
  TopicClassifierOptions options;
  if (args.model == "svm") {
    options.model = TopicModelKind::kSvm;
  } else if (args.model == "softmax") {
    options.model = TopicModelKind::kSoftmax;
  } else if (args.model == "ensemble") {
    options.model = TopicModelKind::kEnsemble;
  } else {
    return fail(InvalidArgument("--model must be svm, softmax or ensemble: " + args.model));
  }
  options.seed = args.seed;
  options.threads = args.threads;
  auto train = ReadTopicExamples(args.train);
  if (!train.ok()) return fail(train.status());
  auto test = ReadTopicExamples(args.test);
  if (!test.ok()) return fail(test.status());

  const auto start = std::chrono::steady_clock::now();
  auto classifier = TopicClassifier::Train(*train, options);
  if (!classifier.ok())
    return fail(InvalidArgument(args.train + ": " + classifier.status().message()));
  const double train_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<std::string> truth, predicted;
  std::vector<double> ms;
  int correct = 0;
  for (const TopicExample& e : *test) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<TopicScore> top = classifier->Classify(e.text, 1);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    truth.push_back(e.label);
    predicted.push_back(top.front().label);
    correct += e.label == top.front().label;
  }
  std::sort(ms.begin(), ms.end());
  auto round4 = [](double v) { return std::round(v * 10000) / 10000; };
  const nlohmann::json out = {
      {"accuracy", round4(static_cast<double>(correct) / static_cast<double>(test->size()))},
      {"macro_f1", round4(MacroF1(truth, predicted))},
      {"latency_ms_p50", round4(Percentile(ms, 0.5))},
      {"latency_ms_p99", round4(Percentile(ms, 0.99))},
      {"n_test", test->size()}};
  std::cout << out.dump() << "\n";
  if (args.verbose) {
    const std::set<std::string> unseen_labels = [&] {
      std::set<std::string> known(classifier->labels().begin(), classifier->labels().end());
      std::set<std::string> unseen;
      for (const std::string& t : truth)
        if (!known.contains(t)) unseen.insert(t);
      return unseen;
    }();
    std::cerr << "trained on " << train->size() << " texts, " << classifier->labels().size()
              << " topics, " << classifier->features() << " features in " << round4(train_s)
              << " s; model " << classifier->Save().size() << " bytes, temperature "
              << classifier->temperature() << "; " << unseen_labels.size()
              << " test labels never seen in training\n";
  }
  return 0;
}

}  // namespace luister
