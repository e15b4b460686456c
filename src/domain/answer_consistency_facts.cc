// The facts of a sentence for the consistency check: amounts, periods,
// deadlines and dates (FactFinder).

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

namespace {

// A time of day in minutes after midnight; `loose` without am/pm.
struct Clock {
  double minutes = 0;
  bool loose = false;
};

std::optional<Clock> ClockOf(const std::string& raw) {
  const size_t sep = raw.find_first_of(":.");
  int h = 0, m = 0;
  try {
    if (sep == std::string::npos) {
      if (raw.size() > 2) return std::nullopt;
      h = std::stoi(raw);
    } else {
      if (raw.size() - sep - 1 != 2 || sep > 2) return std::nullopt;
      h = std::stoi(raw.substr(0, sep));
      m = std::stoi(raw.substr(sep + 1));
    }
  } catch (...) {
    return std::nullopt;
  }
  if (h > 24 || m > 59) return std::nullopt;
  return Clock{h * 60.0 + m, h <= 12};
}

class FactFinder {
 public:
  // `counted`: the words the answer counts ("15 stems", "5 bewerkte foto's"),
  // so that a count of the same thing in the reply is a fact too.
  // `answer`: the published answer's sentence, a rule: "Orders placed
  // during this time ship on 2 January", "Rent is paid on 13 September"
  // say no customer's past.
  FactFinder(const Sentence& s, size_t index, const WordSet* counted, bool answer)
      : s_(s), t_(s.tokens), index_(index), counted_(counted), answer_(answer) {}

  std::vector<Fact> Find() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (i < skip_until_) continue;
      const Token& t = t_[i];
      if (Interval(i)) continue;
      if (t.type == Token::kNumber) {
        Number(i);
      } else if (t.type == Token::kWord) {
        Word(i);
      } else if (IsCurrencySymbol(t.text) && i + 1 < t_.size() &&
                 t_[i + 1].type == Token::kNumber) {
        if (auto v = NumberOf(t_[i + 1].text)) {
          Add(ConflictKind::kAmount, "money", *v, *v, false, i, i + 2);
          skip_until_ = i + 2;
        }
      }
    }
    return std::move(facts_);
  }

 private:
  static bool IsCurrencySymbol(std::string_view s) {
    return s == "\xE2\x82\xAC" || s == "$" || s == "\xC2\xA3";
  }
  // How often, at `i`: "elke 2 weken", "om de twee weken", "every week",
  // "wekelijks", "fortnightly" (hours between, unit "interval", compared
  // only with another how often).
  bool Interval(size_t i) {
    static const std::unordered_map<std::string_view, double> adverbs = {
        {"dagelijks", 24},       {"daily", 24},           {"wekelijks", 168},
        {"weekly", 168},         {"tweewekelijks", 336},  {"fortnightly", 336},
        {"biweekly", 336},       {"maandelijks", 720},    {"monthly", 720},
        {"jaarlijks", 8760},     {"yearly", 8760},        {"annually", 8760},
        {"annual", 8760},        {"jaarlijkse", 8760},    {"maandelijkse", 720},
        {"wekelijkse", 168},     {"dagelijkse", 24},      {"quarterly", 2190},
        {"halfjaarlijks", 4380}, {"halfjaarlijkse", 4380}};
    const std::string& w = t_[i].text;
    if (auto a = adverbs.find(w); a != adverbs.end()) {
      Add(ConflictKind::kPeriod, "interval", a->second, a->second, false, i, i + 1);
      return true;
    }
    static const WordSet every = {"elke", "iedere", "ieder", "every", "each"};
    size_t k = i + 1;
    // "wordt per dag berekend": how often, where no amount or count is per
    // it ("€ 5 per dag", "2 lessen per week" are rates).
    const bool per_alone = w == "per" && i > 0 && t_[i - 1].type == Token::kWord &&
                           !In(MeasureWords(), t_[i - 1].text) &&
                           !NumberWords().contains(t_[i - 1].text) &&
                           !In(CurrencyWords(), t_[i - 1].text) && t_[i - 1].text != "keer" &&
                           t_[i - 1].text != "times" && !t_[i - 1].text.ends_with("kosten");
    if (w == "om" && Word(i, 1) == "de") {
      k = i + 2;
    } else if (!In(every, w) && !per_alone) {
      return false;
    }
    if (per_alone && (k >= t_.size() || !TimeUnitOf(t_[k].text))) return false;
    // "om de week" is every other week; "every other Wednesday", "elke
    // tweede week" too.
    double n = w == "om" ? 2 : 1;
    if (k < t_.size() && (t_[k].text == "other" || t_[k].text == "second" ||
                          t_[k].text == "tweede" || t_[k].text == "andere")) {
      n = 2;
      ++k;
      if (k < t_.size() && WeekdayOf(t_[k].text)) {
        // Not "elke tweede woensdag van de maand": a day of each month.
        if (Word(k, 1) == "van" || Word(k, 1) == "of") return false;
        Add(ConflictKind::kPeriod, "interval", 336, 336, false, i, k + 1);
        return true;
      }
    } else if (k < t_.size() && t_[k].type == Token::kNumber) {
      const auto v = NumberOf(t_[k].text);
      if (!v || *v <= 0) return false;
      n = *v;
      ++k;
    } else if (k < t_.size() && NumberWords().contains(t_[k].text) && t_[k].text != "een" &&
               t_[k].text != "a" && t_[k].text != "an") {
      n = NumberWords().at(t_[k].text);
      ++k;
    }
    if (k >= t_.size()) return false;
    const auto unit = TimeUnitOf(t_[k].text);
    if (!unit || unit->working_days || unit->hours < 24) return false;
    Add(ConflictKind::kPeriod, "interval", n * unit->hours, n * unit->hours, false, i, k + 1);
    skip_until_ = k + 1;
    return true;
  }
  // Whether the sentence is about how old people are ("guests must be 18
  // or over", "shows are 21+").
  bool AboutAges() const {
    static const WordSet ages = {
        "age",       "aged",          "ages",         "leeftijd", "old",     "oud",
        "kids",      "children",      "kinderen",     "adults",   "adult",   "volwassenen",
        "shows",     "show",          "voorstelling", "film",     "movie",   "concert",
        "jaar",      "years",         "guests",       "gasten",   "members", "leden",
        "customers", "screening",     "screenings",   "films",    "events",  "entry",
        "toegang",   "voorstellingen"};
    return std::any_of(t_.begin(), t_.end(), [](const Token& x) { return In(ages, x.text); });
  }
  std::string_view Word(size_t i, int offset) const {
    const auto j = static_cast<std::ptrdiff_t>(i) + offset;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(t_.size())) return "";
    return t_[static_cast<size_t>(j)].text;
  }
  std::string Span(size_t from, size_t to) const {
    std::string out;
    for (size_t i = from; i < to && i < t_.size(); ++i) {
      const bool glue = !out.empty() && (t_[i].type == Token::kSymbol || t_[i - 1].text == "-" ||
                                         t_[i - 1].text == "/" || IsCurrencySymbol(t_[i - 1].text));
      if (!out.empty() && !glue) out += ' ';
      if (t_[i].type == Token::kSymbol && t_[i].text == "%" && !out.empty() && out.back() == ' ')
        out.pop_back();
      out += t_[i].text;
    }
    return out;
  }
  // Whether a word of now stands by the value ("today", "vanavond", "this
  // morning"); "two weeks from today" counts from now and is a rule.
  bool Today(size_t from, size_t to) const {
    static const WordSet now = {"today",      "vandaag",   "yesterday", "gisteren",
                                "vanochtend", "vanmorgen", "tonight",   "vanavond"};
    for (size_t k = from >= 4 ? from - 4 : 0; k < t_.size() && k <= to + 2; ++k)
      if ((In(now, t_[k].text) ||
           (k > 0 && t_[k - 1].text == "this" &&
            (t_[k].text == "morning" || t_[k].text == "afternoon" || t_[k].text == "evening"))) &&
          !(k >= to && k > 0 &&
            (t_[k - 1].text == "from" || t_[k - 1].text == "vanaf" || t_[k - 1].text == "of")))
        return true;
    return false;
  }
  // Whether a word of limit stands just before the value ("till six this
  // evening", "tot tien uur vanavond": the rule's time for today).
  bool LimitBefore(size_t from) const {
    static const WordSet limit = {"till", "until", "by",        "before",
                                  "tot",  "voor",  "uiterlijk", "vóór"};
    return In(limit, Word(from, -1)) || In(limit, Word(from, -2));
  }
  // Whether a Dutch word is a past participle: "geweest", "gemaakt",
  // "opgehaald", "teruggestuurd".
  static bool DutchParticiple(std::string_view w) {
    static const std::array<std::string_view, 13> prefixes = {
        "", "op", "terug", "aan", "af", "in", "uit", "mee", "door", "na", "bij", "toe", "weg"};
    for (const std::string_view p : prefixes) {
      if (w.size() < p.size() + 5 || w.substr(0, p.size()) != p || w.substr(p.size(), 2) != "ge")
        continue;
      if (w.back() == 't' || w.back() == 'd' || w.ends_with("en")) return true;
    }
    return false;
  }
  // "u bent dit jaar al 7 keer geweest", "hij heeft pas 310 laadcycli
  // gemaakt", "you've done 310 cycles": what has happened so far, told in the
  // perfect tense (the auxiliary before the value, the participle around it,
  // all in one clause). A rule is said in the present.
  bool SoFar(size_t from, size_t to) const {
    static const WordSet aux = {"heeft", "hebt", "heb",    "bent",    "ben",
                                "has",   "have", "you've", "they've", "we've"};
    static const WordSet done = {
        "done",      "made",     "taken", "completed", "attended", "visited", "ridden", "driven",
        "travelled", "traveled", "flown", "run",       "put",      "covered", "used",   "clocked"};
    size_t aux_at = t_.size();
    for (size_t k = from >= 6 ? from - 6 : 0; k < from; ++k) {
      if (t_[k].type == Token::kSymbol)
        aux_at = t_.size();  // a clause ends
      else if (In(aux, t_[k].text) && Word(k, 1) != "to")
        aux_at = k;  // not "has to be"
    }
    if (aux_at == t_.size()) return false;
    for (size_t k = aux_at + 1; k < from; ++k)
      if (In(done, t_[k].text)) return true;
    // "je hebt 3 dagen gewacht"; not "je hebt twee uur na de afgesproken
    // tijd", where the participle describes a noun.
    static const WordSet article = {"de", "het", "een", "the", "a", "an"};
    for (size_t k = to; k < t_.size() && k < to + 3 && t_[k].type != Token::kSymbol; ++k) {
      if (In(article, t_[k].text)) break;
      if (DutchParticiple(t_[k].text)) return true;
    }
    return false;
  }
  // Whether the words around `i` say it is the customer's own (their
  // order's number or date, "3 days ago").
  bool Own(size_t from, size_t to) const {
    const std::string_view before = Word(from, -1);
    const std::string_view before2 = Word(from, -2);
    // "onze grens van 20.00 uur", "our 8pm cut-off": the rule's own limit.
    if ((before == "van" || before == "of") && In(CutOffWords(), before2)) return false;
    if ((before == "our" || before == "onze") &&
        (In(CutOffWords(), Word(to, 0)) || In(CutOffWords(), Word(to, 1))))
      return false;
    // "rekening 123456" is a reference; "kost de rekening € 3,10" is not.
    // Not "into your bank account every month", nor "uw account 30 minuten
    // geblokkeerd": a number on its own.
    if ((In(ReferenceWords(), before) && t_[from].type == Token::kNumber &&
         !(from + 1 < t_.size() &&
           (TimeUnitOf(t_[from + 1].text) || In(CurrencyWords(), t_[from + 1].text)))) ||
        before == "#")
      return true;
    if ((before == "nr" || before == "no" || before == "nummer" || before == "number" ||
         before == "#") &&
        In(ReferenceWords(), before2))
      return true;
    if (In(AgoWords(), Word(to, 0))) return true;
    // "je bent al anderhalf jaar klant", "u bent al 3 jaar lid": how long
    // the customer has been one.
    static const WordSet one_of_us = {"klant", "lid", "abonnee", "huurder", "donateur"};
    if (In(one_of_us, Word(to, 0)) &&
        (Word(from, -1) == "al" || Word(from, -2) == "al" || Word(from, -3) == "al"))
      return true;
    // "you've been a member for 18 months", "a customer for over a year".
    static const WordSet one_of_us_en = {"member", "customer", "tenant", "subscriber"};
    if ((Word(from, -1) == "for" && In(one_of_us_en, Word(from, -2))) ||
        (Word(from, -2) == "for" && In(one_of_us_en, Word(from, -3)) &&
         (Word(from, -1) == "over" || Word(from, -1) == "nearly" || Word(from, -1) == "almost" ||
          Word(from, -1) == "about")))
      return true;
    // "nog 4 lessen over", "3 visits left": what the customer has left.
    // "about a week of pills left".
    if (Word(to, 0) == "of" && (Word(to, 2) == "left" || Word(to, 2) == "remaining")) return true;
    if (Word(to, 0) == "over" || Word(to, 0) == "left" || Word(to, 0) == "remaining" ||
        Word(to, 1) == "over" || Word(to, 1) == "left")
      if (Word(from, -1) == "nog" || Word(from, -1) == "still" || Word(from, -2) == "nog" ||
          Word(to, 0) == "left" || Word(to, 0) == "remaining" || Word(to, 1) == "left")
        return true;
    // "morgen, woensdag", "tomorrow (Friday)": the customer's day named.
    static const WordSet today = {"morgen", "vandaag", "overmorgen", "tomorrow", "today"};
    if (WeekdayOf(t_[from].text) && In(today, before)) return true;
    // "de voorstelling is pas over ruim een week": how far off the
    // customer's date is.
    static const WordSet still = {"pas", "nog", "al"};
    static const WordSet about = {"ruim", "bijna", "zo'n", "ongeveer", "krap"};
    if ((before == "over" && In(still, before2)) ||
        (In(about, before) && before2 == "over" && In(still, Word(from, -3))))
      return true;
    // "you only went £32 overdrawn", "you've spent $40": the customer's.
    // Not "must be used within 6 months": a rule in the passive.
    // "your ride lasted 52 minutes", "de rit duurde 25 minuten".
    static const WordSet did = {"went", "spent",  "used",   "gebruikt", "uitgegeven",
                                "owed", "lasted", "duurde", "took"};
    static const WordSet passive = {"be", "is", "are", "worden", "wordt", "get", "gets"};
    for (const int k : {-1, -2})
      if (In(did, Word(from, k)) && !In(passive, Word(from, k - 1))) return true;
    // "can still be renewed twice more": what the customer has left.
    if (Word(to, 0) == "more" && (Word(from, 0) == "twice" || Word(from, 0) == "once" ||
                                  Word(to - 1, 0) == "times" || Word(to - 1, 0) == "keer"))
      return true;
    // "add just over £2.80 more", "voor nog € 2,60 extra": what the
    // customer still has to add, worked out.
    if ((Word(to, 0) == "more" || Word(to, 0) == "extra" || Word(to, 0) == "meer") && [&] {
          static const WordSet add = {"add", "spend", "nog", "bijbestellen", "toevoegen"};
          for (size_t k = from >= 4 ? from - 4 : 0; k < from; ++k)
            if (In(add, t_[k].text)) return true;
          return false;
        }())
      return true;
    // "Over drie jaar, als Tijn 14 is": how far off the customer's day is
    // (years off; "over een uur kun je het opnieuw proberen" says the rule).
    if (before == "over" && (from == 1 || (from >= 2 && t_[from - 2].type == Token::kSymbol)) &&
        (Word(to - 1, 0) == "jaar" || Word(to - 1, 0) == "years" || Word(to - 1, 0) == "year"))
      return true;
    // "the 5- and 7-year-old", "je dochter van 9 jaar oud": the age of the
    // customer's own.
    if (!answer_ && (Word(to, 0) == "old" || Word(to, 0) == "oud" ||
                     (Word(to, 0) == "-" && Word(to, 1) == "old")))
      return true;
    // "your flight is three days out": how far off the customer's date is.
    if (Word(to, 0) == "out" && (Word(from, -1) == "is" || Word(from, -1) == "are")) return true;
    // "je bestelling kwam dinsdag om 16.12 uur binnen", "your essay was
    // uploaded at 11:58": when the customer's thing happened.
    static const WordSet at = {"op", "on", "van", "of", "at", "om", "rond", "around"};
    // "jullie komen vrijdag rond 13.00 uur aan", "if you come at 5:45":
    // when the customer comes.
    // "jullie vlucht landt pas om 21.40 uur", "your train gets in at 9".
    static const WordSet who = {"je",    "jullie", "u",      "you",   "we",   "you're",
                                "we're", "vlucht", "flight", "trein", "train"};
    static const WordSet come = {"komen",   "komt",     "kom",    "come",    "arrive", "arrives",
                                 "land",    "arriving", "coming", "landing", "landt",  "lands",
                                 "aankomt", "get",      "turn"};  // "if you get here at quarter
                                                                  // past six"
    if (In(at, before))
      for (size_t k = from >= 7 ? from - 7 : 0; k + 2 < from; ++k)
        if (In(who, t_[k].text) && In(come, t_[k + 1].text)) return true;
    static const WordSet happened = {"kwam",     "kwamen",    "came",       "arrived",  "landed",
                                     "uploaded", "submitted", "started",    "began",    "begon",
                                     "landde",   "betaalde",  "ingeleverd", "ingediend"};
    // Not what anything of the kind did ("anything ordered over Christmas
    // goes out on 2 January"): a rule.
    static const WordSet any = {"anything", "everything", "orders",       "items",
                                "parcels",  "alles",      "bestellingen", "pakketten"};
    if (In(at, before) && !answer_)
      for (size_t k = from >= 7 ? from - 7 : 0; k + 1 < from; ++k)
        if ((In(PastWords(), t_[k].text) || In(happened, t_[k].text)) &&
            !(k > 0 && In(any, t_[k - 1].text)))
          return true;
    // "you're 71", "your wife, who's 62", "je bent 15": the customer's age.
    if (Word(from, -1) == "you're" || Word(from, -1) == "who's" || Word(from, -1) == "he's" ||
        Word(from, -1) == "she's" ||
        (Word(from, -1) == "bent" && (Word(from, -2) == "je" || Word(from, -2) == "u")))
      return true;
    // "u bent nu acht maanden klant", "je zit pas twee weken bij ons",
    // "you've been with us only 3 months": how long they have been one.
    {
      static const WordSet be = {"bent", "ben", "zit", "zitten", "are", "you're", "is"};
      static const WordSet so_far_words = {"nu", "pas", "al", "now", "only", "just", "already"};
      if (In(so_far_words, Word(from, -1)) &&
          (In(be, Word(from, -2)) ||
           (In(be, Word(from, -3)) && (Word(from, -2) == "je" || Word(from, -2) == "u"))))
        for (size_t k = from >= 4 ? from - 4 : 0; k < from; ++k)
          if (t_[k].text == "je" || t_[k].text == "u" || t_[k].text == "you" ||
              t_[k].text == "you're" || t_[k].text == "jullie")
            return true;
    }
    // "uw kinderen van 7 en 2 jaar", "my son of 10": the ages of the
    // customer's people.
    {
      static const WordSet people = {
          "kind",  "kinderen",  "zoon",          "dochter",  "zoons", "dochters",
          "child", "children",  "son",           "daughter", "sons",  "daughters",
          "kids",  "kleinkind", "kleinkinderen", "oma",      "opa"};
      size_t k = from;
      // Back over "7 en" in "van 7 en 2 jaar".
      while (k >= 2 && (t_[k - 1].text == "en" || t_[k - 1].text == "and") &&
             t_[k - 2].type == Token::kNumber)
        k -= 2;
      if (k >= 2 && (t_[k - 1].text == "van" || t_[k - 1].text == "of") &&
          In(people, t_[k - 2].text))
        return true;
    }
    // "as you're dropping it off around half five", "als je rond vijf uur
    // langskomt": the customer's time, said roughly.
    // Not a length ("in around 10 days").
    if (static const WordSet roughly = {"around", "rond", "omstreeks"};
        In(roughly, Word(from, -1)) && to > from && !TimeUnitOf(t_[to - 1].text))
      for (size_t k = from >= 7 ? from - 7 : 0; k + 1 < from; ++k)
        if (t_[k].text == "you're" || t_[k].text == "you" || t_[k].text == "je" ||
            t_[k].text == "u" || t_[k].text == "jullie")
          return true;
    // "en u om kwart voor negen hier binnenstapt": when they come in.
    {
      static const WordSet arrive = {"binnenstapt", "binnenkomt", "aankomt",      "arriveert",
                                     "binnenloopt", "aankomen",   "binnenstappen"};
      // "als jullie zondag om kwart over vier aankomen": the subject a
      // word or two before.
      const bool subject = Word(from, -2) == "u" || Word(from, -2) == "je" ||
                           Word(from, -2) == "jullie" || Word(from, -3) == "u" ||
                           Word(from, -3) == "je" || Word(from, -3) == "jullie";
      if ((Word(from, -1) == "om" || Word(from, -1) == "rond") && subject)
        for (size_t k = to; k < t_.size() && k < to + 3; ++k)
          if (In(arrive, t_[k].text)) return true;
    }
    for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
      // Not the verb: "follow-ups last 30 minutes".
      // Not "Last entry is 30 minutes before closing": a rule.
      // "last" is the customer's past only after "the", "in", "over",
      // "your" or "past" ("in the last 3 days"); "drives last up to 30
      // minutes" is the verb.
      if (In(LastWords(), t_[k].text) &&
          !(t_[k].text == "last" &&
            !(k > 0 &&
              (t_[k - 1].text == "the" || t_[k - 1].text == "in" || t_[k - 1].text == "over" ||
               t_[k - 1].text == "your" || t_[k - 1].text == "past"))))
        return true;
    // "It's 2 March today", "came in at 12:40 today", "vandaag, 14 mei": the
    // customer's now; but not a limit for today (see Today).
    if (Today(from, to) && !LimitBefore(from)) return true;
    // "it's quarter past seven now", "het is nu kwart over vier": the
    // customer's now.
    if (Word(to, 0) == "now" || Word(from, -1) == "nu")
      for (size_t k = from >= 4 ? from - 4 : 0; k < from; ++k)
        if (t_[k].text == "it's" ||
            (t_[k].text == "is" && k > 0 && (t_[k - 1].text == "it" || t_[k - 1].text == "het")))
          return true;
    // "the bike is two and a half years old", "je fiets is nu anderhalf
    // jaar oud": how old the customer's thing is; "for another two years":
    // what is left of it.
    {
      // "nog ruim 7 jaar": the same.
      const int k = Word(from, -1) == "ruim" || Word(from, -1) == "bijna" ? 1 : 0;
      const auto w = [&](int o) { return Word(from, o - k); };
      if (Word(to, 0) == "old" || Word(to, 0) == "oud" || w(-1) == "another" ||
          (w(-1) == "nog" &&
           (w(-2) == "hebt" || w(-2) == "heeft" || w(-2) == "heb" ||
            ((w(-2) == "je" || w(-2) == "u") && (w(-3) == "heb" || w(-3) == "heeft")))))
        return true;
    }
    // "our engineer was with you for an hour": how long it took this time.
    if (Word(from, -1) == "for")
      for (size_t k = from >= 6 ? from - 6 : 0; k + 1 < from; ++k)
        if (t_[k].text == "was" || t_[k].text == "were" || t_[k].text == "spent" ||
            t_[k].text == "took")
          return true;
    // "it's only the 9th", "het is nu 14 maart": the customer's date.
    for (size_t k = from >= 4 ? from - 4 : 0; k + 1 < from; ++k)
      if ((t_[k].text == "it's" ||
           (t_[k].text == "is" && k > 0 && (t_[k - 1].text == "it" || t_[k - 1].text == "het"))) &&
          std::all_of(t_.begin() + static_cast<long>(k) + 1, t_.begin() + static_cast<long>(from),
                      [](const Token& x) {
                        return x.text == "only" || x.text == "the" || x.text == "nu" ||
                               x.text == "pas" || x.text == "already" || x.text == "al";
                      }))
        return true;
    // "catch the 9:47", "de trein van 8.15", "de afvaart van half tien": a
    // departure, not a rule.
    static const WordSet departures = {"trein",   "bus",     "boot",     "vlucht", "veerboot",
                                       "afvaart", "pont",    "vertrek",  "train",  "flight",
                                       "ferry",   "sailing", "departure"};
    if (((before == "the" || before == "de") &&
         t_[from].text.find_first_of(":.") != std::string::npos) ||
        ((before == "van" || before == "of") && In(departures, before2)))
      return true;
    // "it's only been 10 days", "you've had the car for 14 months": how long
    // the customer has had it so far.
    // Not "must have been given at least 21 days before".
    static const WordSet so_far = {"been", "had", "gehad", "geweest"};
    static const WordSet given = {"given",  "made",     "done",    "sent",   "paid",
                                  "booked", "received", "gegeven", "gedaan", "betaald"};
    for (size_t k = from >= 4 ? from - 4 : 0; k < from; ++k)
      if (In(so_far, t_[k].text) && !(k + 1 < from && In(given, t_[k + 1].text))) return true;
    // Not a limit in the perfect tense ("as long as you have completed less
    // than 20% of it"): a condition.
    const bool limited = In(LimitWords(), before) || In(LimitWords(), before2) ||
                         before == "under" || before == "over" || before == "onder";
    if (!limited && SoFar(from, to)) return true;
    // "you cancelled 20 hours before check-in", "je annuleerde 3 dagen
    // van tevoren", "your suitcase weighed 26kg", "je koffer woog 26 kg":
    // what the customer did or what their thing was, in the past tense.
    {
      static const WordSet you = {"you", "je", "u", "jij", "jullie", "we", "wij"};
      static const WordSet possessive = {"your", "je", "uw", "jouw"};
      static const WordSet was = {"was",    "were", "weighed", "woog", "measured", "mat",   "cost",
                                  "kostte", "came", "kwam",    "took", "duurde",   "lasted"};
      // English "-ed" after "you"; Dutch by name ("je" is also "your").
      static const WordSet dutch_past = {
          "annuleerde",  "boekte",  "betaalde",  "kocht",       "bracht",     "meldde",
          "zegde",       "leverde", "haalde",    "reserveerde", "arriveerde", "vertrok",
          "annuleerden", "boekten", "betaalden", "kochten",     "brachten",   "haalden"};
      const auto past = [&](std::string_view subject, std::string_view w) {
        return In(PastWords(), w) || In(dutch_past, w) ||
               ((subject == "you" || subject == "we") && w.size() >= 5 && w.ends_with("ed"));
      };
      // "you canceled your spin class about 20 hours before": the verb's
      // object between.
      for (size_t k = from >= 6 ? from - 6 : 0; k + 1 < from; ++k) {
        if (t_[k].type == Token::kSymbol) continue;
        // "you cancelled", or "your suitcase weighed".
        const bool person = In(you, t_[k].text);
        const bool thing = k + 2 < from && In(possessive, t_[k].text) &&
                           t_[k + 1].type == Token::kWord && !In(you, t_[k + 1].text) &&
                           !In(possessive, t_[k + 1].text) && In(was, t_[k + 2].text);
        if (!person && !thing) continue;
        const size_t verb = person ? k + 1 : k + 2;
        bool clean = true;
        for (size_t m = k; m < from; ++m) clean = clean && t_[m].type != Token::kSymbol;
        if (clean && verb < from && (thing || past(t_[k].text, t_[verb].text))) return true;
      }
    }
    // "add $7 more", "met € 7 erbij": how far the customer is from it.
    if ((Word(to, 0) == "more" &&
         (Word(from, -1) == "add" || Word(from, -1) == "another" || Word(from, -1) == "spend")) ||
        (Word(to, 0) == "erbij" && (Word(from, -1) == "met" || Word(from, -1) == "nog")))
      return true;
    // "uw bestelling van dinsdag om 21.40 uur", "your appointment on Monday".
    static const WordSet possessive = {"uw", "je", "jouw", "your"};
    static const WordSet theirs = {
        "bestelling",  "order",        "afspraak", "appointment", "bericht",      "message",
        "email",       "mail",         "aankoop",  "purchase",    "booking",      "boeking",
        "reservering", "reservation",  "gesprek",  "call",        "telefoontje",  "aanvraag",
        "request",     "betaling",     "payment",  "factuur",     "invoice",      "levering",
        "delivery",    "retour",       "return",   "klacht",      "complaint",    "trein",
        "train",       "vlucht",       "flight",   "bus",         "bezorging",    "slot",
        "tijdvak",     "bezorgmoment", "basket",   "mandje",      "winkelmandje", "cart",
        "winkelwagen", "total",        "totaal",   "salaris",     "salary",       "loon",
        "wages",       "lesson",       "les",      "class",       "session",      "sessie",
        "controle",    "check-up",     "consult",  "treatment",   "behandeling",  "balance",
        "saldo"};
    static const WordSet link = {"van", "of", "op", "on", "om", "at", "from"};
    // "your two-hour hospital appointment", "je 3-daagse boeking": the
    // customer's, said before what it is of.
    if (In(possessive, Word(from, -1)))
      for (size_t k = to; k < t_.size() && k < to + 3; ++k)
        if (In(theirs, t_[k].text) || t_[k].text == "trip" || t_[k].text == "reis" ||
            t_[k].text == "stay" || t_[k].text == "verblijf" || t_[k].text == "visit")
          return true;
    // "uw vlucht landt om 22.15 uur", "your train leaves at 8.15".
    // "your train gets in at 3.50pm", "je bezorging staat voor donderdag
    // tussen 18.00 en 19.00 uur".
    static const WordSet goes = {"landt",  "lands",   "arrives", "komt",    "vertrekt",
                                 "leaves", "departs", "begint",  "starts",  "is",
                                 "was",    "gaat",    "gets",    "pulls",   "comes",
                                 "staat",  "stond",   "ends",    "eindigt", "loopt"};
    static const WordSet particle = {"in", "aan", "binnen", "gepland", "planned", "scheduled"};
    for (size_t p = from >= 9 ? from - 9 : 0; p + 2 < from; ++p) {
      // "your train's at 4", "your lesson's at 9am tomorrow".
      std::string_view noun = t_[p + 1].text;
      const bool contracted = noun.ends_with("'s");
      if (contracted) noun.remove_suffix(2);
      if (!In(possessive, t_[p].text) || !In(theirs, noun)) continue;
      size_t at = p + 2;
      const bool verb = contracted || (In(goes, t_[at].text) && at + 1 < from);
      if (verb && !contracted) ++at;
      // "staat nu op", "is currently at".
      if (verb && at + 1 < from &&
          (t_[at].text == "nu" || t_[at].text == "now" || t_[at].text == "currently" ||
           t_[at].text == "momenteel" || t_[at].text == "al" || t_[at].text == "already"))
        ++at;
      if (In(particle, t_[at].text) && at + 1 < from) ++at;
      // "staat voor donderdag": for when it is set (not "je bestelling vóór
      // 22.00 uur plaatsen", a rule).
      if (!In(link, t_[at].text) && !(verb && (t_[at].text == "voor" || t_[at].text == "for")))
        continue;
      bool plain = true, between = false;
      for (size_t k = at + 1; k < from; ++k) {
        plain = plain && (t_[k].type != Token::kWord || WeekdayOf(t_[k].text) ||
                          MonthOf(t_[k].text) || In(link, t_[k].text) || t_[k].text == "uur" ||
                          t_[k].text == "tussen" || t_[k].text == "between" ||
                          (between && (t_[k].text == "en" || t_[k].text == "and")));
        between = between || t_[k].text == "tussen" || t_[k].text == "between";
      }
      if (plain) return true;
    }
    return false;
  }
  int Bound(size_t from, ConflictKind kind) const {
    // "vóór 18.00 uur", "before 8 pm": a time on its early side agrees.
    // "late pick-ups after 6 pm", "na 18.00 uur": the late side.
    if (kind == ConflictKind::kDeadline) {
      static const WordSet before = {"voor", "before", "by", "uiterlijk"};
      for (size_t k = from >= 2 ? from - 2 : 0; k < from; ++k) {
        if (In(before, t_[k].text)) return -1;
        if (t_[k].text == "after" || t_[k].text == "na") return 1;
      }
      return 0;
    }
    // "tot 20 inch", "tot € 50": up to.
    if (kind == ConflictKind::kAmount && from >= 1 && t_[from - 1].text == "tot") return -1;
    // "voor nog geen twintig euro", "under £20", "less than $5", "nog geen
    // half uur": below it.
    if (kind == ConflictKind::kAmount || kind == ConflictKind::kPeriod)
      for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
        if ((t_[k].text == "geen" && k > 0 && t_[k - 1].text == "nog") || t_[k].text == "under" ||
            t_[k].text == "onder" || t_[k].text == "below" ||
            ((t_[k].text == "less" || t_[k].text == "minder") && k + 1 <= from &&
             (t_[k + 1].text == "than" || t_[k + 1].text == "dan")))
          return -1;
    static const WordSet at_least = {"minimaal", "minimum", "minstens", "tenminste",
                                     "least",    "min",     "minimale", "vanaf"};
    static const WordSet at_most = {
        "max",  "maximaal", "maximum",  "hooguit", "hoogstens",
        "most", "upto",     "maximale", "early"};  // "as early as 3 months before"
    // "orders over $499", "boven de € 50"; "after 12 months", "na een jaar".
    static const WordSet above = {"over", "above", "boven"};
    static const WordSet after = {"after", "na"};
    static const WordSet more = {"more", "meer", "longer", "langer", "older", "ouder"};
    // "vanaf een bestelbedrag van € 35", "from an order value of £40": the
    // bound word a little further back, over plain words only.
    if (kind == ConflictKind::kAmount)
      for (size_t k = from >= 6 ? from - 6 : 0; k + 3 < from; ++k) {
        if (!In(at_least, t_[k].text) && !In(above, t_[k].text)) continue;
        static const WordSet plain = {"een",   "an",     "a",      "the",           "van",
                                      "of",    "order",  "orders", "bestelbedrag",  "bestelling",
                                      "value", "bedrag", "amount", "aankoopbedrag", "bestellingen",
                                      "spend", "totaal", "total"};
        if (std::all_of(
                t_.begin() + static_cast<long>(k) + 1, t_.begin() + static_cast<long>(from),
                [](const Token& x) { return In(plain, x.text) || IsCurrencySymbol(x.text); }))
          return 1;
      }
    for (size_t k = from >= 3 ? from - 3 : 0; k <= from && k < t_.size(); ++k) {
      if (In(at_least, t_[k].text)) return 1;
      if (In(at_most, t_[k].text) &&
          (t_[k].text != "early" || (k + 1 < t_.size() && t_[k + 1].text == "as")))
        return -1;
      if (k + 2 >= from && k < from &&
          ((kind == ConflictKind::kAmount && In(above, t_[k].text)) ||
           (kind == ConflictKind::kPeriod && In(after, t_[k].text))))
        return 1;
      // "than" may open the fact's own words ("no more than 10 kilos").
      if (In(more, t_[k].text) && k + 1 <= from && k + 1 < t_.size() &&
          (t_[k + 1].text == "than" || t_[k + 1].text == "dan"))
        return k > 0 && IsNegation(t_[k - 1].text) ? -1 : 1;
    }
    return 0;
  }
  void Add(ConflictKind kind, std::string unit, double lo, double hi, bool loose, size_t from,
           size_t to) {
    // "één minuut voor middernacht", "ten minutes to midnight": a time.
    if (kind == ConflictKind::kPeriod && unit == "hours" && lo == hi && lo < 1 &&
        (Word(to, 0) == "voor" || Word(to, 0) == "before" || Word(to, 0) == "to")) {
      const std::string_view at = Word(to, 1);
      const double base = at == "middernacht" || at == "midnight" ? 1440
                          : at == "noon" || at == "twaalven"      ? 720
                                                                  : 0;
      if (base > 0) {
        kind = ConflictKind::kDeadline;
        unit = "clock";
        lo = hi = base - lo * 60;
        loose = false;
        to += 2;
      }
    }
    static const WordSet rate = {"per", "a", "an", "each", "every", "elke", "iedere", "ieder"};
    static const WordSet times = {"per",   "each", "every", "elke",  "iedere", "ieder",
                                  "twice", "once", "keer",  "times", "maal",   "x"};
    // "twee keer per jaar", "every six months": how often, not how long.
    if (kind == ConflictKind::kPeriod && (In(times, Word(from, -1)) || In(rate, Word(from, 0))))
      if (In(times, Word(from, -1)) || Word(from, -1) == "twice" || Word(from, -1) == "keer")
        return;
    // "£95 an hour", "€180 a month": what a price is per, not how long.
    if (kind == ConflictKind::kPeriod && from > 0 &&
        (Word(from, 0) == "a" || Word(from, 0) == "an") && t_[from - 1].type == Token::kNumber)
      return;
    // "six hours a day", "3 keer per week": what something is per; "a
    // month-to-month plan": no period at all.
    // "12 litres an hour", "50 km per uur": a rate, no period.
    if (kind == ConflictKind::kPeriod && from > 0 &&
        (Word(from, 0) == "a" || Word(from, 0) == "an" || Word(from, 0) == "per") &&
        (TimeUnitOf(t_[from - 1].text) || Word(from, -1) == "times" || Word(from, -1) == "keer" ||
         (In(MeasureWords(), t_[from - 1].text) && from >= 2 &&
          t_[from - 2].type == Token::kNumber)))
      return;
    if (kind == ConflictKind::kPeriod && (Word(to, 0) == "to" || Word(to, 1) == "to") &&
        (Word(to, 1) == "-" || Word(to, 0) == "-" || TimeUnitOf(std::string(Word(to, 1))) ||
         TimeUnitOf(std::string(Word(to, 2)))))
      return;
    // "€ 96 per jaar" is not "€ 8 per maand": an amount per something is
    // compared with amounts per the same.
    // Counts are so only per a time ("200 km per dag"; "één keer per
    // persoon" is once).
    // "a £1.50 booking fee per ticket", "€ 2,50 administratiekosten per
    // kaart": the fee's name between.
    if (kind == ConflictKind::kAmount && unit == "money") {
      size_t at = to;
      static const WordSet fee_words = {"booking", "service", "fee",       "fees",
                                        "charge",  "toeslag", "surcharge", "admin"};
      while (at < t_.size() && at < to + 2 &&
             (In(fee_words, t_[at].text) || t_[at].text.ends_with("kosten")))
        ++at;
      if (at > to && at + 1 < t_.size() && In(rate, t_[at].text) &&
          t_[at + 1].type == Token::kWord && !TimeUnitOf(t_[at + 1].text))
        to = at;
    }
    // "for every extra half hour", "voor elke extra nacht": per.
    if (kind == ConflictKind::kAmount && unit == "money" && to + 2 < t_.size() &&
        (t_[to].text == "for" || t_[to].text == "voor") &&
        (t_[to + 1].text == "every" || t_[to + 1].text == "each" || t_[to + 1].text == "elke" ||
         t_[to + 1].text == "elk" || t_[to + 1].text == "iedere"))
      ++to;
    static const WordSet qualifying = {"gemist",   "gemiste",   "aangebroken", "begonnen",
                                       "extra",    "missed",    "additional",  "started",
                                       "volledig", "volledige", "full",        "part"};
    // "per additional 30 minutes", "every extra half hour": per that time.
    if (kind == ConflictKind::kAmount && unit == "money" && In(rate, Word(to, 0))) {
      size_t j = to + 1;
      if (j < t_.size() && In(qualifying, t_[j].text)) ++j;
      std::optional<double> count;
      if (j + 1 < t_.size() && t_[j].type == Token::kNumber) count = NumberOf(t_[j].text);
      if (j + 1 < t_.size() && t_[j].text == "half") count = 0.5;
      if (count && *count > 0)
        if (const auto u = TimeUnitOf(t_[j + 1].text); u && !u->working_days) {
          unit += "/" + std::to_string(static_cast<int>(*count * u->hours * 60));
          to = j + 2;
        }
    }
    if (kind == ConflictKind::kAmount &&
        (unit == "money" || (unit.starts_with("count") && to + 1 < t_.size() &&
                             (TimeUnitOf(t_[to + 1].text) || t_[to + 1].text == "nacht" ||
                              t_[to + 1].text == "night"))) &&
        In(rate, Word(to, 0)) && to + 1 < t_.size() && t_[to + 1].type == Token::kWord) {
      // "per gemist kwartier", "per aangebroken uur", "per extra night":
      // per the noun after the word that qualifies it.
      if (to + 2 < t_.size() && In(qualifying, t_[to + 1].text) && t_[to + 2].type == Token::kWord)
        ++to;
      const std::string& per = t_[to + 1].text;
      if (auto u = TimeUnitOf(per)) {
        unit += "/" + std::to_string(static_cast<int>(u->working_days ? 24 : u->hours * 60));
      } else if (per == "nacht" || per == "night") {
        unit += "/1440";
      } else {
        unit += "/" + Stem(per, Language::kEn);
      }
      to += 2;
    }
    // "voor het hele weekend", "for the whole year": per the weekend, per
    // the year.
    if (kind == ConflictKind::kAmount && unit == "money" && to + 3 < t_.size() &&
        (t_[to].text == "voor" || t_[to].text == "for") &&
        (t_[to + 1].text == "het" || t_[to + 1].text == "de" || t_[to + 1].text == "the") &&
        (t_[to + 2].text == "hele" || t_[to + 2].text == "gehele" || t_[to + 2].text == "whole" ||
         t_[to + 2].text == "entire") &&
        t_[to + 3].type == Token::kWord) {
      const std::string& per = t_[to + 3].text;
      if (const auto u = TimeUnitOf(per); u && !u->working_days)
        unit += "/" + std::to_string(static_cast<int>(u->hours * 60));
      else if (per == "weekend")
        unit += "/weekend";
      if (unit != "money") to += 4;
    }
    // "per jaar betaal je € 120", "every month you pay $10": per a time
    // said before the amount, in the same few words.
    // Not "gratis" ("één keer per maand gratis") nor a cap ("per hour up
    // to a maximum of £22").
    if (kind == ConflictKind::kAmount && unit == "money" && from >= 2 && lo > 0) {
      static const WordSet each = {"per", "elke", "iedere", "every", "each"};
      for (size_t k = from - 2; k + 4 >= from; --k) {
        if (t_[k + 1].type == Token::kNumber || t_[k + 1].type == Token::kSymbol ||
            In(LimitWords(), t_[k + 1].text))
          break;
        if (In(each, t_[k].text))
          if (const auto u = TimeUnitOf(t_[k + 1].text); u && !u->working_days) {
            unit += "/" + std::to_string(static_cast<int>(u->hours * 60));
            break;
          }
        if (k == 0 || t_[k].type != Token::kWord) break;
      }
    }
    // "$35 monthly pet rent", "€ 4 wekelijks": per a time in one word.
    if (kind == ConflictKind::kAmount && unit == "money" && to < t_.size()) {
      static const std::map<std::string_view, std::string_view> every = {
          {"daily", "day"},      {"dagelijks", "dag"}, {"weekly", "week"},
          {"wekelijks", "week"}, {"monthly", "month"}, {"maandelijks", "maand"},
          {"yearly", "year"},    {"annually", "year"}, {"jaarlijks", "jaar"}};
      if (const auto it = every.find(t_[to].text); it != every.end())
        if (const auto u = TimeUnitOf(it->second)) {
          unit += "/" + std::to_string(static_cast<int>(u->hours * 60));
          ++to;
        }
    }
    // "just under half an hour", "ongeveer twee weken": about, not exactly.
    static const WordSet about = {"under",         "ongeveer", "about", "around", "roughly",
                                  "approximately", "circa",    "ca",    "bijna",  "almost",
                                  "nearly",        "rond",     "ruim",  "zo'n"};
    if (kind == ConflictKind::kPeriod)
      for (size_t k = from >= 2 ? from - 2 : 0; k < from; ++k)
        loose = loose || In(about, t_[k].text);
    Fact f;
    f.kind = kind;
    f.unit = std::move(unit);
    f.lo = lo;
    f.hi = hi;
    f.loose = loose;
    f.text = Span(from, to);
    f.sentence = index_;
    f.own = Own(from, to);
    // Said as the customer's plan ("if you okay the proof by 11:30 this
    // morning"), not as what they must do ("moet je vóór acht uur vanavond
    // bestellen").
    f.today = !f.own && Today(from, to) && LimitBefore(from) && [&] {
      static const WordSet plan = {"if", "als", "zolang", "long", "provided", "mits"};
      for (size_t k = from >= 10 ? from - 10 : 0; k < from; ++k)
        if (In(plan, t_[k].text)) return true;
      return false;
    }();
    f.within = from > 0 && (t_[from - 1].text == "within" || t_[from - 1].text == "binnen");
    if (kind == ConflictKind::kPeriod && f.unit == "hours") {
      static const WordSet age_cue = {"jonger", "ouder",    "younger", "older", "aged",
                                      "age",    "leeftijd", "jarige",  "oud",   "old"};
      for (size_t k = from >= 3 ? from - 3 : 0; k < std::min(t_.size(), to + 3); ++k)
        f.age = f.age || In(age_cue, t_[k].text);
    }
    // "up to 60 × 40 × 40 cm": each size is bounded as the first.
    size_t first = from;
    while (first >= 2 && (t_[first - 1].text == "×" || t_[first - 1].text == "x") &&
           t_[first - 2].type == Token::kNumber)
      first -= 2;
    // "Children under 5 travel free": the limit is the age's, not free's.
    f.bound = kind == ConflictKind::kAmount && hi <= 0 ? 0 : Bound(first, kind);
    // Ages and other limits said after the number: "18 and over", "21+",
    // "65 of ouder", "12 and under"; and "kinderen tot en met 12 jaar".
    if (f.bound == 0 && (kind == ConflictKind::kAmount || kind == ConflictKind::kPeriod)) {
      static const WordSet up = {"over",   "older",  "ouder",   "up",      "above",
                                 "longer", "langer", "more",    "meer",    "later",
                                 "higher", "hoger",  "heavier", "zwaarder"};
      static const WordSet down = {"under", "younger", "jonger", "below", "lower", "lager"};
      static const WordSet join = {"and", "or", "en", "of"};
      // "at the earliest", "op zijn vroegst"; "at the latest", "op z'n laatst".
      const std::string_view end_word =
          Word(to, 0) == "at" || Word(to, 0) == "op" ? Word(to, 2) : "";
      // "30 minuten vertraging of meer": one word between.
      const bool more_after = Word(to, 1) != "" && In(join, Word(to, 1)) &&
                              (Word(to, 2) == "more" || Word(to, 2) == "meer" ||
                               Word(to, 2) == "longer" || Word(to, 2) == "langer");
      // Not "€ 119,50 plus € 4 servicekosten", "£149 plus a £6.50 fee": a sum.
      const bool sum = to + 1 < t_.size() &&
                       (t_[to + 1].type == Token::kNumber || IsCurrencySymbol(t_[to + 1].text) ||
                        Word(to, 1) == "a" || Word(to, 1) == "an" || Word(to, 1) == "een");
      const bool plus_more = Word(to, 0) == "plus" && !sum;
      if (plus_more || (In(join, Word(to, 0)) && In(up, Word(to, 1))) || more_after ||
          end_word == "earliest" || end_word == "vroegst")
        f.bound = 1;
      else if ((In(join, Word(to, 0)) && In(down, Word(to, 1))) || end_word == "latest" ||
               end_word == "laatst" ||
               (kind == ConflictKind::kPeriod && lo >= 8760 &&
                (Word(from, -1) == "tm" || Word(from, -1) == "t/m" ||
                 (Word(from, -1) == "met" && Word(from, -2) == "en" && Word(from, -3) == "tot") ||
                 Word(from, -1) == "tot" || Word(from, -1) == "onder" ||
                 Word(from, -1) == "under")))
        f.bound = -1;
    }
    if (kind == ConflictKind::kDate &&
        (f.unit == "date" || f.unit == "monthday" || f.unit == "weekday")) {
      // "op maandag 28 oktober is iedereen weer op school", "we're back on
      // 2 January": the first day after.
      static const WordSet again = {"weer", "again", "back", "heropend", "reopens", "reopen"};
      for (size_t k = from >= 2 ? from - 2 : 0; k < t_.size() && k < to + 5; ++k) {
        if (k >= to && t_[k].type == Token::kSymbol) break;
        if (In(again, t_[k].text)) f.edge = -1;
      }
      // "uiterlijk op de 23e": the last day.
      if (Word(from, -3) == "uiterlijk") f.edge = 1;
      for (size_t k = from >= 2 ? from - 2 : 0; k < from; ++k) {
        const std::string& w = t_[k].text;
        // "tot en met zaterdag 13 december": the last day.
        if (w == "met" && k >= 2 && t_[k - 1].text == "en" && t_[k - 2].text == "tot") f.edge = 1;
        if (w == "voor" || w == "before") f.edge = -1;
        // "vanaf 14 december", "gaat in op 14 december", "from 1 May": the
        // first day, the day after the last one of what came before.
        if (w == "vanaf" || w == "from" || (w == "op" && k > 0 && t_[k - 1].text == "in") ||
            w == "starting")
          f.edge = -1;
        if (w == "uiterlijk" || w == "by" || w == "until" || w == "through" || w == "tm" ||
            w == "t/m")
          f.edge = 1;
      }
      // "tot en met zondag 27 oktober": the weekday is the same edge.
      if (f.unit == "date" && !facts_.empty() && facts_.back().unit == "weekday" &&
          facts_.back().sentence == f.sentence && WeekdayOf(Word(from, -1)))
        facts_.back().edge = f.edge;
    }
    if (f.kind == ConflictKind::kDeadline && f.unit == "clock") clock_end_ = to;
    facts_.push_back(std::move(f));
  }

  // The cents spoken after a currency word at `i`: a whole number from 1
  // to 99, in words or digits, that counts nothing else ("vijftig",
  // "fifty", "50"; not "5 dagen"); its value and the token after it.
  std::optional<std::pair<double, size_t>> CentsAt(size_t i) const {
    std::optional<std::pair<double, size_t>> n;
    if (!t_[i].text.empty() && IsDigit(t_[i].text[0]) &&
        t_[i].text.find_first_not_of("0123456789") == std::string::npos && t_[i].text.size() <= 2)
      n = std::make_pair(std::stod(t_[i].text), i + 1);
    else if (NumberWords().contains(t_[i].text))
      n = WordNumber(i);
    if (!n || n->first < 1 || n->first >= 100 || n->first != std::floor(n->first))
      return std::nullopt;
    if (n->second < t_.size()) {
      const std::string& after = t_[n->second].text;
      if (TimeUnitOf(after) || In(CurrencyWords(), after) || In(PercentWords(), after) ||
          In(MeasureWords(), after) || after == "%" || after == ":" || after == ".")
        return std::nullopt;
    }
    return n;
  }

  // A number written in words at `i` ("veertien", "twenty one", "a" before
  // a unit): its value and the token after it.
  std::optional<std::pair<double, size_t>> WordNumber(size_t i) const {
    const std::string& w = t_[i].text;
    const auto& words = NumberWords();
    if (auto it = words.find(w); it != words.end()) {
      double v = it->second;
      size_t next = i + 1;
      // "twenty one", "twenty-one".
      if (v >= 20 && v < 100) {
        size_t k = next;
        if (k < t_.size() && t_[k].text == "-") ++k;
        if (k < t_.size())
          if (auto u = words.find(t_[k].text); u != words.end() && u->second < 10) {
            v += u->second;
            next = k + 1;
          }
      }
      // "one and a half", "twee en een half".
      if (next + 2 < t_.size() && (t_[next].text == "and" || t_[next].text == "en") &&
          (t_[next + 1].text == "a" || t_[next + 1].text == "een") && t_[next + 2].text == "half") {
        v += 0.5;
        next += 3;
      }
      // "three quarters of an hour".
      if (next + 3 < t_.size() && (t_[next].text == "quarters" || t_[next].text == "quarter") &&
          t_[next + 1].text == "of" && (t_[next + 2].text == "an" || t_[next + 2].text == "a") &&
          TimeUnitOf(t_[next + 3].text))
        return std::make_pair(v * 0.25, next + 3);
      return std::make_pair(v, next);
    }
    // "een week", "a month", "an hour", "half an hour", "een half uur".
    if ((w == "een" || w == "a" || w == "an" || w == "one") && i + 1 < t_.size()) {
      if (t_[i + 1].text == "half" || t_[i + 1].text == "halve") return std::make_pair(0.5, i + 2);
      // "a full week", "a whole month", "een hele maand".
      static const WordSet whole = {"full", "whole", "hele", "volle", "complete", "gehele"};
      // Not what is priced ("£68 for a full day").
      const bool priced_unit = i >= 2 && (t_[i - 1].text == "for" || t_[i - 1].text == "voor") &&
                               t_[i - 2].type == Token::kNumber;
      if (i + 2 < t_.size() && In(whole, t_[i + 1].text) && TimeUnitOf(t_[i + 2].text) &&
          !priced_unit)
        return std::make_pair(1.0, i + 2);
      // "a year and a half", "een jaar en een half".
      if (TimeUnitOf(t_[i + 1].text)) {
        const bool and_half =
            i + 4 < t_.size() && (t_[i + 2].text == "and" || t_[i + 2].text == "en") &&
            (t_[i + 3].text == "a" || t_[i + 3].text == "een") && t_[i + 4].text == "half";
        return std::make_pair(and_half ? 1.5 : 1.0, i + 1);
      }
    }
    if ((w == "half" || w == "halve") && i + 1 < t_.size()) {
      size_t k = i + 1;
      if (t_[k].text == "an" || t_[k].text == "a") ++k;
      if (k < t_.size() && TimeUnitOf(t_[k].text)) return std::make_pair(0.5, k);
      // "half a dozen".
      if (k < t_.size() && t_[k].text == "dozen") return std::make_pair(6.0, k + 1);
    }
    // "a quarter of an hour", "three quarters of an hour".
    if ((w == "quarter" || w == "quarters") && i + 3 < t_.size() && t_[i + 1].text == "of" &&
        (t_[i + 2].text == "an" || t_[i + 2].text == "a") && TimeUnitOf(t_[i + 3].text)) {
      // "three-quarters of an hour": the number before the hyphen.
      const size_t b = i > 1 && t_[i - 1].text == "-" ? i - 2 : i - 1;
      const double n =
          i > 0 && NumberWords().contains(t_[b].text) ? NumberWords().at(t_[b].text) : 1;
      return std::make_pair(0.25 * n, i + 3);
    }
    return std::nullopt;
  }

  // After a number (value `v`, tokens [from, next)): what it counts.
  void After(double v, double hi, size_t from, size_t next, const std::string& raw, bool digits) {
    const std::string_view prev = Word(from, -1);
    const std::string_view w = next < t_.size() ? std::string_view(t_[next].text) : "";
    const std::string_view w2 = next + 1 < t_.size() ? std::string_view(t_[next + 1].text) : "";

    // Money and percentages.
    if (IsCurrencySymbol(prev) || prev == "eur" || prev == "euro" || prev == "usd" ||
        prev == "gbp") {
      Add(ConflictKind::kAmount, "money", v, hi, false, from - 1, next);
      skip_until_ = next;
      return;
    }
    // A temperature: "38°C", "38 graden", "100 degrees".
    if (w == "degrees" || w == "graden" || w == "degree") {
      Add(ConflictKind::kAmount, "count:degree", v, hi, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    // "a 5-euro fee"; "a 10-pound minimum" may weigh, so it counts pounds.
    if (w == "-" && In(CurrencyWords(), w2)) {
      Add(ConflictKind::kAmount, w2.starts_with("pound") ? "count:pound" : "money", v, hi, false,
          from, next + 2);
      skip_until_ = next + 2;
      return;
    }
    if (In(CurrencyWords(), w)) {
      const double scale = (w == "cent" || w == "cents" || w == "eurocent") ? 0.01 : 1;
      // "twaalf euro vijftig", "five pounds fifty": the cents after it.
      if (scale == 1 && v == hi && next + 1 < t_.size())
        if (auto cents = CentsAt(next + 1)) {
          Add(ConflictKind::kAmount, "money", v + cents->first / 100, v + cents->first / 100, false,
              from, cents->second);
          skip_until_ = cents->second;
          return;
        }
      Add(ConflictKind::kAmount, "money", v * scale, hi * scale, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    if (w == "%" || In(PercentWords(), w) || (w == "per" && (w2 == "cent" || w2 == "cents"))) {
      Add(ConflictKind::kAmount, "percent", v, hi, false, from, next + (w == "per" ? 2 : 1));
      skip_until_ = next + 1;
      return;
    }
    // "12 noon", "12 midnight".
    if ((w == "noon" || w == "midday" || w == "midnight") && v == 12) {
      const double m = w == "midnight" ? 1440 : 720;
      Add(ConflictKind::kDeadline, "clock", m, m, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    // "10p a page": pence.
    if (w == "p" && digits && next + 1 <= t_.size()) {
      Add(ConflictKind::kAmount, "money", v / 100, hi / 100, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    // A time of day.
    const bool am = w == "am";
    const bool pm = w == "pm";
    // "8 in the evening", "10 at night": a time of day.
    const bool part_of_day_en =
        v >= 1 && v <= 12 &&
        ((w == "in" && w2 == "the" && next + 2 < t_.size() &&
          (t_[next + 2].text == "evening" || t_[next + 2].text == "afternoon" ||
           t_[next + 2].text == "morning")) ||
         (w == "at" && w2 == "night"));
    const bool oclock = w == "o'clock" || (w == "o" && w2 == "clock") || part_of_day_en;
    const bool colon = raw.find(':') != std::string::npos;
    const bool clock_dot = raw.size() >= 4 && raw[raw.size() - 3] == '.' && digits;
    // "uiterlijk 24 uur van tevoren", "24 hours before": a period.
    const std::string_view w3 = next + 2 < t_.size() ? std::string_view(t_[next + 2].text) : "";
    const bool ahead = w2 == "tevoren" || w2 == "vooraf" || w2 == "voor" || w2 == "before" ||
                       w2 == "prior" || w2 == "ervoor" || w2 == "voordat" ||
                       (w2 == "van" && w3 == "tevoren") || (w2 == "in" && w3 == "advance") ||
                       w2 == "na" || w2 == "after" || w2 == "later" || w2 == "eerder" ||
                       w2 == "earlier";
    // "om 5 uur"; not "sluit een half uur eerder", nor "na 24 uur" (no
    // time of day).
    const bool hour_word = (w == "uur" || w == "u" || w == "h") && In(TimeCueWords(), prev) &&
                           !ahead && v >= 1 && v < 24;
    // "6.30–9.00 uur", "8.00 tot 18.00 uur": the first time of a stretch.
    size_t then = next;
    if (then < t_.size() &&
        (t_[then].text == "-" || t_[then].text == "tot" || t_[then].text == "to"))
      ++then;
    const bool stretch_start = clock_dot && then + 1 < t_.size() &&
                               t_[then].type == Token::kNumber && t_[then].text.size() >= 4 &&
                               t_[then].text[t_[then].text.size() - 3] == '.' &&
                               (t_[then + 1].text == "uur" || t_[then + 1].text == "u");
    // "twee uur 's middags": a time of day, whatever comes before it.
    const bool part_of_day = w == "uur" && next + 2 < t_.size() &&
                             (t_[next + 1].text == "s" || t_[next + 1].text == "'s") &&
                             (t_[next + 2].text == "middags" || t_[next + 2].text == "avonds" ||
                              t_[next + 2].text == "ochtends" || t_[next + 2].text == "morgens" ||
                              t_[next + 2].text == "nachts");
    // "until 6", "starts taking calls at 9.": a bare hour after a word of
    // time, with nothing after it that it counts.
    static const WordSet bare_cue = {"until", "till", "at", "by", "tot", "vanaf"};
    static const WordSet bare_after = {"on",      "and",    "or",    "en",      "of",
                                       "every",   "each",   "today", "tonight", "tomorrow",
                                       "vandaag", "morgen", "elke",  "iedere",  "op"};
    // Commas are no tokens: "until ten, so there's no rush".
    const bool comma_after = [&] {
      const std::string text = Lower(s_.text);
      const std::string said = std::string(prev) + " " + t_[next - 1].text + ",";
      return text.find(said) != std::string::npos;
    }();
    // In words too, in English: "by five at the latest", "until ten", "till
    // six this evening".
    static const WordSet english_cue = {"until", "till", "by"};
    // "keep it till three for an extra twenty dollars".
    const bool word_hour =
        !digits && IsEnglishNumber(t_[from].text) && In(english_cue, prev) &&
        (next >= t_.size() || t_[next].type == Token::kSymbol || comma_after || In(bare_after, w) ||
         w == "for" || w == "this" || (w == "at" && (w2 == "the" || w2 == "latest")));
    // "between half nine and three", "van 9 uur tot 5": the end of a
    // window whose start was a time of day.
    const bool window_end =
        from >= 2 && clock_end_ == from - 1 &&
        (prev == "and" || prev == "en" || prev == "tot" || prev == "to" || prev == "until" ||
         prev == "till" || prev == "-") &&
        (digits || IsEnglishNumber(t_[from].text) || NumberWords().contains(t_[from].text)) &&
        (next >= t_.size() || t_[next].type == Token::kSymbol || comma_after || In(bare_after, w) ||
         w == "so" || w == "dus");
    const bool bare_hour = (digits || word_hour || window_end) && !clock_dot && !colon && v >= 1 &&
                           v <= 12 && v == std::floor(v) && (In(bare_cue, prev) || window_end) &&
                           (next >= t_.size() || t_[next].type == Token::kSymbol || comma_after ||
                            In(bare_after, w) || word_hour || window_end);
    if (am || pm || oclock || colon ||
        (clock_dot && (w == "uur" || w == "u" || w == "h" || In(TimeCueWords(), prev))) ||
        hour_word || stretch_start || part_of_day || bare_hour) {
      std::optional<Clock> c = digits ? ClockOf(raw) : std::optional<Clock>(Clock{v * 60, v <= 12});
      if (c) {
        if (pm && c->minutes < 12 * 60) c->minutes += 12 * 60;
        if (am || pm) c->loose = false;
        // "8.00 tot 18.00 uur": a 24-hour clock, so 8.00 is the morning.
        if (stretch_start && NumberOf(t_[then].text).value_or(0) >= 13) c->loose = false;
        size_t end = next + ((am || pm || w == "uur" || w == "u" || w == "h") ? 1 : 0) +
                     (oclock && !part_of_day_en ? (w == "o" ? 2 : 1) : 0);
        // "17 uur 's middags", "5 uur 's avonds".
        if (end + 1 < t_.size() && (t_[end].text == "s" || t_[end].text == "'s")) {
          const std::string& part = t_[end + 1].text;
          if ((part == "middags" || part == "avonds") && c->minutes < 12 * 60) c->minutes += 720;
          if (part == "middags" || part == "avonds" || part == "ochtends" || part == "morgens") {
            c->loose = false;
            end += 2;
          }
        }
        // "7:30 in the evening", "four in the afternoon", "10 at night".
        if (end + 2 < t_.size() && t_[end].text == "in" && t_[end + 1].text == "the" &&
            (t_[end + 2].text == "evening" || t_[end + 2].text == "afternoon" ||
             t_[end + 2].text == "morning")) {
          if (t_[end + 2].text != "morning" && c->minutes < 12 * 60) c->minutes += 720;
          c->loose = false;
          end += 3;
        } else {
          // "10 at night", "till six this evening", "eight tonight": the
          // evening, and the words that said so.
          const size_t said =
              end + 1 < t_.size() && t_[end].text == "at" && t_[end + 1].text == "night" &&
                      c->minutes >= 6 * 60
                  ? 2
              : end + 1 < t_.size() && t_[end].text == "this" &&
                      (t_[end + 1].text == "evening" || t_[end + 1].text == "afternoon")
                  ? 2
              : end < t_.size() && t_[end].text == "tonight" && c->minutes >= 5 * 60 ? 1
                                                                                     : 0;
          if (said > 0 && c->minutes < 12 * 60) {
            c->minutes += 720;
            c->loose = false;
            end += said;
          }
        }
        Add(ConflictKind::kDeadline, "clock", c->minutes, c->minutes, c->loose, from, end);
        skip_until_ = end;
        return;
      }
    }
    // A date: "1 maart", "the 1st of March".
    {
      size_t k = next;
      if (k < t_.size() && (t_[k].text == "of" || t_[k].text == "van")) ++k;
      if (k < t_.size() && v >= 1 && v <= 31 && v == std::floor(v))
        if (const int month = MonthOf(t_[k].text)) {
          size_t end = k + 1;
          if (end < t_.size() && t_[end].type == Token::kNumber && t_[end].text.size() == 4) ++end;
          Add(ConflictKind::kDate, "date", month * 100 + v, month * 100 + v, false, from, end);
          skip_until_ = end;
          return;
        }
    }
    // A period: "14 dagen", "two weeks", "2-3 werkdagen", "48 uur".
    {
      size_t k = next;
      if (k < t_.size() && (t_[k].text == "-")) ++k;  // "14-daagse"
      if (k < t_.size() &&
          (t_[k].text == "volle" || t_[k].text == "hele" || t_[k].text == "full" ||
           t_[k].text == "whole" || t_[k].text == "extra" || t_[k].text == "more" ||
           t_[k].text == "calendar" || t_[k].text == "kalender" || t_[k].text == "consecutive" ||
           t_[k].text == "aaneengesloten" || t_[k].text == "achtereenvolgende" ||
           t_[k].text == "opeenvolgende"))
        ++k;
      if (k < t_.size()) {
        bool working = false;
        double weeks = 1;  // "six working weeks", "drie werkweken": five working days each
        size_t unit_at = k;
        if ((t_[k].text == "working" || t_[k].text == "business") && k + 1 < t_.size() &&
            (t_[k + 1].text == "day" || t_[k + 1].text == "days" || t_[k + 1].text == "week" ||
             t_[k + 1].text == "weeks")) {
          working = true;
          unit_at = k + 1;
          if (t_[k + 1].text.starts_with("week")) weeks = 5;
        }
        if (t_[k].text == "werkweek" || t_[k].text == "werkweken") {
          working = true;
          weeks = 5;
        }
        if (auto u = weeks > 1 ? std::optional<TimeUnit>(TimeUnit{0, true})
                               : TimeUnitOf(t_[unit_at].text)) {
          working = working || u->working_days;
          const double scale = working ? weeks : u->hours;
          // "een week of vier": about four weeks.
          if (v == 1 && unit_at + 2 < t_.size() && t_[unit_at + 1].text == "of" &&
              NumberWords().contains(t_[unit_at + 2].text)) {
            const double n = NumberWords().at(t_[unit_at + 2].text);
            Add(ConflictKind::kPeriod, working ? "working_days" : "hours", n * scale, n * scale,
                true, from, unit_at + 3);
            skip_until_ = unit_at + 3;
            return;
          }
          Add(ConflictKind::kPeriod, working ? "working_days" : "hours", v * scale, hi * scale,
              u->loose, from, unit_at + 1);
          skip_until_ = unit_at + 1;
          return;
        }
      }
      // The first of two numbers that share the unit after the second:
      // "minimaal 3 en maximaal 42 dagen", "between 2 and 4 weeks"; a
      // stretch when "to" joins them ("three to five working days").
      static const WordSet joins = {"en", "and", "or", "of", "to", "tot", "a"};
      size_t j = next;
      if (j < t_.size() && In(joins, t_[j].text)) {
        ++j;
        if (j < t_.size() && In(LimitWords(), t_[j].text)) ++j;
        std::optional<double> second;
        if (j < t_.size() && t_[j].type == Token::kNumber)
          second = NumberOf(t_[j].text);
        else if (j < t_.size() && NumberWords().contains(t_[j].text))
          second = NumberWords().at(t_[j].text);
        size_t unit_at2 = j + 1;
        if (unit_at2 + 1 < t_.size() &&
            (t_[unit_at2].text == "working" || t_[unit_at2].text == "business"))
          ++unit_at2;
        // "twee à drie werkdagen" (folded to "a").
        const bool stretch =
            t_[next].text == "to" || t_[next].text == "tot" || (t_[next].text == "a" && second);
        if (stretch && second && *second > v && unit_at2 < t_.size())
          if (auto u = TimeUnitOf(t_[unit_at2].text)) {
            const bool wd = u->working_days || unit_at2 > j + 1;
            const double scale = wd ? 1 : u->hours;
            Add(ConflictKind::kPeriod, wd ? "working_days" : "hours", v * scale, *second * scale,
                u->loose, from, unit_at2 + 1);
            skip_until_ = unit_at2 + 1;
            return;
          }
        if (j + 1 < t_.size() && t_[j].type == Token::kNumber)
          if (auto u = TimeUnitOf(t_[j + 1].text)) {
            Add(ConflictKind::kPeriod, u->working_days ? "working_days" : "hours",
                v * (u->working_days ? 1 : u->hours), hi * (u->working_days ? 1 : u->hours),
                u->loose, from, next);
            skip_until_ = next;
            return;
          }
      }
    }
    // How often: "twee keer", "4 times a month".
    if (w == "keer" || w == "times" || w == "maal") {
      Add(ConflictKind::kAmount, "count:times", v, hi, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    // A count with a limit or in a measure: "maximaal 3 stuks", "20 kg",
    // "200 vrije kilometers".
    {
      bool limit = false;
      for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
        limit = limit || In(LimitWords(), t_[k].text);
      size_t noun = next;
      if (!In(MeasureWords(), w) && next + 1 < t_.size() &&
          (In(MeasureWords(), w2) ||
           (counted_ && !(counted_->contains(w)) && counted_->contains(w2))) &&
          t_[next].type == Token::kWord)
        noun = next + 1;  // one word between: "vrije", "extra", "lap"
      const std::string_view counted = noun < t_.size() ? std::string_view(t_[noun].text) : "";
      const bool measure =
          In(MeasureWords(), counted) ||
          (counted_ && !counted.empty() && t_[noun].type == Token::kWord && In(*counted_, counted));
      if (limit || measure) {
        std::string unit = "count";
        size_t end = next;
        if (!counted.empty() && t_[noun].type == Token::kWord &&
            !IsStopWord(counted, Language::kNl) && !IsStopWord(counted, Language::kEn)) {
          unit += ":" + MeasureName(Stem(counted, Language::kEn));
          end = noun + 1;
        }
        // "guests have to be at least 18": an age.
        if (unit == "count" && limit && v == hi && v >= 12 && v <= 100 && v == std::floor(v) &&
            AboutAges()) {
          Add(ConflictKind::kPeriod, "hours", v * 8760, v * 8760, false,
              from >= 1 ? from - 1 : from, end);
          if (!facts_.empty()) facts_.back().age = true;
        } else
          Add(ConflictKind::kAmount, unit, v, hi, false, from >= 1 && limit ? from - 1 : from, end);
        skip_until_ = end;
      }
    }
  }

  void Number(size_t i) {
    const std::string& raw = t_[i].text;
    // A date written in numbers: "26-12", "26/12/2026".
    if (i + 2 < t_.size() && (t_[i + 1].text == "-" || t_[i + 1].text == "/") &&
        t_[i + 2].type == Token::kNumber) {
      const auto d = NumberOf(raw);
      const auto m = NumberOf(t_[i + 2].text);
      const bool unit_after =
          i + 3 < t_.size() && (TimeUnitOf(t_[i + 3].text) || In(CurrencyWords(), t_[i + 3].text) ||
                                t_[i + 3].text == "working" || t_[i + 3].text == "business");
      if (d && m && !unit_after && *d >= 1 && *d <= 31 && *m >= 1 && *m <= 12 &&
          raw.find_first_of(".,:") == std::string::npos) {
        size_t end = i + 3;
        if (end + 1 < t_.size() && t_[end].text == t_[i + 1].text &&
            t_[end + 1].type == Token::kNumber)
          end += 2;
        Add(ConflictKind::kDate, "date", *m * 100 + *d, *m * 100 + *d, false, i, end);
        skip_until_ = end;
        return;
      }
      // Two times of day: "6.30-9.00 uur", "9:00-17:00": the first one
      // here, the second one next.
      auto clock_like = [](const std::string& x) {
        return x.size() >= 4 && (x[x.size() - 3] == '.' || x[x.size() - 3] == ':');
      };
      if (t_[i + 1].text == "-" && clock_like(raw) && clock_like(t_[i + 2].text))
        if (auto c = ClockOf(raw)) {
          Add(ConflictKind::kDeadline, "clock", c->minutes, c->minutes, c->loose, i, i + 1);
          return;
        }
      // A range: "2-3 werkdagen", "5-10%".
      if (d && m && unit_after) {
        After(*d, *m, i, i + 3, t_[i + 2].text, true);
        if (!facts_.empty() && facts_.back().lo == *d) facts_.back().text = Span(i, skip_until_);
        return;
      }
    }
    const std::optional<double> v = NumberOf(raw);
    // An age said with its side: "shows are 21+", "18 and over", "kinderen
    // van 4 en jonger": a number of years, in a sentence about ages.
    if (v && *v >= 1 && *v <= 120 && raw.find_first_of(".,:") == std::string::npos) {
      static const WordSet join = {"and", "or", "en", "of"};
      static const WordSet side = {"over", "older", "ouder", "up", "under", "younger", "jonger"};
      const bool said_side = Word(i, 1) == "plus" || (In(join, Word(i, 1)) && In(side, Word(i, 2)));
      // "Children under 5 travel free", "kinderen onder de 12": the side
      // before, with nothing after the number that counts or measures.
      const std::string_view side_before = Word(i, -1) == "de" ? Word(i, -2) : Word(i, -1);
      const bool under_over =
          (side_before == "under" || side_before == "onder" || side_before == "over" ||
           side_before == "boven") &&
          (i + 1 >= t_.size() || t_[i + 1].type != Token::kWord ||
           (!TimeUnitOf(t_[i + 1].text) && !In(MeasureWords(), t_[i + 1].text) &&
            !In(CurrencyWords(), t_[i + 1].text) && t_[i + 1].text != "%" &&
            t_[i + 1].text != "procent" && t_[i + 1].text != "percent"));
      if (under_over && !said_side && AboutAges() &&
          (Word(i, -2) == "children" || Word(i, -2) == "kinderen" || Word(i, -3) == "kinderen" ||
           Word(i, -2) == "kids")) {
        Add(ConflictKind::kPeriod, "hours", *v * 8760, *v * 8760, false, i, i + 1);
        facts_.back().age = true;
        facts_.back().bound = side_before == "under" || side_before == "onder" ? -1 : 1;
        return;
      }
      if (said_side && AboutAges()) {
        Add(ConflictKind::kPeriod, "hours", *v * 8760, *v * 8760, false, i, i + 1);
        if (!facts_.empty()) facts_.back().age = true;
        skip_until_ = Word(i, 1) == "plus" ? i + 2 : i + 3;
        return;
      }
    }
    if (raw.find(':') != std::string::npos) {
      After(0, 0, i, i + 1, raw, true);
      return;
    }
    if (!v) return;
    // A bare hour where a time of day is meant: "the desk opens at 8",
    // "between 1 and 5 pm" (the first hour takes the second's side of
    // noon, or none).
    if (*v >= 1 && *v <= 12 && *v == std::floor(*v) &&
        raw.find_first_of(".,") == std::string::npos) {
      static const WordSet opens = {"opens",  "open",   "opent",  "closes", "close", "sluit",
                                    "starts", "begins", "begint", "start",  "shuts"};
      const bool at_opening = (Word(i, -1) == "at" || Word(i, -1) == "om") &&
                              In(opens, Word(i, -2)) && !TimeUnitOf(std::string(Word(i, 1))) &&
                              i + 1 < t_.size() && t_[i + 1].type != Token::kNumber &&
                              Word(i, 1) != "am" && Word(i, 1) != "pm" && Word(i, 1) != "uur" &&
                              Word(i, 1) != "o'clock" && Word(i, 1) != "a" && Word(i, 1) != "p";
      const bool window_start = (Word(i, -1) == "between" || Word(i, -1) == "tussen") &&
                                (Word(i, 1) == "and" || Word(i, 1) == "en") && i + 2 < t_.size() &&
                                t_[i + 2].type == Token::kNumber &&
                                (Word(i, 3) == "am" || Word(i, 3) == "pm" || Word(i, 3) == "uur");
      if (at_opening || window_start) {
        Add(ConflictKind::kDeadline, "clock", *v * 60, *v * 60, true, i, i + 1);
        return;
      }
    }
    // "van 3 tot 9 maart", "from 3 to 9 March", "van maandag 20 tot en met
    // vrijdag 24 oktober": the first day has the month too.
    if (i + 3 < t_.size() && *v >= 1 && *v <= 31 &&
        (t_[i + 1].text == "to" || t_[i + 1].text == "tot" || t_[i + 1].text == "tm" ||
         t_[i + 1].text == "until" || t_[i + 1].text == "-" || t_[i + 1].text == "and" ||
         t_[i + 1].text == "en")) {
      size_t k = i + 2;
      if (k + 1 < t_.size() && t_[i + 1].text == "tot" && t_[k].text == "en" &&
          t_[k + 1].text == "met")
        k += 2;
      if (k < t_.size() && WeekdayOf(t_[k].text)) ++k;
      if (k + 1 < t_.size() && t_[k].type == Token::kNumber)
        if (const int month = MonthOf(t_[k + 1].text)) {
          Add(ConflictKind::kDate, "date", month * 100 + *v, month * 100 + *v, false, i, i + 1);
          facts_.back().text += " " + t_[k + 1].text;
          return;
        }
    }
    // "March 1st", "december 26"; not "13 September, 10 January".
    if (i > 0 && MonthOf(t_[i - 1].text) && !t_[i - 1].pause_after && *v >= 1 && *v <= 31) {
      const int month = MonthOf(t_[i - 1].text);
      Add(ConflictKind::kDate, "date", month * 100 + *v, month * 100 + *v, false, i - 1, i + 1);
      return;
    }
    // "op de 20e", "the 1st of each month": a day of the month.
    if (t_[i].ordinal && *v >= 1 && *v <= 31) {
      bool month_named = false;
      for (size_t k = i + 1; k < t_.size() && k <= i + 2; ++k)
        month_named = month_named || MonthOf(t_[k].text);
      if (!month_named) {
        // "from the 1st to the 28th": a range of days.
        double hi = *v;
        size_t end = i + 1;
        for (size_t k = i + 1; k < t_.size() && k <= i + 3; ++k) {
          if (t_[k].type != Token::kNumber) continue;
          const bool linked = t_[i + 1].text == "to" || t_[i + 1].text == "tot" ||
                              t_[i + 1].text == "until" || t_[i + 1].text == "-" ||
                              t_[i + 1].text == "tm" || t_[i + 1].text == "and" ||
                              t_[i + 1].text == "en";
          if (const auto h = NumberOf(t_[k].text);
              linked && t_[k].ordinal && h && *h > *v && *h <= 31) {
            hi = *h;
            end = k + 1;
          }
          break;
        }
        Add(ConflictKind::kDate, "monthday", *v, hi, false, i, end);
        // "vóór de 20e", "after the 15th": a day on the right side agrees.
        static const WordSet before = {"voor", "before", "by", "uiterlijk", "until", "tot"};
        static const WordSet after = {"na", "after", "vanaf", "from"};
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
          if (In(before, t_[k].text)) facts_.back().bound = -1;
          if (In(after, t_[k].text) && hi == *v) facts_.back().bound = 1;
        }
        skip_until_ = end;
        return;
      }
    }
    After(*v, *v, i, i + 1, raw, true);
  }

  void Word(size_t i) {
    const std::string& w = t_[i].text;
    // "you save a fifth", "een kwart korting", "a third off": a share.
    {
      static const WordSet save = {"save", "saves", "bespaar", "bespaart", "besparen"};
      static const WordSet off = {"off", "korting", "discount", "minder"};
      const std::optional<double> share = ShareOf(w);
      if (share && (Word(i, -1) == "a" || Word(i, -1) == "een" || w == "half" || w == "helft") &&
          (In(save, Word(i, -2)) || In(save, Word(i, -1)) || In(off, Word(i, 1)))) {
        Add(ConflictKind::kAmount, "percent", *share, *share, false, i, i + 1);
        return;
      }
    }
    // "de volledige huurprijs", "the full price": all of it, 100 %.
    if ((w == "volledige" || w == "volledig" || w == "full" || w == "volle" || w == "hele") &&
        i + 1 < t_.size()) {
      const std::string& of = t_[i + 1].text;
      if (of.ends_with("prijs") || of.ends_with("price") || of.ends_with("bedrag") ||
          of == "amount" || of == "fare" || of == "tarief") {
        Add(ConflictKind::kAmount, "percent", 100, 100, false, i, i + 2);
        return;
      }
    }
    if (auto n = WordNumber(i)) {
      // "fortnight" is itself the unit.
      if (w == "fortnight") {
        Add(ConflictKind::kPeriod, "hours", 336, 336, false, i, i + 1);
        return;
      }
      // "van tien tot zes", "between nine and five": hours in words, each
      // a time of day without am or pm.
      const std::string_view before = i > 0 ? std::string_view(t_[i - 1].text) : "";
      const auto hour = [](double v) { return v >= 1 && v <= 12 && v == std::floor(v); };
      if (hour(n->first) &&
          (before == "van" || before == "from" || before == "tussen" || before == "between")) {
        const size_t k = n->second;
        static const WordSet joins = {"tot", "to", "till", "until", "-", "en", "and"};
        if (k + 1 < t_.size() && In(joins, t_[k].text))
          if (const auto m = WordNumber(k + 1);
              m && hour(m->first) && (m->second >= t_.size() || !TimeUnitOf(t_[m->second].text))) {
            Add(ConflictKind::kDeadline, "clock", n->first * 60, n->first * 60, true, i, n->second);
            Add(ConflictKind::kDeadline, "clock", m->first * 60, m->first * 60, true, k + 1,
                m->second);
            skip_until_ = m->second;
            return;
          }
      }
      // "om vijf uur", "at five o'clock": a time of day in words.
      After(n->first, n->first, i, n->second, "", false);
      return;
    }
    // "de eerste dag van de maand", "the last day of the month".
    if ((w == "eerste" || w == "first" || w == "laatste" || w == "last") && i + 1 < t_.size() &&
        (t_[i + 1].text == "dag" || t_[i + 1].text == "day" || t_[i + 1].text == "werkdag" ||
         t_[i + 1].text == "working")) {
      bool month = false;
      for (size_t k = i + 2; k < t_.size() && k <= i + 6; ++k)
        month = month || t_[k].text == "maand" || t_[k].text == "month";
      if (month) {
        const double day = (w == "eerste" || w == "first") ? 1 : 31;
        Add(ConflictKind::kDate, "monthday", day, day, false, i, i + 2);
        skip_until_ = i + 2;
        return;
      }
    }
    // "the first of June", "de eerste van mei": a date with its day in words.
    {
      static const std::unordered_map<std::string_view, int> ordinals = {
          {"first", 1},       {"second", 2},    {"third", 3},      {"fourth", 4},
          {"fifth", 5},       {"sixth", 6},     {"seventh", 7},    {"eighth", 8},
          {"ninth", 9},       {"tenth", 10},    {"fifteenth", 15}, {"twentieth", 20},
          {"thirtieth", 30},  {"eerste", 1},    {"tweede", 2},     {"derde", 3},
          {"vierde", 4},      {"vijfde", 5},    {"tiende", 10},    {"vijftiende", 15},
          {"twintigste", 20}, {"dertigste", 30}};
      const auto o = ordinals.find(w);
      // "de tweede woensdag van de maand", "the last Friday of the month".
      const int nth = o != ordinals.end() && o->second <= 4 ? o->second
                      : (w == "last" || w == "laatste")     ? 5
                                                            : 0;
      if (nth && i + 1 < t_.size() && WeekdayOf(t_[i + 1].text) &&
          (Word(i + 1, 1) == "van" || Word(i + 1, 1) == "of")) {
        const double v = nth * 10 + WeekdayOf(t_[i + 1].text);
        Add(ConflictKind::kDate, "nth_weekday", v, v, false, i, i + 2);
        skip_until_ = i + 2;
        return;
      }
      if (o != ordinals.end() && i + 2 < t_.size() &&
          (t_[i + 1].text == "of" || t_[i + 1].text == "van") && MonthOf(t_[i + 2].text)) {
        const int month = MonthOf(t_[i + 2].text);
        Add(ConflictKind::kDate, "date", month * 100 + o->second, month * 100 + o->second, false, i,
            i + 3);
        skip_until_ = i + 3;
        return;
      }
    }
    // "the first month (is free)", "de eerste week": a period of one.
    if ((w == "first" || w == "eerste") && i + 1 < t_.size())
      if (auto u = TimeUnitOf(t_[i + 1].text);
          u && !u->working_days && u->hours >= 24 &&
          (t_[i + 1].text == "month" || t_[i + 1].text == "maand" || t_[i + 1].text == "week" ||
           t_[i + 1].text == "year" || t_[i + 1].text == "jaar")) {
        const bool of_month = i + 3 < t_.size() &&
                              (t_[i + 2].text == "of" || t_[i + 2].text == "van") &&
                              MonthOf(t_[i + 3].text);
        if (!of_month) {
          Add(ConflictKind::kPeriod, "hours", u->hours, u->hours, u->loose, i, i + 2);
          skip_until_ = i + 2;
          return;
        }
      }
    // "twice a month", "één keer per persoon", "once a year".
    {
      const std::string_view nx = Word(i, 1), nx2 = Word(i, 2);
      const bool per = nx == "a" || nx == "per" || nx == "each" || nx == "every" || nx == "in";
      double n = 0;
      size_t end = i + 1;
      if (w == "twice") n = 2;
      if (w == "once" && per) n = 1;
      if ((w == "een" || w == "one") && (nx == "keer" || nx == "time") &&
          (nx2 == "per" || nx2 == "a" || nx2 == "each" || nx2 == "in" || nx2 == "every")) {
        n = 1;
        end = i + 2;
      }
      if (n > 0) {
        Add(ConflictKind::kAmount, "count:times", n, n, false, i, end);
        skip_until_ = end;
        return;
      }
    }
    // "een tientje", "a fiver": money in slang.
    static const std::unordered_map<std::string_view, double> slang = {
        {"tientje", 10}, {"vijfje", 5}, {"tenner", 10}, {"fiver", 5}};
    if (auto m = slang.find(w); m != slang.end()) {
      Add(ConflictKind::kAmount, "money", m->second, m->second, false, i, i + 1);
      skip_until_ = i + 1;
      return;
    }
    // "een kwart korting", "a quarter off", "de helft van de ritprijs",
    // "half price": a share, in percent.
    if (const std::optional<double> sh = ShareOf(w); sh && i + 1 < t_.size()) {
      static const WordSet of = {"korting", "off",   "of",    "van",      "discount",
                                 "price",   "prijs", "fare",  "the",      "extra",
                                 "more",    "meer",  "erbij", "erbovenop"};
      bool time = false;
      for (size_t k = i + 1; k < t_.size() && k <= i + 3; ++k)
        time = time || TimeUnitOf(t_[k].text).has_value() || t_[k].text == "past" ||
               t_[k].text == "over" || t_[k].text == "to" || t_[k].text == "voor";
      // "a quarter on top", "een kwart bovenop de prijs".
      const bool on_top =
          (t_[i + 1].text == "on" && i + 2 < t_.size() && t_[i + 2].text == "top") ||
          t_[i + 1].text == "bovenop";
      if ((In(of, t_[i + 1].text) || on_top) && !time) {
        Add(ConflictKind::kAmount, "percent", *sh, *sh, false, i, i + 2);
        skip_until_ = i + 2;
        return;
      }
    }
    if (w == "noon" || w == "midday" || w == "middernacht" || w == "midnight") {
      const double m = (w == "noon" || w == "midday") ? 720 : 1440;
      Add(ConflictKind::kDeadline, "clock", m, m, false, i, i + 1);
      return;
    }
    // "half zes" (5:30), "kwart over vijf", "half past five", "quarter to six".
    if ((w == "half" || w == "kwart" || w == "quarter") && i + 1 < t_.size()) {
      size_t k = i + 1;
      double offset = -30;
      if (w == "half" && t_[k].text == "past") {
        offset = 30;
        ++k;
      } else if (w != "half") {
        if (t_[k].text == "over" || t_[k].text == "past") {
          offset = 15;
        } else if (t_[k].text == "voor" || t_[k].text == "to") {
          offset = -15;
        } else {
          return;
        }
        ++k;
      }
      if (k < t_.size()) {
        std::optional<double> h;
        if (t_[k].type == Token::kNumber) {
          h = NumberOf(t_[k].text);
        } else if (t_[k].text == "een" && k + 1 < t_.size() &&
                   (t_[k + 1].text == "s" || t_[k + 1].text == "'s" || t_[k + 1].text == "uur")) {
          h = 1;  // "half één 's nachts"
        } else if (auto it = NumberWords().find(t_[k].text); it != NumberWords().end()) {
          h = it->second;
          // British "half two" is half past two; Dutch "half twee" half one.
          if (w == "half" && offset < 0 && IsEnglishNumber(t_[k].text)) offset = 30;
        }
        if (h && *h >= 1 && *h <= 24 && *h == std::floor(*h)) {
          double minutes = *h * 60 + offset;
          bool loose = *h <= 12;
          size_t end = k + 1;
          if (end < t_.size() && (t_[end].text == "pm" || t_[end].text == "am")) {
            if (t_[end].text == "pm" && minutes < 720) minutes += 720;
            loose = false;
            ++end;
          } else if (end + 1 < t_.size() && (t_[end].text == "s" || t_[end].text == "'s")) {
            // "half zeven 's avonds", "half één 's nachts".
            const std::string& part = t_[end + 1].text;
            if ((part == "middags" || part == "avonds") && minutes < 720) minutes += 720;
            if (part == "nachts" && minutes >= 720) minutes -= 720;
            if (part == "middags" || part == "avonds" || part == "ochtends" || part == "morgens" ||
                part == "nachts") {
              loose = false;
              end += 2;
            }
          }
          Add(ConflictKind::kDeadline, "clock", minutes, minutes, loose, i, end);
          skip_until_ = end;
        }
      }
      return;
    }
    if (const int wd = WeekdayOf(w)) {
      Add(ConflictKind::kDate, "weekday", wd, wd, false, i, i + 1);
      return;
    }
    // "in September, January and April": the middle of a list of months.
    const auto joins = [](std::string_view x) {
      return x == "and" || x == "en" || x == "or" || x == "of";
    };
    const bool listed =
        (i > 1 && MonthOf(t_[i - 2].text) &&
         (joins(t_[i - 1].text) || t_[i - 1].text == "tot" || t_[i - 1].text == "to")) ||
        (i > 0 && MonthOf(t_[i - 1].text) && t_[i - 1].pause_after && i + 2 < t_.size() &&
         joins(t_[i + 1].text) && MonthOf(t_[i + 2].text));
    // "in mei", "tot eind januari", "mid-February", "half februari": a month
    // as a date.
    static const WordSet before_month = {"in",      "vanaf",   "from",   "per",   "tot", "until",
                                         "eind",    "begin",   "end",    "medio", "of",  "during",
                                         "tijdens", "between", "tussen", "half",  "mid", "early",
                                         "late",    "begin",   "start"};
    // "de laatste dag van oktober", "the first day of May": that date.
    if (MonthOf(w) && i >= 3 && (t_[i - 1].text == "van" || t_[i - 1].text == "of") &&
        (t_[i - 2].text == "dag" || t_[i - 2].text == "day")) {
      static constexpr std::array<int, 13> kLastDay = {0,  31, 29, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
      const int month = MonthOf(w);
      const std::string& which = t_[i - 3].text;
      const int day = which == "laatste" || which == "last"   ? kLastDay[static_cast<size_t>(month)]
                      : which == "eerste" || which == "first" ? 1
                                                              : 0;
      if (day > 0) {
        Add(ConflictKind::kDate, "date", month * 100 + day, month * 100 + day, false, i - 3, i + 1);
        return;
      }
    }
    if ((IsPlainMonthName(w) || w == "march") && i > 0 &&
        (listed || In(before_month, t_[i - 1].text) ||
         (t_[i - 1].text == "-" && i > 1 && t_[i - 2].text == "mid"))) {
      const bool numbered = i + 1 < t_.size() && t_[i + 1].type == Token::kNumber;
      if (!numbered)
        Add(ConflictKind::kDate, "date", MonthOf(w) * 100, MonthOf(w) * 100, false, i, i + 1);
      return;
    }
    // Holidays.
    static const std::map<std::vector<std::string_view>, int> holidays = {
        {{"eerste", "kerstdag"}, 1225},
        {{"tweede", "kerstdag"}, 1226},
        {{"kerstavond"}, 1224},
        {{"christmas", "eve"}, 1224},
        {{"christmas", "day"}, 1225},
        {{"boxing", "day"}, 1226},
        {{"nieuwjaarsdag"}, 101},
        {{"new", "year's", "day"}, 101},
        {{"oudejaarsdag"}, 1231},
        {{"oudejaarsavond"}, 1231},
        {{"new", "year's", "eve"}, 1231},
        {{"koningsdag"}, 427},
        {{"king's", "day"}, 427},
        {{"bevrijdingsdag"}, 505},
        // Feasts that move with Easter: month 13, never a calendar date.
        {{"eerste", "paasdag"}, 1301},
        {{"tweede", "paasdag"}, 1302},
        {{"paaszondag"}, 1301},
        {{"paasmaandag"}, 1302},
        {{"easter", "sunday"}, 1301},
        {{"easter", "monday"}, 1302},
        {{"goede", "vrijdag"}, 1303},
        {{"good", "friday"}, 1303},
        {{"hemelvaartsdag"}, 1320},
        {{"ascension", "day"}, 1320},
        {{"eerste", "pinksterdag"}, 1311},
        {{"tweede", "pinksterdag"}, 1312},
        {{"pinkstermaandag"}, 1312},
        {{"whit", "monday"}, 1312}};
    // "eerste en tweede kerstdag": both days.
    if (w == "eerste" && Word(i, 1) == "en" && Word(i, 2) == "tweede")
      if (const auto second = holidays.find({"tweede", Word(i, 3)}); second != holidays.end()) {
        Add(ConflictKind::kDate, "date", second->second - 1, second->second - 1, false, i, i + 1);
        return;
      }
    // "de vijfde", "on the fourteenth": a day of the month in words, where
    // no noun follows ("de tweede keer" is none).
    {
      static const std::map<std::string_view, int> ordinals = {{"eerste", 1},
                                                               {"tweede", 2},
                                                               {"derde", 3},
                                                               {"vierde", 4},
                                                               {"vijfde", 5},
                                                               {"zesde", 6},
                                                               {"zevende", 7},
                                                               {"achtste", 8},
                                                               {"negende", 9},
                                                               {"tiende", 10},
                                                               {"elfde", 11},
                                                               {"twaalfde", 12},
                                                               {"dertiende", 13},
                                                               {"veertiende", 14},
                                                               {"vijftiende", 15},
                                                               {"zestiende", 16},
                                                               {"zeventiende", 17},
                                                               {"achttiende", 18},
                                                               {"negentiende", 19},
                                                               {"twintigste", 20},
                                                               {"dertigste", 30},
                                                               {"first", 1},
                                                               {"second", 2},
                                                               {"third", 3},
                                                               {"fourth", 4},
                                                               {"fifth", 5},
                                                               {"sixth", 6},
                                                               {"seventh", 7},
                                                               {"eighth", 8},
                                                               {"ninth", 9},
                                                               {"tenth", 10},
                                                               {"eleventh", 11},
                                                               {"twelfth", 12},
                                                               {"thirteenth", 13},
                                                               {"fourteenth", 14},
                                                               {"fifteenth", 15},
                                                               {"sixteenth", 16},
                                                               {"seventeenth", 17},
                                                               {"eighteenth", 18},
                                                               {"nineteenth", 19},
                                                               {"twentieth", 20},
                                                               {"thirtieth", 30},
                                                               {"eenentwintigste", 21},
                                                               {"vijfentwintigste", 25},
                                                               {"achtentwintigste", 28}};
      static const WordSet after = {"van", "of", "binnen", "in", "te", "is", "zijn", "and", "en"};
      const auto it = ordinals.find(w);
      if (it != ordinals.end() && (Word(i, -1) == "de" || Word(i, -1) == "the") &&
          (i + 1 >= t_.size() || t_[i].pause_after || t_[i + 1].type == Token::kSymbol ||
           In(after, Word(i, 1))) &&
          // "of the month", "van de maand", or no month word at all.
          !(Word(i, 1) == "of" && !MonthOf(std::string(Word(i, 2))) && Word(i, 3) != "month" &&
            Word(i, 2) != "the") &&
          !(Word(i, 1) == "van" && !MonthOf(std::string(Word(i, 2))) && Word(i, 3) != "maand" &&
            Word(i, 2) != "de")) {
        if (const int month = MonthOf(std::string(Word(i, 2))); month && Word(i, 1) == "of")
          Add(ConflictKind::kDate, "date", month * 100 + it->second, month * 100 + it->second,
              false, i, i + 3);
        else
          Add(ConflictKind::kDate, "monthday", it->second, it->second, false, i, i + 1);
        return;
      }
    }
    for (const auto& [words, date] : holidays) {
      if (words[0] != w || i + words.size() > t_.size()) continue;
      bool all = true;
      for (size_t k = 1; k < words.size(); ++k) all = all && t_[i + k].text == words[k];
      if (all) {
        Add(ConflictKind::kDate, "date", date, date, false, i, i + words.size());
        skip_until_ = i + words.size();
        return;
      }
    }
    // Free of charge.
    const std::string_view prev = Word(i, -1);
    const std::string_view next = Word(i, 1);
    const bool free =
        w == "gratis" || w == "kosteloos" || w == "kostenloos" ||
        // Not "tax-free", "interest-free", "nut-free".
        (w == "free" && prev != "feel" && next != "to" && next != "time" && prev != "-") ||
        ((w == "kosten" || w == "charge" || w == "cost") &&
         (prev == "geen" || prev == "zonder" || prev == "no"));
    if (free) Add(ConflictKind::kAmount, "money", 0, 0, false, i, i + 1);
  }

  const Sentence& s_;
  const std::vector<Token>& t_;
  size_t index_;
  const WordSet* counted_;
  bool answer_;
  size_t skip_until_ = 0;
  size_t clock_end_ = 0;  // the token after the last time of day read
  std::vector<Fact> facts_;
};

}  // namespace

WordSet CountedWords(const std::vector<Sentence>& sentences) {
  static const WordSet kNotCounted = {
      "working",  "business", "keer",     "times", "uur",     "procent", "noon",  "midday",
      "midnight", "calendar", "kalender", "volle", "hele",    "full",    "whole", "extra",
      "more",     "tenner",   "fiver",    "quid",  "tientje", "vijfje",  "pm",    "am"};
  WordSet out;
  for (const Sentence& s : sentences) {
    const std::vector<Token>& t = s.tokens;
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      // Not an age: "children under 12 eat free".
      static const WordSet age = {"under", "over", "onder", "boven", "aged", "age", "leeftijd"};
      const bool number = (t[i].type == Token::kNumber || NumberWords().contains(t[i].text)) &&
                          !(i > 0 && In(age, t[i - 1].text));
      const std::string& w = t[i + 1].text;
      if (!number || t[i + 1].type != Token::kWord || w.size() < 3 || TimeUnitOf(w) || MonthOf(w) ||
          WeekdayOf(w) || In(CurrencyWords(), w) || In(PercentWords(), w) ||
          IsStopWord(w, Language::kNl) || IsStopWord(w, Language::kEn) ||
          NumberWords().contains(w) || In(kNotCounted, w))
        continue;
      out.insert(w);
    }
  }
  return out;
}

std::vector<Fact> FindFacts(const Sentence& s, size_t index, const WordSet* counted, bool answer) {
  return FactFinder(s, index, counted, answer).Find();
}

}  // namespace luister::consistency
