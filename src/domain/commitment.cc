#include "domain/commitment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace luister {

namespace {

// ---------------------------------------------------------------------------
// Sentences and words.

struct Sentence {
  size_t begin = 0;
  size_t end = 0;
  bool question = false;
  bool list_item = false;  // a step of a numbered or bulleted list: a procedure
};

bool Digit(char c) { return c >= '0' && c <= '9'; }

// Splits at . ! ? ; and line ends, but not inside "10.30", "a.s.", "z.s.m.",
// "bijv." or a quotation.
std::vector<Sentence> Sentences(std::string_view t) {
  std::vector<Sentence> out;
  size_t start = 0;
  bool after_number = false;  // the last piece was "3" of "3. Our team will…"
  auto flush = [&](size_t end, bool question) {
    size_t b = start;
    while (b < end && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
    if (b < end) {
      const std::string_view piece = t.substr(b, end - b);
      const bool number = piece.size() <= 2 && Digit(piece[0]) && Digit(piece.back());
      const bool bullet = piece[0] == '-' || piece[0] == '*' || piece.starts_with("\xe2\x80\xa2");
      if (!number) out.push_back({b, end, question, after_number || bullet});
      after_number = number;
    }
    start = end + 1;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n' || c == ';' || c == '!') {
      flush(i, false);
    } else if (c == '?') {
      flush(i, true);
    } else if (c == '.') {
      const bool inner_number = i > 0 && i + 1 < t.size() && Digit(t[i - 1]) && Digit(t[i + 1]);
      // An abbreviation: a short word before the dot, or a letter right after it.
      size_t w = i;
      while (w > start && std::isalpha(static_cast<unsigned char>(t[w - 1]))) --w;
      const bool short_word = i - w <= 2 && i > w;
      const bool letter_after =
          i + 1 < t.size() && std::isalpha(static_cast<unsigned char>(t[i + 1]));
      const bool abbreviation =
          (short_word &&
           (i + 1 >= t.size() || t[i + 1] != ' ' ||
            (i + 2 < t.size() && std::islower(static_cast<unsigned char>(t[i + 2]))))) ||
          letter_after;
      if (!inner_number && !abbreviation) flush(i, false);
    }
  }
  flush(t.size(), false);
  return out;
}

// Lower-case ASCII with the accents folded away; other bytes as they are.
std::string Fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]) | 0x20;
      char base = 0;
      if (d >= 0xA0 && d <= 0xA5) base = 'a';
      if (d >= 0xA8 && d <= 0xAB) base = 'e';
      if (d >= 0xAC && d <= 0xAF) base = 'i';
      if (d >= 0xB2 && d <= 0xB6) base = 'o';
      if (d >= 0xB9 && d <= 0xBC) base = 'u';
      if (base) {
        out += base;
        ++i;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99)
        out += '\'';
      else if (d == 0x9C || d == 0x9D)
        out += '"';
      else
        out += ' ';
      i += 2;
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// The words of a folded text; "i'll" and "we'll" are split into "i" "will",
// "won't" into "will" "not", "n't" into "not".
std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  std::string w;
  auto push = [&] {
    if (w.empty()) return;
    if (w == "'s") {  // Dutch 's (morgens), kept as a word
      out.push_back(w);
    } else if (w == "won't") {
      out.insert(out.end(), {"will", "not"});
    } else if (w == "can't" || w == "cannot") {
      out.insert(out.end(), {"can", "not"});
    } else if (w.size() > 3 && w.ends_with("n't")) {
      out.push_back(w.substr(0, w.size() - 3));
      out.push_back("not");
    } else if (w.size() > 3 && w.ends_with("'ll")) {
      out.push_back(w.substr(0, w.size() - 3));
      out.push_back("will");
    } else if (w.size() > 3 && w.ends_with("'re")) {
      out.push_back(w.substr(0, w.size() - 3));
      out.push_back("are");
    } else if (w.size() > 2 && w.ends_with("'m")) {
      out.push_back(w.substr(0, w.size() - 2));
      out.push_back("am");
    } else if (w.size() > 3 && w.ends_with("'ve")) {
      out.push_back(w.substr(0, w.size() - 3));
      out.push_back("have");
    } else if (w.size() > 2 && w.ends_with("'d")) {
      out.push_back(w.substr(0, w.size() - 2));
      out.push_back("would");
    } else {
      while (!w.empty() && w.back() == '\'') w.pop_back();
      while (!w.empty() && w.front() == '\'' && w != "'s") w.erase(0, 1);
      if (!w.empty()) out.push_back(w);
    }
    w.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || Digit(c) || c == '\'') {
      w += c;
    } else {
      push();
      if (c == ',') out.push_back(",");
    }
  }
  push();
  return out;
}

bool Has(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}
bool HasAny(const std::vector<std::string>& words, std::initializer_list<std::string_view> ws) {
  for (auto w : ws)
    if (Has(words, w)) return true;
  return false;
}
bool StartsWithAny(const std::vector<std::string>& words,
                   std::initializer_list<std::string_view> ws) {
  for (auto w : ws)
    if (!words.empty() && words.front() == w) return true;
  return false;
}
// A word beginning with one of the stems ("bel" matches "bellen", "belt").
bool HasStem(const std::vector<std::string>& words, std::initializer_list<std::string_view> stems) {
  for (const std::string& w : words)
    for (auto s : stems)
      if (w.size() >= s.size() && w.compare(0, s.size(), s) == 0) return true;
  return false;
}
// Two words in a row.
bool HasPair(const std::vector<std::string>& words, std::string_view a, std::string_view b) {
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == a && words[i + 1] == b) return true;
  return false;
}

bool IsAnyOf(const std::string& w, std::initializer_list<std::string_view> ws) {
  for (auto x : ws)
    if (w == x) return true;
  return false;
}

// Removes quoted text ("…", “…”) and what follows "u schreef:" / "you wrote:".
std::string Unquoted(std::string_view folded) {
  std::string out;
  bool in_quote = false;
  bool in_single = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '"') {
      in_quote = !in_quote;
      continue;
    }
    // A single quote opens after a space or colon and closes before one.
    if (c == '\'' && !in_single && (i == 0 || folded[i - 1] == ' ' || folded[i - 1] == ':')) {
      in_single = true;
      continue;
    }
    if (c == '\'' && in_single &&
        (i + 1 == folded.size() || folded[i + 1] == ' ' || folded[i + 1] == '.' ||
         folded[i + 1] == ',')) {
      in_single = false;
      continue;
    }
    if (!in_quote && !in_single) out += c;
  }
  for (std::string_view cue :
       {"schreef:", "wrote:", "gaf aan:", "said:", "zei:", "schrijft:", "writes:", "stated:",
        "staat:", "says:", "meldde:", "mentioned:", "gaf aan dat", "schreef dat", "wrote that",
        "said that", "zei dat"}) {
    const size_t at = out.find(cue);
    if (at != std::string::npos) out.erase(at);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The kinds, by what the sentence speaks of (first match wins).

// Whether `text` holds one of the stems: long stems anywhere in a word
// ("gerepareerd" holds "repar"), short ones only at a word's start.
bool Mentions(const std::string& text, std::initializer_list<std::string_view> stems) {
  for (auto stem : stems) {
    for (size_t at = text.find(stem); at != std::string::npos; at = text.find(stem, at + 1)) {
      const bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      if (word_start || stem.size() >= 5) return true;
    }
  }
  return false;
}

PromiseKind KindOf(const std::vector<std::string>& w, const std::string& text) {
  if (Mentions(text,
               {"terugbel",        "opbel",         "call you",    "call back",  "ring you",
                "give you a call", "phone you",     "telefonisch", "call me",    "bel je",
                "bel u",           "bellen u",      "bellen je",   "bel ik",     "bellen we",
                "bellen wij",      "bel jullie",    "ring back",   "phone back", "teruggebeld",
                "wordt gebeld",    "worden gebeld", "telefoontje", "a call",     "calls you"}) ||
      (HasAny(w, {"call", "ring", "phone", "bel", "bellen", "belt", "calling", "phoning",
                  "ringing"}) &&
       HasAny(w, {"you", "u", "je", "back", "jou", "jullie", "terug"})))
    return PromiseKind::kCallback;
  if (Mentions(text, {"monteur", "technicus", "technician", "engineer", "installateur", "come by",
                      "come round", "come over", "stop by", "pop in", "pop round", "visit",
                      "bezoek", "langskom"}) ||
      (HasAny(w, {"komt", "komen", "kom"}) && Has(w, "langs")))
    return PromiseKind::kVisit;
  // A credit note is a document, not the money.
  if (Mentions(text, {"creditnota", "credit note", "credit memo"})) return PromiseKind::kDocuments;
  if (Mentions(text, {"terugbetaal",    "terugbetaling",   "terugstort",
                      "teruggestort",   "restitutie",      "refund",
                      "reimburs",       "gecrediteerd",    "vergoed",
                      "terugboek",      "revers",          "geld terug",
                      "money back",     "deposit",         "borg",
                      "overpaid",       "te veel betaald", "teveel betaald",
                      "op uw rekening", "op je rekening",  "to your account",
                      "back to your",   "amount back",     "bedrag terug",
                      "verschil",       "difference",      "in your account",
                      "crediteer",      "crediteren"}) ||
      (HasAny(w, {"terug", "retour"}) &&
       Mentions(text, {"geld", "bedrag", "kosten", "euro", "betaling", "money"})))
    return PromiseKind::kRefund;
  if (Mentions(text, {"betaal", "betalen", "betaling", "overmaak", "overmaken", "overschrijv",
                      "voldoen", "voldoe", "pay", "afbetal", "termijn", "instalment", "installment",
                      "transfer the", "settle the", "het bedrag over"}) ||
      (HasAny(w, {"maak", "maken", "maakt"}) && Has(w, "over") &&
       (w.back() == "over" ||
        Mentions(text, {"geld", "bedrag", "huur", "factuur", "rekening", "euro", "termijn"}))))
    return PromiseKind::kPayment;
  if (Mentions(text,
               {"formulier",     "form ",       "form.",       "forms",         "document",
                "contract",      "foto",        "photo",       "picture",       "kassabon",
                "aankoopbon",    "receipt",     "factuur",     "invoice",       "label",
                "aankoopbewijs", "kopie",       "copy",        "screenshot",    "bankafschrift",
                "statement",     "pdf",         "papieren",    "paperwork",     "handtekening",
                "ondertek",      "getekend",    "signed",      "bewijs",        "proof",
                "offerte",       "quote",       "polis",       "bonnetje",      "scan",
                "policy",        "certificaat", "certificate", "garantiebewij", "machtiging",
                "mandate",       "legitimatie", "paspoort",    "passport",      "identiteitsbewijs",
                "verklaring",    "declaration"}) ||
      HasAny(w, {"form", "id"}))
    return PromiseKind::kDocuments;
  if (Mentions(text, {"informatie",
                      "info",
                      "details",
                      "update",
                      "overzicht",
                      "uitleg",
                      "antwoord",
                      "bevestiging",
                      "confirmation",
                      "tracking",
                      "track",
                      "brochure",
                      "link",
                      "uitkomst",
                      "outcome",
                      "terugkoppel",
                      "meterstand",
                      "meter reading",
                      "status",
                      "laat u weten",
                      "laten u weten",
                      "laat je weten",
                      "laat het je weten",
                      "laat het u weten",
                      "op de hoogte",
                      "let you know",
                      "in touch",
                      "hear back",
                      "get back to you",
                      "keep you posted",
                      "keep you updated",
                      "bij u terug",
                      "bij je terug",
                      "bij je op terug",
                      "bij u op terug",
                      "hear from",
                      "hoort u",
                      "u hoort",
                      "je hoort",
                      "reach out",
                      "follow up",
                      "uitzoeken",
                      "zoek het",
                      "look into",
                      "find out",
                      "navragen",
                      "vraag het na",
                      "doorgeven",
                      "weten"}))
    return PromiseKind::kSendInformation;
  if (Mentions(text, {"vervang", "replace", "repar", "repair", "omruil", "exchange", "fix",
                      "herstel", "onderdeel", "part", "nieuwe", "new ", "een nieuw", "ophalen",
                      "opgehaald", "pick up", "collect"}))
    return PromiseKind::kRepairReplace;
  return PromiseKind::kOther;
}

// ---------------------------------------------------------------------------
// The clause tests.

// The separable prefixes of Dutch verbs: "terugbellen", "opsturen", "afleveren".
constexpr std::string_view kSeparable[] = {"terug", "langs", "door", "over", "toe", "aan", "uit",
                                           "mee",   "op",    "af",   "na",   "in",  "bij"};

// A Dutch participle with a separable prefix: "afgeleverd", "ingepland", "doorgevoerd".
bool SeparableParticiple(std::string_view w) {
  for (std::string_view prefix : kSeparable)
    if (w.size() >= prefix.size() + 5 && w.compare(0, prefix.size(), prefix) == 0 &&
        w.compare(prefix.size(), 2, "ge") == 0 &&
        (w.back() == 'd' || w.back() == 't' || w.back() == 'n'))
      return true;
  return false;
}

bool Question(const Sentence& s, const std::vector<std::string>& w) {
  if (s.question) return true;
  return StartsWithAny(
             w, {"kunt",  "kun",  "kunnen", "wilt",    "wil", "zou",  "zouden", "could", "can",
                 "would", "will", "when",   "wanneer", "hoe", "how",  "what",   "wat",   "waarom",
                 "why",   "do",   "does",   "did",     "is",  "are",  "weet",   "heeft", "hebt",
                 "heb",   "have", "has",    "mag",     "may", "shall"}) &&
         !(w.size() > 1 && (w[1] == "ik" || w[1] == "we" || w[1] == "wij") &&
           StartsWithAny(w, {"wil", "zou", "kan", "mag"}) == false);
}

bool Conditional(const std::vector<std::string>& w) {
  if (StartsWithAny(w, {"should", "mocht", "wanneer", "when", "zodra", "once", "after", "nadat",
                        "if", "als"}))
    return true;
  // A Dutch condition by inversion: "Bestelt u voor 22:00 uur, dan bezorgen we…", "Komt het
  // morgen niet, dan sturen wij…"
  if (w.size() > 2 &&
      IsAnyOf(w[1],
              {"u", "je", "jij", "het", "hij", "zij", "ze", "er", "de", "uw", "die", "dat"}) &&
      !IsAnyOf(w[0], {"ik", "we", "wij", "u", "je", "jij", "het", "de", "dat", "die", "er"}) &&
      HasPair(w, ",", "dan"))
    return true;
  if (HasAny(w, {"if",        "unless",    "indien",  "mocht",     "mochten",   "mits",    "tenzij",
                 "provided",  "otherwise", "anders",  "eventueel", "possibly",  "perhaps", "maybe",
                 "misschien", "wellicht",  "might",   "hopelijk",  "hopefully", "hope",    "hoop",
                 "hopen",     "proberen",  "probeer", "try",       "proberen",  "zodra",   "once"}))
    return true;
  if (HasPair(w, "in", "case") || HasPair(w, "as", "long")) return true;
  // Wondering, guessing: "I wonder whether…", "ik vraag me af of…", "I think the engineer…"
  if (HasAny(w, {"wonder", "wondering", "think", "denk", "guess", "gok", "vermoed", "believe",
                 "geloof"}) ||
      (Has(w, "vraag") && HasPair(w, "me", "af")))
    return true;
  // "als" opens a condition ("als het niet lukt"), not "zo snel als" or "als bijlage".
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "als") continue;
    const std::string_view prev = i > 0 ? std::string_view(w[i - 1]) : "";
    const std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1]) : "";
    if (prev == "snel" || prev == "spoedig" || prev == "zo" || prev == "net" || prev == "zowel" ||
        prev == "zoals" || next == "bijlage" || next == "pdf" || next == "extra" ||
        next == "compensatie" || next == "gebaar" || next == "tegoed" || next == "volgt")
      continue;
    return true;
  }
  return false;
}

bool Negated(const std::vector<std::string>& w) {
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string& x = w[i];
    if (x != "niet" && x != "geen" && x != "nooit" && x != "not" && x != "never" && x != "no" &&
        x != "nobody" && x != "niemand" && x != "unable" && x != "impossible" &&
        x != "onmogelijk" && x != "helaas" && x != "unfortunately")
      continue;
    // "no later than", "niet later dan", "niet meer dan": a bound, not a no.
    if (i + 1 < w.size() && (w[i + 1] == "later" || w[i + 1] == "meer" || w[i + 1] == "more"))
      continue;
    return true;
  }
  return false;
}

bool ExpectedThing(const std::vector<std::string>& c, size_t from, size_t within);

bool Habitual(const std::vector<std::string>& w) {
  if (HasAny(
          w,
          {"meestal",    "doorgaans", "normaal",   "normaliter",   "gemiddeld",      "usually",
           "normally",   "typically", "generally", "average",      "altijd",         "always",
           "vaak",       "often",     "standaard", "gewoonlijk",   "openingstijden", "geopend",
           "bereikbaar", "duurt",     "takes",     "bestellingen", "orders",         "pakketten",
           "parcels",    "aanvragen", "requests",  "klanten",      "customers",      "elke",
           "iedere",     "every",     "each",      "policy",       "beleid",         "voorwaarden",
           "terms",      "soms",      "sometimes", "weekdays",     "weekends",       "maandags",
           "zaterdags",  "zondags",   "mondays",   "saturdays",    "sundays"}) ||
      HasPair(w, "op", "werkdagen") || HasPair(w, "op", "weekdagen"))
    return true;
  // "we kunnen u bellen", "I can send": an offer or a possibility; but not a purpose ("so you
  // can", "zodat u het kan", ", dan kunt u") or what to expect ("you can expect a call").
  for (size_t i = 0; i < w.size(); ++i) {
    if (!IsAnyOf(w[i], {"kan", "can", "could", "kunnen"})) continue;
    bool purpose = false;
    for (size_t k = 0; k < i; ++k)
      if (w[k] == "zodat" || (w[k] == "so" && k + 3 >= i) ||
          (w[k] == "dan" && k > 0 && w[k - 1] == "," && k + 4 >= i))
        purpose = true;
    const bool expect =
        HasAny(w, {"expect", "verwachten", "rekenen", "count"}) && ExpectedThing(w, 0, w.size());
    if (!purpose && !expect) return true;
  }
  return false;
}

// The desk's or the customer's sending of what is already attached.
bool Herewith(const std::string& text) {
  for (std::string_view s : {"hierbij", "in de bijlage", "bijgevoegd", "bijgaand", "attached",
                             "herewith", "please find", "enclosed", "hieronder", "below"})
    if (text.find(s) != std::string::npos) return true;
  return false;
}

bool Past(const std::vector<std::string>& w) {
  if (HasAny(w, {"gisteren",  "yesterday", "vorige",   "afgelopen", "last",     "ago",
                 "geleden",   "eerder",    "earlier",  "already",   "reeds",    "was",
                 "were",      "waren",     "did",      "sent",      "called",   "emailed",
                 "rang",      "spoke",     "received", "gedaan",    "gestuurd", "gebeld",
                 "verstuurd", "gemaild",   "besteld",  "ordered",   "arranged", "geregeld"}))
    return true;
  // A perfect: "heb ... gestuurd", "have sent", "is ... ontvangen"; in the main clause, not in
  // "ik zorg ervoor dat het is doorgevoerd".
  const auto main_end = std::find_if(
      w.begin(), w.end(), [](const std::string& x) { return x == "dat" || x == "that"; });
  const std::vector<std::string> main(w.begin(), main_end);
  const bool aux = HasAny(main, {"heb", "hebben", "heeft", "hebt", "had", "hadden", "have", "has",
                                 "is", "zijn", "werd", "werden"});
  if (!aux) return false;
  for (const std::string& x : main)
    if ((x.size() >= 5 && x.compare(0, 2, "ge") == 0 &&
         (x.back() == 'd' || x.back() == 't' || x.back() == 'n')) ||
        SeparableParticiple(x) || x == "ontvangen" || x == "verstuurd" || x == "betaald" ||
        x == "verzonden" || (x.size() >= 4 && x.ends_with("ed")))
      return true;
  return false;
}

bool Future(const std::vector<std::string>& w) {
  return HasAny(w, {"will", "shall", "zal", "zullen", "zult", "ga", "gaan", "gaat", "going",
                    "wordt", "worden", "ontvangt", "krijgt", "hoort", "receive", "get", "komt",
                    "komen", "hear"}) ||
         HasPair(w, "is", "being") || HasPair(w, "are", "being");
}

bool FirstPersonUs(const std::vector<std::string>& w) {
  return HasAny(
      w, {"ik", "wij", "we", "i", "onze", "our", "collega", "colleague", "monteur", "technicus",
          "technician", "engineer", "someone", "iemand", "team", "afdeling"});
}

// "u ontvangt", "you will receive", "uw geld wordt", "your refund will be".
bool ThirdPartyDelivery(const std::vector<std::string>& w) {
  for (std::string_view verb : {"ontvangt", "krijgt", "hoort", "heeft", "hebt", "heb", "ontvang"})
    for (std::string_view you : {"u", "je", "jij"})
      if (HasPair(w, verb, you) || HasPair(w, you, verb))
        return true;  // "de creditnota ontvangt u", "die heb je", "u heeft het geld"
  if (HasPair(w, "u", "ontvangt") || HasPair(w, "u", "krijgt") || HasPair(w, "je", "ontvangt") ||
      HasPair(w, "je", "krijgt") || HasPair(w, "jij", "krijgt") || HasPair(w, "u", "hoort") ||
      HasPair(w, "u", "wordt") || HasPair(w, "je", "wordt") || HasPair(w, "you", "will") ||
      HasPair(w, "you", "should") || HasPair(w, "it", "will") || HasPair(w, "they", "will"))
    return true;
  // "will be delivered", "is being processed"
  if (HasPair(w, "will", "be") || HasPair(w, "is", "being") || HasPair(w, "are", "being"))
    return true;
  // "uw pakket wordt", "your refund will", "het bedrag staat"
  for (size_t i = 0; i + 2 < w.size(); ++i)
    if ((w[i] == "uw" || w[i] == "your" || w[i] == "het" || w[i] == "de" || w[i] == "the" ||
         w[i] == "je") &&
        (w[i + 2] == "wordt" || w[i + 2] == "worden" || w[i + 2] == "will" || w[i + 2] == "staat" ||
         w[i + 2] == "komt" || w[i + 2] == "gaat" || w[i + 2] == "is"))
      return true;
  return false;
}

// Verbs of doing something for the other side (present tense is future in
// Dutch: "ik stuur het vrijdag op").
bool ActionVerb(const std::vector<std::string>& w) {
  return HasStem(
      w, {"stur",    "betal",      "late",      "leg",      "zet",      "verwerk", "geef",
          "geven",   "activ",      "verplaats", "annuleer", "blokkeer", "wijzig",  "bevestig",
          "confirm", "cancel",     "move",      "hear",     "give",     "fill",    "vul",
          "post",    "bring",      "take",      "finish",   "sign",     "teken",   "bel",
          "stuur",   "mail",       "regel",     "zorg",     "neem",     "laat",    "betaal",
          "maak",    "breng",      "stort",     "vergoed",  "repareer", "vervang", "zoek",
          "kijk",    "controleer", "informeer", "houd",     "hou",      "plan",    "boek",
          "verzend", "lever",      "kom",       "upload",   "call",     "ring",    "send",
          "email",   "arrange",    "sort",      "pay",      "transfer", "refund",  "repair",
          "replace", "fix",        "look",      "update",   "keep",     "book",    "schedule",
          "ship",    "deliver",    "return",    "get",      "make",     "credit",  "process",
          "contact", "reach",      "follow",    "check",    "ensure",   "drop",    "upload",
          "forward", "doorsturen", "stuur"});
}

// Where a purpose of the other side's begins ("zodat u het kunt terugsturen", "so you can send
// it back"), or the end of the text.
size_t PurposeAt(const std::string& text) {
  size_t at = text.size();
  for (std::string_view cue : {" zodat ", " so you ", " so that ", ", dan kunt ", ", dan kan "})
    at = std::min(at, text.find(cue));
  return at;
}

// What only the customer has or does; `w` up to a purpose of theirs.
bool CustomerObject(std::vector<std::string> w, const std::string& text) {
  w.erase(std::find_if(w.begin(), w.end(),
                       [](const std::string& x) { return x == "zodat" || x == "so"; }),
          w.end());
  return HasStem(w, {"foto",          "photo",         "picture",       "kassabon",    "receipt",
                     "aankoopbewijs", "aankoopbon",    "bankafschrift", "screenshot",  "meterstand",
                     "serienummer",   "serial",        "pasfoto",       "proof",       "bewijs",
                     "bon",           "garantiebewij", "machtiging",    "legitimatie", "paspoort",
                     "passport",      "ingevuld",      "bonnetje",      "jullie"}) ||
         Mentions(text,
                  {"fill in",      "fill out",        "invullen",    "vul het",     "vul ik",
                   "send it back", "stuur het terug", "terugsturen", "post office", "postkantoor",
                   "drop the",     "drop it",         "breng het",   "bring it",    "inleveren",
                   "lever het",    "aan jullie",      "to you guys", "ik betaal",   "i will pay"});
}

// ---------------------------------------------------------------------------
// The committing patterns, in word order: a words-in-a-bag test fires on
// "I'm here to help you find out when it is going to arrive".

// Deeds for the other side, English and Dutch (stems).
bool DeedStem(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      // English
      "call", "ring", "phone", "send", "sent", "email", "e-mail", "mail", "text", "contact",
      "reach", "follow", "let", "keep", "updat", "inform", "notif", "arrang", "organi", "book",
      "schedul", "refund", "reimburs", "credit", "replac", "repair", "fix", "exchang", "ship",
      "deliver", "dispatch", "post", "return", "collect", "pick", "come", "visit", "stop", "drop",
      "transfer", "pay", "cancel", "process", "check", "look", "investigat", "escalat", "forward",
      "pass", "review", "confirm", "activat", "reset", "unlock", "waiv", "issu", "make", "ensur",
      "sort", "handl", "take", "resolv", "upload", "bring", "fill", "sign", "submit", "order",
      "put", "prepar", "settl", "give", "get", "hear", "switch", "reactivat", "unlock", "move",
      "migrat", "upgrad", "downgrad", "adjust", "restor", "renew", "extend", "reinstat", "have",
      "chase", "correct", "amend", "remov", "install", "reply", "repli", "respond", "answer",
      "compensat", "promis", "courier", "expedit", "rais", "lodg", "cover",
      // Dutch
      "bel", "stuur", "stur", "verstuur", "verstur", "mail", "app", "neem", "nem", "laat", "late",
      "kom", "regel", "zorg", "boek", "plan", "stort", "betaal", "betal", "maak", "make", "vergoed",
      "vervang", "repareer", "reparer", "verzend", "lever", "haal", "halen", "geef", "geven",
      "informeer", "informer", "controleer", "controler", "kijk", "zoek", "verwerk", "zet", "leg",
      "annuleer", "annuler", "blokkeer", "blokker", "wijzig", "bevestig", "upload", "vul", "teken",
      "onderteken", "houd", "hou", "breng", "crediteer", "crediter", "doe", "storten", "schakel",
      "activeer", "activer", "ruil", "wissel", "pak", "verplaats", "pas", "verleng", "herstel",
      "heractiveer", "deblokkeer", "ontgrendel", "bezorg", "verhelp", "lossen", "voer", "corrigeer",
      "corriger", "retourneer", "retourner", "beloven", "bespre", "overleg", "vraag", "verwijder",
      "reserveer", "reserver", "schrijf", "schrijv", "verstrek", "compenseer", "compenser"};
  for (std::string_view stem : kStems)
    if (w.size() >= stem.size() && w.compare(0, stem.size(), stem) == 0) return true;
  return false;
}

bool Deed(std::string_view w) {
  // Nouns that begin like a deed ("pakket", "planning", "betaling").
  for (std::string_view noun : {"pakket", "pakje", "planning", "regeling", "betaling", "levering",
                                "passage", "pasje", "laatst", "later", "leges"})
    if (w.compare(0, noun.size(), noun) == 0) return false;
  if (w == "los" || w == "beloof" || w == "belooft" || DeedStem(w)) return true;
  // English -ing without its e: "coming", "making", "taking".
  if (w.size() > 5 && w.ends_with("ing") && DeedStem(std::string(w.substr(0, w.size() - 3)) + "e"))
    return true;
  // A Dutch verb with its prefix ("terugbellen", "opsturen", "afleveren"), not a noun made of
  // one ("uitkomst", "aanvraag", "terugbetaling").
  if (w.ends_with("ing") || w.ends_with("komst") || w.ends_with("vraag")) return false;
  for (std::string_view prefix : kSeparable)
    if (w.size() >= prefix.size() + 3 && w.compare(0, prefix.size(), prefix) == 0 &&
        DeedStem(w.substr(prefix.size())))
      return true;
  return false;
}

// "i", "we", "onze monteur", "a colleague", "someone": who commits for the
// desk, ending before `*after`.
bool SubjectUs(const std::vector<std::string>& c, size_t i, size_t* after) {
  static constexpr std::string_view kPeople[] = {
      "team",       "colleague",      "colleagues",   "collega",     "collega's",     "collegas",
      "technician", "engineer",       "monteur",      "courier",     "bezorger",      "specialist",
      "adviseur",   "afdeling",       "department",   "manager",     "teamleider",    "supervisor",
      "service",    "klantenservice", "support",      "technicus",   "installateur",  "planner",
      "expert",     "medewerker",     "medewerkster", "koerier",     "vervoerder",    "chauffeur",
      "dienst",     "helpdesk",       "servicedesk",  "magazijn",    "administratie", "boekhouding",
      "planning",   "coordinator",    "loodgieter",   "elektricien", "postbode"};
  const std::string& x = c[i];
  if (x == "i" || x == "we" || x == "ik" || x == "wij" || x == "someone" || x == "iemand" ||
      x == "they") {
    *after = i + 1;
    return true;
  }
  if (x == "our" || x == "onze" || x == "ons" || x == "my" || x == "mijn" || x == "a" ||
      x == "an" || x == "een" || x == "the" || x == "de" || x == "het" || x == "one") {
    for (size_t k = i + 1; k < c.size() && k <= i + 3; ++k) {
      // adjectives between ("onze technische dienst"), not a phrase ("het met de vervoerder")
      if (k > i + 1 &&
          IsAnyOf(c[k - 1], {"met", "de", "het", "een", "van", "bij", "voor", "naar", "aan", "op",
                             "the", "a", "an", "of", "with", "to", "for", "at", "on"}))
        break;
      for (std::string_view person : kPeople)
        // also a Dutch compound: "servicemonteur", "bezorgdienst", "supportteam"
        if (c[k] == person || (c[k].size() >= person.size() + 3 && c[k].ends_with(person))) {
          *after = k + 1;
          return true;
        }
    }
  }
  return false;
}

// Deeds a shop does for everyone ("we bezorgen ook in België"): a promise only with a time.
bool Service(std::string_view w) { return w.starts_with("bezorg") || w.starts_with("lever"); }

// A deed among the `within` words from `from`.
bool DeedWithin(const std::vector<std::string>& c, size_t from, size_t within) {
  for (size_t k = from; k < c.size() && k < from + within; ++k) {
    if (IsAnyOf(c[k], {"be", "help", "assist", "guide", "try", "happy", "glad", "able"}))
      return false;  // "will be happy to help", "will try": no deed promised
    if (Deed(c[k])) return true;
  }
  return false;
}

bool Participle(const std::string& w) {
  return (w.size() > 4 && w.ends_with("ed")) ||
         IsAnyOf(
             w, {"sent",      "delivered", "refunded", "credited",    "processed", "shipped",
                 "collected", "picked",    "replaced", "repaired",    "reversed",  "returned",
                 "activated", "cancelled", "canceled", "transferred", "paid",      "dispatched",
                 "posted",    "emailed",   "called",   "contacted",   "scheduled", "booked",
                 "arranged",  "issued",    "fixed",    "resolved",    "updated",   "reimbursed"}) ||
         (w.size() > 5 && (w.compare(0, 2, "ge") == 0 || w.compare(0, 3, "ver") == 0 ||
                           w.compare(0, 5, "terug") == 0 || w.compare(0, 2, "be") == 0 ||
                           w.compare(0, 3, "op") == 0)) ||
         SeparableParticiple(w);
}

// What the other side may expect from us, among the words from `from`: "expect a call",
// "verwacht morgen een e-mail van ons"; not "expect delays".
bool ExpectedThing(const std::vector<std::string>& c, size_t from, size_t within) {
  for (size_t k = from; k < c.size() && k < from + within; ++k)
    if (IsAnyOf(c[k], {"call",     "phone",       "email",         "e-mail",       "mail",
                       "message",  "text",        "reply",         "response",     "answer",
                       "update",   "visit",       "letter",        "refund",       "delivery",
                       "parcel",   "package",     "engineer",      "technician",   "courier",
                       "invoice",  "replacement", "card",          "telefoontje",  "bericht",
                       "antwoord", "brief",       "bevestiging",   "confirmation", "monteur",
                       "pakket",   "levering",    "terugbetaling", "sms"}))
      return true;
  return false;
}

// Where a thing of ours will be for the other side, among the words from `from` (Dutch, after
// "staat", "ligt", "is"): on their account, with them, in their letterbox, ready.
bool Arrived(const std::vector<std::string>& c, size_t from) {
  for (size_t k = from; k < c.size(); ++k) {
    if (c[k] == "klaar" || c[k] == "retour") return true;
    if (k + 1 < c.size() && c[k] == "bij" && IsAnyOf(c[k + 1], {"u", "je", "jou"})) return true;
    if (k + 1 < c.size() && c[k] == "in" && IsAnyOf(c[k + 1], {"huis", "uw", "je"})) return true;
    if (k + 2 < c.size() && c[k] == "in" && c[k + 1] == "de" &&
        IsAnyOf(c[k + 2], {"bus", "brievenbus", "mailbox", "app"}))
      return true;
    if (k + 2 < c.size() && c[k] == "op" && IsAnyOf(c[k + 1], {"uw", "je", "jouw", "jullie"}) &&
        IsAnyOf(c[k + 2], {"rekening", "bankrekening", "kaart", "creditcard", "account"}))
      return true;
  }
  return false;
}

// Whether the clause commits someone, by one of the patterns above.
// `future_time`: the sentence names a moment to come or "as soon as possible"; `timed`: a moment.
bool Commits(const std::vector<std::string>& c, bool future_time, bool timed, bool english) {
  const size_t n = c.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& x = c[i];
    size_t k = 0;
    if (SubjectUs(c, i, &k) && k < n) {
      // "mijn collega van de technische dienst belt u": a longer subject
      // (not "our support team is available to answer")
      // In English a present commits only with a time ("we deliver throughout the UK").
      if (k > i + 1 && (future_time || !english) &&
          !IsAnyOf(c[k], {"will", "shall", "zal", "zullen"}))
        for (size_t m = k; m < n && m < k + 5; ++m) {
          if (IsAnyOf(c[m],
                      {"is", "are", "was", "were", "has", "have", "had", "can", "could", "would",
                       "may", "might", "must", "should", "available", "able", "te", "to", "om"}))
            break;
          if (Deed(c[m]) && !c[m].ends_with("ed")) return true;
        }
      // I will call, we'll send, our technician will come
      if (IsAnyOf(c[k], {"will", "shall"}) && DeedWithin(c, k + 1, 3)) return true;
      // we'll be sending, a colleague will be calling you
      if (k + 2 < n && IsAnyOf(c[k], {"will", "shall"}) && c[k + 1] == "be" &&
          c[k + 2].ends_with("ing") && Deed(c[k + 2]))
        return true;
      // we aim to, I promise to, we plan to: a deed of ours, not a policy for all
      if (timed && k + 1 < n && IsAnyOf(c[k], {"aim", "intend", "plan", "promise"}) &&
          c[k + 1] == "to" && DeedWithin(c, k + 2, 2) &&
          !HasAny(c, {"all", "any", "every", "alle"}))
        return true;
      // I'm going to send, we are going to arrange
      if (k + 2 < n && IsAnyOf(c[k], {"am", "are", "is"}) && c[k + 1] == "going" &&
          c[k + 2] == "to" && DeedWithin(c, k + 3, 2))
        return true;
      // we are sending it tomorrow
      if (future_time && k + 1 < n && IsAnyOf(c[k], {"am", "are", "is"}) && c[k + 1].size() > 4 &&
          c[k + 1].ends_with("ing") && Deed(c[k + 1]))
        return true;
      // ik zal ... bellen, we gaan ... regelen: the verb closes the Dutch clause
      if (IsAnyOf(c[k], {"zal", "zullen", "ga", "gaan", "gaat"}) && DeedWithin(c, k + 1, n))
        return true;
      // ik stuur, we bellen, wij zorgen, de monteur komt (Dutch present for future)
      if (!IsAnyOf(c[k], {"be", "help", "assist"}) && !c[k].ends_with("ed") && Deed(c[k]) &&
          (future_time || (!Service(c[k]) && !english)) &&
          (c[i] == "ik" || c[i] == "we" || c[i] == "wij" || c[i] == "iemand" || k > i + 1))
        return true;
    }
    // Dutch inversion after a time or an object: "morgen bel ik u", "dan sturen we"
    if (i + 1 < n && Deed(x) && (future_time || (!Service(x) && !english)) &&
        IsAnyOf(c[i + 1], {"ik", "we", "wij"}))
      return true;
    // "woensdag komt onze installateur"
    if (i > 0 && i + 1 < n && Deed(x) && (future_time || !english) && SubjectUs(c, i + 1, &k) &&
        !IsAnyOf(c[i + 1], {"i", "we", "they", "a", "an", "the", "our", "my", "one"}))
      return true;
    if (i + 1 < n && IsAnyOf(x, {"zal", "zullen", "ga", "gaan"}) &&
        IsAnyOf(c[i + 1], {"ik", "we", "wij"}) && DeedWithin(c, i + 2, n))
      return true;
    // you will receive / you'll hear from us / you'll get; not "you will have to pay"
    if (x == "you" && i + 2 < n && c[i + 1] == "will" &&
        IsAnyOf(c[i + 2], {"receive", "get", "hear", "have", "be", "see", "find"}))
      return (c[i + 2] != "be" || (i + 3 < n && Participle(c[i + 3]))) &&
             !(c[i + 2] == "have" && i + 3 < n && c[i + 3] == "to");
    // "you should receive the refund within 5 days": what the other side may count on, with a
    // time (not "you should have received", not "you should send us")
    if (future_time && x == "you" && i + 2 < n && c[i + 1] == "should" &&
        IsAnyOf(c[i + 2], {"receive", "get", "hear", "have", "see"}) &&
        !(i + 3 < n && (Participle(c[i + 3]) || c[i + 3] == "to")))
      return true;
    // "your parcel will arrive on Monday", "the card should arrive within 5 days", "it should be
    // with you by Friday": what is on its way to the other side, with a time
    if (future_time && IsAnyOf(x, {"will", "should"}) && i > 0 && i + 1 < n &&
        !IsAnyOf(c[i - 1], {"i", "you", "he", "she", "they", "there", "what", "which", "who"}) &&
        !HasAny(c, {"my", "mine"}) &&
        (IsAnyOf(c[i + 1], {"arrive", "reach", "land", "appear", "show"}) ||
         (IsAnyOf(c[i + 1], {"go", "come"}) && i + 2 < n &&
          IsAnyOf(c[i + 2], {"back", "out", "through", "to", "in"})) ||
         (c[i + 1] == "be" && i + 2 < n && IsAnyOf(c[i + 2], {"back", "with", "in", "on"}))))
      return true;
    // "expect a call from us tomorrow", "you can expect an e-mail": a thing of ours to expect
    if (future_time && IsAnyOf(x, {"expect", "verwacht"}) &&
        (i == 0 || IsAnyOf(c[i - 1], {"please", "can", "may", "will"})) &&
        ExpectedThing(c, i + 1, 5))
      return true;
    // "u kunt morgen een nieuwe pas verwachten", "you can expect a call tomorrow" (not "when
    // you can expect")
    if (IsAnyOf(x, {"u", "je", "you"}) && i + 1 < n && IsAnyOf(c[i + 1], {"kunt", "kan", "can"}) &&
        (future_time || x != "you") && (i == 0 || !IsAnyOf(c[i - 1], {"when", "wanneer"})))
      for (size_t m = i + 2; m < n && m < i + 8; ++m)
        if (IsAnyOf(c[m], {"verwachten", "expect", "rekenen", "count"})) return true;
    // u ontvangt, je krijgt, u hoort; ontvangt u, krijgt u
    if (IsAnyOf(x, {"u", "je", "jij"}) && i + 1 < n &&
        IsAnyOf(c[i + 1], {"ontvangt", "krijgt", "hoort"}))
      return true;
    if (IsAnyOf(x, {"ontvangt", "krijgt", "hoort"}) && i + 1 < n &&
        IsAnyOf(c[i + 1], {"u", "je", "jij"}))
      return true;
    // "u heeft het geld vrijdag terug", "die heb je binnen drie werkdagen"
    if (future_time && i + 1 < n &&
        ((IsAnyOf(x, {"u", "je"}) && IsAnyOf(c[i + 1], {"heeft", "hebt"})) ||
         (IsAnyOf(x, {"heeft", "hebt", "heb"}) && IsAnyOf(c[i + 1], {"u", "je"}))))
      return true;
    // "your order is being shipped today" (with a time)
    if (future_time && i + 2 < n && IsAnyOf(x, {"is", "are"}) && c[i + 1] == "being" &&
        Participle(c[i + 2]))
      return true;
    // "het geld staat vrijdag op uw rekening", "de pas ligt binnen 5 werkdagen in de bus", "de
    // router is morgen bij u", "de reparatie is vrijdag klaar" (with a time)
    if (future_time && i > 0 &&
        IsAnyOf(x, {"staat", "staan", "ligt", "liggen", "is", "zijn", "ben"}) && Arrived(c, i + 1))
      return true;
    // "uw pakket komt morgen aan", "het retourlabel volgt vandaag per e-mail" (with a time; not
    // "u volgt", "mijn pakket komt")
    if (future_time && i > 0 && IsAnyOf(x, {"komt", "komen", "arriveert", "volgt", "volgen"}) &&
        !IsAnyOf(c[i - 1], {"ik", "u", "je", "jij", "we", "wij", "als", "zoals"}) &&
        !(i + 1 < n && IsAnyOf(c[i + 1], {"ik", "u", "je", "jij", "we", "wij"})) &&
        !(i + 1 < n && c[i + 1] == "er") && c[i - 1] != "er" && c.back() != "uit" &&
        !Has(c, "mijn"))
      return true;
    // "de bezorging vindt morgen tussen 14 en 18 uur plaats" (with a time)
    if (future_time && IsAnyOf(x, {"vindt", "vinden"}) && c.back() == "plaats") return true;
    // will be delivered; wordt ... bezorgd (with a time)
    if (x == "will" && i + 2 < n && c[i + 1] == "be" &&
        (Participle(c[i + 2]) || IsAnyOf(c[i + 2], {"back", "with", "there", "in"})))
      return true;
    // anyone (but "it", "this", "you") will + a deed: "the glazier will come round"
    if (x == "will" && i > 0 &&
        !IsAnyOf(c[i - 1],
                 {"it", "this", "that", "which", "there", "what", "who", "he", "she", "u", "je"}) &&
        DeedWithin(c, i + 1, 2))
      return true;
    // "uw laptop is morgen gerepareerd"
    if (future_time && IsAnyOf(x, {"is", "zijn"}))
      for (size_t m = i + 1; m < n && m < i + 5; ++m)
        if (Participle(c[m]) && c[m].compare(0, 2, "ge") == 0) return true;
    if (future_time && IsAnyOf(x, {"wordt", "worden"}))
      for (size_t m = i + 1; m < n; ++m)
        if (Participle(c[m])) return true;
    // the customer's part, restated: "u stuurt ons", "stuurt u ons", "you'll send us"
    if (IsAnyOf(x, {"u", "je"}) && i + 1 < n && Deed(c[i + 1]) && HasAny(c, {"ons"})) return true;
    if (i + 1 < n && Deed(x) && IsAnyOf(c[i + 1], {"u", "je"}) && HasAny(c, {"ons"})) return true;
  }
  return false;
}

// What we have set in motion for a moment to come: "I've booked an engineer for Tuesday", "ik
// heb een collega gevraagd u morgen terug te bellen"; not "I have asked you to send…".
bool Arranged(const std::vector<std::string>& c) {
  const size_t n = c.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!IsAnyOf(c[i], {"i", "we", "ik", "wij"})) continue;
    size_t k = i + 1;
    if (!IsAnyOf(c[k], {"have", "heb", "hebben", "hebt"})) continue;
    bool you = false;  // "ik heb u gevraagd…"
    for (size_t m = k + 1; m < n && m <= k + 8; ++m) {
      if (IsAnyOf(c[m], {"you", "u", "je", "jou", "jullie"})) you = true;
      const bool asked =
          IsAnyOf(c[m], {"asked", "requested", "instructed", "gevraagd", "verzocht"});
      if (!asked && !IsAnyOf(c[m], {"arranged", "booked", "scheduled", "planned", "organised",
                                    "organized", "reserved", "ingepland", "gepland", "geregeld",
                                    "gereserveerd", "afgesproken", "aangevraagd", "geboekt"}))
        continue;
      // "I have asked you to send…", "ik heb u gevraagd": a request to the other side
      // "I have asked for a reset": what the writer asked for
      return !(asked && (you || (m + 1 < n && IsAnyOf(c[m + 1], {"you", "for", "about", "om"}))));
    }
  }
  return false;
}

}  // namespace

std::string_view ToString(PromiseKind k) {
  switch (k) {
    case PromiseKind::kCallback:
      return "callback";
    case PromiseKind::kSendInformation:
      return "send_information";
    case PromiseKind::kRepairReplace:
      return "repair_replace";
    case PromiseKind::kRefund:
      return "refund";
    case PromiseKind::kVisit:
      return "visit";
    case PromiseKind::kPayment:
      return "payment";
    case PromiseKind::kDocuments:
      return "documents";
    case PromiseKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<PromiseKind> ParsePromiseKind(std::string_view s) {
  for (PromiseKind k : {PromiseKind::kCallback, PromiseKind::kSendInformation,
                        PromiseKind::kRepairReplace, PromiseKind::kRefund, PromiseKind::kVisit,
                        PromiseKind::kPayment, PromiseKind::kDocuments, PromiseKind::kOther})
    if (ToString(k) == s) return k;
  return std::nullopt;
}

std::string_view ToString(PromiseParty p) { return p == PromiseParty::kUs ? "us" : "customer"; }

std::optional<Commitment> DetectCommitment(std::string_view text, const TimeReference& ref) {
  for (const Sentence& s : Sentences(text)) {
    const std::string_view raw = text.substr(s.begin, s.end - s.begin);
    const std::string folded = Unquoted(Fold(raw));
    const std::vector<std::string> w = Words(folded);
    if (w.size() < 2 || s.list_item || Question(s, w) || Conditional(w) || Habitual(w) ||
        Herewith(folded))
      continue;
    // An imperative ("Stuur ons de foto's", "Please call us") asks the other side.
    if (StartsWithAny(w, {"stuur",  "bel",    "mail",    "neem",       "vul",  "kijk", "geef",
                          "upload", "please", "gelieve", "send",       "call", "fill", "contact",
                          "let",    "reply",  "check",   "controleer", "klik", "click"}) &&
        !(w.size() > 1 && (w[1] == "ik" || w[1] == "we" || w[1] == "wij" || w[1] == "i" ||
                           w[1] == "me" || w[1] == "us" || w[1] == "expect")))
      continue;
    // The clause that commits: split at commas and "maar"/"but"; the first
    // that commits, with no negation or habit in it.
    std::vector<std::vector<std::string>> clauses(1);
    for (const std::string& word : w) {
      if (word == "," || word == "maar" || word == "but" || word == "want" || word == "because" ||
          word == "omdat") {
        if (!clauses.back().empty()) clauses.emplace_back();
        continue;
      }
      clauses.back().push_back(word);
    }
    const auto due = FindTime(raw, ref);
    const bool future_time = (due && due->span && due->span->end > ref.now) || (due && due->asap);
    const bool past_time = due && due->span && due->span->end <= ref.now;
    for (const auto& c : clauses) {
      if (c.empty() || Negated(c)) continue;
      // "ik heb een monteur ingepland voor dinsdag": done now, for a moment to come.
      const bool arranged = future_time && Arranged(c);
      if (!arranged &&
          !Commits(c, future_time, due && due->span && !past_time, ref.language == Language::kEn))
        continue;
      if (past_time || (!arranged && Past(c) && !Future(c))) continue;
      // "I would like you to call", "ik wil graag": wishes, not commitments.
      if (HasAny(c, {"wil", "want", "wish", "like", "zou", "would", "willen", "hoop", "hope"}) &&
          !HasAny(c, {"will", "zal", "zullen"}))
        continue;
      const bool first_person = HasAny(c, {"ik", "i", "wij", "we"});
      // "u stuurt ons", "you'll send us": the customer's part, restated.
      const bool you_for_us =
          HasAny(c, {"u", "you", "je", "jij"}) && HasAny(c, {"ons", "us"}) && !first_person &&
          !HasPair(c, "van", "ons") && !HasPair(c, "from", "us") &&
          HasStem(c, {"stuur", "send", "post", "mail", "geef", "give", "lever", "return", "breng",
                      "bring", "upload", "betaal", "pay", "maak", "teken", "sign", "vul", "fill"});
      Commitment out;
      out.kind = KindOf(c, folded);
      if (out.kind == PromiseKind::kPayment || you_for_us ||
          (first_person && CustomerObject(c, folded.substr(0, PurposeAt(folded)))))
        out.by = PromiseParty::kCustomer;
      if (due && due->span && due->span->end > ref.now) out.due = due->span;
      out.asap = due && due->asap;
      out.begin = s.begin;
      out.end = s.end;
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace luister
