// The consistency check's values pass: amounts, periods, deadlines, dates
// and the days something is open.

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

namespace {

// Whole numbers of at least 2 among the tokens (digits or number words).
std::vector<double> WholeNumbers(const std::vector<Token>& tokens) {
  // "voor jullie vieren", "met z'n drieën": how many people.
  static const std::map<std::string_view, double> together = {
      {"tweeen", 2}, {"drieen", 3}, {"vieren", 4}, {"vijven", 5}, {"zessen", 6}};
  std::vector<double> out;
  for (const Token& t : tokens) {
    std::optional<double> n;
    if (t.type == Token::kNumber)
      n = NumberOf(t.text);
    else if (auto w = NumberWords().find(t.text); w != NumberWords().end())
      n = w->second;
    else if (auto c = together.find(t.text); c != together.end())
      n = c->second;
    if (n && *n >= 2 && *n == std::floor(*n)) out.push_back(*n);
  }
  return out;
}

// Whether a sentence says an amount as a total ("samen", "in total",
// "would come to £195", "komt uit op € 95", "came to").
bool SaidAsTotal(const Sentence& sentence) {
  static const WordSet together = {"samen",   "totaal", "together",   "total",
                                   "allebei", "both",   "altogether", "combined",
                                   "all",     "beiden", "comes",      "komt"};
  const auto& st = sentence.tokens;
  for (size_t k = 0; k < st.size(); ++k)
    if (In(together, st[k].text) ||
        ((st[k].text == "come" || st[k].text == "comes" || st[k].text == "came") &&
         k + 1 < st.size() && st[k + 1].text == "to") ||
        ((st[k].text == "uit" || st[k].text == "samen") && k + 1 < st.size() &&
         st[k + 1].text == "op"))
      return true;
  return false;
}

// Whether `amount`, said in the reply's `sentence`, is worked out from
// the answer's prices rather than a price of its own (see the caller).
bool WorkedOut(double amount, const std::vector<Sentence>& pub, const std::vector<Fact>& pub_facts,
               const Sentence& sentence, const std::vector<Fact>& rep_facts) {
  std::vector<double> prices, shares;
  for (const Fact& p : pub_facts) {
    if (p.own || p.kind != ConflictKind::kAmount) continue;
    if (p.unit.starts_with("money") && p.lo > 0) prices.push_back(p.lo);
    if (p.unit == "percent" && p.lo > 0 && p.lo < 100) shares.push_back(p.lo);
  }
  if (prices.empty()) return false;
  // Numbers that are no amount of money (nor its cents or pence).
  auto counts = [](const std::vector<Token>& tokens, const std::vector<Fact>& facts) {
    std::vector<double> out;
    for (double n : WholeNumbers(tokens))
      if (std::none_of(facts.begin(), facts.end(), [&](const Fact& f) {
            return f.unit.starts_with("money") &&
                   (std::abs(f.lo - n) < 0.005 || std::abs(f.lo * 100 - n) < 0.5);
          }))
        out.push_back(n);
    return out;
  };
  std::vector<double> batches;  // the answer's counts: "per 1.000 stuks"
  for (const Sentence& s : pub)
    for (double q : counts(s.tokens, pub_facts)) batches.push_back(q);
  std::vector<double> totals = prices;
  const std::vector<double> told = counts(sentence.tokens, rep_facts);
  for (double n : told)
    for (double p : prices) {
      totals.push_back(p * n);
      for (double q : batches)
        if (n > q && std::fmod(n, q) == 0) totals.push_back(p * (n / q));
    }
  // A base with extras needs a count of what is had ("10 panelen").
  for (double base : prices)
    for (double extra : prices)
      if (extra < base && !told.empty())
        for (int j = 1; j <= 10; ++j) totals.push_back(base + extra * j);
  // A total for several named in words ("voor jou en je vriendin samen
  // € 25", "for the three of you that's $237"): a whole multiple of a
  // price, said as a total.
  const bool as_total = SaidAsTotal(sentence);
  if (as_total)
    for (double p : prices)
      for (int n = 2; n <= 12; ++n) totals.push_back(p * n);
  // Each price times a number the sentence names, added up ("52 × € 0,05
  // + 12 × € 0,20 = € 5,00").
  const bool summed = as_total || sentence.text.find('+') != std::string::npos ||
                      sentence.text.find('=') != std::string::npos;
  for (size_t i = 0; i < prices.size() && summed; ++i)
    for (size_t k = 0; k < prices.size(); ++k)
      if (i != k)
        for (const double n : told)
          for (const double m : told)
            if (n != m) totals.push_back(prices[i] * n + prices[k] * m);
  // Several of two prices ("£195" for two adults at £75 and a child at
  // £45), and a price shared out over the answer's count ("£1.20 a visit"
  // for a book of 10 at £12).
  for (double a : prices)
    for (double b : prices)
      if (a != b && as_total)
        for (int i = 1; i <= 4; ++i)
          for (int j = 1; j <= 4; ++j) totals.push_back(a * i + b * j);
  for (double p : prices)
    for (double q : batches)
      if (q >= 2) totals.push_back(std::round(p / q * 100) / 100);
  // A share of another amount the reply names ("£30,000" of a £120,000 pot
  // at 25 %; "£20" for a £30 ticket at a third off).
  for (const Fact& g : rep_facts)
    if (!g.own && g.unit.starts_with("money") && g.lo > 0 &&
        Lower(sentence.text).find(Lower(g.text)) != std::string::npos)
      for (double share : shares) {
        totals.push_back(std::round(g.lo * share) / 100);
        totals.push_back(std::round(g.lo * (100 - share)) / 100);
      }
  // A sum of the reply's own amounts in the sentence ("€ 699 and € 89 come
  // to € 788"), the customer's too; or one of them less or plus a price of
  // the answer ("you paid $2,400, you'll receive $2,325 back" less a $75
  // fee).
  std::vector<double> own;
  for (const Fact& f : rep_facts)
    if (f.unit.starts_with("money") && f.lo > 0 && std::abs(f.lo - amount) >= 0.005 &&
        Lower(sentence.text).find(Lower(f.text)) != std::string::npos)
      own.push_back(f.lo);
  for (size_t i = 0; i < own.size(); ++i) {
    for (size_t k = i + 1; k < own.size(); ++k)
      if (std::abs(own[i] + own[k] - amount) < 0.005) return true;
    for (const double p : prices) {
      if (std::abs(own[i] - p - amount) < 0.005 || std::abs(own[i] + p - amount) < 0.005)
        return true;
      // A running total: "£2.40, and the 2 colour pages bring it to £3.40"
      // at 50p a colour page.
      for (const double n : told)
        if (std::abs(own[i] + p * n - amount) < 0.005) return true;
    }
  }
  // Or an amount of another sentence less or plus a price of the answer
  // ("kost normaal € 32,50; met je CJP-pas betaal je € 27,50" at € 5 off).
  for (const Fact& g : rep_facts)
    if (g.unit.starts_with("money") && g.lo > 0 && std::abs(g.lo - amount) >= 0.005)
      for (const double p : prices)
        if (std::abs(g.lo - p - amount) < 0.005 || std::abs(g.lo + p - amount) < 0.005) return true;
  const size_t whole = totals.size();
  for (size_t i = 0; i < whole; ++i)
    for (double share : shares) totals.push_back(totals[i] * (1 - share / 100));
  return std::any_of(totals.begin(), totals.end(),
                     [&](double t) { return std::abs(t - amount) < 0.005; });
}

// The weekdays a text says something is open on (bit d for weekday d,
// 1..7), from "open Monday to Saturday", "op maandag gesloten", "every day
// except Sunday", "op werkdagen", "doordeweeks"; 0 when it says none.
// Clause by clause (split at commas, semicolons, "but" and "maar"): a
// clause with "closed" or "gesloten" anywhere names closed days.
struct OpenDaysSaid {
  int days = 0;
  // Only the closed days were said ("Maandag zijn we dicht"): the others
  // are open as far as it says, no more.
  bool by_closed_only = false;
};

OpenDaysSaid OpenDays(const std::vector<Sentence>& sentences) {
  static const WordSet opening = {
      "open",  "opens", "opened",  "geopend", "closed",   "gesloten",   "dicht",
      "langs", "pop",   "visit",   "welkom",  "welcome",  "bereikbaar", "terecht",
      "shut",  "runs",  "surgery", "deliver", "bezorgen", "bezorgt",    "leveren"};
  // "Op zondag bezorgen we niet", "we don't deliver on Sundays": closed.
  static const WordSet shut = {"closed", "gesloten", "dicht", "shut",  "niet",  "not",
                               "don't",  "doesn't",  "won't", "never", "nooit", "isn't"};
  static const WordSet to = {"to", "tot", "through", "till", "until", "-",
                             "t",  "m",   "t/m",     "en",   "met"};
  static const WordSet except = {"except", "behalve", "uitgezonderd", "excluding"};
  static const WordSet every = {"elke", "iedere", "every", "any",  "alle",
                                "all",  "7",      "zeven", "seven"};
  static const WordSet breaks = {"but", "maar"};
  constexpr int kAll = 0b11111110;
  int open = 0, shut_days = 0, single = 0;
  bool said = false;
  for (const Sentence& s : sentences) {
    // Words of the clause, lower case, with the punctuation that ends one.
    std::vector<std::vector<std::string>> clauses(1);
    std::string word;
    const auto flush = [&] {
      if (!word.empty()) clauses.back().push_back(word);
      word.clear();
    };
    for (const char c : Lower(s.text)) {
      if (c == ',' || c == ';') {
        flush();
        clauses.emplace_back();
      } else if (c == ' ' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')' || c == ':') {
        flush();
        if (!clauses.back().empty() && In(breaks, clauses.back().back())) {
          clauses.back().pop_back();
          clauses.emplace_back();
        }
      } else {
        word += c;
      }
    }
    flush();
    // "op zaterdag open van 10.00 tot 13.00 uur en op zondag gesloten": open
    // and closed in one clause are two, split at the "en" between them.
    for (size_t c = 0; c < clauses.size(); ++c) {
      std::vector<std::string>& t = clauses[c];
      size_t open_at = t.size(), shut_at = t.size();
      for (size_t i = 0; i < t.size(); ++i) {
        if (In(shut, t[i]) && shut_at == t.size()) shut_at = i;
        if (In(opening, t[i]) && !In(shut, t[i]) && open_at == t.size()) open_at = i;
      }
      if (open_at == t.size() || shut_at == t.size()) continue;
      const size_t lo = std::min(open_at, shut_at), hi = std::max(open_at, shut_at);
      for (size_t i = lo + 1; i < hi; ++i)
        if (t[i] == "en" || t[i] == "and") {
          std::vector<std::string> rest(t.begin() + static_cast<long>(i) + 1, t.end());
          t.resize(i);
          clauses.insert(clauses.begin() + static_cast<long>(c) + 1, std::move(rest));
          break;
        }
    }
    // A clause that begins with "and" and has no word of its own for open
    // or closed goes on with the one before ("open until 8pm Monday to
    // Thursday, and until 5pm on Fridays").
    bool about_before = false, closed_before = false;
    for (const std::vector<std::string>& t : clauses) {
      const bool own =
          std::any_of(t.begin(), t.end(), [](const std::string& w) { return In(opening, w); });
      // And a list of days across commas ("op dinsdag, donderdag en zaterdag").
      const bool goes_on =
          !own && !t.empty() &&
          (t[0] == "and" || t[0] == "en" || t[0] == "or" || t[0] == "of" || WeekdayOf(t[0]) > 0);
      bool about = goes_on && about_before, closed = goes_on && closed_before;
      // "we're open again from Tuesday": where it starts, not the days.
      bool everyday = false, excepting = false, spans = false, from_day = false;
      int days = 0, excluded = 0;
      for (size_t i = 0; i < t.size(); ++i) {
        const std::string& w = t[i];
        about = about || In(opening, w);
        closed = closed || In(shut, w);
        excepting = excepting || In(except, w);
        if (w == "dagelijks" || w == "daily" ||
            (In(every, w) && i + 1 < t.size() &&
             (t[i + 1] == "dag" || t[i + 1] == "day" || t[i + 1] == "dagen" || t[i + 1] == "days")))
          everyday = true;
        int found = 0;
        if (w == "werkdagen" || w == "weekdays" || w == "doordeweeks") found = 0b00111110;
        if (w == "weekend" || w == "weekends" || w == "weekenden") found = 0b11000000;
        spans = spans || found != 0;
        // A day with its date is a date ("Friday 19 December", "Monday the
        // 5th"), not a day of every week.
        size_t n = i + 1;
        if (n < t.size() && (t[n] == "the" || t[n] == "de")) ++n;
        static const WordSet clock = {"uur", "u", "h", "am", "pm", "o'clock"};
        const bool dated =
            n < t.size() &&
            (MonthOf(t[n]) ||
             (t[n].size() <= 4 && std::isdigit(static_cast<unsigned char>(t[n][0])) &&
              std::all_of(t[n].begin(), t[n].end(),
                          [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }) &&
              t[n].find_first_of("ap") == std::string::npos &&
              (n + 1 >= t.size() || !In(clock, t[n + 1]))));
        if (const int d = WeekdayOf(w); d > 0 && !dated) {
          found = 1 << d;
          from_day = from_day || (i > 0 && (t[i - 1] == "from" || t[i - 1] == "vanaf"));
          // A stretch: "Monday to Saturday", "maandag t/m vrijdag".
          size_t k = i + 1;
          while (k < t.size() && k < i + 4 && In(to, t[k])) ++k;
          if (k > i + 1 && k < t.size())
            if (const int e = WeekdayOf(t[k]); e > 0) {
              found = 0;
              spans = true;
              for (int x = d;; x = x % 7 + 1) {
                found |= 1 << x;
                if (x == e) break;
              }
              i = k;
            }
        }
        if (found) (excepting ? excluded : days) |= found;
      }
      about_before = about;
      closed_before = closed;
      if (!about && !everyday) continue;
      if (closed) {
        shut_days |= days;
      } else if (everyday) {
        open |= kAll & ~excluded;
        said = true;
      } else if (days && (spans || std::popcount(static_cast<unsigned>(days)) > 1)) {
        open |= days & ~excluded;
        said = true;
      } else if (days && !from_day) {
        single |= days;
      }
    }
  }
  // One day's own hours ("op woensdag open tot 20.00 uur") beside the
  // closed days tell no more than those.
  if (!said) open = shut_days ? kAll : single;
  return {open & ~shut_days, !said && shut_days != 0};
}

// The weekdays of a set, written out ("maandag, dinsdag").
std::string DayNames(int days, Language lang) {
  static const std::array<std::string_view, 8> nl = {"",          "maandag", "dinsdag",  "woensdag",
                                                     "donderdag", "vrijdag", "zaterdag", "zondag"};
  static const std::array<std::string_view, 8> en = {"",         "Monday", "Tuesday",  "Wednesday",
                                                     "Thursday", "Friday", "Saturday", "Sunday"};
  std::string out;
  for (int d = 1; d <= 7; ++d)
    if (days & (1 << d)) {
      if (!out.empty()) out += ", ";
      out += lang == Language::kNl ? nl[d] : en[d];
    }
  return out;
}

// Whether a sentence turns a time into another zone: it names two zones
// ("Pacific", "ET", "UTC") or the customer's own time ("your time", "jouw
// tijd"; not "local time", which is the answer's own).
bool InTwoZones(const Sentence& s) {
  static const WordSet yours = {"your", "jouw", "uw", "je"};
  std::set<std::string_view> named;
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    const std::string& w = s.tokens[k].text;
    if (In(TimeZoneWords(), w)) named.insert(w);
    if (k + 1 < s.tokens.size() && In(yours, w) &&
        (s.tokens[k + 1].text == "time" || s.tokens[k + 1].text == "tijd"))
      return true;
  }
  return named.size() >= 2;
}

// Whether the reply's date is the day something opens again after the
// answer's last closed day ("gesloten tot en met vrijdag 8 augustus"
// against "maandag 11 augustus staan wij weer voor u klaar"): worked out.
// `last` ends the closed stretch: "t/m 17 augustus", or "from 4 August to
// 17 August" in the answer's sentence `said`.
bool ReopensAfter(const Fact& date, const Fact& last, const std::vector<Sentence>& rep,
                  const Sentence& said) {
  if (date.unit != "date" || last.unit != "date") return false;
  // Whole months: the month after the last of a list ("in juni, juli en
  // augustus elke week" against "vanaf september weer om de week").
  const bool months = static_cast<int>(date.lo) % 100 == 0 && static_cast<int>(last.lo) % 100 == 0;
  if (last.edge <= 0) {
    const std::string text = Lower(said.text);
    const size_t at = text.find(Lower(last.text));
    if (at == std::string::npos || at < 4) return false;
    const std::string before = text.substr(0, at);
    if (!before.ends_with(" to ") && !before.ends_with(" tot ") && !before.ends_with("-") &&
        !before.ends_with(" until ") && !before.ends_with(" till ") &&
        !(months && (before.ends_with(" en ") || before.ends_with(" and "))))
      return false;
  }
  if (months) {
    const int m = static_cast<int>(date.lo) / 100, l = static_cast<int>(last.lo) / 100;
    if (m != l % 12 + 1) return false;
    static const WordSet again = {"weer", "again", "back", "resume", "resumes", "hervat"};
    const std::vector<Token>& t = rep[date.sentence].tokens;
    return std::any_of(t.begin(), t.end(), [](const Token& x) { return In(again, x.text); });
  }
  static constexpr std::array<int, 13> kBefore = {0,   0,   31,  59,  90,  120, 151,
                                                  181, 212, 243, 273, 304, 334};
  const auto day = [](double mmdd) {
    const int m = static_cast<int>(mmdd) / 100, d = static_cast<int>(mmdd) % 100;
    return m >= 1 && m <= 12 ? kBefore[static_cast<size_t>(m)] + d : -1000;
  };
  const int after = day(date.lo) - day(last.lo);
  if (after < 1 || after > 3) return false;
  static const WordSet again = {"weer",   "again",   "reopen", "reopens", "back",
                                "resume", "resumes", "hervat", "terug"};
  const std::vector<Token>& t = rep[date.sentence].tokens;
  return std::any_of(t.begin(), t.end(), [](const Token& x) { return In(again, x.text); });
}

}  // namespace

void ReplyCheck::CheckValues() {
  // The days it is open on, as sets: "closed on Mondays" is "open Tuesday
  // to Sunday", and "every day except Sunday" is not.
  const OpenDaysSaid pub_said = OpenDays(pub), rep_said = OpenDays(rep);
  const int pub_days = pub_said.days, rep_days = rep_said.days;
  const bool days_compared = pub_days != 0 && rep_days != 0;
  // Where one text only says when it is closed, the other conflicts only
  // by a day of the other status ("Maandag zijn we dicht" beside "open
  // dinsdag t/m zaterdag" says nothing of Sunday).
  constexpr int kWeek = 0b11111110;
  const bool days_differ =
      rep_said.by_closed_only && !pub_said.by_closed_only   ? ((kWeek & ~rep_days) & pub_days) != 0
      : pub_said.by_closed_only && !rep_said.by_closed_only ? (rep_days & ~pub_days) != 0
                                                            : pub_days != rep_days;
  if (days_compared && days_differ) {
    const auto with_day = [](const std::vector<Sentence>& v) -> const Sentence& {
      for (const Sentence& x : v)
        if (std::any_of(x.tokens.begin(), x.tokens.end(),
                        [](const Token& t) { return WeekdayOf(t.text) > 0; }))
          return x;
      return v.front();
    };
    Add("date.open_days", ConflictKind::kDate, DayNames(pub_days, lang), DayNames(rep_days, lang),
        with_day(pub), with_day(rep));
  }

  // A day the answer is closed on, said to be open: "gesloten op Eerste en
  // Tweede Kerstdag" against "op tweede kerstdag kun je gewoon komen
  // trainen".
  {
    static const WordSet closed = {"gesloten", "dicht", "closed", "shut"};
    static const WordSet open = {"open", "geopend", "terecht", "welkom",  "welcome",
                                 "kun",  "kunt",    "kan",     "can",     "komen",
                                 "come", "langs",   "trainen", "bezoeken"};
    const auto says = [](const Sentence& c, const WordSet& words) {
      return std::any_of(c.tokens.begin(), c.tokens.end(),
                         [&](const Token& t) { return In(words, t.text); });
    };
    for (const Fact& f : rep_facts) {
      if (f.own || f.kind != ConflictKind::kDate || f.unit != "date") continue;
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      if (around.condition || around.negations % 2 || says(around, closed) || !says(around, open))
        continue;
      // Not the answer's exception ("gesloten, behalve op tweede paasdag").
      const auto excepted = [&](const Fact& p) {
        const std::string text = Lower(pub[p.sentence].text);
        const size_t at = text.find(Lower(p.text));
        const std::string before = text.substr(0, at == std::string::npos ? 0 : at);
        for (std::string_view w : {"behalve", "except", "uitgezonderd", "exception", "buiten"})
          if (before.find(w) != std::string::npos) return true;
        return false;
      };
      const auto shut = std::find_if(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
        return !p.own && p.kind == ConflictKind::kDate && p.unit == "date" && p.lo == f.lo &&
               p.hi == f.hi && pub[p.sentence].negations % 2 == 0 &&
               says(pub[p.sentence], closed) && !excepted(p);
      });
      if (shut == pub_facts.end()) continue;
      Add("date.open_on_a_closed_day", ConflictKind::kDate, shut->text, f.text, pub[shut->sentence],
          rep[f.sentence]);
      break;
    }
  }

  // Facts: amounts, periods, deadlines, dates. What each of the reply's
  // came to: nothing to compare, the answer's value, let pass by a guard
  // below, a conflict, or a different value about something that seemed
  // else (compared again by elimination after the loop).
  enum class Outcome { kNone, kSame, kGuarded, kBounded, kConflict, kElsewhere };
  std::vector<Outcome> outcome(rep_facts.size(), Outcome::kNone);
  std::vector<const Fact*> bounded_by(rep_facts.size(), nullptr);
  std::vector<bool> not_a_price(rep_facts.size(), false);  // beside the answer's "free"
  std::vector<bool> set_aside(rep_facts.size(), false);    // "rather than your usual £300"
  for (const Fact& f : rep_facts) {
    Outcome& result = outcome[static_cast<size_t>(&f - rep_facts.data())];
    if (f.own) continue;
    if (days_compared && f.unit == "weekday") continue;
    std::vector<const Fact*> candidates;
    for (const Fact& p : pub_facts)
      if (!p.own && Comparable(f, p)) candidates.push_back(&p);
    // A price per something said once with "per" and once without ("£65
    // per block" against "each block is £75"; "elk extra paneel kost
    // € 280" against "€ 320 per extra paneel"): the same when the other
    // sentence names what it is per.
    if (candidates.empty() && f.unit.starts_with("money"))
      for (const Fact& p : pub_facts) {
        if (p.own || p.kind != f.kind || !p.unit.starts_with("money") || p.unit == f.unit) continue;
        const bool f_plain = f.unit == "money", p_plain = p.unit == "money";
        if (f_plain == p_plain) continue;
        // A whole number of them is a total ("€ 60 per vlucht": € 120 there
        // and back; "$1.95 per pound": $19.50 for the ten-pound minimum).
        const double times = p.lo > 0 ? f.lo / p.lo : 0;
        if (f_plain && times >= 2 && std::abs(times - std::round(times)) < 0.001) continue;
        const std::string per = (f_plain ? p.unit : f.unit).substr(6);
        const Sentence& plain = f_plain ? rep[f.sentence] : pub[p.sentence];
        // The unit was stemmed as English ("paneel" stays "paneel").
        if (std::any_of(plain.stems.begin(), plain.stems.end(),
                        [&](const std::string& x) { return SameThing(per, x); }) ||
            std::any_of(plain.tokens.begin(), plain.tokens.end(),
                        [&](const Token& x) { return Stem(x.text, Language::kEn) == per; }))
          candidates.push_back(&p);
      }
    // A total for the customer's number of nights, days or months at the
    // answer's one rate, worked out wrong ("for your three nights ... €45"
    // at €18 a night).
    if (candidates.empty() && f.kind == ConflictKind::kAmount && f.unit == "money" &&
        f.lo == f.hi) {
      const Fact* rate = nullptr;
      size_t rates = 0;
      std::vector<double> shares;
      bool said_as_such = false;
      for (const Fact& p : pub_facts) {
        if (p.own || p.kind != ConflictKind::kAmount) continue;
        if (p.unit == "percent") shares.push_back(p.lo);
        if (p.unit == "money" && std::abs(p.lo - f.lo) < 0.005) said_as_such = true;
        if (p.unit.starts_with("money/") && p.lo == p.hi &&
            std::isdigit(static_cast<unsigned char>(p.unit[6]))) {
          rate = &p;
          ++rates;
        }
      }
      if (rates == 1 && !said_as_such) {
        const double per_minutes = std::stod(rate->unit.substr(6));
        for (const Fact& n : rep_facts) {
          if (n.own || n.sentence != f.sentence || n.kind != ConflictKind::kPeriod ||
              n.unit != "hours" || n.lo != n.hi || per_minutes <= 0)
            continue;
          const double times = n.lo * 60 / per_minutes;
          if (times < 2 || times > 60 || std::abs(times - std::round(times)) > 1e-6) continue;
          // The rate itself ("a £15 nightly charge") or the total.
          bool fits =
              std::abs(rate->lo - f.lo) < 0.005 || std::abs(times * rate->lo - f.lo) < 0.005;
          for (const double share : shares)
            fits = fits || std::abs(times * rate->lo * (1 - share / 100) - f.lo) < 0.005;
          // The reply's own rate for another thing ("5 days at £31"), or a
          // total of the sentence's amounts ("£155, plus ... £60, so £215").
          const std::string lower = Lower(rep[f.sentence].text);
          const size_t at = lower.find(Lower(f.text));
          fits = fits ||
                 (at != std::string::npos && at >= 3 &&
                  (lower.compare(at - 3, 3, "at ") == 0 ||
                   (at >= 4 && lower.compare(at - 4, 4, "at £") == 0))) ||
                 WorkedOut(f.lo, pub, pub_facts, rep[f.sentence], rep_facts);
          // Or the right total is said beside it: this one is another thing
          // ("€ 45 for Bobby on top of the room price of € 389").
          for (const Fact& g : rep_facts)
            fits = fits || (&g != &f && g.sentence == f.sentence && g.unit == "money" && g.lo > 0 &&
                            (std::abs(times * g.lo - f.lo) < 0.005 ||
                             std::abs(times * rate->lo - g.lo) < 0.005));
          if (!fits) {
            Add("fact.total_worked_out_wrong", ConflictKind::kAmount, rate->text,
                n.text + ": " + f.text, pub[rate->sentence], rep[f.sentence]);
            result = Outcome::kConflict;
          }
          break;
        }
      }
      continue;
    }
    if (candidates.empty()) continue;
    // The answer's price per something said without what it is per ("£65
    // for the twelve months" against "£65 per year" beside "£25 for
    // electric vehicles").
    if (f.unit == "money" && f.lo == f.hi && f.lo > 0 &&
        std::none_of(candidates.begin(), candidates.end(),
                     [&](const Fact* p) { return SameValue(f, *p); }) &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
          return !p.own && p.unit.starts_with("money/") && p.lo == p.hi &&
                 std::abs(p.lo - f.lo) < 0.005;
        })) {
      result = Outcome::kSame;
      continue;
    }
    const Fact* best = nullptr;
    double best_related = -1, same_related = -1;
    // Of two times in one sentence, the one on the same side: "ready from
    // half eight" is about "collected from 7:30am", not "booked by 10pm".
    const auto side = [](const Sentence& s, const Fact& x) {
      static const WordSet start = {"from", "vanaf", "opens", "open", "after", "na", "starts"};
      static const WordSet end = {"to",   "tot",       "until",  "till",  "by",  "before",
                                  "voor", "uiterlijk", "closes", "sluit", "and", "en"};
      const std::string text = Lower(s.text);
      const std::string head = Lower(x.text.substr(0, x.text.find(' ')));
      const size_t at = text.find(head);
      if (at == std::string::npos) return 0;
      const std::vector<Token> before = Tokens(text.substr(0, at));
      for (size_t k = before.size(); k-- > 0 && k + 3 >= before.size();) {
        if (In(start, before[k].text)) return 1;
        if (In(end, before[k].text)) return -1;
      }
      return 0;
    };
    const int f_side = f.kind == ConflictKind::kDeadline ? side(rep[f.sentence], f) : 0;
    for (const Fact* p : candidates) {
      // A bound said as the answer's bound is about it ("over thirty
      // dollars" against "free on orders over $35", beside "$4.99").
      const double r =
          Related(rep[f.sentence], pub[p->sentence]) +
          (f.kind == ConflictKind::kAmount && f.bound != 0 && p->bound == f.bound ? 0.2 : 0.0);
      if (SameValue(f, *p)) same_related = std::max(same_related, r);
      if (r > best_related ||
          (r == best_related && f_side != 0 && best && side(pub[best->sentence], *best) != f_side &&
           side(pub[p->sentence], *p) == f_side)) {
        best_related = r;
        best = p;
      }
    }
    // Against "free" where the answer makes it free from an amount on
    // ("delivery is free on orders over £1,000"), an amount is weighed
    // against that amount.
    // So is an amount the reply says costs nothing for ("je boodschappen
    // komen op € 72, dus voor de bezorging betaal je niks").
    static const WordSet nothing = {"niks", "niets", "nothing", "free", "gratis", "kosteloos"};
    const bool said_free = std::any_of(rep[f.sentence].tokens.begin(), rep[f.sentence].tokens.end(),
                                       [](const Token& t) { return In(nothing, t.text); });
    if (best->unit.starts_with("money") && (best->hi <= 0 || said_free))
      for (const Fact* p : candidates)
        // Said free, only on the free side of it.
        if (p->bound > 0 && p->unit == best->unit && (best->hi <= 0 || f.lo >= p->lo)) {
          best = p;
          break;
        }
    // A value the answer states agrees, unless another of its values is
    // plainly what the reply's sentence is about ("taken on the 1st"
    // against "collected on the 5th", beside "any day from the 1st to the
    // 28th").
    size_t in_sentence = 0;
    for (const Fact& g : rep_facts)
      in_sentence += !g.own && g.sentence == f.sentence &&
                     (Comparable(f, g) || (f.kind == ConflictKind::kDate && g.kind == f.kind));
    // One value said twice, once per clause, where the answer says it
    // once: clause by clause. "we need 30 days' notice before you move out,
    // and your deposit comes back within 30 days" says the answer's 30 days
    // of the deposit, and another value of the notice.
    const auto twice = [&] {
      size_t in_reply = 0, in_answer = 0;
      for (const Fact& g : rep_facts)
        in_reply += !g.own && g.sentence == f.sentence && Comparable(f, g) && SameValue(f, g);
      for (const Fact* p : candidates) in_answer += SameValue(f, *p);
      return in_reply >= 2 && in_answer == 1;
    };
    if (in_sentence > 1 && same_related >= 0 && f.kind != ConflictKind::kDate && twice()) {
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      double clause_best = -1, clause_same = -1;
      const Fact* by_clause = nullptr;
      for (const Fact* p : candidates) {
        const double r = Related(around, reader.Read(ClauseOf(pub_facts, *p, pub[p->sentence])));
        if (SameValue(f, *p)) clause_same = std::max(clause_same, r);
        if (r > clause_best) {
          clause_best = r;
          by_clause = p;
        }
      }
      if (by_clause && !SameValue(f, *by_clause) && clause_best >= kSameClaim &&
          clause_best > clause_same + 0.2) {
        same_related = -1;
        best = by_clause;
        best_related = std::max(best_related, kSameClaim);
      }
    }
    // A time the answer gives only on the other side ("check in from two"
    // against "from 15.00 ... late check-out until 14.00") is not its time
    // when the answer names another on this side in a clause as much
    // about it.
    // Only where the reply's word of side stands right before its time.
    const auto right_before = [](const Sentence& s, const Fact& x) {
      const std::string text = Lower(s.text);
      const size_t at = text.find(Lower(x.text.substr(0, x.text.find(' '))));
      if (at == std::string::npos) return false;
      const std::vector<Token> before = Tokens(text.substr(0, at));
      static const WordSet side_words = {"from",  "vanaf", "after", "na",     "to",   "tot",
                                         "until", "till",  "by",    "before", "voor", "uiterlijk"};
      return !before.empty() && In(side_words, before.back().text);
    };
    if (same_related >= 0 && f_side != 0 && right_before(rep[f.sentence], f)) {
      const Fact* this_side = nullptr;
      bool same_here = false;
      for (const Fact* p : candidates) {
        const int p_side = side(pub[p->sentence], *p);
        if (SameValue(f, *p))
          same_here = same_here || p_side != -f_side;
        else if (p_side == f_side && !this_side)
          this_side = p;
      }
      if (!same_here && this_side &&
          Related(rep[f.sentence], pub[this_side->sentence]) >= same_related) {
        same_related = -1;
        best = this_side;
      }
    }
    if (same_related >= 0 &&
        !(in_sentence == 1 && best_related >= kSameClaim && best_related > same_related + 0.2)) {
      result = Outcome::kSame;
      // The same value on the other side: "minimaal 3 dagen" against
      // "maximaal 3 dagen", "at least 2 guests" against "at most 2" (not
      // when the answer itself says both sides: "up to 20GB free, beyond
      // that £2 per GB").
      if (f.kind == ConflictKind::kAmount || f.kind == ConflictKind::kPeriod) {
        const Fact* flipped = nullptr;
        bool both_sides = false;
        for (const Fact* p : candidates) {
          if (!SameValue(f, *p) || p->bound == 0) continue;
          if (p->bound == f.bound) both_sides = true;
          if (p->bound == -f.bound && f.bound != 0 &&
              Related(rep[f.sentence], pub[p->sentence]) >= kSameClaim)
            flipped = p;
        }
        // "up to 24 hours before" is "more than a day before": a lead
        // time bounds the other way.
        const auto lead = [](const Sentence& x, const Fact& v) {
          static const WordSet before = {"before",      "beforehand", "prior",   "advance",
                                         "voor",        "vooraf",     "tevoren", "voordat",
                                         "voorafgaand", "ahead",      "earlier", "eerder"};
          const std::string text = Lower(x.text);
          const size_t at = text.find(Lower(v.text));
          if (at == std::string::npos) return true;
          const std::vector<Token> rest = Tokens(text.substr(at + v.text.size()));
          for (size_t k = 0; k < rest.size() && k < 4; ++k)
            if (In(before, rest[k].text)) return true;
          return false;
        };
        if (flipped && !both_sides && f.kind == ConflictKind::kPeriod &&
            (lead(rep[f.sentence], f) || lead(pub[flipped->sentence], *flipped)))
          flipped = nullptr;
        if (flipped && !both_sides)
          Add("fact.other_side", f.kind, flipped->text, f.text, pub[flipped->sentence],
              rep[f.sentence]);
      }
      continue;
    }
    // What a guard below lets pass is still a finding, a weak one.
    auto weak = [&](std::string_view signal) {
      result = Outcome::kGuarded;
      Add(signal, f.kind, best->text, f.text, pub[best->sentence], rep[f.sentence]);
    };
    // A time turned into another zone: "the deadline is 8:59 p.m. your time
    // (11:59 p.m. Eastern)", "11:30 a.m. Pacific, which is 2:30 p.m.
    // Eastern", "3 to 5 a.m. your time in Berlin": the sentence names two
    // zones, or the customer's own time.
    if (f.kind == ConflictKind::kDeadline && InTwoZones(rep[f.sentence])) {
      weak("fact.time_zone");
      continue;
    }
    // A day from Monday to Friday where the answer says weekdays ("viewings
    // run until 7pm on weekdays" against "6.15 on Tuesday is fine").
    if (f.kind == ConflictKind::kDate && f.unit == "weekday" && f.lo >= 1 && f.lo <= 5 &&
        rep[f.sentence].negations % 2 == 0 &&
        std::any_of(pub.begin(), pub.end(), [](const Sentence& p) {
          return std::any_of(p.tokens.begin(), p.tokens.end(), [](const Token& t) {
            return t.text == "weekdays" || t.text == "werkdagen" || t.text == "doordeweeks" ||
                   t.text == "weekday" || t.text == "werkdag";
          });
        })) {
      weak("fact.a_weekday");
      continue;
    }
    // Another day than the one the answer rules out ("Planten versturen we
    // niet op vrijdag" against "hij gaat woensdag de deur uit"), when the
    // answer names no day it does.
    if (f.kind == ConflictKind::kDate && f.unit == "weekday" &&
        std::all_of(candidates.begin(), candidates.end(), [&](const Fact* p) {
          return p->unit != "weekday" || pub[p->sentence].negations % 2 == 1;
        })) {
      weak("fact.not_the_day_ruled_out");
      continue;
    }
    // The answer's value said again in another sentence of the reply, at
    // least as much about it: this one is about something else ("the
    // course is on 14 June ... your exam on 20 June").
    const bool restated = std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
      return !g.own && g.sentence != f.sentence && Comparable(g, *best) && SameValue(g, *best) &&
             Related(rep[g.sentence], pub[best->sentence]) >=
                 Related(rep[f.sentence], pub[best->sentence]);
    });
    // Or in another clause of the same sentence, where the answer gives
    // one value of the kind ("the badge desk opens at 8 both mornings, and
    // the first keynote is at 9:30").
    // Not where the answer works a second time out from it ("last entry
    // an hour before closing").
    const bool restated_beside =
        candidates.size() == 1 && f.kind == ConflictKind::kDeadline &&
        std::none_of(pub_facts.begin(), pub_facts.end(),
                     [](const Fact& p) {
                       return p.kind == ConflictKind::kPeriod && p.unit == "hours" && p.lo <= 4;
                     }) &&
        std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
          return &g != &f && !g.own && g.sentence == f.sentence && Comparable(g, *best) &&
                 SameValue(g, *best) &&
                 ClauseOf(rep_facts, g, rep[g.sentence]) != ClauseOf(rep_facts, f, rep[f.sentence]);
        });
    // A window the reply gives ("somewhere between 1 and 5 pm") is when
    // something happens, not the answer's cut-off ("booked before 11 am").
    const bool window = f.kind == ConflictKind::kDeadline && best->bound != 0 && [&] {
      const std::string text = Lower(rep[f.sentence].text);
      const size_t at = text.find(Lower(f.text));
      if (at == std::string::npos) return false;
      const std::string before = text.substr(at >= 24 ? at - 24 : 0, at >= 24 ? 24 : at);
      return (before.find("between") != std::string::npos ||
              before.find("tussen") != std::string::npos) &&
             (before.ends_with(" and ") || before.ends_with(" en "));
    }();
    if (restated_beside || window) {
      weak(window ? "fact.window" : "fact.restated");
      continue;
    }
    if (restated) {
      weak("fact.restated");
      result = Outcome::kElsewhere;  // about something else: the elimination decides
      continue;
    }
    // Another thing of the same name by its colour ("uw grijze container"
    // against "de groene container"): the reply's value is about that one.
    {
      static const WordSet colours = {
          "groen",  "groene", "grijs",  "grijze", "blauw", "blauwe", "geel", "gele",
          "oranje", "zwart",  "zwarte", "wit",    "witte", "rood",   "rode", "bruin",
          "bruine", "paars",  "paarse", "green",  "grey",  "gray",   "blue", "yellow",
          "orange", "black",  "white",  "red",    "brown", "purple", "pink", "roze"};
      const auto colour_of = [&](const Sentence& s, const std::string& noun) -> std::string {
        for (size_t k = 0; k + 1 < s.tokens.size(); ++k)
          if (In(colours, s.tokens[k].text) && Stem(s.tokens[k + 1].text, lang) == noun)
            return s.tokens[k].text.substr(0, 4);
        return {};
      };
      bool other_colour = false;
      for (size_t k = 0; k + 1 < rep[f.sentence].tokens.size() && !other_colour; ++k) {
        if (!In(colours, rep[f.sentence].tokens[k].text)) continue;
        const std::string noun = Stem(rep[f.sentence].tokens[k + 1].text, lang);
        const std::string theirs = colour_of(pub[best->sentence], noun);
        other_colour = !theirs.empty() && theirs != rep[f.sentence].tokens[k].text.substr(0, 4);
      }
      if (other_colour) {
        weak("fact.other_colour");
        continue;
      }
    }
    // A value set aside: "the £95 glass excess would apply rather than your
    // usual £300 accident excess", "om 8.30 uur in plaats van 10.00 uur".
    {
      const std::string text = Lower(rep[f.sentence].text);
      const size_t at = text.find(Lower(f.text));
      const std::string before = text.substr(0, at == std::string::npos ? 0 : at);
      const auto near_end = [&](std::string_view w) {
        const size_t k = before.rfind(w);
        return k != std::string::npos && before.size() - k <= w.size() + 14;
      };
      if (near_end("rather than") || near_end("instead of") || near_end("in plaats van") ||
          near_end("in stead of")) {
        weak("fact.set_aside");
        result = Outcome::kElsewhere;  // a value of something else, never eliminated
        set_aside[static_cast<size_t>(&f - rep_facts.data())] = true;
        continue;
      }
    }
    // The day it is back after the answer's last closed day ("closed from
    // 4 August to 17 August" against "it's back from 18 August").
    if (f.kind == ConflictKind::kDate &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& last) {
          return !last.own && ReopensAfter(f, last, rep, pub[last.sentence]);
        })) {
      weak("fact.reopens_after");
      continue;
    }
    // A day inside a stretch the answer gives ("Monday to Saturday", "from
    // 1 December to 4 January"): the next value of the same kind after one
    // of the answer's, in a sentence that says "to".
    // Not when the reply gives a stretch itself ("van 1 april tot en met 30
    // september"): then its ends are compared.
    // But "between March and November - your next collection is 16 April":
    // a value inside a stretch of the reply's own is still looked for
    // inside the answer's.
    static const std::vector<std::string_view> kJoin = {
        " to ",   " tot ", " t/m ", " until ", " through ",
        " till ", " and ", " en ",  "-",       "\xE2\x80\x93"};
    const auto joined = [&](const Fact& g, const Fact& h) {
      const std::string text = Lower(rep[g.sentence].text);
      const size_t a = text.find(Lower(g.text));
      const size_t b = a == std::string::npos ? a : text.find(Lower(h.text), a + g.text.size());
      if (b == std::string::npos || b - a - g.text.size() > 14) return false;
      const std::string between = text.substr(a + g.text.size(), b - a - g.text.size());
      return std::any_of(kJoin.begin(), kJoin.end(),
                         [&](std::string_view w) { return between.find(w) != std::string::npos; });
    };
    // Not when the value is an end of a stretch itself ("8 am to 8 pm ...
    // and 9 am to 3 pm").
    const auto same_sentence = [&](const Fact& g) {
      return &g != &f && !g.own && g.sentence == f.sentence && g.unit == f.unit;
    };
    const bool an_end = std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
      return same_sentence(g) && (joined(g, f) || joined(f, g));
    });
    bool inside_own = false;
    for (const Fact& g : rep_facts)
      for (const Fact& h : rep_facts)
        inside_own = inside_own || (!an_end && same_sentence(g) && same_sentence(h) && &g != &h &&
                                    g.lo < f.lo && f.lo < h.lo && joined(g, h));
    const bool reply_stretch =
        !inside_own && std::count_if(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
                         return !g.own && g.sentence == f.sentence && g.unit == f.unit;
                       }) > 1;
    // And a length inside one ("delayed by 15 to 29 minutes": 22 minutes).
    // A time the reply gives as a limit ("tot 22.00 uur") is compared.
    const bool limit_time = f.kind == ConflictKind::kDeadline && [&] {
      static const WordSet limits = {"tot",       "until", "till",  "voor",  "before", "by",
                                     "uiterlijk", "vanaf", "from",  "after", "na",     "opens",
                                     "closes",    "open",  "sluit", "dicht", "later"};
      const std::string text = Lower(rep[f.sentence].text);
      const size_t at = text.find(Lower(f.text));
      if (at == std::string::npos) return false;
      const std::vector<Token> before = Tokens(text.substr(0, at));
      for (size_t k = before.size() >= 2 ? before.size() - 2 : 0; k < before.size(); ++k)
        if (In(limits, before[k].text)) return true;
      return false;
    }();
    if (((f.kind == ConflictKind::kDate && (f.unit == "date" || f.unit == "weekday")) ||
         f.kind == ConflictKind::kPeriod || (f.kind == ConflictKind::kDeadline && !limit_time)) &&
        !reply_stretch) {
      static const std::vector<std::string_view> kTo = {
          " to ", " tot ", " t/m ", " until ", " through ", " till ", "-", "\xE2\x80\x93"};
      bool inside = false;
      for (size_t a = 0; a < pub_facts.size() && !inside; ++a) {
        const Fact& x = pub_facts[a];
        if (x.own || x.unit != f.unit) continue;
        for (size_t b = a + 1; b < pub_facts.size(); ++b) {
          const Fact& y = pub_facts[b];
          if (y.own || y.kind != f.kind || y.sentence != x.sentence) continue;
          // The two joined by "to" and nothing much else ("Monday to
          // Saturday", "van 1 december tot en met 4 januari").
          const std::string text = Lower(pub[x.sentence].text);
          const size_t from = text.find(Lower(x.text));
          const size_t to = from == std::string::npos ? from : text.find(Lower(y.text), from + 1);
          if (y.unit == x.unit && to != std::string::npos && to - from <= x.text.size() + 14) {
            const std::string between =
                text.substr(from + x.text.size(), to - from - x.text.size());
            // Or "tussen 8.00 en 10.00 uur", "between 3 and 8 pm".
            const std::string opening = text.substr(from >= 9 ? from - 9 : 0, from >= 9 ? 9 : from);
            const bool between_and =
                f.kind == ConflictKind::kDeadline && f.bound == 0 &&
                (opening.ends_with("between ") || opening.ends_with("tussen ")) &&
                (between.find(" and ") != std::string::npos ||
                 between.find(" en ") != std::string::npos);
            if (between_and || std::any_of(kTo.begin(), kTo.end(), [&](std::string_view w) {
                  return between.find(w) != std::string::npos;
                }))
              // A time strictly inside: at an end, the ends are compared.
              inside = f.kind == ConflictKind::kDeadline ? f.lo > x.lo && f.lo < y.lo
                       : x.lo <= y.lo                    ? f.lo >= x.lo && f.lo <= y.lo
                                                         : f.lo >= x.lo || f.lo <= y.lo;
          }
          break;
        }
      }
      // Or one fact that is a stretch itself ("15 to 29 minutes").
      for (const Fact& x : pub_facts)
        inside = inside || (!x.own && x.kind == f.kind && x.unit == f.unit && x.hi > x.lo &&
                            f.lo == f.hi && f.lo > x.lo && f.lo < x.hi);
      if (inside) {
        weak("fact.inside_stretch");
        continue;
      }
    }
    // A total worked out from the answer's prices: a whole number of the
    // same sentence times one of them ("5 nachten: € 105" at € 21 a night),
    // per the answer's batch ("5.000 flyers" at € 45 per 1.000), a base
    // with extras ("10 panelen: € 4.520" at € 3.960 for 8 and € 280 per
    // extra one), less one of the answer's percentages.
    // A time worked out from the answer's time and period: "last entry
    // 30 minutes before closing" at 8 pm is "in by 7:30 in the evening".
    if (f.kind == ConflictKind::kDeadline &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& d) {
          return d.kind == ConflictKind::kDeadline &&
                 std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
                   if (p.kind != ConflictKind::kPeriod || p.unit != "hours" || p.lo != p.hi ||
                       p.lo > 4)
                     return false;
                   // Before or after the answer's time, as it says.
                   const std::string said = Lower(pub[p.sentence].text);
                   const size_t at = said.find(Lower(p.text));
                   if (at == std::string::npos) return false;
                   const std::string rest = said.substr(at + p.text.size());
                   const int sign = rest.starts_with(" before") || rest.starts_with(" voor") ||
                                            rest.starts_with(" eerder") ||
                                            rest.starts_with(" earlier")
                                        ? -1
                                    : rest.starts_with(" after") || rest.starts_with(" na") ||
                                            rest.starts_with(" later")
                                        ? 1
                                        : 0;
                   if (sign == 0) return false;
                   for (const double m : {d.lo + sign * p.lo * 60})
                     if (std::abs(std::fmod(f.lo - m + 1440, 1440)) < 1.5 ||
                         (f.loose && std::abs(std::fmod(f.lo - m + 1440, 720)) < 1.5))
                       return true;
                   return false;
                 });
        })) {
      weak("fact.worked_out");
      continue;
    }
    // A period the answer's times over: "lend books for 3 weeks, renew up
    // to 2 times" is "9 weeks in total" at most.
    if (f.kind == ConflictKind::kPeriod && f.lo == f.hi && best->lo == best->hi && best->lo > 0 &&
        [&] {
          const double times = f.lo / best->lo;
          if (times < 2 || std::abs(times - std::round(times)) > 1e-6) return false;
          const bool in_total = std::any_of(
              rep[f.sentence].tokens.begin(), rep[f.sentence].tokens.end(), [](const Token& t) {
                return t.text == "total" || t.text == "totaal" || t.text == "altogether" ||
                       t.text == "samen" || t.text == "most" || t.text == "maximaal";
              });
          return in_total && std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& n) {
                   return n.unit == "count:times" && n.sentence == best->sentence &&
                          std::round(times) <= n.hi + 1;
                 });
        }()) {
      weak("fact.worked_out");
      continue;
    }
    // A period that is the answer's period times a count said beside it:
    // "each lesson runs two hours, so the half-dozen package gets you
    // twelve hours"; "six hours a day for 5 days" is 30 hours.
    if (f.kind == ConflictKind::kPeriod && f.unit == "hours" && f.lo == f.hi && [&] {
          std::vector<double> counts;
          const auto add_counts = [&](const Sentence& x) {
            for (size_t k = 0; k < x.tokens.size(); ++k) {
              const Token& t = x.tokens[k];
              if (t.type == Token::kNumber) {
                if (const std::optional<double> n = NumberOf(t.text)) counts.push_back(*n);
              } else if (const auto w = NumberWords().find(t.text); w != NumberWords().end()) {
                counts.push_back(w->second);
              } else if (t.text == "dozen") {
                counts.push_back(k > 0 && (x.tokens[k - 1].text == "half" ||
                                           (k > 1 && x.tokens[k - 2].text == "half"))
                                     ? 6
                                     : 12);
              }
            }
          };
          add_counts(rep[f.sentence]);
          // Not the period's own number ("24 uur" is no 24 times "een uur").
          for (const Token& t : Tokens(Lower(f.text)))
            if (const std::optional<double> own =
                    t.type == Token::kNumber ? NumberOf(t.text) : std::nullopt)
              std::erase(counts, *own);
            else if (const auto w = NumberWords().find(t.text); w != NumberWords().end())
              std::erase(counts, w->second);
          for (const Fact& n : pub_facts)
            if (!n.own && n.kind == ConflictKind::kPeriod && n.unit == "hours" && n.lo == n.hi &&
                n.lo >= 24 && std::fmod(n.lo, 24) == 0)
              counts.push_back(n.lo / 24);  // "5 consecutive days"
          for (const Fact& p : pub_facts) {
            if (p.own || p.kind != ConflictKind::kPeriod || p.unit != "hours" || p.lo != p.hi ||
                p.lo <= 0 || p.lo >= f.lo)
              continue;
            // The answer's period said again beside it, or a word of total.
            const bool restated = std::any_of(rep_facts.begin(), rep_facts.end(),
                                              [&](const Fact& g) {
                                                return &g != &f && g.sentence == f.sentence &&
                                                       g.kind == ConflictKind::kPeriod &&
                                                       SameValue(g, p);
                                              }) ||
                                  std::any_of(rep[f.sentence].tokens.begin(),
                                              rep[f.sentence].tokens.end(), [](const Token& t) {
                                                return t.text == "total" || t.text == "totaal" ||
                                                       t.text == "altogether" || t.text == "samen";
                                              });
            if (!restated) continue;
            for (const double n : counts)
              if (n >= 2 && n <= 60 && std::abs(p.lo * n - f.lo) < 1e-6) return true;
          }
          return false;
        }()) {
      weak("fact.worked_out");
      continue;
    }
    // An amount of the answer with one of its percentages added or taken
    // off ("£46.80 for double-sided" at £39 and 20 % more).
    if (f.kind == ConflictKind::kAmount && f.unit == "money" &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
          return !p.own && p.unit == "money" && p.lo > 0 &&
                 std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& q) {
                   return !q.own && q.unit == "percent" && q.lo > 0 && q.lo < 100 &&
                          (std::abs(p.lo * (1 + q.lo / 100) - f.lo) < 0.005 ||
                           std::abs(p.lo * (1 - q.lo / 100) - f.lo) < 0.005);
                 });
        })) {
      weak("fact.worked_out");
      continue;
    }
    // Not when the reply prices the very thing the answer prices ("het
    // pakket van 20 lessen kost € 1.240" against "een pakket van 20 lessen
    // kost € 1.140", however 20 lessons at € 62 add up).
    const auto clause_of = [&](const Sentence& sentence, const Fact& x) {
      for (const std::string& c : SplitClauses(sentence.text))
        if (Lower(c).find(Lower(x.text)) != std::string::npos) return reader.Read(c);
      return sentence;
    };
    // Nor when the words after both amounts name the same thing ("£180 for
    // a block of five" against "£200 if you buy a block of five").
    const auto words_after = [&](const Sentence& sentence, const Fact& x) {
      const std::string text = Lower(sentence.text);
      const size_t at = text.find(Lower(x.text));
      return reader.Read(at == std::string::npos ? std::string()
                                                 : text.substr(at + x.text.size(), 40));
    };
    const bool priced_as_such =
        f.kind == ConflictKind::kAmount && f.unit.starts_with("money") &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
          // Three pairs of shoes at € 4 are € 12: a number of that thing.
          const double times = p.lo > 0 ? f.lo / p.lo : 0;
          const bool multiple = times >= 2 && std::abs(times - std::round(times)) < 1e-6;
          if (p.own || p.unit != f.unit || SameValue(f, p)) return false;
          // A discount is no price ("€ 5 korting per kaartje").
          const std::string said = Lower(ClauseOf(pub_facts, p, pub[p.sentence]));
          for (std::string_view off : {"korting", "discount", " off", "reduction"})
            if (said.find(off) != std::string::npos) return false;
          if (!multiple &&
              Related(clause_of(rep[f.sentence], f), clause_of(pub[p.sentence], p)) >= 0.5)
            return true;
          if (p.lo <= 0 || f.lo <= 0 || times >= 2 || times <= 0.5) return false;
          // Words and numbers in words: "block", "five".
          const Sentence pa = words_after(pub[p.sentence], p), fa = words_after(rep[f.sentence], f);
          size_t shared = 0, words = 0;
          for (const Token& t : pa.tokens) {
            if (t.type != Token::kWord || IsStopWord(t.text, lang)) continue;
            ++words;
            shared += std::any_of(fa.tokens.begin(), fa.tokens.end(),
                                  [&](const Token& u) { return u.text == t.text; });
          }
          return shared >= 2 && 2 * shared >= words;
        });
    // A count the sentence names times a price of the answer is worked out
    // all the same ("tien keer € 5,20 is € 52" beside "een tienrittenkaart
    // € 46").
    const bool count_times_price =
        f.kind == ConflictKind::kAmount && f.unit == "money" &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
          if (p.own || !p.unit.starts_with("money") || p.lo <= 0) return false;
          const auto& t = rep[f.sentence].tokens;
          for (size_t k = 0; k + 1 < t.size(); ++k) {
            if (t[k + 1].text != "keer" && t[k + 1].text != "times" && t[k + 1].text != "x" &&
                t[k + 1].text != "\xC3\x97")
              continue;
            for (const double n : WholeNumbers({t[k]}))
              if (std::abs(p.lo * n - f.lo) < 0.005) return true;
          }
          return false;
        });
    if (f.kind == ConflictKind::kAmount && f.unit.starts_with("money") &&
        (!priced_as_such || count_times_price) &&
        WorkedOut(f.lo, pub, pub_facts, rep[f.sentence], rep_facts)) {
      weak("fact.worked_out");
      continue;
    }
    // How many the customer has, priced by working it out from the
    // answer ("voor 12 personen kom je uit op € 34,50" at € 24,50 for 8
    // and € 10 for every 4 more): not another rule on how many.
    if (f.kind == ConflictKind::kAmount && f.unit.starts_with("count:") &&
        std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
          return g.sentence == f.sentence && g.unit.starts_with("money") &&
                 std::none_of(pub_facts.begin(), pub_facts.end(),
                              [&](const Fact& p) { return std::abs(p.lo - g.lo) < 0.005; }) &&
                 WorkedOut(g.lo, pub, pub_facts, rep[g.sentence], rep_facts);
        })) {
      weak("fact.count_priced");
      continue;
    }
    // A day the reply says is open against one the answer says is closed
    // ("gesloten op eerste kerstdag" against "op tweede kerstdag zijn we
    // gewoon open"): two days, not one said otherwise.
    if (f.kind == ConflictKind::kDate) {
      const auto status = [](const Sentence& s) {
        static const WordSet closed = {"closed", "gesloten", "dicht", "shut"};
        static const WordSet opened = {"open", "geopend", "opens", "opened"};
        bool c = false, o = false;
        for (const Token& t : s.tokens) {
          c = c || In(closed, t.text);
          o = o || In(opened, t.text);
        }
        return c == o ? 0 : c ? -1 : 1;
      };
      const int a = status(rep[f.sentence]), b = status(pub[best->sentence]);
      if (a != 0 && b != 0 && a != b) {
        weak("fact.other_status");
        continue;
      }
    }
    // The customer's value weighed against the answer's limit, out loud:
    // "$66, which is just under the free shipping threshold", "met 150
    // gasten zit u boven het maximum".
    {
      static const WordSet side = {"under", "below", "onder", "over", "above", "boven", "beneath"};
      static const WordSet limit = {"threshold", "drempel",       "minimum",
                                    "maximum",   "limit",         "limiet",
                                    "grens",     "minimumbedrag", "maximumbedrag"};
      // The value first, then the side and the limit with no number between
      // ("over the $60 threshold" states a limit).
      const auto& rt = rep[f.sentence].tokens;
      bool weighed = false, value_seen = false;
      const std::string value_start = Lower(f.text.substr(0, f.text.find(' ')));
      for (size_t k = 0; k < rt.size() && !weighed; ++k) {
        value_seen = value_seen || value_start.find(rt[k].text) != std::string::npos ||
                     rt[k].text.find(value_start) != std::string::npos;
        if (!value_seen || !In(side, rt[k].text)) continue;
        for (size_t m = k + 1; m < rt.size() && m <= k + 5 && !weighed; ++m) {
          if (rt[m].type == Token::kNumber) break;
          weighed = In(limit, rt[m].text);
        }
      }
      if (weighed && std::any_of(candidates.begin(), candidates.end(),
                                 [](const Fact* p) { return p->bound != 0; })) {
        weak("fact.weighed_against_limit");
        continue;
      }
    }
    // An order's total over the answer's threshold ("uw bank en
    // salontafel komen samen op € 1.240" beside "gratis boven € 500").
    if (f.kind == ConflictKind::kAmount && f.unit.starts_with("money") && f.bound == 0 &&
        SaidAsTotal(rep[f.sentence]) &&
        std::any_of(candidates.begin(), candidates.end(), [&](const Fact* p) {
          return p->bound > 0 && p->unit == f.unit && f.lo >= p->lo;
        })) {
      weak("fact.total_over_threshold");
      continue;
    }
    // A value the bound it is about allows ("at least 1 year": three years).
    // Not how often: "twice a month" against "up to 4 times a month" is
    // the rule said otherwise.
    // Not a value the reply names as the limit itself ("after our 8pm
    // cut-off", "net na onze grens van 20.00 uur"): that is the rule.
    const bool named_limit = [&] {
      const WordSet& limit = CutOffWords();
      static const WordSet ours = {"our", "onze", "ons", "the", "de", "het"};
      const auto& rt = rep[f.sentence].tokens;
      const std::string value_start = Lower(f.text.substr(0, f.text.find(' ')));
      for (size_t k = 0; k < rt.size(); ++k) {
        if (rt[k].text != value_start) continue;
        // "our 8pm cut-off": the limit after the value.
        for (size_t m = k + 1; m < rt.size() && m <= k + 3; ++m)
          if (In(limit, rt[m].text) && k > 0 && In(ours, rt[k - 1].text)) return true;
        // "onze grens van 20.00 uur": before it.
        if (k >= 2 && (rt[k - 1].text == "van" || rt[k - 1].text == "of") &&
            In(limit, rt[k - 2].text))
          return true;
        // "we sluiten om zes uur", "we close at 6": the company's own time.
        static const WordSet closes = {"sluiten", "sluit", "close", "closes", "shut", "stoppen"};
        if (k >= 3 && (rt[k - 1].text == "om" || rt[k - 1].text == "at") &&
            In(closes, rt[k - 2].text) && (rt[k - 3].text == "we" || rt[k - 3].text == "wij"))
          return true;
      }
      return false;
    }();
    // A time said without am or pm is read the way nearest the answer's
    // ("until five o'clock" against "before 3pm" is 5 pm).
    double f_lo = f.lo, f_hi = f.hi;
    if (f.kind == ConflictKind::kDeadline && f.loose && f.lo < 720 &&
        std::abs(f.lo + 720 - best->lo) < std::abs(f.lo - best->lo)) {
      f_lo += 720;
      f_hi += 720;
    }
    // Not a time the reply gives as a limit of its own ("op werkdagen
    // bestel je tot 20.00 uur" against "vóór 22.00 uur"): two limits.
    if ((f.bound == 0 || (f.today && f.bound == best->bound)) && best->bound != 0 && !named_limit &&
        !(f.kind == ConflictKind::kDeadline && limit_time && !f.today) &&
        !f.unit.starts_with("count:times") &&
        (f.kind != ConflictKind::kDate || f.unit == "monthday") &&
        (best->bound > 0 ? f_lo >= best->lo : f_hi <= best->hi)) {
      weak("fact.within_bound");
      result = Outcome::kBounded;
      bounded_by[static_cast<size_t>(&f - rep_facts.data())] = best;
      continue;
    }
    // And the other way round: the reply rounds what the answer states to
    // a bound just past it ("voor nog geen twintig euro" for € 19,95).
    // A period said as less than one ("nog geen half uur", "less than an
    // hour") holds any of the answer's below it.
    const bool less_than = [&] {
      if (f.kind != ConflictKind::kPeriod || f.bound >= 0) return false;
      const std::string text = Lower(rep[f.sentence].text);
      const size_t at = text.find(Lower(f.text));
      if (at == std::string::npos) return false;
      const std::string before = text.substr(at >= 14 ? at - 14 : 0, at >= 14 ? 14 : at);
      return before.ends_with("nog geen ") || before.ends_with("less than ") ||
             before.ends_with("minder dan ") || before.ends_with("under ");
    }();
    if (f.bound != 0 && best->bound == 0 && !f.unit.starts_with("count:times") &&
        (f.kind == ConflictKind::kAmount || less_than) && f.lo > 0 &&
        (f.bound > 0 ? best->lo >= f.lo : best->hi <= f.hi) &&
        (less_than || std::abs(best->lo - f.lo) <= 0.05 * f.lo)) {
      weak("fact.within_reply_bound");
      continue;
    }
    // Against "free", an amount the reply names is a price only when its
    // clause says so or is about the free thing: not money coming back
    // ("you'll get the full £89.99 refunded", "staat de € 189,00 weer op
    // je rekening"), nor the price of something else ("een
    // maandabonnement is € 34,95" beside a free first lesson).
    // Where the answer prices nothing else the amount could be about.
    if (f.kind == ConflictKind::kAmount && f.lo > 0 &&
        std::all_of(candidates.begin(), candidates.end(), [](const Fact* p) {
          return p->unit.starts_with("money") && p->hi <= 0 && p->bound == 0;
        })) {
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      const MoneySaid said = HowMoneyIsSaid(around, f);
      // "als je nu de € 3.000 overboekt, is dat nog gratis": the amount is
      // what is free.
      const bool free_too =
          around.negations % 2 == 0 &&
          std::any_of(around.tokens.begin(), around.tokens.end(), [](const Token& t) {
            return t.text == "gratis" || t.text == "free" || t.text == "kosteloos";
          });
      // Or the reply says the free thing is free in another clause, at
      // least as much about it: this amount prices something else ("je kunt
      // hem gratis overzetten" beside "je combiticket van € 119,50").
      const Sentence free_clause = reader.Read(ClauseOf(pub_facts, *best, pub[best->sentence]));
      const double here = Related(around, free_clause);
      const bool free_elsewhere =
          std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
            if (g.own || g.kind != ConflictKind::kAmount || !g.unit.starts_with("money") ||
                g.hi > 0)
              return false;
            const std::string clause = ClauseOf(rep_facts, g, rep[g.sentence]);
            if (clause == ClauseOf(rep_facts, f, rep[f.sentence])) return false;
            const double there = Related(reader.Read(clause), free_clause);
            return there > 0 && there >= here;
          });
      // Or for someone the answer's age limit leaves out ("Children under 5
      // travel free" against "Maya, at 9, pays the child fare of £3.20").
      const bool other_age = ForAnotherAge(around, best->sentence);
      if (said.back || free_too || free_elsewhere || other_age ||
          (!said.price && Related(around, pub[best->sentence]) < kRelated)) {
        weak("fact.not_a_price");
        result = Outcome::kElsewhere;
        not_a_price[static_cast<size_t>(&f - rep_facts.data())] = true;
        continue;
      }
    }
    // A value on the other side of the answer's limit, with the answer's
    // consequence turned around in a clause about it: the rule applied
    // ("It's worth £1,450, so there's no need to list it" against "items
    // worth more than £2,000 must be listed").
    // A period so only as what happened ("was de vertraging 18 minuten").
    const bool happened = f.kind == ConflictKind::kPeriod &&
                          std::any_of(rep[f.sentence].tokens.begin(), rep[f.sentence].tokens.end(),
                                      [](const Token& t) {
                                        return t.text == "was" || t.text == "were" ||
                                               t.text == "bedroeg" || t.text == "duurde" ||
                                               t.text == "lasted" || t.text == "took";
                                      });
    if ((f.kind == ConflictKind::kAmount || happened) && f.bound == 0 && best->bound != 0 &&
        f.lo == f.hi && (best->bound > 0 ? f.hi <= best->lo : f.lo >= best->hi)) {
      const Sentence limit = reader.Read(ClauseOf(pub_facts, *best, pub[best->sentence]));
      const bool turned_around =
          std::any_of(rep_clauses.begin(), rep_clauses.end(), [&](const Sentence& c) {
            if (rep[f.sentence].text.find(c.text) == std::string::npos ||
                c.negations % 2 == limit.negations % 2)
              return false;
            return std::any_of(c.stems.begin(), c.stems.end(), [&](const std::string& w) {
              return w[0] != '~' && limit.stems.contains(w);
            });
          });
      if (turned_around) {
        weak("fact.outside_the_limit");
        result = Outcome::kElsewhere;  // still a value the elimination counts,
        bounded_by[static_cast<size_t>(&f - rep_facts.data())] = best;  // not against it
        continue;
      }
    }
    size_t same_in_reply = 0;
    for (const Fact& g : rep_facts) same_in_reply += !g.own && Comparable(f, g);
    const bool only_ones = candidates.size() == 1 && same_in_reply == 1;
    // Or a time on the same side as the one the answer's one sentence of
    // times gives ("open until half six" against "open 7:30am to 6pm").
    // Related by a word, or by the way both name ("telefonisch bereikbaar
    // tot 17.00 uur" against "bellen tot 18.00 uur").
    const bool same_way =
        std::any_of(rep[f.sentence].means.begin(), rep[f.sentence].means.end(),
                    [&](const auto& m) { return pub[best->sentence].means.contains(m.first); });
    const bool sided =
        f_side != 0 && side(pub[best->sentence], *best) == f_side &&
        (best_related > 0 || same_way) &&
        std::none_of(candidates.begin(), candidates.end(), [&](const Fact* p) {
          return p != best && side(pub[p->sentence], *p) == f_side && !SameValue(*p, *best);
        });
    // Or the one limit of the kind each text sets, on the same side ("hij
    // moet vóór 7.00 uur buiten staan" against "zet de container vóór 7.30
    // uur aan de straat").
    const auto one_limit = [&](const std::vector<Fact>& facts, const Fact& x) {
      return std::count_if(facts.begin(), facts.end(), [&](const Fact& g) {
               return !g.own && g.kind == x.kind && g.unit == x.unit && g.bound == x.bound;
             }) == 1;
    };
    const bool same_limit = f.kind == ConflictKind::kDeadline && f.bound != 0 &&
                            f.bound == best->bound && one_limit(rep_facts, f) &&
                            one_limit(pub_facts, *best);
    bool related = best_related >= kRelated || (only_ones && f.kind != ConflictKind::kDate) ||
                   (only_ones && best_related > 0) || sided || same_limit;
    // Or clause by clause: "we can do Saturday viewings between 10am and
    // 5pm" is about "from 10am to 4pm on Saturdays", not "from 9am to 7pm
    // on weekdays" in the same sentence.
    if (!related && best_related >= kRelated / 2) {
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      const Fact* by_clause = nullptr;
      double clause_best = 0;
      for (const Fact* p : candidates) {
        const double r = Related(around, reader.Read(ClauseOf(pub_facts, *p, pub[p->sentence])));
        if (r > clause_best) {
          clause_best = r;
          by_clause = p;
        }
      }
      // Only where the answer's sentence says more values of the kind.
      const auto in_its_sentence = std::count_if(
          candidates.begin(), candidates.end(),
          [&](const Fact* p) { return by_clause && p->sentence == by_clause->sentence; });
      if (by_clause && clause_best >= kRelated && !SameValue(f, *by_clause) &&
          in_its_sentence >= 2 && around.negations % 2 == 0 &&
          (f_side == 0 || side(pub[by_clause->sentence], *by_clause) == f_side)) {
        best = by_clause;
        related = true;
      }
    }
    if (related) {
      static constexpr std::array<std::string_view, 6> kStrong = {
          "fact.amount", "fact.period", "fact.deadline", "fact.date", "", ""};
      weak(kStrong[static_cast<size_t>(f.kind)]);
      result = Outcome::kConflict;
    } else {
      weak(best_related >= kRelated / 2 ? "fact.loosely_related" : "fact.unrelated");
      result = Outcome::kElsewhere;
    }
  }

  // Several dates moved together: "op zaterdag 21 en zondag 22 september"
  // against "in het weekend van 28 en 29 september". None of either text's
  // dates is the other's, and they lie as far apart.
  {
    const auto dates = [](const std::vector<Fact>& facts) {
      std::vector<const Fact*> out;
      for (const Fact& x : facts)
        if (!x.own && x.kind == ConflictKind::kDate && x.unit == "date" && x.lo == x.hi &&
            static_cast<int>(x.lo) % 100 != 0)
          out.push_back(&x);
      return out;
    };
    const std::vector<const Fact*> ours = dates(pub_facts), theirs = dates(rep_facts);
    const auto gaps = [](std::vector<const Fact*> v) {
      std::sort(v.begin(), v.end(), [](const Fact* a, const Fact* b) { return a->lo < b->lo; });
      std::vector<double> out;
      for (size_t k = 1; k < v.size(); ++k) out.push_back(v[k]->lo - v[k - 1]->lo);
      return out;
    };
    const bool none_shared = std::none_of(theirs.begin(), theirs.end(), [&](const Fact* r) {
      return std::any_of(ours.begin(), ours.end(),
                         [&](const Fact* p) { return SameValue(*r, *p); });
    });
    if (ours.size() >= 2 && ours.size() == theirs.size() && none_shared &&
        gaps(ours) == gaps(theirs) && !SaidAlready(rep[theirs[0]->sentence]))
      Add("fact.dates_moved", ConflictKind::kDate, ours[0]->text, theirs[0]->text,
          pub[ours[0]->sentence], rep[theirs[0]->sentence]);
  }

  // A time worked out from the reply's own time and the answer's period,
  // wrong: "bag drop closes 45 minutes before departure" against "your
  // flight leaves at 09:30 ... bag drop closes at 08:30". Only where the
  // reply gives one other time to work from.
  for (size_t i = 0; i < rep_facts.size(); ++i) {
    const Fact& f = rep_facts[i];
    if (f.own || f.kind != ConflictKind::kDeadline || outcome[i] == Outcome::kConflict ||
        outcome[i] == Outcome::kSame)
      continue;
    // The same time said twice is one time to work from.
    std::vector<const Fact*> others;
    for (const Fact& g : rep_facts)
      if (&g != &f && g.kind == ConflictKind::kDeadline &&
          std::none_of(others.begin(), others.end(),
                       [&](const Fact* o) { return std::abs(o->lo - g.lo) < 0.5; }))
        others.push_back(&g);
    if (others.size() != 1) continue;
    const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
    const Fact* period = nullptr;
    size_t best_shared = 1;
    int sign = 0;
    // Where the time to work from is the answer's own ("last admission is
    // one hour before closing; we close at 5:30" against "by five at the
    // latest; we shut at half five"), the answer's one period before or
    // after it needs no word in common.
    const bool answers_time = std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
      return !p.own && p.kind == ConflictKind::kDeadline && SameValue(p, *others[0]);
    });
    size_t signed_periods = 0;
    if (answers_time) best_shared = 0;
    for (const Fact& p : pub_facts) {
      if (p.kind != ConflictKind::kPeriod || p.unit != "hours" || p.lo != p.hi || p.lo > 24)
        continue;
      const std::string said = Lower(pub[p.sentence].text);
      const size_t at = said.find(Lower(p.text));
      if (at == std::string::npos) continue;
      const std::string rest = said.substr(at + p.text.size());
      const int s = rest.starts_with(" before") || rest.starts_with(" voor") ? -1
                    : rest.starts_with(" after") || rest.starts_with(" na")  ? 1
                                                                             : 0;
      const size_t shared = Shared(around, reader.Read(ClauseOf(pub_facts, p, pub[p.sentence])));
      if (s != 0 && (shared > best_shared || (best_shared == 0 && !period))) {
        best_shared = shared;
        period = &p;
        sign = s;
      }
      if (s != 0) ++signed_periods;
    }
    // Two periods and no word to tell them apart: neither.
    if (!period || (best_shared == 0 && signed_periods > 1)) continue;
    const double expected = others[0]->lo + sign * period->lo * 60;
    const double d = std::abs(std::fmod(f.lo - expected + 2880, 1440));
    const bool fits = d < 1.5 || d > 1438.5 ||
                      ((f.loose || others[0]->loose) &&
                       std::min(std::fmod(d, 720), 720 - std::fmod(d, 720)) < 1.5);
    if (!fits)
      Add("fact.total_worked_out_wrong", ConflictKind::kDeadline, period->text,
          others[0]->text + " → " + f.text, pub[period->sentence], rep[f.sentence]);
  }

  // By elimination: when the reply restates every value of a kind the
  // answer gives but one, and gives one of that kind the answer does not,
  // the two are about the same thing even in other words ("de huur past
  // zich aan per 1 juli; de brief komt uiterlijk 1 mei" against "de
  // huuraanpassing gaat in per 1 augustus; de brief komt uiterlijk 1 mei").
  // A value the answer's limit allows counts too, unless the value left is
  // that limit ("the first month is free", beside "up to 6 months", against
  // "the first 2 weeks are free").
  for (size_t i = 0; i < rep_facts.size(); ++i) {
    if ((outcome[i] != Outcome::kElsewhere && outcome[i] != Outcome::kBounded) || set_aside[i])
      continue;
    const Fact& f = rep_facts[i];
    const Fact* left = nullptr;
    size_t unmatched_pub = 0;
    for (const Fact& p : pub_facts) {
      if (p.own || !Comparable(f, p)) continue;
      // Restated by a value of the reply that is this one, not one that
      // only loosely is and plainly is another ("negen" is 9.00 beside
      // 21.00).
      const bool restated_in_reply =
          std::any_of(rep_facts.begin(), rep_facts.end(), [&](const Fact& g) {
            // "€ 2.500" a day limit restated as "2500 euro per dag"; "na 90
            // dagen" as "elke 90 dagen".
            if (!g.own && g.kind == ConflictKind::kAmount && p.unit == "money" &&
                g.unit.starts_with("money/") && std::abs(g.lo - p.lo) < 0.005 && p.lo >= 1)
              return true;
            if (!g.own && g.kind == ConflictKind::kPeriod && p.kind == ConflictKind::kPeriod &&
                (g.unit == "interval") != (p.unit == "interval") && std::abs(g.lo - p.lo) < 0.5 &&
                p.lo >= 24)
              return true;
            if (g.own || !Comparable(g, p) || !SameValue(g, p)) return false;
            if (std::abs(g.lo - p.lo) < 0.5) return true;
            return std::none_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& q) {
              return &q != &p && !q.own && Comparable(g, q) && std::abs(g.lo - q.lo) < 0.5;
            });
          });
      // The same value said twice ("Bevrijdingsdag (5 mei)") is one.
      if (!restated_in_reply && !(left && SameValue(*left, p))) {
        ++unmatched_pub;
        left = &p;
      }
    }
    size_t unmatched_rep = 0;
    for (size_t k = 0; k < rep_facts.size(); ++k)
      unmatched_rep += Comparable(f, rep_facts[k]) && !rep_facts[k].own &&
                       (outcome[k] == Outcome::kElsewhere || outcome[k] == Outcome::kConflict ||
                        (outcome[k] == Outcome::kBounded && outcome[i] == Outcome::kBounded));
    // Against "free", only an amount said as a price or about the free
    // thing ("your annual membership ($90) renews on May 5" is neither).
    const auto priced_against_free = [&] {
      if (not_a_price[i]) return false;
      // Free from an amount on ("vanaf € 30 verzenden we gratis"): an
      // amount is weighed against that amount, not against "free".
      if (std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
            return p.sentence == left->sentence && p.bound != 0 && p.unit.starts_with("money");
          }))
        return false;
      const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
      return HowMoneyIsSaid(around, f).price || Related(around, pub[left->sentence]) >= kRelated;
    };
    if (unmatched_pub == 1 && unmatched_rep == 1 && left != bounded_by[i] &&
        !(f.kind == ConflictKind::kAmount && left->unit.starts_with("money") && left->hi <= 0 &&
          !priced_against_free()) &&
        !(outcome[i] == Outcome::kBounded && left->bound != 0) &&
        !ReopensAfter(f, *left, rep, pub[left->sentence]) &&
        // In a long reply, values of other things abound: the one left
        // must share a word with the answer's sentence.
        (rep.size() < 4 || [&] {
          // A word of the value itself ("pm", "euro") is no word in common.
          const Sentence around = reader.Read(ClauseOf(rep_facts, f, rep[f.sentence]));
          const std::vector<Token> own = Tokens(Lower(f.text + " " + left->text));
          return std::any_of(around.stems.begin(), around.stems.end(), [&](const std::string& w) {
            return w[0] != '~' &&
                   std::none_of(own.begin(), own.end(),
                                [&](const Token& t) { return Stem(t.text, lang) == w; }) &&
                   std::any_of(pub[left->sentence].stems.begin(), pub[left->sentence].stems.end(),
                               [&](const std::string& x) { return SameThing(w, x); });
          });
        }()))
      Add("fact.by_elimination", f.kind, left->text, f.text, pub[left->sentence], rep[f.sentence]);
  }
}

}  // namespace luister::consistency
