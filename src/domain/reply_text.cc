#include "domain/reply_text.h"

#include <algorithm>
#include <array>
#include <vector>

#include "domain/validation.h"

namespace luister {
namespace {

bool IsQuoted(std::string_view line) { return Trim(line).starts_with(">"); }

// "On Mon, 2 Dec 2026 at 10:00, Jan <jan@example.nl> wrote:" and its Dutch,
// German, French and Spanish forms; `lower` is trimmed and lower case.
bool IsAttribution(std::string_view lower) {
  if (lower.size() < 8 || lower.back() != ':') return false;
  struct Form {
    std::string_view start, verb;
  };
  static constexpr std::array<Form, 6> kForms{{{"on ", " wrote:"},
                                               {"op ", " schreef "},
                                               {"am ", " schrieb "},
                                               {"le ", " a écrit"},
                                               {"el ", " escribió:"},
                                               {"", "> wrote:"}}};
  for (const auto& f : kForms) {
    if (lower.starts_with(f.start) && lower.find(f.verb) != std::string_view::npos) return true;
  }
  return lower.ends_with("> schreef:") || lower.ends_with("> schrieb:");
}

// "-----Original Message-----", "---------- Forwarded message ---------",
// "Begin forwarded message:", in the languages of our users' mail clients.
bool IsHistoryMarker(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kDashed{
      "original message",     "oorspronkelijk bericht",
      "origineel bericht",    "ursprüngliche nachricht",
      "message d'origine",    "forwarded message",
      "doorgestuurd bericht", "weitergeleitete nachricht",
      "message transféré",    "forwarded by",
      "doorgestuurd door",    "reply message"};
  if (lower.starts_with("--") || lower.starts_with("__")) {
    std::string_view inner = lower;
    while (!inner.empty() && (inner.front() == '-' || inner.front() == '_' || inner.front() == ' '))
      inner.remove_prefix(1);
    while (!inner.empty() && (inner.back() == '-' || inner.back() == '_' || inner.back() == ' '))
      inner.remove_suffix(1);
    for (std::string_view m : kDashed) {
      if (inner.starts_with(m)) return true;
    }
  }
  return lower == "begin forwarded message:" || lower == "begin doorgestuurd bericht:" ||
         lower == "anfang der weitergeleiteten nachricht:";
}

bool StartsWithAny(std::string_view lower, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return lower.starts_with(p); });
}

// Outlook's block above the quoted mail: "From: …" (or Van:/Von:/De :)
// followed within a few lines by a sent line and a to/subject line.
bool IsHeaderBlock(const std::vector<std::string>& lower, size_t i) {
  if (!StartsWithAny(lower[i], {"from:", "van:", "von:", "de :", "de:", "da:", "*from:*"}))
    return false;
  bool sent = false, addressed = false;
  for (size_t j = i + 1; j < lower.size() && j <= i + 6; ++j) {
    std::string_view l = lower[j];
    if (StartsWithAny(l, {"sent:", "verzonden:", "gesendet:", "envoyé :", "envoyé:", "date:",
                          "datum:", "inviato:", "*sent:*"}))
      sent = true;
    if (StartsWithAny(l, {"to:", "aan:", "an:", "à :", "à:", "subject:", "onderwerp:", "betreff:",
                          "objet :", "objet:", "cc:", "*to:*", "*subject:*"}))
      addressed = true;
  }
  return sent && addressed;
}

// A sign-off that mobile clients append; what follows it is history.
bool IsMobileSignOff(std::string_view lower) {
  return StartsWithAny(
             lower, {"sent from my ", "sent from outlook", "get outlook for ",
                     "sent from mail for windows", "sent from yahoo mail", "verzonden vanaf mijn ",
                     "verzonden met mijn ", "verstuurd vanaf mijn ", "verstuurd met mijn ",
                     "verzonden vanuit outlook", "envoyé de mon "}) ||
         (lower.starts_with("von meinem ") && lower.ends_with(" gesendet"));
}

}  // namespace

std::string NewText(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  std::vector<std::string> lower;
  lower.reserve(lines.size());
  for (std::string_view l : lines) lower.push_back(AsciiLower(Trim(l)));

  // Everything from the first history marker, header block, signature
  // delimiter or mobile sign-off on is not new.
  size_t cut = lines.size();
  for (size_t i = 0; i < lines.size() && cut == lines.size(); ++i) {
    std::string_view raw = lines[i];
    if (raw == "-- " || raw == "--" || IsHistoryMarker(lower[i]) || IsMobileSignOff(lower[i])) {
      cut = i;
    } else if (IsHeaderBlock(lower, i)) {
      cut = i;
      // Outlook draws a line of underscores above the block.
      if (i > 0 && lower[i - 1].starts_with("____")) cut = i - 1;
    }
  }

  std::vector<bool> keep(cut, true);
  for (size_t i = 0; i < cut; ++i) {
    if (IsQuoted(lines[i])) {
      keep[i] = false;
      continue;
    }
    if (lower[i].empty()) continue;
    // An attribution, perhaps wrapped over two lines, before quoted lines or
    // the cut.
    size_t last = i;
    bool attribution = IsAttribution(lower[i]);
    if (!attribution && i + 1 < cut && !lower[i + 1].empty()) {
      attribution = IsAttribution(lower[i] + " " + lower[i + 1]);
      last = i + 1;
    }
    if (!attribution) continue;
    size_t next = last + 1;
    while (next < cut && lower[next].empty()) ++next;
    if (next == cut || IsQuoted(lines[next])) {
      for (size_t j = i; j <= last; ++j) keep[j] = false;
      i = last;
    }
  }

  std::string out;
  size_t blank_run = 0;
  for (size_t i = 0; i < cut; ++i) {
    if (!keep[i]) continue;
    std::string_view line = lines[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) {
      if (!out.empty()) ++blank_run;
      continue;
    }
    // Paragraphs stay apart by one blank line, however many there were.
    if (!out.empty()) out.append(blank_run > 0 ? "\n\n" : "\n");
    blank_run = 0;
    out.append(line);
  }
  return out;
}

}  // namespace luister
