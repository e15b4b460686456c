#include "domain/answer_checks.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "domain/html_sanitizer.h"
#include "domain/job_runner.h"
#include "domain/text_analysis.h"
#include "domain/validation.h"

namespace luister {

namespace {

// Replies one round reads at a time.
constexpr int kBatch = 200;

// How well the reply must match the answer its question matched.
constexpr double kReplyAlsoAbout = kGoodAnswerMatch / 2;
// Content words (not numbers) a reply must share with an answer to be
// about it: the matcher's score is relative to the library, so in a small
// library a single shared word can score high.
constexpr size_t kSharedWords = 2;

bool SharesWords(const std::string& text, const LibraryAnswer& a) {
  std::set<std::string> theirs;
  for (const AnswerText* t : {&a.nl, &a.en})
    for (const std::string& part : {t->title, t->body})
      for (std::string& w : ContentStems(part)) theirs.insert(std::move(w));
  for (const std::string& q : a.questions)
    for (std::string& w : ContentStems(q)) theirs.insert(std::move(w));
  std::set<std::string> shared;
  for (const std::string& w : ContentStems(text))
    if (theirs.count(w) && !std::isdigit(static_cast<unsigned char>(w[0]))) shared.insert(w);
  return shared.size() >= kSharedWords;
}

const LibraryAnswer* AnswerOfReply(const std::string& question, const std::string& text,
                                   const AnswerLibrary::Snapshot& library) {
  const auto by_reply = library.Rank(text, 3);
  const LibraryAnswer* found = nullptr;
  if (!Trim(question).empty()) {
    const auto by_question = library.Rank(question, 1);
    if (!by_question.empty() && by_question.front().score >= kGoodAnswerMatch)
      for (const LibraryMatch& m : by_reply)
        if (m.answer == by_question.front().answer && m.score >= kReplyAlsoAbout) found = m.answer;
  }
  if (!found && !by_reply.empty() && by_reply.front().score >= kGoodAnswerMatch)
    found = by_reply.front().answer;
  return found && SharesWords(text, *found) ? found : nullptr;
}

}  // namespace

std::optional<ReplyCheck> CheckReply(const ReplyToCheck& reply,
                                     const AnswerLibrary::Snapshot& library) {
  std::string text = reply.text;
  if (Trim(text).empty() && !reply.html.empty()) text = HtmlToText(reply.html);
  if (Trim(text).empty()) return std::nullopt;
  const LibraryAnswer* answer = reply.answer_id ? library.Find(*reply.answer_id) : nullptr;
  const bool used = answer != nullptr;
  // Not from the library: about a topic when the reply itself matches an
  // answer well, or when the customer's question does and the reply is
  // about it too (a question alone is not enough: "hoe lang heb ik…"
  // opens questions on many topics).
  if (!answer) answer = AnswerOfReply(reply.question, text, library);
  if (!answer) return std::nullopt;
  const AnswerText& live = AnswerTextIn(*answer, GuessLanguage(NormalisedWords(text)));
  ReplyCheck out;
  out.message_id = reply.message_id;
  out.conversation_id = reply.conversation_id;
  out.customer_id = reply.customer_id;
  out.channel = reply.channel;
  out.author_user_id = reply.author_user_id;
  out.sent_at = reply.sent_at;
  out.answer_id = answer->answer_id;
  out.answer_number = answer->number;
  out.used_library = used;
  out.overridden = !Trim(reply.override_reason).empty();
  std::vector<AnswerConflict> conflicts = FindConflicts(live.body, text);
  if (!conflicts.empty()) out.conflict = std::move(conflicts.front());
  return out;
}

std::vector<Disagreement> Disagreements(const std::vector<ReplyCheck>& checks) {
  std::map<std::tuple<ConflictKind, std::string, std::string>, Disagreement> by_value;
  for (const ReplyCheck& c : checks) {
    if (!c.conflict) continue;
    Disagreement& d = by_value[{c.conflict->kind, c.conflict->published, c.conflict->written}];
    d.kind = c.conflict->kind;
    d.published = c.conflict->published;
    d.written = c.conflict->written;
    ++d.channels[c.channel];
    ++d.total;
  }
  std::vector<Disagreement> out;
  for (auto& [key, d] : by_value) out.push_back(std::move(d));
  std::stable_sort(out.begin(), out.end(),
                   [](const Disagreement& a, const Disagreement& b) { return a.total > b.total; });
  return out;
}

Result<int> AnswerCheckService::RunRound(const AnswerLibrary::Snapshot& library, int max_replies) {
  int looked = 0;
  while (looked < max_replies) {
    LUISTER_ASSIGN_OR_RETURN(int64_t from, checks_.Watermark());
    LUISTER_ASSIGN_OR_RETURN(auto replies,
                             checks_.RepliesAfter(from, std::min(kBatch, max_replies - looked)));
    if (replies.empty()) break;
    std::vector<ReplyCheck> checked;
    for (const ReplyToCheck& r : replies)
      if (auto c = CheckReply(r, library)) checked.push_back(std::move(*c));
    LUISTER_ASSIGN_OR_RETURN(bool mine, checks_.Save(checked, from, replies.back().message_id));
    if (!mine) break;  // another node's round got there first
    looked += static_cast<int>(replies.size());
  }
  return looked;
}

Result<bool> AnswerCheckService::EnsureJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, checks_.JobId());
  return EnsureSingletonJob(
      store_, clock_, kAnswerCheckJob, current,
      [&](std::optional<int64_t> expected, int64_t id) { return checks_.SetJob(expected, id); });
}

Result<std::optional<Timestamp>> AnswerCheckService::RunJob(
    const Job& job, const AnswerLibrary::Snapshot& library) {
  LUISTER_ASSIGN_OR_RETURN(auto current, checks_.JobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one runner
  constexpr int kPerRound = 2000;
  LUISTER_ASSIGN_OR_RETURN(int looked, RunRound(library, kPerRound));
  // A backlog (an import, the first round) continues at once; otherwise
  // the replies of the last seconds are checked in the next round.
  const auto wait = looked >= kPerRound ? std::chrono::seconds(0) : std::chrono::seconds(5);
  return std::optional<Timestamp>(clock_.Now() + wait);
}

}  // namespace luister
