#include "domain/answer_consistency.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/text_analysis.h"

namespace luister {

namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"amount", "period", "deadline",
                                                        "date",   "yes_no", "procedure"};

// ---- words ------------------------------------------------------------------

using WordSet = std::set<std::string, std::less<>>;

bool In(const WordSet& set, std::string_view w) { return set.contains(w); }

const WordSet& CurrencyWords() {
  static const WordSet s = {"euro",  "euros",  "eur", "dollar", "dollars", "usd",
                            "pound", "pounds", "gbp", "cent",   "cents",   "eurocent"};
  return s;
}
const WordSet& PercentWords() {
  static const WordSet s = {"procent", "percent", "pct"};
  return s;
}
// Words before a number that make it a limit ("maximaal 3 stuks").
const WordSet& LimitWords() {
  static const WordSet s = {"max",      "maximaal", "maximum",  "hooguit",   "hoogstens",
                            "minimaal", "minimum",  "minstens", "tenminste", "most",
                            "least",    "upto",     "min",      "maximal",   "limit",
                            "limited",  "maximale", "minimale", "than",      "dan"};
  return s;
}
// Units a count is measured in that are never an order's own number.
const WordSet& MeasureWords() {
  static const WordSet s = {
      "kg",        "kilo",    "kilos",      "gram",     "grams",     "gb",       "mb",
      "tb",        "km",      "cm",         "liter",    "liters",    "litre",    "litres",
      "kwh",       "mbit",    "mbps",       "personen", "persons",   "people",   "guests",
      "gasten",    "stuks",   "pieces",     "items",    "artikelen", "articles", "products",
      "producten", "tickets", "kaartjes",   "bags",     "koffers",   "tassen",   "devices",
      "apparaten", "users",   "gebruikers", "seats",    "plaatsen",  "rides",    "ritten",
      "sessions",  "sessies", "lessen",     "lessons",  "boeken",    "books",    "euro"};
  return s;
}
// Words before a number that make it a reference, not a fact.
const WordSet& ReferenceWords() {
  static const WordSet s = {"bestelling",
                            "bestelnummer",
                            "order",
                            "ordernummer",
                            "nummer",
                            "number",
                            "no",
                            "nr",
                            "ref",
                            "referentie",
                            "reference",
                            "klantnummer",
                            "factuur",
                            "factuurnummer",
                            "invoice",
                            "ticket",
                            "case",
                            "dossier",
                            "zaak",
                            "tel",
                            "telefoon",
                            "phone",
                            "huisnummer",
                            "postcode",
                            "pakket",
                            "parcel",
                            "zending",
                            "shipment",
                            "kenmerk",
                            "account",
                            "rekening",
                            "contract",
                            "contractnummer",
                            "polis",
                            "polisnummer",
                            "policy",
                            "booking",
                            "boeking",
                            "reservering",
                            "reservation",
                            "room",
                            "kamer",
                            "flight",
                            "vlucht",
                            "trein",
                            "train",
                            "bus",
                            "lijn",
                            "line",
                            "gate",
                            "perron",
                            "platform",
                            "klant",
                            "customer",
                            "member",
                            "lid",
                            "lidnummer",
                            "membership"};
  return s;
}
// Words that make a date or period the customer's own past: "3 dagen
// geleden", "ordered on 2 May", "last week".
const WordSet& PastWords() {
  static const WordSet s = {"besteld",   "bestelde",   "gekocht",   "ordered", "purchased",
                            "bought",    "placed",     "geplaatst", "stuurde", "sent",
                            "verstuurd", "gemaild",    "emailed",   "belde",   "called",
                            "received",  "ontvangen",  "booked",    "geboekt", "paid",
                            "betaald",   "wrote",      "schreef",   "made",    "gedaan",
                            "aangemeld", "registered", "signed",    "joined"};
  return s;
}
const WordSet& AgoWords() {
  static const WordSet s = {"geleden", "ago"};
  return s;
}
const WordSet& LastWords() {
  static const WordSet s = {"gisteren", "yesterday", "vorige", "afgelopen", "last", "eerder"};
  return s;
}
// Words before a time of day.
const WordSet& TimeCueWords() {
  static const WordSet s = {"om",      "voor",    "tot",     "vanaf",     "na",     "uiterlijk",
                            "before",  "until",   "till",    "by",        "after",  "from",
                            "at",      "tussen",  "between", "and",       "en",     "to",
                            "tm",      "open",    "geopend", "gesloten",  "closed", "opens",
                            "closes",  "sluit",   "sluiten", "vandaag",   "today",  "tomorrow",
                            "morgen",  "until",   "untill",  "noon",      "avond",  "evening",
                            "ochtend", "morning", "middag",  "afternoon", "van"};
  return s;
}

const std::unordered_map<std::string, double>& NumberWords() {
  static const std::unordered_map<std::string, double> m = [] {
    std::unordered_map<std::string, double> m = {
        {"twee", 2},        {"drie", 3},        {"vier", 4},         {"vijf", 5},
        {"zes", 6},         {"zeven", 7},       {"acht", 8},         {"negen", 9},
        {"tien", 10},       {"elf", 11},        {"twaalf", 12},      {"dertien", 13},
        {"veertien", 14},   {"vijftien", 15},   {"zestien", 16},     {"zeventien", 17},
        {"achttien", 18},   {"negentien", 19},  {"twintig", 20},     {"dertig", 30},
        {"veertig", 40},    {"vijftig", 50},    {"zestig", 60},      {"zeventig", 70},
        {"tachtig", 80},    {"negentig", 90},   {"honderd", 100},    {"duizend", 1000},
        {"one", 1},         {"two", 2},         {"three", 3},        {"four", 4},
        {"five", 5},        {"six", 6},         {"seven", 7},        {"eight", 8},
        {"nine", 9},        {"ten", 10},        {"eleven", 11},      {"twelve", 12},
        {"thirteen", 13},   {"fourteen", 14},   {"fifteen", 15},     {"sixteen", 16},
        {"seventeen", 17},  {"eighteen", 18},   {"nineteen", 19},    {"twenty", 20},
        {"thirty", 30},     {"forty", 40},      {"fifty", 50},       {"sixty", 60},
        {"seventy", 70},    {"eighty", 80},     {"ninety", 90},      {"hundred", 100},
        {"thousand", 1000}, {"anderhalf", 1.5}, {"anderhalve", 1.5}, {"fortnight", 14},
        {"dozen", 12},      {"dertigtal", 30}};
    // Dutch tens and units in one word: "eenentwintig", "tweeentwintig".
    const std::array<std::pair<const char*, int>, 9> units = {{{"een", 1},
                                                               {"twee", 2},
                                                               {"drie", 3},
                                                               {"vier", 4},
                                                               {"vijf", 5},
                                                               {"zes", 6},
                                                               {"zeven", 7},
                                                               {"acht", 8},
                                                               {"negen", 9}}};
    const std::array<std::pair<const char*, int>, 8> tens = {{{"twintig", 20},
                                                              {"dertig", 30},
                                                              {"veertig", 40},
                                                              {"vijftig", 50},
                                                              {"zestig", 60},
                                                              {"zeventig", 70},
                                                              {"tachtig", 80},
                                                              {"negentig", 90}}};
    for (const auto& [u, uv] : units)
      for (const auto& [t, tv] : tens) m[std::string(u) + "en" + t] = uv + tv;
    return m;
  }();
  return m;
}

// 1..12; 0 when not a month.
int MonthOf(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {
      {"januari", 1},   {"january", 1},  {"jan", 1},       {"februari", 2},  {"february", 2},
      {"feb", 2},       {"maart", 3},    {"march", 3},     {"mrt", 3},       {"mar", 3},
      {"april", 4},     {"apr", 4},      {"mei", 5},       {"may", 5},       {"juni", 6},
      {"june", 6},      {"jun", 6},      {"juli", 7},      {"july", 7},      {"jul", 7},
      {"augustus", 8},  {"august", 8},   {"aug", 8},       {"september", 9}, {"sep", 9},
      {"sept", 9},      {"oktober", 10}, {"october", 10},  {"okt", 10},      {"oct", 10},
      {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12}};
  const auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}
// Months named without a number only when unmistakable.
bool IsPlainMonthName(std::string_view w) { return MonthOf(w) && w.size() > 4 && w != "march"; }

// 1 (Monday) .. 7; 0 when not a weekday.
int WeekdayOf(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {
      {"maandag", 1},   {"maandags", 1},   {"monday", 1},    {"mondays", 1},    {"dinsdag", 2},
      {"dinsdags", 2},  {"tuesday", 2},    {"tuesdays", 2},  {"woensdag", 3},   {"woensdags", 3},
      {"wednesday", 3}, {"wednesdays", 3}, {"donderdag", 4}, {"donderdags", 4}, {"thursday", 4},
      {"thursdays", 4}, {"vrijdag", 5},    {"vrijdags", 5},  {"friday", 5},     {"fridays", 5},
      {"zaterdag", 6},  {"zaterdags", 6},  {"saturday", 6},  {"saturdays", 6},  {"zondag", 7},
      {"zondags", 7},   {"sunday", 7},     {"sundays", 7}};
  const auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}

// A unit of time: its length in hours (months and years loosely), or a
// count of working days.
struct TimeUnit {
  double hours = 0;
  bool working_days = false;
  bool loose = false;
};
std::optional<TimeUnit> TimeUnitOf(std::string_view w) {
  static const std::unordered_map<std::string_view, TimeUnit> m = {{"minuut", {1.0 / 60}},
                                                                   {"minuten", {1.0 / 60}},
                                                                   {"minute", {1.0 / 60}},
                                                                   {"minutes", {1.0 / 60}},
                                                                   {"min", {1.0 / 60}},
                                                                   {"mins", {1.0 / 60}},
                                                                   {"uur", {1}},
                                                                   {"uren", {1}},
                                                                   {"hour", {1}},
                                                                   {"hours", {1}},
                                                                   {"hrs", {1}},
                                                                   {"hr", {1}},
                                                                   {"h", {1}},
                                                                   {"dag", {24}},
                                                                   {"dagen", {24}},
                                                                   {"day", {24}},
                                                                   {"days", {24}},
                                                                   {"daagse", {24}},
                                                                   {"kalenderdagen", {24}},
                                                                   {"etmaal", {24}},
                                                                   {"etmalen", {24}},
                                                                   {"werkdag", {0, true}},
                                                                   {"werkdagen", {0, true}},
                                                                   {"week", {168}},
                                                                   {"weken", {168}},
                                                                   {"weeks", {168}},
                                                                   {"weekse", {168}},
                                                                   {"fortnight", {336}},
                                                                   {"kwartier", {0.25}},
                                                                   {"maand", {720, false, true}},
                                                                   {"maanden", {720, false, true}},
                                                                   {"month", {720, false, true}},
                                                                   {"months", {720, false, true}},
                                                                   {"jaar", {8760, false, true}},
                                                                   {"jaren", {8760, false, true}},
                                                                   {"year", {8760, false, true}},
                                                                   {"years", {8760, false, true}}};
  const auto it = m.find(w);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

// Words that turn a statement around.
bool IsNegation(std::string_view w) {
  static const WordSet s = {"niet",        "geen",
                            "nooit",       "niets",
                            "niks",        "nergens",
                            "niemand",     "onmogelijk",
                            "not",         "no",
                            "never",       "cannot",
                            "cant",        "can't",
                            "won't",       "wont",
                            "don't",       "dont",
                            "doesn't",     "doesnt",
                            "isn't",       "isnt",
                            "aren't",      "arent",
                            "didn't",      "wasn't",
                            "weren't",     "shouldn't",
                            "couldn't",    "wouldn't",
                            "haven't",     "hasn't",
                            "nothing",     "none",
                            "nobody",      "impossible",
                            "unable",      "unfortunately_not",
                            "nowhere",     "neither",
                            "nor",         "mustn't",
                            "needn't",     "uitgesloten",
                            "excluded",    "unavailable",
                            "onbereikbaar"};
  return s.contains(w);
}

// Negations that say nothing about the answer ("geen probleem", "don't
// hesitate"): the word after (or before) the negation.
bool IsIdiomaticNegation(std::string_view neg, std::string_view next, std::string_view prev,
                         std::string_view next2) {
  // "no later than", "niet meer dan": a limit, not a no.
  static const WordSet comparative = {"later",  "more",   "less",   "meer",  "minder", "earlier",
                                      "eerder", "langer", "longer", "fewer", "over"};
  if (comparative.contains(next) && (next2 == "than" || next2 == "dan")) return true;
  if (next == "te" && next2 == "danken") return true;
  // "kost niets", "nothing to pay": free, an amount.
  static const WordSet pay = {"kost",    "kosten", "cost",   "costs",   "pay",    "betaalt",
                              "betalen", "betaal", "charge", "charged", "rekenen"};
  if ((neg == "niets" || neg == "nothing" || neg == "niks") &&
      (pay.contains(prev) || (next == "to" && pay.contains(next2)) ||
       (next == "te" && pay.contains(next2)) || pay.contains(next)))
    return true;
  // "no (extra) charge", "geen (extra) kosten": free, an amount.
  static const WordSet price = {"charge", "charges", "cost",  "costs",      "fee",       "fees",
                                "kosten", "toeslag", "extra", "additional", "meerkosten"};
  if (price.contains(next) || next.ends_with("kosten") || next == "fine" || next == "fines" ||
      next == "boete")
    return true;
  static const WordSet after = {"probleem", "problem",  "zorgen",  "worry", "worries", "hesitate",
                                "aarzel",   "aarzelen", "schroom", "dank",  "forget",  "vergeten",
                                "sure",     "zeker",    "alleen",  "only",  "just",    "doubt",
                                "twijfel",  "mind",     "erg",     "bad",   "trouble", "moeite"};
  static const WordSet before = {"zo", "if", "or", "of", "whether", "wel", "als"};
  if (after.contains(next)) return true;
  if (neg == "not" && before.contains(prev)) return true;
  if (neg == "niet" && (prev == "zo" || prev == "of")) return true;
  return false;
}

// How the customer does something: the ways procedures name.
std::string MeansOf(std::string_view w) {
  if (w.find("formulier") != std::string_view::npos || w == "form" || w == "forms") return "form";
  if (w.find("account") != std::string_view::npos || w.find("portal") != std::string_view::npos ||
      w.find("portaal") != std::string_view::npos || w == "mijnomgeving" || w == "inloggen" ||
      w == "login")
    return "account";
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"email", "email"},
      {"mail", "email"},
      {"mailen", "email"},
      {"mailtje", "email"},
      {"emailen", "email"},
      {"emails", "email"},
      {"mailt", "email"},
      {"bel", "phone"},
      {"bellen", "phone"},
      {"belt", "phone"},
      {"telefonisch", "phone"},
      {"telefoon", "phone"},
      {"call", "phone"},
      {"phone", "phone"},
      {"ring", "phone"},
      {"calling", "phone"},
      {"telephone", "phone"},
      {"winkel", "shop"},
      {"winkels", "shop"},
      {"filiaal", "shop"},
      {"filialen", "shop"},
      {"vestiging", "shop"},
      {"balie", "shop"},
      {"servicepunt", "shop"},
      {"langskomen", "shop"},
      {"store", "shop"},
      {"stores", "shop"},
      {"branch", "shop"},
      {"counter", "shop"},
      {"desk", "shop"},
      {"post", "post"},
      {"brief", "post"},
      {"letter", "post"},
      {"postal", "post"},
      {"post", "post"},
      {"chat", "chat"},
      {"whatsapp", "chat"},
      {"livechat", "chat"},
      {"app", "app"},
      {"website", "website"},
      {"site", "website"},
      {"bank", "bank"},
      {"afhalen", "pickup"},
      {"koerier", "pickup"},
      {"courier", "pickup"},
      {"collect", "pickup"},
      {"collection", "pickup"},
      {"ophaalservice", "pickup"},
      {"pickup", "pickup"},
      {"postkantoor", "postoffice"},
      {"automaat", "machine"},
      {"kaartautomaat", "machine"},
      {"machine", "machine"},
      {"machines", "machine"},
      {"loket", "shop"},
      {"postnl", "postoffice"},
      {"pakketpunt", "postoffice"},
      {"servicepunten", "postoffice"},
      {"dropoff", "postoffice"},
      {"afgeven", "postoffice"},
      {"inleveren", "shop"}};
  const auto it = m.find(w);
  return it == m.end() ? std::string() : std::string(it->second);
}

// ---- tokens -----------------------------------------------------------------

struct Token {
  enum Type { kWord, kNumber, kSymbol } type = kWord;
  std::string text;  // folded
  bool ordinal = false;
};

// After folding, bytes above ASCII are letters of other scripts, except
// the punctuation and symbols of Latin-1 (0xC2: "£", "«") and of U+2000 to
// U+2BFF (0xE2: "€", "’", "–").
bool IsLetter(unsigned char c) { return std::isalpha(c) || (c >= 0x80 && c != 0xC2 && c != 0xE2); }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (IsDigit(s[i])) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      while (j + 1 < s.size() && (s[j] == '.' || s[j] == ',' || s[j] == ':') && IsDigit(s[j + 1])) {
        ++j;
        while (j < s.size() && IsDigit(s[j])) ++j;
      }
      std::string raw(s.substr(i, j - i));
      // "4,-" and "4,--": whole euros.
      if (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && s[j + 1] == '-') {
        j += 2;
        while (j < s.size() && s[j] == '-') ++j;
      }
      Token t{Token::kNumber, raw};
      // A suffix: an ordinal ("1st", "26e") is dropped, anything else
      // ("5pm", "10gb") is a word of its own.
      size_t k = j;
      while (k < s.size() && IsLetter(static_cast<unsigned char>(s[k])) &&
             static_cast<unsigned char>(s[k]) < 0x80)
        ++k;
      const std::string suffix(s.substr(j, k - j));
      out.push_back(t);
      if (!suffix.empty()) {
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "e" ||
            suffix == "ste" || suffix == "de")
          out.back().ordinal = true;
        else
          out.push_back({Token::kWord, suffix});
      }
      i = k;
      continue;
    }
    if (s.substr(i, 3) == "\xE2\x82\xAC" || s.substr(i, 2) == "\xC2\xA3") {
      const size_t n = s[i] == '\xE2' ? 3 : 2;
      out.push_back({Token::kSymbol, std::string(s.substr(i, n))});
      i += n;
      continue;
    }
    if (c == 0xC2 || c == 0xE2) {  // other punctuation and symbols: skip the character
      i += c == 0xC2 ? 2 : 3;
      continue;
    }
    if (IsLetter(c)) {
      size_t j = i;
      while (j < s.size() &&
             (IsLetter(static_cast<unsigned char>(s[j])) ||
              (s[j] == '\'' && j + 1 < s.size() && IsLetter(static_cast<unsigned char>(s[j + 1])))))
        ++j;
      out.push_back({Token::kWord, std::string(s.substr(i, j - i))});
      i = j;
      continue;
    }
    if (c == '%' || c == '$' || c == '-' || c == '/' || c == '#') {
      out.push_back({Token::kSymbol, std::string(1, s[i])});
    } else if (s.substr(i, 3) == "\xE2\x82\xAC") {
      out.push_back({Token::kSymbol, "\xE2\x82\xAC"});
      i += 3;
      continue;
    } else if (s.substr(i, 2) == "\xC2\xA3") {
      out.push_back({Token::kSymbol, "\xC2\xA3"});
      i += 2;
      continue;
    }
    ++i;
  }
  return out;
}

// A number as written ("4,95", "1.000", "1.234,56", "17.00"), or none.
std::optional<double> NumberOf(const std::string& raw) {
  if (raw.find(':') != std::string::npos) return std::nullopt;
  const size_t dot = raw.rfind('.');
  const size_t comma = raw.rfind(',');
  std::string digits;
  size_t decimal = std::string::npos;
  if (dot != std::string::npos && comma != std::string::npos) {
    decimal = std::max(dot, comma);
  } else if (dot != std::string::npos || comma != std::string::npos) {
    const size_t sep = dot != std::string::npos ? dot : comma;
    const size_t after = raw.size() - sep - 1;
    const bool one_separator = raw.find(raw[sep]) == sep;
    if (!(after == 3 && one_separator)) decimal = one_separator ? sep : std::string::npos;
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i == decimal) {
      digits += '.';
    } else if (IsDigit(raw[i])) {
      digits += raw[i];
    }
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  return std::stod(digits);
}

// ---- sentences and facts ----------------------------------------------------

struct Sentence {
  std::string text;  // as written
  std::vector<Token> tokens;
  std::set<std::string> stems;  // content words, for relating sentences
  int negations = 0;
  std::string negation;                      // the first one
  std::map<std::string, std::string> means;  // means -> the word that named it
  bool invitation = false;                   // "bel gerust als je vragen hebt": no procedure
  bool condition = false;                    // "als je ...", "if you ...": a premise, not a claim
  bool instruction = false;  // "you can simply", "stuur gewoon": tells the customer what to do
};

struct Fact {
  ConflictKind kind = ConflictKind::kAmount;
  std::string unit;
  double lo = 0;
  double hi = 0;
  bool loose = false;  // months and years: a few days either way; a time without am/pm: 12 h
  std::string text;
  size_t sentence = 0;
  bool own = false;  // the customer's own (an order's date): never compared
  // A bound: "at least 21" (1) or "at most 3" (-1); a value on the right
  // side of it agrees with it.
  int bound = 0;
};

// The text's sentences: ends at ".", "!" or "?" before a space, and at line
// ends.
std::vector<std::string> SplitSentences(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    const size_t b = current.find_first_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(current.substr(b));
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush();
      continue;
    }
    current += c;
    if ((c == '.' || c == '!' || c == '?' || c == ';') &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      // "bijv. " and "t.m. ": a lower case word after is the same sentence.
      const bool abbreviation =
          c == '.' && i + 2 < text.size() &&
          std::islower(static_cast<unsigned char>(text[i + 2])) && current.size() >= 2 &&
          current[current.size() - 2] != ' ' &&
          (current.size() < 4 || current.find(' ', current.size() - 6) != std::string::npos);
      if (!abbreviation) flush();
    }
  }
  flush();
  return out;
}

// A sentence's clauses: split at commas and colons and before the words
// that begin another ("maar", "but", "omdat", "if").
std::vector<std::string> SplitClauses(const std::string& sentence) {
  static const WordSet starts = {
      "maar",    "but",   "though", "although", "however", "so",    "dus",    "omdat",  "because",
      "since",   "als",   "if",     "when",     "wanneer", "zodat", "unless", "tenzij", "whereas",
      "terwijl", "while", "want",   "and",      "en",      "or",    "of",     "dan",    "then"};
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (current.find_first_not_of(" ,:;") != std::string::npos) out.push_back(current);
    current.clear();
  };
  size_t i = 0;
  while (i < sentence.size()) {
    const char c = sentence[i];
    if (c == ',' || c == ':' || c == ';' || c == '(' || c == ')') {
      // "4,95" stays one number.
      const bool in_number =
          i > 0 && i + 1 < sentence.size() && IsDigit(sentence[i - 1]) && IsDigit(sentence[i + 1]);
      if (!in_number) {
        flush();
        ++i;
        continue;
      }
    }
    if (std::isalpha(static_cast<unsigned char>(c)) && (i == 0 || sentence[i - 1] == ' ')) {
      size_t j = i;
      while (j < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[j]))) ++j;
      std::string w = sentence.substr(i, j - i);
      std::transform(w.begin(), w.end(), w.begin(),
                     [](unsigned char x) { return static_cast<char>(std::tolower(x)); });
      const bool preposition =
          (w == "because" || w == "since") && sentence.compare(j, 3, " of") == 0;
      if (starts.contains(w) && !preposition &&
          current.find_first_not_of(' ') != std::string::npos && w != "and" && w != "en" &&
          w != "or" && w != "of" && w != "dan" && w != "then")
        flush();
    }
    current += c;
    ++i;
  }
  flush();
  return out;
}

class Reader {
 public:
  explicit Reader(Language lang) : lang_(lang) {}

  Sentence Read(const std::string& text) const {
    Sentence s;
    s.text = text;
    std::string folded = FoldText(text);
    // Written several ways.
    for (const auto& [from, to] :
         std::array<std::pair<std::string_view, std::string_view>, 10>{{{"e-mail", "email"},
                                                                        {"t/m", "tm"},
                                                                        {"t.m.", "tm"},
                                                                        {"up to", "upto"},
                                                                        {"p.m.", "pm"},
                                                                        {"a.m.", "am"},
                                                                        {"drop-off", "dropoff"},
                                                                        {"pick-up", "pickup"},
                                                                        {"\xE2\x80\x99", "'"},
                                                                        {"\xE2\x80\x98", "'"}}}) {
      for (size_t at = folded.find(from); at != std::string::npos; at = folded.find(from, at))
        folded.replace(at, from.size(), to);
    }
    s.tokens = Tokens(folded);
    static const WordSet conditions = {"if",     "als",    "indien", "when",  "wanneer",
                                       "unless", "tenzij", "mocht",  "should"};
    static const WordSet instructions = {"please", "just", "simply", "can",    "kunt",  "kan",
                                         "moet",   "must", "need",   "should", "hoeft", "graag",
                                         "gewoon", "even", "kun",    "you'll", "go",    "ga"};
    s.condition = !s.tokens.empty() && In(conditions, s.tokens.front().text);
    bool forget = false;  // "vergeet ... niet", "don't forget": no no
    for (const Token& t : s.tokens) s.instruction = s.instruction || In(instructions, t.text);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      if (t.type != Token::kWord) continue;
      const std::string_view prev = i > 0 ? std::string_view(s.tokens[i - 1].text) : "";
      const std::string_view next =
          i + 1 < s.tokens.size() ? std::string_view(s.tokens[i + 1].text) : "";
      static const WordSet invitation = {"vragen",   "vraag",  "questions", "question", "gerust",
                                         "hesitate", "aarzel", "schroom",   "anything", "else"};
      if (In(invitation, t.text)) s.invitation = true;
      if (IsNegation(t.text)) {
        const std::string_view next2 =
            i + 2 < s.tokens.size() ? std::string_view(s.tokens[i + 2].text) : "";
        if (!forget) {
          for (const Token& x : s.tokens)
            forget = forget || x.text == "vergeet" || x.text == "vergeten" || x.text == "forget";
          if (forget) continue;
        }
        if (!IsIdiomaticNegation(t.text, next, prev, next2)) {
          ++s.negations;
          if (s.negation.empty()) s.negation = t.text;
        }
        continue;
      }
      if ((t.text == "mijn" || t.text == "my") &&
          (prev == "via" || prev == "in" || prev == "op" || prev == "through" || prev == "under" ||
           prev == "naar" || prev == "to"))
        s.means.emplace("account", t.text + " " + std::string(next));
      if (const std::string m = MeansOf(t.text); !m.empty()) {
        // "e-mailadres", "telefoonnummer" name no way of doing it.
        if (!(next == "adres" || next == "address" || next == "nummer" || next == "number"))
          s.means.emplace(m, t.text);
      }
      if (IsStopWord(t.text, lang_) || TimeUnitOf(t.text) || MonthOf(t.text) || WeekdayOf(t.text) ||
          NumberWords().contains(t.text))
        continue;
      s.stems.insert(Stem(t.text, lang_));
    }
    return s;
  }

 private:
  Language lang_;
};

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
  FactFinder(const Sentence& s, size_t index) : s_(s), t_(s.tokens), index_(index) {}

  std::vector<Fact> Find() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (i < skip_until_) continue;
      const Token& t = t_[i];
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
  // Whether the words around `i` say it is the customer's own (their
  // order's number or date, "3 days ago").
  bool Own(size_t from, size_t to) const {
    const std::string_view before = Word(from, -1);
    const std::string_view before2 = Word(from, -2);
    if (In(ReferenceWords(), before) || before == "#") return true;
    if ((before == "nr" || before == "no" || before == "nummer" || before == "number" ||
         before == "#") &&
        In(ReferenceWords(), before2))
      return true;
    if (In(AgoWords(), Word(to, 0))) return true;
    static const WordSet at = {"op", "on", "van", "of", "at", "om"};
    if (In(at, before))
      for (size_t k = from >= 7 ? from - 7 : 0; k + 1 < from; ++k)
        if (In(PastWords(), t_[k].text)) return true;
    for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
      if (In(LastWords(), t_[k].text)) return true;
    // "uw bestelling van dinsdag om 21.40 uur", "your appointment on Monday".
    static const WordSet possessive = {"uw", "je", "jouw", "your"};
    static const WordSet theirs = {
        "bestelling",  "order",       "afspraak", "appointment", "bericht",     "message",
        "email",       "mail",        "aankoop",  "purchase",    "booking",     "boeking",
        "reservering", "reservation", "gesprek",  "call",        "telefoontje", "aanvraag",
        "request",     "betaling",    "payment",  "factuur",     "invoice",     "levering",
        "delivery",    "retour",      "return",   "klacht",      "complaint"};
    static const WordSet link = {"van", "of", "op", "on", "om", "at", "from"};
    for (size_t p = from >= 6 ? from - 6 : 0; p + 2 < from; ++p) {
      if (!In(possessive, t_[p].text) || !In(theirs, t_[p + 1].text) || !In(link, t_[p + 2].text))
        continue;
      bool plain = true;
      for (size_t k = p + 3; k < from; ++k)
        plain = plain && (t_[k].type != Token::kWord || WeekdayOf(t_[k].text) ||
                          MonthOf(t_[k].text) || In(link, t_[k].text) || t_[k].text == "uur");
      if (plain) return true;
    }
    return false;
  }
  int Bound(size_t from) const {
    static const WordSet at_least = {"minimaal", "minimum", "minstens", "tenminste",
                                     "least",    "min",     "minimale", "vanaf"};
    static const WordSet at_most = {"max",       "maximaal", "maximum", "hooguit",
                                    "hoogstens", "most",     "upto",    "maximale"};
    for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k) {
      if (In(at_least, t_[k].text)) return 1;
      if (In(at_most, t_[k].text)) return -1;
      if ((t_[k].text == "more" || t_[k].text == "meer") && k + 1 < from &&
          (t_[k + 1].text == "than" || t_[k + 1].text == "dan"))
        return k > 0 && IsNegation(t_[k - 1].text) ? -1 : 1;
    }
    return 0;
  }
  void Add(ConflictKind kind, std::string unit, double lo, double hi, bool loose, size_t from,
           size_t to) {
    static const WordSet rate = {"per", "a", "an", "each", "every", "elke", "iedere", "ieder"};
    static const WordSet times = {"per",   "each", "every", "elke",  "iedere", "ieder",
                                  "twice", "once", "keer",  "times", "maal",   "x"};
    // "twee keer per jaar", "every six months": how often, not how long.
    if (kind == ConflictKind::kPeriod && (In(times, Word(from, -1)) || In(rate, Word(from, 0))))
      if (In(times, Word(from, -1)) || Word(from, -1) == "twice" || Word(from, -1) == "keer")
        return;
    // "€ 96 per jaar" is not "€ 8 per maand": an amount per something is
    // compared with amounts per the same.
    if (kind == ConflictKind::kAmount && unit == "money" && In(rate, Word(to, 0)) &&
        to + 1 < t_.size() && t_[to + 1].type == Token::kWord) {
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
    Fact f;
    f.kind = kind;
    f.unit = std::move(unit);
    f.lo = lo;
    f.hi = hi;
    f.loose = loose;
    f.text = Span(from, to);
    f.sentence = index_;
    f.own = Own(from, to);
    f.bound = Bound(from);
    facts_.push_back(std::move(f));
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
      return std::make_pair(v, next);
    }
    // "een week", "a month", "an hour", "half an hour", "een half uur".
    if ((w == "een" || w == "a" || w == "an" || w == "one") && i + 1 < t_.size()) {
      if (t_[i + 1].text == "half" || t_[i + 1].text == "halve") return std::make_pair(0.5, i + 2);
      if (TimeUnitOf(t_[i + 1].text)) return std::make_pair(1.0, i + 1);
    }
    if ((w == "half" || w == "halve") && i + 1 < t_.size()) {
      size_t k = i + 1;
      if (t_[k].text == "an" || t_[k].text == "a") ++k;
      if (k < t_.size() && TimeUnitOf(t_[k].text)) return std::make_pair(0.5, k);
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
    if (In(CurrencyWords(), w)) {
      const double scale = (w == "cent" || w == "cents" || w == "eurocent") ? 0.01 : 1;
      Add(ConflictKind::kAmount, "money", v * scale, hi * scale, false, from, next + 1);
      skip_until_ = next + 1;
      return;
    }
    if (w == "%" || In(PercentWords(), w) || (w == "per" && (w2 == "cent" || w2 == "cents"))) {
      Add(ConflictKind::kAmount, "percent", v, hi, false, from, next + (w == "per" ? 2 : 1));
      skip_until_ = next + 1;
      return;
    }
    // A time of day.
    const bool am = w == "am";
    const bool pm = w == "pm";
    const bool oclock = w == "o'clock" || (w == "o" && w2 == "clock");
    const bool colon = raw.find(':') != std::string::npos;
    const bool clock_dot = raw.size() >= 4 && raw[raw.size() - 3] == '.' && digits;
    // "uiterlijk 24 uur van tevoren", "24 hours before": a period.
    const std::string_view w3 = next + 2 < t_.size() ? std::string_view(t_[next + 2].text) : "";
    const bool ahead = w2 == "tevoren" || w2 == "vooraf" || w2 == "voor" || w2 == "before" ||
                       w2 == "prior" || w2 == "ervoor" || w2 == "voordat" ||
                       (w2 == "van" && w3 == "tevoren") || (w2 == "in" && w3 == "advance") ||
                       w2 == "na" || w2 == "after" || w2 == "later";
    const bool hour_word =
        (w == "uur" || w == "u" || w == "h") && In(TimeCueWords(), prev) && !ahead;
    if (am || pm || oclock || colon ||
        (clock_dot && (w == "uur" || w == "u" || w == "h" || In(TimeCueWords(), prev))) ||
        hour_word) {
      std::optional<Clock> c = digits ? ClockOf(raw) : std::optional<Clock>(Clock{v * 60, v <= 12});
      if (c) {
        if (pm && c->minutes < 12 * 60) c->minutes += 12 * 60;
        if (am || pm) c->loose = false;
        size_t end = next + ((am || pm || w == "uur" || w == "u" || w == "h") ? 1 : 0) +
                     (oclock ? (w == "o" ? 2 : 1) : 0);
        // "17 uur 's middags", "5 uur 's avonds".
        if (end + 1 < t_.size() && (t_[end].text == "s" || t_[end].text == "'s")) {
          const std::string& part = t_[end + 1].text;
          if ((part == "middags" || part == "avonds") && c->minutes < 12 * 60) c->minutes += 720;
          if (part == "middags" || part == "avonds" || part == "ochtends" || part == "morgens") {
            c->loose = false;
            end += 2;
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
           t_[k].text == "calendar" || t_[k].text == "kalender"))
        ++k;
      if (k < t_.size()) {
        bool working = false;
        size_t unit_at = k;
        if ((t_[k].text == "working" || t_[k].text == "business") && k + 1 < t_.size() &&
            (t_[k + 1].text == "day" || t_[k + 1].text == "days")) {
          working = true;
          unit_at = k + 1;
        }
        if (auto u = TimeUnitOf(t_[unit_at].text)) {
          working = working || u->working_days;
          const double scale = working ? 1 : u->hours;
          Add(ConflictKind::kPeriod, working ? "working_days" : "hours", v * scale, hi * scale,
              u->loose, from, unit_at + 1);
          skip_until_ = unit_at + 1;
          return;
        }
      }
    }
    // A count with a limit or in a measure: "maximaal 3 stuks", "20 kg".
    {
      bool limit = false;
      for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
        limit = limit || In(LimitWords(), t_[k].text);
      const bool measure = In(MeasureWords(), w);
      if (limit || measure) {
        std::string unit = "count";
        size_t end = next;
        if (!w.empty() && next < t_.size() && t_[next].type == Token::kWord &&
            !IsStopWord(w, Language::kNl) && !IsStopWord(w, Language::kEn)) {
          unit += ":" + Stem(w, Language::kEn);
          end = next + 1;
        }
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
      // A range: "2-3 werkdagen", "5-10%".
      if (d && m && unit_after) {
        After(*d, *m, i, i + 3, t_[i + 2].text, true);
        if (!facts_.empty() && facts_.back().lo == *d) facts_.back().text = Span(i, skip_until_);
        return;
      }
    }
    const std::optional<double> v = NumberOf(raw);
    if (raw.find(':') != std::string::npos) {
      After(0, 0, i, i + 1, raw, true);
      return;
    }
    if (!v) return;
    // "van 3 tot 9 maart", "from 3 to 9 March": the first day has the month too.
    if (i + 3 < t_.size() && *v >= 1 && *v <= 31 &&
        (t_[i + 1].text == "to" || t_[i + 1].text == "tot" || t_[i + 1].text == "tm" ||
         t_[i + 1].text == "until" || t_[i + 1].text == "-" || t_[i + 1].text == "and" ||
         t_[i + 1].text == "en") &&
        t_[i + 2].type == Token::kNumber)
      if (const int month = MonthOf(t_[i + 3].text)) {
        Add(ConflictKind::kDate, "date", month * 100 + *v, month * 100 + *v, false, i, i + 1);
        facts_.back().text += " " + t_[i + 3].text;
        return;
      }
    // "March 1st", "december 26".
    if (i > 0 && MonthOf(t_[i - 1].text) && *v >= 1 && *v <= 31) {
      const int month = MonthOf(t_[i - 1].text);
      Add(ConflictKind::kDate, "date", month * 100 + *v, month * 100 + *v, false, i - 1, i + 1);
      return;
    }
    After(*v, *v, i, i + 1, raw, true);
  }

  void Word(size_t i) {
    const std::string& w = t_[i].text;
    if (auto n = WordNumber(i)) {
      // "fortnight" is itself the unit.
      if (w == "fortnight") {
        Add(ConflictKind::kPeriod, "hours", 336, 336, false, i, i + 1);
        return;
      }
      // "om vijf uur", "at five o'clock": a time of day in words.
      After(n->first, n->first, i, n->second, "", false);
      return;
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
        } else if (auto it = NumberWords().find(t_[k].text); it != NumberWords().end()) {
          h = it->second;
        }
        if (h && *h >= 1 && *h <= 24 && *h == std::floor(*h)) {
          double minutes = *h * 60 + offset;
          bool loose = *h <= 12;
          size_t end = k + 1;
          if (end < t_.size() && (t_[end].text == "pm" || t_[end].text == "am")) {
            if (t_[end].text == "pm" && minutes < 720) minutes += 720;
            loose = false;
            ++end;
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
    if (IsPlainMonthName(w) && i > 0 &&
        (t_[i - 1].text == "in" || t_[i - 1].text == "vanaf" || t_[i - 1].text == "from" ||
         t_[i - 1].text == "per" || t_[i - 1].text == "tot" || t_[i - 1].text == "until" ||
         t_[i - 1].text == "eind" || t_[i - 1].text == "begin" || t_[i - 1].text == "end" ||
         t_[i - 1].text == "medio" || t_[i - 1].text == "of")) {
      const bool numbered = i + 1 < t_.size() && t_[i + 1].type == Token::kNumber;
      if (!numbered)
        Add(ConflictKind::kDate, "date", MonthOf(w) * 100, MonthOf(w) * 100, false, i, i + 1);
      return;
    }
    // Holidays.
    static const std::map<std::vector<std::string_view>, int> holidays = {
        {{"eerste", "kerstdag"}, 1225}, {{"tweede", "kerstdag"}, 1226},   {{"kerstavond"}, 1224},
        {{"christmas", "eve"}, 1224},   {{"christmas", "day"}, 1225},     {{"boxing", "day"}, 1226},
        {{"nieuwjaarsdag"}, 101},       {{"new", "year's", "day"}, 101},  {{"oudejaarsdag"}, 1231},
        {{"oudejaarsavond"}, 1231},     {{"new", "year's", "eve"}, 1231}, {{"koningsdag"}, 427},
        {{"king's", "day"}, 427},       {{"bevrijdingsdag"}, 505}};
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
    const bool free = w == "gratis" || w == "kosteloos" || w == "kostenloos" ||
                      (w == "free" && prev != "feel" && next != "to" && next != "time") ||
                      ((w == "kosten" || w == "charge" || w == "cost") &&
                       (prev == "geen" || prev == "zonder" || prev == "no"));
    if (free) Add(ConflictKind::kAmount, "money", 0, 0, false, i, i + 1);
  }

  const Sentence& s_;
  const std::vector<Token>& t_;
  size_t index_;
  size_t skip_until_ = 0;
  std::vector<Fact> facts_;
};

bool SameValue(const Fact& a, const Fact& b) {
  switch (a.kind) {
    case ConflictKind::kDeadline: {
      if (std::abs(a.lo - b.lo) < 0.5) return true;
      const double d = std::fmod(std::abs(a.lo - b.lo), 720);
      return (a.loose || b.loose) && (d < 0.5 || d > 719.5);
    }
    case ConflictKind::kDate: {
      if (a.unit != b.unit) return false;
      const auto am = static_cast<int>(a.lo) / 100, bm = static_cast<int>(b.lo) / 100;
      const auto ad = static_cast<int>(a.lo) % 100, bd = static_cast<int>(b.lo) % 100;
      if (a.unit == "date" && (ad == 0 || bd == 0)) return am == bm;
      return a.lo == b.lo;
    }
    case ConflictKind::kPeriod:
      if (a.loose || b.loose) {
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
  if (a.kind == ConflictKind::kDate) return a.unit == b.unit;
  if (a.kind == ConflictKind::kAmount && a.unit.rfind("count", 0) == 0 &&
      b.unit.rfind("count", 0) == 0)
    return a.unit == b.unit || a.unit == "count" || b.unit == "count";
  return a.unit == b.unit;
}

// How much two sentences are about the same thing (Dice over content stems).
size_t Shared(const Sentence& a, const Sentence& b) {
  size_t shared = 0;
  for (const std::string& w : a.stems) shared += b.stems.contains(w);
  return shared;
}

double Related(const Sentence& a, const Sentence& b) {
  if (a.stems.empty() || b.stems.empty()) return 0;
  size_t shared = 0;
  for (const std::string& w : a.stems) shared += b.stems.contains(w);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.stems.size() + b.stems.size());
}

constexpr double kRelated = 0.2;
constexpr double kSameClaim = 0.25;
constexpr double kSameProcedure = 0.1;

}  // namespace

std::string_view ToString(ConflictKind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<ConflictKind> ParseConflictKind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == s) return static_cast<ConflictKind>(i);
  return std::nullopt;
}

std::vector<AnswerConflict> FindConflicts(std::string_view published, std::string_view reply) {
  std::vector<AnswerConflict> out;
  const std::vector<std::string> pub_texts = SplitSentences(published);
  const std::vector<std::string> reply_texts = SplitSentences(reply);
  if (pub_texts.empty() || reply_texts.empty()) return out;
  std::string both(published);
  both += ' ';
  both += reply;
  const Language lang = GuessLanguage(NormalisedWords(both));
  const Reader reader(lang);
  std::vector<Sentence> pub, rep;
  std::vector<Fact> pub_facts, rep_facts;
  for (const std::string& t : pub_texts) {
    pub.push_back(reader.Read(t));
    auto f = FactFinder(pub.back(), pub.size() - 1).Find();
    pub_facts.insert(pub_facts.end(), f.begin(), f.end());
  }
  for (const std::string& t : reply_texts) {
    rep.push_back(reader.Read(t));
    auto f = FactFinder(rep.back(), rep.size() - 1).Find();
    rep_facts.insert(rep_facts.end(), f.begin(), f.end());
  }
  std::set<std::pair<ConflictKind, std::string>> seen;
  auto add = [&](ConflictKind kind, std::string p, std::string w, const Sentence& ps,
                 const Sentence& rs) {
    if (!seen.emplace(kind, w).second) return;
    out.push_back({kind, std::move(p), std::move(w), ps.text, rs.text});
  };

  // Facts: amounts, periods, deadlines, dates.
  for (const Fact& f : rep_facts) {
    if (f.own) continue;
    std::vector<const Fact*> candidates;
    for (const Fact& p : pub_facts)
      if (!p.own && Comparable(f, p)) candidates.push_back(&p);
    if (candidates.empty()) continue;
    if (std::any_of(candidates.begin(), candidates.end(),
                    [&](const Fact* p) { return SameValue(f, *p); }))
      continue;
    const Fact* best = nullptr;
    double best_related = -1;
    for (const Fact* p : candidates) {
      const double r = Related(rep[f.sentence], pub[p->sentence]);
      if (r > best_related) {
        best_related = r;
        best = p;
      }
    }
    // A value the bound it is about allows ("at least 1 year": three years).
    if (f.bound == 0 && best->bound != 0 && f.kind != ConflictKind::kDate &&
        (best->bound > 0 ? f.lo >= best->lo : f.hi <= best->hi))
      continue;
    size_t same_in_reply = 0;
    for (const Fact& g : rep_facts) same_in_reply += !g.own && Comparable(f, g);
    const bool only_ones = candidates.size() == 1 && same_in_reply == 1;
    const bool related = best_related >= kRelated || (only_ones && f.kind != ConflictKind::kDate) ||
                         (only_ones && best_related > 0);
    if (related) add(f.kind, best->text, f.text, pub[best->sentence], rep[f.sentence]);
  }

  // Yes or no, clause by clause: a reply's clause that states what clauses
  // of the answer state, turned around (and none of them as the reply
  // says it).
  std::vector<Sentence> pub_clauses, rep_clauses;
  std::set<const Sentence*> turned;  // reply clauses found saying yes for no (or no for yes)
  for (const std::string& t : pub_texts)
    for (const std::string& c : SplitClauses(t)) pub_clauses.push_back(reader.Read(c));
  for (const std::string& t : reply_texts)
    for (const std::string& c : SplitClauses(t)) rep_clauses.push_back(reader.Read(c));
  for (const Sentence& r : rep_clauses) {
    if (r.condition) continue;
    const Sentence* best = nullptr;
    double best_related = 0;
    for (const Sentence& p : pub_clauses) {
      const double rel = p.condition || Shared(r, p) < 2 ? 0 : Related(r, p);
      if (rel >= kSameClaim && rel > best_related) {
        best_related = rel;
        best = &p;
      }
    }
    bool agrees = false;
    for (const Sentence& p : pub_clauses)
      if (!p.condition && r.negations % 2 == p.negations % 2 &&
          Related(r, p) >= std::max(kSameClaim, best_related - 0.05))
        agrees = true;
    if (!best || agrees) continue;
    const bool nl = lang == Language::kNl;
    auto say = [&](const Sentence& x) {
      return x.negations % 2 ? x.negation : std::string(nl ? "ja" : "yes");
    };
    add(ConflictKind::kYesNo, say(*best), say(r), *best, r);
    turned.insert(&r);
  }

  // Procedure: the reply sends the customer another way than the answer
  // does, or one the answer rules out ("not by phone").
  Sentence pub_all = reader.Read(std::string(published));
  Sentence rep_all = reader.Read(std::string(reply));
  const double whole = Related(pub_all, rep_all);
  std::map<std::string, std::string> asserted, refused;
  for (const Sentence& p : pub_clauses)
    (p.negations % 2 ? refused : asserted).insert(p.means.begin(), p.means.end());
  for (const Sentence& r : rep_clauses) {
    if (r.means.empty() || r.negations % 2 || r.invitation || turned.contains(&r)) continue;
    bool shared = false;
    for (const auto& [m, word] : r.means) shared = shared || asserted.contains(m);
    if (shared) continue;
    const auto ruled_out = std::find_if(r.means.begin(), r.means.end(),
                                        [&](const auto& m) { return refused.contains(m.first); });
    if (ruled_out != r.means.end()) {
      const auto p = std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& x) {
        return x.negations % 2 && x.means.contains(ruled_out->first);
      });
      add(ConflictKind::kProcedure,
          (lang == Language::kNl ? std::string("niet ") : std::string("not ")) + ruled_out->second,
          ruled_out->second, *p, r);
      continue;
    }
    if (asserted.empty()) continue;
    const Sentence* best = nullptr;
    double best_related = 0;
    for (const Sentence& p : pub) {
      if (p.means.empty()) continue;
      const double rel = Related(r, p);
      if (rel > best_related) {
        best_related = rel;
        best = &p;
      }
    }
    // Unrelated words, but the reply is about what the answer is about and
    // tells the customer to go another way ("just pop them into a store").
    if ((!best || best_related < kSameProcedure) && r.instruction && whole >= kRelated)
      for (const Sentence& p : pub)
        if (!p.means.empty() && p.negations % 2 == 0) {
          best = &p;
          best_related = kSameProcedure;
          break;
        }
    if (!best || best_related < kSameProcedure) continue;
    add(ConflictKind::kProcedure, best->means.begin()->second, r.means.begin()->second, *best, r);
  }
  return out;
}

}  // namespace luister
