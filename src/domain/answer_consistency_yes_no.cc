// The consistency check's yes-or-no pass: what is allowed, possible, free,
// included or needed, turned around.

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

namespace {

// Whether the reply's refusal is of what lies past the answer's limit: the
// answer allows a number ("één vergunning per adres", "up to 2 bags", "max
// 4"), the reply refuses one more ("een tweede", "a third bag", "more than
// that").
bool PastTheLimit(const Sentence& allowed, const Sentence& refused) {
  static const WordSet limit = {"max",  "maximaal", "maximum", "up",
                                "upto", "tot",      "hooguit", "most"};
  bool counted = false;
  for (size_t k = 0; k < allowed.tokens.size() && !counted; ++k) {
    const Token& t = allowed.tokens[k];
    const bool number = t.type == Token::kNumber || NumberWords().contains(t.text) ||
                        t.text == "een" || t.text == "één" || t.text == "one";
    // "één per adres", "2 bags per person", "max. 4", "up to 2", "at most 3".
    const auto word = [&](size_t at) {
      return at < allowed.tokens.size() ? std::string_view(allowed.tokens[at].text) : "";
    };
    counted = number && (word(k + 1) == "per" || word(k + 2) == "per" ||
                         (k > 0 && In(limit, allowed.tokens[k - 1].text)) ||
                         (k > 1 && word(k - 1) == "to" && word(k - 2) == "up"));
  }
  if (!counted) return false;
  static const WordSet more = {"tweede",  "derde", "vierde",     "second", "third", "fourth",
                               "another", "extra", "additional", "meer",   "more"};
  return std::any_of(refused.tokens.begin(), refused.tokens.end(),
                     [](const Token& t) { return In(more, t.text); });
}

// The answer's clause that forbids by name what a reply's claim of leave
// names ("Tripods are not permitted", "In de treinen zijn honden niet
// toegestaan": the things named before the word of leave), unless the
// claim names an exception the answer makes ("met uitzondering van
// hulphonden", "except baby food"). A Dutch compound names its last part
// ("huishond" is a "hond").
const Sentence* ForbidsByName(const std::vector<Sentence>& pub_clauses,
                              const std::vector<Stance>& pub_stance, const Sentence& reply_clause,
                              const Stance& claim, Language lang) {
  // "a regular bike is fine" against "e-bikes are not allowed": another
  // kind of the thing.
  static const WordSet another_kind = {"regular", "normal",  "standard", "ordinary",
                                       "gewone",  "normale", "andere",   "other"};
  if (std::any_of(reply_clause.tokens.begin(), reply_clause.tokens.end(),
                  [](const Token& t) { return In(another_kind, t.text); }))
    return nullptr;
  static const WordSet leave = {"allowed", "permitted", "toegestaan", "toegelaten", "welcome",
                                "welkom",  "verboden",  "forbidden",  "prohibited", "banned"};
  // "Resale through other channels is not allowed": one of them is.
  static const WordSet other = {"other", "others", "ander", "andere", "anders"};
  static const WordSet except = {"except", "exception", "behalve", "uitzondering", "uitgezonderd"};
  const auto names = [&](const std::string& w, const std::string& thing) {
    return SameThing(w, thing) || (lang == Language::kNl && thing.size() >= 4 &&
                                   w.size() > thing.size() + 2 && w.ends_with(thing));
  };
  // "uw labrador" names what "honden" forbids: a kind of it, unless the
  // answer speaks of that kind itself ("one cat or small dog", "pets are
  // not permitted in studio apartments").
  const auto answer_names = [&](const std::string& w) {
    return std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
      return std::any_of(p.stems.begin(), p.stems.end(),
                         [&](const std::string& x) { return SameThing(w, x); });
    });
  };
  // `by_kind_only`: "Other pets are not allowed" beside "dogs are welcome"
  // forbids the kinds of pet the answer does not name ("cats"), not pets.
  const auto claim_names = [&](const std::vector<std::string>& things, bool by_kind_only) {
    return std::any_of(claim.things.begin(), claim.things.end(), [&](const std::string& w) {
      static const std::vector<std::string> kNone;
      const std::vector<std::string>& kinds = answer_names(w) ? kNone : KindsOf(w, lang);
      // A spaniel is a dog, which the answer lets in by name.
      if (by_kind_only && std::any_of(kinds.begin(), kinds.end(), [&](const std::string& k) {
            return std::find(things.begin(), things.end(), k) == things.end() && answer_names(k);
          }))
        return false;
      return std::any_of(things.begin(), things.end(), [&](const std::string& x) {
        return x[0] != '#' && ((!by_kind_only && names(w, x)) ||
                               std::find(kinds.begin(), kinds.end(), x) != kinds.end());
      });
    });
  };
  for (size_t k = 0; k < pub_clauses.size(); ++k) {
    const Sentence& p = pub_clauses[k];
    if (p.condition || pub_stance[k].said[1] >= 0 || pub_stance[k].said[0] != 0) continue;
    if (std::any_of(p.tokens.begin(), p.tokens.end(),
                    [](const Token& t) { return In(except, t.text); }))
      continue;
    std::vector<std::string> forbidden;
    bool said_by_name = false;  // "not allowed", not "can't be paid by card"
    bool others = false;        // "Other pets are not allowed"
    for (size_t m = 0; m < p.tokens.size(); ++m) {
      const Token& t = p.tokens[m];
      if ((said_by_name = In(leave, t.text))) break;
      if (In(other, t.text)) {
        // Only at the claim's start: the class after it is what is ruled out.
        if (m > 1 || !forbidden.empty()) break;
        others = true;
        continue;
      }
      const std::string stem = Stem(t.text, lang);
      if (std::find(pub_stance[k].things.begin(), pub_stance[k].things.end(), stem) !=
          pub_stance[k].things.end())
        forbidden.push_back(stem);
    }
    if (!said_by_name || !claim_names(forbidden, others)) continue;
    const bool exception =
        std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& e) {
          return std::any_of(e.tokens.begin(), e.tokens.end(),
                             [](const Token& t) { return In(except, t.text); }) &&
                 std::any_of(claim.things.begin(), claim.things.end(), [&](const std::string& w) {
                   return std::any_of(e.stems.begin(), e.stems.end(), [&](const std::string& x) {
                     return w == x || SameThing(w, x);
                   });
                 });
        });
    if (!exception) return &p;
  }
  return nullptr;
}

// Why a reply's clause that turns the answer's clause around still agrees
// with it, or "" when nothing explains it:
// - "yesno.with_for_without": the condition turned too ("zonder machtiging
//   kunnen familieleden geen medicijnen ophalen" against "met een
//   machtiging kan het wel");
// - "yesno.rather_than": what the answer rules out, set aside ("not the main
//   entrance" against "use the Education Entrance rather than the main
//   doors");
// - "yesno.under_its_own_condition": a consequence of doing what another
//   clause of the answer asks ("Vult u het biedformulier in, dan nemen we
//   het in behandeling" against "Mondelinge biedingen nemen wij niet in
//   behandeling").
std::string_view TurnExplained(const Sentence& r, const Sentence& p,
                               const std::vector<Sentence>& rep_clauses,
                               const std::vector<Sentence>& pub_clauses) {
  const auto at = [](const Sentence& c, std::string_view a, std::string_view b) {
    for (size_t k = 0; k < c.tokens.size(); ++k)
      if (c.tokens[k].text == a || c.tokens[k].text == b) return k;
    return c.tokens.size();
  };
  // The words just after "with"/"without".
  const auto object = [](const Sentence& c, size_t k) {
    std::set<std::string> words;
    for (size_t m = k + 1; m < c.tokens.size() && m <= k + 4; ++m)
      if (c.tokens[m].text.size() >= 4) words.insert(c.tokens[m].text);
    return words;
  };
  const auto meet = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& w) {
      return std::any_of(b.begin(), b.end(), [&](const std::string& x) { return SameThing(w, x); });
    });
  };
  for (const auto& [with, without] : {std::pair{"met", "zonder"}, std::pair{"with", "without"}}) {
    const size_t pw = at(p, without, ""), pm = at(p, with, ""), rw = at(r, without, ""),
                 rm = at(r, with, "");
    if (pw < p.tokens.size() && rm < r.tokens.size() && rw == r.tokens.size() &&
        meet(object(p, pw), object(r, rm)))
      return "yesno.with_for_without";
    if (pm < p.tokens.size() && pw == p.tokens.size() && rw < r.tokens.size() &&
        rm == r.tokens.size() && meet(object(p, pm), object(r, rw)))
      return "yesno.with_for_without";
  }
  if (p.negations % 2) {
    for (size_t k = 0; k + 1 < r.tokens.size(); ++k) {
      const std::string& w = r.tokens[k].text;
      const std::string& next = r.tokens[k + 1].text;
      if (!((w == "rather" && next == "than") || (w == "instead" && next == "of") ||
            (w == "plaats" && k > 0 && r.tokens[k - 1].text == "in" && next == "van")))
        continue;
      std::set<std::string> set_aside;
      for (size_t m = k + 2; m < r.tokens.size(); ++m) set_aside.insert(r.tokens[m].text);
      std::set<std::string> ruled_out;
      for (const Token& t : p.tokens) ruled_out.insert(t.text);
      for (const std::string& x : set_aside)
        if (x.size() >= 4 && ruled_out.contains(x)) return "yesno.rather_than";
    }
  }
  // "..., dan nemen we het in behandeling" after "Vult u het formulier in".
  const size_t ri = static_cast<size_t>(&r - rep_clauses.data());
  if (ri > 0 && ri < rep_clauses.size() && rep_clauses[ri - 1].condition && p.negations % 2 &&
      r.negations % 2 == 0 && !r.tokens.empty() &&
      (r.tokens[0].text == "dan" || r.tokens[0].text == "then")) {
    const Sentence& premise = rep_clauses[ri - 1];
    for (const Sentence& q : pub_clauses)
      if (&q != &p && q.negations % 2 == 0 && !q.condition && Shared(premise, q) >= 2 &&
          Shared(premise, p) < Shared(premise, q))
        return "yesno.under_its_own_condition";
  }
  return "";
}

// The ages a reply gives of the customer's people: "uw zoon van 19", "your
// 3-year-old", "she's 14", "aged 12", "hij is 17 jaar".
std::vector<double> AgesSaid(const Sentence& s) {
  static const WordSet people = {
      "zoon",  "dochter", "broer",  "broertje", "zus",   "zusje",    "kind",         "kleinkind",
      "neef",  "nicht",   "vriend", "vriendin", "son",   "daughter", "brother",      "sister",
      "child", "kid",     "friend", "nephew",   "niece", "grandson", "granddaughter"};
  static const WordSet someone = {"she's", "he's", "who's", "ze", "zij", "hij", "she", "he"};
  const std::vector<Token>& t = s.tokens;
  const auto number = [&](size_t k) -> std::optional<double> {
    if (k >= t.size()) return std::nullopt;
    if (t[k].type == Token::kNumber) return NumberOf(t[k].text);
    if (const auto w = NumberWords().find(t[k].text); w != NumberWords().end()) return w->second;
    return std::nullopt;
  };
  const auto word = [&](size_t k) { return k < t.size() ? std::string_view(t[k].text) : ""; };
  // Not "he's 10 minutes late": a number of years or none.
  const auto years_or_none = [&](size_t k) {
    const std::string_view w = word(k);
    return w.empty() || w == "jaar" || w == "year" || w == "years" || w == "oud" || w == "old" ||
           !TimeUnitOf(w);
  };
  std::vector<double> out;
  for (size_t k = 0; k < t.size(); ++k) {
    std::optional<double> n;
    if (In(people, t[k].text) &&
        (word(k + 1) == "van" || word(k + 1) == "of" || word(k + 1) == "is") &&
        years_or_none(k + 3))
      n = number(k + 2);
    if (const auto v = number(k); v && (word(k + 1) == "year" || word(k + 1) == "jaar") &&
                                  (word(k + 2) == "old" || word(k + 2) == "oud"))
      n = v;
    if (const auto v = number(k); v && word(k + 1) == "-" && word(k + 2) == "year" &&
                                  word(k + 3) == "-" && word(k + 4) == "old")
      n = v;
    if ((t[k].text == "aged" || (In(someone, t[k].text) && !t[k].text.ends_with("'s") &&
                                 (word(k + 1) == "is" || word(k + 1) == "wordt"))) &&
        years_or_none(k + 3))
      n = number(t[k].text == "aged" ? k + 1 : k + 2);
    if (t[k].text.ends_with("'s") && In(someone, t[k].text) && years_or_none(k + 2))
      n = number(k + 1);
    if (n && *n >= 0 && *n < 120) out.push_back(*n);
    // "your grandkids are 13 and 15", "de kinderen zijn 6 en 9".
    static const WordSet several = {"kids",  "children",  "grandkids", "grandchildren",
                                    "sons",  "daughters", "kinderen",  "kleinkinderen",
                                    "zoons", "dochters",  "twins",     "tweeling"};
    if (In(several, t[k].text) && (word(k + 1) == "are" || word(k + 1) == "zijn"))
      for (size_t j = k + 2; j < t.size(); j += 2) {
        const std::optional<double> age = number(j);
        if (!age || *age >= 120 || !years_or_none(j + 1)) break;
        out.push_back(*age);
        if (word(j + 1) != "and" && word(j + 1) != "en") break;
      }
  }
  return out;
}

}  // namespace

void ReplyCheck::CheckYesNo() {
  // Yes or no, clause by clause: a reply's clause that states what clauses
  // of the answer state, turned around (and none of them as the reply
  // says it).
  // Reply clauses that turn a clause around for a reason that agrees: the
  // other side of an "only", past a limit, the condition turned too.
  std::set<const Sentence*> explained;
  for (const Sentence& r : rep_clauses) {
    if (r.condition) continue;
    // What happened in the customer's case ("your contract finished its
    // minimum term on 14 January") and what they told us ("dank voor uw
    // melding dat uw container niet is geleegd"): no rule turned around.
    static const WordSet happened = {"finished",  "ended",     "expired", "began",    "started",
                                     "afgelopen", "geëindigd", "begon",   "eindigde", "verliep"};
    if (std::any_of(r.tokens.begin(), r.tokens.end(),
                    [](const Token& t) { return In(happened, t.text); }))
      continue;
    if ([&] {
          for (const Sentence& s : rep) {
            const size_t at = s.text.find(r.text);
            if (at == std::string::npos) continue;
            // Before the clause or inside it ("dank voor uw melding dat ...").
            const std::string before = Lower(s.text.substr(0, at + r.text.size()));
            for (std::string_view told :
                 {"melding dat", "gemeld dat", "laten weten dat", "report that",
                  "letting us know that", "told us that", "mentioned that", "you said that",
                  "schreef dat", "you wrote that"})
              if (before.find(told) != std::string::npos) return true;
          }
          return false;
        }())
      continue;
    // "As we didn't get a day's notice there is a charge", "omdat je niet
    // op tijd was": a negation in the customer's case given as the reason,
    // not a rule turned around.
    if (static const WordSet because = {"as", "because", "since", "omdat", "aangezien", "doordat"};
        r.negations % 2 && r.tokens.size() > 2 && In(because, r.tokens[0].text) &&
        In(SubjectWords(), r.tokens[1].text))
      continue;
    // "The Monet exhibition is a temporary show": what something is, with
    // no word of yes or no, turns nothing around.
    static const WordSet yes = {
        "included",    "include", "includes", "inbegrepen", "inclusief", "covered",    "cover",
        "covers",      "gedekt",  "dekt",     "allowed",    "permitted", "toegestaan", "free",
        "gratis",      "welcome", "welkom",   "accepted",   "possible",  "mogelijk",   "available",
        "beschikbaar", "fine",    "prima",    "geldig",     "valid",     "toegelaten", "admitted",
        "refundable",  "ok",      "okay",     "verplicht",  "required",  "mandatory",  "optional"};
    if (r.negations % 2 == 0 && !r.stems.contains("~may") && !r.stems.contains("~need") &&
        StanceOf(r, lang).said == std::array<int, 3>{0, 0, 0} &&
        std::any_of(r.tokens.begin(), r.tokens.end(),
                    [](const Token& t) {
                      return t.text == "is" || t.text == "are" || t.text == "zijn" ||
                             t.text == "you're" || t.text == "it's";
                    }) &&
        std::none_of(r.tokens.begin(), r.tokens.end(), [](const Token& t) {
          return In(yes, t.text) || t.text.ends_with("verzekerd");
        }))
      continue;
    // The clause of the answer that says the same turned around, and the
    // one that says it as the reply does.
    const Sentence* best = nullptr;
    const Sentence* same = nullptr;
    const Sentence* loose = nullptr;  // turned around, but less plainly about the same
    double best_related = 0, same_related = 0, loose_related = 0;
    for (const Sentence& p : pub_clauses) {
      // "Don't arrange repairs until we've approved the claim" says when,
      // not whether: the order of steps is the procedure's to check.
      if (p.condition ||
          (p.negations % 2 && std::any_of(p.tokens.begin(), p.tokens.end(), [](const Token& t) {
             return t.text == "until" || t.text == "totdat" || t.text == "till";
           })))
        continue;
      const double rel = Related(r, p);
      if (r.negations % 2 == p.negations % 2) {
        if (rel >= kSameClaim && rel > same_related) {
          same_related = rel;
          same = &p;
        }
      } else if (Shared(r, p) >= 2 && rel >= kTurnedClaim && rel > best_related) {
        best_related = rel;
        best = &p;
      } else if (Shared(r, p) >= 1 && rel >= kRelated / 2 && rel > loose_related) {
        loose_related = rel;
        loose = &p;
      }
    }
    // Both: how much more the one is about it decides; but a clause that
    // shares the words of the one before it ("covers burst pipes, but not
    // flooding") is told apart by its own words ("flood damage is
    // covered").
    bool agrees = false;
    if (best && same && !best->elided && !same->elided) {
      agrees = same_related >= best_related - 0.05;
    } else if (best && same) {
      size_t turned_only = 0, same_only = 0;
      for (const std::string& w : r.stems) {
        auto in = [&](const Sentence& p) {
          return std::any_of(p.stems.begin(), p.stems.end(),
                             [&](const std::string& x) { return SameThing(w, x); });
        };
        const bool t = in(*best), a = in(*same);
        turned_only += t && !a;
        same_only += a && !t;
      }
      agrees = turned_only < same_only ||
               (turned_only == same_only && same_related >= best_related - 0.05);
    }
    // Sparing the customer agrees with what the answer gives for free,
    // includes or does by itself.
    bool relieved = false;
    if (best && r.relief && best->negations == 0) {
      static const WordSet given = {
          "included",  "includes",    "include",       "inbegrepen", "inclusief", "free", "gratis",
          "kosteloos", "automatisch", "automatically", "vanzelf",    "automatic", "comes"};
      const auto gives = [](const Sentence& p) {
        return std::any_of(p.tokens.begin(), p.tokens.end(),
                           [](const Token& t) { return In(given, t.text); });
      };
      // Or another clause of the answer, at least as much about it, that
      // gives it ("you don't need a ticket for the permanent galleries"
      // against "entry to the permanent collection is free").
      relieved = gives(*best) ||
                 std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
                   return &p != best && p.negations == 0 && !p.condition && gives(p) &&
                          Shared(r, p) >= Shared(r, *best);
                 });
    }
    const bool nl = lang == Language::kNl;
    auto say = [&](const Sentence& x) {
      return x.negations % 2 ? x.negation : std::string(nl ? "ja" : "yes");
    };
    if (!best) {
      if (loose && !same)
        Add("yesno.turned_loosely", ConflictKind::kYesNo, say(*loose), say(r), *loose, r);
      continue;
    }
    if (agrees || relieved) {
      Add(relieved ? "yesno.relief" : "yesno.turned_outweighed", ConflictKind::kYesNo, say(*best),
          say(r), *best, r);
      continue;
    }
    // The negations differ, but what the two say of cost, permission or
    // need is the same ("you won't be charged for leaving" against "can
    // leave early without a fee"; "we can't refund it" against
    // "non-refundable").
    {
      const Stance rs = StanceOf(r, lang), ps = StanceOf(*best, lang);
      bool both = false, same = true;
      for (size_t q = 0; q < 3; ++q)
        if (rs.said[q] != 0 && ps.said[q] != 0) {
          both = true;
          same = same && rs.said[q] == ps.said[q];
        }
      if (both && same && rs.stray_negations == 0 && ps.stray_negations == 0) {
        Add("yesno.turned_but_same_stance", ConflictKind::kYesNo, say(*best), say(r), *best, r);
        continue;
      }
      // "you don't have to pay it all upfront" against "you can pay in full
      // or in 4 instalments": what need not be done may still be done; one
      // says need, the other leave, and neither the other.
      const auto only = [](const Stance& x, size_t q) {
        for (size_t o = 0; o < 3; ++o)
          if ((o == q) != (x.said[o] != 0)) return false;
        return true;
      };
      // "must not" forbids; it is not "need not".
      const auto needless = [&](const Sentence& x, const Stance& st) {
        return only(st, 2) && st.said[2] < 0 &&
               std::none_of(x.tokens.begin(), x.tokens.end(), [](const Token& t) {
                 return t.text == "must" || t.text == "mustn't" || t.text == "moet" ||
                        t.text == "moeten";
               });
      };
      if ((needless(r, rs) && only(ps, 1) && ps.said[1] > 0) ||
          (needless(*best, ps) && only(rs, 1) && rs.said[1] > 0)) {
        Add("yesno.needless_but_allowed", ConflictKind::kYesNo, say(*best), say(r), *best, r);
        continue;
      }
    }
    // "only offers refunds if a performance is cancelled" against "as the
    // show is going ahead we can't refund": the other side of the "only".
    // Not when the reply refuses the condition too ("zit er niet in, ook
    // niet via de examencommissie", "not even with a doctor's note").
    const auto refuses_the_condition = [&] {
      for (const Sentence& s : rep) {
        if (s.text.find(r.text) == std::string::npos) continue;
        const std::string lower = Lower(s.text);
        for (std::string_view m : {"ook niet", "zelfs niet", "zelfs met", "not even", "even with"})
          if (lower.find(m) != std::string::npos) return true;
      }
      return false;
    };
    if (best->negations % 2 == 0 && r.negations % 2 && !refuses_the_condition() &&
        std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
          return p.negations % 2 == 0 && Shared(r, p) >= 1 &&
                 std::any_of(p.tokens.begin(), p.tokens.end(), [](const Token& t) {
                   return t.text == "only" || t.text == "alleen" || t.text == "uitsluitend";
                 });
        })) {
      Add("yesno.only_if", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    // "één parkeervergunning per adres aanvragen" against "een tweede kunt
    // u niet aanvragen", "up to 2 bags" against "a third bag isn't
    // allowed": what lies past a limit is refused.
    if (best->negations % 2 == 0 && r.negations % 2 && PastTheLimit(*best, r)) {
      Add("yesno.past_the_limit", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    // What the answer refuses for an age ("Children under 12 may not
    // visit the ICU"), allowed for ages the limit lets in ("your
    // grandkids are 13 and 15, so they can come up").
    if (best->negations % 2 && r.negations % 2 == 0) {
      const size_t ri = SentenceOf(rep, r), bi = SentenceOf(pub, *best);
      const std::vector<double> ages = ri < rep.size() ? AgesSaid(rep[ri]) : std::vector<double>();
      const bool let_in =
          !ages.empty() && std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& f) {
            if (!f.age || f.bound == 0 || f.sentence != bi) return false;
            const double years = f.lo / 8760;
            return std::all_of(ages.begin(), ages.end(),
                               [&](double a) { return f.bound < 0 ? a >= years : a <= years; });
          });
      if (let_in) {
        Add("yesno.past_the_limit", ConflictKind::kYesNo, say(*best), say(r), *best, r);
        explained.insert(&r);
        continue;
      }
    }
    // What the answer refuses past a measure ("38°C of hoger mogen niet
    // komen"), allowed for a value this side of it ("met 37,6°C mag ze
    // komen"): the rule applied.
    if (best->negations % 2 && r.negations % 2 == 0 && OutsideTheLimit(r, *best) &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& f) {
          return f.sentence == SentenceOf(pub, *best) && f.unit.starts_with("count:");
        })) {
      Add("yesno.past_the_limit", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    // "je broertje van 15 kan niet mee, daarvoor moet hij minimaal zestien
    // zijn": refused for the answer's own limit ("16 jaar of ouder"), named
    // in the same sentence, the same number on the same side.
    const auto number = [](const Fact& f) -> std::optional<double> {
      for (const Token& t : Tokens(Lower(f.text))) {
        if (t.type == Token::kNumber) return NumberOf(t.text);
        if (const auto w = NumberWords().find(t.text); w != NumberWords().end()) return w->second;
      }
      return std::nullopt;
    };
    const auto limit_named = [&] {
      for (size_t si = 0; si < rep.size(); ++si) {
        if (rep[si].text.find(r.text) == std::string::npos) continue;
        for (const Fact& g : rep_facts)
          if (g.sentence == si && g.bound != 0 &&
              std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
                return p.bound == g.bound && !p.own && number(p) && number(p) == number(g);
              }))
            return true;
      }
      return false;
    };
    if (best->negations % 2 == 0 && r.negations % 2 && limit_named()) {
      Add("yesno.for_the_limit", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    if (const std::string_view why = TurnExplained(r, *best, rep_clauses, pub_clauses);
        !why.empty()) {
      Add(why, ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    Add("yesno.turned", ConflictKind::kYesNo, say(*best), say(r), *best, r);
    turned.insert(&r);
  }

  // What a bare "not" rules out, named as what to do: "groups enter through
  // the Education Entrance, not the main entrance" against "bring the
  // class to the main entrance".
  for (const Sentence& p : pub_clauses) {
    if (!p.elided || p.negations % 2 == 0) continue;
    std::vector<std::string> named;
    for (const Token& t : p.tokens)
      if (t.type == Token::kWord && t.text.size() >= 3 && !IsNegation(t.text) &&
          !IsStopWord(t.text, lang))
        named.push_back(Stem(t.text, lang));
    if (named.size() < 2) continue;
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || turned.contains(&r) || explained.contains(&r)) continue;
      const bool set_aside = std::any_of(r.tokens.begin(), r.tokens.end(), [](const Token& t) {
        return t.text == "rather" || t.text == "instead" || t.text == "plaats";
      });
      if (set_aside || !std::all_of(named.begin(), named.end(),
                                    [&](const std::string& w) { return r.stems.contains(w); }))
        continue;
      Add("yesno.ruled_out_named", ConflictKind::kYesNo, p.negation,
          lang == Language::kNl ? "ja" : "yes", p, r);
      turned.insert(&r);
      break;
    }
  }

  // Opposites in the same claim: "particulieren betalen vooraf" against
  // "als particulier kunt u achteraf betalen", "unopened" against
  // "opened": the claim turned around without a negation.
  static const std::vector<std::pair<std::string_view, std::string_view>> kOpposites = {
      {"vooraf", "achteraf"},
      {"beforehand", "afterwards"},
      {"in advance", "afterwards"},
      {"geopend", "ongeopend"},
      {"opened", "unopened"},
      {"inclusief", "exclusief"},
      {"including", "excluding"},
      {"automatisch", "handmatig"},
      {"automatically", "manually"},
      {"altijd", "nooit"},
      {"always", "never"},
      {"verplicht", "optioneel"},
      {"required", "optional"},
      {"mandatory", "optional"},
      {"toegestaan", "verboden"},
      {"allowed", "forbidden"},
      {"binnenland", "buitenland"},
      {"domestic", "international"},
      {"met", "zonder"},
      {"with", "without"},
      {"fixed", "variable"},
      {"vast", "variabel"},
      {"vaste", "variabele"},
      {"keep", "returned"},
      {"keep", "return"},
      {"houden", "inleveren"},
      {"houden", "terugsturen"},
      {"unlimited", "limited"},
      {"onbeperkt", "beperkt"},
      {"permanent", "temporary"},
      {"permanente", "tijdelijke"},
      {"public", "private"},
      {"openbaar", "besloten"},
      {"cash", "card"},
      {"contant", "pinnen"},
      {"accompanied", "alone"},
      {"accompanied", "unaccompanied"}};
  auto has = [](const Sentence& x, std::string_view w) {
    return std::any_of(x.tokens.begin(), x.tokens.end(),
                       [&](const Token& t) { return t.text == w; });
  };
  // "zonder kosten", "without a fee": free, not the other of "met".
  const auto without_cost = [](const Sentence& r, std::string_view without) {
    static const WordSet cost = {"kosten", "costs",   "cost",    "charge", "fee",
                                 "extra",  "toeslag", "betalen", "paying"};
    for (size_t k = 0; k + 1 < r.tokens.size(); ++k)
      if (r.tokens[k].text == without &&
          (In(cost, r.tokens[k + 1].text) ||
           (k + 2 < r.tokens.size() && In(cost, r.tokens[k + 2].text))))
        return true;
    return false;
  };
  // "je vriendin zonder pas": someone else's.
  const auto of_someone_else = [](const Sentence& r, std::string_view word) {
    for (size_t k = 1; k < r.tokens.size(); ++k)
      if (r.tokens[k].text == word && In(OtherPeopleWords(), r.tokens[k - 1].text)) return true;
    return false;
  };
  // "we'll return to empty it": coming back, not a thing returned.
  const auto comes_back = [](const Sentence& x) {
    for (size_t k = 0; k + 1 < x.tokens.size(); ++k)
      if (x.tokens[k].text == "return" && x.tokens[k + 1].text == "to") return true;
    return false;
  };
  for (const Sentence& r : rep_clauses) {
    if (r.condition || turned.contains(&r)) continue;
    for (const Sentence& p : pub_clauses) {
      if (p.condition || p.negations % 2 != r.negations % 2 ||
          (Shared(r, p) < 2 && Related(r, p) < kSameClaim))
        continue;
      for (const auto& [a, b] : kOpposites)
        for (const auto& [said, instead] : {std::pair{a, b}, std::pair{b, a}})
          if (has(p, said) && !has(p, instead) && has(r, instead) && !has(r, said) &&
              // "with no W grade" is "without" one.
              !((instead == "with" || instead == "met") &&
                std::any_of(r.tokens.begin(), r.tokens.end(),
                            [](const Token& t) { return t.text == "no" || t.text == "geen"; })) &&
              !((instead == "without" || instead == "zonder") &&
                (without_cost(r, instead) || of_someone_else(r, instead))) &&
              !(said == "return" && comes_back(p)) && !(instead == "return" && comes_back(r))) {
            Add("yesno.opposite", ConflictKind::kYesNo, std::string(said), std::string(instead), p,
                r);
            turned.insert(&r);
          }
    }
  }

  // Not needed against what the answer has the customer do first: "Maak
  // hiervoor eerst een afspraak" (or "zonder afspraak kunnen we ... niet")
  // against "een afspraak is niet nodig".
  // "Een proefrit maakt u altijd op afspraak": always is a must.
  static const WordSet must = {"moet",   "moeten", "must",   "eerst", "first",
                               "altijd", "always", "alleen", "only"};
  auto shares = [](const Sentence& a, const Sentence& b) {
    size_t n = 0;
    for (const std::string& w : a.stems) n += w[0] != '~' && b.stems.contains(w);
    return n;
  };
  for (const Sentence& r : rep_clauses) {
    if (r.condition || turned.contains(&r) || r.negations % 2 == 0 || !r.stems.contains("~need"))
      continue;
    // The answer says so itself ("foot passengers don't need to book"), or
    // needs it only past a limit the customer's value is short of ("a
    // written quote is only needed for amounts above £1,000" against "as
    // the quote is £640, there's no need to send a written quote").
    if (std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
          return (p.negations % 2 == 1 && p.stems.contains("~need") && shares(r, p) > 0) ||
                 (shares(r, p) > 0 && OutsideTheLimit(r, p));
        }))
      continue;
    for (const Sentence& p : pub_clauses) {
      if (p.condition || p.stems.contains("~need")) continue;
      const bool demanded =
          p.negations % 2 == 0
              ? p.imperative || std::any_of(p.tokens.begin(), p.tokens.end(),
                                            [](const Token& t) { return In(must, t.text); })
              : std::any_of(p.tokens.begin(), p.tokens.end(), [](const Token& t) {
                  return t.text == "zonder" || t.text == "without";
                });
      // "there's no need to phone first" against "call our emergency line":
      // the way the answer sends the customer, spared.
      // The way named just after the need ("no need to phone", not "don't
      // need to go through our claims team - just ring ClearGlass").
      const bool way_spared = p.negations % 2 == 0 && !p.condition && [&] {
        const std::vector<Token>& t = r.tokens;
        for (size_t k = 0; k < t.size(); ++k) {
          if (!In(NeedWords(), t[k].text)) continue;
          for (size_t m = k + 1; m < t.size() && m <= k + 3; ++m)
            if (const std::string way = MeansOf(t[m].text); !way.empty() && p.means.contains(way))
              return true;
        }
        return false;
      }();
      if (!demanded && !way_spared) continue;
      if (shares(r, p) == 0 && !way_spared) continue;
      // Not needed for a value the answer's limit leaves out.
      if (OutsideTheLimit(r, p)) continue;
      Add("yesno.not_needed", ConflictKind::kYesNo, lang == Language::kNl ? "nodig" : "needed",
          r.negation, p, r);
      turned.insert(&r);
      break;
    }
  }

  // Needed against not needed, the other way round: the answer spares
  // the customer a step ("U hoeft geen afspraak te maken", "no receipt
  // needed") and a sentence of the reply has them take it ("Belt u wel even
  // om te reserveren, want we werken met afspraken").
  for (const Sentence& p : pub_clauses) {
    if (p.condition || p.negations % 2 == 0 || !p.stems.contains("~need")) continue;
    // What the step is: the words of the clause no other sentence of the
    // answer uses ("afspraak", not "verzekering" when the answer also says
    // "u kunt zich verzekeren tot uw 80e").
    Sentence step = p;
    for (const Sentence& q : pub)
      if (q.text.find(p.text) == std::string::npos && p.text.find(q.text) == std::string::npos)
        for (const std::string& w : q.stems) step.stems.erase(w);
    // And of those, the ones the negation is about ("No appointment is
    // needed on Saturday mornings": the appointment, not the morning).
    {
      std::set<std::string> near;
      for (size_t k = 0; k < p.tokens.size(); ++k)
        if (IsNegation(p.tokens[k].text)) {
          for (size_t m = k + 1; m < p.tokens.size() && m <= k + 5; ++m)
            near.insert(Stem(p.tokens[m].text, lang));
          break;
        }
      std::set<std::string> kept;
      for (const std::string& w : step.stems)
        if (near.contains(w)) kept.insert(w);
      if (!kept.empty()) step.stems = kept;
    }
    for (const Sentence& r : rep) {
      if (r.condition || r.negations > 0 || !(r.instruction || r.imperative)) continue;
      if (shares(r, step) == 0) continue;
      // "you can start without entering any card details": spared too.
      bool without = false;
      for (size_t k = 0; k < r.tokens.size(); ++k)
        if (r.tokens[k].text == "without" || r.tokens[k].text == "zonder")
          for (size_t m = k + 1; m < r.tokens.size() && m <= k + 5; ++m)
            without = without || step.stems.contains(Stem(r.tokens[m].text, lang));
      if (without) continue;
      Add("yesno.needed_for_not_needed", ConflictKind::kYesNo, p.negation,
          lang == Language::kNl ? "nodig" : "needed", p, r);
      break;
    }
  }

  // A rule stretched to what the answer keeps apart: "ook voor een
  // vouwfiets", "even if you have it repaired", "and in the canoes too"
  // (the answer says it of the thing in another sentence, or only in a
  // condition or a negation).
  {
    static const std::vector<std::string_view> kStretch = {
        "ook als ",   "ook wanneer ", "ook bij ",       "ook voor ",    "ook in ",    "ook op ",
        "ook met ",   "ook zonder ",  "ook na ",        "zelfs als ",   "zelfs bij ", "zelfs voor ",
        "ongeacht ",  "even if ",     "even when ",     "even though ", "even for ",  "even on ",
        "even with ", "even in ",     "regardless of ", "also for ",    "also on ",   "also in ",
        "also if ",   "also when ",   "as well as "};
    const std::string pub_lower = Lower(std::string(published));
    // Where a marker starts a word ("even in", not "doorgeven in").
    const auto find = [](const std::string& text, std::string_view m) {
      for (size_t k = text.find(m); k != std::string::npos; k = text.find(m, k + 1))
        if (k == 0 || !std::isalpha(static_cast<unsigned char>(text[k - 1]))) return k;
      return std::string::npos;
    };
    const auto marker_in = [&](const std::string& text) {
      for (std::string_view m : kStretch)
        if (find(text, m) != std::string::npos) return true;
      return false;
    };
    if (!marker_in(pub_lower))
      for (const Sentence& r : rep) {
        const std::string lower = Lower(r.text);
        size_t at = std::string::npos, len = 0;
        for (std::string_view m : kStretch)
          if (const size_t k = find(lower, m); k != std::string::npos && k < at) {
            at = k;
            len = m.size();
          }
        if (at == std::string::npos) continue;
        size_t end = lower.find_first_of(",.;:!?", at + len);
        if (end == std::string::npos) end = lower.size();
        const Sentence what = reader.Read(lower.substr(at + len, end - at - len));
        if (what.stems.empty()) continue;
        // The answer's sentence the rest of the reply's sentence is about.
        Sentence rest = r;
        for (const std::string& w : what.stems) rest.stems.erase(w);
        size_t main = pub.size();
        double main_related = 0;
        for (size_t k = 0; k < pub.size(); ++k)
          if (const double rel = Related(rest, pub[k]); rel > main_related) {
            main_related = rel;
            main = k;
          }
        if (main == pub.size() || main_related < kRelated) continue;
        const auto names = [&](const Sentence& x) {
          return std::any_of(what.stems.begin(), what.stems.end(), [&](const std::string& w) {
            return std::any_of(x.stems.begin(), x.stems.end(),
                               [&](const std::string& y) { return SameThing(w, y); });
          });
        };
        const Sentence* kept_apart = nullptr;
        for (const Sentence& p : pub_clauses) {
          if (!names(p)) continue;
          const bool other_sentence = !names(pub[main]) &&
                                      p.text.find(pub[main].text) == std::string::npos &&
                                      pub[main].text.find(p.text) == std::string::npos;
          if (other_sentence || p.condition || p.negations % 2) {
            kept_apart = &p;
            break;
          }
        }
        if (!kept_apart) continue;
        // A refusal said again in the sentence ("even though it was in the
        // sale, we can't refund it") stretches nothing.
        if (kept_apart->negations % 2 &&
            std::any_of(rep_clauses.begin(), rep_clauses.end(), [&](const Sentence& o) {
              return o.negations % 2 && SentenceOf(rep, o) == SentenceOf(rep, r) &&
                     Shared(o, *kept_apart) >= 1;
            }))
          continue;
        Add("yesno.stretched", ConflictKind::kYesNo, kept_apart->text,
            std::string(r.text.substr(at, end - at)), *kept_apart, r);
      }
    // And said after the thing: "flash included", "weekends included", "de
    // kinderboeken inbegrepen", when the answer rules that thing out.
    if (!marker_in(pub_lower))
      for (const Sentence& r : rep) {
        const std::string lower = Lower(r.text);
        for (std::string_view m : {std::string_view(" included"), std::string_view(" inbegrepen"),
                                   std::string_view(" incluis")}) {
          const size_t at = lower.find(m);
          if (at == std::string::npos) continue;
          const size_t after = at + m.size();
          if (after < lower.size() && std::isalpha(static_cast<unsigned char>(lower[after])))
            continue;
          const size_t begin = lower.find_last_of(",;:", at);
          if (begin == std::string::npos) continue;
          const Sentence what = reader.Read(lower.substr(begin + 1, at - begin - 1));
          if (what.stems.empty() || what.tokens.size() > 4) continue;
          const auto p =
              std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& x) {
                return x.negations % 2 &&
                       std::any_of(what.stems.begin(), what.stems.end(), [&](const std::string& w) {
                         return std::any_of(x.stems.begin(), x.stems.end(),
                                            [&](const std::string& y) { return SameThing(w, y); });
                       });
              });
          if (p == pub_clauses.end()) continue;
          Add("yesno.stretched", ConflictKind::kYesNo, p->text,
              std::string(r.text.substr(begin + 1, after - begin - 1)), *p, r);
          break;
        }
      }
  }

  // Free against a fee: the answer says something costs nothing ("de
  // bezorging is gratis", "pick-up is included", "at no charge", "geen
  // toeslag") and a sentence of the reply about the same thing charges an
  // amount the answer does not name ("rekenen wij € 3,50 per keer").
  auto free = [](const Sentence& x) {
    const auto& t = x.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string& w = t[i].text;
      const std::string_view next = i + 1 < t.size() ? std::string_view(t[i + 1].text) : "";
      if (w == "gratis" || w == "kosteloos" || w == "free" || w == "included" ||
          w == "inbegrepen" || w == "complimentary" || w == "includes" || w == "include")
        return true;
      // "geen omboekingskosten", "no booking fee"; "already covers".
      if ((w == "no" || w == "geen") &&
          (next == "charge" || next == "fee" || next == "toeslag" || next == "kosten" ||
           next == "extra" || next == "additional" || next == "cost" || next.ends_with("kosten") ||
           next.ends_with("fee") || next.ends_with("toeslag")))
        return true;
      if ((w == "covers" || w == "covered") && i > 0 && t[i - 1].text == "already") return true;
      // "vervallen de inschrijfkosten", "the fee is waived".
      if (w == "vervallen" || w == "vervalt" || w == "waived" || w == "waive" || w == "waives")
        return true;
      // "on the house", "for nothing", "voor niks", "at no cost".
      const std::string_view prev = i > 0 ? std::string_view(t[i - 1].text) : "";
      const std::string_view prev2 = i > 1 ? std::string_view(t[i - 2].text) : "";
      // "zit in de prijs", "in the price": included.
      if ((w == "house" && prev == "the" && prev2 == "on") ||
          ((w == "nothing" || w == "niks" || w == "niets") && (prev == "for" || prev == "voor")) ||
          (w == "cost" && prev == "no" && prev2 == "at") ||
          ((w == "prijs" || w == "price") && (prev == "de" || prev == "the") && prev2 == "in"))
        return true;
      // "nothing extra to pay", "kost je niets", "hoeft niks te betalen".
      static const WordSet pay = {"pay",   "betalen", "betaal", "betaalt", "cost",
                                  "costs", "kost",    "kosten", "charge",  "charged"};
      if (w == "nothing" || w == "niets" || w == "niks")
        for (size_t k = i >= 2 ? i - 2 : 0; k < t.size() && k <= i + 3; ++k)
          if (In(pay, t[k].text)) return true;
    }
    return false;
  };
  auto money_in = [](const std::vector<Fact>& facts, size_t sentence) {
    return std::any_of(facts.begin(), facts.end(), [&](const Fact& f) {
      return !f.own && f.sentence == sentence && f.kind == ConflictKind::kAmount &&
             f.unit.starts_with("money") && f.hi > 0;  // "gratis" reads as € 0
    });
  };
  for (size_t pi = 0; pi < pub.size(); ++pi) {
    if (pub[pi].condition || pub[pi].negations % 2 || !free(pub[pi]) || money_in(pub_facts, pi))
      continue;
    for (const Fact& f : rep_facts) {
      if (f.own || f.kind != ConflictKind::kAmount || !f.unit.starts_with("money") ||
          free(rep[f.sentence]))
        continue;
      if (f.hi <= 0) continue;
      // Named, or worked out from a named price ("the extra 12 come to $36").
      const bool named = std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
        if (p.hi <= 0 || !p.unit.starts_with("money")) return false;
        if (std::abs(p.lo - f.lo) < 0.005) return true;
        return std::any_of(rep[f.sentence].tokens.begin(), rep[f.sentence].tokens.end(),
                           [&](const Token& t) {
                             const std::optional<double> n =
                                 t.type == Token::kNumber ? NumberOf(t.text) : std::nullopt;
                             return n && *n >= 2 && std::abs(p.lo * *n - f.lo) < 0.005;
                           });
      });
      if (named) continue;
      // Money coming back is no fee ("the € 189,00 is weer op je rekening"),
      // nor the fare of someone the answer's age limit leaves out.
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      if (HowMoneyIsSaid(around, f).back || ForAnotherAge(around, pi)) continue;
      // Or a price per something ("Guest passes are $8 per visit") of the
      // free thing, or of what the sentence before it named ("Daarvoor
      // rekenen we € 5 per ticket").
      const bool pointing = !rep[f.sentence].tokens.empty() &&
                            In(PointingWords(), rep[f.sentence].tokens.front().text);
      const bool about =
          (Shared(rep[f.sentence], pub[pi]) >= 1 &&
           Related(rep[f.sentence], pub[pi]) >= kRelated) ||
          (f.unit.find('/') != std::string::npos &&
           (Shared(rep[f.sentence], pub[pi]) >= 1 ||
            (pointing && f.sentence > 0 && Shared(rep[f.sentence - 1], pub[pi]) >= 1)));
      Add(about ? "yesno.fee_for_free" : "yesno.fee_for_free_loosely", ConflictKind::kYesNo,
          lang == Language::kNl ? "gratis" : "free", f.text, pub[pi], rep[f.sentence]);
    }
    // Or a fee without its amount ("we charge a small fee for checking",
    // "for half the usual fee").
    static const WordSet fee = {"fee",      "fees",      "charge",  "charged", "charges", "toeslag",
                                "bijdrage", "betaalt",   "betalen", "betaal",  "rekenen", "rekent",
                                "meerwerk", "meerprijs", "kopen",   "koop",    "buy"};
    static const WordSet some = {"a",     "an",    "een",        "half",
                                 "small", "extra", "additional", "kleine"};
    const auto charges = [](const Sentence& r) {
      const auto& t = r.tokens;
      for (size_t i = 0; i < t.size(); ++i) {
        // "de installatiekosten", "the installation costs".
        if (t[i].text.size() > 8 && t[i].text.ends_with("kosten")) return true;
        if (!In(fee, t[i].text)) continue;
        // "part of the fee" is what it includes; "a small fee" is one.
        if (t[i].text != "fee" && t[i].text != "fees") return true;
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
          if (In(some, t[k].text)) return true;
      }
      return false;
    };
    // "u betaalt enkel voor het parkeren": only for what is not free.
    static const WordSet only = {"alleen", "enkel", "only", "slechts", "just"};
    static const WordSet after_the_limit = {"daarna",     "daarboven", "after",
                                            "afterwards", "beyond",    "later"};
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || r.relief || free(r) || !charges(r) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) { return In(only, t.text); }) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) { return IsNegation(t.text); }) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) {
                        return t.type == Token::kNumber || NumberWords().contains(t.text);
                      }) ||
          // "Daarna rekenen we annuleringskosten": past the answer's limit.
          (!r.tokens.empty() && In(after_the_limit, r.tokens.front().text)))
        continue;
      // About the free thing, or pointing at the clause before that is
      // ("we bouwen hem weer op; dat rekenen we als meerwerk").
      const auto about = [&](const Sentence& c) {
        return Shared(c, pub[pi]) >= 1 && Related(c, pub[pi]) >= kRelated;
      };
      const size_t at = static_cast<size_t>(&r - rep_clauses.data());
      if (!about(r) && !(at > 0 && !r.tokens.empty() &&
                         In(PointingWords(), r.tokens.front().text) && about(rep_clauses[at - 1])))
        continue;
      std::string said;
      for (const Token& t : r.tokens)
        if (In(fee, t.text) || (t.text.size() > 8 && t.text.ends_with("kosten"))) said = t.text;
      Add("yesno.fee_without_amount", ConflictKind::kYesNo,
          lang == Language::kNl ? "gratis" : "free", said, pub[pi], r);
    }
  }

  // And the other way round: the reply calls free what the answer prices
  // ("Freezing costs £5 per month" against "there's no charge while it's
  // frozen"), unless a sentence of the answer about it says free as well
  // (one that says a value of the reply's sentence is about it: "one cabin
  // bag up to 10 kg free of charge" against "your cabin bag is included as
  // long as it's no heavier than 10 kilos").
  const auto same_value_in = [&](size_t ri, size_t pi) {
    return std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& r) {
      return r.sentence == ri && !r.own && r.hi > 0 &&
             std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
               return p.sentence == pi && !p.own && Comparable(r, p) && SameValue(r, p);
             });
    });
  };
  for (size_t ri = 0; ri < rep.size(); ++ri) {
    if (rep[ri].condition || rep[ri].negations % 2 || !free(rep[ri]) || money_in(rep_facts, ri))
      continue;
    const Sentence* priced = nullptr;
    double priced_related = 0, free_related = 0;
    for (size_t pi = 0; pi < pub.size(); ++pi) {
      if (pub[pi].condition) continue;
      const double rel = Related(rep[ri], pub[pi]);
      if (free(pub[pi])) {
        free_related = std::max(free_related, same_value_in(ri, pi) ? 1.0 : rel);
      } else if (money_in(pub_facts, pi) && Shared(rep[ri], pub[pi]) >= 1 && rel > priced_related) {
        priced_related = rel;
        priced = &pub[pi];
      }
    }
    // Where the answer prices one thing and calls nothing free, a reply
    // that calls its case free and names no price says the opposite ("there's
    // nothing extra to pay for him" against "A pet fee of €60 per flight
    // applies").
    size_t priced_sentences = 0;
    bool any_free = false;
    const Sentence* only_priced = nullptr;
    for (size_t pi = 0; pi < pub.size(); ++pi) {
      any_free = any_free || free(pub[pi]);
      if (!pub[pi].condition && money_in(pub_facts, pi)) {
        ++priced_sentences;
        only_priced = &pub[pi];
      }
    }
    const bool reply_prices = std::any_of(rep_facts.begin(), rep_facts.end(), [](const Fact& f) {
      return f.kind == ConflictKind::kAmount && f.unit.starts_with("money") && f.hi > 0;
    });
    if (!priced && priced_sentences == 1 && !any_free && !reply_prices) {
      priced = only_priced;
      priced_related = kRelated;
    }
    if (!priced || priced_related < kRelated || free_related >= priced_related) continue;
    const auto price = std::find_if(pub_facts.begin(), pub_facts.end(), [&](const Fact& f) {
      return &pub[f.sentence] == priced && f.kind == ConflictKind::kAmount &&
             f.unit.starts_with("money") && f.hi > 0;
    });
    Add("yesno.free_for_priced", ConflictKind::kYesNo, price->text,
        lang == Language::kNl ? "gratis" : "free", *priced, rep[ri]);
  }

  // Thing by thing: a reply's claim that says of a thing the opposite of
  // what the answer's claims about that thing say ("Children's books are
  // exempt from late fees" against "the late charge applies to every item,
  // the children's titles included"; "checked baggage must be added
  // separately" against "a checked bag already comes with your ticket").
  {
    std::vector<Stance> pub_stance;
    for (const Sentence& p : pub_clauses) pub_stance.push_back(StanceOf(p, lang));
    const auto overlap = [](const Stance& a, const Stance& b) {
      size_t n = 0;
      for (const std::string& w : a.things)
        n += std::any_of(b.things.begin(), b.things.end(),
                         [&](const std::string& x) { return SameThing(w, x); });
      return n;
    };
    for (const Sentence& r : rep_clauses) {
      if (r.condition || turned.contains(&r) || explained.contains(&r)) continue;
      if (SaidAlready(r)) continue;
      const Stance rs = StanceOf(r, lang);
      // Two prices say what something costs, not whether ("the Deluxe is
      // $79 and comes with 25 stems" against "has 25 stems and costs $79").
      const auto priced = [](const Sentence& c) {
        return std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) {
          return In(CurrencyWords(), t.text) || t.text == "\xE2\x82\xAC" || t.text == "\xC2\xA3" ||
                 t.text == "$";
        });
      };
      for (size_t q = 0; q < 3; ++q) {
        if (rs.said[q] == 0) continue;
        size_t best = 0;
        for (size_t k = 0; k < pub_clauses.size(); ++k)
          if (!pub_clauses[k].condition && pub_stance[k].said[q] != 0)
            best = std::max(best, overlap(rs, pub_stance[k]));
        // "we won't charge you anything extra for him", "we rekenen voor hem
        // wel € 10 per nacht": a cost said of no thing by name is about
        // what the answer prices, when it prices one thing.
        if (best == 0 && q == 0) {
          static const WordSet pronouns = {
              "him",  "her",   "it",    "them",  "hem", "haar", "het",   "ze",  "anyth", "anything",
              "iets", "niets", "nacht", "night", "dag", "day",  "extra", "per", "each"};
          const bool of_it = std::all_of(rs.things.begin(), rs.things.end(),
                                         [](const std::string& w) { return In(pronouns, w); });
          size_t priced_claims = 0, at = 0;
          for (size_t k = 0; k < pub_clauses.size(); ++k)
            if (!pub_clauses[k].condition && pub_stance[k].said[0] != 0) {
              ++priced_claims;
              at = k;
            }
          // A cost in the answer must be a price ("for a fee of £15", not
          // "the course fee includes all books").
          if (of_it && !rs.things.empty() && priced_claims == 1 &&
              pub_stance[at].said[0] == -rs.said[0] && !(priced(r) && priced(pub_clauses[at])) &&
              (pub_stance[at].said[0] > 0 || priced(pub_clauses[at]))) {
            static constexpr std::array<std::string_view, 2> kCost = {"costs", "free"};
            Add("yesno.stance_turned_of_it", ConflictKind::kYesNo,
                std::string(kCost[rs.said[0] > 0 ? 0 : 1]), std::string(kCost[rs.said[0] > 0]),
                pub_clauses[at], r);
            turned.insert(&r);
            break;
          }
        }
        // "Tripods are not permitted" against "tripods are fine", "honden
        // zijn niet toegestaan" against "jullie huishond mag ook mee": what
        // the answer forbids by name, allowed. One word in common is enough
        // when it names what is forbidden and no exception the answer makes.
        // "Other pets are not allowed": a claim that agrees with the answer
        // about dogs may still let in cats.
        const bool others_ruled_out =
            std::any_of(pub_clauses.begin(), pub_clauses.end(), [](const Sentence& p) {
              return p.negations % 2 && !p.tokens.empty() &&
                     (p.tokens.front().text == "other" || p.tokens.front().text == "andere");
            });
        if (q == 1 && rs.said[1] > 0 && !r.text.ends_with("?") &&
            (best == 0 || (rs.may_by_can && best < 2) || others_ruled_out))
          if (const Sentence* forbids = ForbidsByName(pub_clauses, pub_stance, r, rs, lang)) {
            Add("yesno.forbidden_allowed", ConflictKind::kYesNo, "not allowed", "allowed", *forbids,
                r);
            turned.insert(&r);
            break;
          }
        if (best == 0 || (q == 1 && rs.may_by_can && best < 2)) continue;
        const Sentence* against = nullptr;
        bool agrees = false;
        for (size_t k = 0; k < pub_clauses.size(); ++k) {
          if (pub_clauses[k].condition || pub_stance[k].said[q] == 0 ||
              overlap(rs, pub_stance[k]) != best)
            continue;
          if (q == 0 && priced(r) && priced(pub_clauses[k])) {
            agrees = true;
            continue;
          }
          if (pub_stance[k].said[q] == rs.said[q]) agrees = true;
          if (!against) against = &pub_clauses[k];
        }
        // A reply that names two things at once ("the first exam and any
        // X-rays are both on the house") agrees with the claim about one
        // and turns around the claim about the other, when it names at
        // least two words only that other claim has.
        if (agrees)
          for (size_t k = 0; k < pub_clauses.size() && agrees; ++k) {
            if (pub_clauses[k].condition || pub_stance[k].said[q] != -rs.said[q]) continue;
            if (q == 0 && priced(r) && priced(pub_clauses[k])) continue;
            size_t own = 0;
            for (const std::string& w : rs.things) {
              const auto names = [&](const Stance& x) {
                return std::any_of(x.things.begin(), x.things.end(),
                                   [&](const std::string& y) { return SameThing(w, y); });
              };
              bool elsewhere = false;
              for (size_t m = 0; m < pub_clauses.size(); ++m)
                elsewhere = elsewhere ||
                            (m != k && pub_stance[m].said[q] == rs.said[q] && names(pub_stance[m]));
              own += names(pub_stance[k]) && !elsewhere;
            }
            if (own >= 2) {
              against = &pub_clauses[k];
              agrees = false;
            }
          }
        if (agrees || !against || OutsideTheLimit(r, *against) ||
            ForAnotherAge(r, SentenceOf(pub, *against)))
          continue;
        static constexpr std::array<std::array<std::string_view, 2>, 3> kSaid = {
            {{"costs", "free"}, {"not allowed", "allowed"}, {"not needed", "needed"}}};
        Add("yesno.stance_turned", ConflictKind::kYesNo,
            std::string(kSaid[q][rs.said[q] > 0 ? 0 : 1]), std::string(kSaid[q][rs.said[q] > 0]),
            *against, r);
        turned.insert(&r);
        break;
      }
    }
  }

  // What the answer gives only on a condition, said to come as standard:
  // "Winter sports are only covered if you have added the Snow add-on"
  // against "winter sports are included as standard".
  {
    static const WordSet as_standard = {"standard",   "standaard", "automatically", "automatisch",
                                        "regardless", "ongeacht",  "anyway",        "sowieso"};
    const auto only_if = [](const Sentence& p) {
      static const WordSet on = {"if", "als", "with", "met", "when", "wanneer", "once", "na"};
      for (size_t k = 0; k + 1 < p.tokens.size(); ++k) {
        const std::string& w = p.tokens[k].text;
        if (w != "only" && w != "alleen" && w != "uitsluitend") continue;
        // "only if", "only covered if", "alleen gedekt als".
        for (size_t m = k + 1; m < p.tokens.size() && m <= k + 3; ++m)
          if (In(on, p.tokens[m].text)) return true;
      }
      return false;
    };
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || SaidAlready(r) || turned.contains(&r) ||
          std::none_of(r.tokens.begin(), r.tokens.end(),
                       [](const Token& t) { return In(as_standard, t.text); }))
        continue;
      const auto conditional = std::find_if(pub.begin(), pub.end(), [&](const Sentence& p) {
        return only_if(p) && Shared(r, p) >= 2;
      });
      if (conditional == pub.end()) continue;
      Add("yesno.only_if_as_standard", ConflictKind::kYesNo, conditional->text, r.text,
          *conditional, r);
      turned.insert(&r);
    }
  }

  // A day the answer rules out, offered: "Bezorgen op zondag is niet
  // mogelijk" against "we kunnen je pakket aanstaande zondag afleveren".
  // The same weekday, the answer's clause negated, the reply's saying it
  // can be done and sharing a word of the claim.
  {
    const auto day_of = [](const Sentence& c) {
      int day = 0;
      for (const Token& t : c.tokens)
        if (const int d = WeekdayOf(t.text)) {
          if (day != 0 && day != d) return 0;  // two days: a stretch or a list
          day = d;
        }
      return day;
    };
    static const WordSet can = {"can", "kan", "kunt", "kun", "kunnen", "we'll", "will", "gaan"};
    for (const Sentence& r : rep_clauses) {
      const int day = day_of(r);
      if (day == 0 || r.condition || r.negations % 2 || r.text.ends_with("?") || SaidAlready(r) ||
          turned.contains(&r) || std::none_of(r.tokens.begin(), r.tokens.end(), [](const Token& t) {
            return In(can, t.text);
          }))
        continue;
      const auto ruled_out =
          std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
            return !p.condition && p.negations % 2 == 1 && day_of(p) == day && Shared(r, p) >= 1;
          });
      if (ruled_out == pub_clauses.end()) continue;
      Add("yesno.day_ruled_out", ConflictKind::kYesNo, ruled_out->text, r.text, *ruled_out, r);
      turned.insert(&r);
    }
  }

  // What the answer allows only for one kind, said of every kind: "Een
  // export via de API is alleen beschikbaar in het Enterprise-pakket"
  // against "via de API exporteren kan in elk pakket".
  {
    static const WordSet only = {"only", "alleen", "uitsluitend", "exclusively"};
    static const WordSet every = {"elk", "elke", "ieder", "iedere", "alle", "every", "any", "all"};
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || SaidAlready(r)) continue;
      const std::vector<Token>& rt = r.tokens;
      for (size_t k = 0; k + 1 < rt.size(); ++k) {
        if (!In(every, rt[k].text)) continue;
        const std::string kind = Stem(rt[k + 1].text, lang);
        const auto limited =
            std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
              return p.negations % 2 == 0 && !p.condition && Shared(r, p) >= 2 &&
                     std::any_of(p.tokens.begin(), p.tokens.end(),
                                 [](const Token& t) { return In(only, t.text); }) &&
                     std::any_of(p.stems.begin(), p.stems.end(),
                                 [&](const std::string& s) { return SameThing(kind, s); });
            });
        if (limited == pub_clauses.end()) continue;
        Add("yesno.only_for_all", ConflictKind::kYesNo, limited->text,
            rt[k].text + " " + rt[k + 1].text, *limited, r);
        break;
      }
    }
  }

  // A measure the answer's limit refuses, let in: "Dogs over 50 pounds are
  // not permitted" against "pets are welcome, including your 70-pound
  // lab"; "kinderen met 38 graden of hoger mogen niet komen" against "met
  // 38,3 graden mag Ella gewoon komen".
  for (const Fact& limit : pub_facts) {
    if (limit.own || limit.kind != ConflictKind::kAmount || limit.bound == 0 ||
        limit.lo != limit.hi)
      continue;
    // "50 pounds" may weigh; a count of pounds is a weight.
    const auto measure = [](const Fact& x) {
      if (x.unit == "money" && x.text.find("pound") != std::string::npos)
        return std::string("count:pound");
      return x.unit;
    };
    const std::string unit = measure(limit);
    if (!unit.starts_with("count:")) continue;
    if (reader.Read(ClauseOf(pub_facts, limit, pub[limit.sentence])).negations % 2 == 0) continue;
    const Fact* value = nullptr;
    size_t values = 0;
    for (const Fact& f : rep_facts)
      if (f.kind == ConflictKind::kAmount && measure(f) == unit && f.lo == f.hi) {
        value = &f;
        ++values;
      }
    if (values != 1) continue;
    const bool refused = limit.bound > 0 ? value->lo > limit.lo : value->lo < limit.lo;
    const Sentence& r = rep[value->sentence];
    if (!refused || r.negations % 2 || r.condition || StanceOf(r, lang).said[1] <= 0) continue;
    Add("yesno.measure_outside_the_limit", ConflictKind::kYesNo, limit.text, value->text,
        pub[limit.sentence], r);
  }

  // An age the answer's limit keeps out, let in: "De extra bestuurder moet
  // minimaal 21 jaar zijn" against "uw zoon van 19 kunnen we zeker
  // toevoegen", "Under 5s are not admitted" against "your 3-year-old is
  // welcome".
  for (const Fact& limit : pub_facts) {
    constexpr double kYear = 8760;
    if (limit.own || limit.kind != ConflictKind::kPeriod || limit.unit != "hours" ||
        limit.bound == 0 || limit.lo < kYear || std::fmod(limit.lo, kYear) != 0)
      continue;
    const double years = limit.lo / kYear;
    // The side the limit lets in: "minimaal 21 jaar" from 21 on; in a
    // refusal ("not admitted under 5") the other side.
    // The clause's own negation ("geen kinderen onder de 12 toe, ook niet
    // onder begeleiding" refuses, whatever the sentence adds).
    const bool refusal =
        reader.Read(ClauseOf(pub_facts, limit, pub[limit.sentence])).negations % 2 == 1;
    bool found = false;
    for (size_t ri = 0; ri < rep.size() && !found; ++ri) {
      const Sentence& r = rep[ri];
      if (r.negations % 2 || r.condition) continue;
      if (StanceOf(r, lang).said[1] <= 0) continue;
      // One person's age: of several ("your 17-year-old can take the
      // six-year-old twins"), which the limit is about is not said.
      const std::vector<double> ages = AgesSaid(r);
      if (ages.size() != 1) continue;
      for (const double age : ages) {
        const bool inside = limit.bound > 0 ? age >= years : age <= years;
        if (inside != refusal) continue;
        Add("yesno.age_outside_the_limit", ConflictKind::kYesNo, limit.text,
            (lang == Language::kNl ? std::string("van ") : std::string("aged ")) +
                std::to_string(static_cast<int>(age)),
            pub[limit.sentence], r);
        found = true;
        break;
      }
    }
  }

  // What the answer says is not so, said to be so as well: "Nappies are
  // not provided" against "and we supply nappies too"; "Servies en bestek
  // worden niet meegeleverd" against "borden en bestek nemen we ook mee".
  {
    // And "Printing is not included" against "your membership includes
    // coffee, tea and printing": the same word of inclusion on both sides.
    static const WordSet also = {"too", "also", "ook", "eveneens", "zowel", "both"};
    static const WordSet included = {"includes",  "include",    "included", "including",
                                     "inclusief", "inbegrepen", "free",     "gratis"};
    const auto has = [](const Sentence& x, const WordSet& words) {
      return std::any_of(x.tokens.begin(), x.tokens.end(),
                         [&](const Token& t) { return In(words, t.text); });
    };
    // A list of what is included runs over commas: the sentence is read
    // whole for it.
    std::vector<const Sentence*> said_so;
    for (const Sentence& r : rep_clauses) said_so.push_back(&r);
    for (const Sentence& r : rep)
      if (r.negations == 0 && has(r, included)) said_so.push_back(&r);
    for (const Sentence* said : said_so) {
      const Sentence& r = *said;
      if (r.condition || r.negations % 2 || turned.contains(&r) || SaidAlready(r)) continue;
      const bool too = has(r, also), includes = has(r, included);
      if (!too && !includes) continue;
      for (const Sentence& p : pub_clauses) {
        if (p.condition || p.negations % 2 == 0) continue;
        if (!(too && p.tokens.size() <= 7) &&
            !(includes && has(p, included) && p.tokens.size() <= 10))
          continue;
        // The thing the answer's short "not" is about: its words that are
        // not stop words, before the negation; or after it, in a clause
        // that borrows the rest ("..., niet voor arbeidsloon").
        std::vector<std::string> subject;
        bool after = false;
        for (const Token& t : p.tokens) {
          if (IsNegation(t.text)) {
            if (!p.elided) break;
            after = true;
            continue;
          }
          if ((after || !p.elided) && t.type == Token::kWord && t.text.size() >= 4 &&
              !IsStopWord(t.text, lang))
            subject.push_back(Stem(t.text, lang));
        }
        if (std::none_of(r.stems.begin(), r.stems.end(), [&](const std::string& w) {
              return std::any_of(subject.begin(), subject.end(),
                                 [&](const std::string& x) { return SameThing(w, x); });
            }))
          continue;
        Add("yesno.also_what_is_not", ConflictKind::kYesNo, p.negation,
            lang == Language::kNl ? "ook" : "too", p, r);
        turned.insert(&r);
        break;
      }
    }
  }

  // A step the answer asks for, left out: "na het maken van een online
  // afspraak" against "u kunt zonder afspraak langskomen"; not a refusal
  // without it ("zonder toestemming is het niet mogelijk").
  {
    static const WordSet kCost = {"fee",       "fees",      "charge",   "cost",   "costs",
                                  "kosten",    "toeslag",   "betalen",  "paying", "extra",
                                  "gedoe",     "problemen", "problems", "delay",  "vertraging",
                                  "wachttijd", "waiting"};
    const std::string pub_lower = Lower(std::string(published));
    for (const Sentence& r : rep_clauses) {
      // A negation besides the "without" refuses ("zonder toestemming is
      // het niet mogelijk"); "without any email confirmation" does not.
      const bool refusal = std::any_of(r.tokens.begin(), r.tokens.end(), [](const Token& x) {
        return IsNegation(x.text) && x.text != "zonder" && x.text != "without";
      });
      // What would be ("zonder reservering zou het € 330 zijn").
      const bool would = std::any_of(r.tokens.begin(), r.tokens.end(), [](const Token& x) {
        return x.text == "zou" || x.text == "would" || x.text == "zouden";
      });
      if (r.condition || refusal || would || SaidAlready(r)) continue;
      const auto& t = r.tokens;
      for (size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].text != "zonder" && t[i].text != "without") continue;
        // Said of someone else: "je vriendin zonder pas betaalt € 32,50".
        if (i > 0 && In(OtherPeopleWords(), t[i - 1].text)) continue;
        // The first content word after it ("zonder (een) afspraak").
        size_t k = i + 1;
        while (k < t.size() && (IsStopWord(t[k].text, lang) || t[k].text == "een" ||
                                t[k].text == "a" || t[k].text == "an" || t[k].text == "any"))
          ++k;
        if (k >= t.size() || t[k].type != Token::kWord || In(kCost, t[k].text) ||
            t[k].text.ends_with("kosten") || t[k].text.ends_with("fee"))
          continue;
        const std::string thing = Stem(t[k].text, lang);
        if (pub_lower.find("zonder") != std::string::npos ||
            pub_lower.find("without") != std::string::npos)
          continue;
        // Not a step asked only outside some hours ("Buiten het
        // inloopspreekuur werken we op afspraak").
        const auto asked =
            std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
              return !p.condition && p.negations % 2 == 0 &&
                     std::none_of(p.tokens.begin(), p.tokens.end(),
                                  [](const Token& x) {
                                    return x.text == "buiten" || x.text == "outside";
                                  }) &&
                     std::any_of(p.stems.begin(), p.stems.end(),
                                 [&](const std::string& x) { return SameThing(thing, x); });
            });
        if (asked == pub_clauses.end()) continue;
        Add("procedure.step_left_out", ConflictKind::kProcedure, asked->text,
            t[i].text + " " + t[k].text, *asked, r);
        break;
      }
    }
  }

  // Done in spite of what the answer refuses: "Even though it was in the
  // sale, we'll refund the full amount" against "sale items can be
  // exchanged but not refunded"; "ook al staat er een reservering op, ik
  // heb het toch verlengd" against "is een boek gereserveerd, dan kunt u
  // het niet verlengen". A clause that concedes what the answer speaks of,
  // beside one that gives or does what a clause of the answer refuses.
  CheckInSpiteOf();
}

void ReplyCheck::CheckInSpiteOf() {
  const auto concedes = [](const Sentence& c) {
    const std::vector<Token>& t = c.tokens;
    for (size_t k = 0; k < t.size() && k < 3; ++k) {
      const std::string_view w = t[k].text;
      const std::string_view next = k + 1 < t.size() ? std::string_view(t[k + 1].text) : "";
      if (w == "although" || w == "hoewel" || w == "ondanks" || w == "despite" ||
          (w == "even" && (next == "though" || next == "if")) || (w == "though" && k == 0) ||
          (w == "ook" && next == "al") || (w == "zelfs" && next == "als"))
        return true;
    }
    return false;
  };
  static const WordSet because = {"because", "as", "since", "omdat", "aangezien", "want"};
  for (const Sentence& c : rep_clauses) {
    if (!concedes(c) || SaidAlready(c)) continue;
    // "although" after what it qualifies is "but" ("order it in the app,
    // although the form works as well"); it concedes when it opens the
    // sentence.
    const size_t ci = static_cast<size_t>(&c - rep_clauses.data());
    if (!c.tokens.empty() &&
        (c.tokens.front().text == "although" || c.tokens.front().text == "hoewel") && ci > 0 &&
        SentenceOf(rep, rep_clauses[ci - 1]) == SentenceOf(rep, c) &&
        rep_clauses[ci - 1].tokens.size() > 2)  // more than a greeting before it
      continue;
    if (std::none_of(pub_clauses.begin(), pub_clauses.end(),
                     [&](const Sentence& p) { return Shared(c, p) >= 1; }))
      continue;
    const size_t at = SentenceOf(rep, c);
    for (const Sentence& m : rep_clauses) {
      if (&m == &c || SentenceOf(rep, m) != at || m.negations % 2 || m.condition || concedes(m) ||
          std::any_of(m.tokens.begin(), m.tokens.end(),
                      [](const Token& t) { return In(because, t.text); }))
        continue;
      const Stance ms = StanceOf(m, lang);
      // What the main clause shares with a refusal, and with no clause of
      // the answer that allows ("can be exchanged but not refunded"
      // against "we can exchange it").
      const auto only_refused = [&](const Sentence& p) {
        for (const std::string& w : m.stems) {
          const auto has = [&](const Sentence& x) {
            return std::any_of(x.stems.begin(), x.stems.end(),
                               [&](const std::string& y) { return SameThing(w, y); });
          };
          if (w[0] == '~' || !has(p)) continue;
          if (std::none_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& q) {
                return &q != &p && !q.condition && q.negations % 2 == 0 && has(q);
              }))
            return true;
        }
        return false;
      };
      // The concession names the refusal's own condition ("ook al staat er
      // een reservering op" against "is een boek gereserveerd, dan kunt u
      // het niet verlengen").
      const auto its_condition = [&](const Sentence& p) {
        const size_t pi = static_cast<size_t>(&p - pub_clauses.data());
        return pi > 0 && SentenceOf(pub, pub_clauses[pi - 1]) == SentenceOf(pub, p) &&
               Shared(c, pub_clauses[pi - 1]) >= 1 && Shared(m, p) >= 1;
      };
      // Another clause of the sentence that agrees with a refusal ("even
      // though it was in the sale, we can't refund it, but we can exchange
      // it") says the rule.
      const auto agreed = [&](const Sentence& p) {
        return std::any_of(rep_clauses.begin(), rep_clauses.end(), [&](const Sentence& o) {
          return &o != &m && SentenceOf(rep, o) == at && o.negations % 2 && Shared(o, p) >= 1;
        });
      };
      const auto refused =
          std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
            if (p.condition || !(only_refused(p) || its_condition(p)) || agreed(p)) return false;
            if (p.negations % 2) return true;
            const Stance ps = StanceOf(p, lang);
            for (size_t q = 0; q < 2; ++q)
              if (ms.said[q] > 0 && ps.said[q] < 0) return true;
            return false;
          });
      if (refused == pub_clauses.end()) continue;
      Add("yesno.in_spite_of", ConflictKind::kYesNo, refused->text, c.text + " …" + m.text,
          *refused, m);
      return;
    }
  }
}

}  // namespace luister::consistency
