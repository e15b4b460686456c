// The consistency check's procedure pass: the ways, the steps, their order
// and who takes them.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

namespace {

// "As I mentioned on the call", "Zoals ik u aan de telefoon al uitlegde",
// "Naar aanleiding van ons telefoongesprek": the conversation the reply
// follows, not a way the customer is sent.
bool RecallsAConversation(const Sentence& c) {
  if (c.tokens.size() < 3) return false;
  const std::string& first = c.tokens[0].text;
  if (first == "naar" && c.tokens[1].text == "aanleiding") return true;
  if (first != "as" && first != "zoals" && first != "following") return false;
  static const WordSet said = {"mentioned", "said",    "discussed",   "explained",
                               "told",      "agreed",  "promised",    "spoke",
                               "besproken", "zei",     "zeiden",      "uitlegde",
                               "vertelde",  "gezegd",  "afgesproken", "beloofd",
                               "uitgelegd", "verteld", "bespraken",   "telefoongesprek"};
  return std::any_of(c.tokens.begin() + 1, c.tokens.end(),
                     [](const Token& t) { return In(said, t.text); });
}

// Whether a clause is in the passive, with no one named to act: "De
// installatie wordt ingepland", "your licence will be mailed".
bool Passive(const Sentence& c) {
  static const WordSet dutch = {"wordt", "worden", "werd", "werden"};
  static const WordSet be = {"be", "is", "are", "was", "were", "been"};
  const std::vector<Token>& t = c.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (In(dutch, t[k].text)) return true;
    if (In(be, t[k].text) && k + 1 < t.size() && t[k + 1].text.size() > 4 &&
        t[k + 1].text.ends_with("ed"))
      return true;
  }
  return false;
}

}  // namespace

void ReplyCheck::CheckProcedure() {
  // Procedure: the reply sends the customer another way than the answer
  // does, or one the answer rules out ("not by phone").
  Sentence pub_all = reader.Read(std::string(published));
  Sentence rep_all = reader.Read(std::string(reply));
  const double whole = Related(pub_all, rep_all);
  std::map<std::string, std::string> asserted, refused;
  const std::string pub_lower_all = Lower(std::string(published));
  // A way with no fee ("tickets bought at the box office have no booking
  // fee") is a way, not one ruled out.
  for (const Sentence& p : pub_clauses)
    (p.negations % 2 && StanceOf(p, lang).said[0] <= 0 ? refused : asserted)
        .insert(p.means.begin(), p.means.end());
  for (const Sentence& r : rep_clauses) {
    if (r.means.empty() || r.negations % 2 || r.invitation || turned.contains(&r) ||
        RecallsAConversation(r))
      continue;
    // A signature last ("IT Service Desk", "Box Office") names no way.
    if (&r == &rep_clauses.back() && r.tokens.size() <= 4 && !r.instruction && !r.imperative &&
        rep.back().tokens.size() <= 4)
      continue;
    bool shared = false;
    for (const auto& [m, word] : r.means) {
      // The form is often what is sent, not the way ("post the claim
      // form"): it counts when it is the only way named.
      if (m == "form" && r.means.size() > 1) continue;
      // Collecting it is going there ("at the counter when you pick up").
      shared = shared || (m == "shop" && asserted.contains("pickup")) ||
               (m == "pickup" && asserted.contains("shop"));
      // "via TicketSwap" where the answer says "via ons officiële platform
      // TicketSwap": the same name.
      shared =
          shared || (m.starts_with("via:") && pub_lower_all.find(Lower(word)) != std::string::npos);
      // An app or a website is "online" where the answer says so, unless
      // another way of the answer is plainly of this step ("meldt u bij de
      // balie", beside "de status online volgen", against "meldt u in de
      // app").
      const auto online_here = [&](const auto& digital) {
        double digital_related = -1, other_related = -1;
        for (const Sentence& p : pub_clauses) {
          if (p.negations % 2 || p.means.empty()) continue;
          const bool is_digital = std::any_of(p.means.begin(), p.means.end(),
                                              [&](const auto& x) { return digital(x.first); });
          double& slot = is_digital ? digital_related : other_related;
          slot = std::max(slot, Related(r, p));
        }
        return digital_related >= 0 && digital_related >= other_related;
      };
      shared = shared || asserted.contains(m) ||
               (Digital(m) && online_here([](const std::string& x) { return x == "online"; })) ||
               (m == "online" && online_here([](const std::string& x) { return Digital(x); }));
    }
    const auto ruled_out = std::find_if(r.means.begin(), r.means.end(),
                                        [&](const auto& m) { return refused.contains(m.first); });
    // "we can't process it if you email us": the way is the condition of a
    // refusal.
    const size_t ri = static_cast<size_t>(&r - rep_clauses.data());
    const bool refused_if = r.condition && ri > 0 && rep_clauses[ri - 1].negations % 2;
    if (ruled_out != r.means.end() && !refused_if) {
      const auto p = std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& x) {
        return x.negations % 2 && x.means.contains(ruled_out->first);
      });
      Add(shared ? "procedure.ruled_out_beside_shared" : "procedure.ruled_out",
          ConflictKind::kProcedure,
          (lang == Language::kNl ? std::string("niet ") : std::string("not ")) + ruled_out->second,
          ruled_out->second, *p, r);
      continue;
    }
    if (shared) {
      // A way the answer does not name beside one it does ("fill it in
      // online and bring it to the office").
      const auto extra = std::find_if(r.means.begin(), r.means.end(), [&](const auto& m) {
        return m.first != "form" && !asserted.contains(m.first) &&
               !(m.first.starts_with("via:") &&
                 pub_lower_all.find(Lower(m.second)) != std::string::npos) &&
               !(Digital(m.first) && asserted.contains("online"));
      });
      if (extra != r.means.end()) {
        const auto p = std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& x) {
          return x.negations % 2 == 0 && !x.means.empty();
        });
        if (p != pub_clauses.end())
          Add("procedure.extra_way", ConflictKind::kProcedure, p->means.begin()->second,
              extra->second, *p, r);
      }
      continue;
    }
    if (asserted.empty()) continue;
    const Sentence* best = nullptr;
    double best_related = 0;
    for (const Sentence& p : pub_clauses) {
      if (p.means.empty() || p.negations % 2) continue;
      const double rel = Related(r, p);
      if (rel > best_related) {
        best_related = rel;
        best = &p;
      }
    }
    // Unrelated words, but the reply is about what the answer is about and
    // tells the customer to go another way ("just pop them into a store").
    // One that begins with what to do needs no other words in common (the
    // reply is checked because it is about the answer's topic); one that
    // tells what to do must be about what a sentence of the answer is about.
    // "Gaat u langs bij een van onze kantoren, dan blokkeren we de pas":
    // the clause after it says what the way is for.
    if (!best || best_related < kSameProcedure) {
      const size_t ri = static_cast<size_t>(&r - rep_clauses.data());
      if (ri + 1 < rep_clauses.size() && rep_clauses[ri + 1].means.empty() &&
          !rep_clauses[ri + 1].tokens.empty() &&
          (rep_clauses[ri + 1].tokens[0].text == "dan" ||
           rep_clauses[ri + 1].tokens[0].text == "then")) {
        Sentence both = r;
        both.stems.insert(rep_clauses[ri + 1].stems.begin(), rep_clauses[ri + 1].stems.end());
        for (const Sentence& p : pub_clauses) {
          if (p.means.empty() || p.negations % 2) continue;
          if (const double rel = Related(both, p); rel > best_related) {
            best_related = rel;
            best = &p;
          }
        }
      }
    }
    // A value of the answer said again is about the answer's topic too.
    const bool restates_a_value =
        std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
          return !g.own && std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
            return !p.own && Comparable(g, p) && SameValue(g, p) && p.kind != ConflictKind::kAmount;
          });
        });
    bool on_topic = whole >= kRelated || r.imperative || (restates_a_value && whole > 0);
    for (const Sentence& p : pub_clauses) on_topic = on_topic || Related(r, p) >= kRelated;
    if ((!best || best_related < kSameProcedure) && r.instruction && on_topic)
      for (const Sentence& p : pub_clauses)
        if (!p.means.empty() && p.negations % 2 == 0) {
          best = &p;
          best_related = kSameProcedure;
          break;
        }
    if (!best) continue;
    Add(best_related >= kSameProcedure ? "procedure.other_way" : "procedure.other_way_loosely",
        ConflictKind::kProcedure, best->means.begin()->second, r.means.begin()->second, *best, r);
  }

  // Where each clause stands in time: by its words of order ("eerst",
  // "right away" first; "once", "nadat" before the clause it belongs to),
  // else where it is written.
  static const WordSet kFirst = {"eerst", "first", "firstly", "alvast"};
  static const WordSet kLater = {"daarna", "then", "afterwards", "vervolgens", "later", "next"};
  static const WordSet kPrior = {"once", "nadat", "zodra", "after"};
  auto marker = [](const Sentence& c) {
    const auto& t = c.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string& w = t[i].text;
      const std::string_view next = i + 1 < t.size() ? std::string_view(t[i + 1].text) : "";
      // Not "book his first health check": "first" after an article or
      // a possessive names which one.
      static const WordSet which = {"a",     "an",  "the", "his",  "her", "its",
                                    "their", "our", "my",  "your", "this"};
      if (w == "first" && i > 0 && In(which, t[i - 1].text)) continue;
      if (In(kFirst, w) || ((w == "right" || w == "straight") && next == "away")) return -1;
      if (In(kLater, w) || (w == "after" && (next == "that" || next == "this"))) return 1;
      // Not "after 5 pm", "once a month".
      const bool counted =
          i + 1 < t.size() && (t[i + 1].type == Token::kNumber || next == "a" || next == "per" ||
                               next == "every" || next == "each" || next == "more");
      if ((In(kPrior, w) && !counted) || (w == "pas" && next == "als")) return 2;
    }
    return 0;
  };
  auto keys = [&](const std::vector<Sentence>& clauses) {
    std::vector<double> key(clauses.size());
    for (size_t i = 0; i < clauses.size(); ++i) {
      const int m = marker(clauses[i]);
      // "daarna", "then": where it is written, after what comes before it
      // and before what comes after ("pas daarna de code intoetsen. Lukt
      // het niet, dan kun je ons bellen").
      key[i] = m == -1  ? static_cast<double>(i) - 1000
               : m == 2 ? static_cast<double>(i) - 1.5
                        : static_cast<double>(i);
    }
    return key;
  };

  // The same ways in another order, where the answer gives one ("eerst
  // een online instaptoets, daarna een telefonisch intakegesprek" against
  // "we beginnen met het telefonische gesprek, daarna de toets").
  static const WordSet sequence = {"eerst", "daarna", "vervolgens", "nadat",    "voordat",
                                   "first", "then",   "afterwards", "after",    "before",
                                   "next",  "begin",  "beginnen",   "beginnen", "start"};
  const bool ordered = std::any_of(pub_all.tokens.begin(), pub_all.tokens.end(),
                                   [](const Token& t) { return In(sequence, t.text); });
  const bool has_procedure = std::any_of(out.begin(), out.end(), [](const ConflictSignal& c) {
    return c.signal == "procedure.other_way" || c.signal == "procedure.ruled_out";
  });
  if (ordered && !has_procedure) {
    struct Step {
      std::string means, word;
      const Sentence* clause;
    };
    auto steps = [&](const std::vector<Sentence>& clauses) {
      std::vector<Step> seq;
      const std::vector<double> key = keys(clauses);
      std::vector<size_t> order(clauses.size());
      for (size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::stable_sort(order.begin(), order.end(),
                       [&](size_t x, size_t y) { return key[x] < key[y]; });
      for (const size_t k : order) {
        const Sentence& c = clauses[k];
        if (c.negations % 2 || c.condition) continue;
        for (const auto& named : c.named) {
          const std::string& m = named.first;
          if (std::none_of(seq.begin(), seq.end(), [&](const Step& x) { return x.means == m; }))
            seq.push_back({m, named.second, &c});
        }
      }
      return seq;
    };
    const std::vector<Step> said = steps(pub_clauses), written = steps(rep_clauses);
    auto at = [](const std::vector<Step>& seq, const std::string& m) {
      return std::find_if(seq.begin(), seq.end(), [&](const Step& x) { return x.means == m; });
    };
    bool done = false;
    for (size_t a = 0; a < said.size() && !done; ++a)
      for (size_t b = a + 1; b < said.size() && !done; ++b) {
        const auto ra = at(written, said[a].means), rb = at(written, said[b].means);
        // Two clauses apart in both, the second one first in the reply.
        if (ra == written.end() || rb == written.end() || ra->clause == rb->clause ||
            said[a].clause == said[b].clause || rb >= ra)
          continue;
        Add("procedure.order", ConflictKind::kProcedure, said[a].word + " → " + said[b].word,
            rb->word + " → " + ra->word, *said[a].clause, *rb->clause);
        done = true;
      }
  }

  // The steps in another order, whatever the ways: "first report it to the
  // police, then submit your claim online" against "start your claim online
  // right away, and once you've reported it to the police add the number".
  // Each clause is placed by its words of order (see `keys`), else where
  // it stands.
  if (!has_procedure && std::none_of(out.begin(), out.end(), [](const ConflictSignal& c) {
        return c.signal == "procedure.order";
      })) {
    const std::vector<double> pub_key = keys(pub_clauses), rep_key = keys(rep_clauses);
    // Steps are things to do ("report it to the police", "stuur het
    // pakket op"), not times ("after 5 pm", "op 1 mei").
    const auto timed = [](const Sentence& c) {
      static const WordSet clock = {"am",     "pm",       "uur",         "o'clock", "noon",
                                    "midday", "midnight", "middernacht", "'s",      "s"};
      return std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) {
        return In(clock, t.text) || MonthOf(t.text) > 0 || WeekdayOf(t.text) > 0 ||
               (t.type == Token::kNumber && t.text.find_first_of(":.") != std::string::npos);
      });
    };
    const auto act = [](const Sentence& c) {
      static const WordSet verbs = {
          "report", "submit", "apply", "book", "complete", "register", "make", "fill", "upload",
          "send", "call", "bring", "return", "contact", "doe", "maak", "vraag", "meld", "boek",
          "regel", "plan", "geef", "stuur", "bel", "breng", "lever", "vul", "upload", "log",
          "start", "begin", "pay", "betaal", "neem", "take", "visit", "check", "sign", "teken",
          "aanmelden", "reported", "sent", "filled", "gemeld", "gestuurd", "ingevuld",
          "aangevraagd", "scan", "scannen", "voer", "enter", "tik", "type", "restart", "herstart",
          "run", "install", "installeer", "activeer", "activate", "wait", "wacht",
          // Steps on a screen.
          "add", "click", "klik", "voeg", "select", "choose", "kies", "create", "toets", "press",
          "druk", "confirm", "bevestig", "verify", "log", "open",
          // Steps the organisation takes.
          "approve", "assess", "beoordeel", "keur", "goedkeur"};
      // "maakt", "betaalt", "submits": the verb with its ending too.
      const auto a_verb = [](const std::string& w) {
        return In(verbs, w) || (w.size() > 3 && (w.back() == 't' || w.back() == 's') &&
                                In(verbs, std::string_view(w).substr(0, w.size() - 1)));
      };
      return c.instruction || c.imperative || !c.means.empty() || !c.named.empty() ||
             std::any_of(c.tokens.begin(), c.tokens.end(),
                         [&](const Token& t) { return a_verb(t.text); });
    };
    const bool marked = std::any_of(pub_clauses.begin(), pub_clauses.end(),
                                    [&](const Sentence& c) { return marker(c) != 0; });
    // How many of `stems` a clause names (compounds count).
    auto overlap = [](const Sentence& c, const std::vector<std::string>& stems) {
      size_t n = 0;
      for (const std::string& w : stems)
        n += std::any_of(c.stems.begin(), c.stems.end(),
                         [&](const std::string& x) { return SameThing(w, x); });
      return n;
    };
    auto only_in = [](const Sentence& a, const Sentence& b) {
      std::vector<std::string> v;
      for (const std::string& w : a.stems)
        if (w[0] != '~' && !b.stems.contains(w) && !In(kFirst, w) && !In(kLater, w) &&
            !In(kPrior, w))
          v.push_back(w);
      return v;
    };
    bool done = !marked;
    for (size_t a = 0; a < pub_clauses.size() && !done; ++a)
      for (size_t b = 0; b < pub_clauses.size() && !done; ++b) {
        // In the answer's own order ("For emergencies, call us first" after
        // another sentence is no step before it).
        if (a >= b || pub_key[a] >= pub_key[b] || pub_clauses[a].condition) continue;
        if (marker(pub_clauses[a]) == 0 && marker(pub_clauses[b]) == 0) continue;
        if (timed(pub_clauses[a]) || timed(pub_clauses[b]) || !act(pub_clauses[a]) ||
            !act(pub_clauses[b]))
          continue;
        // What tells the steps apart; a step whose words the other repeats
        // ("report it to the police", "then submit the police report") is
        // told by all of them.
        const Sentence none;
        std::vector<std::string> sa = only_in(pub_clauses[a], pub_clauses[b]),
                                 sb = only_in(pub_clauses[b], pub_clauses[a]);
        if (sa.empty()) sa = only_in(pub_clauses[a], none);
        if (sb.empty()) sb = only_in(pub_clauses[b], none);
        if (sa.empty() || sb.empty()) continue;
        // The reply's clauses for the two steps: two clauses, each naming
        // its step, chosen so that each names its own more than the other.
        size_t ra = rep_clauses.size(), rb = rep_clauses.size();
        double best = 0;
        for (size_t i = 0; i < rep_clauses.size(); ++i) {
          const double ia = static_cast<double>(overlap(rep_clauses[i], sa)),
                       ib = static_cast<double>(overlap(rep_clauses[i], sb));
          if (ia == 0) continue;
          for (size_t k = 0; k < rep_clauses.size(); ++k) {
            if (k == i) continue;
            const double ka = static_cast<double>(overlap(rep_clauses[k], sa)),
                         kb = static_cast<double>(overlap(rep_clauses[k], sb));
            if (kb == 0) continue;
            const double score = (ia - ib) + (kb - ka);
            if (score > best) {
              best = score;
              ra = i;
              rb = k;
            }
          }
        }
        if (ra == rep_clauses.size() || rb == rep_clauses.size() || ra == rb ||
            timed(rep_clauses[ra]) || timed(rep_clauses[rb]))
          continue;
        if (rep_key[rb] < rep_key[ra]) {
          Add("procedure.steps_reordered", ConflictKind::kProcedure,
              pub_clauses[a].text + " → " + pub_clauses[b].text,
              rep_clauses[rb].text + " → " + rep_clauses[ra].text, pub_clauses[a], rep_clauses[rb]);
          done = true;
        }
      }
  }

  // A step the answer has wait for another, taken at once: "Pas nadat u de
  // proef heeft goedgekeurd, gaat uw order in productie" against "we zetten
  // je order meteen in productie"; "Meld het eerst aan ... Daarna stuur je
  // het pakket op" against "stuur het pakket maar alvast op".
  {
    std::vector<Sentence> later;       // the steps that wait
    std::set<size_t> required_before;  // of them, those after "required before"
    std::set<size_t> until;            // of them, those "not ... until" (one word says it)
    for (const std::string& t : pub_texts) {
      const std::vector<std::string> parts = SplitClauses(t);
      std::vector<Sentence> cs;
      for (const std::string& c : parts) cs.push_back(reader.Read(c));
      for (size_t k = 0; k < cs.size(); ++k) {
        const std::vector<Token>& tk = cs[k].tokens;
        bool waits_for = false;  // this clause is what is waited for
        for (size_t m = 0; m + 1 < tk.size(); ++m) {
          const std::string& w = tk[m].text;
          const std::string& next = tk[m + 1].text;
          if ((w == "pas" && (next == "nadat" || next == "als" || next == "wanneer")) ||
              (w == "only" && (next == "after" || next == "once" || next == "when"))) {
            // "we print only once you've approved it": the step before.
            if (m >= 2) later.push_back(reader.Read(cs[k].text.substr(0, cs[k].text.find(w))));
            waits_for = m < 2;
          }
        }
        if (waits_for)
          for (size_t o = 0; o < cs.size(); ++o)
            if (o != k) later.push_back(cs[o]);
        // "laat de auto pas daarna repareren", "pas na onze goedkeuring
        // plannen we": the whole clause waits. "Don't arrange any repairs
        // until we've approved the claim", "stuur niets op totdat": what
        // comes before "until" waits.
        for (size_t m = 0; m + 1 < tk.size(); ++m) {
          const std::string& w = tk[m].text;
          const std::string& next = tk[m + 1].text;
          if (w == "pas" && (next == "daarna" || next == "na" || next == "dan")) {
            later.push_back(cs[k]);
            break;
          }
          if ((w == "until" || w == "totdat" || w == "till") && m >= 2 && cs[k].negations % 2 &&
              tk[m + 1].type == Token::kWord && !MonthOf(next) && !WeekdayOf(next) &&
              !NumberWords().contains(next)) {
            Sentence step = reader.Read(cs[k].text.substr(0, cs[k].text.find(w)));
            if (step.negations % 2) {
              later.push_back(std::move(step));
              until.insert(later.size() - 1);
            }
            break;
          }
        }
        // "An induction is required before using the weights area", "voordat
        // je gaat klimmen, moet je een cursus volgen": what comes after
        // "before" waits for what is required. Not a time ("before 22:00").
        const bool required = std::any_of(tk.begin(), tk.end(), [](const Token& t) {
          return In(NeedWords(), t.text) || t.text == "must" || t.text == "moet" ||
                 t.text == "moeten" || t.text == "verplicht" || t.text == "mandatory";
        });
        for (size_t m = 0; required && m + 1 < tk.size(); ++m) {
          if ((tk[m].text != "before" && tk[m].text != "voordat") ||
              tk[m + 1].type != Token::kWord || MonthOf(tk[m + 1].text) ||
              WeekdayOf(tk[m + 1].text) || NumberWords().contains(tk[m + 1].text))
            continue;
          const size_t at = cs[k].text.find(tk[m].text);  // "Before ..." opens no step
          if (at != std::string::npos) {
            later.push_back(reader.Read(cs[k].text.substr(at)));
            required_before.insert(later.size() - 1);
          }
          break;
        }
      }
    }
    // "eerst X. Daarna Y": Y waits.
    for (size_t k = 1; k < pub_clauses.size(); ++k) {
      static const WordSet then = {"daarna", "vervolgens", "then", "afterwards"};
      const bool first_before = std::any_of(
          pub_clauses.begin(), pub_clauses.begin() + static_cast<long>(k), [](const Sentence& c) {
            return std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) {
              return t.text == "eerst" || t.text == "first";
            });
          });
      // Or, after a condition, "If you're not satisfied with our response,
      // you can then escalate it to the Ombudsman": a step that says "then".
      const bool then_first =
          first_before && !pub_clauses[k].tokens.empty() && In(then, pub_clauses[k].tokens[0].text);
      const bool then_after_condition =
          pub_clauses[k].tokens.size() > 2 && pub_clauses[k - 1].condition &&
          std::any_of(pub_clauses[k].tokens.begin() + 1, pub_clauses[k].tokens.end(),
                      [&](const Token& t) { return t.text == "then" || t.text == "daarna"; });
      if (then_first || then_after_condition) later.push_back(pub_clauses[k]);
    }
    static const WordSet at_once = {"meteen",         "direct",      "alvast",  "tegelijk",
                                    "tegelijkertijd", "immediately", "already", "simultaneously",
                                    "directly",       "rechtstreeks"};
    static const WordSet waiting = {"nadat", "zodra", "als",   "wanneer", "after",
                                    "once",  "when",  "until", "totdat",  "tot"};
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || SaidAlready(r)) continue;
      bool now = false, waits = false;
      for (size_t m = 0; m < r.tokens.size(); ++m) {
        const std::string& w = r.tokens[m].text;
        const std::string_view next =
            m + 1 < r.tokens.size() ? std::string_view(r.tokens[m + 1].text) : std::string_view();
        now = now || In(at_once, w) ||
              (w == "straight" && (next == "away" || next == "to" || next == "into")) ||
              (w == "go" && next == "ahead") || (w == "gerust" && m + 1 < 3) ||
              (w == "right" && next == "away") || (w == "same" && next == "time");
        waits = waits || In(waiting, w);
      }
      if (!now || waits) continue;
      const auto step = std::find_if(later.begin(), later.end(), [&](const Sentence& y) {
        return Shared(r, y) >= (until.contains(static_cast<size_t>(&y - later.data())) ? 1 : 2);
      });
      if (step == later.end()) continue;
      // What is required, said to be not needed, is found already ("no
      // need to sign up first").
      if (required_before.contains(static_cast<size_t>(step - later.begin())) &&
          std::any_of(out.begin(), out.end(), [](const ConflictSignal& c) {
            return c.strong && c.conflict.kind == ConflictKind::kYesNo;
          }))
        continue;
      Add("procedure.without_waiting", ConflictKind::kProcedure, step->text, r.text, *step, r);
      break;
    }
  }

  // Who acts: the answer has someone else take the step ("your line
  // manager raises a request in the IT portal", "de ouder meldt het kind
  // af") and the reply has the customer take it themselves ("just raise
  // the request yourself").
  {
    static const WordSet self = {"yourself", "yourselves", "zelf", "jezelf", "uzelf"};
    static const WordSet others = {
        "manager",  "employer",   "werkgever",  "leidinggevende", "parent",    "parents",
        "ouder",    "ouders",     "landlord",   "verhuurder",     "doctor",    "gp",
        "huisarts", "school",     "teacher",    "leraar",         "docent",    "mentor",
        "tutor",    "supervisor", "accountant", "notaris",        "solicitor", "lawyer",
        "advocaat", "member",     "lid",        "guardian",       "voogd",     "partner",
        "we",       "wij",        "winkel",     "store",          "shop",      "klantenservice"};
    // The answer's own "yourself" (not "wij vragen het recept zelf aan").
    static const WordSet we = {"we", "wij", "we'll", "we're"};
    const auto by_us = [](const Sentence& c) {
      for (size_t k = 0; k < c.tokens.size() && k < 3; ++k)
        if (In(we, c.tokens[k].text)) return true;
      return false;
    };
    const bool pub_self =
        std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
          return !by_us(p) && std::any_of(p.tokens.begin(), p.tokens.end(),
                                          [](const Token& t) { return In(self, t.text); });
        });
    for (const Sentence& r : rep_clauses) {
      if (pub_self || r.condition || r.negations % 2 || SaidAlready(r)) continue;
      if (std::none_of(r.tokens.begin(), r.tokens.end(),
                       [](const Token& t) { return In(self, t.text); }))
        continue;
      const auto by_other =
          std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
            if (p.condition || p.negations % 2 || Shared(r, p) < 2) return false;
            for (size_t k = 0; k < p.tokens.size() && k < 6; ++k)
              if (In(others, p.tokens[k].text)) return true;
            return false;
          });
      if (by_other == pub_clauses.end()) continue;
      Add("procedure.who_acts", ConflictKind::kProcedure, by_other->text, r.text, *by_other, r);
      break;
    }
    // The other way round: the answer has the customer take the step
    // themselves ("meldt u uw zonnepanelen zelf aan", "Doe eerst aangifte
    // bij de politie") and the reply has the company take it for them
    // ("wij melden je installatie voor je aan", "dan doen wij de aangifte
    // voor je").
    const auto for_you = [](const Sentence& s) {
      for (size_t k = 0; k + 1 < s.tokens.size(); ++k)
        if ((s.tokens[k].text == "voor" || s.tokens[k].text == "for") &&
            (s.tokens[k + 1].text == "je" || s.tokens[k + 1].text == "u" ||
             s.tokens[k + 1].text == "jou" || s.tokens[k + 1].text == "you"))
          return true;
      return false;
    };
    for (const Sentence& r : rep_clauses) {
      // "wij melden de schade daarna zelf bij uw leasemaatschappij".
      const bool ourselves =
          by_us(r) && std::any_of(r.tokens.begin(), r.tokens.end(),
                                  [](const Token& t) { return In(self, t.text); });
      if (r.condition || r.negations % 2 || SaidAlready(r) || !(for_you(r) || ourselves)) continue;
      if (std::none_of(r.tokens.begin(), r.tokens.end(),
                       [](const Token& t) { return In(we, t.text); }))
        continue;
      const auto by_customer =
          std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
            if (p.condition || p.negations % 2 || Shared(r, p) < 2 || for_you(p)) return false;
            const bool yourself = std::any_of(p.tokens.begin(), p.tokens.end(),
                                              [](const Token& t) { return In(self, t.text); });
            // "Schade meldt u eerst bij uw leasemaatschappij"; not "De
            // installatie wordt na je aanmelding ingepland", which says
            // nobody.
            static const WordSet you = {"u", "je", "jij", "you"};
            const bool yours = !by_us(p) && !Passive(p) &&
                               std::any_of(p.tokens.begin(), p.tokens.end(),
                                           [](const Token& t) { return In(you, t.text); });
            return yourself || p.imperative || p.instruction || yours;
          });
      if (by_customer == pub_clauses.end()) continue;
      Add("procedure.who_acts", ConflictKind::kProcedure, by_customer->text, r.text, *by_customer,
          r);
      break;
    }
  }

  // Collected against delivered: "Na 5 werkdagen haalt u het zelf op aan
  // de balie" against "wordt het paspoort bij u thuisbezorgd", "collect it
  // from reception" against "we'll post it to you"; and the other way
  // round.
  {
    const auto has = [](const Sentence& c, const WordSet& words) {
      return std::any_of(c.tokens.begin(), c.tokens.end(),
                         [&](const Token& t) { return In(words, t.text); });
    };
    static const WordSet fetch = {"haalt", "haal",   "ophalen", "afhalen",  "collect",
                                  "pick",  "picked", "fetch",   "opgehaald"};
    static const WordSet home = {
        "thuisbezorgd", "thuisgestuurd", "opgestuurd", "bezorgen", "bezorgd", "deliver",
        "delivered",    "post",          "posted",     "mail",     "mailed",  "thuis",
        "home",         "send",          "sent",       "sturen",   "stuurt",  "toegestuurd"};
    static const WordSet to_you = {"u",    "je",   "jou",     "you",  "thuis",
                                   "home", "door", "address", "adres"};
    // The customer fetches it: "haalt u het (zelf) op", "collect it from".
    const auto collects = [&](const Sentence& c) {
      return !c.condition && c.negations % 2 == 0 && has(c, fetch) &&
             std::none_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) {
               return t.text == "we" || t.text == "wij" || t.text == "courier" ||
                      t.text == "koerier" || t.text == "driver" || t.text == "bezorger";
             });
    };
    // It comes to the customer: "bij u thuisbezorgd", "we'll post it to you".
    const auto delivered = [&](const Sentence& c) {
      if (c.condition || c.negations % 2 || !has(c, home) || !has(c, to_you)) return false;
      return std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) {
        return t.text == "thuisbezorgd" || t.text == "thuisgestuurd" || t.text == "toegestuurd" ||
               t.text == "bezorgd" || t.text == "delivered" || t.text == "deliver" ||
               t.text == "bezorgen" || t.text == "post" || t.text == "posted" ||
               t.text == "mailed" || t.text == "opgestuurd";
      });
    };
    const auto any = [](const std::vector<Sentence>& cs, const auto& test) {
      return std::find_if(cs.begin(), cs.end(), test);
    };
    const auto pub_collect = any(pub_clauses, collects), rep_collect = any(rep_clauses, collects);
    const auto pub_deliver = any(pub_clauses, delivered), rep_deliver = any(rep_clauses, delivered);
    if (pub_collect != pub_clauses.end() && pub_deliver == pub_clauses.end() &&
        rep_deliver != rep_clauses.end() && rep_collect == rep_clauses.end() &&
        !SaidAlready(*rep_deliver))
      Add("procedure.delivered_not_collected", ConflictKind::kProcedure, pub_collect->text,
          rep_deliver->text, *pub_collect, *rep_deliver);
    else if (pub_deliver != pub_clauses.end() && pub_collect == pub_clauses.end() &&
             rep_collect != rep_clauses.end() && rep_deliver == rep_clauses.end() &&
             !SaidAlready(*rep_collect))
      Add("procedure.collected_not_delivered", ConflictKind::kProcedure, pub_deliver->text,
          rep_collect->text, *pub_deliver, *rep_collect);
  }
}

}  // namespace luister::consistency
