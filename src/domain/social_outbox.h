#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/jobs.h"
#include "domain/mail_outbox.h"
#include "domain/mailbox.h"
#include "domain/social.h"
#include "domain/webhook.h"

namespace luister {

// An agent's answer as the source's reply URL is sent it (docs/social.md).
struct SocialReply {
  std::string event_id;                  // the same for every attempt: the source takes it once
  SocialKind kind = SocialKind::kReply;  // reply (public thread) or direct_message
  std::string in_reply_to;               // the platform's post id answered
  std::string thread;                    // the post the thread began with
  std::string to_handle;                 // the customer's handle on the platform
  std::string text;
  std::string agent_name;  // empty for the team
  int64_t conversation_id = 0;
  int64_t message_id = 0;
  Timestamp created_at{};
};

// The job kind that sends the agents' answers to social sources.
inline constexpr char kSocialOutboxJob[] = "social.outbox";

// Sends the agents' answers in social and forum conversations to their
// source's reply URL as signed webhooks (WebhookPoster), through the
// shared outbox states: queued in the same transaction as the message,
// sent on a 2xx; queued again with back-off after a 5xx, 408, 425, 429 or
// a network failure (each attempt carries the same event id, so the source
// takes it once); failed for good on any other answer, a refused
// destination (internal address, redirect) or used-up attempts. A failed
// reply shows on its message with the reason, puts the conversation back
// to waiting on us, and can be retried, edited or dismissed like a mail
// reply. A source without a reply URL sends nothing: its answers are
// cancelled with the reason (post them on the platform yourself).
//
// A 2xx answer may name the post made: {"post_id": "..."}; the reply then
// carries that id, so the customer's answer to it joins the conversation.
class SocialOutbox {
 public:
  // `encode` writes the JSON body of a reply (http/: the codec).
  SocialOutbox(Store& store, SocialRepository& social, const Clock& clock,
               ConversationService& conversations, WebhookPoster& poster, SecretKeeper& secrets,
               std::function<std::string(const SocialReply&)> encode,
               std::function<std::optional<std::string>(const std::string&)> post_id_of,
               OutboxOptions options = {});

  Result<Timestamp> RunRound();
  Result<std::optional<Timestamp>> RunJob(const Job& job);
  Result<bool> EnsureJob();

 private:
  Status SendOne(const OutboxItem& item);
  Status Fail(const OutboxItem& item, Delivery state, const std::string& why);

  Store& store_;
  SocialRepository& social_;
  const Clock& clock_;
  ConversationService& conversations_;
  WebhookPoster& poster_;
  SecretKeeper& secrets_;
  std::function<std::string(const SocialReply&)> encode_;
  std::function<std::optional<std::string>(const std::string&)> post_id_of_;
  OutboxOptions options_;
};

// Splits "social:<slug>:<post id>" (SocialExternalId); nullopt otherwise.
std::optional<std::pair<std::string, std::string>> ParseSocialExternalId(std::string_view id);

}  // namespace luister
