// What the consistency check's passes compare by: the same thing, the same
// value, how related two sentences are, and what a claim says of the things
// it names (StanceOf).

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

bool SameThing(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  if (shorter.size() < 5 || shorter.front() == '~') return false;
  return longer.ends_with(shorter) || longer.starts_with(shorter);
}

const std::vector<std::string>& KindsOf(const std::string& stem, Language lang) {
  // The kinds customers name where answers name the class: pets, swimwear,
  // alcohol. Each word lists its classes in English and Dutch.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kKinds = {{
      {"labrador", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"spaniel", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"poodle", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"poedel", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"terrier", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"retriever", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"beagle", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"dachshund", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"teckel", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"collie", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"husky", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"bulldog", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"buldog", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"chihuahua", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"herdershond", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"sheepdog", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"puppy", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"pup", "dog dogs hond honden pet pets huisdier huisdieren"},
      {"dog", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"hond", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"kitten", "cat cats kat katten pet pets huisdier huisdieren"},
      {"poes", "cat cats kat katten pet pets huisdier huisdieren"},
      {"cat", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"kat", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"rabbit", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"konijn", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"hamster", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"parrot", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"papegaai", "pet pets huisdier huisdieren animal animals dier dieren"},
      {"zwembroek", "badkleding zwemkleding swimwear"},
      {"bikini", "badkleding zwemkleding swimwear"},
      {"badpak", "badkleding zwemkleding swimwear"},
      {"trunks", "swimwear badkleding zwemkleding"},
      {"swimsuit", "swimwear badkleding zwemkleding"},
      {"wine", "alcohol drink drinks"},
      {"wijn", "alcohol drank"},
      {"beer", "alcohol drink drinks"},
      {"bier", "alcohol drank"},
      {"champagne", "alcohol drink drinks drank"},
      {"prosecco", "alcohol drink drinks drank"},
  }};
  using Table = std::unordered_map<std::string, std::vector<std::string>>;
  static const std::array<Table, 2> tables = [] {
    std::array<Table, 2> out;
    for (const Language l : {Language::kNl, Language::kEn}) {
      Table& table = out[l == Language::kEn];
      for (const auto& [word, kinds] : kKinds) {
        std::vector<std::string>& stems = table[Stem(word, l)];
        size_t from = 0;
        while (from < kinds.size()) {
          const size_t to = std::min(kinds.find(' ', from), kinds.size());
          stems.push_back(Stem(kinds.substr(from, to - from), l));
          from = to + 1;
        }
      }
    }
    return out;
  }();
  static const std::vector<std::string> kNone;
  const Table& table = tables[lang == Language::kEn];
  const auto it = table.find(stem);
  return it == table.end() ? kNone : it->second;
}

namespace {

// How many of `from`'s time go into `to`'s, for the money per a time that
// converts exactly: days to a week, months or weeks to a year. Zero when
// they do not.
double RateFactor(const std::string& from, const std::string& to) {
  if (!from.starts_with("money/") || !to.starts_with("money/")) return 0;
  static const std::map<std::pair<std::string_view, std::string_view>, double> kFactors = {
      {{"1440", "10080"}, 7},
      {{"43200", "525600"}, 12},
      {{"10080", "525600"}, 52},
      {{"1440", "525600"}, 365}};
  const std::string_view f = std::string_view(from).substr(6), t = std::string_view(to).substr(6);
  if (const auto it = kFactors.find({f, t}); it != kFactors.end()) return it->second;
  if (const auto it = kFactors.find({t, f}); it != kFactors.end()) return 1 / it->second;
  return 0;
}

}  // namespace

std::string ClauseOf(const std::vector<Fact>& facts, const Fact& f, const Sentence& s) {
  const auto head = [](const Fact& x) { return Lower(x.text.substr(0, x.text.find(' '))); };
  const std::string h = head(f);
  if (h.empty()) return s.text;
  size_t before = 0;
  for (const Fact& g : facts) {
    if (&g == &f) break;
    before += g.sentence == f.sentence && head(g) == h;
  }
  size_t seen = 0;
  for (const std::string& c : SplitClauses(s.text)) {
    const std::string lower = Lower(c);
    for (size_t at = lower.find(h); at != std::string::npos; at = lower.find(h, at + h.size()))
      if (seen++ == before) return c;
  }
  return s.text;
}

MoneySaid HowMoneyIsSaid(const Sentence& clause, const Fact& amount) {
  const std::vector<Token>& at = clause.tokens;
  MoneySaid out;
  static const WordSet back = {"refund",       "refunded",     "refunds",      "back",
                               "terug",        "terugbetaald", "teruggestort", "terugstorten",
                               "terugbetalen", "credited",     "reimbursed",   "refundable"};
  static const WordSet priced = {
      "cost",   "costs",   "kost",    "pay",    "paying", "paid",    "betaal", "betaalt", "betalen",
      "charge", "charged", "charges", "fee",    "fees",   "rekenen", "rekent", "tarief",  "extra",
      "pays",   "betalen", "bill",    "billed", "price",  "prijs",   "total",  "totaal"};
  // "deliver them for £3.50", "voor € 5": a price; not "the £2,500 for the
  // deposit".
  const std::string head = Lower(amount.text.substr(0, amount.text.find(' ')));
  for (size_t k = 1; k < at.size(); ++k)
    if ((at[k - 1].text == "for" || at[k - 1].text == "voor") &&
        ((at[k].type != Token::kWord && head.find(at[k].text) != std::string::npos) ||
         (k + 1 < at.size() && at[k].type == Token::kSymbol &&
          head.find(at[k + 1].text) != std::string::npos)))
      out.price = true;
  for (size_t k = 0; k < at.size(); ++k) {
    const std::string& w = at[k].text;
    const std::string_view next = k + 1 < at.size() ? std::string_view(at[k + 1].text) : "";
    const std::string_view prev = k > 0 ? std::string_view(at[k - 1].text) : "";
    // "weer op je rekening"; but "in rekening brengen" charges.
    out.back = out.back || In(back, w) ||
               (w == "rekening" && (prev == "je" || prev == "uw" || prev == "jouw"));
    out.price = out.price || In(priced, w) || (w == "rekening" && prev == "in") ||
                w.ends_with("kosten") || w.ends_with("vergoeding") || w.ends_with("toeslag") ||
                ((w == "come" || w == "comes") && next == "to") ||
                ((w == "komt" || w == "komen") && next == "op");
  }
  return out;
}

bool SameValue(const Fact& a, const Fact& b) {
  // "€ 12,50 per maand" is "€ 150 per jaar".
  if (const double factor = a.kind == ConflictKind::kAmount ? RateFactor(a.unit, b.unit) : 0;
      factor > 0)
    return std::abs(a.lo * factor - b.lo) <= 0.01 * std::max(1.0, b.lo) &&
           std::abs(a.hi * factor - b.hi) <= 0.01 * std::max(1.0, b.hi);
  // One end of a range, said as that end: "7 to 10 business days" is
  // "seven business days at the earliest".
  if (a.kind == ConflictKind::kAmount || a.kind == ConflictKind::kPeriod) {
    const auto end_of = [](const Fact& range, const Fact& end) {
      return range.lo < range.hi && end.lo == end.hi && range.unit == end.unit &&
             ((end.bound > 0 && std::abs(end.lo - range.lo) < 0.005) ||
              ((end.bound < 0 || end.within) && std::abs(end.lo - range.hi) < 0.005));
    };
    if (end_of(a, b) || end_of(b, a)) return true;
  }
  switch (a.kind) {
    case ConflictKind::kDeadline: {
      // 23.59 is midnight, give or take the minute.
      if (std::abs(a.lo - b.lo) < 1.5 || std::abs(std::abs(a.lo - b.lo) - 1440) < 1.5) return true;
      const double d = std::fmod(std::abs(a.lo - b.lo), 720);
      return (a.loose || b.loose) && (d < 0.5 || d > 719.5);
    }
    case ConflictKind::kDate: {
      if (a.unit != b.unit) return false;
      const auto am = static_cast<int>(a.lo) / 100, bm = static_cast<int>(b.lo) / 100;
      const auto ad = static_cast<int>(a.lo) % 100, bd = static_cast<int>(b.lo) % 100;
      if (a.unit == "date" && (ad == 0 || bd == 0)) return am == bm;
      // "vóór 1 juni" is "uiterlijk 31 mei".
      // "t/m zondag" and "weer op maandag": the day after.
      if (a.unit == "weekday" && a.edge * b.edge == -1 &&
          (static_cast<int>(a.edge < 0 ? a.lo - b.lo : b.lo - a.lo) + 7) % 7 == 1)
        return true;
      // "uiterlijk op de 23e" is "vóór de 24e".
      if (a.unit == "monthday" && a.lo == a.hi && b.lo == b.hi && a.edge * b.edge == -1 &&
          (a.edge < 0 ? a.lo - b.lo : b.lo - a.lo) == 1)
        return true;
      if (a.unit == "date" && a.edge * b.edge == -1) {
        static constexpr std::array<int, 13> kDaysBefore = {0,   0,   31,  59,  90,  120, 151,
                                                            181, 212, 243, 273, 304, 334};
        const int an = kDaysBefore[static_cast<size_t>(am)] + ad,
                  bn = kDaysBefore[static_cast<size_t>(bm)] + bd;
        if ((a.edge < 0 ? an - bn : bn - an) == 1) return true;
      }
      // A day within a range of days; two ranges are the same range ("the
      // 1st to the 25th" is not "between the 1st and the 28th").
      if (a.unit == "monthday" && a.lo != a.hi && b.lo != b.hi) return a.lo == b.lo && a.hi == b.hi;
      if (a.unit == "monthday" && (a.lo != a.hi || b.lo != b.hi))
        return (a.lo >= b.lo && a.hi <= b.hi) || (b.lo >= a.lo && b.hi <= a.hi);
      return a.lo == b.lo;
    }
    case ConflictKind::kPeriod:
      // Working days against days: five working days are a week, give or
      // take a weekend.
      if (a.unit != b.unit && Comparable(a, b)) {
        auto hours = [](const Fact& f, double v) {
          return f.unit == "working_days" ? v * 7 / 5 * 24 : v;
        };
        const double al = hours(a, a.lo), ah = hours(a, a.hi), bl = hours(b, b.lo),
                     bh = hours(b, b.hi);
        const double tolerance = std::max(48.0, 0.2 * std::max(ah, bh));
        return std::abs(al - bl) <= tolerance && std::abs(ah - bh) <= tolerance;
      }
      if (a.loose || b.loose || a.unit == "interval") {  // "elke 12 maanden" is yearly
        const double tolerance = 0.1 * std::max(a.hi, b.hi);
        return std::abs(a.lo - b.lo) <= tolerance && std::abs(a.hi - b.hi) <= tolerance;
      }
      [[fallthrough]];
    default:
      return std::abs(a.lo - b.lo) < 0.005 && std::abs(a.hi - b.hi) < 0.005;
  }
}

bool Comparable(const Fact& a, const Fact& b) {
  if (a.kind != b.kind) return false;
  // An age and a period that is no whole number of years ("jonger dan 18
  // jaar" and "3 weken lenen").
  if (a.kind == ConflictKind::kPeriod && a.age != b.age) {
    const Fact& other = a.age ? b : a;
    if (other.unit != "hours" || std::fmod(other.lo, 8760) != 0 || other.lo == 0) return false;
  }
  if (a.kind == ConflictKind::kPeriod && a.unit != b.unit)
    return (a.unit == "working_days" && b.unit == "hours" && b.lo >= 24) ||
           (b.unit == "working_days" && a.unit == "hours" && a.lo >= 24);
  if (a.kind == ConflictKind::kDate) return a.unit == b.unit;
  if (a.kind == ConflictKind::kAmount && a.unit.rfind("count", 0) == 0 &&
      b.unit.rfind("count", 0) == 0) {
    // Per the same time or none: "200 per dag" is no total.
    const size_t ar = a.unit.find('/'), br = b.unit.find('/');
    if ((ar == std::string::npos) != (br == std::string::npos) ||
        (ar != std::string::npos && a.unit.substr(ar) != b.unit.substr(br)))
      return false;
    if (a.unit.starts_with("count:times") || b.unit.starts_with("count:times"))
      return a.unit == b.unit;
    // "vergunning" and "parkeervergunningen" count the same thing.
    return a.unit == b.unit || a.unit == "count" || b.unit == "count" ||
           SameThing(a.unit.substr(6), b.unit.substr(6)) ||
           (std::min(a.unit.size(), b.unit.size()) >= 12 &&
            (a.unit.size() < b.unit.size() ? b.unit.find(a.unit.substr(6))
                                           : a.unit.find(b.unit.substr(6))) != std::string::npos);
  }
  if (a.kind == ConflictKind::kAmount && RateFactor(a.unit, b.unit) > 0) return true;
  // "$25 per tyre" and "thirty dollars a tire": the same thing per, spelt
  // the British or the American way.
  if (a.kind == ConflictKind::kAmount && a.unit != b.unit) {
    const size_t ar = a.unit.find('/'), br = b.unit.find('/');
    if (ar != std::string::npos && br != std::string::npos &&
        a.unit.substr(0, ar) == b.unit.substr(0, br)) {
      const std::string x = a.unit.substr(ar + 1), y = b.unit.substr(br + 1);
      if (x.size() == y.size() && x.size() >= 4 &&
          !std::isdigit(static_cast<unsigned char>(x[0])) &&
          !std::isdigit(static_cast<unsigned char>(y[0]))) {
        size_t differ = 0;
        for (size_t k = 0; k < x.size(); ++k) differ += x[k] != y[k];
        return differ == 1;
      }
    }
  }
  return a.unit == b.unit;
}

size_t Shared(const Sentence& a, const Sentence& b) {
  size_t shared = 0;
  for (const std::string& w : a.stems)
    shared +=
        b.stems.contains(w) || std::any_of(b.stems.begin(), b.stems.end(),
                                           [&](const std::string& x) { return SameThing(w, x); });
  return shared;
}

double Related(const Sentence& a, const Sentence& b) {
  if (a.stems.empty() || b.stems.empty()) return 0;
  return 2.0 * static_cast<double>(Shared(a, b)) /
         static_cast<double>(a.stems.size() + b.stems.size());
}

Stance StanceOf(const Sentence& c, Language lang) {
  static const std::unordered_map<std::string_view, std::pair<int, int>> kWords = {
      // cost: +1 is free for the customer
      {"gratis", {0, 1}},
      {"free", {0, 1}},
      {"kosteloos", {0, 1}},
      {"inbegrepen", {0, 1}},
      {"included", {0, 1}},
      {"inclusief", {0, 1}},
      {"complimentary", {0, 1}},
      {"waived", {0, 1}},
      {"waive", {0, 1}},
      {"waives", {0, 1}},
      {"vervalt", {0, 1}},
      {"vervallen", {0, 1}},
      {"covered", {0, 1}},
      {"covering", {0, 1}},
      {"gedekt", {0, 1}},
      {"vergoed", {0, 1}},
      {"vergoedt", {0, 1}},
      {"costs", {0, -1}},
      {"cost", {0, -1}},
      {"kost", {0, -1}},
      {"charge", {0, -1}},
      {"charged", {0, -1}},
      {"charges", {0, -1}},
      {"billed", {0, -1}},
      {"fee", {0, -1}},
      {"fees", {0, -1}},
      {"toeslag", {0, -1}},
      {"betalen", {0, -1}},
      {"betaalt", {0, -1}},
      {"betaal", {0, -1}},
      {"pay", {0, -1}},
      {"pays", {0, -1}},
      {"paid", {0, -1}},
      {"kopen", {0, -1}},
      {"buy", {0, -1}},
      {"separately", {0, -1}},
      {"separate", {0, -1}},
      {"apart", {0, -1}},
      {"exclusief", {0, -1}},
      {"tarief", {0, -1}},
      {"rekenen", {0, -1}},
      {"rekent", {0, -1}},
      {"afrekenen", {0, -1}},
      {"afgerekend", {0, -1}},
      {"berekend", {0, -1}},
      {"terugbrengen", {1, 1}},
      {"retourneren", {1, 1}},
      {"terugsturen", {1, 1}},
      {"terugnemen", {1, 1}},
      {"terug", {1, 1}},
      {"returned", {1, 1}},
      {"exchanged", {1, 1}},
      {"return", {1, 1}},
      {"can", {1, 1}},
      {"kan", {1, 1}},
      {"kunt", {1, 1}},
      {"kun", {1, 1}},
      {"kunnen", {1, 1}},
      {"available", {1, 1}},
      {"beschikbaar", {1, 1}},
      {"possible", {1, 1}},
      {"mogelijk", {1, 1}},
      // may
      {"mag", {1, 1}},
      {"mogen", {1, 1}},
      {"allowed", {1, 1}},
      {"toegestaan", {1, 1}},
      {"welkom", {1, 1}},
      {"welcome", {1, 1}},
      {"refund", {1, 1}},
      {"refunded", {1, 1}},
      {"refunds", {1, 1}},
      {"refundable", {1, 1}},
      {"terugbetaald", {1, 1}},
      {"returnable", {1, 1}},
      {"eligible", {1, 1}},
      {"permitted", {1, 1}},
      {"toegelaten", {1, 1}},
      {"vrije", {0, 1}},
      {"verboden", {1, -1}},
      {"banned", {1, -1}},
      {"ok", {1, 1}},
      {"okay", {1, 1}},
      {"fine", {1, 1}},
      {"forbidden", {1, -1}},
      {"prohibited", {1, -1}},
      // need
      {"must", {2, 1}},
      {"moet", {2, 1}},
      {"moeten", {2, 1}},
      {"required", {2, 1}},
      {"verplicht", {2, 1}},
      {"nodig", {2, 1}},
      {"need", {2, 1}},
      {"needed", {2, 1}},
      {"hoeft", {2, 1}},
      {"hoeven", {2, 1}},
      {"mandatory", {2, 1}},
      {"worry", {2, 1}},
      {"optional", {2, -1}},
      {"optioneel", {2, -1}}};
  Stance out;
  std::set<std::string> said;  // the stems of the words that took a stance
  std::array<bool, 3> mixed = {false, false, false};
  // The words of stance, then each negation turns the nearest one around
  // (six words after it or four before: "no extra charge", "mag hij
  // helaas niet mee", "U hoeft daarvoor vooraf niets te reserveren");
  // "without" and "zonder" only a word of cost they stand before ("without
  // a fee", "zonder dat het je iets kost"; not "mogen zonder begeleiding").
  const auto& t = c.tokens;
  struct Word {
    size_t at;
    std::pair<int, int> take;  // question, answer
    int turns = 0;
  };
  std::vector<Word> words;
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string& w = t[i].text;
    const std::string_view next = i + 1 < t.size() ? std::string_view(t[i + 1].text) : "";
    const std::string_view prev = i > 0 ? std::string_view(t[i - 1].text) : "";
    std::pair<int, int> take{-1, 0};
    if (const auto it = kWords.find(w); it != kWords.end()) take = it->second;
    // "de installatiekosten", "bezorgkosten": a cost.
    if (take.first < 0 && w.size() > 8 && w.ends_with("kosten")) take = {0, -1};
    // "kosten in rekening brengen": a cost; "feel free to": leave.
    // "voor uw eigen rekening", "at your own expense": the customer pays.
    if (w == "kosten" || (w == "rekening" && (prev == "in" || prev == "eigen")) ||
        ((w == "expense" || w == "cost") && prev == "own"))
      take = {0, -1};
    if (w == "free" && prev == "feel") take = {1, 1};
    // "een klein statief is geen probleem": leave (not "No problem, ...").
    if ((w == "probleem" || w == "problem") && (prev == "geen" || prev == "no") && i >= 3)
      take = {1, 1};
    // "you don't have to pay it all upfront": need.
    if ((w == "have" || w == "has" || w == "hebt" || w == "heeft") && next == "to") take = {2, 1};
    // "returns without a receipt", "zonder afspraak": not needed, unless
    // it is said of a cost ("without a fee", turned below).
    if ((w == "without" || w == "zonder") &&
        std::none_of(t.begin() + static_cast<long>(i) + 1,
                     t.begin() + static_cast<long>(std::min(t.size(), i + 6)), [](const Token& x) {
                       const auto it = kWords.find(x.text);
                       return (it != kWords.end() && it->second.first == 0) ||
                              x.text.ends_with("kosten") || x.text.ends_with("prijs") ||
                              x.text.ends_with("price") || x.text.ends_with("toeslag") ||
                              x.text == "te" || x.text == "to";
                     }))
      take = {2, -1};
    // "the sauna is extra", "handdoeken zijn extra": a cost (not "there is
    // extra legroom").
    if (w == "extra" && (prev == "is" || prev == "are" || prev == "zijn" || prev == "be") &&
        (next.empty() || t[i + 1].type == Token::kSymbol || next == "and" || next == "but" ||
         next == "en" || next == "maar" || next == "though" || next == "hoor"))
      take = {0, -1};
    // "comes with your ticket", "on the house".
    if ((w == "comes" || w == "come") && next == "with") take = {0, 1};
    if (w == "house" && prev == "the" && i > 1 && t[i - 2].text == "on") take = {0, 1};
    if (take.first < 0) continue;
    said.insert(Stem(w, lang));
    if (const std::string_view act = ActOf(w); !act.empty()) said.emplace(act);
    // "you'd pay that", "die kost het": about what was said before.
    static const WordSet pointing = {"that", "this", "those", "it", "dat", "dit", "die", "het"};
    if (take.first == 0 && In(pointing, next)) continue;
    // "free of charge", "gratis van kosten": one word of stance.
    if (take == std::pair{0, -1} && i >= 2 &&
        (t[i - 1].text == "of" || t[i - 1].text == "from" || t[i - 1].text == "van") &&
        !words.empty() && words.back().at == i - 2 && words.back().take == std::pair{0, 1})
      continue;
    words.push_back({i, take});
  }
  for (size_t k = 0; k < t.size(); ++k) {
    // "exempt from late fees": no fees.
    if (!IsNegation(t[k].text) && t[k].text != "exempt" && t[k].text != "vrijgesteld") continue;
    // "no problem", "geen zorgen", "isn't a problem": no stance turned.
    static const WordSet idiom = {"probleem", "problem",  "problemen", "problems", "zorgen",
                                  "worries",  "hesitate", "aarzel",    "schroom",  "doubt",
                                  "twijfel",  "mind",     "trouble",   "moeite"};
    if (k + 1 < t.size() && In(idiom, t[k + 1].text)) continue;
    if (static const WordSet article = {"a", "an", "any", "enkel"};
        k + 2 < t.size() && In(article, t[k + 1].text) && In(idiom, t[k + 2].text))
      continue;
    const bool without = t[k].text == "without" || t[k].text == "zonder";
    // "without a receipt" said not needed itself.
    if (without &&
        std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.at == k; }))
      continue;
    Word* nearest = nullptr;
    size_t distance = 0;
    for (Word& w : words) {
      if (w.at == k || (without && (w.take.first != 0 || w.at < k || w.at > k + 5))) continue;
      if (w.at > k ? w.at - k > 6 : k - w.at > (lang == Language::kNl ? 8U : 4U)) continue;
      const size_t d = w.at > k ? w.at - k : k - w.at;
      if (!nearest || d < distance || (d == distance && w.at > k)) {
        nearest = &w;
        distance = d;
      }
    }
    if (!nearest) {
      ++out.stray_negations;
      continue;
    }
    ++nearest->turns;
    // And what it goes on to: "won't need to pay", "hoeft niet te betalen",
    // "hoeft geen kaartje te betalen", "hoeft u ook geen eigen risico te
    // betalen" (but "no need to return it" still allows returning).
    const size_t reach = lang == Language::kNl ? 4 : 3;
    for (Word& w : words)
      if (w.take.first == 0 && w.at > nearest->at && w.at <= std::max(nearest->at, k) + reach &&
          w.at > k &&
          std::any_of(t.begin() + static_cast<long>(nearest->at) + 1,
                      t.begin() + static_cast<long>(w.at),
                      [](const Token& x) { return x.text == "to" || x.text == "te"; }))
        ++w.turns;
  }
  static const WordSet can = {"can", "kan", "kunt", "kun", "kunnen", "ok", "okay", "fine"};
  out.may_by_can = std::none_of(words.begin(), words.end(), [&](const Word& w) {
    return w.take.first == 1 && !In(can, t[w.at].text);
  });
  for (const Word& w : words) {
    const int sign = w.turns % 2 ? -w.take.second : w.take.second;
    int& slot = out.said[static_cast<size_t>(w.take.first)];
    if (slot != 0 && slot != sign) mixed[static_cast<size_t>(w.take.first)] = true;
    slot = sign;
  }
  // A claim that says both ("costs £19.50 and includes aftercare") takes
  // no stance.
  for (size_t q = 0; q < 3; ++q)
    if (mixed[q]) out.said[q] = 0;
  // Words of how much, not of what: "zonder extra kosten", "each".
  static const WordSet how_much = {"extra", "additional", "aanvullend", "bijkomend",
                                   "elk",   "each",       "every",      "ieder"};
  for (const std::string& w : c.stems)
    if (w[0] != '~' && w.size() >= 3 && !said.contains(w) && !In(how_much, w))
      out.things.push_back(w);
  // The same thing in other words ("sign up" is registering, a "bon" a
  // receipt: `ThingOf`).
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string_view thing = t[i].text == "sign" && i + 1 < t.size() && t[i + 1].text == "up"
                                       ? ThingOf("signup")
                                       : ThingOf(t[i].text);
    if (!thing.empty() &&
        std::find(out.things.begin(), out.things.end(), thing) == out.things.end())
      out.things.emplace_back(thing);
  }
  return out;
}

}  // namespace luister::consistency
