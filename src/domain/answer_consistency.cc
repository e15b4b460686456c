#include "domain/answer_consistency.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "domain/text_analysis.h"

namespace luister {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

constexpr std::array<std::string_view, 6> kKindNames = {"amount", "period", "deadline",
                                                        "date",   "yes_no", "procedure"};

// ---- words ------------------------------------------------------------------

using WordSet = std::set<std::string, std::less<>>;

bool In(const WordSet& set, std::string_view w) { return set.contains(w); }

const WordSet& CurrencyWords() {
  static const WordSet s = {"euro",  "euros",  "eur", "dollar", "dollars", "usd",      "quid",
                            "pound", "pounds", "gbp", "cent",   "cents",   "eurocent", "bucks"};
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
      "kg",        "kilo",       "kilos",      "gram",     "grams",     "gb",       "mb",
      "tb",        "km",         "cm",         "liter",    "liters",    "litre",    "litres",
      "kwh",       "mbit",       "mbps",       "personen", "persons",   "people",   "guests",
      "gasten",    "stuks",      "pieces",     "items",    "artikelen", "articles", "products",
      "producten", "tickets",    "kaartjes",   "bags",     "koffers",   "tassen",   "devices",
      "apparaten", "users",      "gebruikers", "seats",    "plaatsen",  "rides",    "ritten",
      "sessions",  "sessies",    "lessen",     "lessons",  "boeken",    "books",    "euro",
      "kilometer", "kilometers", "kilometres", "miles",    "mijl",      "screens",  "schermen",
      "accounts",  "profielen",  "profiles",   "passes",   "pasjes",    "cards",    "kaarten"};
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
// Words that name a limit as the rule's own ("onze grens van 20.00 uur",
// "our 8pm cut-off").
const WordSet& CutOffWords() {
  static const WordSet s = {"cut",    "cutoff",    "cut-off", "deadline",      "grens",     "limit",
                            "limiet", "threshold", "drempel", "sluitingstijd", "besteltijd"};
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
    // And hundreds and thousands: "tweehonderd", "drieduizend",
    // "vijfhonderdduizend" is too rare to say.
    for (const auto& [u, uv] : units) {
      if (std::string_view(u) == "een") continue;
      m[std::string(u) + "honderd"] = uv * 100;
      m[std::string(u) + "duizend"] = uv * 1000;
    }
    for (const auto& [w, v] : std::vector<std::pair<std::string, int>>{
             {"tien", 10}, {"twaalf", 12}, {"vijftien", 15}, {"twintig", 20}, {"vijftig", 50}})
      m[w + "duizend"] = v * 1000;
    return m;
  }();
  return m;
}

// Whether a number word is English ("two", not "twee").
bool IsEnglishNumber(std::string_view w) {
  static const WordSet s = {"one",   "two",   "three", "four", "five",   "six",
                            "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  return In(s, w);
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
  if (const auto it = m.find(w); it != m.end()) return it->second;
  // "zondagochtend", "vrijdagmiddag", "saturday-night" written as one.
  for (const std::string_view part :
       {"ochtend", "middag", "avond", "nacht", "morning", "afternoon", "evening", "night"})
    if (w.size() > part.size() && w.ends_with(part))
      if (const auto it = m.find(w.substr(0, w.size() - part.size())); it != m.end())
        return it->second;
  return 0;
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
                                                                   {"nachten", {24}},
                                                                   {"night", {24}},
                                                                   {"nights", {24}},
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
  auto it = m.find(w);
  // "een half uurtje", "een weekje", "twee minuutjes".
  static const std::unordered_map<std::string_view, std::string_view> small = {
      {"uurtje", "uur"},    {"uurtjes", "uur"}, {"minuutje", "minuut"}, {"minuutjes", "minuut"},
      {"dagje", "dag"},     {"dagjes", "dag"},  {"weekje", "week"},     {"weekjes", "week"},
      {"maandje", "maand"}, {"jaartje", "jaar"}};
  if (const auto sm = small.find(w); it == m.end() && sm != small.end()) it = m.find(sm->second);
  // "one month's notice", "two weeks' notice".
  if (it == m.end() && w.ends_with("'s")) it = m.find(w.substr(0, w.size() - 2));
  if (it == m.end() && w.ends_with('\'')) it = m.find(w.substr(0, w.size() - 1));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

// Words that add nothing to what a claim is about ("gewoon", "still").
const WordSet& FillerWords() {
  static const WordSet s = {"gewoon",  "per",      "still",  "just",      "simply", "even",
                            "graag",   "ook",      "nog",    "wel",       "please", "during",
                            "tijdens", "hoi",      "hallo",  "beste",     "hi",     "hello",
                            "dear",    "sorry",    "jammer", "vervelend", "thanks", "bedankt",
                            "dank",    "directly", "direct", "straight",  "away",   "right",
                            "now",     "nu",       "meteen", "altijd",    "always"};
  return s;
}

// Words that say something is required (or, negated, that it is not).
const WordSet& NeedWords() {
  static const WordSet s = {"need",       "needs",        "needed",     "require",   "requires",
                            "required",   "requirement",  "nodig",      "vereist",   "verplicht",
                            "verplichte", "noodzakelijk", "mandatory",  "necessary", "hoeft",
                            "hoeven",     "hoef",         "compulsory", "obligatory"};
  return s;
}

// Words that say something can or may be done.
const WordSet& MayWords() {
  static const WordSet s = {"kan",     "kunt",       "kun", "kunnen",     "mogelijk",  "mag",
                            "mogen",   "toegestaan", "can", "cannot",     "can't",     "possible",
                            "allowed", "permitted",  "may", "impossible", "onmogelijk"};
  return s;
}

// Words that turn a statement around.
bool IsNegation(std::string_view w) {
  static const WordSet s = {"niet",         "geen",
                            "nooit",        "niets",
                            "niks",         "nergens",
                            "niemand",      "onmogelijk",
                            "not",          "no",
                            "never",        "cannot",
                            "cant",         "can't",
                            "won't",        "wont",
                            "don't",        "dont",
                            "doesn't",      "doesnt",
                            "isn't",        "isnt",
                            "aren't",       "arent",
                            "didn't",       "wasn't",
                            "weren't",      "shouldn't",
                            "couldn't",     "wouldn't",
                            "haven't",      "hasn't",
                            "nothing",      "none",
                            "nobody",       "impossible",
                            "unable",       "unfortunately_not",
                            "nowhere",      "neither",
                            "nor",          "mustn't",
                            "needn't",      "uitgesloten",
                            "excluded",     "unavailable",
                            "onbereikbaar", "non",
                            "pauses",       "paused",
                            "onderbroken",  "without",
                            "zonder"};
  return s.contains(w);
}

// Negations that say nothing about the answer ("geen probleem", "don't
// hesitate"): the word after (or before) the negation.
bool IsIdiomaticNegation(std::string_view neg, std::string_view next, std::string_view prev,
                         std::string_view next2) {
  // "without paying any fee", "zonder te betalen" say no; "without it
  // affecting" does not.
  // "with no W grade" is "without".
  if (neg == "no" && prev == "with") return true;
  if (neg == "without" || neg == "zonder")
    return !(next == "paying" || next == "betalen" || (next == "te" && next2 == "betalen") ||
             next == "any" || next == "enige");
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

// Ways that are all "online": a reply's "online" agrees with any of them.
bool Digital(std::string_view m) {
  return m == "website" || m == "account" || m == "app" || m == "form" || m == "online";
}

// How the customer does something: the ways procedures name.
std::string MeansOf(std::string_view w) {
  if (w.find("formulier") != std::string_view::npos || w == "form" || w == "forms") return "form";
  if (w.find("account") != std::string_view::npos || w.find("portal") != std::string_view::npos ||
      w.find("portaal") != std::string_view::npos || w == "mijnomgeving" || w == "inloggen" ||
      w == "login" || w == "settings" || w == "instellingen" || w == "dashboard")
    return "account";
  if (w == "hotline" || w == "helpline" || w == "servicelijn" || w == "klantenlijn") return "phone";
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"email", "email"},
      {"mail", "email"},
      {"mailen", "email"},
      {"mailtje", "email"},
      {"emailen", "email"},
      {"emails", "email"},
      {"emailing", "email"},
      {"emailed", "email"},
      {"emailt", "email"},
      {"gemaild", "email"},
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
      {"phoned", "phone"},
      {"gebeld", "phone"},
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
      {"shop", "shop"},
      {"shops", "shop"},
      {"kantoor", "shop"},
      {"kassa", "shop"},
      {"till", "shop"},
      {"briefje", "post"},
      {"kantoren", "shop"},
      {"offices", "shop"},
      {"branches", "shop"},
      {"vestigingen", "shop"},
      {"balies", "shop"},
      {"desks", "shop"},
      {"counters", "shop"},
      {"loketten", "shop"},
      {"checkout", "website"},
      {"office", "shop"},
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
      {"webshop", "website"},
      {"webwinkel", "website"},
      {"site", "website"},
      {"afhalen", "pickup"},
      {"collected", "pickup"},
      {"opsturen", "post"},
      {"opgestuurd", "post"},
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
      {"inleveren", "shop"},
      {"receptie", "shop"},
      {"reception", "shop"},
      {"instagram", "social"},
      {"facebook", "social"},
      {"messenger", "social"},
      {"dm", "social"},
      {"sms", "sms"},
      {"sms'je", "sms"},
      {"sms'en", "sms"},
      {"smsen", "sms"},
      {"sms't", "sms"},
      {"smst", "sms"},
      // A label sends it by carrier, from a post office or parcel point.
      {"label", "postoffice"},
      {"retourlabel", "postoffice"},
      {"verzendlabel", "postoffice"},
      {"returnlabel", "postoffice"}};
  const auto it = m.find(w);
  // "de ClubApp", "de bankapp": an app.
  if (it == m.end() && w.size() > 5 && w.ends_with("app") && w != "whatsapp") return "app";
  // "een PakjeSnel-punt", "het afgiftepunt": where parcels are handed in.
  if (it == m.end() && w.ends_with("punt") && (w.size() == 4 || w.size() > 7)) return "postoffice";
  // "de incheckbalie", "het servicekantoor": a desk.
  if (it == m.end() && w.size() > 7 &&
      (w.ends_with("balie") || w.ends_with("loket") || w.ends_with("kantoor")))
    return "shop";
  return it == m.end() ? std::string() : std::string(it->second);
}

// ---- tokens -----------------------------------------------------------------

struct Token {
  enum Type { kWord, kNumber, kSymbol } type = kWord;
  std::string text;  // folded
  bool ordinal = false;
};

// One name per measure: "10 kilo" and "10 kg" weigh the same.
std::string MeasureName(const std::string& stem) {
  static const std::unordered_map<std::string_view, std::string_view> kSame = {
      {"kilo", "kg"},       {"kilos", "kg"},     {"kilogram", "kg"},   {"kilogramm", "kg"},
      {"kilo's", "kg"},     {"gram", "g"},       {"gramm", "g"},       {"liter", "l"},
      {"litr", "l"},        {"litre", "l"},      {"lit", "l"},         {"meter", "m"},
      {"metr", "m"},        {"metre", "m"},      {"centimeter", "cm"}, {"centimetr", "cm"},
      {"centimetre", "cm"}, {"kilometer", "km"}, {"kilometr", "km"},   {"kilometre", "km"},
      {"inch", "in"},       {"inches", "in"},    {"inche", "in"},      {"lb", "pound"},
      {"lbs", "pound"},     {"minuut", "min"},   {"minuten", "min"}};
  const auto it = kSame.find(stem);
  return it == kSame.end() ? stem : std::string(it->second);
}

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
      // "21+", "65+": and over.
      if (suffix.empty() && k < s.size() && s[k] == '+' &&
          (k + 1 >= s.size() || !IsDigit(s[k + 1]))) {
        out.push_back({Token::kWord, "plus"});
        ++k;
      }
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
    // An en dash between numbers is a stretch ("12–14 May", "6.30–9.00").
    if (s.substr(i, 3) == "\xE2\x80\x93" && !out.empty() && out.back().type == Token::kNumber &&
        i + 3 < s.size() && IsDigit(s[i + 3])) {
      out.push_back({Token::kSymbol, "-"});
      i += 3;
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
    if (c == '%' || c == '$' || c == '-' || c == '/' || c == '#' || c == '@') {
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
  // Every way named, also what the company does ("we plannen een
  // telefonisch gesprek"): the steps of a procedure, in order.
  std::map<std::string, std::string> named;
  bool invitation = false;   // "bel gerust als je vragen hebt": no procedure
  bool condition = false;    // "als je ...", "if you ...": a premise, not a claim
  bool instruction = false;  // "you can simply", "stuur gewoon": tells the customer what to do
  bool imperative = false;   // begins with what to do: "Breng hem maar", "call our team"
  bool elided = false;       // "but not flooding": has the words of the clause before it too
  // A negation that spares the customer ("you won't need to pay anything",
  // "no need to do anything", "je hoeft niets te betalen"): it agrees
  // with what is free, included or done for them.
  bool relief = false;
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
  // A limit for the customer's today ("by 11:30 this morning"): on the
  // safe side of the answer's limit it agrees.
  bool today = false;
  // Said as "within" it ("binnen drie werkdagen"): the top of a range
  // ("2 tot 3 werkdagen") agrees.
  bool within = false;
  // A date said as the day it must come before ("vóór 1 juni") or as the
  // last day it may ("uiterlijk 31 mei", "by 14 March"): -1 and 1.
  int edge = 0;
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
    // A pictograph (four UTF-8 bytes: "🚗", "👍") followed by a capital
    // ends a chat sentence: "Each lesson is 90 minutes 🚗 You bought ...".
    if ((static_cast<unsigned char>(c) & 0xF8) == 0xF0 && i + 5 < text.size() &&
        text[i + 4] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 5]))) {
      current.append(text.substr(i, 4));
      i += 3;
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

// The word starting at `at` (after spaces), lower case.
std::string WordAt(const std::string& text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  size_t end = at;
  while (end < text.size() &&
         (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '\''))
    ++end;
  std::string w = text.substr(at, end - at);
  std::transform(w.begin(), w.end(), w.begin(),
                 [](unsigned char x) { return static_cast<char>(std::tolower(x)); });
  return w;
}

// Who a claim is about, at its start.
const WordSet& SubjectWords() {
  static const WordSet s = {"i",     "you",    "he",    "she",    "it",      "we",    "they",
                            "there", "ik",     "je",    "jij",    "u",       "hij",   "zij",
                            "ze",    "we",     "wij",   "jullie", "het",     "dat",   "dit",
                            "er",    "you'll", "we'll", "it's",   "there's", "you're"};
  return s;
}

// Whether text ends in a verb and its object pronoun ("Breng hem").
bool AfterObjectPronoun(const std::string& text) {
  static const WordSet objects = {"hem", "het",  "ze",  "ons", "mij",
                                  "me",  "haar", "die", "dat", "dit"};
  const size_t end = text.find_last_not_of(' ');
  if (end == std::string::npos) return false;
  size_t start = text.find_last_of(' ', end);
  start = start == std::string::npos ? 0 : start + 1;
  return objects.contains(WordAt(text, start)) && std::count(text.begin(), text.end(), ' ') <= 4;
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
      // "because of" is a preposition; "zowel onderdelen als arbeidsloon"
      // one list.
      const bool preposition =
          ((w == "because" || w == "since") && sentence.compare(j, 3, " of") == 0) ||
          (w == "als" && Lower(current).find("zowel ") != std::string::npos);
      // "and you don't need", "en hij mag": "and" before a subject starts
      // another claim; elsewhere it joins the parts of one.
      const bool joins =
          w == "and" || w == "en" || w == "or" || w == "of" || w == "dan" || w == "then";
      const std::string after = WordAt(sentence, j);
      // Dutch puts the verb first: "en scan je daarna de QR-code".
      const std::string after2 = [&] {
        size_t k = j;
        while (k < sentence.size() && sentence[k] == ' ') ++k;
        return WordAt(sentence, k + after.size());
      }();
      const bool new_subject =
          (w == "and" || w == "en") &&
          (SubjectWords().contains(after) || IsNegation(after) ||
           (w == "en" && !after.empty() && !SubjectWords().contains(after) &&
            (after2 == "je" || after2 == "u" || after2 == "jij" || after2 == "we")));
      // "Breng hem maar", "stuur het maar op": a softener, not "but".
      // So is "stuur de factuur maar per post": "maar" before how, after
      // a clause with no subject.
      static const WordSet how = {"per",    "via", "naar",  "gewoon", "even",
                                  "alvast", "mee", "langs", "gerust", "rustig"};
      const bool softener =
          w == "maar" &&
          (AfterObjectPronoun(current) || (how.contains(after) && [&] {
             std::string lower = current;
             std::transform(lower.begin(), lower.end(), lower.begin(),
                            [](unsigned char x) { return static_cast<char>(std::tolower(x)); });
             std::istringstream words(lower);
             std::string x;
             while (words >> x)
               if (SubjectWords().contains(x) && x != "het") return false;
             return true;
           }()));
      if (starts.contains(w) && !preposition && !softener &&
          current.find_first_not_of(' ') != std::string::npos && (!joins || new_subject))
        flush();
    }
    current += c;
    ++i;
  }
  flush();
  // "omdat je 67 bent betaal je het gewone tarief", "als u vóór 1 juni
  // opzegt betaalt u niets": Dutch starts the main clause after one with a
  // verb before its subject, comma or not.
  for (size_t k = 0; k < out.size(); ++k) {
    static const WordSet subordinate = {"als",       "omdat", "wanneer", "indien",  "doordat",
                                        "aangezien", "zodra", "nadat",   "voordat", "mocht"};
    static const WordSet pronoun = {"je", "u", "jij", "we", "wij", "ze", "zij", "hij"};
    static const WordSet not_a_verb = {"je",   "u",   "jij",   "we",   "wij", "ze",  "zij",
                                       "hij",  "dat", "die",   "of",   "en",  "als", "dan",
                                       "voor", "met", "bij",   "naar", "van", "op",  "aan",
                                       "in",   "om",  "zodat", "wat"};
    const std::vector<Token> words = Tokens(out[k]);
    if (words.size() < 5 || !In(subordinate, words[0].text) || !In(pronoun, words[1].text))
      continue;
    for (size_t m = 3; m + 1 < words.size(); ++m) {
      if (words[m].type != Token::kWord || In(not_a_verb, words[m].text) ||
          !In(pronoun, words[m + 1].text))
        continue;
      // Split at that word in the text.
      const size_t at = Lower(out[k]).find(" " + words[m].text + " " + words[m + 1].text);
      if (at == std::string::npos) break;
      const std::string rest = out[k].substr(at + 1);
      out[k].resize(at);
      out.insert(out.begin() + static_cast<long>(k) + 1, rest);
      break;
    }
  }
  // "welcome on deck - just not in the main lounges": a dash before a
  // bare negation starts a clause that says the one before turned around;
  // elsewhere a dash joins ("the sauna - included - is open").
  for (size_t k = 0; k < out.size(); ++k)
    for (const std::string_view dash :
         {std::string_view(" - "), std::string_view(" \xE2\x80\x93 ")}) {
      const size_t at = out[k].find(dash);
      if (at == std::string::npos) continue;
      const std::string right = out[k].substr(at + dash.size());
      const std::vector<Token> words = Tokens(right);
      static const WordSet soft = {"just", "only", "but", "maar", "alleen", "behalve", "except"};
      const size_t first = !words.empty() && In(soft, words[0].text) ? 1 : 0;
      // A bare negation of a place or time ("not in the lounges", "niet op
      // zondag"); "- no need to book" is a claim of its own.
      static const WordSet where = {"in",     "on",   "at",     "for",     "during",  "after",
                                    "before", "with", "op",     "bij",     "tijdens", "voor",
                                    "met",    "na",   "buiten", "outside", "inside",  "binnen"};
      if (first + 1 >= words.size() || !IsNegation(words[first].text) ||
          !In(where, words[first + 1].text))
        continue;
      out[k].resize(at);
      out.insert(out.begin() + static_cast<long>(k) + 1, right);
      break;
    }
  // short phrase before a comma is part of the claim after it.
  static const WordSet lead = {"during", "tijdens", "bij",    "in",      "voor",   "for",    "with",
                               "met",    "na",      "after",  "before",  "op",     "on",     "at",
                               "from",   "vanaf",   "zonder", "without", "within", "binnen", "per",
                               "buiten", "outside", "onder",  "under",   "via"};
  for (size_t k = 0; k + 1 < out.size();) {
    const size_t first = out[k].find_first_not_of(' ');
    std::string head = first == std::string::npos ? std::string() : WordAt(out[k], first);
    const size_t words =
        static_cast<size_t>(
            std::count(out[k].begin() + static_cast<long>(first == std::string::npos ? 0 : first),
                       out[k].end(), ' ')) +
        1;
    if (!head.empty() && lead.contains(head) && words <= 4) {
      out[k] += " " + out[k + 1];
      out.erase(out.begin() + static_cast<long>(k) + 1);
      continue;
    }
    // "Bestanden die per e-mail worden gestuurd, kunnen we niet verwerken",
    // "Wat je online bestelt, kun je in de winkel ruilen": a subject with
    // its relative clause before the comma, the verb after it.
    static const WordSet relative = {"die", "dat", "wat", "wie", "that", "which", "what", "who"};
    static const WordSet verb_first = {"kunnen", "kan",    "kun",    "mogen", "mag",  "moeten",
                                       "moet",   "worden", "wordt",  "zijn",  "is",   "nemen",
                                       "can",    "cannot", "can't",  "must",  "will", "won't",
                                       "are",    "may",    "should", "need"};
    const size_t next_first = out[k + 1].find_first_not_of(' ');
    const std::string next_head =
        next_first == std::string::npos ? std::string() : WordAt(out[k + 1], next_first);
    bool has_relative = relative.contains(head);
    if (!has_relative && first != std::string::npos) {
      const size_t second = out[k].find(' ', first);
      if (second != std::string::npos) has_relative = relative.contains(WordAt(out[k], second + 1));
    }
    if (has_relative && verb_first.contains(next_head)) {
      out[k] += " " + out[k + 1];
      out.erase(out.begin() + static_cast<long>(k) + 1);
      continue;
    }
    ++k;
  }
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
    // And the reasons ("since you booked a Saver rate", "omdat je niet
    // thuis was"): premises, not claims.
    static const WordSet conditions = {"if",      "als",    "indien",    "when",   "wanneer",
                                       "unless",  "tenzij", "mocht",     "should", "since",
                                       "because", "omdat",  "aangezien", "doordat"};
    static const WordSet instructions = {"please", "just", "simply", "can",    "kunt",  "kan",
                                         "moet",   "must", "need",   "should", "hoeft", "graag",
                                         "gewoon", "even", "kun",    "you'll", "go",    "ga",
                                         "doe",    "doet"};  // "opzeggen doe je bij de balie"
    // Verbs that, first in a clause, tell the customer what to do ("Breng
    // hem maar", "send us a message").
    static const WordSet imperatives = {
        "breng",  "stuur", "bel",     "kom",    "ga",   "meld", "vul",   "neem",
        "lever",  "log",   "mail",    "bring",  "send", "call", "come",  "go",
        "take",   "fill",  "drop",    "pop",    "post", "ring", "email", "contact",
        "visit",  "phone", "log",     "bezoek", "geef", "give", "let",   "laat",
        "upload", "use",   "gebruik", "zeg",    "tell"};
    s.condition = !s.tokens.empty() && In(conditions, s.tokens.front().text) &&
                  // "Should you need", not "should be reported by phone".
                  !((s.tokens.front().text == "should" || s.tokens.front().text == "mocht") &&
                    (s.tokens.size() < 2 || !SubjectWords().contains(s.tokens[1].text)));
    bool forget = false;  // "vergeet ... niet", "don't forget": no no
    for (const Token& t : s.tokens) s.instruction = s.instruction || In(instructions, t.text);
    for (const Token& t : s.tokens) {
      if (t.type != Token::kWord || In(conditions, t.text)) break;
      if (In(FillerWords(), t.text) || t.text == "and" || t.text == "en" || t.text == "then" ||
          t.text == "dan")
        continue;
      s.imperative = In(imperatives, t.text);
      s.instruction = s.instruction || s.imperative;
      break;
    }
    // "we will call you", "wij halen het op": what the company does is no
    // way for the customer to do it.
    static const WordSet we = {"we", "wij", "we'll", "we're", "we'd", "we've"};
    static const WordSet us = {"us", "ons"};
    // But what the company refuses ("we cannot process files sent by
    // e-mail") rules that way out for the customer.
    bool by_company = false, to_company = false, refusing = false;
    for (const Token& t : s.tokens) {
      by_company = by_company || In(we, t.text);
      to_company = to_company || In(us, t.text);
      refusing = refusing || IsNegation(t.text);
    }
    // "belt een schadebehandelaar u terug", "we'll give you a ring", "a
    // nurse will call you back": the customer is called.
    static const WordSet calls = {"call",   "ring", "phone",  "email", "text",  "belt",
                                  "bellen", "bel",  "mailen", "mailt", "sms't", "give"};
    static const WordSet you = {"you", "u", "je", "jou"};
    for (size_t k = 0; k + 1 < s.tokens.size(); ++k) {
      if (!In(calls, s.tokens[k].text)) continue;
      const bool english_object = lang_ == Language::kEn && In(you, s.tokens[k + 1].text);
      const bool called_back =
          std::any_of(s.tokens.begin() + static_cast<long>(k) + 1, s.tokens.end(),
                      [&](const Token& x) { return x.text == "terug" || x.text == "back"; }) &&
          std::any_of(s.tokens.begin(), s.tokens.end(),
                      [&](const Token& x) { return In(you, x.text); });
      by_company = by_company || english_object || called_back;
    }
    const bool company_side = by_company && !to_company && !refusing;
    static const WordSet articles = {"de",  "het",  "een", "the",  "a",  "an",
                                     "our", "onze", "ons", "your", "je", "uw"};
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      // "bel 0800 123 456": a phone number is a way to do it.
      if (t.type == Token::kNumber && t.text.size() >= 3 && t.text[0] == '0' &&
          i + 1 < s.tokens.size() && s.tokens[i + 1].type == Token::kNumber && !company_side)
        s.means.emplace("phone", t.text);
      // "naar bestanden@inktenco.nl": an e-mail address is the way.
      // An address is written without spaces ("Dana @ PrintHouse" signs).
      if (t.text == "@" && i > 0 && i + 1 < s.tokens.size() &&
          s.tokens[i - 1].type == Token::kWord && s.tokens[i + 1].type == Token::kWord &&
          text.find(" @ ") == std::string::npos)
        s.means.emplace("email", s.tokens[i - 1].text + "@" + s.tokens[i + 1].text);
      if (t.type != Token::kWord) continue;
      {
        const std::string_view after =
            i + 1 < s.tokens.size() ? std::string_view(s.tokens[i + 1].text) : "";
        const std::string_view before = i > 0 ? std::string_view(s.tokens[i - 1].text) : "";
        // "come into the practice", "kom even langs", "in person": at the desk.
        const std::string_view after2 =
            i + 2 < s.tokens.size() ? std::string_view(s.tokens[i + 2].text) : "";
        if ((t.text == "come" || t.text == "pop") &&
            (after == "into" || after == "in" || after == "by" ||
             (after == "to" && (after2 == "the" || after2 == "our"))))
          s.means.emplace("shop", t.text + " " + std::string(after));
        if (t.text == "langs" && (after.starts_with("kom") || after == "gaan" ||
                                  before.starts_with("kom") || before == "gaan"))
          s.means.emplace("shop", "langs");
        if ((t.text == "person" || t.text == "persoon") && before == "in")
          s.means.emplace("shop", "in " + t.text);
        if (t.text == "persoonlijk" || t.text == "mondeling") s.means.emplace("shop", t.text);
        // "loopt u even binnen", "walk in", "drop in": in person.
        if (t.text == "binnen" && i >= 1)
          for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
            if (s.tokens[k].text.starts_with("loop") || s.tokens[k].text.starts_with("wip"))
              s.means.emplace("shop", s.tokens[k].text + " binnen");
        if ((t.text == "walk" || t.text == "drop") && after == "in")
          s.means.emplace("shop", t.text + " in");
        // "text your meter reading to 60123": a text message.
        if (t.text == "text" &&
            (after == "your" || after == "us" || after == "it" ||
             (i + 1 < s.tokens.size() && s.tokens[i + 1].type == Token::kNumber)))
          s.means.emplace("sms", t.text);
        // "zeg het tegen de leidster", "geef het door aan je trainer", "tell
        // your coach", "let the caretaker know": told to a person, in person.
        {
          static const WordSet the = {"de", "je", "jouw", "uw", "the", "your", "our", "onze"};
          const auto person_after = [&](size_t k) -> std::string {
            if (k + 1 >= s.tokens.size() || !In(the, s.tokens[k].text)) return "";
            const Token& who = s.tokens[k + 1];
            if (who.type != Token::kWord || !MeansOf(who.text).empty() ||
                IsStopWord(who.text, lang_))
              return "";
            return who.text;
          };
          std::string person;
          if (t.text == "tegen") {
            person = person_after(i + 1);
            bool said_to = false;
            for (size_t k = i + 3; k < s.tokens.size() && k <= i + 5; ++k)
              said_to = said_to || s.tokens[k].text.starts_with("zeg");
            for (size_t k = 0; k < i; ++k) said_to = said_to || s.tokens[k].text.starts_with("zeg");
            if (!said_to) person.clear();
          }
          if (t.text == "aan" && (before == "door" || after == "door" ||
                                  std::any_of(s.tokens.begin(), s.tokens.end(), [](const Token& x) {
                                    return x.text == "doorgeven" || x.text == "doorgeeft";
                                  })))
            person = person_after(i + 1);
          if (t.text == "tell") person = person_after(i + 1);
          // "bij de filiaalmanager neerleggen", "raise it with the
          // caretaker": a person by their role.
          if (t.text == "bij" || t.text == "with") {
            static const std::array<std::string_view, 16> roles = {
                "manager", "medewerker",  "leidster",  "leider",    "trainer",      "coach",
                "docent",  "huismeester", "beheerder", "conciërge", "receptionist", "chauffeur",
                "driver",  "caretaker",   "teacher",   "assistente"};
            const std::string who = person_after(i + 1);
            if (std::any_of(roles.begin(), roles.end(),
                            [&](std::string_view r) { return !who.empty() && who.ends_with(r); }))
              person = who;
          }
          if (t.text == "let" && i + 3 < s.tokens.size() && s.tokens[i + 3].text == "know")
            person = person_after(i + 1);
          if (!person.empty()) s.means.emplace("shop", t.text + " " + person);
        }
        // "write to the practice manager": a letter.
        if (t.text == "write" && (after == "to" || after == "us")) s.means.emplace("post", "write");
        // "in writing", "schriftelijk": on paper.
        if ((t.text == "writing" && before == "in") || t.text == "schriftelijk")
          s.means.emplace("post", t.text);
        // "refunded automatically": nothing for the customer to do.
        if (t.text == "automatically" || t.text == "automatisch" || t.text == "vanzelf")
          s.means.emplace("automatic", t.text);
        if (t.text == "online") s.means.emplace("online", t.text);
        // "stuur het pakket naar ons op": by post.
        if ((t.text == "stuur" || t.text == "stuurt" || t.text == "sturen") &&
            s.tokens.back().text == "op")
          s.means.emplace("post", t.text + " op");
      }
      // "via Marktplaats", "through the contact form": the way named.
      // Not "water coming through the ceiling": "through" names a way
      // after a verb of doing ("apply through", "book it through").
      static const WordSet doing = {"apply",  "book",    "order",   "log",      "report",
                                    "pay",    "contact", "cancel",  "register", "send",
                                    "submit", "arrange", "request", "renew",    "it",
                                    "them",   "ordered", "booked",  "made",     "done",
                                    "change", "manage",  "update",  "claim",    "reach"};
      bool through_way = t.text == "via";
      for (size_t k = i >= 4 ? i - 4 : 0; k < i && !through_way; ++k)
        through_way = In(doing, s.tokens[k].text);
      if ((t.text == "via" || t.text == "through") && through_way) {
        size_t k = i + 1;
        while (k < s.tokens.size() && In(articles, s.tokens[k].text)) ++k;
        if (k < s.tokens.size() && s.tokens[k].type == Token::kWord &&
            MeansOf(s.tokens[k].text).empty() && s.tokens[k].text != "mijn" &&
            s.tokens[k].text != "online" && s.tokens[k].text != "my" &&
            !IsStopWord(s.tokens[k].text, lang_))
          s.means.emplace("via:" + Stem(s.tokens[k].text, lang_), s.tokens[k].text);
      }
      const std::string_view prev = i > 0 ? std::string_view(s.tokens[i - 1].text) : "";
      const std::string_view next =
          i + 1 < s.tokens.size() ? std::string_view(s.tokens[i + 1].text) : "";
      static const WordSet invitation = {"vragen",   "vraag",  "questions", "question", "gerust",
                                         "hesitate", "aarzel", "schroom",   "anything", "else"};
      // Not "een nieuwe pas vraag je daarna aan": that is applying.
      const bool applying = (t.text == "vraag" || t.text == "vragen") &&
                            std::any_of(s.tokens.begin() + static_cast<long>(i) + 1, s.tokens.end(),
                                        [](const Token& x) { return x.text == "aan"; });
      // "stuurt u ons gerust een e-mail" tells what to do; "bel gerust als
      // je vragen hebt" invites.
      const bool soft = (t.text == "gerust") &&
                        std::none_of(s.tokens.begin(), s.tokens.end(), [](const Token& x) {
                          return x.text == "vragen" || x.text == "vraag" || x.text == "als" ||
                                 x.text == "questions" || x.text == "if";
                        });
      if (In(invitation, t.text) && !applying && !soft) s.invitation = true;
      // "ongeldig" is "niet geldig", "impossible" "not possible".
      static const std::unordered_map<std::string_view, std::string_view> negated = {
          {"ongeldig", "geldig"}, {"onmogelijk", "mogelijk"}, {"onbeschikbaar", "beschikbaar"},
          {"invalid", "valid"},   {"impossible", "possible"}, {"unavailable", "available"}};
      if (auto n = negated.find(t.text); n != negated.end()) {
        ++s.negations;
        if (s.negation.empty()) s.negation = t.text;
        if (n->second == "mogelijk" || n->second == "possible")
          s.stems.insert("~may");
        else
          s.stems.insert(Stem(std::string(n->second), lang_));
        continue;
      }
      // "rather than the office", "in plaats van de balie": a way turned
      // down (not "from your next bill rather than this one").
      const bool way_after = [&] {
        for (size_t k = i + 1; k < s.tokens.size() && k <= i + 5; ++k)
          if (!MeansOf(s.tokens[k].text).empty() || s.tokens[k].text == "online") return true;
        return false;
      }();
      if (((t.text == "rather" && next == "than") || (t.text == "instead" && next == "of") ||
           (t.text == "plaats" && prev == "in" && next == "van")) &&
          way_after) {
        ++s.negations;
        if (s.negation.empty()) s.negation = t.text;
        continue;
      }
      if (IsNegation(t.text)) {
        const std::string_view next2 =
            i + 2 < s.tokens.size() ? std::string_view(s.tokens[i + 2].text) : "";
        if (!forget) {
          for (const Token& x : s.tokens)
            forget = forget || x.text == "vergeet" || x.text == "vergeten" || x.text == "forget";
          if (forget) continue;
        }
        // "dogs that are not neutered", "as long as nobody else is
        // waiting": a negation inside what the claim is about, not the
        // claim turned around.
        bool inside = false;
        for (size_t k = 1; k + 1 <= i && k + 1 < s.tokens.size(); ++k) {
          const std::string& a = s.tokens[k].text;
          const std::string& b = s.tokens[k + 1].text;
          inside = inside ||
                   ((a == "that" || a == "who" || a == "which") &&
                    (b == "are" || b == "is" || b == "have" || b == "has" || b == "were" ||
                     b == "was") &&
                    k + 2 == i) ||
                   (a == "long" && s.tokens[k - 1].text == "as" && b == "as") || a == "zolang";
        }
        // "flooding or no heating", "zoals geen warm water": a thing named.
        if ((t.text == "no" || t.text == "geen") &&
            (prev == "or" || prev == "like" || prev == "zoals" || prev == "of"))
          inside = true;
        if (inside) continue;
        // "non-urgent repairs", "non-members": what the claim is about;
        // "non-refundable" turns it around.
        if (t.text == "non") {
          const std::string_view what = next == "-" ? next2 : next;
          if (!what.empty() && !what.ends_with("able") && !what.ends_with("ible")) continue;
        }
        if (!IsIdiomaticNegation(t.text, next, prev, next2)) {
          ++s.negations;
          if (s.negation.empty()) s.negation = t.text;
          static const WordSet spared = {
              "need",    "needed",   "hoeven", "hoeft",  "hoef",    "pay",      "betalen",
              "cost",    "costs",    "kosten", "kost",   "charge",  "charged",  "fee",
              "fees",    "extra",    "niets",  "niks",   "nothing", "anything", "iets",
              "toeslag", "interest", "rente",  "ticket", "kaartje"};
          // The negation itself ("niets", "nothing"), "hoeft" before it or a
          // spared word just after it ("won't cost", "no need to").
          s.relief = s.relief || In(spared, t.text) ||
                     (prev == "hoeft" || prev == "hoef" || prev == "hoeven");
          for (size_t k = i + 1; k < s.tokens.size() && k <= i + 3; ++k) {
            if (s.tokens[k].text == "and" || s.tokens[k].text == "en") break;
            s.relief = s.relief || In(spared, s.tokens[k].text);
          }
          if (In(MayWords(), t.text)) s.stems.insert("~may");  // "cannot": may not
        }
        continue;
      }
      if ((t.text == "mijn" || t.text == "my") &&
          (prev == "via" || prev == "in" || prev == "op" || prev == "through" || prev == "under" ||
           prev == "onder" || prev == "naar" || prev == "to"))
        s.means.emplace("account", t.text + " " + std::string(next));
      if (const std::string m = MeansOf(t.text); !m.empty()) s.named.emplace(m, t.text);
      if (t.text == "online") s.named.emplace("online", t.text);
      // "the tutor will call you", "we'll email you back": someone else
      // does it to the customer.
      const bool to_customer = (next == "you" || next == "you're") && i > 0;
      if (const std::string m = MeansOf(t.text);
          !m.empty() &&
          !((company_side || to_customer) && (m == "phone" || m == "email" || m == "pickup" ||
                                              m == "post" || (m == "account" && company_side))) &&
          !(m == "shop" && (prev == "online" || prev == "web"))) {
        // "e-mailadres", "telefoonnummer" name no way of doing it; nor does
        // the customer's own phone ("text PAC from your phone").
        const bool device = m == "phone" && (t.text == "phone" || t.text == "telefoon") &&
                            (prev == "your" || prev == "je" || prev == "uw" || prev == "jouw" ||
                             prev == "current" || prev == "mobile");
        // Nor does "letter-size printing".
        const bool size = t.text == "letter" && next == "-";
        // A label is the way only when it is used ("with the prepaid
        // label"); asked for, it is a thing ("vraag een verzendlabel aan").
        const bool label_thing =
            t.text.ends_with("label") &&
            std::none_of(s.tokens.begin() + static_cast<long>(i >= 4 ? i - 4 : 0),
                         s.tokens.begin() + static_cast<long>(i), [](const Token& x) {
                           return x.text == "met" || x.text == "with" || x.text == "using" ||
                                  x.text == "via";
                         });
        // Nor the customer's own message thanked for ("thanks for your
        // letter", "bedankt voor je mail").
        static const WordSet thanks = {"thanks", "thank",    "bedankt",
                                       "dank",   "received", "ontvangen"};
        const bool thanked = (prev == "your" || prev == "je" || prev == "uw" || prev == "jouw") &&
                             std::any_of(s.tokens.begin(), s.tokens.begin() + static_cast<long>(i),
                                         [](const Token& x) { return In(thanks, x.text); });
        if (!(next == "adres" || next == "address" || next == "nummer" || next == "number") &&
            !device && !size && !thanked && !label_thing)
          s.means.emplace(m, t.text);
      }
      // "require", "nodig", "hoeft": one claim, whichever word says it.
      if (In(NeedWords(), t.text)) {
        s.stems.insert("~need");
        continue;
      }
      // "kan", "mogelijk", "allowed": whether it may be done.
      if (In(MayWords(), t.text)) {
        s.stems.insert("~may");
        continue;
      }
      // "welkom", "welcome": may, and the word itself.
      if (t.text == "welkom" || t.text == "welcome") s.stems.insert("~may");
      if (IsStopWord(t.text, lang_) || In(FillerWords(), t.text) || TimeUnitOf(t.text) ||
          MonthOf(t.text) || WeekdayOf(t.text) || NumberWords().contains(t.text))
        continue;
      std::string stem = Stem(t.text, lang_);
      // Dutch plurals voice the last consonant ("statief", "statieven";
      // "huis", "huizen"): one stem for both.
      if (lang_ == Language::kNl && stem.size() > 3 && (stem.back() == 'v' || stem.back() == 'z'))
        stem.back() = stem.back() == 'v' ? 'f' : 's';
      s.stems.insert(std::move(stem));
    }
    // Dutch splits a verb from its particle: "je abonnement zeg je
    // schriftelijk op" is "opzeggen", "geeft u het adres door"
    // "doorgeven". The verb stands before its subject.
    if (lang_ == Language::kNl && s.tokens.size() >= 3) {
      static const WordSet particles = {"op",  "aan", "door", "terug", "af",   "in",
                                        "mee", "uit", "toe",  "weg",   "over", "na"};
      static const WordSet subjects = {"je", "u", "jij", "we", "wij", "ze", "zij", "hij"};
      size_t last = s.tokens.size();
      while (last > 0 && s.tokens[last - 1].type == Token::kSymbol) --last;
      if (last >= 3 && In(particles, s.tokens[last - 1].text))
        for (size_t k = 0; k + 2 < last; ++k) {
          const Token& w = s.tokens[k];
          if (w.type != Token::kWord || IsStopWord(w.text, lang_) || w.text.size() < 3) continue;
          if (!In(subjects, s.tokens[k + 1].text)) continue;
          // One word again: the verb and the particle give way to it.
          s.stems.erase(Stem(w.text, lang_));
          s.stems.erase(Stem(s.tokens[last - 1].text, lang_));
          s.stems.insert(Stem(s.tokens[last - 1].text + w.text, lang_));
        }
    }
    // "emailing photos to our office", "stuur het naar ons kantoor": the
    // office is where it goes; the way is the e-mail or the post.
    if (const auto shop = s.means.find("shop"); shop != s.means.end() && s.means.size() > 1) {
      const bool other = std::any_of(s.means.begin(), s.means.end(), [](const auto& m) {
        return m.first == "email" || m.first == "post" || m.first == "phone";
      });
      for (size_t i = 0; other && i < s.tokens.size(); ++i) {
        if (s.tokens[i].text != shop->second) continue;
        bool to = false;
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
          to = to || s.tokens[k].text == "to" || s.tokens[k].text == "naar";
        if (to) {
          s.means.erase(shop);
          break;
        }
      }
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
  // `counted`: the words the answer counts ("15 stems", "5 bewerkte foto's"),
  // so that a count of the same thing in the reply is a fact too.
  FactFinder(const Sentence& s, size_t index, const WordSet* counted = nullptr)
      : s_(s), t_(s.tokens), index_(index), counted_(counted) {}

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
    if (w == "om" && Word(i, 1) == "de") {
      k = i + 2;
    } else if (!In(every, w)) {
      return false;
    }
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
    for (size_t k = to; k < t_.size() && k < to + 3 && t_[k].type != Token::kSymbol; ++k)
      if (DutchParticiple(t_[k].text)) return true;
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
    if ((In(ReferenceWords(), before) && !IsCurrencySymbol(t_[from].text)) || before == "#")
      return true;
    if ((before == "nr" || before == "no" || before == "nummer" || before == "number" ||
         before == "#") &&
        In(ReferenceWords(), before2))
      return true;
    if (In(AgoWords(), Word(to, 0))) return true;
    // "nog 4 lessen over", "3 visits left": what the customer has left.
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
    static const WordSet did = {"went", "spent", "used", "gebruikt", "uitgegeven", "owed"};
    static const WordSet passive = {"be", "is", "are", "worden", "wordt", "get", "gets"};
    for (const int k : {-1, -2})
      if (In(did, Word(from, k)) && !In(passive, Word(from, k - 1))) return true;
    // "your flight is three days out": how far off the customer's date is.
    if (Word(to, 0) == "out" && (Word(from, -1) == "is" || Word(from, -1) == "are")) return true;
    // "je bestelling kwam dinsdag om 16.12 uur binnen", "your essay was
    // uploaded at 11:58": when the customer's thing happened.
    static const WordSet at = {"op", "on", "van", "of", "at", "om", "rond", "around"};
    // "jullie komen vrijdag rond 13.00 uur aan", "if you come at 5:45":
    // when the customer comes.
    static const WordSet who = {"je", "jullie", "u", "you", "we", "you're", "we're"};
    static const WordSet come = {"komen",   "komt", "kom",      "come",   "arrive",
                                 "arrives", "land", "arriving", "coming", "landing",
                                 "get",     "turn"};  // "if you get here at quarter past six"
    if (In(at, before))
      for (size_t k = from >= 7 ? from - 7 : 0; k + 2 < from; ++k)
        if (In(who, t_[k].text) && In(come, t_[k + 1].text)) return true;
    static const WordSet happened = {"kwam",     "kwamen",    "came",       "arrived",  "landed",
                                     "uploaded", "submitted", "started",    "began",    "begon",
                                     "landde",   "betaalde",  "ingeleverd", "ingediend"};
    if (In(at, before))
      for (size_t k = from >= 7 ? from - 7 : 0; k + 1 < from; ++k)
        if (In(PastWords(), t_[k].text) || In(happened, t_[k].text)) return true;
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
    // "catch the 9:47", "de trein van 8.15": a departure, not a rule.
    if ((before == "the" || before == "de" ||
         (before == "van" && (before2 == "trein" || before2 == "bus" || before2 == "boot" ||
                              before2 == "vlucht" || before2 == "veerboot"))) &&
        t_[from].text.find_first_of(":.") != std::string::npos)
      return true;
    // "it's only been 10 days", "you've had the car for 14 months": how long
    // the customer has had it so far.
    // Not "must have been given at least 21 days before".
    static const WordSet so_far = {"been", "had", "gehad", "geweest"};
    static const WordSet given = {"given",  "made",     "done",    "sent",   "paid",
                                  "booked", "received", "gegeven", "gedaan", "betaald"};
    for (size_t k = from >= 4 ? from - 4 : 0; k < from; ++k)
      if (In(so_far, t_[k].text) && !(k + 1 < from && In(given, t_[k + 1].text))) return true;
    if (SoFar(from, to)) return true;
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
      for (size_t k = from >= 4 ? from - 4 : 0; k + 1 < from; ++k) {
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
        "wages"};
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
      if (!In(possessive, t_[p].text) || !In(theirs, t_[p + 1].text)) continue;
      size_t at = p + 2;
      const bool verb = In(goes, t_[at].text) && at + 1 < from;
      if (verb) ++at;
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
    if (kind == ConflictKind::kDeadline) {
      static const WordSet before = {"voor", "before", "by", "uiterlijk"};
      for (size_t k = from >= 2 ? from - 2 : 0; k < from; ++k)
        if (In(before, t_[k].text)) return -1;
      return 0;
    }
    // "tot 20 inch", "tot € 50": up to.
    if (kind == ConflictKind::kAmount && from >= 1 && t_[from - 1].text == "tot") return -1;
    // "voor nog geen twintig euro", "under £20", "less than $5", "nog geen
    // half uur": below it.
    if (kind == ConflictKind::kAmount || kind == ConflictKind::kPeriod)
      for (size_t k = from >= 3 ? from - 3 : 0; k < from; ++k)
        if ((t_[k].text == "geen" && k > 0 && t_[k - 1].text == "nog") || t_[k].text == "under" ||
            t_[k].text == "onder" ||
            ((t_[k].text == "less" || t_[k].text == "minder") && k + 1 < from &&
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
      if (In(more, t_[k].text) && k + 1 < from &&
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
    if (kind == ConflictKind::kPeriod && from > 0 &&
        (Word(from, 0) == "a" || Word(from, 0) == "an" || Word(from, 0) == "per") &&
        (TimeUnitOf(t_[from - 1].text) || Word(from, -1) == "times" || Word(from, -1) == "keer"))
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
    if (kind == ConflictKind::kAmount &&
        (unit == "money" || (unit.starts_with("count") && to + 1 < t_.size() &&
                             (TimeUnitOf(t_[to + 1].text) || t_[to + 1].text == "nacht" ||
                              t_[to + 1].text == "night"))) &&
        In(rate, Word(to, 0)) && to + 1 < t_.size() && t_[to + 1].type == Token::kWord) {
      // "per gemist kwartier", "per aangebroken uur", "per extra night":
      // per the noun after the word that qualifies it.
      static const WordSet qualifying = {"gemist",   "gemiste",   "aangebroken", "begonnen",
                                         "extra",    "missed",    "additional",  "started",
                                         "volledig", "volledige", "full",        "part"};
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
    // "up to 60 × 40 × 40 cm": each size is bounded as the first.
    size_t first = from;
    while (first >= 2 && (t_[first - 1].text == "×" || t_[first - 1].text == "x") &&
           t_[first - 2].type == Token::kNumber)
      first -= 2;
    f.bound = Bound(first, kind);
    // Ages and other limits said after the number: "18 and over", "21+",
    // "65 of ouder", "12 and under"; and "kinderen tot en met 12 jaar".
    if (f.bound == 0 && (kind == ConflictKind::kAmount || kind == ConflictKind::kPeriod)) {
      static const WordSet up = {"over",   "older",  "ouder", "up",   "above",
                                 "longer", "langer", "more",  "meer", "later"};
      static const WordSet down = {"under", "younger", "jonger", "below"};
      static const WordSet join = {"and", "or", "en", "of"};
      // "at the earliest", "op zijn vroegst"; "at the latest", "op z'n laatst".
      const std::string_view end_word =
          Word(to, 0) == "at" || Word(to, 0) == "op" ? Word(to, 2) : "";
      // "30 minuten vertraging of meer": one word between.
      const bool more_after = Word(to, 1) != "" && In(join, Word(to, 1)) &&
                              (Word(to, 2) == "more" || Word(to, 2) == "meer" ||
                               Word(to, 2) == "longer" || Word(to, 2) == "langer");
      if (Word(to, 0) == "plus" || (In(join, Word(to, 0)) && In(up, Word(to, 1))) || more_after ||
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
    // "om 5 uur"; not "sluit een half uur eerder".
    const bool hour_word =
        (w == "uur" || w == "u" || w == "h") && In(TimeCueWords(), prev) && !ahead && v >= 1;
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
    const bool bare_hour = (digits || word_hour) && !clock_dot && !colon && v >= 1 && v <= 12 &&
                           v == std::floor(v) && In(bare_cue, prev) &&
                           (next >= t_.size() || t_[next].type == Token::kSymbol || comma_after ||
                            In(bare_after, w) || word_hour);
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
        size_t unit_at = k;
        if ((t_[k].text == "working" || t_[k].text == "business") && k + 1 < t_.size() &&
            (t_[k + 1].text == "day" || t_[k + 1].text == "days")) {
          working = true;
          unit_at = k + 1;
        }
        if (auto u = TimeUnitOf(t_[unit_at].text)) {
          working = working || u->working_days;
          const double scale = working ? 1 : u->hours;
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
            AboutAges())
          Add(ConflictKind::kPeriod, "hours", v * 8760, v * 8760, false,
              from >= 1 ? from - 1 : from, end);
        else
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
      if (said_side && AboutAges()) {
        Add(ConflictKind::kPeriod, "hours", *v * 8760, *v * 8760, false, i, i + 1);
        skip_until_ = Word(i, 1) == "plus" ? i + 2 : i + 3;
        return;
      }
    }
    if (raw.find(':') != std::string::npos) {
      After(0, 0, i, i + 1, raw, true);
      return;
    }
    if (!v) return;
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
    // "March 1st", "december 26".
    if (i > 0 && MonthOf(t_[i - 1].text) && *v >= 1 && *v <= 31) {
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
    static const std::unordered_map<std::string_view, double> shares = {
        {"kwart", 25},        {"quarter", 25}, {"helft", 50}, {"half", 50},   {"third", 100.0 / 3},
        {"derde", 100.0 / 3}, {"tiende", 10},  {"tenth", 10}, {"vijfde", 20}, {"fifth", 20}};
    if (auto sh = shares.find(w); sh != shares.end() && i + 1 < t_.size()) {
      static const WordSet of = {"korting", "off",   "of",   "van", "discount",
                                 "price",   "prijs", "fare", "the"};
      bool time = false;
      for (size_t k = i + 1; k < t_.size() && k <= i + 3; ++k)
        time = time || TimeUnitOf(t_[k].text).has_value() || t_[k].text == "past" ||
               t_[k].text == "over" || t_[k].text == "to" || t_[k].text == "voor";
      if (In(of, t_[i + 1].text) && !time) {
        Add(ConflictKind::kAmount, "percent", sh->second, sh->second, false, i, i + 2);
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
    const bool listed =
        i > 1 && MonthOf(t_[i - 2].text) &&
        (t_[i - 1].text == "and" || t_[i - 1].text == "en" || t_[i - 1].text == "or" ||
         t_[i - 1].text == "of" || t_[i - 1].text == "tot" || t_[i - 1].text == "to");
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
  size_t skip_until_ = 0;
  std::vector<Fact> facts_;
};

// The words right after a number in the answer's sentences that are not
// units, months or function words: what it counts ("15 stems", "set of two
// prints", "5 bewerkte foto's").
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

// Whether two stems name the same thing: equal, or one is a part of the
// other's compound ("kaartj" in "bioscoopkaartj", "reparatie" in
// "reparatieformulier").
bool SameThing(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  if (shorter.size() < 5 || shorter.front() == '~') return false;
  return longer.ends_with(shorter) || longer.starts_with(shorter);
}

bool Comparable(const Fact& a, const Fact& b);

bool SameValue(const Fact& a, const Fact& b) {
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

// How many content stems two sentences share.
size_t Shared(const Sentence& a, const Sentence& b) {
  size_t shared = 0;
  for (const std::string& w : a.stems)
    shared +=
        b.stems.contains(w) || std::any_of(b.stems.begin(), b.stems.end(),
                                           [&](const std::string& x) { return SameThing(w, x); });
  return shared;
}

// How much two sentences are about the same thing (Dice over content stems).
double Related(const Sentence& a, const Sentence& b) {
  if (a.stems.empty() || b.stems.empty()) return 0;
  return 2.0 * static_cast<double>(Shared(a, b)) /
         static_cast<double>(a.stems.size() + b.stems.size());
}

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

constexpr double kRelated = 0.2;
constexpr double kSameClaim = 0.25;
// A claim turned around by a negation alone must be plainly the same claim:
// replies apply rules with negations of their own ("you won't see the
// fee", "isn't an emergency"), and a looser match turned too many of those.
constexpr double kTurnedClaim = 0.35;
constexpr double kSameProcedure = 0.1;

}  // namespace

std::string_view ToString(ConflictKind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<ConflictKind> ParseConflictKind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == s) return static_cast<ConflictKind>(i);
  return std::nullopt;
}

// Whole numbers of at least 2 among the tokens (digits or number words).
std::vector<double> WholeNumbers(const std::vector<Token>& tokens) {
  std::vector<double> out;
  for (const Token& t : tokens) {
    std::optional<double> n;
    if (t.type == Token::kNumber)
      n = NumberOf(t.text);
    else if (auto w = NumberWords().find(t.text); w != NumberWords().end())
      n = w->second;
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
    for (const double p : prices)
      if (std::abs(own[i] - p - amount) < 0.005 || std::abs(own[i] + p - amount) < 0.005)
        return true;
  }
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
  static const WordSet shut = {"closed", "gesloten", "dicht", "shut"};
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

// What a claim says of the things it names, per question: does it cost
// the customer (-1) or not (+1: free, included, covered, waived); may it be
// done (+1: allowed, welcome, refundable) or not (-1: forbidden,
// excluded); is it needed (+1: must, required, bring) or not (-1:
// optional). A negation in the claim turns its answers around ("no extra
// charge", "niet toegestaan", "don't worry about the receipt"). 0 where it
// says nothing; the words that said it are left out of `things`.
struct Stance {
  std::array<int, 3> said = {0, 0, 0};  // cost, may, need
  std::vector<std::string> things;
  // Negations that turned no word of stance ("we can't guarantee that
  // it is nut-free"): the stance may not be what the claim says.
  size_t stray_negations = 0;
  // Whether the claim says may or may not only by "can" ("kunt u het
  // beste bellen" is advice as much as leave): it needs more in common.
  bool may_by_can = false;
};

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
    if (w == "kosten" || (w == "rekening" && prev == "in")) take = {0, -1};
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
    // "comes with your ticket", "on the house".
    if ((w == "comes" || w == "come") && next == "with") take = {0, 1};
    if (w == "house" && prev == "the" && i > 1 && t[i - 2].text == "on") take = {0, 1};
    if (take.first < 0) continue;
    said.insert(Stem(w, lang));
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
    // "no problem", "geen zorgen": no stance turned.
    static const WordSet idiom = {"probleem", "problem",  "problemen", "problems", "zorgen",
                                  "worries",  "hesitate", "aarzel",    "schroom",  "doubt",
                                  "twijfel",  "mind",     "trouble",   "moeite"};
    if (k + 1 < t.size() && In(idiom, t[k + 1].text)) continue;
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
    // And what it goes on to: "won't need to pay", "hoeft niet te betalen"
    // (but "no need to return it" still allows returning).
    for (Word& w : words)
      if (w.take.first == 0 && w.at > nearest->at && w.at <= nearest->at + 3 && w.at > k &&
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
  // The same thing in other words: "sign up" is registering, "build it"
  // assembling, a "bon" a receipt.
  static const std::unordered_map<std::string_view, std::string_view> kConcept = {
      {"register", "#register"},
      {"registered", "#register"},
      {"registration", "#register"},
      {"signup", "#register"},
      {"enrol", "#register"},
      {"enroll", "#register"},
      {"enrolment", "#register"},
      {"aanmelden", "#register"},
      {"aanmelding", "#register"},
      {"registreren", "#register"},
      {"registratie", "#register"},
      {"inschrijven", "#register"},
      {"inschrijving", "#register"},
      {"assemble", "#assemble"},
      {"assembled", "#assemble"},
      {"assembly", "#assemble"},
      {"build", "#assemble"},
      {"monteren", "#assemble"},
      {"montage", "#assemble"},
      {"opbouwen", "#assemble"},
      {"receipt", "#receipt"},
      {"receipts", "#receipt"},
      {"bon", "#receipt"},
      {"bonnetje", "#receipt"},
      {"kassabon", "#receipt"},
      {"aankoopbon", "#receipt"},
      {"kassabonnetje", "#receipt"},
      {"photo", "#photo"},
      {"photos", "#photo"},
      {"photography", "#photo"},
      {"pictures", "#photo"},
      {"foto", "#photo"},
      {"foto's", "#photo"},
      {"fotograferen", "#photo"},
      {"dog", "#pet"},
      {"dogs", "#pet"},
      {"pets", "#pet"},
      {"pet", "#pet"},
      {"hond", "#pet"},
      {"honden", "#pet"},
      {"huisdier", "#pet"},
      {"huisdieren", "#pet"}};
  for (size_t i = 0; i < t.size(); ++i) {
    auto it = kConcept.find(t[i].text);
    if (t[i].text == "sign" && i + 1 < t.size() && t[i + 1].text == "up")
      it = kConcept.find("signup");
    if (it != kConcept.end() &&
        std::find(out.things.begin(), out.things.end(), it->second) == out.things.end())
      out.things.emplace_back(it->second);
  }
  return out;
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
  const auto claim_names = [&](const std::vector<std::string>& things) {
    return std::any_of(claim.things.begin(), claim.things.end(), [&](const std::string& w) {
      return std::any_of(things.begin(), things.end(),
                         [&](const std::string& x) { return x[0] != '#' && names(w, x); });
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
    for (const Token& t : p.tokens) {
      if ((said_by_name = In(leave, t.text)) || In(other, t.text)) break;
      const std::string stem = Stem(t.text, lang);
      if (std::find(pub_stance[k].things.begin(), pub_stance[k].things.end(), stem) !=
          pub_stance[k].things.end())
        forbidden.push_back(stem);
    }
    if (!said_by_name || !claim_names(forbidden)) continue;
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

// The findings that are conflicts; the others are what a guard let pass.
const std::set<std::string_view> kStrongSignals = {"fact.amount",
                                                   "fact.period",
                                                   "fact.deadline",
                                                   "fact.date",
                                                   "fact.by_elimination",
                                                   "fact.other_side",
                                                   "fact.total_worked_out_wrong",
                                                   "date.open_days",
                                                   "yesno.turned",
                                                   "yesno.stance_turned",
                                                   "yesno.stance_turned_of_it",
                                                   "yesno.also_what_is_not",
                                                   "yesno.forbidden_allowed",
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
                                                   "procedure.step_left_out"};

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

// The clause of a sentence a value is said in: the clause holding as many
// of the sentence's values written the same way as come up to it.
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

// The reply without its sign-off ("Met vriendelijke groet, Kraan & Zn",
// "Kind regards, Learning Team"): a closing word at a sentence's start
// with at most a name or two after it. The company's name there says
// nothing of the answer's claims about that company.
std::string_view WithoutSignOff(std::string_view reply) {
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

std::vector<ConflictSignal> ConflictSignals(std::string_view published, std::string_view reply) {
  std::vector<ConflictSignal> out;
  reply = WithoutSignOff(reply);
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
  for (const std::string& t : pub_texts) pub.push_back(reader.Read(t));
  const WordSet counted = CountedWords(pub);
  for (size_t i = 0; i < pub.size(); ++i) {
    auto f = FactFinder(pub[i], i, &counted).Find();
    pub_facts.insert(pub_facts.end(), f.begin(), f.end());
  }
  for (const std::string& t : reply_texts) {
    rep.push_back(reader.Read(t));
    auto f = FactFinder(rep.back(), rep.size() - 1, &counted).Find();
    rep_facts.insert(rep_facts.end(), f.begin(), f.end());
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
  intervals(pub_facts, rep_facts);
  intervals(rep_facts, pub_facts);
  std::set<std::tuple<std::string_view, ConflictKind, std::string>> seen;
  auto add = [&](std::string_view signal, ConflictKind kind, std::string p, std::string w,
                 const Sentence& ps, const Sentence& rs) {
    if (!seen.emplace(signal, kind, w).second) return;
    out.push_back({signal,
                   kStrongSignals.contains(signal),
                   {kind, std::move(p), std::move(w), ps.text, rs.text}});
  };

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
    add("date.open_days", ConflictKind::kDate, DayNames(pub_days, lang), DayNames(rep_days, lang),
        with_day(pub), with_day(rep));
  }

  // Facts: amounts, periods, deadlines, dates. What each of the reply's
  // came to: nothing to compare, the answer's value, let pass by a guard
  // below, a conflict, or a different value about something that seemed
  // else (compared again by elimination after the loop).
  enum class Outcome { kNone, kSame, kGuarded, kBounded, kConflict, kElsewhere };
  std::vector<Outcome> outcome(rep_facts.size(), Outcome::kNone);
  std::vector<const Fact*> bounded_by(rep_facts.size(), nullptr);
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
          if (!fits) {
            add("fact.total_worked_out_wrong", ConflictKind::kAmount, rate->text,
                n.text + ": " + f.text, pub[rate->sentence], rep[f.sentence]);
            result = Outcome::kConflict;
          }
          break;
        }
      }
      continue;
    }
    if (candidates.empty()) continue;
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
      const double r = Related(rep[f.sentence], pub[p->sentence]);
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
    if (best->unit.starts_with("money") && best->hi <= 0)
      for (const Fact* p : candidates)
        if (p->bound > 0 && p->unit == best->unit) {
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
          add("fact.other_side", f.kind, flipped->text, f.text, pub[flipped->sentence],
              rep[f.sentence]);
      }
      continue;
    }
    // What a guard below lets pass is still a finding, a weak one.
    auto weak = [&](std::string_view signal) {
      result = Outcome::kGuarded;
      add(signal, f.kind, best->text, f.text, pub[best->sentence], rep[f.sentence]);
    };
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
    if (restated) {
      weak("fact.restated");
      result = Outcome::kElsewhere;  // about something else: the elimination decides
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
            if (std::any_of(kTo.begin(), kTo.end(), [&](std::string_view w) {
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
    const bool priced_as_such =
        f.kind == ConflictKind::kAmount && f.unit.starts_with("money") &&
        std::any_of(pub_facts.begin(), pub_facts.end(), [&](const Fact& p) {
          // Three pairs of shoes at € 4 are € 12: a number of that thing.
          const double times = p.lo > 0 ? f.lo / p.lo : 0;
          const bool multiple = times >= 2 && std::abs(times - std::round(times)) < 1e-6;
          return !p.own && p.unit == f.unit && !SameValue(f, p) && !multiple &&
                 Related(clause_of(rep[f.sentence], f), clause_of(pub[p.sentence], p)) >= 0.5;
        });
    if (f.kind == ConflictKind::kAmount && f.unit.starts_with("money") && !priced_as_such &&
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
    if ((f.bound == 0 || (f.today && f.bound == best->bound)) && best->bound != 0 && !named_limit &&
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
    bool related = best_related >= kRelated || (only_ones && f.kind != ConflictKind::kDate) ||
                   (only_ones && best_related > 0) || sided;
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

  // By elimination: when the reply restates every value of a kind the
  // answer gives but one, and gives one of that kind the answer does not,
  // the two are about the same thing even in other words ("de huur past
  // zich aan per 1 juli; de brief komt uiterlijk 1 mei" against "de
  // huuraanpassing gaat in per 1 augustus; de brief komt uiterlijk 1 mei").
  // A value the answer's limit allows counts too, unless the value left is
  // that limit ("the first month is free", beside "up to 6 months", against
  // "the first 2 weeks are free").
  for (size_t i = 0; i < rep_facts.size(); ++i) {
    if (outcome[i] != Outcome::kElsewhere && outcome[i] != Outcome::kBounded) continue;
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
            // "€ 2.500" a day limit restated as "2500 euro per dag".
            if (!g.own && g.kind == ConflictKind::kAmount && p.unit == "money" &&
                g.unit.starts_with("money/") && std::abs(g.lo - p.lo) < 0.005 && p.lo >= 1)
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
    if (unmatched_pub == 1 && unmatched_rep == 1 && left != bounded_by[i] &&
        !(outcome[i] == Outcome::kBounded && left->bound != 0))
      add("fact.by_elimination", f.kind, left->text, f.text, pub[left->sentence], rep[f.sentence]);
  }

  // Yes or no, clause by clause: a reply's clause that states what clauses
  // of the answer state, turned around (and none of them as the reply
  // says it).
  std::vector<Sentence> pub_clauses, rep_clauses;
  std::set<const Sentence*> turned;  // reply clauses found saying yes for no (or no for yes)
  // Reply clauses that turn a clause around for a reason that agrees: the
  // other side of an "only", past a limit, the condition turned too.
  std::set<const Sentence*> explained;
  // "..., but not damage caused by flooding", "and cannot be exchanged":
  // a clause without its own subject and verb says them with the one
  // before it.
  auto read_clauses = [&](const std::vector<std::string>& texts, std::vector<Sentence>& out) {
    for (const std::string& t : texts) {
      const size_t first = out.size();
      for (const std::string& c : SplitClauses(t)) out.push_back(reader.Read(c));
      // "Vergoedt uw verzekering het niet, dan betaalt u zelf", "Ben je
      // later, dan ...": the clause before "dan" is a condition.
      for (size_t k = first; k + 1 < out.size(); ++k)
        if (static const WordSet who = {"je", "u", "jij", "jullie", "we", "wij", "hij", "ze", "zij",
                                        "uw", "jouw", "het", "er"};
            !out[k + 1].tokens.empty() && out[k + 1].tokens[0].text == "dan" &&
            out[k].tokens.size() >= 2 && !SubjectWords().contains(out[k].tokens[0].text) &&
            In(who, out[k].tokens[1].text) && lang == Language::kNl)
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
  read_clauses(pub_texts, pub_clauses);
  read_clauses(reply_texts, rep_clauses);
  for (const Sentence& r : rep_clauses) {
    if (r.condition) continue;
    // "As we didn't get a day's notice there is a charge", "omdat je niet
    // op tijd was": a negation in the customer's case given as the reason,
    // not a rule turned around.
    if (static const WordSet because = {"as", "because", "since", "omdat", "aangezien", "doordat"};
        r.negations % 2 && r.tokens.size() > 2 && In(because, r.tokens[0].text) &&
        In(SubjectWords(), r.tokens[1].text))
      continue;
    // The clause of the answer that says the same turned around, and the
    // one that says it as the reply does.
    const Sentence* best = nullptr;
    const Sentence* same = nullptr;
    const Sentence* loose = nullptr;  // turned around, but less plainly about the same
    double best_related = 0, same_related = 0, loose_related = 0;
    for (const Sentence& p : pub_clauses) {
      if (p.condition) continue;
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
        add("yesno.turned_loosely", ConflictKind::kYesNo, say(*loose), say(r), *loose, r);
      continue;
    }
    if (agrees || relieved) {
      add(relieved ? "yesno.relief" : "yesno.turned_outweighed", ConflictKind::kYesNo, say(*best),
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
        add("yesno.turned_but_same_stance", ConflictKind::kYesNo, say(*best), say(r), *best, r);
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
        add("yesno.needless_but_allowed", ConflictKind::kYesNo, say(*best), say(r), *best, r);
        continue;
      }
    }
    // "only offers refunds if a performance is cancelled" against "as the
    // show is going ahead we can't refund": the other side of the "only".
    if (best->negations % 2 == 0 && r.negations % 2 &&
        std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
          return p.negations % 2 == 0 && Shared(r, p) >= 1 &&
                 std::any_of(p.tokens.begin(), p.tokens.end(), [](const Token& t) {
                   return t.text == "only" || t.text == "alleen" || t.text == "uitsluitend";
                 });
        })) {
      add("yesno.only_if", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    // "één parkeervergunning per adres aanvragen" against "een tweede kunt
    // u niet aanvragen", "up to 2 bags" against "a third bag isn't
    // allowed": what lies past a limit is refused.
    if (best->negations % 2 == 0 && r.negations % 2 && PastTheLimit(*best, r)) {
      add("yesno.past_the_limit", ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    if (const std::string_view why = TurnExplained(r, *best, rep_clauses, pub_clauses);
        !why.empty()) {
      add(why, ConflictKind::kYesNo, say(*best), say(r), *best, r);
      explained.insert(&r);
      continue;
    }
    add("yesno.turned", ConflictKind::kYesNo, say(*best), say(r), *best, r);
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
      add("yesno.ruled_out_named", ConflictKind::kYesNo, p.negation,
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
              !((instead == "without" || instead == "zonder") && without_cost(r, instead))) {
            add("yesno.opposite", ConflictKind::kYesNo, std::string(said), std::string(instead), p,
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
    // The answer says so itself ("foot passengers don't need to book").
    if (std::any_of(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
          return p.negations % 2 == 1 && p.stems.contains("~need") && shares(r, p) > 0;
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
      if (!demanded) continue;
      if (shares(r, p) == 0) continue;
      add("yesno.not_needed", ConflictKind::kYesNo, lang == Language::kNl ? "nodig" : "needed",
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
      add("yesno.needed_for_not_needed", ConflictKind::kYesNo, p.negation,
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
    const auto marker_in = [&](const std::string& text) {
      for (std::string_view m : kStretch)
        if (text.find(m) != std::string::npos) return true;
      return false;
    };
    if (!marker_in(pub_lower))
      for (const Sentence& r : rep) {
        const std::string lower = Lower(r.text);
        size_t at = std::string::npos, len = 0;
        for (std::string_view m : kStretch)
          if (const size_t k = lower.find(m); k != std::string::npos && k < at) {
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
        add("yesno.stretched", ConflictKind::kYesNo, kept_apart->text,
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
          add("yesno.stretched", ConflictKind::kYesNo, p->text,
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
      if ((w == "no" || w == "geen") &&
          (next == "charge" || next == "fee" || next == "toeslag" || next == "kosten" ||
           next == "extra" || next == "additional" || next == "cost"))
        return true;
      // "on the house", "for nothing", "voor niks", "at no cost".
      const std::string_view prev = i > 0 ? std::string_view(t[i - 1].text) : "";
      const std::string_view prev2 = i > 1 ? std::string_view(t[i - 2].text) : "";
      if ((w == "house" && prev == "the" && prev2 == "on") ||
          ((w == "nothing" || w == "niks" || w == "niets") && (prev == "for" || prev == "voor")) ||
          (w == "cost" && prev == "no" && prev2 == "at"))
        return true;
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
      const bool about =
          Shared(rep[f.sentence], pub[pi]) >= 1 && Related(rep[f.sentence], pub[pi]) >= kRelated;
      add(about ? "yesno.fee_for_free" : "yesno.fee_for_free_loosely", ConflictKind::kYesNo,
          lang == Language::kNl ? "gratis" : "free", f.text, pub[pi], rep[f.sentence]);
    }
    // Or a fee without its amount ("we charge a small fee for checking",
    // "for half the usual fee").
    static const WordSet fee = {"fee", "fees", "charge", "toeslag", "bijdrage", "betaalt"};
    static const WordSet some = {"a",     "an",    "een",        "half",
                                 "small", "extra", "additional", "kleine"};
    const auto charges = [](const Sentence& r) {
      const auto& t = r.tokens;
      for (size_t i = 0; i < t.size(); ++i) {
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
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || r.relief || free(r) || !charges(r) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) { return In(only, t.text); }) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) { return IsNegation(t.text); }) ||
          std::any_of(r.tokens.begin(), r.tokens.end(),
                      [](const Token& t) { return t.type == Token::kNumber; }) ||
          Shared(r, pub[pi]) < 1 || Related(r, pub[pi]) < kRelated)
        continue;
      std::string said;
      for (const Token& t : r.tokens)
        if (In(fee, t.text)) said = t.text;
      add("yesno.fee_without_amount", ConflictKind::kYesNo,
          lang == Language::kNl ? "gratis" : "free", said, pub[pi], r);
    }
  }

  // And the other way round: the reply calls free what the answer prices
  // ("Freezing costs £5 per month" against "there's no charge while it's
  // frozen"), unless a sentence of the answer about it says free as well.
  for (size_t ri = 0; ri < rep.size(); ++ri) {
    if (rep[ri].condition || rep[ri].negations % 2 || !free(rep[ri]) || money_in(rep_facts, ri))
      continue;
    const Sentence* priced = nullptr;
    double priced_related = 0, free_related = 0;
    for (size_t pi = 0; pi < pub.size(); ++pi) {
      if (pub[pi].condition) continue;
      const double rel = Related(rep[ri], pub[pi]);
      if (free(pub[pi])) {
        free_related = std::max(free_related, rel);
      } else if (money_in(pub_facts, pi) && Shared(rep[ri], pub[pi]) >= 1 && rel > priced_related) {
        priced_related = rel;
        priced = &pub[pi];
      }
    }
    if (!priced || priced_related < kRelated || free_related >= priced_related) continue;
    const auto price = std::find_if(pub_facts.begin(), pub_facts.end(), [&](const Fact& f) {
      return &pub[f.sentence] == priced && f.kind == ConflictKind::kAmount &&
             f.unit.starts_with("money") && f.hi > 0;
    });
    add("yesno.free_for_priced", ConflictKind::kYesNo, price->text,
        lang == Language::kNl ? "gratis" : "free", *priced, rep[ri]);
  }

  // Once per claim: another rule may have named it already.
  const auto said_already = [&](const Sentence& r) {
    return std::any_of(out.begin(), out.end(), [&](const ConflictSignal& c) {
      return c.strong && (c.conflict.written_sentence.find(r.text) != std::string::npos ||
                          r.text.find(c.conflict.written_sentence) != std::string::npos);
    });
  };

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
      if (said_already(r)) continue;
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
            add("yesno.stance_turned_of_it", ConflictKind::kYesNo,
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
        if (q == 1 && rs.said[1] > 0 && !r.text.ends_with("?") &&
            (best == 0 || (rs.may_by_can && best < 2)))
          if (const Sentence* forbids = ForbidsByName(pub_clauses, pub_stance, r, rs, lang)) {
            add("yesno.forbidden_allowed", ConflictKind::kYesNo, "not allowed", "allowed", *forbids,
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
        if (agrees || !against) continue;
        static constexpr std::array<std::array<std::string_view, 2>, 3> kSaid = {
            {{"costs", "free"}, {"not allowed", "allowed"}, {"not needed", "needed"}}};
        add("yesno.stance_turned", ConflictKind::kYesNo,
            std::string(kSaid[q][rs.said[q] > 0 ? 0 : 1]), std::string(kSaid[q][rs.said[q] > 0]),
            *against, r);
        turned.insert(&r);
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
      if (r.condition || r.negations % 2 || turned.contains(&r) || said_already(r)) continue;
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
        add("yesno.also_what_is_not", ConflictKind::kYesNo, p.negation,
            lang == Language::kNl ? "ook" : "too", p, r);
        turned.insert(&r);
        break;
      }
    }
  }

  // A step the answer asks for, left out: "na het maken van een online
  // afspraak" against "u kunt zonder afspraak langskomen".
  {
    static const WordSet kCost = {"fee",       "fees",      "charge",   "cost",   "costs",
                                  "kosten",    "toeslag",   "betalen",  "paying", "extra",
                                  "gedoe",     "problemen", "problems", "delay",  "vertraging",
                                  "wachttijd", "waiting"};
    const std::string pub_lower = Lower(std::string(published));
    for (const Sentence& r : rep_clauses) {
      if (r.condition || said_already(r)) continue;
      const auto& t = r.tokens;
      for (size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i].text != "zonder" && t[i].text != "without") continue;
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
        const auto asked =
            std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
              return !p.condition && p.negations % 2 == 0 &&
                     std::any_of(p.stems.begin(), p.stems.end(),
                                 [&](const std::string& x) { return SameThing(thing, x); });
            });
        if (asked == pub_clauses.end()) continue;
        add("procedure.step_left_out", ConflictKind::kProcedure, asked->text,
            t[i].text + " " + t[k].text, *asked, r);
        break;
      }
    }
  }

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
      shared = shared || asserted.contains(m) || (Digital(m) && asserted.contains("online")) ||
               (m == "online" && std::any_of(asserted.begin(), asserted.end(),
                                             [](const auto& a) { return Digital(a.first); }));
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
      add(shared ? "procedure.ruled_out_beside_shared" : "procedure.ruled_out",
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
          add("procedure.extra_way", ConflictKind::kProcedure, p->means.begin()->second,
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
    add(best_related >= kSameProcedure ? "procedure.other_way" : "procedure.other_way_loosely",
        ConflictKind::kProcedure, best->means.begin()->second, r.means.begin()->second, *best, r);
  }

  // Where each clause stands in time: by its words of order ("eerst",
  // "right away" first; "daarna", "then" later; "once", "nadat" before
  // the clause it belongs to), else where it is written.
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
      key[i] = m == -1  ? static_cast<double>(i) - 1000
               : m == 1 ? static_cast<double>(i) + 1000
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
        add("procedure.order", ConflictKind::kProcedure, said[a].word + " → " + said[b].word,
            rb->word + " → " + ra->word, *said[a].clause, *rb->clause);
        done = true;
      }
  }

  // The steps in another order, whatever the ways: "first report it to the
  // police, then submit your claim online" against "start your claim online
  // right away, and once you've reported it to the police add the number".
  // Each clause is placed by its words of order ("eerst", "right away"
  // first; "daarna", "then" later; "once", "nadat" before the clause it
  // belongs to), else where it stands.
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
          "report",  "submit",     "apply",    "book",     "complete",    "register", "make",
          "fill",    "upload",     "send",     "call",     "bring",       "return",   "contact",
          "doe",     "maak",       "vraag",    "meld",     "boek",        "regel",    "plan",
          "geef",    "stuur",      "bel",      "breng",    "lever",       "vul",      "upload",
          "log",     "start",      "begin",    "pay",      "betaal",      "neem",     "take",
          "visit",   "check",      "sign",     "teken",    "aanmelden",   "reported", "sent",
          "filled",  "gemeld",     "gestuurd", "ingevuld", "aangevraagd", "scan",     "scannen",
          "voer",    "enter",      "tik",      "type",     "restart",     "herstart", "run",
          "install", "installeer", "activeer", "activate", "wait",        "wacht"};
      return c.instruction || c.imperative || !c.means.empty() || !c.named.empty() ||
             std::any_of(c.tokens.begin(), c.tokens.end(),
                         [](const Token& t) { return In(verbs, t.text); });
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
          add("procedure.steps_reordered", ConflictKind::kProcedure,
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
    std::vector<Sentence> later;  // the steps that wait
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
      if (first_before && !pub_clauses[k].tokens.empty() && In(then, pub_clauses[k].tokens[0].text))
        later.push_back(pub_clauses[k]);
    }
    static const WordSet at_once = {"meteen",         "direct",      "alvast",  "tegelijk",
                                    "tegelijkertijd", "immediately", "already", "simultaneously"};
    static const WordSet waiting = {"nadat", "zodra", "als",   "wanneer", "after",
                                    "once",  "when",  "until", "totdat",  "tot"};
    for (const Sentence& r : rep_clauses) {
      if (r.condition || r.negations % 2 || said_already(r)) continue;
      bool now = false, waits = false;
      for (size_t m = 0; m < r.tokens.size(); ++m) {
        const std::string& w = r.tokens[m].text;
        const std::string_view next = m + 1 < r.tokens.size() ? r.tokens[m + 1].text : "";
        now = now || In(at_once, w) || (w == "straight" && next == "away") ||
              (w == "right" && next == "away") || (w == "same" && next == "time");
        waits = waits || In(waiting, w);
      }
      if (!now || waits) continue;
      const auto step = std::find_if(later.begin(), later.end(),
                                     [&](const Sentence& y) { return Shared(r, y) >= 2; });
      if (step == later.end()) continue;
      add("procedure.without_waiting", ConflictKind::kProcedure, step->text, r.text, *step, r);
      break;
    }
  }

  // Who acts: the answer has someone else take the step ("your line
  // manager raises a request in the IT portal", "de ouder meldt het kind
  // af") and the reply has the customer take it themselves ("just raise
  // the request yourself").
  {
    static const WordSet self_words = {"yourself", "yourselves", "zelf", "jezelf", "uzelf"};
    const WordSet& self = self_words;
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
      if (pub_self || r.condition || r.negations % 2 || said_already(r)) continue;
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
      add("procedure.who_acts", ConflictKind::kProcedure, by_other->text, r.text, *by_other, r);
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
                                  [](const Token& t) { return In(self_words, t.text); });
      if (r.condition || r.negations % 2 || said_already(r) || !(for_you(r) || ourselves)) continue;
      if (std::none_of(r.tokens.begin(), r.tokens.end(),
                       [](const Token& t) { return In(we, t.text); }))
        continue;
      const auto by_customer =
          std::find_if(pub_clauses.begin(), pub_clauses.end(), [&](const Sentence& p) {
            if (p.condition || p.negations % 2 || Shared(r, p) < 2 || for_you(p)) return false;
            const bool self = std::any_of(p.tokens.begin(), p.tokens.end(),
                                          [](const Token& t) { return In(self_words, t.text); });
            // "Schade meldt u eerst bij uw leasemaatschappij".
            static const WordSet you = {"u", "je", "jij", "you"};
            const bool yours =
                !by_us(p) && std::any_of(p.tokens.begin(), p.tokens.end(),
                                         [](const Token& t) { return In(you, t.text); });
            return self || p.imperative || p.instruction || yours;
          });
      if (by_customer == pub_clauses.end()) continue;
      add("procedure.who_acts", ConflictKind::kProcedure, by_customer->text, r.text, *by_customer,
          r);
      break;
    }
  }
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
