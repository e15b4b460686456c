#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/answer.h"
#include "domain/answer_matcher.h"

namespace luister {

// The published library as the doors read it — the agents' suggestions,
// the consistency check, the self-service assistant and the help page —
// with its matcher (answer_matcher.h), built again when the library changed
// (the repository's generation) and shared by a node's requests and jobs.
// Thread-safe. docs/answers.md.

// A match good enough to offer a customer without a person (the assistant)
// or to say which answer a reply was about (the consistency check); below
// it, the question is a knowledge gap.
inline constexpr double kGoodAnswerMatch = 0.35;

struct LibraryMatch {
  const LibraryAnswer* answer = nullptr;
  double score = 0;
};

class AnswerLibrary {
 public:
  struct Snapshot {
    std::string generation;
    std::vector<LibraryAnswer> answers;
    std::optional<AnswerMatcher> matcher;

    const LibraryAnswer* Find(int64_t answer_id) const;
    // The best `k` answers for `text`, best first.
    std::vector<LibraryMatch> Rank(std::string_view text, size_t k) const;
  };

  // The library as it is now. After a change, one caller builds it again
  // and the others that need the new library wait for that build rather
  // than each building their own.
  Result<std::shared_ptr<const Snapshot>> Current(AnswerRepository& repo);

  // What building cost this node (for /metrics).
  struct BuildStats {
    int64_t builds = 0;       // since the process started
    double last_seconds = 0;  // the last build's wall time
    size_t answers = 0;       // in the library now
  };
  BuildStats Stats() const;

 private:
  // The snapshot if it is of `generation`, else null.
  std::shared_ptr<const Snapshot> BuiltAt(const std::string& generation) const;

  std::mutex build_mu_;    // held for a whole build: one at a time
  mutable std::mutex mu_;  // guards what follows, never held while building
  std::shared_ptr<const Snapshot> built_;
  BuildStats stats_;
};

// A library of `answers` with its matcher (no generation).
Result<AnswerLibrary::Snapshot> BuildLibrary(std::vector<LibraryAnswer> answers);

// The answer's text in `lang`, or in the other language when it has none
// there; `used` hears which.
const AnswerText& AnswerTextIn(const LibraryAnswer& a, Language lang, Language* used = nullptr);

// An answer as a customer reads it without an agent (the assistant, the
// help page): variables with a value filled in, a greeting that names the
// customer dropped when there is no name, other variables left as "…".
std::string CustomerFacingText(std::string_view body,
                               const std::map<std::string, std::string>& values);

// Gaps on one theme, for the owners: what to write next.
struct GapGroup {
  std::string label;                   // the theme's top terms: "pakket kwijt"
  std::vector<const AnswerGap*> gaps;  // newest first
};
// Groups the gaps that still match no published answer well in `library`
// by the words they share, the largest group first; at most `max_groups`.
std::vector<GapGroup> GroupGaps(const std::vector<AnswerGap>& gaps,
                                const AnswerLibrary::Snapshot& library, size_t max_groups);

}  // namespace luister
