#include "domain/topic_discovery.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "domain/neighbour_graph.h"
#include "domain/spherical_kmeans.h"
#include "domain/text_analysis.h"
#include "domain/truncated_svd.h"

namespace luister {

namespace {

// The feature groups and their shares of a text's vector, and the power of
// the idf: measured on BANKING77, DSTC11 and xSID (docs/benchmarks.md).
enum Group { kStem = 0, kPair, kSubword, kFunction, kGroups };
constexpr float kGroupWeight[kGroups] = {1.0F, 0.5F, 1.0F, 0.6F};
constexpr double kIdfPower = 0.5;
constexpr int kPowerIterations = 3;

// A text as discovery reads it: its terms by group.
struct Analysed {
  std::vector<std::string> terms[kGroups];
};

struct Corpus {
  std::vector<Analysed> docs;
  // Per stem, how often each normalised word had it ("cards" -> "card").
  std::unordered_map<std::string, std::map<std::string, int>> surfaces;
};

// Character 3- to 5-grams of the word with its edges marked, by code point.
void AddSubwords(const std::string& word, std::vector<std::string>* out) {
  std::vector<std::string_view> cps = CodePoints(word);
  cps.insert(cps.begin(), "<");
  cps.emplace_back(">");
  if (cps.size() > 32) return;  // not a word: a URL, a number run, a hash
  for (size_t n = 3; n <= 5; ++n)
    for (size_t i = 0; i + n <= cps.size(); ++i) {
      std::string g;
      for (size_t j = i; j < i + n; ++j) g += cps[j];
      out->push_back(std::move(g));
    }
}

Corpus Analyse(const std::vector<std::string>& texts) {
  Corpus c;
  c.docs.resize(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::vector<std::string> words = NormalisedWords(texts[i]);
    const Language lang = GuessLanguage(words);
    Analysed& a = c.docs[i];
    std::string previous;
    for (const std::string& w : words) {
      AddSubwords(w, &a.terms[kSubword]);
      if (IsStopWord(w, lang)) {
        a.terms[kFunction].push_back(w);
        continue;
      }
      std::string stem = Stem(w, lang);
      ++c.surfaces[stem][w];
      if (!previous.empty()) a.terms[kPair].push_back(previous + " " + stem);
      a.terms[kStem].push_back(stem);
      previous = std::move(stem);
    }
  }
  return c;
}

std::vector<std::string> Distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// The TF-IDF rows. Terms in fewer than two texts say nothing about what
// texts share and are left out.
struct Vectors {
  std::vector<SparseVector> rows;
  std::vector<int> group;  // by term id
  int terms = 0;
};

Vectors Vectorise(const Corpus& c) {
  const size_t n = c.docs.size();
  std::unordered_map<std::string, int> df[kGroups];
  for (const Analysed& a : c.docs)
    for (int g = 0; g < kGroups; ++g)
      for (const std::string& t : Distinct(a.terms[g])) ++df[g][t];
  Vectors v;
  std::unordered_map<std::string, int> ids[kGroups];
  std::vector<double> idf;
  for (int g = 0; g < kGroups; ++g) {
    std::vector<std::string> kept;
    for (const auto& [t, d] : df[g])
      if (d >= 2) kept.push_back(t);
    std::sort(kept.begin(), kept.end());  // ids independent of hashing
    for (const std::string& t : kept) {
      ids[g].emplace(t, v.terms++);
      v.group.push_back(g);
      idf.push_back(std::pow(std::log((1.0 + n) / (1.0 + df[g][t])) + 1.0, kIdfPower));
    }
  }
  v.rows.resize(n);
  for (size_t i = 0; i < n; ++i) {
    SparseVector& row = v.rows[i];
    for (int g = 0; g < kGroups; ++g) {
      std::map<int, int> tf;
      for (const std::string& t : c.docs[i].terms[g]) {
        const auto it = ids[g].find(t);
        if (it != ids[g].end()) ++tf[it->second];
      }
      const size_t from = row.size();
      double sum = 0;
      for (const auto& [id, count] : tf) {
        const double w = (1.0 + std::log(count)) * idf[id];
        row.emplace_back(id, static_cast<float>(w));
        sum += w * w;
      }
      const double scale = sum > 0 ? kGroupWeight[g] / std::sqrt(sum) : 0;
      for (size_t j = from; j < row.size(); ++j) row[j].second *= static_cast<float>(scale);
    }
    double sum = 0;
    for (const auto& entry : row) sum += double{entry.second} * entry.second;
    const double scale = sum > 0 ? 1 / std::sqrt(sum) : 0;
    for (auto& entry : row) entry.second *= static_cast<float>(scale);
  }
  return v;
}

// The rows without the character n-grams, unit length: what the neighbour
// graph compares (the n-grams make every pair of texts look alike a
// little, and would make the index slow).
std::vector<SparseVector> WordRows(const Vectors& v) {
  std::vector<SparseVector> out(v.rows.size());
  for (size_t i = 0; i < v.rows.size(); ++i) {
    double sum = 0;
    for (const auto& [id, w] : v.rows[i])
      if (v.group[id] != kSubword) {
        out[i].emplace_back(id, w);
        sum += double{w} * w;
      }
    const double scale = sum > 0 ? 1 / std::sqrt(sum) : 0;
    for (auto& entry : out[i]) entry.second *= static_cast<float>(scale);
  }
  return out;
}

// Every row takes in its neighbours' rows, weighted by their similarity.
void Smooth(const std::vector<std::vector<std::pair<int, float>>>& neighbours, int steps,
            DenseMatrix* x) {
  for (int step = 0; step < steps; ++step) {
    DenseMatrix y = *x;
    for (size_t i = 0; i < x->rows; ++i) {
      double* out = y.Row(i);
      for (const auto& [j, w] : neighbours[i]) {
        const double* in = x->Row(j);
        for (size_t c = 0; c < x->cols; ++c) out[c] += w * in[c];
      }
    }
    NormaliseRows(&y);
    *x = std::move(y);
  }
}

// The most frequent surface word of a stem ("annul" -> "annuleren").
std::string Surface(const Corpus& c, const std::string& stem) {
  const auto it = c.surfaces.find(stem);
  if (it == c.surfaces.end()) return stem;
  const std::string* best = &stem;
  int top = 0;
  for (const auto& [word, count] : it->second)
    if (count > top) {
      top = count;
      best = &word;
    }
  return *best;
}

std::string Readable(const Corpus& c, const std::string& term) {
  const size_t space = term.find(' ');
  if (space == std::string::npos) return Surface(c, term);
  return Surface(c, term.substr(0, space)) + " " + Surface(c, term.substr(space + 1));
}

bool IsPair(const std::string& term) { return term.find(' ') != std::string::npos; }

// Whether `pair` ("card arriv") already says the stem `word` ("card").
bool Says(const std::string& pair, const std::string& word) {
  return pair.starts_with(word + " ") || pair.ends_with(" " + word);
}

// Names each topic by its most distinctive stems and stem pairs: the share
// of its texts that have the term times the log of its lift over the
// whole, so that a word every topic uses names none. A stem that a chosen
// pair already says is skipped, and so is a pair of chosen stems.
void Name(const Corpus& c, const std::vector<std::string>& texts, int name_terms,
          TopicDiscovery* d) {
  const size_t k = d->topics.size();
  const auto n = static_cast<double>(c.docs.size());
  std::vector<std::unordered_map<std::string, int>> in(k);
  std::unordered_map<std::string, int> df;
  for (size_t i = 0; i < c.docs.size(); ++i)
    for (int g : {kStem, kPair})
      for (const std::string& t : Distinct(c.docs[i].terms[g])) {
        ++in[d->cluster[i]][t];
        ++df[t];
      }
  for (size_t t = 0; t < k; ++t) {
    DiscoveredTopic& topic = d->topics[t];
    const auto size = static_cast<double>(topic.size);
    std::vector<std::pair<double, std::string>> scored;
    for (const auto& [term, count] : in[t]) {
      // A single letter ("s" of "'s ochtends") names nothing.
      if ((count < 2 && topic.size > 2) || term.size() < 2) continue;
      const double share = count / size;
      scored.emplace_back(share * std::log(1 + share / (df[term] / n)), term);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> chosen;
    for (const auto& entry : scored) {
      if (static_cast<int>(chosen.size()) >= name_terms) break;
      const std::string& term = entry.second;
      const bool covered = std::any_of(chosen.begin(), chosen.end(), [&](const std::string& o) {
        if (IsPair(term) == IsPair(o)) return false;
        return IsPair(term) ? Says(term, o) : Says(o, term);
      });
      if (!covered) chosen.push_back(term);
    }
    for (const std::string& term : chosen) topic.terms.push_back(Readable(c, term));
    for (const std::string& w : topic.terms) topic.name += (topic.name.empty() ? "" : ", ") + w;
    // No word to name it by ("hallo", "???"): its most typical text, cut
    // at a space before 40 bytes.
    if (topic.name.empty() && !topic.examples.empty()) {
      std::string text = texts[topic.examples.front()];
      const size_t b = text.find_first_not_of(" \t\r\n");
      text = b == std::string::npos ? "" : text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
      if (text.size() > 40) {
        const size_t space = text.rfind(' ', 40);
        size_t cut = space != std::string::npos && space > 0 ? space : 40;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "…";
      }
      topic.name = text;
    }
  }
}

// Topics numbered by size, largest first (ties by first text), and each
// topic's examples: its texts nearest the centre, without repeats.
TopicDiscovery Arrange(const std::vector<std::string>& texts, const KMeansResult& r, int examples) {
  const size_t n = texts.size();
  const size_t k = r.centroids.rows;
  std::vector<size_t> sizes(k, 0), first(k, n);
  for (size_t i = 0; i < n; ++i) {
    ++sizes[r.assignment[i]];
    first[r.assignment[i]] = std::min(first[r.assignment[i]], i);
  }
  std::vector<size_t> order;
  for (size_t c = 0; c < k; ++c)
    if (sizes[c] > 0) order.push_back(c);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return sizes[a] != sizes[b] ? sizes[a] > sizes[b] : first[a] < first[b];
  });
  std::vector<int> rank(k, -1);
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  TopicDiscovery d;
  d.topics.resize(order.size());
  d.cluster.resize(n);
  std::vector<std::vector<std::pair<double, size_t>>> members(order.size());
  for (size_t i = 0; i < n; ++i) {
    d.cluster[i] = rank[r.assignment[i]];
    ++d.topics[d.cluster[i]].size;
    members[d.cluster[i]].emplace_back(-r.similarity[i], i);
  }
  for (size_t t = 0; t < members.size(); ++t) {
    std::sort(members[t].begin(), members[t].end());
    std::vector<size_t>& chosen = d.topics[t].examples;
    for (const auto& entry : members[t]) {
      if (static_cast<int>(chosen.size()) >= examples) break;
      const size_t i = entry.second;
      if (std::none_of(chosen.begin(), chosen.end(),
                       [&](size_t e) { return texts[e] == texts[i]; }))
        chosen.push_back(i);
    }
  }
  return d;
}

}  // namespace

Result<TopicDiscovery> DiscoverTopics(const std::vector<std::string>& texts,
                                      const TopicDiscoveryOptions& options) {
  if (texts.empty()) return InvalidArgument("no texts to discover topics in");
  if (options.k < 0) return InvalidArgument("k must be 1 or more (or 0: estimated)");
  const Corpus corpus = Analyse(texts);
  const Vectors vectors = Vectorise(corpus);

  DenseMatrix x = TruncatedSvd(vectors.rows, vectors.terms, std::max(options.dimensions, 1),
                               kPowerIterations, options.seed);
  NormaliseRows(&x);
  const auto neighbours =
      NearestNeighbours(WordRows(vectors), vectors.terms, std::max(options.neighbours, 0));
  Smooth(neighbours, options.smoothing_steps, &x);

  KMeansOptions km;
  km.k = options.k;
  km.restarts = options.restarts;
  km.seed = options.seed;
  const bool estimate = options.k == 0;
  if (estimate) {
    // Modularity merges small groups the more, the larger the graph: the
    // resolution grows from 1 (a hundred texts or fewer) to 2 (ten
    // thousand or more), so few texts are not split and many are.
    const double resolution =
        options.resolution > 0
            ? options.resolution
            : std::clamp(std::log10(static_cast<double>(texts.size())) / 2, 1.0, 2.0);
    const std::vector<int> communities =
        Communities(Symmetrise(neighbours), resolution, options.seed);
    km.k = *std::max_element(communities.begin(), communities.end()) + 1;
  }
  const KMeansResult r = SphericalKMeans(x, km);
  TopicDiscovery d = Arrange(texts, r, options.examples);
  d.k_estimated = estimate;
  Name(corpus, texts, options.name_terms, &d);
  return d;
}

}  // namespace luister
