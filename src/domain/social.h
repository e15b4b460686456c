#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/repositories.h"

namespace luister {

// Social media and forums (C2). Each configured source (a platform, a
// forum, an integration in between) posts every public post, reply and
// direct message to `POST /api/v1/channels/social/<slug>`, signed with
// HMAC-SHA256 under the source's secret; the post lands on the author's
// timeline in a conversation per thread.

struct SocialSource {
  int64_t id = 0;
  std::string slug;           // the address: /api/v1/channels/social/<slug>; the handles' network
  std::string name;           // for people: "Facebook-pagina", "Forum"
  std::string sealed_secret;  // the signing key, sealed (SecretKeeper); never shown
  std::string reply_url;      // where replies go (signed the same way); empty: none
  int64_t queue_id = 0;
  bool active = true;
  Timestamp created_at{};
};

struct SocialSourcePatch {
  std::optional<std::string> name;
  std::optional<std::string> sealed_secret;
  std::optional<std::string> reply_url;
  std::optional<int64_t> queue_id;
  std::optional<bool> active;
};

// A capability repository: `store.Find<SocialRepository>()`.
class SocialRepository {
 public:
  virtual ~SocialRepository() = default;
  // Conflict when the slug is taken.
  virtual Result<SocialSource> Create(const SocialSource& s) = 0;
  virtual Result<SocialSource> Get(int64_t id) = 0;
  virtual Result<std::optional<SocialSource>> FindBySlug(const std::string& slug) = 0;
  virtual Result<std::vector<SocialSource>> List() = 0;
  virtual Result<SocialSource> Update(int64_t id, const SocialSourcePatch& patch) = 0;
  // The message an event of the source was taken as, when it was taken
  // before (nullopt message: taken, stored nothing).
  virtual Result<std::optional<std::optional<int64_t>>> FindEvent(int64_t source_id,
                                                                  const std::string& event_id) = 0;
  // Remembers an event; Conflict when it was remembered before.
  virtual Status RecordEvent(int64_t source_id, const std::string& event_id,
                             std::optional<int64_t> message_id, Timestamp at) = 0;
};

enum class SocialKind { kPost, kReply, kDirectMessage };
std::string_view ToString(SocialKind k);
template <>
std::optional<SocialKind> Parse<SocialKind>(std::string_view s);
template <>
const char* ValidNames<SocialKind>();

struct SocialAttachment {
  std::string url;
  std::string name;
};

// One event as the source describes it (docs/social.md).
struct SocialPost {
  std::string event_id;  // the delivery's id: a resend carries the same
  std::string post_id;   // the post's id on the platform
  SocialKind kind = SocialKind::kPost;
  std::string author_handle;
  std::string author_name;
  std::string url;
  std::string text;
  std::string in_reply_to;  // the parent post's id, for replies
  std::vector<SocialAttachment> attachments;
  std::optional<Timestamp> created_at;
};

struct ReceivedPost {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  bool duplicate = false;  // taken before (the same event, or the same post)
};

class SocialService {
 public:
  SocialService(Store& store, SocialRepository& social, const Clock& clock,
                EventPublisher* events = nullptr)
      : store_(store),
        social_(social),
        clock_(clock),
        customers_(store, clock, events),
        conversations_(store, clock, events) {}

  // Validates the source's settings; `secret` is already sealed.
  Result<SocialSource> Create(SocialSource s);
  Result<SocialSource> Update(int64_t id, SocialSourcePatch patch);
  // Takes one verified event: the author's customer (by handle, or new),
  // the thread's conversation (the parent post's, or a new one: public for
  // posts and replies), the message. An event or post taken before is
  // `duplicate` and changes nothing.
  Result<ReceivedPost> Receive(const SocialSource& source, SocialPost post);

 private:
  Result<int64_t> Author(const SocialSource& source, const SocialPost& post);

  Store& store_;
  SocialRepository& social_;
  const Clock& clock_;
  CustomerService customers_;
  ConversationService conversations_;
};

// The message id a post is stored under: "social:<slug>:<post id>".
std::string SocialExternalId(const SocialSource& source, const std::string& post_id);

// Whether a webhook's timestamp (Unix seconds) is within `window_s` of now.
bool FreshTimestamp(std::string_view unix_seconds, Timestamp now, int window_s = 300);

}  // namespace luister
