// `luister topics discover`: topic discovery (domain/topic_discovery.h) on
// anyone's texts, scored against their labels when the file has them.
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/topic_examples.h"
#include "domain/cluster_metrics.h"
#include "domain/topic_discovery.h"

namespace luister {

int RunTopicsDiscover(const TopicsDiscoverArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "luister: " << s.message() << "\n";
    return 2;
  };
  if (args.k < 0) return fail(InvalidArgument("--k must be 1 or more (or 0: estimated)"));
  auto examples = ReadTopicExamples(args.input, /*need_labels=*/false);
  if (!examples.ok()) return fail(examples.status());
  std::vector<std::string> texts;
  texts.reserve(examples->size());
  bool labelled = true;
  for (const TopicExample& e : *examples) {
    texts.push_back(e.text);
    labelled = labelled && !e.label.empty();
  }

  TopicDiscoveryOptions options;
  options.k = args.k;
  options.seed = args.seed;
  const auto start = std::chrono::steady_clock::now();
  auto found = DiscoverTopics(texts, options);
  if (!found.ok()) return fail(found.status());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (size_t i = 0; i < texts.size(); ++i) {
    const int c = found->cluster[i];
    nlohmann::ordered_json line = {
        {"text", texts[i]}, {"cluster", c}, {"cluster_name", found->topics[c].name}};
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (labelled) {
    std::map<std::string, int> ids;
    std::vector<int> labels;
    labels.reserve(examples->size());
    for (const TopicExample& e : *examples)
      labels.push_back(ids.emplace(e.label, static_cast<int>(ids.size())).first->second);
    auto round4 = [](double v) { return std::round(v * 10000) / 10000; };
    const nlohmann::ordered_json scores = {
        {"nmi", round4(NormalizedMutualInformation(labels, found->cluster))},
        {"ari", round4(AdjustedRandIndex(labels, found->cluster))},
        {"acc", round4(ClusteringAccuracy(labels, found->cluster))},
        {"k", found->topics.size()}};
    std::cout << scores.dump() << "\n";
  }
  if (args.verbose) {
    std::cerr << texts.size() << " texts, " << found->topics.size() << " topics"
              << (found->k_estimated ? " (k estimated)" : "") << ", " << seconds << " s\n";
    for (size_t t = 0; t < found->topics.size(); ++t) {
      const DiscoveredTopic& topic = found->topics[t];
      std::cerr << t << " [" << topic.size << "] " << topic.name << "\n";
      for (size_t e : topic.examples) std::cerr << "    " << texts[e] << "\n";
    }
  }
  return 0;
}

}  // namespace luister
