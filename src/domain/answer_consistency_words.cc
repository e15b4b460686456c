// The consistency check's words: the word lists and the single words it
// reads (numbers, months, weekdays, units of time, negations, ways).

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

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

const WordSet& LimitWords() {
  static const WordSet s = {"max",      "maximaal", "maximum",  "hooguit",   "hoogstens",
                            "minimaal", "minimum",  "minstens", "tenminste", "most",
                            "least",    "upto",     "min",      "maximal",   "limit",
                            "limited",  "maximale", "minimale", "than",      "dan"};
  return s;
}

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

const WordSet& PastWords() {
  static const WordSet s = {"besteld",   "bestelde",   "gekocht",   "ordered", "purchased",
                            "bought",    "placed",     "geplaatst", "stuurde", "sent",
                            "verstuurd", "gemaild",    "emailed",   "belde",   "called",
                            "received",  "ontvangen",  "booked",    "geboekt", "paid",
                            "betaald",   "wrote",      "schreef",   "made",    "gedaan",
                            "aangemeld", "registered", "signed",    "joined"};
  return s;
}

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

const WordSet& TimeZoneWords() {
  static const WordSet s = {"eastern", "pacific", "central", "mountain", "et",  "pt",  "ct",
                            "mt",      "est",     "edt",     "pst",      "pdt", "cst", "cdt",
                            "utc",     "gmt",     "bst",     "cet",      "cest"};
  return s;
}

bool IsEnglishNumber(std::string_view w) {
  static const WordSet s = {"one",   "two",   "three", "four", "five",   "six",
                            "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  return In(s, w);
}

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

bool IsPlainMonthName(std::string_view w) { return MonthOf(w) && w.size() > 4 && w != "march"; }

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

const WordSet& FillerWords() {
  static const WordSet s = {"gewoon",  "per",      "still",  "just",      "simply", "even",
                            "graag",   "ook",      "nog",    "wel",       "please", "during",
                            "tijdens", "hoi",      "hallo",  "beste",     "hi",     "hello",
                            "dear",    "sorry",    "jammer", "vervelend", "thanks", "bedankt",
                            "dank",    "directly", "direct", "straight",  "away",   "right",
                            "now",     "nu",       "meteen", "altijd",    "always"};
  return s;
}

std::optional<double> ShareOf(std::string_view w) {
  static const std::unordered_map<std::string_view, double> m = {
      {"kwart", 25},        {"quarter", 25}, {"helft", 50}, {"half", 50},   {"third", 100.0 / 3},
      {"derde", 100.0 / 3}, {"tiende", 10},  {"tenth", 10}, {"vijfde", 20}, {"fifth", 20}};
  const auto it = m.find(w);
  return it == m.end() ? std::nullopt : std::optional<double>(it->second);
}

std::string_view ThingOf(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> m = {
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
      {"huisdieren", "#pet"},
  };
  const auto it = m.find(w);
  return it == m.end() ? std::string_view() : it->second;
}

std::string_view ActOf(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"repair", "#repair"},
      {"repairs", "#repair"},
      {"repaired", "#repair"},
      {"fix", "#repair"},
      {"fixed", "#repair"},
      {"fixing", "#repair"},
      {"mend", "#repair"},
      {"mended", "#repair"},
      {"repareren", "#repair"},
      {"repareert", "#repair"},
      {"gerepareerd", "#repair"},
      {"reparatie", "#repair"},
      {"reparaties", "#repair"},
      {"herstellen", "#repair"},
      {"herstel", "#repair"},
      {"hersteld", "#repair"},
      {"approve", "#approve"},
      {"approved", "#approve"},
      {"approval", "#approve"},
      {"permission", "#approve"},
      {"goedkeuring", "#approve"},
      {"goedgekeurd", "#approve"},
      {"toestemming", "#approve"},
      {"goedkeuren", "#approve"},
      {"refund", "#refund"},
      {"refunded", "#refund"},
      {"refunds", "#refund"},
      {"reimburse", "#refund"},
      {"reimbursed", "#refund"},
      {"terugbetalen", "#refund"},
      {"terugbetaald", "#refund"},
      {"terugbetaling", "#refund"},
      {"vergoeden", "#refund"},
      {"vergoed", "#refund"},
      {"vergoeding", "#refund"},
      {"collect", "#collect"},
      {"collected", "#collect"},
      {"collection", "#collect"},
      {"ophalen", "#collect"},
      {"afhalen", "#collect"},
      {"opgehaald", "#collect"},
      {"cancel", "#cancel"},
      {"cancelled", "#cancel"},
      {"canceled", "#cancel"},
      {"cancellation", "#cancel"},
      {"annuleren", "#cancel"},
      {"annulering", "#cancel"},
      {"afzeggen", "#cancel"},
      {"opzeggen", "#cancel"},
      {"opzegging", "#cancel"},
      {"geannuleerd", "#cancel"},
      // A card to pay with.
      {"pinpas", "#debit"},
      {"bankpas", "#debit"},
      {"betaalpas", "#debit"},
      {"debitcard", "#debit"},
      {"debit", "#debit"},
      // A verb joined to its particle: "zeg je op", "haal je af".
      {"opzeg", "#cancel"},
      {"opzegt", "#cancel"},
      {"afzeg", "#cancel"},
      {"afzegt", "#cancel"},
      {"ophaal", "#collect"},
      {"ophaalt", "#collect"},
      {"afhaal", "#collect"},
      {"afhaalt", "#collect"},
      {"annuleer", "#cancel"},
      {"annuleert", "#cancel"},
      {"repareer", "#repair"},
      {"herstelt", "#repair"}};
  const auto it = m.find(w);
  return it == m.end() ? std::string_view() : it->second;
}

const WordSet& PointingWords() {
  static const WordSet s = {"daarvoor", "hiervoor", "daar", "dat", "dit", "that",
                            "this",     "for",      "it",   "het", "die", "these"};
  return s;
}

const WordSet& OtherPeopleWords() {
  static const WordSet s = {"vriendin", "vriend",  "friend",    "friends",  "partner",  "man",
                            "vrouw",    "wife",    "husband",   "zoon",     "dochter",  "son",
                            "daughter", "mensen",  "people",    "iemand",   "someone",  "anyone",
                            "gasten",   "guests",  "bezoekers", "visitors", "kinderen", "children",
                            "others",   "anderen", "collega",   "colleague"};
  return s;
}

const WordSet& NeedWords() {
  static const WordSet s = {"need",       "needs",        "needed",     "require",   "requires",
                            "required",   "requirement",  "nodig",      "vereist",   "verplicht",
                            "verplichte", "noodzakelijk", "mandatory",  "necessary", "hoeft",
                            "hoeven",     "hoef",         "compulsory", "obligatory"};
  return s;
}

const WordSet& MayWords() {
  static const WordSet s = {"kan",     "kunt",       "kun", "kunnen",     "mogelijk",  "mag",
                            "mogen",   "toegestaan", "can", "cannot",     "can't",     "possible",
                            "allowed", "permitted",  "may", "impossible", "onmogelijk"};
  return s;
}

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
  static const WordSet after = {
      "probleem", "problem", "zorgen",   "worry",   "worries", "hesitate", "punt",
      "bezwaar",  "aarzel",  "aarzelen", "schroom", "dank",    "forget",   "vergeten",
      "sure",     "zeker",   "alleen",   "only",    "just",    "doubt",    "twijfel",
      "mind",     "erg",     "bad",      "trouble", "moeite"};
  static const WordSet before = {"zo", "if", "or", "of", "whether", "wel", "als"};
  // "isn't a problem", "geen enkel probleem".
  if (after.contains(next) ||
      ((next == "a" || next == "an" || next == "enkel" || next == "any") && after.contains(next2)))
    return true;
  if (neg == "not" && before.contains(prev)) return true;
  if (neg == "niet" && (prev == "zo" || prev == "of")) return true;
  return false;
}

bool Digital(std::string_view m) {
  return m == "website" || m == "account" || m == "app" || m == "form" || m == "online";
}

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
      {"posting", "post"},
      {"posted", "post"},
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
      {"kiosk", "machine"},
      {"kiosks", "machine"},
      {"zuil", "machine"},
      {"aanmeldzuil", "machine"},
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

}  // namespace luister::consistency
