#include "domain/topic_features.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "domain/byte_codec.h"
#include "domain/text_analysis.h"

namespace luister {

namespace {

constexpr int kBlocks = 4;
constexpr uint64_t kBlockShift = 62;
constexpr uint64_t kHashMask = (uint64_t{1} << kBlockShift) - 1;
// Longer "words" (URLs, card numbers run together) give no character grams.
constexpr size_t kMaxWordCodePoints = 30;

uint64_t Tag(uint64_t hash, int block) {
  return (hash & kHashMask) | (static_cast<uint64_t>(block) << kBlockShift);
}
int BlockOf(uint64_t term) { return static_cast<int>(term >> kBlockShift); }

void AddCharGrams(std::string_view word, const TopicFeatureOptions& o, std::vector<uint64_t>* out) {
  // The word between edge marks, as code points.
  std::vector<std::string_view> cps = CodePoints(word);
  if (cps.size() > kMaxWordCodePoints || o.char_max < 1) return;
  cps.insert(cps.begin(), "<");
  cps.emplace_back(">");
  const auto lo = static_cast<size_t>(std::max(1, o.char_min));
  const auto hi = static_cast<size_t>(o.char_max);
  for (size_t i = 0; i < cps.size(); ++i) {
    uint64_t h = Fnv1a("c");
    for (size_t n = 1; n <= hi && i + n <= cps.size(); ++n) {
      h = Fnv1a(cps[i + n - 1], h);
      // A bare edge mark pair ("<>") or a lone mark says nothing.
      if (n >= lo && !(n == 1 && (i == 0 || i + 1 == cps.size()))) out->push_back(Tag(h, 2));
    }
  }
}

void Normalise(SparseVector* v, size_t from, size_t to, float weight) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += double{(*v)[i].second} * (*v)[i].second;
  if (sum <= 0) return;
  const auto scale = static_cast<float>(weight / std::sqrt(sum));
  for (size_t i = from; i < to; ++i) (*v)[i].second *= scale;
}

}  // namespace

std::vector<uint64_t> TopicTerms(std::string_view text, const TopicFeatureOptions& options) {
  const std::vector<std::string> words = NormalisedWords(text);
  const Language lang = GuessLanguage(words);
  const Language other = lang == Language::kNl ? Language::kEn : Language::kNl;
  std::vector<uint64_t> out;
  out.reserve(words.size() * 24);
  std::vector<std::string> content;
  uint64_t previous = Fnv1a("^");
  for (const std::string& w : words) {
    std::string stem = Stem(w, lang);
    const uint64_t word = Fnv1a(stem, Fnv1a("w"));
    out.push_back(Tag(word, 0));
    const std::string also = Stem(w, other);
    if (also != stem) out.push_back(Tag(Fnv1a(also, Fnv1a("w")), 0));
    out.push_back(Tag(Fnv1a(stem, Fnv1a("_", previous)), 1));
    previous = word;
    AddCharGrams(w, options, &out);
    if (!IsStopWord(w, lang)) content.push_back(std::move(stem));
  }
  const auto window = static_cast<size_t>(std::max(0, options.cooc_window));
  for (size_t i = 0; i < content.size(); ++i)
    for (size_t j = i + 1; j < content.size() && j <= i + window; ++j) {
      if (content[i] == content[j]) continue;
      const bool in_order = content[i] < content[j];
      const std::string& a = in_order ? content[i] : content[j];
      const std::string& b = in_order ? content[j] : content[i];
      out.push_back(Tag(Fnv1a(b, Fnv1a("|", Fnv1a(a, Fnv1a("o")))), 3));
    }
  return out;
}

TopicVectorizer TopicVectorizer::Fit(const std::vector<std::vector<uint64_t>>& texts,
                                     const TopicFeatureOptions& options) {
  TopicVectorizer v;
  v.options_ = options;
  std::unordered_map<uint64_t, int> df;
  std::vector<uint64_t> order;  // sorted below: ids do not depend on hash-map order
  std::vector<uint64_t> unique;
  for (const std::vector<uint64_t>& t : texts) {
    unique = t;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (uint64_t term : unique)
      if (df[term]++ == 0) order.push_back(term);
  }
  std::sort(order.begin(), order.end());
  const auto n = static_cast<double>(texts.size());
  for (uint64_t term : order) {
    const int d = df[term];
    if (d < options.min_count) continue;
    v.ids_.emplace(term, static_cast<int>(v.terms_.size()));
    v.terms_.push_back(term);
    v.idf_.push_back(static_cast<float>(std::log((n + 1) / (d + 1)) + 1));
  }
  return v;
}

double TopicVectorizer::WordCoverage(const std::vector<uint64_t>& terms) const {
  int words = 0;
  int known = 0;
  for (uint64_t t : terms)
    if (BlockOf(t) == 0) {
      ++words;
      known += ids_.contains(t) ? 1 : 0;
    }
  return words > 0 ? static_cast<double>(known) / words : 0;
}

SparseVector TopicVectorizer::Transform(const std::vector<uint64_t>& terms) const {
  // Known terms as (block, id), counted.
  std::vector<std::pair<int, int>> known;
  known.reserve(terms.size());
  for (uint64_t t : terms) {
    const auto it = ids_.find(t);
    if (it != ids_.end()) known.emplace_back(BlockOf(t), it->second);
  }
  std::sort(known.begin(), known.end());
  SparseVector v;
  v.reserve(known.size());
  const std::array<float, kBlocks> weights = {options_.word_weight, options_.pair_weight,
                                              options_.char_weight, options_.cooc_weight};
  size_t block_start = 0;
  for (size_t i = 0; i < known.size();) {
    size_t j = i;
    while (j < known.size() && known[j] == known[i]) ++j;
    const auto tf = static_cast<float>(j - i);
    v.emplace_back(known[i].second, (1 + std::log(tf)) * idf_[known[i].second]);
    const int block = known[i].first;
    i = j;
    if (i == known.size() || known[i].first != block) {
      Normalise(&v, block_start, v.size(), weights[block]);
      block_start = v.size();
    }
  }
  Normalise(&v, 0, v.size(), 1.0F);
  return v;
}

void TopicVectorizer::Write(std::string* out) const {
  PutU32(out, static_cast<uint32_t>(options_.char_min));
  PutU32(out, static_cast<uint32_t>(options_.char_max));
  PutF32(out, options_.word_weight);
  PutF32(out, options_.pair_weight);
  PutF32(out, options_.char_weight);
  PutF32(out, options_.cooc_weight);
  PutU32(out, static_cast<uint32_t>(options_.cooc_window));
  PutU32(out, static_cast<uint32_t>(options_.min_count));
  PutU32(out, static_cast<uint32_t>(terms_.size()));
  for (size_t i = 0; i < terms_.size(); ++i) {
    PutU64(out, terms_[i]);
    PutF32(out, idf_[i]);
  }
}

Result<TopicVectorizer> TopicVectorizer::Read(std::string_view in, size_t* pos) {
  TopicVectorizer v;
  size_t p = *pos;
  uint32_t char_min = 0, char_max = 0, cooc_window = 0, min_count = 0, n = 0;
  TopicFeatureOptions& o = v.options_;
  if (!GetU32(in, &p, &char_min) || !GetU32(in, &p, &char_max) || !GetF32(in, &p, &o.word_weight) ||
      !GetF32(in, &p, &o.pair_weight) || !GetF32(in, &p, &o.char_weight) ||
      !GetF32(in, &p, &o.cooc_weight) || !GetU32(in, &p, &cooc_window) ||
      !GetU32(in, &p, &min_count) || !GetU32(in, &p, &n))
    return InvalidArgument("topic model: vocabulary header truncated at byte " + std::to_string(p));
  if (char_min > 16 || char_max > 16 || cooc_window > 1000)
    return InvalidArgument("topic model: feature options out of range");
  o.char_min = static_cast<int>(char_min);
  o.cooc_window = static_cast<int>(cooc_window);
  o.char_max = static_cast<int>(char_max);
  o.min_count = static_cast<int>(min_count);
  if (n > (in.size() - p) / 12)
    return InvalidArgument("topic model: vocabulary of " + std::to_string(n) +
                           " terms truncated at byte " + std::to_string(p));
  v.terms_.resize(n);
  v.idf_.resize(n);
  v.ids_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!GetU64(in, &p, &v.terms_[i]) || !GetF32(in, &p, &v.idf_[i]))
      return InvalidArgument("topic model: vocabulary truncated at byte " + std::to_string(p));
    if (!v.ids_.emplace(v.terms_[i], static_cast<int>(i)).second)
      return InvalidArgument("topic model: a term twice in the vocabulary");
  }
  *pos = p;
  return v;
}

}  // namespace luister
