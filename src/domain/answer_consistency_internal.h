#pragma once

// The consistency check's parts, shared by its files (answer_consistency*.cc)
// and by nothing else: the public interface is answer_consistency.h.
//
//   words      the word lists and single words (answer_consistency_words.cc)
//   reading    tokens, sentences, clauses and what each says: Reader
//              (answer_consistency_reading.cc)
//   facts      the amounts, periods, deadlines and dates of a sentence
//              (answer_consistency_facts.cc)
//   compare    the same thing, the same value, related sentences, the stance
//              of a claim (answer_consistency_compare.cc)
//   passes     values, yes or no, procedure: ReplyCheck's, each reads the pair
//              and adds its findings (answer_consistency_values.cc, _yes_no.cc,
//              _procedure.cc), run in that order by ConflictSignals
//              (answer_consistency.cc)

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "domain/answer_consistency.h"
#include "domain/enums.h"

namespace luister::consistency {

// ---- words (answer_consistency_words.cc) -------------------------------------

std::string Lower(std::string s);

using WordSet = std::set<std::string, std::less<>>;

bool In(const WordSet& set, std::string_view w);

const WordSet& CurrencyWords();

const WordSet& PercentWords();

// Words before a number that make it a limit ("maximaal 3 stuks").
const WordSet& LimitWords();

// Units a count is measured in that are never an order's own number.
const WordSet& MeasureWords();

// Words before a number that make it a reference, not a fact.
const WordSet& ReferenceWords();

// Words that make a date or period the customer's own past: "3 dagen
// geleden", "ordered on 2 May", "last week".
const WordSet& PastWords();

// Words that name a limit as the rule's own ("onze grens van 20.00 uur",
// "our 8pm cut-off").
const WordSet& CutOffWords();

const WordSet& AgoWords();

const WordSet& LastWords();

// Words before a time of day.
const WordSet& TimeCueWords();

const std::unordered_map<std::string, double>& NumberWords();

// Names of time zones after a time ("2 p.m. ET", "04:00 UTC", "Pacific").
const WordSet& TimeZoneWords();

// Whether a number word is English ("two", not "twee").
bool IsEnglishNumber(std::string_view w);

// 1..12; 0 when not a month.
int MonthOf(std::string_view w);

// Months named without a number only when unmistakable.
bool IsPlainMonthName(std::string_view w);

// 1 (Monday) .. 7; 0 when not a weekday.
int WeekdayOf(std::string_view w);

// A unit of time: its length in hours (months and years loosely), or a
// count of working days.
struct TimeUnit {
  double hours = 0;
  bool working_days = false;
  bool loose = false;
};

std::optional<TimeUnit> TimeUnitOf(std::string_view w);

// Words that add nothing to what a claim is about ("gewoon", "still").
const WordSet& FillerWords();
// Words that point back to what was said before: "daarvoor", "that".
const WordSet& PointingWords();
// The share a word names, in percent ("kwart" and "quarter" 25, "helft"
// 50); none for other words.
std::optional<double> ShareOf(std::string_view w);
// The act a word names, the same in both languages ("fix" and "repareren"
// are "#repair"); empty for other words. The reader puts it in place of
// the word's stem, so every comparison of words sees it.
std::string_view ActOf(std::string_view w);
// The thing a word names in a claim ("bon" and "receipt" are "#receipt",
// "signup" registering); empty for other words. Only a claim's stance
// (`StanceOf`) adds it to what the claim is about, beside the word's stem.
std::string_view ThingOf(std::string_view w);
// People other than the customer: "je vriendin zonder pas", "guests".
const WordSet& OtherPeopleWords();

// Words that say something is required (or, negated, that it is not).
const WordSet& NeedWords();

// Words that say something can or may be done.
const WordSet& MayWords();

// Words that turn a statement around.
bool IsNegation(std::string_view w);

// Negations that say nothing about the answer ("geen probleem", "don't
// hesitate"): the word after (or before) the negation.
bool IsIdiomaticNegation(std::string_view neg, std::string_view next, std::string_view prev,
                         std::string_view next2);

// Ways that are all "online": a reply's "online" agrees with any of them.
bool Digital(std::string_view m);

// How the customer does something: the ways procedures name.
std::string MeansOf(std::string_view w);

// ---- reading (answer_consistency_reading.cc) ----------------------------------

struct Token {
  enum Type { kWord, kNumber, kSymbol } type = kWord;
  std::string text;  // folded
  bool ordinal = false;
  bool pause_after = false;  // a comma, semicolon or colon follows
};

// One name per measure: "10 kilo" and "10 kg" weigh the same.
std::string MeasureName(const std::string& stem);

bool IsDigit(char c);

std::vector<Token> Tokens(std::string_view s);

// A number as written ("4,95", "1.000", "1.234,56", "17.00"), or none.
std::optional<double> NumberOf(const std::string& raw);

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
  // A period that is someone's age ("jonger dan 18 jaar", "aged 16 or
  // over", "a 7-year-old"): compared with ages and whole years only.
  bool age = false;
};

// The text's sentences: ends at ".", "!" or "?" before a space, and at line
// ends.
std::vector<std::string> SplitSentences(std::string_view text);

// Who a claim is about, at its start.
const WordSet& SubjectWords();

// A sentence's clauses: split at commas and colons and before the words
// that begin another ("maar", "but", "omdat", "if").
std::vector<std::string> SplitClauses(const std::string& sentence);

// Reads a sentence or a clause: its tokens, content stems, negations, the
// ways it names, and whether it is a condition, an instruction or an
// invitation.
class Reader {
 public:
  explicit Reader(Language lang) : lang_(lang) {}

  // The same text is read once: the passes read the same clauses again and
  // again, and folding them (ICU) is most of the check's time. One reader
  // serves one pair, on one thread.
  Sentence Read(const std::string& text) const;

 private:
  Sentence ReadNew(const std::string& text) const;

  Language lang_;
  mutable std::unordered_map<std::string, Sentence> read_;
};

// ---- facts (answer_consistency_facts.cc) -------------------------------------

// The words right after a number in the answer's sentences that are not
// units, months or function words: what it counts ("15 stems", "set of two
// prints", "5 bewerkte foto's").
WordSet CountedWords(const std::vector<Sentence>& sentences);

// The facts sentence `index` of a text states; `counted`: the words the
// answer counts ("15 stems", "5 bewerkte foto's"), so that a count of the
// same thing in the reply is a fact too; `answer`: a sentence of the
// published answer, which tells no customer's past.
std::vector<Fact> FindFacts(const Sentence& s, size_t index, const WordSet* counted, bool answer);

// ---- compare (answer_consistency_compare.cc) ---------------------------------

// Whether two stems name the same thing: equal, or one is a part of the
// other's compound ("kaartj" in "bioscoopkaartj", "reparatie" in
// "reparatieformulier").
bool SameThing(const std::string& a, const std::string& b);

// What a thing is a kind of, as stems in both languages: a spaniel is a
// dog ("hond"), a kitten a cat and a pet, trunks are swimwear. Empty for a
// stem the list does not know. A rule about the kind holds for each of its
// kinds: "honden zijn niet toegestaan" against "uw labrador is welkom".
const std::vector<std::string>& KindsOf(const std::string& stem, Language lang);

// The clause of a sentence a value is said in: the clause holding as many
// of the sentence's values written the same way as come up to it.
std::string ClauseOf(const std::vector<Fact>& facts, const Fact& f, const Sentence& s);

// How a clause says an amount: as money coming back ("you'll get the full
// £89.99 refunded", "staat de € 189,00 weer op je rekening") or as a
// price ("costs", "deliver them for £3.50", "€ 65 voorrijkosten", "comes
// to").
struct MoneySaid {
  bool back = false;
  bool price = false;
};
MoneySaid HowMoneyIsSaid(const Sentence& clause, const Fact& amount);

// Whether two facts of the same kind and unit say the same value (a
// range holding the other, a loose month or time within its margin).
bool SameValue(const Fact& a, const Fact& b);

// Whether two facts can be compared: the same kind and unit, neither the
// customer's own.
bool Comparable(const Fact& a, const Fact& b);

// How many content stems two sentences share.
size_t Shared(const Sentence& a, const Sentence& b);

// How much two sentences are about the same thing (Dice over content stems).
double Related(const Sentence& a, const Sentence& b);

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

Stance StanceOf(const Sentence& c, Language lang);

inline constexpr double kRelated = 0.2;

inline constexpr double kSameClaim = 0.25;

// A claim turned around by a negation alone must be plainly the same claim:
// replies apply rules with negations of their own ("you won't see the
// fee", "isn't an emergency"), and a looser match turned too many of those.
constexpr double kTurnedClaim = 0.35;

inline constexpr double kSameProcedure = 0.1;

// ---- passes -------------------------------------------------------------------

// The index of the sentence that holds `clause`, or `sentences.size()`.
size_t SentenceOf(const std::vector<Sentence>& sentences, const Sentence& clause);

// One reply checked against one answer: both texts read into sentences,
// clauses and facts, and the findings so far. Each pass reads them and
// adds its findings; each is in a file of its own
// (answer_consistency_values.cc, _yes_no.cc, _procedure.cc).
class ReplyCheck {
 public:
  explicit ReplyCheck(Language l) : lang(l), reader(l) {}

  Language lang;
  std::string_view published, reply;  // the reply without its sign-off
  std::vector<std::string> pub_texts, reply_texts;
  Reader reader;
  std::vector<Sentence> pub, rep;  // sentence by sentence
  std::vector<Fact> pub_facts, rep_facts;
  std::vector<Sentence> pub_clauses, rep_clauses;  // clause by clause
  std::set<const Sentence*> turned;  // reply clauses found saying yes for no (or no for yes)
  std::vector<ConflictSignal> out;

  // A finding, once per rule, kind and value written.
  void Add(std::string_view signal, ConflictKind kind, std::string p, std::string w,
           const Sentence& ps, const Sentence& rs);
  // Whether a conflict already names the reply's claim `r`.
  bool SaidAlready(const Sentence& r) const;
  // Whether the reply's sentence holding clause `r` names a plain value on
  // the other side of a limit the answer's sentence holding clause `p`
  // sets: "It's worth £1,450, so there's no need to list it" against
  // "items worth more than £2,000 must be listed" applies the rule.
  bool OutsideTheLimit(const Sentence& r, const Sentence& p) const;
  // Whether reply clause `r` names the age of someone an age limit in the
  // answer's sentence `pi` leaves out: "Maya, at 9," against "Children
  // under 5 travel free".
  bool ForAnotherAge(const Sentence& r, size_t pi) const;

  // The passes, run in this order.
  void CheckValues();     // amounts, periods, deadlines, dates, open days
  void CheckYesNo();      // allowed, possible, free, included, needed
  void CheckInSpiteOf();  // done in spite of what the answer refuses
  void CheckProcedure();  // the ways, the steps, their order, who acts

 private:
  std::set<std::tuple<std::string_view, ConflictKind, std::string>> seen_;
};

// Both texts read: sentences, facts and clauses; none when either says
// nothing. The reply is read without its sign-off.
std::optional<ReplyCheck> ReadPair(std::string_view published, std::string_view reply);

}  // namespace luister::consistency
