// Reading a text for the consistency check: its tokens, sentences and
// clauses, and what each says (Reader).

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <sstream>
#include <unordered_map>

#include "domain/answer_consistency_internal.h"
#include "domain/text_analysis.h"

namespace luister::consistency {

namespace {

// After folding, bytes above ASCII are letters of other scripts, except
// the punctuation and symbols of Latin-1 (0xC2: "£", "«") and of U+2000 to
// U+2BFF (0xE2: "€", "’", "–").
bool IsLetter(unsigned char c) { return std::isalpha(c) || (c >= 0x80 && c != 0xC2 && c != 0xE2); }

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

}  // namespace

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
    // "38°C", "38 °C": degrees, a word of its own (the scale's letter is
    // dropped).
    if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xB0') {
      out.push_back({Token::kWord, "degrees"});
      i += 2;
      if (i < s.size() && (s[i] == 'C' || s[i] == 'F' || s[i] == 'c' || s[i] == 'f') &&
          (i + 1 >= s.size() || !IsLetter(static_cast<unsigned char>(s[i + 1]))))
        ++i;
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
    } else if ((c == ',' || c == ';' || c == ':') && !out.empty()) {
      out.back().pause_after = true;
    }
    ++i;
  }
  return out;
}

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
      // "by 2 p.m. ET", "4 a.m. UTC": a time's zone after it.
      const bool zone = c == '.' && current.size() >= 4 &&
                        (current.ends_with("a.m.") || current.ends_with("p.m.")) &&
                        In(TimeZoneWords(), WordAt(std::string(text), i + 1));
      if (!abbreviation && !zone) flush();
    }
  }
  flush();
  return out;
}

const WordSet& SubjectWords() {
  static const WordSet s = {"i",     "you",    "he",    "she",    "it",      "we",    "they",
                            "there", "ik",     "je",    "jij",    "u",       "hij",   "zij",
                            "ze",    "we",     "wij",   "jullie", "het",     "dat",   "dit",
                            "er",    "you'll", "we'll", "it's",   "there's", "you're"};
  return s;
}

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
      // one list; "als rijschool", "als lid" name a role: "als" begins a
      // condition only before its subject ("als je", "als de bus").
      static const WordSet subject = {
          "je",   "u",   "jij", "jullie", "we",      "wij",  "ik",   "hij",   "zij",   "ze",
          "het",  "de",  "een", "er",     "uw",      "jouw", "mijn", "onze",  "ons",   "dit",
          "deze", "dat", "die", "iemand", "niemand", "men",  "iets", "niets", "alles", "zich"};
      const std::string next_word = WordAt(sentence, j);
      const bool role =
          w == "als" && !next_word.empty() && !In(subject, next_word) &&
          std::islower(static_cast<unsigned char>(sentence[j + 1 < sentence.size() ? j + 1 : j]));
      const bool preposition =
          ((w == "because" || w == "since") && sentence.compare(j, 3, " of") == 0) ||
          (w == "als" && Lower(current).find("zowel ") != std::string::npos) || role;
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
      // "en scan daarna de QR-code": the next step, its verb first (not "en
      // daarna 2 keer verlengen", which goes on with the verb before).
      static const WordSet next_step = {"daarna", "vervolgens", "dan", "then", "afterwards"};
      const bool new_subject =
          (w == "and" || w == "en") &&
          (SubjectWords().contains(after) || IsNegation(after) ||
           (!after.empty() && !SubjectWords().contains(after) && In(next_step, after2)) ||
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
    // Not a step before another ("After submitting the application, post
    // your old passport", "Na het betalen ontvang je"): a step of its own.
    const bool step = [&] {
      if (head != "after" && head != "before" && head != "na" && head != "voor") return false;
      const std::vector<Token> ws = Tokens(Lower(out[k]));
      for (size_t m = 1; m < ws.size(); ++m)
        if ((ws[m].text.size() > 5 && ws[m].text.ends_with("ing")) ||
            (ws[m - 1].text == "het" && ws[m].text.size() > 4 && ws[m].text.ends_with("en")))
          return true;
      return false;
    }();
    if (!head.empty() && lead.contains(head) && words <= 4 && !step) {
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

Sentence Reader::Read(const std::string& text) const {
  if (const auto it = read_.find(text); it != read_.end()) return it->second;
  return read_.emplace(text, ReadNew(text)).first->second;
}

Sentence Reader::ReadNew(const std::string& text) const {
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
  static const WordSet conditions = {"if",      "als",    "indien",    "when",    "wanneer",
                                     "unless",  "tenzij", "mocht",     "should",  "since",
                                     "because", "omdat",  "aangezien", "doordat", "zodra"};
  static const WordSet instructions = {"please", "just", "simply", "can",    "kunt",  "kan",
                                       "moet",   "must", "need",   "should", "hoeft", "graag",
                                       "gewoon", "even", "kun",    "you'll", "go",    "ga",
                                       "doe",    "doet"};  // "opzeggen doe je bij de balie"
  // Verbs that, first in a clause, tell the customer what to do ("Breng
  // hem maar", "send us a message").
  static const WordSet imperatives = {
      "breng", "stuur", "bel",    "kom",     "ga",      "meld",  "vul",  "neem",   "lever", "log",
      "mail",  "bring", "send",   "call",    "come",    "go",    "take", "fill",   "drop",  "pop",
      "post",  "ring",  "email",  "contact", "visit",   "phone", "log",  "bezoek", "geef",  "give",
      "let",   "laat",  "upload", "use",     "gebruik", "zeg",   "tell"};
  s.condition = !s.tokens.empty() && In(conditions, s.tokens.front().text) &&
                // "Should you need", not "should be reported by phone".
                !((s.tokens.front().text == "should" || s.tokens.front().text == "mocht") &&
                  (s.tokens.size() < 2 || !SubjectWords().contains(s.tokens[1].text)));
  // "Once you activate the new one", "as soon as it arrives": when.
  s.condition = s.condition ||
                (s.tokens.size() >= 2 && s.tokens[0].text == "once" &&
                 SubjectWords().contains(s.tokens[1].text)) ||
                (s.tokens.size() >= 3 && s.tokens[0].text == "as" && s.tokens[1].text == "soon" &&
                 s.tokens[2].text == "as");
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
  // "the team will reply in writing", "wij reageren per mail".
  // Not "just reply to this email": the customer's.
  static const WordSet answers = {"replies", "responds", "reageert"};
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    by_company = by_company || In(answers, t.text) ||
                 ((t.text == "reply" || t.text == "respond") && k >= 2 &&
                  s.tokens[k - 1].text == "will" && s.tokens[k - 2].text != "you");
  }
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
    if (t.text == "@" && i > 0 && i + 1 < s.tokens.size() && s.tokens[i - 1].type == Token::kWord &&
        s.tokens[i + 1].type == Token::kWord && text.find(" @ ") == std::string::npos)
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
      if (t.text == "text" && (after == "your" || after == "us" || after == "it" ||
                               (i + 1 < s.tokens.size() && s.tokens[i + 1].type == Token::kNumber)))
        s.means.emplace("sms", t.text);
      // "zeg het tegen de leidster", "geef het door aan je trainer", "tell
      // your coach", "let the caretaker know": told to a person, in person.
      {
        static const WordSet the = {"de", "je", "jouw", "uw", "the", "your", "our", "onze"};
        const auto person_after = [&](size_t k) -> std::string {
          if (k + 1 >= s.tokens.size() || !In(the, s.tokens[k].text)) return "";
          const Token& who = s.tokens[k + 1];
          if (who.type != Token::kWord || !MeansOf(who.text).empty() || IsStopWord(who.text, lang_))
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
      // "stuur de stofzuiger zelf op naar ons servicecentrum" too.
      if ((t.text == "stuur" || t.text == "stuurt" || t.text == "sturen") &&
          (s.tokens.back().text == "op" ||
           std::any_of(
               s.tokens.begin() + static_cast<long>(i) + 1, s.tokens.end(), [&](const Token& x) {
                 const size_t k = static_cast<size_t>(&x - s.tokens.data());
                 return x.text == "op" && k + 1 < s.tokens.size() && s.tokens[k + 1].text == "naar";
               })))
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
    const bool soft =
        (t.text == "gerust") && std::none_of(s.tokens.begin(), s.tokens.end(), [](const Token& x) {
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
        inside =
            inside ||
            ((a == "that" || a == "who" || a == "which") &&
             (b == "are" || b == "is" || b == "have" || b == "has" || b == "were" || b == "was") &&
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
    // "your licence will arrive by mail", "u ontvangt de pas per post":
    // what comes to the customer.
    static const WordSet arrives = {"arrive", "arrives", "come",     "comes",    "komt",
                                    "komen",  "receive", "receives", "ontvangt", "ontvang",
                                    "krijgt", "krijg",   "sent",     "verstuurd"};
    // "U krijgt een sms", "you'll receive an email": to the customer too.
    const bool to_customer =
        ((next == "you" || next == "you're") && i > 0) ||
        ((prev == "by" || prev == "per" || prev == "via") && i >= 2 &&
         In(arrives, s.tokens[i - 2].text)) ||
        ((prev == "een" || prev == "a" || prev == "an" || prev == "-" || prev == "e") &&
         std::any_of(s.tokens.begin() + static_cast<long>(i >= 4 ? i - 4 : 0),
                     s.tokens.begin() + static_cast<long>(i),
                     [&](const Token& x) { return In(arrives, x.text); }));
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
      static const WordSet thanks = {"thanks", "thank", "bedankt", "dank", "received", "ontvangen"};
      // "thanks for calling about", "bedankt voor het bellen".
      const bool thanked = (prev == "your" || prev == "je" || prev == "uw" || prev == "jouw" ||
                            prev == "for" || prev == "voor" || prev == "het") &&
                           std::any_of(s.tokens.begin(), s.tokens.begin() + static_cast<long>(i),
                                       [](const Token& x) { return In(thanks, x.text); });
      // "de code uit de app", "the code from the app": where a code comes
      // from, not the way.
      const bool source =
          m == "app" && i >= 3 &&
          (s.tokens[i - 2].text == "uit" || s.tokens[i - 2].text == "from") &&
          (s.tokens[i - 3].text == "code" || s.tokens[i - 3].text.ends_with("code"));
      // Nor the customer's letter ("within 20 days of your offer letter",
      // "uw brief van 3 mei"); "the code from your e-mail" is the way.
      const bool yours_sent =
          m == "post" &&
          ((prev == "your" || prev == "je" || prev == "uw" || prev == "jouw") ||
           (i >= 2 && (s.tokens[i - 2].text == "your" || s.tokens[i - 2].text == "uw" ||
                       s.tokens[i - 2].text == "jouw")));
      // Nor a day named by it ("your collection day", "ophaaldag").
      static const WordSet when = {"day", "days", "date", "dates", "dag", "dagen", "datum"};
      if (!(next == "adres" || next == "address" || next == "nummer" || next == "number") &&
          !In(when, next) && !device && !size && !thanked && !label_thing && !yours_sent && !source)
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
    // The same act in other words, in either language: "fix" is
    // repairing, "goedkeuring" approval.
    if (const std::string_view act = ActOf(t.text); !act.empty()) {
      s.stems.emplace(act);
      continue;
    }
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
        const std::string joined = s.tokens[last - 1].text + w.text;
        if (const std::string_view act = ActOf(joined); !act.empty())
          s.stems.emplace(act);
        else
          s.stems.insert(Stem(joined, lang_));
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

}  // namespace luister::consistency
