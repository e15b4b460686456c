#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/commands.h"
#include "channels/email/mime_parser.h"

namespace luister {
namespace {

using Json = nlohmann::ordered_json;

Json AddressJson(const MailAddress& a) { return {{"name", a.name}, {"address", a.address}}; }

Json AddressList(const std::vector<MailAddress>& list) {
  Json out = Json::array();
  for (const auto& a : list) out.push_back(AddressJson(a));
  return out;
}

// ISO 8601 in UTC to the second: "2026-12-02T09:30:00Z".
std::string DateJson(Timestamp t) {
  std::time_t seconds = ToMillis(t) / 1000;
  if (ToMillis(t) < 0 && ToMillis(t) % 1000 != 0) --seconds;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

int RunMailParse(const std::string& path) {
  std::string raw;
  if (path == "-") {
    raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "luister: cannot read " << path << "\n";
      return 1;
    }
    raw.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto parsed = email::ParseMail(raw);
  if (!parsed.ok()) {
    std::cerr << "luister: " << (path == "-" ? "standard input" : path) << ": "
              << parsed.status().message() << "\n";
    return 1;
  }
  const InboundMail& m = *parsed;
  Json out;
  out["from"] = m.from ? AddressJson(*m.from) : Json(nullptr);
  out["to"] = AddressList(m.to);
  out["cc"] = AddressList(m.cc);
  out["reply_to"] = AddressList(m.reply_to);
  out["subject"] = m.subject;
  out["date"] = m.date ? Json(DateJson(*m.date)) : Json(nullptr);
  out["message_id"] = m.message_id;
  out["in_reply_to"] = m.in_reply_to;
  out["references"] = m.references;
  out["kind"] = std::string(MailKindName(m.kind));
  out["text"] = m.text;
  out["new_text"] = m.new_text;
  out["html"] = m.has_html;
  Json attachments = Json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back({{"filename", a.filename},
                           {"content_type", a.content_type},
                           {"size", a.size},
                           {"sha256", a.sha256},
                           {"content_id", a.content_id},
                           {"inline", a.inline_part}});
  }
  out["attachments"] = std::move(attachments);
  // Invalid UTF-8 cannot reach here (the parser converts every text), but
  // a dump must never throw: replace rather than fail.
  std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace luister
