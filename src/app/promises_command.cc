// `luister promises when` and `detect`: time expressions and commitments as
// the desk reads them (domain/time_expression.h, domain/commitment.h,
// docs/promises.md), one JSON object per text.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/commands.h"
#include "domain/commitment.h"
#include "domain/time_expression.h"

namespace luister {

namespace {

// The texts: the arguments, or else one per line of standard input.
template <typename Each>
void ForEachText(const std::vector<std::string>& texts, Each each) {
  if (!texts.empty()) {
    for (const std::string& t : texts) each(t);
    return;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    each(line);
  }
}

// --now, --lang and --tz read and checked; a clear message otherwise.
Result<TimeReference> Reference(const PromisesArgs& args) {
  auto now = ParseIso8601(args.now);
  if (!now) return InvalidArgument("--now must be an ISO 8601 moment with its offset: " + args.now);
  Language lang = Language::kNl;
  if (args.lang == "en")
    lang = Language::kEn;
  else if (args.lang != "nl")
    return InvalidArgument("--lang must be nl or en: " + args.lang);
  return OfficeReference(*now, args.tz, lang);
}

}  // namespace

int RunPromisesWhen(const PromisesArgs& args) {
  auto ref = Reference(args);
  if (!ref.ok()) {
    std::cerr << "luister: " << ref.status().message() << "\n";
    return 2;
  }
  ForEachText(args.texts, [&](const std::string& text) {
    nlohmann::json out = {{"text", text}};
    auto found = FindTime(text, *ref);
    if (found && found->span) {
      out["start"] = ref->clock.FormatIso(found->span->start);
      out["end"] = ref->clock.FormatIso(found->span->end);
      out["grain"] = std::string(ToString(found->span->grain));
    } else {
      out["start"] = nullptr;
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  });
  return 0;
}

int RunPromisesDetect(const PromisesArgs& args) {
  auto ref = Reference(args);
  if (!ref.ok()) {
    std::cerr << "luister: " << ref.status().message() << "\n";
    return 2;
  }
  ForEachText(args.texts, [&](const std::string& text) {
    nlohmann::json out = {{"text", text},
                          {"commitment", false},
                          {"by", nullptr},
                          {"kind", nullptr},
                          {"due", nullptr}};
    if (auto c = DetectCommitment(text, *ref)) {
      out["commitment"] = true;
      out["by"] = std::string(ToString(c->by));
      out["kind"] = std::string(ToString(c->kind));
      if (c->due)
        out["due"] = {{"start", ref->clock.FormatIso(c->due->start)},
                      {"end", ref->clock.FormatIso(c->due->end)},
                      {"grain", std::string(ToString(c->due->grain))}};
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  });
  return 0;
}

}  // namespace luister
