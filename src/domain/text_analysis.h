#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.h"

namespace luister {

// Text as the desk's matchers and classifiers read it, Dutch and English
// (C6, C9): ICU normalisation (NFKC, case folded, diacritics removed),
// ICU word breaking, stop words, Snowball stems. Thread-safe: each thread
// keeps its own ICU and Snowball objects.

// `text` case folded and without diacritics (NFKC), everything else kept
// ("Vóór 17.00 uur" -> "voor 17.00 uur").
std::string FoldText(std::string_view text);

// The code points of a UTF-8 word, each as its bytes (a cut-off sequence
// at the end is one code point of what is left).
std::vector<std::string_view> CodePoints(std::string_view w);

// The words of `text`, normalised (lower case, without diacritics), in
// order; numbers kept, punctuation and spaces dropped.
std::vector<std::string> NormalisedWords(std::string_view text);

// Whether `word` (normalised) is a stop word of `lang`.
bool IsStopWord(std::string_view word, Language lang);

// The Snowball stem of a normalised word.
std::string Stem(std::string_view word, Language lang);

// Dutch or English, by which language's function words the text uses more
// (English when it cannot tell).
Language GuessLanguage(const std::vector<std::string>& words);

// A text's features for matching: stems of its content words ("w:"), pairs
// of adjacent stems ("b:") and the character 3- to 5-grams of each word
// with its edges marked ("c:<ret", fastText's subwords), so that
// "retourformulier" and "retourneren" share something and a typo still
// matches. The language is guessed per text.
struct TextFeatures {
  std::vector<std::string> terms;
  Language lang = Language::kEn;
};
TextFeatures Features(std::string_view text);

// The stems of the content words only (for BM25, and for people: top
// terms); `lang`, when given, hears the language guessed.
std::vector<std::string> ContentStems(std::string_view text, Language* lang = nullptr);

}  // namespace luister
