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
               {"terugbel", "opbel", "call you", "call back", "ring you", "give you a call",
                "phone you", "telefonisch", "call me", "bel je", "bel u", "bellen u", "bellen je",
                "bel ik", "bellen we", "bellen wij", "bel jullie", "ring back", "phone back"}) ||
      (HasAny(w, {"call", "ring", "phone", "bel", "bellen", "belt"}) &&
       HasAny(w, {"you", "u", "je", "back", "jou", "jullie", "terug"})))
    return PromiseKind::kCallback;
  if (Mentions(text, {"monteur", "technicus", "technician", "engineer", "installateur", "come by",
                      "come round", "come over", "stop by", "pop in", "pop round", "visit",
                      "bezoek", "langskom"}) ||
      (HasAny(w, {"komt", "komen", "kom"}) && Has(w, "langs")))
    return PromiseKind::kVisit;
  // A credit note is a document, not the money.
  if (Mentions(text, {"creditnota", "credit note", "credit memo"})) return PromiseKind::kDocuments;
  if (Mentions(text, {"terugbetaal",     "terugbetaling",  "terugstort",     "teruggestort",
                      "restitutie",      "refund",         "reimburs",       "gecrediteerd",
                      "vergoed",         "terugboek",      "revers",         "geld terug",
                      "money back",      "deposit",        "borg",           "overpaid",
                      "te veel betaald", "teveel betaald", "op uw rekening", "op je rekening",
                      "to your account", "back to your",   "amount back",    "bedrag terug",
                      "verschil",        "difference"}) ||
      (Has(w, "terug") && Mentions(text, {"geld", "bedrag", "kosten", "euro", "betaling"})))
    return PromiseKind::kRefund;
  if (Mentions(text, {"betaal", "betalen", "betaling", "overmaak", "overmaken", "overschrijv",
                      "voldoen", "voldoe", "pay", "afbetal", "termijn", "instalment", "installment",
                      "transfer the", "settle the", "het bedrag over"}) ||
      (HasAny(w, {"maak", "maken", "maakt"}) && Has(w, "over") &&
       Mentions(text, {"geld", "bedrag", "huur", "factuur", "rekening", "euro", "termijn"})))
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
  if (HasAny(w, {"if",        "unless",    "indien",  "mocht",     "mochten",   "mits",    "tenzij",
                 "provided",  "otherwise", "anders",  "eventueel", "possibly",  "perhaps", "maybe",
                 "misschien", "wellicht",  "might",   "hopelijk",  "hopefully", "hope",    "hoop",
                 "hopen",     "proberen",  "probeer", "try",       "proberen",  "zodra",   "once"}))
    return true;
  if (HasPair(w, "in", "case") || HasPair(w, "as", "long")) return true;
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

bool Habitual(const std::vector<std::string>& w) {
  return HasAny(w, {"meestal",    "doorgaans",      "normaal",   "normaliter", "gemiddeld",
                    "usually",    "normally",       "typically", "generally",  "average",
                    "altijd",     "always",         "vaak",      "often",      "standaard",
                    "gewoonlijk", "openingstijden", "geopend",   "bereikbaar", "duurt",
                    "takes",      "bestellingen",   "orders",    "pakketten",  "parcels",
                    "aanvragen",  "requests",       "klanten",   "customers",  "elke",
                    "iedere",     "every",          "each",      "kan",        "can",
                    "could",      "kunnen",         "policy",    "beleid",     "voorwaarden",
                    "terms"});
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
  // A perfect: "heb ... gestuurd", "have sent", "is ... ontvangen".
  const bool aux = HasAny(w, {"heb", "hebben", "heeft", "hebt", "had", "hadden", "have", "has",
                              "is", "zijn", "werd", "werden"});
  if (!aux) return false;
  for (const std::string& x : w)
    if ((x.size() >= 5 && x.compare(0, 2, "ge") == 0 &&
         (x.back() == 'd' || x.back() == 't' || x.back() == 'n')) ||
        x == "ontvangen" || x == "verstuurd" || x == "betaald" || x == "verzonden" ||
        (x.size() >= 4 && x.ends_with("ed")))
      return true;
  return false;
}

bool Future(const std::vector<std::string>& w) {
  return HasAny(
      w, {"will", "shall", "zal", "zullen", "zult", "ga", "gaan", "gaat", "going", "wordt",
          "worden", "ontvangt", "krijgt", "hoort", "receive", "get", "komt", "komen", "hear"});
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

bool CustomerObject(const std::vector<std::string>& w, const std::string& text) {
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
bool Deed(std::string_view w) {
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
      // Dutch
      "bel", "stuur", "stur", "verstuur", "mail", "app", "neem", "nem", "laat", "late", "kom",
      "regel", "zorg", "boek", "plan", "stort", "betaal", "betal", "maak", "make", "vergoed",
      "vervang", "repareer", "repareren", "verzend", "lever", "haal", "geef", "geven", "informeer",
      "controleer", "kijk", "zoek", "verwerk", "zet", "leg", "annuleer", "blokkeer", "wijzig",
      "bevestig", "upload", "vul", "teken", "onderteken", "houd", "hou", "breng", "crediteer",
      "doe", "kom", "storten", "schakel", "activeer", "ruil", "wissel", "pak", "verplaats", "zet",
      "pas", "verleng", "herstel", "heractiveer", "deblokkeer", "ontgrendel"};
  for (std::string_view stem : kStems)
    if (w.size() >= stem.size() && w.compare(0, stem.size(), stem) == 0) return true;
  return false;
}

// "i", "we", "onze monteur", "a colleague", "someone": who commits for the
// desk, ending before `*after`.
bool SubjectUs(const std::vector<std::string>& c, size_t i, size_t* after) {
  static constexpr std::string_view kPeople[] = {
      "team",     "colleague",  "colleagues",   "collega",  "collega's",
      "collegas", "technician", "engineer",     "monteur",  "courier",
      "bezorger", "specialist", "adviseur",     "afdeling", "department",
      "manager",  "teamleider", "supervisor",   "service",  "klantenservice",
      "support",  "technicus",  "installateur", "planner",  "expert"};
  const std::string& x = c[i];
  if (x == "i" || x == "we" || x == "ik" || x == "wij" || x == "someone" || x == "iemand" ||
      x == "they") {
    *after = i + 1;
    return true;
  }
  if (x == "our" || x == "onze" || x == "ons" || x == "my" || x == "mijn" || x == "a" ||
      x == "an" || x == "een" || x == "the" || x == "de" || x == "het" || x == "one") {
    for (size_t k = i + 1; k < c.size() && k <= i + 3; ++k)
      for (std::string_view person : kPeople)
        if (c[k] == person) {
          *after = k + 1;
          return true;
        }
  }
  return false;
}

bool IsAnyOf(const std::string& w, std::initializer_list<std::string_view> ws) {
  for (auto x : ws)
    if (w == x) return true;
  return false;
}

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
                           w.compare(0, 3, "op") == 0));
}

// Whether the clause commits someone, by one of the patterns above.
bool Commits(const std::vector<std::string>& c, bool future_time) {
  const size_t n = c.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& x = c[i];
    size_t k = 0;
    if (SubjectUs(c, i, &k) && k < n) {
      // "mijn collega van de technische dienst belt u": a longer subject
      if (k > i + 1 && !IsAnyOf(c[k], {"will", "shall", "zal", "zullen"}))
        for (size_t m = k; m < n && m < k + 5; ++m)
          if (Deed(c[m]) && !c[m].ends_with("ed")) return true;
      // I will call, we'll send, our technician will come
      if (IsAnyOf(c[k], {"will", "shall"}) && DeedWithin(c, k + 1, 3)) return true;
      // I'm going to send, we are going to arrange
      if (k + 2 < n && IsAnyOf(c[k], {"am", "are", "is"}) && c[k + 1] == "going" &&
          c[k + 2] == "to" && DeedWithin(c, k + 3, 2))
        return true;
      // we are sending it tomorrow
      if (future_time && k + 1 < n && IsAnyOf(c[k], {"am", "are", "is"}) && c[k + 1].size() > 4 &&
          c[k + 1].ends_with("ing") && Deed(c[k + 1]))
        return true;
      // ik zal ... bellen, we gaan ... regelen
      if (IsAnyOf(c[k], {"zal", "zullen", "ga", "gaan", "gaat"}) && DeedWithin(c, k + 1, 8))
        return true;
      // ik stuur, we bellen, wij zorgen, de monteur komt (Dutch present for future)
      if (!IsAnyOf(c[k], {"be", "help", "assist"}) && !c[k].ends_with("ed") && Deed(c[k]) &&
          (c[i] == "ik" || c[i] == "we" || c[i] == "wij" || c[i] == "iemand" || k > i + 1))
        return true;
    }
    // Dutch inversion after a time or an object: "morgen bel ik u", "dan sturen we"
    if (i + 1 < n && Deed(x) && IsAnyOf(c[i + 1], {"ik", "we", "wij"})) return true;
    // "woensdag komt onze installateur"
    if (i > 0 && i + 1 < n && Deed(x) && SubjectUs(c, i + 1, &k) && c[i + 1] != "i" &&
        c[i + 1] != "we" && c[i + 1] != "they")
      return true;
    if (i + 1 < n && IsAnyOf(x, {"zal", "zullen", "ga", "gaan"}) &&
        IsAnyOf(c[i + 1], {"ik", "we", "wij"}) && DeedWithin(c, i + 2, 8))
      return true;
    // you will receive / you'll hear from us / you'll get
    if (x == "you" && i + 2 < n && c[i + 1] == "will" &&
        IsAnyOf(c[i + 2], {"receive", "get", "hear", "have", "be", "see", "find"}))
      return x == "you" && (c[i + 2] != "be" || (i + 3 < n && Participle(c[i + 3])));
    // "u kunt morgen een nieuwe pas verwachten", "you can expect a call"
    if (IsAnyOf(x, {"u", "je", "you"}) && i + 1 < n && IsAnyOf(c[i + 1], {"kunt", "kan", "can"}))
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
                           w[1] == "me" || w[1] == "us")))
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
      if (!Commits(c, future_time)) continue;
      if (past_time || (Past(c) && !Future(c))) continue;
      // "I would like you to call", "ik wil graag": wishes, not commitments.
      if (HasAny(c, {"wil", "want", "wish", "like", "zou", "would", "willen", "hoop", "hope"}) &&
          !HasAny(c, {"will", "zal", "zullen"}))
        continue;
      const bool first_person = HasAny(c, {"ik", "i", "wij", "we"});
      // "u stuurt ons", "you'll send us": the customer's part, restated.
      const bool you_for_us =
          HasAny(c, {"u", "you", "je", "jij"}) && HasAny(c, {"ons", "us"}) && !first_person &&
          HasStem(c, {"stuur", "send", "post", "mail", "geef", "give", "lever", "return", "breng",
                      "bring", "upload", "betaal", "pay", "maak", "teken", "sign", "vul", "fill"});
      Commitment out;
      out.kind = KindOf(c, folded);
      if (out.kind == PromiseKind::kPayment || you_for_us ||
          (first_person && CustomerObject(c, folded)))
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
