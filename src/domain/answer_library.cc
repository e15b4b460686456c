#include "domain/answer_library.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "domain/text_analysis.h"

namespace luister {

const LibraryAnswer* AnswerLibrary::Snapshot::Find(int64_t answer_id) const {
  const auto it = std::find_if(answers.begin(), answers.end(),
                               [&](const LibraryAnswer& a) { return a.answer_id == answer_id; });
  return it == answers.end() ? nullptr : &*it;
}

std::vector<LibraryMatch> AnswerLibrary::Snapshot::Rank(std::string_view text, size_t k) const {
  std::vector<LibraryMatch> out;
  if (!matcher) return out;
  for (const AnswerScore& s : matcher->Rank(text, k)) {
    int64_t id = 0;
    try {
      id = std::stoll(s.answer_id);
    } catch (...) {
      continue;
    }
    if (const LibraryAnswer* a = Find(id)) out.push_back({a, s.score});
  }
  return out;
}

Result<AnswerLibrary::Snapshot> BuildLibrary(std::vector<LibraryAnswer> answers) {
  AnswerLibrary::Snapshot next;
  next.answers = std::move(answers);
  std::vector<AnswerExample> examples;
  for (const LibraryAnswer& a : next.answers) {
    const std::string id = std::to_string(a.answer_id);
    for (const AnswerText* t : {&a.nl, &a.en})
      if (!t->empty()) {
        examples.push_back({t->title, id});
        examples.push_back({t->title + "\n" + t->body, id});
      }
    for (const std::string& q : a.questions) examples.push_back({q, id});
  }
  if (!examples.empty()) {
    LUISTER_ASSIGN_OR_RETURN(AnswerMatcher m, AnswerMatcher::Build(examples));
    next.matcher = std::move(m);
  }
  return next;
}

std::shared_ptr<const AnswerLibrary::Snapshot> AnswerLibrary::BuiltAt(
    const std::string& generation) const {
  std::lock_guard lock(mu_);
  return built_ && built_->generation == generation ? built_ : nullptr;
}

Result<std::shared_ptr<const AnswerLibrary::Snapshot>> AnswerLibrary::Current(
    AnswerRepository& repo) {
  LUISTER_ASSIGN_OR_RETURN(std::string generation, repo.Generation());
  if (auto fresh = BuiltAt(generation)) return fresh;
  std::lock_guard building(build_mu_);
  // Built while this one waited (the library may have moved on meanwhile:
  // read where it is now).
  LUISTER_ASSIGN_OR_RETURN(generation, repo.Generation());
  if (auto fresh = BuiltAt(generation)) return fresh;
  const auto start = std::chrono::steady_clock::now();
  LUISTER_ASSIGN_OR_RETURN(auto answers, repo.Library());
  LUISTER_ASSIGN_OR_RETURN(Snapshot built, BuildLibrary(std::move(answers)));
  built.generation = generation;
  auto next = std::make_shared<Snapshot>(std::move(built));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::lock_guard lock(mu_);
  built_ = next;
  ++stats_.builds;
  stats_.last_seconds = took.count();
  stats_.answers = next->answers.size();
  return std::shared_ptr<const Snapshot>(next);
}

AnswerLibrary::BuildStats AnswerLibrary::Stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

const AnswerText& AnswerTextIn(const LibraryAnswer& a, Language lang, Language* used) {
  const bool nl = lang == Language::kNl ? !a.nl.empty() : a.en.empty();
  if (used) *used = nl ? Language::kNl : Language::kEn;
  return nl ? a.nl : a.en;
}

std::string CustomerFacingText(std::string_view body,
                               const std::map<std::string, std::string>& values) {
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    // "Beste {{customer.name}}," without a name: the line goes.
    const bool greeting = line.find("{{customer.name}}") != std::string_view::npos &&
                          line.size() < 40 && !values.contains("customer.name");
    if (!greeting) {
      std::string rendered = RenderAnswer(line, values);
      for (size_t at = rendered.find("{{"); at != std::string::npos; at = rendered.find("{{", at)) {
        const size_t close = rendered.find("}}", at);
        if (close == std::string::npos) break;
        rendered.replace(at, close + 2 - at, "\xE2\x80\xA6");
      }
      out += rendered;
      if (end < body.size()) out += '\n';
    } else if (end < body.size() && end + 1 < body.size() && body[end + 1] == '\n') {
      ++end;  // and the blank line after it
    }
    start = end + 1;
  }
  while (!out.empty() && (out.front() == '\n')) out.erase(out.begin());
  return out;
}

namespace {

// A group of gaps as it grows: how many of its questions use each stem,
// and the words people wrote for it.
struct Growing {
  std::vector<const AnswerGap*> gaps;
  std::map<std::string, int> stems;
  std::map<std::string, std::map<std::string, int>> words;  // stem -> written -> count
};

}  // namespace

std::vector<GapGroup> GroupGaps(const std::vector<AnswerGap>& gaps,
                                const AnswerLibrary::Snapshot& library, size_t max_groups) {
  // Single pass, newest first: a question joins the group whose questions
  // share most of its content words (on average a third or more), else
  // starts one. Bounded by the gaps asked for; no quadratic work per pair.
  constexpr double kJoin = 0.34;
  std::vector<Growing> groups;
  for (const AnswerGap& gap : gaps) {
    const std::vector<LibraryMatch> best = library.Rank(gap.text, 1);
    if (!best.empty() && best.front().score >= kGoodAnswerMatch) continue;  // answered since
    const std::vector<std::string> words = NormalisedWords(gap.text);
    const Language lang = GuessLanguage(words);
    std::map<std::string, std::string> mine;  // stem -> written
    for (const std::string& w : words) {
      if (w.size() < 2 || IsStopWord(w, lang)) continue;
      if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      mine.emplace(Stem(w, lang), w);
    }
    if (mine.empty()) continue;
    Growing* into = nullptr;
    double best_share = 0;
    for (Growing& g : groups) {
      double share = 0;
      for (const auto& [stem, written] : mine)
        if (auto it = g.stems.find(stem); it != g.stems.end())
          share += static_cast<double>(it->second) / static_cast<double>(g.gaps.size());
      share /= static_cast<double>(mine.size());
      if (share > best_share) {
        best_share = share;
        into = &g;
      }
    }
    if (!into || best_share < kJoin) into = &groups.emplace_back();
    into->gaps.push_back(&gap);
    for (const auto& [stem, written] : mine) {
      ++into->stems[stem];
      ++into->words[stem][written];
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Growing& a, const Growing& b) {
    return a.gaps.size() > b.gaps.size();
  });
  std::vector<GapGroup> out;
  for (Growing& g : groups) {
    if (out.size() >= max_groups) break;
    // The label: the stems most of its questions share, as people wrote
    // them, most shared first.
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [stem, n] : g.stems) ranked.emplace_back(n, stem);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    GapGroup group;
    for (size_t i = 0; i < ranked.size() && i < 3; ++i) {
      if (i > 0 && ranked[i].first * 2 < ranked[0].first) break;
      const auto& written = g.words[ranked[i].second];
      const auto top =
          std::max_element(written.begin(), written.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      if (!group.label.empty()) group.label += ' ';
      group.label += top->first;
    }
    group.gaps = std::move(g.gaps);
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace luister
