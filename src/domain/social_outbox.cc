#include "domain/social_outbox.h"

#include <random>

#include "domain/validation.h"

namespace luister {

namespace {

constexpr int kBatch = 50;

std::string EventId(int64_t message_id) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "luister-reply-" + std::to_string(message_id) + "-";
  for (int i = 0; i < 12; ++i) out += kHex[rng() % 16];
  return out;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> ParseSocialExternalId(std::string_view id) {
  constexpr std::string_view kPrefix = "social:";
  if (id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  id.remove_prefix(kPrefix.size());
  const size_t colon = id.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == id.size()) return std::nullopt;
  return std::make_pair(std::string(id.substr(0, colon)), std::string(id.substr(colon + 1)));
}

SocialOutbox::SocialOutbox(Store& store, SocialRepository& social, const Clock& clock,
                           ConversationService& conversations, WebhookPoster& poster,
                           SecretKeeper& secrets,
                           std::function<std::string(const SocialReply&)> encode,
                           std::function<std::optional<std::string>(const std::string&)> post_id_of,
                           OutboxOptions options)
    : store_(store),
      social_(social),
      clock_(clock),
      conversations_(conversations),
      poster_(poster),
      secrets_(secrets),
      encode_(std::move(encode)),
      post_id_of_(std::move(post_id_of)),
      options_(std::move(options)) {}

Status SocialOutbox::Fail(const OutboxItem& item, Delivery state, const std::string& why) {
  return FailReply(store_, clock_, conversations_, options_, item, state, why);
}

Result<Timestamp> SocialOutbox::RunRound() {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto due, outbox->Due(clock_.Now(), kBatch, OutboxLane::kSocial));
  for (const OutboxItem& item : due) {
    // An attempt whose node stopped gets time to end; after that it is
    // sent again under the same event id, which the source takes once.
    if (item.delivery == Delivery::kSending &&
        item.updated_at > clock_.Now() - std::chrono::minutes(2))
      continue;
    LUISTER_RETURN_IF_ERROR(SendOne(item));
  }
  return NextOutboxRound(clock_, due.size(), kBatch, options_.idle_poll);
}

Result<std::optional<Timestamp>> SocialOutbox::RunJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto current, outbox->JobId(OutboxLane::kSocial));
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one sender only
  LUISTER_ASSIGN_OR_RETURN(Timestamp next, RunRound());
  return std::optional<Timestamp>(next);
}

Result<bool> SocialOutbox::EnsureJob() {
  return EnsureOutboxJob(store_, clock_, OutboxLane::kSocial, kSocialOutboxJob);
}

Status SocialOutbox::SendOne(const OutboxItem& item) {
  LUISTER_ASSIGN_OR_RETURN(OutboxRepository * outbox, store_.Find<OutboxRepository>());
  LUISTER_ASSIGN_OR_RETURN(Message message, store_.conversations().GetMessage(item.message_id));
  LUISTER_ASSIGN_OR_RETURN(Conversation conversation,
                           store_.conversations().Get(message.conversation_id));

  // What it answers: the customer's last post before it, and the first.
  PageRequest page;
  page.limit = kMaxPageSize;
  LUISTER_ASSIGN_OR_RETURN(auto thread,
                           store_.conversations().ListMessages(conversation.id, false, page));
  std::optional<std::pair<std::string, std::string>> last, first;
  for (const Message& m : thread.items) {
    if (m.id == message.id) break;
    if (m.direction != Direction::kIn) continue;
    auto ids = ParseSocialExternalId(m.external_id);
    if (!ids) continue;
    if (!first) first = ids;
    last = ids;
  }
  if (!last)
    return Fail(item, Delivery::kFailed,
                "this conversation has no post from a social source to answer");
  LUISTER_ASSIGN_OR_RETURN(auto source, social_.FindBySlug(last->first));
  if (!source || !source->active)
    return Fail(item, Delivery::kFailed,
                "the social source " + last->first + " is gone or switched off in the admin");
  if (source->reply_url.empty()) {
    // Nothing is sent: the team answers on the platform itself.
    const std::string why = "not sent: " + source->name +
                            " has no reply URL; post this answer on the platform yourself";
    LUISTER_RETURN_IF_ERROR(
        outbox->Finish(item.message_id, Delivery::kCancelled, why, std::nullopt, clock_.Now()));
    if (options_.counted) options_.counted(Delivery::kCancelled);
    return conversations_.DeliveryChanged(item.conversation_id, item.message_id);
  }
  if (!message.attachments.empty())
    return Fail(item, Delivery::kFailed,
                "files cannot be posted to " + source->name +
                    ": edit and resend the answer without them (or with a link)");

  auto begun = outbox->Begin(
      item.message_id, item.rfc_message_id.empty() ? EventId(item.message_id) : item.rfc_message_id,
      std::nullopt, clock_.Now());
  if (!begun.ok() && begun.status().code() == StatusCode::kConflict) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(OutboxItem attempt, std::move(begun));

  auto key = secrets_.Open(source->sealed_secret);
  if (!key.ok())
    return Fail(attempt, Delivery::kFailed,
                "the source's signing secret cannot be opened: " + key.status().message());

  SocialReply reply;
  reply.event_id = attempt.rfc_message_id;
  reply.kind = conversation.public_thread ? SocialKind::kReply : SocialKind::kDirectMessage;
  reply.in_reply_to = last->second;
  reply.thread = first->second;
  reply.text = message.body_text;
  reply.conversation_id = conversation.id;
  reply.message_id = message.id;
  reply.created_at = message.created_at;
  if (message.author_user_id) {
    auto user = store_.directory().GetUser(*message.author_user_id);
    if (user.ok()) reply.agent_name = user->name;
  }
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(conversation.customer_id));
  const std::string prefix = source->slug + ":";
  for (const Identity& id : customer.identities)
    if (id.kind == IdentityKind::kSocial && id.value.rfind(prefix, 0) == 0)
      reply.to_handle = id.value.substr(prefix.size());

  WebhookRequest request;
  request.url = source->reply_url;
  request.body = encode_(reply);
  request.signing_key = std::move(*key);
  request.headers = {{"X-Luister-Event", std::string(ToString(reply.kind))}};
  WebhookResult sent = poster_.Post(request);
  switch (sent.outcome) {
    case WebhookOutcome::kDelivered: {
      LUISTER_RETURN_IF_ERROR(outbox->Finish(item.message_id, Delivery::kSent, std::nullopt,
                                             std::nullopt, clock_.Now()));
      // The post the platform made, so that answers to it thread here.
      if (auto post = post_id_of_(sent.body); post && !post->empty()) {
        Status named = outbox->SetExternalId(item.message_id, SocialExternalId(*source, *post));
        if (!named.ok() && named.code() != StatusCode::kConflict) return named;
      }
      if (options_.log)
        options_.log("reply " + std::to_string(item.message_id) + " posted to " + source->slug);
      if (options_.counted) options_.counted(Delivery::kSent);
      return conversations_.DeliveryChanged(item.conversation_id, item.message_id);
    }
    case WebhookOutcome::kRejected:
      return Fail(attempt, Delivery::kFailed, source->name + " refused it: " + sent.answer);
    case WebhookOutcome::kRefused:
      return Fail(attempt, Delivery::kFailed, sent.answer);
    case WebhookOutcome::kTemporary:
      break;
  }
  if (attempt.attempts >= options_.max_attempts)
    return Fail(attempt, Delivery::kFailed,
                "not sent after " + std::to_string(attempt.attempts) + " attempts: " + sent.answer);
  auto wait = options_.first_retry * (int64_t{1} << std::min(attempt.attempts - 1, 6));
  LUISTER_RETURN_IF_ERROR(outbox->Finish(item.message_id, Delivery::kQueued, sent.answer,
                                         clock_.Now() + wait, clock_.Now()));
  if (options_.counted) options_.counted(Delivery::kQueued);
  return Status::Ok();
}

}  // namespace luister
