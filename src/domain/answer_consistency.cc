#include "domain/answer_consistency.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

// The check's entry points: both texts read into a ReplyCheck, then its
// passes in turn (answer_consistency_internal.h names the parts).

namespace luister::consistency {

namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"amount", "period", "deadline",
                                                        "date",   "yes_no", "procedure"};

// The findings that are conflicts; the others are what a guard let pass.
const std::set<std::string_view> kStrongSignals = {"fact.amount",
                                                   "fact.period",
                                                   "fact.deadline",
                                                   "fact.date",
                                                   "fact.by_elimination",
                                                   "fact.other_side",
                                                   "fact.total_worked_out_wrong",
                                                   "fact.dates_moved",
                                                   "date.open_days",
                                                   "date.open_on_a_closed_day",
                                                   "yesno.turned",
                                                   "yesno.stance_turned",
                                                   "yesno.measure_outside_the_limit",
                                                   "yesno.in_spite_of",
                                                   "yesno.stance_turned_of_it",
                                                   "yesno.also_what_is_not",
                                                   "yesno.forbidden_allowed",
                                                   "yesno.only_for_all",
                                                   "yesno.day_ruled_out",
                                                   "yesno.only_if_as_standard",
                                                   "yesno.age_outside_the_limit",
                                                   "yesno.ruled_out_named",
                                                   "procedure.who_acts",
                                                   "yesno.opposite",
                                                   "yesno.not_needed",
                                                   "yesno.needed_for_not_needed",
                                                   "yesno.stretched",
                                                   "yesno.fee_for_free",
                                                   "yesno.fee_without_amount",
                                                   "yesno.free_for_priced",
                                                   "procedure.ruled_out",
                                                   "procedure.other_way",
                                                   "procedure.order",
                                                   "procedure.steps_reordered",
                                                   "procedure.without_waiting",
                                                   "procedure.step_left_out",
                                                   "procedure.delivered_not_collected",
                                                   "procedure.collected_not_delivered"};

// A signature at the very end: "^Kruithuis", "^JN" on social media; "–
// SparkleWash", "- Dan, StreamLine" after the last sentence.
std::string_view WithoutEndSignature(std::string_view reply) {
  while (!reply.empty() && std::isspace(static_cast<unsigned char>(reply.back())))
    reply.remove_suffix(1);
  if (const size_t caret = reply.rfind('^');
      caret != std::string_view::npos && caret > 0 &&
      std::all_of(reply.begin() + static_cast<long>(caret) + 1, reply.end(),
                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }))
    reply = reply.substr(0, caret);
  for (const std::string_view dash :
       {std::string_view(" \xE2\x80\x93 "), std::string_view(" \xE2\x80\x94 "),
        std::string_view(" - ")}) {
    const size_t at = reply.rfind(dash);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view after = reply.substr(at + dash.size());
    const std::string_view before = reply.substr(0, at);
    // What comes before ends a sentence; what comes after is a few words
    // that end none.
    const char end = before.back();
    size_t words = 0;
    bool in_word = false;
    for (const char c : after) {
      const bool letter = std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                          (static_cast<unsigned char>(c) & 0x80) != 0;
      words += letter && !in_word;
      in_word = letter;
    }
    if ((end == '.' || end == '!' || end == '?' || (static_cast<unsigned char>(end) & 0x80)) &&
        words >= 1 && words <= 5 && after.find_first_of(".!?") == std::string_view::npos)
      return before;
  }
  return reply;
}

// The reply without its sign-off ("Met vriendelijke groet, Kraan & Zn",
// "Kind regards, Learning Team"): a closing word at a sentence's start
// with at most a name or two after it. The company's name there says
// nothing of the answer's claims about that company.
std::string_view WithoutSignOff(std::string_view reply) {
  reply = WithoutEndSignature(reply);
  static constexpr std::array<std::string_view, 18> kClosings = {"met vriendelijke groet",
                                                                 "vriendelijke groet",
                                                                 "hartelijke groet",
                                                                 "groetjes",
                                                                 "groeten",
                                                                 "groet",
                                                                 "liefs",
                                                                 "kind regards",
                                                                 "best regards",
                                                                 "warm regards",
                                                                 "warmest regards",
                                                                 "regards",
                                                                 "best wishes",
                                                                 "all the best",
                                                                 "cheers",
                                                                 "yours sincerely",
                                                                 "sincerely",
                                                                 "yours faithfully"};
  const std::string lower = Lower(std::string(reply));
  // One pass: the last character before the spaces, and whether a line
  // ended among them.
  char last = '.';
  bool new_line = true, spaced = true;
  for (size_t at = 0; at < lower.size(); ++at) {
    const char c = lower[at];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      new_line = new_line || c == '\n';
      spaced = true;
      continue;
    }
    const bool starts = spaced && (new_line || last == '.' || last == '!' || last == '?');
    last = c;
    new_line = spaced = false;
    if (!starts) continue;
    for (const std::string_view closing : kClosings) {
      if (lower.compare(at, closing.size(), closing) != 0) continue;
      const size_t end = at + closing.size();
      if (end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[end]))) continue;
      size_t words = 0;
      bool in_word = false;
      for (size_t k = end; k < lower.size(); ++k) {
        const bool letter = std::isalnum(static_cast<unsigned char>(lower[k])) != 0;
        words += letter && !in_word;
        in_word = letter;
      }
      if (words <= 8) return reply.substr(0, at);
    }
  }
  return reply;
}

}  // namespace

void ReplyCheck::Add(std::string_view signal, ConflictKind kind, std::string p, std::string w,
                     const Sentence& ps, const Sentence& rs) {
  if (!seen_.emplace(signal, kind, w).second) return;
  out.push_back({signal,
                 kStrongSignals.contains(signal),
                 {kind, std::move(p), std::move(w), ps.text, rs.text}});
}

bool ReplyCheck::SaidAlready(const Sentence& r) const {
  return std::any_of(out.begin(), out.end(), [&](const ConflictSignal& c) {
    return c.strong && (c.conflict.written_sentence.find(r.text) != std::string::npos ||
                        r.text.find(c.conflict.written_sentence) != std::string::npos);
  });
}

size_t SentenceOf(const std::vector<Sentence>& sentences, const Sentence& clause) {
  for (size_t i = 0; i < sentences.size(); ++i)
    if (sentences[i].text.find(clause.text) != std::string::npos) return i;
  return sentences.size();
}

bool ReplyCheck::OutsideTheLimit(const Sentence& r, const Sentence& p) const {
  const size_t ri = SentenceOf(rep, r), pi = SentenceOf(pub, p);
  if (ri == rep.size() || pi == pub.size()) return false;
  return std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& limit) {
    return limit.sentence == pi && limit.bound != 0 &&
           (limit.kind == ConflictKind::kAmount || limit.kind == ConflictKind::kPeriod) &&
           std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& v) {
             return v.sentence == ri && v.bound == 0 && v.kind == limit.kind &&
                    v.unit == limit.unit && v.lo == v.hi &&
                    (limit.bound > 0 ? v.hi <= limit.lo : v.lo >= limit.hi);
           });
  });
}

bool ReplyCheck::ForAnotherAge(const Sentence& r, size_t pi) const {
  for (const Fact& limit : pub_facts) {
    if (!limit.age || limit.bound == 0 || limit.sentence != pi) continue;
    const double years = limit.lo / 8760;
    const std::vector<Token>& t = r.tokens;
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k].type != Token::kNumber) continue;
      const std::string_view prev = k > 0 ? std::string_view(t[k - 1].text) : "";
      const std::string_view next = k + 1 < t.size() ? std::string_view(t[k + 1].text) : "";
      // "at 9", "aged 9", "van 9", "9 jaar", "9-year-old".
      if (prev != "at" && prev != "aged" && prev != "van" && next != "jaar" && next != "year" &&
          next != "years" && next != "-")
        continue;
      const std::optional<double> n = NumberOf(t[k].text);
      if (n && *n < 120 && (limit.bound < 0 ? *n >= years : *n < years)) return true;
    }
  }
  return false;
}

std::optional<ReplyCheck> ReadPair(std::string_view published, std::string_view reply) {
  reply = WithoutSignOff(reply);
  std::vector<std::string> pub_texts = SplitSentences(published);
  std::vector<std::string> reply_texts = SplitSentences(reply);
  if (pub_texts.empty() || reply_texts.empty()) return std::nullopt;
  std::string both(published);
  both += ' ';
  both += reply;
  std::optional<ReplyCheck> pair(std::in_place, GuessLanguage(NormalisedWords(both)));
  ReplyCheck& c = *pair;
  c.published = published;
  c.reply = reply;
  c.pub_texts = std::move(pub_texts);
  c.reply_texts = std::move(reply_texts);
  for (const std::string& t : c.pub_texts) c.pub.push_back(c.reader.Read(t));
  const WordSet counted = CountedWords(c.pub);
  for (size_t i = 0; i < c.pub.size(); ++i) {
    auto f = FindFacts(c.pub[i], i, &counted, true);
    c.pub_facts.insert(c.pub_facts.end(), f.begin(), f.end());
  }
  for (const std::string& t : c.reply_texts) {
    c.rep.push_back(c.reader.Read(t));
    auto f = FindFacts(c.rep.back(), c.rep.size() - 1, &counted, false);
    c.rep_facts.insert(c.rep_facts.end(), f.begin(), f.end());
  }
  // "once a year" against "every 6 months": how often, said both ways. A
  // count per a time becomes the interval it makes, when the other text
  // says an interval.
  const auto intervals = [](std::vector<Fact>& facts, const std::vector<Fact>& other) {
    if (std::none_of(other.begin(), other.end(),
                     [](const Fact& f) { return f.unit == "interval" && !f.own; }))
      return;
    const size_t n = facts.size();
    for (size_t k = 0; k < n; ++k) {
      const Fact& f = facts[k];
      if (f.own || f.kind != ConflictKind::kAmount || !f.unit.starts_with("count:times/") ||
          f.lo < 1 || f.lo != f.hi || f.bound != 0)
        continue;
      const double minutes = std::atof(f.unit.c_str() + 12);
      if (minutes <= 0) continue;
      Fact every = f;
      every.kind = ConflictKind::kPeriod;
      every.unit = "interval";
      every.lo = every.hi = minutes / 60 / f.lo;
      facts.push_back(every);
    }
  };
  intervals(c.pub_facts, c.rep_facts);
  intervals(c.rep_facts, c.pub_facts);
  // Clause by clause. "..., but not damage caused by flooding", "and
  // cannot be exchanged": a clause without its own subject and verb says them with the one
  // before it.
  auto read_clauses = [&c](const std::vector<std::string>& texts, std::vector<Sentence>& out) {
    for (const std::string& t : texts) {
      const size_t first = out.size();
      for (const std::string& clause : SplitClauses(t)) out.push_back(c.reader.Read(clause));
      // "Vergoedt uw verzekering het niet, dan betaalt u zelf", "Ben je
      // later, dan ...": the clause before "dan" is a condition.
      for (size_t k = first; k + 1 < out.size(); ++k)
        if (static const WordSet who = {"je", "u", "jij", "jullie", "we", "wij", "hij", "ze", "zij",
                                        "uw", "jouw", "het", "er"};
            !out[k + 1].tokens.empty() && out[k + 1].tokens[0].text == "dan" &&
            out[k].tokens.size() >= 2 && !SubjectWords().contains(out[k].tokens[0].text) &&
            In(who, out[k].tokens[1].text) && c.lang == Language::kNl)
          out[k].condition = true;
      for (size_t k = first + 1; k < out.size(); ++k) {
        const std::vector<Token>& tk = out[k].tokens;
        static const WordSet joins = {"and", "en", "but", "maar", "or", "of"};
        const bool elided =
            tk.size() >= 2 && ((In(joins, tk[0].text) && IsNegation(tk[1].text) &&
                                (tk.size() < 3 || !SubjectWords().contains(tk[2].text))) ||
                               (IsNegation(tk[0].text) && !SubjectWords().contains(tk[1].text)));
        if (elided && out[k].negations > 0) {
          out[k].stems.insert(out[k - 1].stems.begin(), out[k - 1].stems.end());
          out[k].elided = true;
        }
      }
    }
  };
  read_clauses(c.pub_texts, c.pub_clauses);
  read_clauses(c.reply_texts, c.rep_clauses);
  return pair;
}

}  // namespace luister::consistency

namespace luister {

std::string_view ToString(ConflictKind k) {
  return consistency::kKindNames[static_cast<size_t>(k)];
}

std::optional<ConflictKind> ParseConflictKind(std::string_view s) {
  const auto& names = consistency::kKindNames;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<ConflictKind>(i);
  return std::nullopt;
}

std::vector<ConflictSignal> ConflictSignals(std::string_view published, std::string_view reply) {
  std::optional<consistency::ReplyCheck> c = consistency::ReadPair(published, reply);
  if (!c) return {};
  c->CheckValues();
  c->CheckYesNo();
  c->CheckProcedure();
  return std::move(c->out);
}

std::vector<std::string> DescribeReading(std::string_view published, std::string_view reply) {
  std::vector<std::string> out;
  const std::optional<consistency::ReplyCheck> c = consistency::ReadPair(published, reply);
  if (!c) return out;
  const auto facts = [&](std::string_view side, const std::vector<consistency::Fact>& facts) {
    for (const consistency::Fact& f : facts) {
      std::ostringstream line;
      line << side << " fact " << ToString(f.kind) << ' ' << f.unit << " '" << f.text << "' "
           << f.lo << ".." << f.hi << " own=" << f.own << " bound=" << f.bound
           << " loose=" << f.loose << " within=" << f.within << " edge=" << f.edge
           << " sentence=" << f.sentence;
      out.push_back(line.str());
    }
  };
  const auto clauses = [&](std::string_view side, const std::vector<consistency::Sentence>& v) {
    for (const consistency::Sentence& x : v) {
      const consistency::Stance st = consistency::StanceOf(x, c->lang);
      std::ostringstream line;
      line << side << " clause '" << x.text << "' neg=" << x.negations << " cond=" << x.condition
           << " instr=" << x.instruction << " imp=" << x.imperative << " inv=" << x.invitation
           << " relief=" << x.relief << " means=";
      for (const auto& [m, w] : x.means) line << m << ':' << w << ',';
      line << " stance=" << st.said[0] << ',' << st.said[1] << ',' << st.said[2] << " things=";
      for (const std::string& t : st.things) line << t << ',';
      out.push_back(line.str());
    }
  };
  facts("published", c->pub_facts);
  facts("reply", c->rep_facts);
  clauses("published", c->pub_clauses);
  clauses("reply", c->rep_clauses);
  return out;
}

std::vector<AnswerConflict> FindConflicts(std::string_view published, std::string_view reply) {
  std::vector<AnswerConflict> out;
  std::set<std::pair<ConflictKind, std::string>> seen;
  for (ConflictSignal& s : ConflictSignals(published, reply))
    if (s.strong && seen.emplace(s.conflict.kind, s.conflict.written).second)
      out.push_back(std::move(s.conflict));
  return out;
}

}  // namespace luister
