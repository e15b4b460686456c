#include "domain/social.h"

#include <array>
#include <charconv>

#include "domain/validation.h"

namespace luister {

namespace {

constexpr std::array<std::pair<SocialKind, std::string_view>, 3> kKinds{{
    {SocialKind::kPost, "post"},
    {SocialKind::kReply, "reply"},
    {SocialKind::kDirectMessage, "direct_message"},
}};

void CheckId(const std::string& field, std::string* id, std::vector<FieldError>* errors) {
  *id = std::string(Trim(*id));
  if (id->empty() || id->size() > 200 || !IsValidUtf8(*id))
    errors->push_back({field, "must be 1 to 200 bytes of UTF-8"});
}

}  // namespace

std::string_view ToString(SocialKind k) {
  for (const auto& [v, n] : kKinds)
    if (v == k) return n;
  return "unknown";
}

template <>
std::optional<SocialKind> Parse<SocialKind>(std::string_view s) {
  for (const auto& [v, n] : kKinds)
    if (n == s) return v;
  return std::nullopt;
}

template <>
const char* ValidNames<SocialKind>() {
  return "post, reply, direct_message";
}

std::string SocialExternalId(const SocialSource& source, const std::string& post_id) {
  return "social:" + source.slug + ":" + post_id;
}

bool FreshTimestamp(std::string_view unix_seconds, Timestamp now, int window_s) {
  int64_t t = 0;
  auto [end, ec] =
      std::from_chars(unix_seconds.data(), unix_seconds.data() + unix_seconds.size(), t);
  if (ec != std::errc() || end != unix_seconds.data() + unix_seconds.size()) return false;
  const int64_t now_s = ToMillis(now) / 1000;
  return t >= now_s - window_s && t <= now_s + window_s;
}

Result<SocialSource> SocialService::Create(SocialSource s) {
  std::vector<FieldError> errors;
  s.slug = std::string(Trim(s.slug));
  // The slug is also the network of the authors' handles ("forum:anna"),
  // which is at most 32 characters.
  if (!IsSlug(s.slug) || s.slug.size() > 32)
    errors.push_back({"slug", "must be 1 to 32 of a-z, 0-9 and single hyphens inside"});
  s.name = WithoutControlCharacters(Trim(s.name));
  if (s.name.empty() || s.name.size() > 200 || !IsValidUtf8(s.name))
    errors.push_back({"name", "must be 1 to 200 bytes of UTF-8"});
  if (!s.reply_url.empty() && !IsWebUrl(s.reply_url))
    errors.push_back({"reply_url", "must be an http(s) URL"});
  auto q = store_.directory().GetQueue(s.queue_id);
  if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
  if (!q.ok()) errors.push_back({"queue_id", "no such queue"});
  if (!errors.empty()) return InvalidArgument("the source is not valid", std::move(errors));
  s.active = true;
  s.created_at = clock_.Now();
  return social_.Create(s);
}

Result<SocialSource> SocialService::Update(int64_t id, SocialSourcePatch patch) {
  std::vector<FieldError> errors;
  if (patch.name) {
    *patch.name = WithoutControlCharacters(Trim(*patch.name));
    if (patch.name->empty() || patch.name->size() > 200)
      errors.push_back({"name", "must be 1 to 200 bytes of UTF-8"});
  }
  if (patch.reply_url && !patch.reply_url->empty() && !IsWebUrl(*patch.reply_url))
    errors.push_back({"reply_url", "must be an http(s) URL"});
  if (patch.queue_id) {
    auto q = store_.directory().GetQueue(*patch.queue_id);
    if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
    if (!q.ok()) errors.push_back({"queue_id", "no such queue"});
  }
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  return social_.Update(id, patch);
}

Result<int64_t> SocialService::Author(const SocialSource& source, const SocialPost& post) {
  LUISTER_ASSIGN_OR_RETURN(std::string handle,
                           NormaliseSocialHandle(source.slug + ":" + post.author_handle));
  LUISTER_ASSIGN_OR_RETURN(auto found,
                           store_.customers().FindByIdentity(IdentityKind::kSocial, handle));
  if (found) return found->merged_into_id.value_or(found->id);
  NewCustomer c;
  c.name = Utf8Prefix(WithoutControlCharacters(Trim(post.author_name)), 200);
  if (c.name.empty()) c.name = "@" + handle.substr(handle.find(':') + 1);
  c.preferred_channel = Channel::kSocial;
  c.language = Language::kNl;
  c.identities.push_back({IdentityKind::kSocial, handle});
  auto created = customers_.Create(std::move(c));
  if (created.ok()) return created->id;
  if (created.status().code() == StatusCode::kConflict) {
    LUISTER_ASSIGN_OR_RETURN(auto again,
                             store_.customers().FindByIdentity(IdentityKind::kSocial, handle));
    if (again) return again->merged_into_id.value_or(again->id);
  }
  return created.status();
}

Result<ReceivedPost> SocialService::Receive(const SocialSource& source, SocialPost post) {
  ReceivedPost out;
  std::vector<FieldError> errors;
  CheckId("event_id", &post.event_id, &errors);
  CheckId("id", &post.post_id, &errors);
  if (!errors.empty()) return InvalidArgument("the event is not valid", std::move(errors));
  // A resend of an event taken before: what it became, nothing new.
  LUISTER_ASSIGN_OR_RETURN(auto seen, social_.FindEvent(source.id, post.event_id));
  if (seen) {
    out.duplicate = true;
    out.message_id = seen->value_or(0);
    return out;
  }
  if (Trim(post.author_handle).empty() || post.author_handle.size() > 200)
    errors.push_back({"author.handle", "must be 1 to 200 bytes"});
  else if (!NormaliseSocialHandle(source.slug + ":" + post.author_handle).ok())
    errors.push_back({"author.handle", "is not a handle"});
  if (post.text.size() > 20000 || !IsValidUtf8(post.text))
    errors.push_back({"text", "must be at most 20000 bytes of UTF-8"});
  if (Trim(post.text).empty() && post.attachments.empty())
    errors.push_back({"text", "a post without text has attachments"});
  if (!post.url.empty() && !IsWebUrl(post.url)) errors.push_back({"url", "must be an http(s) URL"});
  if (post.attachments.size() > 10) errors.push_back({"attachments", "at most 10"});
  for (size_t i = 0; i < post.attachments.size(); ++i)
    if (!IsWebUrl(post.attachments[i].url))
      errors.push_back({"attachments[" + std::to_string(i) + "].url", "must be an http(s) URL"});
  if (post.kind == SocialKind::kReply && Trim(post.in_reply_to).empty())
    errors.push_back({"in_reply_to", "a reply names the post it answers"});
  auto queue = store_.directory().GetQueue(source.queue_id);
  if (!queue.ok()) return queue.status();
  if (!errors.empty()) return InvalidArgument("the event is not valid", std::move(errors));

  // The message: the words, then where it was posted and the files it
  // links (kept as links: the desk fetches nothing from outside).
  MessageInput m;
  m.direction = Direction::kIn;
  m.external_id = SocialExternalId(source, post.post_id);
  m.created_at = post.created_at;
  m.body_text = std::string(Trim(post.text));
  if (!post.url.empty()) m.body_text += "\n\n" + post.url;
  for (const SocialAttachment& a : post.attachments)
    m.body_text += "\n" + (a.name.empty() ? a.url : a.name + ": " + a.url);
  m.body_text = std::string(Trim(m.body_text));

  LUISTER_ASSIGN_OR_RETURN(out.customer_id, Author(source, post));
  std::optional<int64_t> thread;
  if (!post.in_reply_to.empty()) {
    LUISTER_ASSIGN_OR_RETURN(auto parent, store_.conversations().FindByExternalIds(
                                              {SocialExternalId(source, post.in_reply_to)}));
    if (parent) thread = parent->conversation_id;
  }
  Status added = Status::Ok();
  if (thread) {
    auto message = conversations_.AddMessage(*thread, std::move(m), std::nullopt);
    if (message.ok()) {
      out.message_id = message->id;
      out.conversation_id = *thread;
    }
    added = message.status();
  } else {
    NewConversation c;
    c.customer_id = out.customer_id;
    c.channel = Channel::kSocial;
    c.subject = Trim(post.text).empty() ? "(" + std::string(ToString(post.kind)) + ")"
                                        : Summarize(post.text, 80);
    c.department_id = queue->department_id;
    c.queue_id = queue->id;
    c.public_thread = post.kind != SocialKind::kDirectMessage;
    auto opened = conversations_.Open(std::move(c), std::move(m), std::nullopt);
    if (opened.ok()) {
      out.message_id = opened->message.id;
      out.conversation_id = opened->conversation.id;
    }
    added = opened.status();
  }
  // The same post under another event id (a platform that sends twice).
  if (added.code() == StatusCode::kConflict) {
    out.duplicate = true;
    return out;
  }
  LUISTER_RETURN_IF_ERROR(added);
  Status recorded = social_.RecordEvent(source.id, post.event_id, out.message_id, clock_.Now());
  if (!recorded.ok() && recorded.code() != StatusCode::kConflict) return recorded;
  return out;
}

}  // namespace luister
