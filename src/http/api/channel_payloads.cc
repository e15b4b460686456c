#include "http/api/channel_payloads.h"

#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "http/request.h"

namespace luister::http {

Result<NewPhoneCall> ReadCallReport(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  NewPhoneCall c;
  c.external_id = b.String("call_id", JsonBody::kRequired, 200);
  if (c.external_id && c.external_id->empty()) b.AddError("call_id", "must not be empty");
  c.direction = b.Enum<Direction>("direction", JsonBody::kOptional).value_or(Direction::kIn);
  c.customer_number = b.String("from", JsonBody::kRequired, 100).value_or("");
  c.desk_number = b.String("to", JsonBody::kOptional, 100).value_or("");
  // For a call out, the customer is the one called.
  if (c.direction == Direction::kOut) std::swap(c.customer_number, c.desk_number);
  c.line = b.String("line", JsonBody::kOptional, 100).value_or("");
  c.queue_id = b.Int("queue_id", JsonBody::kOptional);
  c.started_at = b.Time("started_at", JsonBody::kRequired);
  c.answered_at = b.Time("answered_at", JsonBody::kOptional);
  c.ended_at = b.Time("ended_at", JsonBody::kOptional);
  c.wait_seconds = b.Int("wait_seconds", JsonBody::kOptional);
  c.ivr_path = b.String("ivr_path", JsonBody::kOptional, 200).value_or("");
  c.outcome = b.Enum<CallOutcome>("outcome", JsonBody::kRequired).value_or(CallOutcome::kAnswered);
  if (auto agent = b.String("agent", JsonBody::kOptional, 200)) {
    if (agent->find('@') != std::string::npos)
      c.agent_email = *agent;
    else
      c.agent_ref = *agent;
  }
  c.recording_url = b.String("recording_url", JsonBody::kOptional, 2000).value_or("");
  b.RejectUnknown({"call_id", "direction", "from", "to", "line", "queue_id", "started_at",
                   "answered_at", "ended_at", "wait_seconds", "ivr_path", "outcome", "agent",
                   "recording_url"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the call is not valid"));
  return c;
}

Result<SocialPost> ReadSocialEvent(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  SocialPost p;
  p.event_id = b.String("event_id", JsonBody::kRequired, 200).value_or("");
  p.post_id = b.String("id", JsonBody::kRequired, 200).value_or("");
  p.kind = b.Enum<SocialKind>("kind", JsonBody::kRequired).value_or(SocialKind::kPost);
  b.Object("author", JsonBody::kRequired, [&](JsonBody& a) {
    p.author_handle = a.String("handle", JsonBody::kRequired, 200).value_or("");
    p.author_name = a.String("name", JsonBody::kOptional, 200).value_or("");
    a.RejectUnknown({"handle", "name"});
  });
  p.url = b.String("url", JsonBody::kOptional, 2000).value_or("");
  p.text = b.String("text", JsonBody::kOptional, 20000).value_or("");
  p.in_reply_to = b.String("in_reply_to", JsonBody::kOptional, 200).value_or("");
  b.Objects("attachments", JsonBody::kOptional, 10, [&](JsonBody& a, size_t) {
    SocialAttachment at;
    at.url = a.String("url", JsonBody::kRequired, 2000).value_or("");
    at.name = a.String("name", JsonBody::kOptional, 255).value_or("");
    a.RejectUnknown({"url", "name"});
    p.attachments.push_back(std::move(at));
  });
  p.created_at = b.Time("created_at", JsonBody::kOptional);
  b.RejectUnknown({"event_id", "id", "kind", "author", "url", "text", "in_reply_to", "attachments",
                   "created_at"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the event is not valid"));
  return p;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseUrlEncoded(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!PercentDecode(pair.substr(0, eq), true, &key) ||
        (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, &value)))
      return InvalidArgument("the form body has a malformed escape");
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::string WriteSocialReply(const SocialReply& reply) {
  nlohmann::json out = {{"event_id", reply.event_id},
                        {"kind", ToString(reply.kind)},
                        {"in_reply_to", reply.in_reply_to},
                        {"thread", reply.thread},
                        {"to", {{"handle", reply.to_handle}}},
                        {"text", reply.text},
                        {"author", {{"name", reply.agent_name}}},
                        {"conversation_id", reply.conversation_id},
                        {"message_id", reply.message_id},
                        {"created_at", FormatIso8601(reply.created_at)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> ReadPostId(const std::string& answer) {
  auto j = nlohmann::json::parse(answer, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("post_id")) return std::nullopt;
  const auto& id = j["post_id"];
  std::string text;
  if (id.is_string())
    text = id.get<std::string>();
  else if (id.is_number_integer())
    text = std::to_string(id.get<int64_t>());
  else
    return std::nullopt;
  if (text.empty() || text.size() > 200) return std::nullopt;
  return text;
}

}  // namespace luister::http
