#include "domain/topic_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <optional>
#include <random>
#include <thread>

#include "domain/byte_codec.h"

namespace luister {

namespace {

constexpr char kMagic[] = "LTPC";  // Luister ToPic Classifier
constexpr uint32_t kVersion = 1;
// Fewer held-out examples than this fit no temperature.
constexpr size_t kMinCalibration = 30;
constexpr double kPriorWeight = 20;

// A linear scorer: z = W x + b, W term-major (features × classes).
struct Scorer {
  std::vector<float> weights;
  std::vector<float> bias;
};

std::vector<float> Score(const std::vector<float>& weights, const std::vector<float>& bias,
                         const SparseVector& x) {
  const size_t k = bias.size();
  std::vector<float> z(bias);
  for (const auto& [f, v] : x) {
    const float* row = &weights[static_cast<size_t>(f) * k];
    for (size_t c = 0; c < k; ++c) z[c] += row[c] * v;
  }
  return z;
}

// The ensemble's scores as one linear map: the SVM's margins plus the
// softmax model's logits (its log-probabilities up to a constant, which
// the final softmax ignores), each by its weight.
Scorer TrainScorer(const std::vector<SparseVector>& x, const std::vector<int>& y, int features,
                   int classes, const TopicClassifierOptions& o) {
  Scorer s;
  const size_t n = static_cast<size_t>(features) * static_cast<size_t>(classes);
  s.weights.assign(n, 0);
  s.bias.assign(static_cast<size_t>(classes), 0);
  auto add = [&](const std::vector<float>& w, const std::vector<float>& b, float scale) {
    for (size_t i = 0; i < n; ++i) s.weights[i] += scale * w[i];
    for (size_t c = 0; c < b.size(); ++c) s.bias[c] += scale * b[c];
  };
  const bool use_svm = o.model != TopicModelKind::kSoftmax;
  const bool use_softmax = o.model != TopicModelKind::kSvm;
  std::optional<LinearModel> softmax;
  auto train_softmax = [&] {
    LinearModelOptions options = o.softmax;
    options.seed = o.seed;
    softmax = LinearModel::Train(x, y, features, classes, options);
  };
  // The softmax model beside the SVM when there is a thread to spare; the
  // sum is taken in the same order either way.
  std::thread beside;
  if (use_softmax && use_svm && o.threads > 1) {
    beside = std::thread(train_softmax);
  } else if (use_softmax) {
    train_softmax();
  }
  if (use_svm) {
    LinearSvmOptions options = o.svm;
    options.seed = o.seed;
    options.threads = std::max(1, beside.joinable() ? o.threads - 1 : o.threads);
    const LinearSvm m = LinearSvm::Train(x, y, features, classes, options);
    add(m.weights(), m.bias(), 1.0F);
  }
  if (beside.joinable()) beside.join();
  if (softmax) add(softmax->weights(), softmax->bias(), use_svm ? o.softmax_weight : 1.0F);
  return s;
}

// The temperature T minimising the negative log-likelihood of softmax(T·z)
// on held-out scores, with a Gaussian prior on log T around `prior` worth
// kPriorWeight examples' loss per unit², so that a small held-out share
// the first model gets all right does not drive T (and every confidence)
// to the top. Convex in log T: golden-section search.
float FitTemperature(const std::vector<std::vector<float>>& z, const std::vector<int>& y,
                     float prior) {
  auto nll = [&](double t) {
    double sum = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      const float top = *std::max_element(z[i].begin(), z[i].end());
      double norm = 0;
      for (float v : z[i]) norm += std::exp(t * (v - top));
      sum += std::log(norm) - t * (z[i][static_cast<size_t>(y[i])] - top);
    }
    const double d = std::log(t) - std::log(prior);
    return sum + kPriorWeight * d * d;
  };
  const double phi = (std::sqrt(5.0) - 1) / 2;
  double lo = std::log(0.01), hi = std::log(1000.0);
  double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
  double fa = nll(std::exp(a)), fb = nll(std::exp(b));
  for (int i = 0; i < 60; ++i) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(std::exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(std::exp(b));
    }
  }
  return static_cast<float>(std::exp((lo + hi) / 2));
}

// A share of each label's examples, drawn from `seed`, keeping at least
// one of every label for training.
std::vector<bool> HoldOut(const std::vector<int>& y, int classes, float share, uint64_t seed) {
  std::vector<std::vector<size_t>> by_label(static_cast<size_t>(classes));
  for (size_t i = 0; i < y.size(); ++i) by_label[static_cast<size_t>(y[i])].push_back(i);
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  std::vector<bool> out(y.size(), false);
  for (std::vector<size_t>& members : by_label) {
    for (size_t s = 0; s < members.size(); ++s)
      std::swap(members[s], members[s + rng() % (members.size() - s)]);
    const auto take = std::min(static_cast<size_t>(std::floor(share * members.size())),
                               members.empty() ? 0 : members.size() - 1);
    for (size_t i = 0; i < take; ++i) out[members[i]] = true;
  }
  return out;
}

}  // namespace

Result<TopicClassifier> TopicClassifier::Train(const std::vector<TopicExample>& examples,
                                               const TopicClassifierOptions& options) {
  if (examples.empty()) return InvalidArgument("no examples to learn topics from");
  TopicClassifier tc;
  for (size_t i = 0; i < examples.size(); ++i) {
    if (examples[i].label.empty())
      return InvalidArgument("example " + std::to_string(i + 1) + " has no label");
    tc.labels_.push_back(examples[i].label);
  }
  std::sort(tc.labels_.begin(), tc.labels_.end());
  tc.labels_.erase(std::unique(tc.labels_.begin(), tc.labels_.end()), tc.labels_.end());
  if (tc.labels_.size() < 2) return InvalidArgument("at least two topics are needed to learn");
  const int classes = static_cast<int>(tc.labels_.size());
  std::vector<int> y;
  std::vector<std::vector<uint64_t>> terms;
  for (const TopicExample& e : examples) {
    y.push_back(static_cast<int>(std::lower_bound(tc.labels_.begin(), tc.labels_.end(), e.label) -
                                 tc.labels_.begin()));
    terms.push_back(TopicTerms(e.text, options.features));
  }
  tc.vectorizer_ = TopicVectorizer::Fit(terms, options.features);
  const int features = tc.vectorizer_.size();
  std::vector<SparseVector> x;
  x.reserve(terms.size());
  for (const std::vector<uint64_t>& t : terms) x.push_back(tc.vectorizer_.Transform(t));

  float temperature = options.temperature;
  const std::vector<bool> held = HoldOut(y, classes, options.calibration_share, options.seed);
  if (static_cast<size_t>(std::count(held.begin(), held.end(), true)) >= kMinCalibration) {
    std::vector<SparseVector> fit_x;
    std::vector<int> fit_y, held_y;
    for (size_t i = 0; i < x.size(); ++i)
      if (!held[i]) {
        fit_x.push_back(x[i]);
        fit_y.push_back(y[i]);
      }
    const Scorer first = TrainScorer(fit_x, fit_y, features, classes, options);
    std::vector<std::vector<float>> held_z;
    for (size_t i = 0; i < x.size(); ++i)
      if (held[i]) {
        held_z.push_back(Score(first.weights, first.bias, x[i]));
        held_y.push_back(y[i]);
      }
    temperature = FitTemperature(held_z, held_y, options.temperature);
  }
  Scorer final = TrainScorer(x, y, features, classes, options);
  // Each feature's row of weights as bytes with one scale: a quarter of
  // the size, and no accuracy lost (docs/benchmarks.md).
  const auto k = static_cast<size_t>(classes);
  tc.weights_.resize(final.weights.size());
  tc.scales_.resize(static_cast<size_t>(features));
  for (size_t f = 0; f < tc.scales_.size(); ++f) {
    const float* row = &final.weights[f * k];
    float top = 0;
    for (size_t c = 0; c < k; ++c) top = std::max(top, std::fabs(row[c]));
    const float scale = top > 0 ? top / 127 : 1;
    tc.scales_[f] = scale * temperature;
    for (size_t c = 0; c < k; ++c)
      tc.weights_[f * k + c] = static_cast<int8_t>(std::lround(row[c] / scale));
  }
  tc.bias_ = std::move(final.bias);
  for (float& b : tc.bias_) b *= temperature;
  tc.temperature_ = temperature;
  return tc;
}

std::vector<float> TopicClassifier::Scores(const std::vector<uint64_t>& terms) const {
  const size_t classes = labels_.size();
  std::vector<float> z(bias_);
  for (const auto& [f, v] : vectorizer_.Transform(terms)) {
    const int8_t* row = &weights_[static_cast<size_t>(f) * classes];
    const float scaled = scales_[static_cast<size_t>(f)] * v;
    for (size_t c = 0; c < classes; ++c) z[c] += scaled * row[c];
  }
  return z;
}

TopicReading TopicClassifier::Read(std::string_view text) const {
  const std::vector<uint64_t> terms = TopicTerms(text, vectorizer_.options());
  const size_t classes = labels_.size();
  const std::vector<float> z = Scores(terms);
  TopicReading r;
  r.coverage = vectorizer_.WordCoverage(terms);
  size_t best = 0;
  for (size_t c = 1; c < classes; ++c)
    if (z[c] > z[best]) best = c;
  float second = -std::numeric_limits<float>::infinity();
  double sum = 0;
  for (size_t c = 0; c < classes; ++c) {
    if (c != best) second = std::max(second, z[c]);
    sum += std::exp(static_cast<double>(z[c] - z[best]));
  }
  r.label = labels_[best];
  r.confidence = static_cast<float>(1 / sum);
  r.score = z[best] / temperature_;
  r.margin = (z[best] - second) / temperature_;
  return r;
}

std::vector<TopicScore> TopicClassifier::Classify(std::string_view text, size_t k) const {
  const size_t classes = labels_.size();
  std::vector<float> z = Scores(TopicTerms(text, vectorizer_.options()));
  const float top = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (float& v : z) {
    v = std::exp(v - top);
    sum += v;
  }
  std::vector<size_t> order(classes);
  std::iota(order.begin(), order.end(), 0);
  const size_t n = std::min(k, classes);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](size_t a, size_t b) { return z[a] != z[b] ? z[a] > z[b] : a < b; });
  std::vector<TopicScore> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i)
    out.push_back({labels_[order[i]], static_cast<float>(z[order[i]] / sum)});
  return out;
}

std::string TopicClassifier::Save() const {
  std::string out(kMagic, 4);
  PutU32(&out, kVersion);
  PutF32(&out, temperature_);
  PutU32(&out, static_cast<uint32_t>(labels_.size()));
  for (const std::string& l : labels_) PutString(&out, l);
  vectorizer_.Write(&out);
  for (float scale : scales_) PutF32(&out, scale);
  out.append(reinterpret_cast<const char*>(weights_.data()), weights_.size());
  for (float b : bias_) PutF32(&out, b);
  PutU64(&out, Fnv1a(out));
  return out;
}

Result<TopicClassifier> TopicClassifier::Load(std::string_view blob) {
  if (blob.size() < 4 + 4 + 8 || blob.substr(0, 4) != std::string_view(kMagic, 4))
    return InvalidArgument("topic model: not a topic model");
  size_t p = 4;
  uint32_t version = 0;
  (void)GetU32(blob, &p, &version);
  if (version != kVersion)
    return InvalidArgument("topic model: version " + std::to_string(version) +
                           " is not the version this build reads (" + std::to_string(kVersion) +
                           ")");
  auto truncated = [&](size_t at) {
    return InvalidArgument("topic model: truncated or corrupt at byte " + std::to_string(at) +
                           " of " + std::to_string(blob.size()));
  };
  const std::string_view body = blob.substr(0, blob.size() - 8);
  size_t sum_at = body.size();
  uint64_t sum = 0;
  if (!GetU64(blob, &sum_at, &sum) || sum != Fnv1a(body)) return truncated(body.size());

  TopicClassifier tc;
  uint32_t classes = 0;
  if (!GetF32(body, &p, &tc.temperature_) || !GetU32(body, &p, &classes) ||
      classes > body.size() - p)
    return truncated(p);
  if (classes < 2) return InvalidArgument("topic model: fewer than two topics");
  tc.labels_.resize(classes);
  for (std::string& l : tc.labels_)
    if (!GetString(body, &p, &l)) return truncated(p);
  auto vectorizer = TopicVectorizer::Read(body, &p);
  if (!vectorizer.ok()) return vectorizer.status();
  tc.vectorizer_ = std::move(vectorizer).value();
  const auto features = static_cast<size_t>(tc.vectorizer_.size());
  const size_t weights = features * classes;
  if (body.size() - p != 4 * features + weights + 4 * classes) return truncated(p);
  tc.scales_.resize(features);
  for (float& scale : tc.scales_) (void)GetF32(body, &p, &scale);
  tc.weights_.resize(weights);
  std::memcpy(tc.weights_.data(), body.data() + p, weights);
  p += weights;
  tc.bias_.resize(classes);
  for (float& b : tc.bias_) (void)GetF32(body, &p, &b);
  return tc;
}

}  // namespace luister
