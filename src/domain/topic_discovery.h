#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace luister {

// Topic discovery (C9): short customer questions, Dutch or English, grouped
// into candidate topics without labels, each with a name made of its most
// distinctive words and the questions that show it best. A person then
// accepts, renames, merges or splits them. Everything is learnt from the
// texts given; no model or word list beyond text_analysis.h's is loaded.
//
// The pipeline (docs/benchmarks.md, "Topics: discovery", has its
// measurements):
//  1. text_analysis.h reads each text in its own language: content words
//     to Snowball stems, stop words kept apart as function words;
//  2. TF-IDF (sublinear tf, square root of idf) over four groups, each
//     scaled to a fixed share of the vector: stems, pairs of adjacent
//     stems, character 3- to 5-grams of every word, function words (which
//     carry "not", "why", "when": what is asked, not only about what);
//  3. LSA: the leading `dimensions` singular directions (truncated_svd.h);
//  4. each text's `neighbours` nearest texts by cosine on the TF-IDF vectors
//     without the character n-grams (neighbour_graph.h), and
//     `smoothing_steps` rounds in which every text's LSA vector takes in
//     its neighbours' (weighted by similarity): short texts borrow the
//     words of texts like them;
//  5. k, when not given: the number of communities of the neighbour graph
//     at the highest modularity (Louvain at a resolution from 1 for a
//     hundred texts to 2 for ten thousand: at 1 it found about half the
//     topics of the larger sets, at 2 it split small ones), which needs no
//     range or threshold;
//  6. spherical k-means with k-means++ seeds and restarts
//     (spherical_kmeans.h) on the smoothed vectors;
//  7. names: each topic's stems and stem pairs scored by the share of its
//     texts that have them times the log of how much more often than in
//     the rest, written as the word form most used for each stem
//     ("cards" for "card" when people wrote "cards"); examples: the texts
//     nearest the topic's centre, without repeats.
// The same texts and seed give the same topics. About 3 s for 10,000
// texts on one core (docs/benchmarks.md).
struct TopicDiscoveryOptions {
  int k = 0;  // topics wanted; 0: estimated from the texts
  int dimensions = 100;
  int neighbours = 10;
  int smoothing_steps = 3;
  double resolution = 0;  // of the communities that estimate k; 0: by size (see 5.)
  int restarts = 3;
  int name_terms = 3;
  int examples = 3;
  uint64_t seed = 42;
};

struct DiscoveredTopic {
  std::string name;                // its terms joined with ", "
  std::vector<std::string> terms;  // words (or word pairs), most distinctive first
  std::vector<size_t> examples;    // indices of texts, the most typical first
  size_t size = 0;                 // texts in it
};

struct TopicDiscovery {
  std::vector<int> cluster;             // each text's topic, an index into `topics`
  std::vector<DiscoveredTopic> topics;  // largest first, none empty
  bool k_estimated = false;
};

// InvalidArgument when there are no texts or k is negative. k larger than
// the number of texts is capped. Texts need not be distinct; texts that
// share no word with any other still get a topic.
Result<TopicDiscovery> DiscoverTopics(const std::vector<std::string>& texts,
                                      const TopicDiscoveryOptions& options = {});

}  // namespace luister
