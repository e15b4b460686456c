#include "domain/answer_matcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/text_analysis.h"

namespace luister {

namespace {

// How much the nearest known question counts against the centre of all an
// answer's questions (the rest).
constexpr float kNearestWeight = 0.5F;
// How much the learnt probability counts against the similarity, and how
// long it learns (docs/benchmarks.md: set on development splits).
constexpr float kModelWeight = 0.4F;
constexpr int kEpochs = 10;
constexpr float kBm25K1 = 1.2F;
constexpr float kBm25B = 0.75F;

std::map<std::string, int> Counts(const std::vector<std::string>& terms) {
  std::map<std::string, int> out;
  for (const std::string& t : terms) ++out[t];
  return out;
}

void Normalise(std::vector<std::pair<int, float>>* v) {
  double sum = 0;
  for (const auto& [id, w] : *v) sum += double{w} * w;
  if (sum <= 0) return;
  const auto inv = static_cast<float>(1.0 / std::sqrt(sum));
  for (auto& [id, w] : *v) w *= inv;
}

std::vector<AnswerScore> Best(const std::vector<std::string>& ids, const std::vector<float>& score,
                              size_t k) {
  std::vector<int> order;
  for (size_t i = 0; i < score.size(); ++i)
    if (score[i] > 0) order.push_back(static_cast<int>(i));
  const size_t n = std::min(k, order.size());
  std::partial_sort(
      order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
      [&](int a, int b) { return score[a] != score[b] ? score[a] > score[b] : a < b; });
  std::vector<AnswerScore> out;
  for (size_t i = 0; i < n; ++i) out.push_back({ids[order[i]], score[order[i]]});
  return out;
}

}  // namespace

Result<AnswerMatcher> AnswerMatcher::Build(const std::vector<AnswerExample>& examples,
                                           MatchMethod method) {
  if (examples.empty()) return InvalidArgument("no texts to learn the answers from");
  AnswerMatcher m;
  m.method_ = method;
  std::unordered_map<std::string, int> answer_index;
  std::vector<std::vector<std::string>> terms_of(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    auto [it, added] =
        answer_index.emplace(examples[i].answer_id, static_cast<int>(m.answer_ids_.size()));
    if (added) m.answer_ids_.push_back(examples[i].answer_id);
    m.example_answer_.push_back(it->second);
    terms_of[i] = method == MatchMethod::kBm25 ? ContentStems(examples[i].text)
                                               : Features(examples[i].text).terms;
  }
  if (method == MatchMethod::kBm25) {
    // One document per answer: all its texts.
    std::vector<std::map<std::string, int>> docs(m.answer_ids_.size());
    m.doc_length_.assign(m.answer_ids_.size(), 0);
    for (size_t i = 0; i < examples.size(); ++i)
      for (const std::string& t : terms_of[i]) {
        ++docs[m.example_answer_[i]][t];
        ++m.doc_length_[m.example_answer_[i]];
      }
    double total = 0;
    for (float l : m.doc_length_) total += l;
    m.mean_length_ = static_cast<float>(total / static_cast<double>(docs.size()));
    for (size_t d = 0; d < docs.size(); ++d)
      for (const auto& [t, tf] : docs[d]) {
        auto [it, added] = m.terms_.emplace(t, static_cast<int>(m.terms_.size()));
        if (added) m.example_postings_.emplace_back();
        m.example_postings_[it->second].push_back({static_cast<int>(d), static_cast<float>(tf)});
      }
    const auto n = static_cast<double>(docs.size());
    for (const auto& postings : m.example_postings_) {
      const auto df = static_cast<double>(postings.size());
      m.idf_.push_back(static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5))));
    }
    return m;
  }

  // Document frequencies over the texts, then each text as unit TF-IDF.
  std::vector<std::map<std::string, int>> counts(examples.size());
  std::vector<int> df;
  for (size_t i = 0; i < examples.size(); ++i) {
    counts[i] = Counts(terms_of[i]);
    for (const auto& [t, c] : counts[i]) {
      auto [it, added] = m.terms_.emplace(t, static_cast<int>(m.terms_.size()));
      if (added) df.push_back(0);
      ++df[it->second];
    }
  }
  const auto n = static_cast<double>(examples.size());
  for (int d : df) m.idf_.push_back(static_cast<float>(std::log((n + 1) / (d + 1)) + 1));
  m.example_postings_.resize(m.terms_.size());
  m.centre_postings_.resize(m.terms_.size());
  std::vector<std::map<int, float>> centres(m.answer_ids_.size());
  std::vector<SparseVector> inputs(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    SparseVector& v = inputs[i];
    for (const auto& [t, c] : counts[i]) {
      const int id = m.terms_.at(t);
      v.emplace_back(id, static_cast<float>(1 + std::log(c)) * m.idf_[id]);
    }
    Normalise(&v);
    for (const auto& [id, w] : v) {
      m.example_postings_[id].push_back({static_cast<int>(i), w});
      centres[m.example_answer_[i]][id] += w;
    }
  }
  for (size_t a = 0; a < centres.size(); ++a) {
    std::vector<std::pair<int, float>> v(centres[a].begin(), centres[a].end());
    Normalise(&v);
    for (const auto& [id, w] : v) m.centre_postings_[id].push_back({static_cast<int>(a), w});
  }
  if (m.answer_ids_.size() >= 2) {
    LinearModelOptions o;
    o.epochs = kEpochs;
    m.model_ = LinearModel::Train(inputs, m.example_answer_, static_cast<int>(m.terms_.size()),
                                  static_cast<int>(m.answer_ids_.size()), o);
    m.has_model_ = true;
  }
  return m;
}

std::vector<std::pair<int, float>> AnswerMatcher::Vector(std::string_view text) const {
  std::vector<std::pair<int, float>> v;
  for (const auto& [t, c] : Counts(Features(text).terms)) {
    auto it = terms_.find(t);
    if (it == terms_.end()) continue;
    v.emplace_back(it->second, static_cast<float>(1 + std::log(c)) * idf_[it->second]);
  }
  Normalise(&v);
  return v;
}

std::vector<AnswerScore> AnswerMatcher::Rank(std::string_view text, size_t k) const {
  if (method_ == MatchMethod::kBm25) return RankBm25(text, k);
  const auto q = Vector(text);
  std::vector<float> example_score(example_answer_.size(), 0);
  std::vector<float> centre_score(answer_ids_.size(), 0);
  for (const auto& [id, w] : q) {
    for (const Posting& p : example_postings_[id]) example_score[p.doc] += w * p.weight;
    for (const Posting& p : centre_postings_[id]) centre_score[p.doc] += w * p.weight;
  }
  std::vector<float> nearest(answer_ids_.size(), 0);
  for (size_t i = 0; i < example_score.size(); ++i) {
    float& best = nearest[example_answer_[i]];
    best = std::max(best, example_score[i]);
  }
  std::vector<float> score(answer_ids_.size());
  for (size_t a = 0; a < score.size(); ++a)
    score[a] = kNearestWeight * nearest[a] + (1 - kNearestWeight) * centre_score[a];
  if (has_model_ && !q.empty()) {
    const std::vector<float> p = model_.Predict(q);
    for (size_t a = 0; a < score.size(); ++a)
      if (score[a] > 0) score[a] = (1 - kModelWeight) * score[a] + kModelWeight * p[a];
  }
  return Best(answer_ids_, score, k);
}

std::vector<AnswerScore> AnswerMatcher::RankBm25(std::string_view text, size_t k) const {
  std::vector<float> score(answer_ids_.size(), 0);
  for (const auto& [t, qtf] : Counts(ContentStems(text))) {
    auto it = terms_.find(t);
    if (it == terms_.end()) continue;
    for (const Posting& p : example_postings_[it->second]) {
      const float tf = p.weight;
      const float norm = kBm25K1 * (1 - kBm25B + kBm25B * doc_length_[p.doc] / mean_length_);
      score[p.doc] += idf_[it->second] * tf * (kBm25K1 + 1) / (tf + norm);
    }
  }
  return Best(answer_ids_, score, k);
}

}  // namespace luister
