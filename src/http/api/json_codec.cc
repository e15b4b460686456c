#include "http/api/json_codec.h"

#include <algorithm>
#include <cstdio>

#include "domain/html_sanitizer.h"
#include "domain/phone.h"
#include "domain/reply_text.h"

namespace luister::http {

using nlohmann::json;

namespace {

template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json();
}
json OptTime(const std::optional<Timestamp>& t) { return t ? json(FormatIso8601(*t)) : json(); }
template <typename E>
json OptEnum(const std::optional<E>& e) {
  return e ? json(std::string(ToString(*e))) : json();
}
std::string Str(std::string_view s) { return std::string(s); }

}  // namespace

std::string DisplayPhone(const std::string& number) {
  return number.starts_with('+') ? FormatPhone(number) : number;
}

json ToJson(const PhoneCall& c) {
  return {{"id", c.id},
          {"call_id", Opt(c.external_id)},
          {"direction", Str(ToString(c.direction))},
          {"number", c.customer_number},
          {"number_display", DisplayPhone(c.customer_number)},
          {"desk_number", c.desk_number},
          {"line", c.line},
          {"customer_id", Opt(c.customer_id)},
          {"conversation_id", Opt(c.conversation_id)},
          {"queue_id", Opt(c.queue_id)},
          {"started_at", FormatIso8601(c.started_at)},
          {"answered_at", OptTime(c.answered_at)},
          {"ended_at", OptTime(c.ended_at)},
          {"wait_seconds", c.wait_seconds},
          {"talk_seconds", c.TalkSeconds()},
          {"ivr_path", c.ivr_path},
          {"outcome", Str(ToString(c.outcome))},
          {"agent_id", Opt(c.agent_id)},
          {"agent", c.agent_ref},
          {"recording_url", c.recording_url},
          {"notes", c.notes},
          {"logged_by", Opt(c.logged_by)},
          {"callback", Str(ToString(c.callback))},
          {"callback_closed_at", OptTime(c.callback_closed_at)},
          {"callback_closed_by", Opt(c.callback_closed_by)},
          {"created_at", FormatIso8601(c.created_at)}};
}

std::string FormatContactHours(const ContactHours& h) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", h.from_minute / 60, h.from_minute % 60,
                h.to_minute / 60, h.to_minute % 60);
  return buf;
}

std::optional<ContactHours> ParseContactHours(std::string_view s) {
  int h1, m1, h2, m2;
  char tail;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%2d:%2d-%2d:%2d%c", &h1, &m1, &h2, &m2, &tail) != 4 ||
      str.size() != 11)
    return std::nullopt;
  if (m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59 || h1 < 0 || h2 < 0) return std::nullopt;
  return ContactHours{h1 * 60 + m1, h2 * 60 + m2};
}

json ToJson(const Identity& v) {
  json failing = nullptr;
  if (v.failing) failing = {{"reason", *v.failing}, {"since", OptTime(v.failing_at)}};
  return {{"id", v.id},
          {"kind", Str(ToString(v.kind))},
          {"value", v.value},
          {"display", v.kind == IdentityKind::kPhone ? FormatPhone(v.value) : v.value},
          {"created_at", FormatIso8601(v.created_at)},
          {"failing", std::move(failing)}};
}

json ToJson(const Customer& v) {
  json ids = json::array();
  for (const auto& i : v.identities) ids.push_back(ToJson(i));
  return {{"id", v.id},
          {"kind", Str(ToString(v.kind))},
          {"name", v.name},
          {"organisation_id", Opt(v.organisation_id)},
          {"segment", v.segment},
          {"language", Str(ToString(v.language))},
          {"preferred_channel", OptEnum(v.preferred_channel)},
          {"contact_hours", v.contact_hours ? json(FormatContactHours(*v.contact_hours)) : json()},
          {"account_manager_id", Opt(v.account_manager_id)},
          {"merged_into_id", Opt(v.merged_into_id)},
          {"identities", std::move(ids)},
          {"created_at", FormatIso8601(v.created_at)},
          {"updated_at", FormatIso8601(v.updated_at)}};
}

json ToJson(const MergeRecord& v) {
  return {{"id", v.id},
          {"source_id", v.source_id},
          {"target_id", v.target_id},
          {"source_name", v.source_name},
          {"by_user_id", v.by_user_id},
          {"at", FormatIso8601(v.at)},
          {"moved_identities", v.moved_identities},
          {"moved_conversations", v.moved_conversations},
          {"moved_activities", v.moved_activities}};
}

void WriteConversation(JsonWriter& w, const Conversation& v) {
  auto time = [&](const char* key, std::optional<Timestamp> t) {
    w.Key(key);
    t ? w.String(FormatIso8601(*t)) : w.Null();
  };
  w.BeginObject()
      .Key("id")
      .Int(v.id)
      .Key("customer_id")
      .Int(v.customer_id)
      .Key("customer_name")
      .String(v.customer_name)
      .Key("channel")
      .String(ToString(v.channel))
      .Key("subject")
      .String(v.subject)
      .Key("status")
      .String(ToString(v.status))
      .Key("priority")
      .String(ToString(v.priority))
      .Key("department_id")
      .Int(v.department_id)
      .Key("queue_id")
      .OptInt(v.queue_id)
      .Key("assignee_id")
      .OptInt(v.assignee_id)
      .Key("tags")
      .Strings(v.tags)
      .Key("message_count")
      .Int(v.message_count)
      .Key("follows_id")
      .OptInt(v.follows_id)
      .Key("location_id")
      .OptInt(v.location_id)
      .Key("public")
      .Bool(v.public_thread);
  time("created_at", v.created_at);
  time("updated_at", v.updated_at);
  time("last_message_at", v.last_message_at);
  time("first_response_at", v.first_response_at);
  time("resolved_at", v.resolved_at);
  w.EndObject();
}

std::string ConversationJson(const Conversation& v) {
  JsonWriter w;
  WriteConversation(w, v);
  return w.Take();
}

std::string ConversationPageJson(const Page<Conversation>& page) {
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const Conversation& c : page.items) WriteConversation(w, c);
  w.EndArray().Key("next_cursor");
  page.next ? w.String(page.next->Encode()) : w.Null();
  w.EndObject();
  return w.Take();
}

json ToJson(const Conversation& v) { return json::parse(ConversationJson(v)); }

namespace {

// The text a reader sees first, without quoted history and signature; null
// when that is all of it (or for notes and messages that cannot quote).
json NewTextOf(const Message& v) {
  if (v.internal || !RepliesByEmail(v.channel)) return nullptr;
  auto trimmed = [](std::string_view t) {
    const char* space = " \t\r\n";
    size_t from = t.find_first_not_of(space);
    return from == std::string_view::npos ? std::string_view()
                                          : t.substr(from, t.find_last_not_of(space) - from + 1);
  };
  std::string fresh = NewText(v.body_text);
  if (trimmed(fresh) == trimmed(v.body_text)) return nullptr;  // nothing quoted
  return fresh;
}

// Inline images (cid:) pointed at their stored parts.
std::string HtmlOf(const Message& v) {
  if (v.body_html.find("src=\"cid:") == std::string::npos) return v.body_html;
  return LinkInlineImages(v.body_html, [&](std::string_view cid) -> std::optional<std::string> {
    for (const Attachment& a : v.attachments)
      if (a.id > 0 && !a.sha256.empty() && a.content_id == cid)
        return "/api/v1/attachments/" + std::to_string(a.id);
    return std::nullopt;
  });
}

}  // namespace

json ToJson(const Message& v) {
  json atts = json::array();
  for (const auto& a : v.attachments)
    atts.push_back({{"id", a.id},
                    {"filename", a.filename},
                    {"content_type", a.content_type},
                    {"size_bytes", a.size_bytes},
                    {"sha256", a.sha256},
                    {"content_id", a.content_id},
                    {"inline", a.inline_part}});
  return {{"id", v.id},
          {"conversation_id", v.conversation_id},
          {"customer_id", v.customer_id},
          {"channel", Str(ToString(v.channel))},
          {"direction", Str(ToString(v.direction))},
          {"internal", v.internal},
          {"author_user_id", Opt(v.author_user_id)},
          {"automatic", IsAutomatic(v)},
          {"body_text", v.body_text},
          {"body_html", HtmlOf(v)},
          {"new_text", NewTextOf(v)},
          {"attachments", std::move(atts)},
          {"delivery", v.delivery ? json(Str(ToString(*v.delivery))) : json(nullptr)},
          {"delivery_error", v.delivery_error.empty() ? json(nullptr) : json(v.delivery_error)},
          {"answer", v.answer_id && v.answer_number
                         ? json{{"id", *v.answer_id},
                                {"number", *v.answer_number},
                                {"override", v.answer_override.empty() ? json(nullptr)
                                                                       : json(v.answer_override)}}
                         : json(nullptr)},
          {"created_at", FormatIso8601(v.created_at)}};
}

json ToJson(const ActivityParams& p) {
  json o = json::object();
  for (const auto& [key, value] : p.items())
    std::visit([&, &key = key](const auto& x) { o[key] = x; }, value);
  return o;
}

json ToJson(const Activity& v) {
  return {{"id", v.id},
          {"customer_id", v.customer_id},
          {"at", FormatIso8601(v.at)},
          {"kind", Str(ToString(v.kind))},
          {"channel", OptEnum(v.channel)},
          {"department_id", Opt(v.department_id)},
          {"conversation_id", Opt(v.conversation_id)},
          {"message_id", Opt(v.message_id)},
          {"direction", OptEnum(v.direction)},
          {"actor_user_id", Opt(v.actor_user_id)},
          {"params", ToJson(v.params)},
          {"summary", v.summary}};
}

json ToJson(const Department& v) {
  return {{"id", v.id}, {"name", v.name}, {"created_at", FormatIso8601(v.created_at)}};
}

json ToJson(const Queue& v) {
  return {{"id", v.id},
          {"department_id", v.department_id},
          {"name", v.name},
          {"created_at", FormatIso8601(v.created_at)}};
}

json ToJson(const User& v) {
  return {{"id", v.id},
          {"email", v.email},
          {"name", v.name},
          {"role", Str(ToString(v.role))},
          {"language", Str(ToString(v.language))},
          {"department_id", Opt(v.department_id)},
          {"active", v.active},
          {"created_at", FormatIso8601(v.created_at)}};
}

json PermissionsJson(Role role) {
  json out = json::array();
  for (Permission p : PermissionsOf(role)) out.push_back(Str(ToString(p)));
  return out;
}

json ToJson(const AuditEntry& v) {
  return {{"id", v.id},
          {"at", FormatIso8601(v.at)},
          {"user_id", Opt(v.user_id)},
          {"action", v.action},
          {"entity", v.entity},
          {"entity_id", Opt(v.entity_id)},
          {"customer_id", Opt(v.customer_id)},
          {"endpoint", v.endpoint},
          {"ip", v.ip},
          {"query", v.query}};
}

json ToJson(const ApiTokenRecord& v) {
  return {{"id", v.id},
          {"user_id", v.user_id},
          {"name", v.name},
          {"prefix", v.prefix},
          {"created_at", FormatIso8601(v.created_at)},
          {"last_used_at", OptTime(v.last_used_at)},
          {"revoked_at", OptTime(v.revoked_at)}};
}

json ToJson(const JobRecord& v) {
  json payload = json::parse(v.payload, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded()) payload = v.payload;
  return {{"id", v.id},
          {"kind", v.kind},
          {"state", ToString(v.state)},
          {"payload", std::move(payload)},
          {"attempts", v.attempts},
          {"worker", Opt(v.worker)},
          {"created_by", Opt(v.created_by)},
          {"created_at", FormatIso8601(v.created_at)},
          {"run_at", FormatIso8601(v.run_at)},
          {"finished_at", OptTime(v.finished_at)},
          {"error", Opt(v.last_error)},
          {"result_url",
           v.has_result ? json("/api/v1/jobs/" + std::to_string(v.id) + "/result") : json()}};
}

json ToJson(const SearchHit& v) {
  static constexpr const char* kScopes[] = {"message", "conversation", "customer"};
  return {{"type", kScopes[static_cast<int>(v.scope)]},
          {"id", v.id},
          {"conversation_id", Opt(v.conversation_id)},
          {"customer_id", Opt(v.customer_id)},
          {"title", v.title},
          {"highlight", v.highlight},  // replaced by the handler with escaped <mark> HTML
          {"rank", v.rank},
          {"at", FormatIso8601(v.at)}};
}

bool IsSha256Hex(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

MessageInput ReadMessageFields(JsonBody& b, bool uploads) {
  MessageInput m;
  m.internal = b.Bool("internal", JsonBody::kOptional).value_or(false);
  m.direction = b.Enum<Direction>("direction", JsonBody::kOptional).value_or(Direction::kOut);
  m.body_text = b.String("body_text", JsonBody::kOptional, 512 * 1024).value_or("");
  m.body_html = b.String("body_html", JsonBody::kOptional, 512 * 1024).value_or("");
  m.status = b.Enum<ConversationStatus>("status", JsonBody::kOptional);
  m.created_at = b.Time("created_at", JsonBody::kOptional);
  b.Objects("attachments", JsonBody::kOptional, 50, [&](JsonBody& a, size_t) {
    Attachment att;
    att.filename = a.String("filename", JsonBody::kRequired, 1000).value_or("");
    att.content_type =
        a.String("content_type", JsonBody::kOptional, 200).value_or("application/octet-stream");
    att.size_bytes = a.Int("size_bytes", JsonBody::kOptional).value_or(0);
    if (uploads) {
      att.sha256 = a.String("sha256", JsonBody::kOptional, 64).value_or("");
      if (a.Has("sha256") && !IsSha256Hex(att.sha256))
        a.AddError("sha256", "must be the lower-case hex SHA-256 POST /api/v1/uploads answered");
      a.RejectUnknown({"filename", "content_type", "size_bytes", "sha256"});
    } else {
      a.RejectUnknown({"filename", "content_type", "size_bytes"});
    }
    m.attachments.push_back(std::move(att));
  });
  if (m.internal && b.Has("direction")) b.AddError("direction", "internal notes have no direction");
  return m;
}

}  // namespace luister::http
