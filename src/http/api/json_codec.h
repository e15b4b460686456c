#pragma once

#include <nlohmann/json.hpp>

#include "domain/activity.h"
#include "domain/audit.h"
#include "domain/auth_records.h"
#include "domain/conversation.h"
#include "domain/conversation_service.h"
#include "domain/customer.h"
#include "domain/directory.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/permissions.h"
#include "domain/phone_call.h"
#include "domain/search.h"
#include "http/json_body.h"
#include "http/json_writer.h"

namespace luister::http {

// Wire form of domain entities. Field names are the API contract described
// in docs/openapi.yaml; times are ISO-8601 UTC strings; absent optionals are null.
nlohmann::json ToJson(const Identity& v);
nlohmann::json ToJson(const Customer& v);
nlohmann::json ToJson(const MergeRecord& v);
nlohmann::json ToJson(const Conversation& v);
// The same, written directly as text (the inbox's hot paths); ToJson parses it.
std::string ConversationJson(const Conversation& v);
std::string ConversationPageJson(const Page<Conversation>& page);
nlohmann::json ToJson(const Message& v);
nlohmann::json ToJson(const ActivityParams& v);
nlohmann::json ToJson(const Activity& v);
nlohmann::json ToJson(const Department& v);
nlohmann::json ToJson(const Queue& v);
nlohmann::json ToJson(const User& v);
nlohmann::json ToJson(const AuditEntry& v);
nlohmann::json ToJson(const ApiTokenRecord& v);
nlohmann::json ToJson(const SearchHit& v);
nlohmann::json ToJson(const JobRecord& v);
nlohmann::json ToJson(const PhoneCall& v);
// A number as people read it (FormatPhone); one that is not E.164
// ("anonymous", an extension) as the telephone system sent it.
std::string DisplayPhone(const std::string& number);
// The wire names of the permissions `role` holds, in table order.
// Lower-case hex of a SHA-256 (an uploaded file's name).
bool IsSha256Hex(std::string_view s);
// The fields of one message from a request body or an element of an
// import; the caller rejects unknown fields. `uploads`: attachments may
// name uploaded files by `sha256`.
MessageInput ReadMessageFields(JsonBody& b, bool uploads);

nlohmann::json PermissionsJson(Role role);

// "HH:MM-HH:MM"
std::string FormatContactHours(const ContactHours& h);
std::optional<ContactHours> ParseContactHours(std::string_view s);

// {"items": [...], "next_cursor": "..." | null}
template <typename T>
nlohmann::json PageToJson(const Page<T>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(ToJson(item));
  return {{"items", std::move(items)},
          {"next_cursor", page.next ? nlohmann::json(page.next->Encode()) : nlohmann::json()}};
}

template <typename T>
nlohmann::json ListToJson(const std::vector<T>& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : list) items.push_back(ToJson(item));
  return {{"items", std::move(items)}};
}

}  // namespace luister::http
