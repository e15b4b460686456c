#include "domain/answer_library.h"

#include <algorithm>

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

Result<std::shared_ptr<const AnswerLibrary::Snapshot>> AnswerLibrary::Current(
    AnswerRepository& repo) {
  LUISTER_ASSIGN_OR_RETURN(std::string generation, repo.Generation());
  {
    std::lock_guard lock(mu_);
    if (built_ && built_->generation == generation) return built_;
  }
  auto next = std::make_shared<Snapshot>();
  next->generation = generation;
  LUISTER_ASSIGN_OR_RETURN(next->answers, repo.Library());
  std::vector<AnswerExample> examples;
  for (const LibraryAnswer& a : next->answers) {
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
    next->matcher = std::move(m);
  }
  std::lock_guard lock(mu_);
  built_ = next;
  return std::shared_ptr<const Snapshot>(next);
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

}  // namespace luister
