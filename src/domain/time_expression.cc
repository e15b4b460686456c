#include "domain/time_expression.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <vector>

namespace luister {

namespace {

// The value of a run of digits (std::stoi without its exceptions): one too
// long for an int reads as a number no time expression has.
int ToInt(std::string_view digits) {
  int v = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') break;
    if (v > 100'000'000) return 1'000'000'000;
    v = v * 10 + (c - '0');
  }
  return v;
}

constexpr int kDay = 24 * 60;  // minutes

// ---------------------------------------------------------------------------
// Tokens: lower-case words (accents folded, dots of abbreviations dropped),
// numbers (with a clock's "10:30" or a date's "15-03-2027" kept whole) and
// punctuation, each with its place in the text.

enum class TokKind { kWord, kNumber, kPunct };

struct Tok {
  TokKind kind = TokKind::kWord;
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};

// Folds the Latin letters with accents Dutch and English use to ASCII.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      char base = 0;
      if ((d >= 0xA0 && d <= 0xA5) || (d >= 0x80 && d <= 0x85)) base = 'a';
      if ((d >= 0xA8 && d <= 0xAB) || (d >= 0x88 && d <= 0x8B)) base = 'e';
      if ((d >= 0xAC && d <= 0xAF) || (d >= 0x8C && d <= 0x8F)) base = 'i';
      if ((d >= 0xB2 && d <= 0xB6) || (d >= 0x92 && d <= 0x96)) base = 'o';
      if ((d >= 0xB9 && d <= 0xBC) || (d >= 0x99 && d <= 0x9C)) base = 'u';
      if (base) {
        out += base;
        out += '\x01';  // keeps byte offsets: a two-byte letter stays two bytes
        ++i;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x98 ||
         static_cast<unsigned char>(s[i + 2]) == 0x99)) {
      out += "'\x01\x01";  // a typographic apostrophe
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
         static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      out += "-\x01\x01";  // an en or em dash
      i += 2;
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || c == '\x01'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<Tok> Tokenize(std::string_view text) {
  const std::string s = Fold(text);
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsLetter(c) || (c == '\'' && i + 1 < s.size() && IsLetter(s[i + 1]))) {
      // A word; "a.s.", "z.s.m.", "p.m." lose their dots; "'s" and "i'll"
      // keep the apostrophe.
      Tok t{TokKind::kWord, "", i, i};
      while (i < s.size()) {
        if (IsLetter(s[i]) || s[i] == '\'') {
          if (s[i] != '\x01') t.text += s[i];
          ++i;
        } else if (s[i] == '.' && i + 1 < s.size() && IsLetter(s[i + 1]) && t.text.size() <= 3 &&
                   !t.text.empty()) {
          ++i;  // an abbreviation's inner dot
        } else {
          break;
        }
      }
      // The abbreviation's last dot ("a.s.", "p.m.").
      if (i < s.size() && s[i] == '.' && t.text.size() <= 4 &&
          (t.text == "as" || t.text == "zsm" || t.text == "am" || t.text == "pm" ||
           t.text == "ca" || t.text == "eod" || t.text == "eow" || t.text == "eom"))
        ++i;
      t.end = i;
      out.push_back(std::move(t));
      continue;
    }
    if (IsDigit(c)) {
      Tok t{TokKind::kNumber, "", i, i};
      while (i < s.size() && IsDigit(s[i])) t.text += s[i++];
      // 10:30, 10.30; 15-03-2027, 15/3, 2027-03-15.
      while (i + 1 < s.size() && (s[i] == ':' || s[i] == '.' || s[i] == '-' || s[i] == '/') &&
             IsDigit(s[i + 1])) {
        t.text += s[i++];
        while (i < s.size() && IsDigit(s[i])) t.text += s[i++];
      }
      t.end = i;
      out.push_back(std::move(t));
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x01') {
      ++i;
      continue;
    }
    out.push_back({TokKind::kPunct, std::string(1, c), i, i + 1});
    ++i;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Word lists.

struct Named {
  std::string_view word;
  int value;
};

constexpr Named kNumberWords[] = {
    {"een", 1},
    {"one", 1},
    {"a", 1},
    {"an", 1},
    {"twee", 2},
    {"two", 2},
    {"drie", 3},
    {"three", 3},
    {"vier", 4},
    {"four", 4},
    {"vijf", 5},
    {"five", 5},
    {"zes", 6},
    {"six", 6},
    {"zeven", 7},
    {"seven", 7},
    {"acht", 8},
    {"eight", 8},
    {"negen", 9},
    {"nine", 9},
    {"tien", 10},
    {"ten", 10},
    {"elf", 11},
    {"eleven", 11},
    {"twaalf", 12},
    {"twelve", 12},
    {"dertien", 13},
    {"thirteen", 13},
    {"veertien", 14},
    {"fourteen", 14},
    {"vijftien", 15},
    {"fifteen", 15},
    {"zestien", 16},
    {"sixteen", 16},
    {"zeventien", 17},
    {"seventeen", 17},
    {"achttien", 18},
    {"eighteen", 18},
    {"negentien", 19},
    {"nineteen", 19},
    {"twintig", 20},
    {"twenty", 20},
    {"dertig", 30},
    {"thirty", 30},
    {"enkele", 3},
    {"paar", 2},
    {"couple", 2},
    {"eerste", 1},
    {"first", 1},
    {"tweede", 2},
    {"second", 2},
    {"derde", 3},
    {"third", 3},
    {"vierde", 4},
    {"fourth", 4},
    {"zesendertig", 36},
    {"achtenveertig", 48},
    {"vierentwintig", 24},
    {"tweeenveertig", 42},
    {"eenentwintig", 21},
};

std::optional<int> Lookup(std::string_view w, const auto& table) {
  for (const Named& n : table)
    if (n.word == w) return n.value;
  return std::nullopt;
}

constexpr Named kWeekdays[] = {
    {"maandag", 0},  {"dinsdag", 1}, {"woensdag", 2}, {"donderdag", 3}, {"vrijdag", 4},
    {"zaterdag", 5}, {"zondag", 6},  {"monday", 0},   {"tuesday", 1},   {"wednesday", 2},
    {"thursday", 3}, {"friday", 4},  {"saturday", 5}, {"sunday", 6},    {"mon", 0},
    {"tue", 1},      {"tues", 1},    {"wed", 2},      {"thu", 3},       {"thur", 3},
    {"thurs", 3},    {"fri", 4},     {"sat", 5},      {"sun", 6},
};

constexpr Named kMonths[] = {
    {"januari", 1},   {"februari", 2},  {"maart", 3},    {"april", 4},     {"mei", 5},
    {"juni", 6},      {"juli", 7},      {"augustus", 8}, {"september", 9}, {"oktober", 10},
    {"november", 11}, {"december", 12}, {"january", 1},  {"february", 2},  {"march", 3},
    {"may", 5},       {"june", 6},      {"july", 7},     {"august", 8},    {"october", 10},
    {"jan", 1},       {"feb", 2},       {"mrt", 3},      {"mar", 3},       {"apr", 4},
    {"jun", 6},       {"jul", 7},       {"aug", 8},      {"sep", 9},       {"sept", 9},
    {"okt", 10},      {"oct", 10},      {"nov", 11},     {"dec", 12},      {"febr", 2},
};

// Parts of the day as minutes [from, to).
struct Part {
  int from = 0;
  int to = 0;
};
constexpr Part kMorning{4 * 60, 12 * 60};
constexpr Part kAfternoon{12 * 60, 19 * 60};
constexpr Part kEvening{18 * 60, kDay};
constexpr Part kLunch{12 * 60, 14 * 60};

std::optional<Part> PartWord(std::string_view w) {
  if (w == "ochtend" || w == "ochtends" || w == "morgens" || w == "voormiddag" || w == "morning" ||
      w == "mornings")
    return kMorning;
  if (w == "middag" || w == "middags" || w == "namiddag" || w == "afternoon" || w == "afternoons")
    return kAfternoon;
  if (w == "avond" || w == "avonds" || w == "nacht" || w == "nachts" || w == "evening" ||
      w == "evenings" || w == "night")
    return kEvening;
  if (w == "lunch" || w == "lunchtijd" || w == "lunchtime" || w == "lunchpauze") return kLunch;
  return std::nullopt;
}

enum class Unit { kMinute, kQuarterHour, kHour, kDay, kBusinessDay, kWeek, kMonth, kYear };

std::optional<Unit> UnitWord(std::string_view w) {
  if (w == "minuut" || w == "minuten" || w == "minute" || w == "minutes" || w == "min" ||
      w == "mins")
    return Unit::kMinute;
  if (w == "kwartier") return Unit::kQuarterHour;
  if (w == "uur" || w == "uren" || w == "hour" || w == "hours" || w == "hrs" || w == "u")
    return Unit::kHour;
  if (w == "dag" || w == "dagen" || w == "day" || w == "days") return Unit::kDay;
  if (w == "werkdag" || w == "werkdagen" || w == "businessday" || w == "businessdays")
    return Unit::kBusinessDay;
  if (w == "week" || w == "weken" || w == "weeks") return Unit::kWeek;
  if (w == "maand" || w == "maanden" || w == "month" || w == "months") return Unit::kMonth;
  if (w == "jaar" || w == "jaren" || w == "year" || w == "years") return Unit::kYear;
  return std::nullopt;
}

// Words that may stand between two parts of one expression.
bool Filler(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kFiller = {
      "om",  "at",  "on",     "op",      "rond",     "around", "omstreeks", "about", "in",  "de",
      "het", "the", "during", "tijdens", "ongeveer", ",",      "van",       "of",    "this"};
  return std::find(kFiller.begin(), kFiller.end(), w) != kFiller.end();
}

// ---------------------------------------------------------------------------
// What the parser recognises, before it is put together.

struct Clock {
  int minute = 0;          // of the day
  bool ambiguous = false;  // 1 to 12 without am/pm
  bool whole_hour = true;
};

// Resolves a clock's am/pm: an hour from 1 to 7 without a marker is in the
// afternoon (office hours), 8 to 12 as written.
int Resolve(const Clock& c) {
  if (c.ambiguous && c.minute >= 60 && c.minute < 8 * 60) return c.minute + 12 * 60;
  return c.minute;
}

TimeGrain GrainOf(const Clock& c) { return c.whole_hour ? TimeGrain::kHour : TimeGrain::kMinute; }

enum class PieceKind { kDay, kDayPart, kClock, kRange, kPart, kSpan, kAsap };

struct Piece {
  PieceKind kind = PieceKind::kDay;
  int day = 0;              // kDay, kDayPart
  Part part;                // kDayPart, kPart
  bool part_today = false;  // "vanavond": today's, even when passed
  Clock from, to;           // kClock (from), kRange
  TimeSpan span;            // kSpan: already resolved
  size_t next = 0;          // the token after the piece
};

struct Match {
  FoundTime found;
  Piece piece;
  size_t first = 0;  // its first token; piece.next is the token after it
};

class Parser {
 public:
  Parser(const std::vector<Tok>& toks, const TimeReference& ref)
      : t_(toks), ref_(ref), now_(ref.clock.ToLocal(ref.now)) {}

  // The longest expression from token `i`: its resolved span, and the
  // token after it.
  std::optional<Match> At(size_t i) const;
  // A time of day (a clock, a stretch of hours, a part of the day) put on
  // local day `day`; none for other pieces.
  std::optional<TimeSpan> OnDay(const Piece& p, int day) const;

 private:
  std::string_view W(size_t i) const {
    return i < t_.size() && t_[i].kind != TokKind::kNumber ? std::string_view(t_[i].text)
                                                           : std::string_view();
  }
  bool Is(size_t i, std::string_view w) const { return W(i) == w; }
  bool IsAny(size_t i, std::initializer_list<std::string_view> ws) const {
    for (auto w : ws)
      if (W(i) == w) return true;
    return false;
  }
  std::optional<int> Number(size_t i) const;
  size_t SkipFiller(size_t i) const {
    while (i < t_.size() && Filler(t_[i].text)) ++i;
    return i;
  }

  // The pieces.
  std::optional<Piece> Day(size_t i) const;
  std::optional<Piece> Weekday(size_t i) const;
  std::optional<Piece> Date(size_t i) const;
  std::optional<Piece> ClockAt(size_t i, bool marked) const;
  std::optional<Piece> Range(size_t i, bool after_day = false) const;
  std::optional<Piece> PartAt(size_t i) const;
  std::optional<Piece> Period(size_t i) const;
  std::optional<Piece> SpanAt(size_t i) const;
  std::optional<Piece> Asap(size_t i) const;
  // The am/pm or part-of-day marker after a clock; moves `*i` past it.
  std::optional<bool> Meridiem(size_t* i) const;

  // Combinations.
  std::optional<Piece> Narrow(size_t k, int day) const;
  std::optional<Piece> Combined(size_t i) const;
  std::optional<Piece> Bounded(size_t i) const;
  TimeSpan ClockSpan(int day, const Clock& c) const;
  TimeSpan RangeSpan(int day, const Clock& from, const Clock& to) const;

  TimeSpan DaySpan(int day) const {
    return {ref_.clock.FromLocalMinute(day, 0), ref_.clock.FromLocalMinute(day + 1, 0),
            TimeGrain::kDay};
  }
  Timestamp At(int day, int minute) const { return ref_.clock.FromLocalMinute(day, minute); }
  TimeSpan Resolve(const Piece& p) const;
  int Today() const { return now_.days; }
  int NowMinute() const { return now_.minute(); }
  // The day a clock or a part without a day falls on: today while still to
  // come, else tomorrow.
  int DayFor(int minute_end) const { return minute_end > NowMinute() ? Today() : Today() + 1; }

  const std::vector<Tok>& t_;
  const TimeReference& ref_;
  LocalMoment now_;
};

std::optional<int> Parser::Number(size_t i) const {
  if (i >= t_.size()) return std::nullopt;
  const Tok& t = t_[i];
  if (t.kind == TokKind::kNumber) {
    if (t.text.size() > 4 || t.text.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return ToInt(t.text);
  }
  return Lookup(t.text, kNumberWords);
}

// ----- days

std::optional<Piece> Parser::Day(size_t i) const {
  Piece p;
  p.kind = PieceKind::kDay;
  const std::string_view w = W(i);
  auto day = [&](int d, size_t next) {
    p.day = d;
    p.next = next;
    return p;
  };
  if (w == "vandaag" || w == "today") return day(Today(), i + 1);
  if (w == "morgen" || w == "tomorrow" || w == "tmrw" || w == "tmr") {
    if (i > 0 && (Is(i - 1, "goede") || Is(i - 1, "goeden") || Is(i - 1, "'s")))
      return std::nullopt;
    return day(Today() + 1, i + 1);
  }
  if (w == "overmorgen") return day(Today() + 2, i + 1);
  if (w == "gisteren" || w == "yesterday") return day(Today() - 1, i + 1);
  if (w == "eergisteren") return day(Today() - 2, i + 1);
  if (w == "day" && Is(i + 1, "after") && Is(i + 2, "tomorrow")) return day(Today() + 2, i + 3);
  if (w == "the" && Is(i + 1, "day") && Is(i + 2, "after") && Is(i + 3, "tomorrow"))
    return day(Today() + 2, i + 4);
  // After the weekend: the next Monday.
  if ((w == "na" && Is(i + 1, "het") && Is(i + 2, "weekend")) ||
      (w == "after" && Is(i + 1, "the") && Is(i + 2, "weekend"))) {
    const int wd = WeekdayOf(Today());
    return day(Today() + (7 - wd), i + 3);
  }
  if (auto d = Date(i)) return d;
  if (auto d = Weekday(i)) return d;
  // "over 3 dagen", "in two weeks", "3 days from now": that day.
  const bool over = w == "over" || w == "in";
  if (over || Number(i)) {
    const size_t n_at = over ? i + 1 : i;
    size_t u_at = n_at + 1;
    std::optional<int> n = Number(n_at);
    if (!n && (Is(n_at, "een") || Is(n_at, "a"))) n = 1;
    if (n && (Is(u_at, "paar") || Is(u_at, "couple"))) return std::nullopt;
    auto unit = UnitWord(W(u_at));
    if (n && unit && *n >= 0 && *n <= 400) {
      const bool from_now = !over && Is(u_at + 1, "from") && Is(u_at + 2, "now");
      if (!over && !from_now) return std::nullopt;
      const size_t next = from_now ? u_at + 3 : u_at + 1;
      int y = 0, mo = 0, dd = 0;
      switch (*unit) {
        case Unit::kDay:
          return day(Today() + *n, next);
        case Unit::kWeek:
          return day(Today() + 7 * *n, next);
        case Unit::kMonth:
        case Unit::kYear: {
          CivilOf(Today(), &y, &mo, &dd);
          int months = y * 12 + (mo - 1) + (*unit == Unit::kMonth ? *n : 12 * *n);
          const int ny = months / 12, nm = months % 12 + 1;
          std::optional<int> target;
          for (int d2 = dd; d2 >= 28 && !target; --d2) target = DaysOfDate(ny, nm, d2);
          if (!target) target = DaysOfDate(ny, nm, std::min(dd, 28));
          if (target) return day(*target, next);
          return std::nullopt;
        }
        default:
          return std::nullopt;  // minutes and hours are moments (SpanAt)
      }
    }
  }
  return std::nullopt;
}

std::optional<Piece> Parser::Weekday(size_t i) const {
  // [deze|aanstaande|komende|this|coming|next|volgende|vorige|last] WD [a.s.|volgende week|next
  // week]
  size_t at = i;
  enum { kPlain, kThis, kNext, kLast } mode = kPlain;
  if (IsAny(at, {"deze", "aanstaande", "komende", "this", "coming"})) {
    mode = kThis;
    ++at;
    if (Is(at, "coming")) ++at;  // "this coming Friday"
  } else if (IsAny(at, {"volgende", "next"})) {
    mode = kNext;
    ++at;
  } else if (IsAny(at, {"vorige", "afgelopen", "last", "past"})) {
    mode = kLast;
    ++at;
  }
  // "volgende week vrijdag", "next week Friday"
  bool next_week = false;
  if (mode == kNext && Is(at, "week") && Lookup(W(at + 1), kWeekdays)) {
    next_week = true;
    ++at;
  }
  auto wd = Lookup(W(at), kWeekdays);
  if (!wd) return std::nullopt;
  // Short names only with a modifier or "on": "sun" and "sat" are words.
  const bool short_name =
      W(at).find("dag") == std::string_view::npos && W(at).find("day") == std::string_view::npos;
  if (short_name && mode == kPlain && !Is(i - 1, "on") && !Is(i - 1, "op")) return std::nullopt;
  size_t next = at + 1;
  if (Is(next, "as") || Is(next, "aanstaande")) {
    mode = kThis;
    ++next;
  } else if ((Is(next, "volgende") || Is(next, "next")) && Is(next + 1, "week")) {
    next_week = true;
    next += 2;
  } else if ((Is(next, "vorige") || Is(next, "last")) && Is(next + 1, "week")) {
    mode = kLast;
    next += 2;
  }
  const int today_wd = WeekdayOf(Today());
  const int monday = Today() - today_wd;
  Piece p;
  p.kind = PieceKind::kDay;
  p.next = next;
  if (next_week || mode == kNext) {
    p.day = monday + 7 + *wd;
  } else if (mode == kThis) {
    p.day = *wd >= today_wd ? monday + *wd : monday + 7 + *wd;
  } else if (mode == kLast) {
    p.day = *wd < today_wd ? monday + *wd : monday - 7 + *wd;
  } else {
    p.day = *wd > today_wd ? monday + *wd : monday + 7 + *wd;
  }
  // A weekday followed by its date: the date decides.
  size_t after = p.next;
  if (after < t_.size() && t_[after].text == ",") ++after;
  if (auto d = Date(after)) return d;
  return p;
}

std::optional<Piece> Parser::Date(size_t i) const {
  if (i >= t_.size()) return std::nullopt;
  int y = 0, mo = 0, dd = 0;
  CivilOf(Today(), &y, &mo, &dd);
  // The next day/month to come (today counts) when no year is given.
  auto make = [&](int day, int month, std::optional<int> year,
                  size_t next) -> std::optional<Piece> {
    if (year && *year < 100) *year += 2000;
    std::optional<int> d = DaysOfDate(year.value_or(y), month, day);
    if (!d) return std::nullopt;
    if (!year && *d < Today()) d = DaysOfDate(y + 1, month, day);
    if (!d) return std::nullopt;
    Piece p;
    p.kind = PieceKind::kDay;
    p.day = *d;
    p.next = next;
    return p;
  };
  auto year_at = [&](size_t k) -> std::optional<int> {
    if (k < t_.size() && t_[k].kind == TokKind::kNumber && t_[k].text.size() == 4 &&
        t_[k].text.find_first_not_of("0123456789") == std::string::npos) {
      const int v = ToInt(t_[k].text);
      if (v >= 1990 && v <= 2100) return v;
    }
    return std::nullopt;
  };
  const Tok& t = t_[i];
  if (t.kind == TokKind::kNumber) {
    // Numeric dates: 15-03-2027, 15/3, 2027-03-15.
    const std::string& s = t.text;
    char sep = 0;
    if (s.find('-') != std::string::npos)
      sep = '-';
    else if (s.find('/') != std::string::npos)
      sep = '/';
    if (sep && s.find(':') == std::string::npos && s.find('.') == std::string::npos) {
      std::vector<int> parts;
      size_t a = 0;
      while (a <= s.size()) {
        size_t b = s.find(sep, a);
        if (b == std::string::npos) b = s.size();
        if (b == a || b - a > 4) return std::nullopt;
        parts.push_back(ToInt(s.substr(a, b - a)));
        a = b + 1;
      }
      // "10-12 uur" is a stretch of hours, not a date.
      if (parts.size() == 2 && UnitWord(W(i + 1)) == Unit::kHour) return std::nullopt;
      if (parts.size() == 3 && s.find(sep) == 4) return make(parts[2], parts[1], parts[0], i + 1);
      if (parts.size() == 3) return make(parts[0], parts[1], parts[2], i + 1);
      if (parts.size() == 2) {
        // Day first, unless the first cannot be a month's day but the second can.
        if (parts[0] <= 31 && parts[1] <= 12) return make(parts[0], parts[1], std::nullopt, i + 1);
        if (parts[1] <= 31 && parts[0] <= 12) return make(parts[1], parts[0], std::nullopt, i + 1);
      }
      return std::nullopt;
    }
    // 15 maart [2027], 15th of March, 15 mrt.
    auto n = Number(i);
    if (!n || *n < 1 || *n > 31) return std::nullopt;
    size_t k = i + 1;
    if (IsAny(k, {"st", "nd", "rd", "th", "e", "ste", "de"})) ++k;
    if (Is(k, "of")) ++k;
    auto month = Lookup(W(k), kMonths);
    if (!month) return std::nullopt;
    ++k;
    size_t kk = k;
    if (kk < t_.size() && t_[kk].text == ",") ++kk;
    if (auto yr = year_at(kk)) return make(*n, *month, yr, kk + 1);
    return make(*n, *month, std::nullopt, k);
  }
  // "the 15th of March"
  if (Is(i, "the") && Number(i + 1) && t_[i + 1].kind == TokKind::kNumber) {
    auto d = Date(i + 1);
    if (d) return d;
  }
  // March 15[th][,] [2027]
  auto month = Lookup(W(i), kMonths);
  if (month && i + 1 < t_.size() && t_[i + 1].kind == TokKind::kNumber) {
    auto n = Number(i + 1);
    if (!n || *n < 1 || *n > 31) return std::nullopt;
    size_t k = i + 2;
    if (IsAny(k, {"st", "nd", "rd", "th"})) ++k;
    size_t kk = k;
    if (kk < t_.size() && t_[kk].text == ",") ++kk;
    if (auto yr = year_at(kk)) return make(*n, *month, yr, kk + 1);
    return make(*n, *month, std::nullopt, k);
  }
  return std::nullopt;
}

// ----- clock times

std::optional<bool> Parser::Meridiem(size_t* i) const {
  const size_t k = *i;
  if (Is(k, "am")) {
    *i = k + 1;
    return false;
  }
  if (Is(k, "pm")) {
    *i = k + 1;
    return true;
  }
  if (Is(k, "'s") && (IsAny(k + 1, {"ochtends", "morgens", "nachts"}))) {
    *i = k + 2;
    return false;
  }
  if (Is(k, "'s") && IsAny(k + 1, {"middags", "avonds"})) {
    *i = k + 2;
    return true;
  }
  if (IsAny(k, {"in"}) && Is(k + 1, "the") && IsAny(k + 2, {"morning"})) {
    *i = k + 3;
    return false;
  }
  if (IsAny(k, {"in"}) && Is(k + 1, "the") && IsAny(k + 2, {"afternoon", "evening"})) {
    *i = k + 3;
    return true;
  }
  if (Is(k, "at") && Is(k + 1, "night")) {
    *i = k + 2;
    return true;
  }
  return std::nullopt;
}

// A clock time at `i`. `marked`: a preposition before it says it is a time,
// so a bare number ("om 3") counts.
std::optional<Piece> Parser::ClockAt(size_t i, bool marked) const {
  if (i >= t_.size()) return std::nullopt;
  Clock c;
  size_t next = i;
  bool explicit_24h = false;
  if (IsAny(i, {"noon", "middaguur"}) ||
      (Is(i, "12") && Is(i + 1, "uur") && Is(i + 2, "'s") && Is(i + 3, "middags"))) {
    c = {12 * 60, false, true};
    next = Is(i, "12") ? i + 4 : i + 1;
  } else if (IsAny(i, {"midnight", "middernacht"})) {
    c = {kDay, false, true};
    next = i + 1;
  } else if (Is(i, "half") && Number(i + 1) && !Is(i + 1, "een") && !Is(i + 1, "an") &&
             !Is(i + 1, "a")) {
    // Dutch "half 3": half an hour before three.
    const int h = *Number(i + 1);
    if (h < 1 || h > 12) return std::nullopt;
    c = {(h - 1) * 60 + 30, true, false};
    next = i + 2;
  } else if (Is(i, "half") && Is(i + 1, "past") && Number(i + 2)) {
    const int h = *Number(i + 2);
    if (h < 1 || h > 12) return std::nullopt;
    c = {h * 60 + 30, true, false};
    next = i + 3;
  } else if ((Is(i, "kwart") || Is(i, "quarter") || (Is(i, "a") && Is(i + 1, "quarter"))) &&
             IsAny(i + (Is(i, "a") ? 2 : 1), {"over", "past", "voor", "to", "before"})) {
    const size_t k = i + (Is(i, "a") ? 2 : 1);
    auto h = Number(k + 1);
    if (!h || *h < 1 || *h > 12) return std::nullopt;
    const bool after = IsAny(k, {"over", "past"});
    c = {after ? *h * 60 + 15 : (*h - 1) * 60 + 45, true, false};
    next = k + 2;
  } else if (t_[i].kind == TokKind::kNumber) {
    const std::string& s = t_[i].text;
    const size_t sep = s.find_first_of(":.");
    int h = 0, m = 0;
    if (sep != std::string::npos) {
      if (s.find_first_of(":.", sep + 1) != std::string::npos || s.size() - sep != 3 || sep > 2)
        return std::nullopt;
      h = ToInt(s.substr(0, sep));
      m = ToInt(s.substr(sep + 1));
      // "10.30" could be money; only with a mark or "uur".
      if (s[sep] == '.' && !marked && !Is(i + 1, "uur") && !Is(i + 1, "u")) return std::nullopt;
      explicit_24h = s[0] == '0' || h > 12;
    } else {
      if (s.size() > 2) return std::nullopt;
      h = ToInt(s);
      explicit_24h = s[0] == '0' && s.size() == 2;
    }
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    next = i + 1;
    const bool hour_word = IsAny(next, {"uur", "u", "h", "oclock", "o'clock"});
    if (hour_word) ++next;
    if (sep == std::string::npos && !hour_word && !marked) {
      size_t probe = next;
      if (!Meridiem(&probe)) return std::nullopt;
    }
    c = {h * 60 + m, !explicit_24h && h >= 1 && h <= 12, m == 0};
  } else if (auto n = Lookup(W(i), kNumberWords);
             n && *n >= 1 && *n <= 12 &&
             !IsAny(i, {"a", "an", "eerste", "first", "tweede", "second", "derde", "third",
                        "vierde", "fourth", "paar", "couple", "enkele"}) &&
             ((marked && (!UnitWord(W(i + 1)) || Is(i + 1, "uur"))) ||
              (!Is(i, "een") && IsAny(i + 1, {"uur", "oclock", "o'clock"})))) {
    c = {*n * 60, true, true};
    next = i + 1;
    if (IsAny(next, {"uur", "oclock", "o'clock"})) ++next;
  } else {
    return std::nullopt;
  }
  if (auto pm = Meridiem(&next)) {
    const int h = c.minute / 60;
    if (*pm && h < 12) c.minute += 12 * 60;
    if (!*pm && h == 12) c.minute -= 12 * 60;
    c.ambiguous = false;
  }
  Piece p;
  p.kind = PieceKind::kClock;
  p.from = c;
  p.next = next;
  return p;
}

std::optional<Piece> Parser::Range(size_t i, bool after_day) const {
  // tussen A en B / between A and B / van A tot B / from A to B / A-B uur
  size_t k = i;
  if (IsAny(k, {"tussen", "between", "van", "from", "vanaf"})) {
    const bool between = IsAny(k, {"tussen", "between"});
    auto a = ClockAt(k + 1, true);
    if (!a) return std::nullopt;
    size_t m = a->next;
    if (!(between ? IsAny(m, {"en", "and"}) : (IsAny(m, {"tot", "to", "till", "until", "-"}))))
      return std::nullopt;
    auto b = ClockAt(m + 1, true);
    if (!b) return std::nullopt;
    Piece p;
    p.kind = PieceKind::kRange;
    p.from = a->from;
    p.to = b->from;
    p.next = b->next;
    // "tussen 10 en 12 uur": the unit after the second names both.
    return p;
  }
  // 10-12 uur, 10:00-12:00
  if (k < t_.size() && t_[k].kind == TokKind::kNumber) {
    const std::string& s = t_[k].text;
    const size_t dash = s.find('-');
    if (dash == std::string::npos || s.find('/') != std::string::npos) return std::nullopt;
    const std::string a = s.substr(0, dash), b = s.substr(dash + 1);
    if (a.find('-') != std::string::npos || b.find('-') != std::string::npos) return std::nullopt;
    const bool clocks =
        a.find(':') != std::string::npos || IsAny(k + 1, {"uur", "u", "h"}) || after_day;
    if (!clocks) return std::nullopt;
    auto parse = [](const std::string& x) -> std::optional<Clock> {
      const size_t c = x.find_first_of(":.");
      const int h = ToInt(x.substr(0, c));
      const int m = c == std::string::npos ? 0 : ToInt(x.substr(c + 1));
      if (h > 24 || m > 59 || x.size() > 5) return std::nullopt;
      return Clock{h * 60 + m, x[0] != '0' && h >= 1 && h <= 12, m == 0};
    };
    auto ca = parse(a), cb = parse(b);
    if (!ca || !cb) return std::nullopt;
    Piece p;
    p.kind = PieceKind::kRange;
    p.from = *ca;
    p.to = *cb;
    p.next = k + 1 + (IsAny(k + 1, {"uur", "u", "h"}) ? 1 : 0);
    return p;
  }
  return std::nullopt;
}

// ----- parts of the day

std::optional<Piece> Parser::PartAt(size_t i) const {
  Piece p;
  p.kind = PieceKind::kPart;
  // vanochtend, vanmorgen, vanmiddag, vanavond, vannacht; tonight
  const std::string_view w = W(i);
  if (w == "vanochtend" || w == "vanmorgen")
    p.part = kMorning;
  else if (w == "vanmiddag")
    p.part = kAfternoon;
  else if (w == "vanavond" || w == "vannacht" || w == "tonight")
    p.part = kEvening;
  if (p.part.to) {
    p.part_today = true;
    p.next = i + 1;
    return p;
  }
  // this morning / this afternoon / this evening
  if (Is(i, "this") && PartWord(W(i + 1)) && !Is(i + 1, "lunch")) {
    p.part = *PartWord(W(i + 1));
    p.part_today = true;
    p.next = i + 2;
    return p;
  }
  // 's ochtends, 's middags, in de middag, in the afternoon, tijdens de lunch, at night
  size_t k = i;
  if (Is(k, "'s") || (Is(k, "at") && IsAny(k + 1, {"night", "lunchtime"}))) {
    ++k;
  } else if (IsAny(k, {"in", "tijdens", "during", "rond", "around"}) &&
             IsAny(k + 1, {"de", "the", "het"})) {
    k += 2;
  }
  auto part = PartWord(W(k));
  if (!part) return std::nullopt;
  // A bare "morgen" is tomorrow, not the morning.
  if (W(k) == "morgens" && k == i) return std::nullopt;
  p.part = *part;
  p.next = k + 1;
  return p;
}

// ----- periods, spans, as soon as possible

std::optional<Piece> Parser::Period(size_t i) const {
  Piece p;
  p.kind = PieceKind::kSpan;
  int y = 0, mo = 0, dd = 0;
  CivilOf(Today(), &y, &mo, &dd);
  const int monday = Today() - WeekdayOf(Today());
  auto week = [&](int first_monday, size_t next) {
    p.span = {At(first_monday, 0), At(first_monday + 7, 0), TimeGrain::kWeek};
    p.next = next;
    return p;
  };
  auto month_span = [&](int year, int month, size_t next) -> std::optional<Piece> {
    const int first = *DaysOfDate(year, month, 1);
    const int after = month == 12 ? *DaysOfDate(year + 1, 1, 1) : *DaysOfDate(year, month + 1, 1);
    p.span = {At(first, 0), At(after, 0), TimeGrain::kMonth};
    p.next = next;
    return p;
  };
  auto quarter_span = [&](int year, int q, size_t next) {
    const int first = *DaysOfDate(year, 3 * (q - 1) + 1, 1);
    const int after = q == 4 ? *DaysOfDate(year + 1, 1, 1) : *DaysOfDate(year, 3 * q + 1, 1);
    p.span = {At(first, 0), At(after, 0), TimeGrain::kQuarter};
    p.next = next;
    return p;
  };
  auto year_span = [&](int year, size_t next) {
    p.span = {At(*DaysOfDate(year, 1, 1), 0), At(*DaysOfDate(year + 1, 1, 1), 0), TimeGrain::kYear};
    p.next = next;
    return p;
  };
  auto days = [&](int from, int to, size_t next) {
    p.span = {At(from, 0), At(to, 0), TimeGrain::kDay};
    p.next = next;
    return p;
  };
  // this/next/last + week/month/quarter/year/weekend
  int shift = 99;
  size_t k = i;
  if (IsAny(k, {"deze", "dit", "this", "huidige", "current"}))
    shift = 0;
  else if (IsAny(k, {"volgende", "volgend", "komende", "next", "coming", "aankomende"}))
    shift = 1;
  else if (IsAny(k, {"vorige", "vorig", "afgelopen", "last", "past"}))
    shift = -1;
  if (shift != 99) {
    const std::string_view u = W(k + 1);
    if (u == "week") return week(monday + 7 * shift, k + 2);
    if (u == "maand" || u == "month") {
      int m = y * 12 + (mo - 1) + shift;
      return month_span(m / 12, m % 12 + 1, k + 2);
    }
    if (u == "kwartaal" || u == "quarter") {
      int q = (y * 4 + (mo - 1) / 3) + shift;
      return quarter_span(q / 4, q % 4 + 1, k + 2);
    }
    if (u == "jaar" || u == "year") return year_span(y + shift, k + 2);
    if (u == "weekend") {
      const int wd = WeekdayOf(Today());
      int sat = monday + 5 + 7 * shift;
      if (shift == 0 && wd >= 5) sat = monday + 5;
      return days(sat, sat + 2, k + 2);
    }
  }
  // in het weekend / at the weekend / over the weekend / the weekend
  if ((IsAny(k, {"in", "at", "over", "during", "tijdens"}) && IsAny(k + 1, {"het", "the"}) &&
       Is(k + 2, "weekend")) ||
      (IsAny(k, {"het", "the"}) && Is(k + 1, "weekend"))) {
    const size_t next = Is(k + 2, "weekend") ? k + 3 : k + 2;
    return days(monday + 5, monday + 7, next);
  }
  // eind van de week / end of (the) week / eind deze week / end of next week
  {
    size_t e = k;
    if (IsAny(e, {"aan", "at", "by", "tegen"}) && IsAny(e + 1, {"het", "the"}))
      e += 2;
    else if (Is(e, "the"))
      e += 1;
    if (IsAny(e, {"eind", "einde", "end", "eo"})) {
      size_t m = e + 1;
      if (IsAny(m, {"van", "of"})) ++m;
      int sh = 0;
      if (IsAny(m, {"de", "the", "deze", "dit", "this"}))
        ++m;
      else if (IsAny(m, {"volgende", "volgend", "next"})) {
        sh = 1;
        ++m;
      }
      if (Is(m, "week")) {
        const int fri = monday + 7 * sh + 4;
        return days(fri, fri + 1, m + 1);
      }
      if (IsAny(m, {"maand", "month"})) {
        int mm = y * 12 + (mo - 1) + sh;
        const int ny = mm / 12, nm = mm % 12 + 1;
        const int after = nm == 12 ? *DaysOfDate(ny + 1, 1, 1) : *DaysOfDate(ny, nm + 1, 1);
        return days(after - 1, after, m + 1);
      }
      if (IsAny(m, {"jaar", "year"})) {
        const int after = *DaysOfDate(y + sh + 1, 1, 1);
        return days(after - 1, after, m + 1);
      }
      if (IsAny(m, {"dag", "day"})) {
        p.span = {ref_.now, At(Today() + 1, 0), TimeGrain::kHour};
        p.next = m + 1;
        return p;
      }
    }
  }
  if (IsAny(k, {"eow"})) return days(monday + 4, monday + 5, k + 1);
  if (IsAny(k, {"eom"})) {
    const int after = mo == 12 ? *DaysOfDate(y + 1, 1, 1) : *DaysOfDate(y, mo + 1, 1);
    return days(after - 1, after, k + 1);
  }
  if (IsAny(k, {"eod", "cob"}) || (Is(k, "close") && Is(k + 1, "of") && Is(k + 2, "business"))) {
    p.span = {ref_.now, At(Today() + 1, 0), TimeGrain::kHour};
    p.next = Is(k, "close") ? k + 3 : k + 1;
    return p;
  }
  // vandaag nog / nog vandaag / today still
  if ((Is(k, "vandaag") && Is(k + 1, "nog")) || (Is(k, "nog") && Is(k + 1, "vandaag")) ||
      (Is(k, "later") && Is(k + 1, "today")) || (Is(k, "later") && Is(k + 1, "vandaag"))) {
    p.span = {ref_.now, At(Today() + 1, 0), TimeGrain::kHour};
    p.next = k + 2;
    return p;
  }
  // begin volgende week / early next week / begin deze week
  if (IsAny(k, {"begin", "early", "start", "beginning"})) {
    size_t m = k + 1;
    if (IsAny(m, {"of", "van"})) ++m;
    int sh = -1;
    if (IsAny(m, {"volgende", "next"}))
      sh = 1;
    else if (IsAny(m, {"deze", "this"}))
      sh = 0;
    if (sh >= 0 && Is(m + 1, "week")) {
      const int mon = monday + 7 * sh;
      return days(mon, mon + 3, m + 2);
    }
  }
  // later deze week / later this week
  if (Is(k, "later") && IsAny(k + 1, {"deze", "this"}) && Is(k + 2, "week"))
    return days(Today() + 1, monday + 7, k + 3);
  // in maart [2027] / in March / by March
  if (Is(k, "in")) {
    if (auto month = Lookup(W(k + 1), kMonths)) {
      std::optional<int> year;
      if (k + 2 < t_.size() && t_[k + 2].kind == TokKind::kNumber && t_[k + 2].text.size() == 4)
        year = ToInt(t_[k + 2].text);
      const int yy = year ? *year : (*month < mo ? y + 1 : y);
      return month_span(yy, *month, year ? k + 3 : k + 2);
    }
    // in 2027
    if (Is(k, "in") && k + 1 < t_.size() && t_[k + 1].kind == TokKind::kNumber &&
        t_[k + 1].text.size() == 4) {
      const int yy = ToInt(t_[k + 1].text);
      if (yy >= 1990 && yy <= 2100) return year_span(yy, k + 2);
    }
  }
  // Q1-Q4 [2027]
  if (k < t_.size() && t_[k].kind == TokKind::kWord && t_[k].text == "q" && k + 1 < t_.size() &&
      t_[k + 1].kind == TokKind::kNumber && t_[k + 1].begin == t_[k].end) {
    const int q = ToInt(t_[k + 1].text);
    if (q < 1 || q > 4) return std::nullopt;
    std::optional<int> year;
    if (k + 2 < t_.size() && t_[k + 2].kind == TokKind::kNumber && t_[k + 2].text.size() == 4)
      year = ToInt(t_[k + 2].text);
    const int current = (mo - 1) / 3 + 1;
    const int yy = year ? *year : (q < current ? y + 1 : y);
    return quarter_span(yy, q, year ? k + 3 : k + 2);
  }
  // het eerste kwartaal / the third quarter
  {
    size_t m = k;
    if (IsAny(m, {"het", "the"})) ++m;
    auto n = Lookup(W(m), kNumberWords);
    if (n && *n >= 1 && *n <= 4 && IsAny(m + 1, {"kwartaal", "quarter"}) &&
        IsAny(m, {"eerste", "tweede", "derde", "vierde", "first", "second", "third", "fourth"})) {
      const int current = (mo - 1) / 3 + 1;
      return quarter_span(*n < current ? y + 1 : y, *n, m + 2);
    }
  }
  return std::nullopt;
}

std::optional<Piece> Parser::SpanAt(size_t i) const {
  Piece p;
  p.kind = PieceKind::kSpan;
  const Timestamp now = ref_.now;
  // binnen/within [de komende|the next] N unit; binnen het uur; within the hour
  size_t k = i;
  bool within = false;
  if (IsAny(k, {"binnen", "within"})) {
    within = true;
    ++k;
  } else if ((Is(k, "in") && IsAny(k + 1, {"de", "the"}) && IsAny(k + 2, {"komende", "next"}))) {
    within = true;
    k += 3;
  }
  const bool over = !within && IsAny(k, {"over", "in"});
  if (over) ++k;
  if (!within && !over) return std::nullopt;
  // "binnen het uur", "within the hour"
  if (within && IsAny(k, {"het", "the"}) && UnitWord(W(k + 1)) == Unit::kHour) {
    p.span = {now, now + std::chrono::hours(1), TimeGrain::kMinute};
    p.next = k + 2;
    return p;
  }
  std::optional<int> n = Number(k);
  size_t u = k + 1;
  // "een half uur", "half an hour", "a quarter of an hour"
  int minutes_fixed = 0;
  if ((IsAny(k, {"een", "a"}) && Is(k + 1, "half") && IsAny(k + 2, {"uur", "hour"})) ||
      (Is(k, "half") && IsAny(k + 1, {"an", "a"}) && Is(k + 2, "hour"))) {
    minutes_fixed = 30;
    u = k + 3;
  } else if (IsAny(k, {"een", "a"}) && Is(k + 1, "kwartier")) {
    minutes_fixed = 15;
    u = k + 2;
  }
  if (!n && !minutes_fixed && IsAny(k, {"een", "a", "an"})) n = 1;
  if (!n && !minutes_fixed) return std::nullopt;
  // "business days", "working days", "werkdagen"
  std::optional<Unit> unit;
  if (!minutes_fixed) {
    if (IsAny(u, {"business", "working", "werk"}) && UnitWord(W(u + 1)) == Unit::kDay) {
      unit = Unit::kBusinessDay;
      u += 2;
    } else {
      unit = UnitWord(W(u));
      if (!unit) return std::nullopt;
      ++u;
    }
    // Dutch "uur" after "over" must be Dutch; "in 2 uur" is fine too.
    if (*unit == Unit::kQuarterHour) minutes_fixed = 15 * *n;
  }
  p.next = u;
  auto minutes = [&](int m) {
    const Timestamp t = FromMillis(ToMillis(now) / 60'000 * 60'000) + std::chrono::minutes(m);
    if (within)
      p.span = {now, now + std::chrono::minutes(m), TimeGrain::kMinute};
    else
      p.span = {t, t + std::chrono::minutes(1), TimeGrain::kMinute};
    return p;
  };
  if (minutes_fixed) return minutes(minutes_fixed);
  switch (*unit) {
    case Unit::kMinute:
      return minutes(*n);
    case Unit::kHour:
      return minutes(*n * 60);
    case Unit::kDay:
    case Unit::kWeek:
    case Unit::kBusinessDay: {
      if (!within) return std::nullopt;  // "over 3 dagen" is a day (Day)
      int last = Today() + (*unit == Unit::kWeek ? 7 * *n : *n);
      if (*unit == Unit::kBusinessDay) {
        last = Today();
        for (int left = *n; left > 0 && last < Today() + 400;) {
          ++last;
          if (ref_.business.BusinessDay(last)) --left;
        }
      }
      p.span = {now, At(last + 1, 0), TimeGrain::kDay};
      return p;
    }
    case Unit::kMonth:
    case Unit::kYear: {
      if (!within) return std::nullopt;
      int y = 0, mo = 0, dd = 0;
      CivilOf(Today(), &y, &mo, &dd);
      const int months = y * 12 + (mo - 1) + (*unit == Unit::kMonth ? *n : 12 * *n);
      std::optional<int> d;
      for (int day = dd; day >= 28 && !d; --day) d = DaysOfDate(months / 12, months % 12 + 1, day);
      if (!d) return std::nullopt;
      p.span = {now, At(*d + 1, 0), TimeGrain::kDay};
      return p;
    }
    default:
      return std::nullopt;
  }
}

std::optional<Piece> Parser::Asap(size_t i) const {
  Piece p;
  p.kind = PieceKind::kAsap;
  if (IsAny(i, {"zsm", "asap"})) {
    p.next = i + 1;
    return p;
  }
  if (Is(i, "zo") && IsAny(i + 1, {"snel", "spoedig", "vlug"}) && Is(i + 2, "mogelijk")) {
    p.next = i + 3;
    return p;
  }
  if (Is(i, "as") && Is(i + 1, "soon") && Is(i + 2, "as") &&
      IsAny(i + 3, {"possible", "we", "i"})) {
    p.next = Is(i + 3, "possible") ? i + 4 : (IsAny(i + 4, {"can"}) ? i + 5 : i + 4);
    return p;
  }
  return std::nullopt;
}

// ----- putting pieces together

TimeSpan Parser::Resolve(const Piece& p) const {
  switch (p.kind) {
    case PieceKind::kDay:
      return DaySpan(p.day);
    case PieceKind::kDayPart:
      return {At(p.day, p.part.from), At(p.day, p.part.to), TimeGrain::kPartOfDay};
    case PieceKind::kPart: {
      const int day = p.part_today ? Today() : DayFor(p.part.to);
      return {At(day, p.part.from), At(day, p.part.to), TimeGrain::kPartOfDay};
    }
    case PieceKind::kClock: {
      const int m = luister::Resolve(p.from);
      return ClockSpan(DayFor(m + 1), p.from);
    }
    case PieceKind::kRange: {
      const TimeSpan today = RangeSpan(Today(), p.from, p.to);
      return today.end > ref_.now ? today : RangeSpan(Today() + 1, p.from, p.to);
    }
    case PieceKind::kSpan:
      return p.span;
    case PieceKind::kAsap:
      return {};
  }
  return {};
}

TimeSpan Parser::ClockSpan(int day, const Clock& c) const {
  const Timestamp s = At(day, luister::Resolve(c));
  return {s, s + std::chrono::minutes(c.whole_hour ? 60 : 1), GrainOf(c)};
}

TimeSpan Parser::RangeSpan(int day, const Clock& from, const Clock& to) const {
  const int a = luister::Resolve(from);
  int b = luister::Resolve(to);
  // "tussen 11 en 1": to the afternoon; "van 22 tot 0": to midnight.
  if (b <= a && b + 12 * 60 > a && b + 12 * 60 <= kDay) b += 12 * 60;
  if (b <= a) b = kDay;
  return {At(day, a), At(day, b),
          from.whole_hour && to.whole_hour ? TimeGrain::kHour : TimeGrain::kMinute};
}

// What narrows a day at token `k` (perhaps after "om", "at", "in de"): a
// stretch of hours, a bound on the clock, a clock time, a part of the day.
std::optional<Piece> Parser::Narrow(size_t k, int day) const {
  const size_t f = SkipFiller(k);
  for (size_t at : {k, f}) {
    if (auto r = Range(at, /*after_day=*/true)) {
      Piece p = *r;
      p.kind = PieceKind::kSpan;
      p.span = RangeSpan(day, r->from, r->to);
      return p;
    }
    if (IsAny(at, {"voor", "before", "uiterlijk", "by", "tot", "until", "till", "na", "after",
                   "vanaf", "from"})) {
      size_t c = at + 1;
      if (IsAny(c, {"om", "at"})) ++c;
      if (auto clock = ClockAt(c, true)) {
        Piece p = *clock;
        p.kind = PieceKind::kSpan;
        const int m = luister::Resolve(clock->from);
        if (IsAny(at, {"na", "after", "vanaf", "from"}))
          p.span = {At(day, m), At(day + 1, 0), GrainOf(clock->from)};
        else if (IsAny(at, {"voor", "before"}))
          p.span = {At(day, 0), At(day, m), GrainOf(clock->from)};
        else  // uiterlijk, by, tot, until: from now
          p.span = {std::min(ref_.now, At(day, m)), At(day, m), GrainOf(clock->from)};
        return p;
      }
    }
    if (auto clock = ClockAt(at, at != k)) {
      Piece p = *clock;
      p.kind = PieceKind::kSpan;
      p.span = ClockSpan(day, clock->from);
      return p;
    }
    if (auto part = PartAt(at)) {
      Piece p = *part;
      p.kind = PieceKind::kDayPart;
      p.day = day;
      // "morgenochtend om 9 uur": the clock decides.
      if (auto more = Narrow(p.next, day); more && more->kind == PieceKind::kSpan) return more;
      return p;
    }
  }
  return std::nullopt;
}

// A day with what narrows it (a part, a clock, a range, "voor 12 uur"), in
// either order, or one of those alone.
std::optional<Piece> Parser::Combined(size_t i) const {
  // Compounds: morgenochtend, vrijdagmiddag, zondagavond.
  const std::string_view w = W(i);
  for (std::string_view head : {"morgen", "overmorgen", "maandag", "dinsdag", "woensdag",
                                "donderdag", "vrijdag", "zaterdag", "zondag"}) {
    if (w.size() <= head.size() || w.substr(0, head.size()) != head) continue;
    auto part = PartWord(w.substr(head.size()));
    if (!part) continue;
    int day = Today() + (head == "morgen" ? 1 : 2);
    if (head != "morgen" && head != "overmorgen") {
      const int wd = *Lookup(head, kWeekdays);
      const int monday = Today() - WeekdayOf(Today());
      const int today_wd = WeekdayOf(Today());
      day = monday + (wd > today_wd ? wd : 7 + wd);
      if (IsAny(i - 1, {"volgende", "next"})) day = monday + 7 + wd;
      if (IsAny(i - 1, {"deze", "aanstaande", "komende", "this"}))
        day = monday + (wd >= today_wd ? wd : 7 + wd);
    }
    Piece p;
    p.kind = PieceKind::kDayPart;
    p.day = day;
    p.part = *part;
    p.next = i + 1;
    if (auto more = Narrow(p.next, day); more && more->kind == PieceKind::kSpan) return more;
    return p;
  }

  if (auto day = Day(i)) {
    if (auto more = Narrow(day->next, day->day)) return more;
    return day;
  }
  // A clock, a range or a part first, then perhaps its day.
  std::optional<Piece> first;
  if (auto r = Range(i))
    first = r;
  else if (auto c = ClockAt(i, IsAny(i - 1, {"om", "at", "rond", "around", "omstreeks"})))
    first = c;
  else if (auto part = PartAt(i))
    first = part;
  if (!first) return std::nullopt;
  const size_t f = SkipFiller(first->next);
  for (size_t at : {first->next, f}) {
    auto day = Day(at);
    if (!day) continue;
    Piece p = *first;
    p.next = day->next;
    if (first->kind == PieceKind::kPart) {
      p.kind = PieceKind::kDayPart;
      p.day = day->day;
      return p;
    }
    p.kind = PieceKind::kSpan;
    p.span = first->kind == PieceKind::kRange ? RangeSpan(day->day, first->from, first->to)
                                              : ClockSpan(day->day, first->from);
    return p;
  }
  return first;
}

// voor/uiterlijk/na/vanaf + what follows: a bound from now.
std::optional<Piece> Parser::Bounded(size_t i) const {
  enum { kBefore, kBy, kAfter, kFrom } bound;
  size_t k = i;
  if (Is(k, "voor") && Is(k + 1, "uiterlijk")) {
    bound = kBy;
    k += 2;
  } else if (Is(k, "prior") && Is(k + 1, "to")) {
    bound = kBefore;
    k += 2;
  } else if (IsAny(k, {"voor", "before"})) {
    bound = kBefore;
    ++k;
  } else if (IsAny(k, {"uiterlijk", "by", "tegen", "until", "till", "tot"}) ||
             (Is(k, "ten") && Is(k + 1, "laatste")) ||
             (IsAny(k, {"no", "not", "niet"}) && Is(k + 1, "later") &&
              IsAny(k + 2, {"than", "dan"}))) {
    // "stop by", "come by": a visit, not a bound.
    if (Is(k, "by") && IsAny(k - 1, {"stop", "drop", "come", "pass", "swing", "pop", "stopping",
                                     "coming", "dropping", "passing"}))
      return std::nullopt;
    bound = kBy;
    k += Is(k, "ten") ? 2 : IsAny(k, {"no", "not", "niet"}) ? 3 : 1;
  } else if (IsAny(k, {"na", "after"})) {
    bound = kAfter;
    ++k;
  } else if (IsAny(k, {"vanaf", "from"})) {
    bound = kFrom;
    ++k;
  } else {
    return std::nullopt;
  }
  const Timestamp now = ref_.now;
  Piece p;
  p.kind = PieceKind::kSpan;
  // "voor het einde van de dag", "by the end of the week", "voor het weekend"
  if (bound == kBefore || bound == kBy) {
    size_t e = k;
    if (IsAny(e, {"het", "the"})) ++e;
    if (IsAny(e, {"eind", "einde", "end"})) {
      if (auto per = Period(e)) {
        p = *per;
        p.span = {now, per->span.end,
                  per->span.grain == TimeGrain::kHour ? TimeGrain::kHour : TimeGrain::kDay};
        return p;
      }
    }
    if (IsAny(k, {"het", "the"}) && Is(k + 1, "weekend")) {
      p.span = {now, At(Today() - WeekdayOf(Today()) + 5, 0), TimeGrain::kDay};
      p.next = k + 2;
      return p;
    }
  }
  if (IsAny(k, {"om", "at"})) ++k;
  // by March / voor april: the month as a whole.
  if (auto month = Lookup(W(k), kMonths);
      month && W(k) != "may" && W(k) != "mar" && W(k) != "jan" &&
      !(k + 1 < t_.size() && t_[k + 1].kind == TokKind::kNumber && t_[k + 1].text.size() <= 2)) {
    int y = 0, mo = 0, dd = 0;
    CivilOf(Today(), &y, &mo, &dd);
    const int yy = *month < mo ? y + 1 : y;
    const int first = *DaysOfDate(yy, *month, 1);
    const int after = *month == 12 ? *DaysOfDate(yy + 1, 1, 1) : *DaysOfDate(yy, *month + 1, 1);
    p.next = k + 1;
    if (bound == kBefore)
      p.span = {now, At(first, 0), TimeGrain::kDay};
    else if (bound == kBy)
      p.span = {now, At(after, 0), TimeGrain::kDay};
    else if (bound == kAfter)
      p.span = {At(after, 0), At(after + 1, 0), TimeGrain::kDay};
    else
      p.span = {At(first, 0), At(after, 0), TimeGrain::kMonth};
    return p;
  }
  std::optional<Piece> what;
  what = Combined(k);
  if (!what) what = Period(k);
  if (!what) return std::nullopt;
  // "voor 12 uur" is marked: a bare number after a bound is a clock.
  if (what->kind == PieceKind::kClock || what->kind == PieceKind::kRange) {
    if (auto clock = ClockAt(k, true); clock && what->kind == PieceKind::kClock) what = clock;
  } else if (auto clock = ClockAt(k, true); clock && clock->next > what->next) {
    what = clock;
  }
  const TimeSpan s = Resolve(*what);
  p.next = what->next;
  const bool moment = what->kind == PieceKind::kClock ||
                      (what->kind == PieceKind::kSpan &&
                       (s.grain == TimeGrain::kHour || s.grain == TimeGrain::kMinute) &&
                       s.end - s.start <= std::chrono::minutes(60));
  const TimeGrain grain = s.grain == TimeGrain::kPartOfDay ? TimeGrain::kHour : s.grain;
  switch (bound) {
    case kBefore:
      p.span = {now, s.start, grain};
      break;
    case kBy:
      p.span = {now, moment ? s.start : s.end, grain};
      break;
    case kAfter:
      if (moment) {
        p.span = {s.start, At(ref_.clock.ToLocal(s.start).days + 1, 0), grain};
      } else {
        const auto length =
            s.grain == TimeGrain::kDay ? std::chrono::milliseconds(86'400'000) : s.end - s.start;
        p.span = {s.end, s.end + length, grain};
      }
      break;
    case kFrom:
      if (moment)
        p.span = {s.start, At(ref_.clock.ToLocal(s.start).days + 1, 0), grain};
      else
        p.span = s;
      break;
  }
  return p;
}

std::optional<Match> Parser::At(size_t i) const {
  std::optional<Piece> best;
  auto consider = [&](std::optional<Piece> p) {
    if (p && p->next > i && (!best || p->next > best->next)) best = p;
  };
  consider(Asap(i));
  consider(SpanAt(i));
  consider(Period(i));
  consider(Bounded(i));
  consider(Combined(i));
  if (!best) return std::nullopt;
  FoundTime f;
  if (best->kind == PieceKind::kAsap) {
    f.asap = true;
  } else {
    f.span = Resolve(*best);
    if (f.span->end <= f.span->start) return std::nullopt;  // "voor 9 uur" at 10:00 today
  }
  f.begin = t_[i].begin;
  f.end = t_[best->next - 1].end;
  return Match{f, *best, i};
}

std::optional<TimeSpan> Parser::OnDay(const Piece& p, int day) const {
  switch (p.kind) {
    case PieceKind::kClock:
      return ClockSpan(day, p.from);
    case PieceKind::kRange:
      return RangeSpan(day, p.from, p.to);
    case PieceKind::kPart:
      if (p.part_today) return std::nullopt;
      return TimeSpan{At(day, p.part.from), At(day, p.part.to), TimeGrain::kPartOfDay};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view ToString(TimeGrain g) {
  switch (g) {
    case TimeGrain::kSecond:
      return "second";
    case TimeGrain::kMinute:
      return "minute";
    case TimeGrain::kHour:
      return "hour";
    case TimeGrain::kPartOfDay:
      return "part_of_day";
    case TimeGrain::kDay:
      return "day";
    case TimeGrain::kWeek:
      return "week";
    case TimeGrain::kMonth:
      return "month";
    case TimeGrain::kQuarter:
      return "quarter";
    case TimeGrain::kYear:
      return "year";
  }
  return "day";
}

Result<TimeReference> OfficeReference(Timestamp now, std::string_view zone, Language language) {
  LUISTER_ASSIGN_OR_RETURN(ZoneClock clock, ZoneClock::Open(zone));
  TimeReference ref{now, clock, BusinessCalendar::OfficeWeek(clock, "NL"), language};
  return ref;
}

std::optional<FoundTime> FindTime(std::string_view text, const TimeReference& ref) {
  const std::vector<Tok> toks = Tokenize(text);
  const Parser parser(toks, ref);
  std::vector<Match> all;
  for (size_t i = 0; i < toks.size(); ++i)
    if (auto m = parser.At(i)) all.push_back(*m);
  if (all.empty()) return std::nullopt;
  // The longest; of equally long ones the first.
  const Match* best = &all.front();
  for (const Match& m : all)
    if (m.piece.next - m.first > best->piece.next - best->first) best = &m;
  // A day and a time of day apart in one sentence ("Woensdag komt de
  // monteur tussen 1 en 5"): the time on that day.
  const bool best_is_day = best->piece.kind == PieceKind::kDay;
  const bool best_is_time = !best_is_day && parser.OnDay(best->piece, 0).has_value();
  if (best_is_day || best_is_time) {
    for (const Match& m : all) {
      if (m.piece.next <= best->first || m.first >= best->piece.next) {
        const Match& day = best_is_day ? *best : m;
        const Match& time = best_is_day ? m : *best;
        if (day.piece.kind != PieceKind::kDay) continue;
        auto span = parser.OnDay(time.piece, day.piece.day);
        if (!span) continue;
        FoundTime f;
        f.span = span;
        f.begin = std::min(day.found.begin, time.found.begin);
        f.end = std::max(day.found.end, time.found.end);
        return f;
      }
    }
  }
  return best->found;
}

}  // namespace luister
