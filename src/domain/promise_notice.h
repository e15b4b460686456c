#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/enums.h"
#include "domain/zone_clock.h"

namespace luister {

struct Promise;

// What the customer hears of a promise (docs/promises.md): a confirmation
// of what was agreed ("we call you back on Tuesday between 10:00 and
// 12:00"), or a gentle reminder of what they took on.
enum class PromiseNotice { kConfirmation, kReminder };

// How a notice reaches the customer: their preferred channel where the
// desk can write to them there, else e-mail.
struct NoticeRoute {
  Channel channel = Channel::kEmail;
  // In the promise's own conversation (else a new e-mail conversation).
  bool in_conversation = false;
  // By e-mail from a conversation of another channel (a call, a chat).
  bool by_email = false;
  // Not the way the customer prefers: the desk cannot write there.
  bool fallback = false;
};

// `conversation` is the promise's, when it has one. Conflict when the desk
// has no way to write to the customer (no working e-mail address, and no
// private social thread to answer in).
Result<NoticeRoute> RouteNotice(const Customer& customer, const Conversation* conversation);

// When it is due, as the customer reads it: "op dinsdag 8 december tussen
// 10:00 en 12:00", "by Friday 11 December", "zo snel mogelijk".
std::string DuePhrase(const Promise& p, Language lang, const ZoneClock& zone);

// The notice's words in the customer's language, greeting and all.
std::string PromiseNoticeText(const Promise& p, PromiseNotice notice, Language lang,
                              const ZoneClock& zone, std::string_view customer_name);

// A new conversation's subject for a notice that has none to go in.
std::string_view NoticeSubject(PromiseNotice notice, Language lang);

}  // namespace luister
