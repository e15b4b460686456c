#include "domain/text_analysis.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <set>

namespace luister {

namespace {

// Per thread: ICU's transliterator and word breaker, and the stemmers
// (none of them may be shared between threads).
struct Tools {
  std::unique_ptr<icu::Transliterator> fold;
  std::unique_ptr<icu::BreakIterator> words;
  sb_stemmer* english = nullptr;
  sb_stemmer* dutch = nullptr;

  Tools() {
    UErrorCode status = U_ZERO_ERROR;
    fold.reset(icu::Transliterator::createInstance(
        "NFKC; NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) fold.reset();
    status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) words.reset();
    english = sb_stemmer_new("english", "UTF_8");
    dutch = sb_stemmer_new("dutch", "UTF_8");
  }
  ~Tools() {
    if (english) sb_stemmer_delete(english);
    if (dutch) sb_stemmer_delete(dutch);
  }
  Tools(const Tools&) = delete;
  Tools& operator=(const Tools&) = delete;
};

Tools& ThreadTools() {
  thread_local Tools tools;
  return tools;
}

const std::set<std::string, std::less<>>& Stops(Language lang) {
  static const std::set<std::string, std::less<>> nl = {
      "de",    "het",     "een",   "en",      "van",    "in",    "is",      "op",          "te",
      "dat",   "die",     "voor",  "zijn",    "met",    "niet",  "aan",     "er",          "maar",
      "om",    "ook",     "als",   "dan",     "bij",    "of",    "uit",     "nog",         "wat",
      "naar",  "heb",     "heeft", "hebben",  "ik",     "je",    "u",       "uw",          "we",
      "wij",   "mijn",    "me",    "mij",     "ze",     "zij",   "hij",     "het",         "dit",
      "deze",  "kan",     "kun",   "kunt",    "kunnen", "wil",   "wilt",    "willen",      "zou",
      "zal",   "worden",  "wordt", "werd",    "was",    "waren", "al",      "zo",          "hoe",
      "waar",  "wanneer", "graag", "even",    "nu",     "geen",  "toch",    "alstublieft", "aub",
      "hallo", "hoi",     "beste", "bedankt", "dank",   "groet", "groeten", "jullie",      "ons",
      "onze",  "hun",     "tot",   "door",    "over",   "na",    "wel",     "dus"};
  static const std::set<std::string, std::less<>> en = {
      "the",   "a",     "an",     "and",   "or",    "of",   "to",    "in",    "on",     "at",
      "for",   "with",  "is",     "are",   "was",   "were", "be",    "been",  "am",     "i",
      "me",    "my",    "you",    "your",  "we",    "our",  "us",    "it",    "its",    "this",
      "that",  "these", "those",  "do",    "does",  "did",  "have",  "has",   "had",    "can",
      "could", "would", "should", "will",  "shall", "may",  "might", "must",  "please", "hi",
      "hello", "hey",   "thanks", "thank", "so",    "if",   "but",   "not",   "no",     "from",
      "by",    "as",    "about",  "what",  "how",   "when", "where", "which", "who",    "there",
      "here",  "they",  "them",   "their", "he",    "she",  "his",   "her",   "just",   "some",
      "any",   "all",   "also",   "very",  "want",  "need", "get",   "im",    "dont",   "cant"};
  return lang == Language::kNl ? nl : en;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<std::string_view> CodePoints(std::string_view w) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < w.size();) {
    const auto c = static_cast<unsigned char>(w[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, w.size() - i);
    out.push_back(w.substr(i, n));
    i += n;
  }
  return out;
}

std::string FoldText(std::string_view text) {
  Tools& t = ThreadTools();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (t.fold) t.fold->transliterate(s);
  return Utf8(s);
}

std::vector<std::string> NormalisedWords(std::string_view text) {
  Tools& t = ThreadTools();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (t.fold) t.fold->transliterate(s);
  std::vector<std::string> out;
  if (!t.words) return out;
  t.words->setText(s);
  int32_t start = t.words->first();
  for (int32_t end = t.words->next(); end != icu::BreakIterator::DONE;
       start = end, end = t.words->next()) {
    const int32_t status = t.words->getRuleStatus();
    // Letters, numbers, kana and ideographs; not spaces or punctuation.
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) continue;
    out.push_back(Utf8(s.tempSubStringBetween(start, end)));
  }
  return out;
}

bool IsStopWord(std::string_view word, Language lang) { return Stops(lang).contains(word); }

std::string Stem(std::string_view word, Language lang) {
  Tools& t = ThreadTools();
  sb_stemmer* s = lang == Language::kNl ? t.dutch : t.english;
  if (!s) return std::string(word);
  const sb_symbol* stem = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (!stem) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(s));
}

Language GuessLanguage(const std::vector<std::string>& words) {
  int nl = 0, en = 0;
  for (const std::string& w : words) {
    nl += Stops(Language::kNl).contains(w);
    en += Stops(Language::kEn).contains(w);
  }
  return nl > en ? Language::kNl : Language::kEn;
}

std::vector<std::string> ContentStems(std::string_view text, Language* lang) {
  const std::vector<std::string> words = NormalisedWords(text);
  const Language l = GuessLanguage(words);
  if (lang) *lang = l;
  std::vector<std::string> out;
  for (const std::string& w : words)
    if (!IsStopWord(w, l)) out.push_back(Stem(w, l));
  return out;
}

TextFeatures Features(std::string_view text) {
  TextFeatures f;
  const std::vector<std::string> words = NormalisedWords(text);
  f.lang = GuessLanguage(words);
  std::string previous;
  for (const std::string& w : words) {
    // Subwords of every word, function words too ("cancel" in "cancellation").
    const std::vector<std::string_view> cps = CodePoints(w);
    if (cps.size() <= 30) {
      std::vector<std::string_view> marked;
      marked.reserve(cps.size() + 2);
      marked.push_back("<");
      marked.insert(marked.end(), cps.begin(), cps.end());
      marked.push_back(">");
      for (size_t n = 3; n <= 5; ++n)
        for (size_t i = 0; i + n <= marked.size(); ++i) {
          std::string g = "c:";
          for (size_t j = i; j < i + n; ++j) g.append(marked[j]);
          f.terms.push_back(std::move(g));
        }
    }
    // Pairs skip the function words between ("reset my password").
    if (IsStopWord(w, f.lang)) continue;
    std::string stem = Stem(w, f.lang);
    f.terms.push_back("w:" + stem);
    if (!previous.empty()) f.terms.push_back("b:" + previous + "_" + stem);
    previous = std::move(stem);
  }
  return f;
}

}  // namespace luister
