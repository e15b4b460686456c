#pragma once

#include <string>
#include <string_view>

#include "demo/demo_pattern.h"
#include "domain/enums.h"

// Short texts written for the demo (follow-ups, notes, hand-over messages,
// greetings), in English and Dutch, and the wrapping that makes a corpus
// question look like an e-mail. Internal to the demo builder.
namespace luister::demo {

// A customer writing back after an answer, satisfied or not.
std::string_view CustomerThanks(Rng& rng, Language lang);
std::string_view CustomerNotSolved(Rng& rng, Language lang);
// The agent's second answer after a "not solved"; may hold {{Order Number}}.
std::string_view AgentFollowUp(Rng& rng, Language lang);
// An internal note fitting a Bitext category ("ORDER", "REFUND", ...); may
// hold placeholders.
std::string_view InternalNote(Rng& rng, Language lang, std::string_view category);
std::string_view AccountManagerNote(Language lang);
// Front-line message telling the customer a specialist department takes over.
std::string HandoverMessage(Language lang, Channel channel, std::string_view department_en,
                            std::string_view department_nl);
// Internal note on the hand-over itself.
std::string HandoverNote(Language lang, Channel channel, std::string_view topic,
                         std::string_view department);

// "track_order" -> "waar blijft de bestelling"; unknown intents come back unchanged.
std::string_view DutchTopic(std::string_view intent);
// "Billing" -> "Facturatie"; unknown names come back unchanged.
std::string_view DutchDepartmentName(std::string_view department);

// Turns a corpus question into the body of an e-mail or web form from the
// customer (greeting, capitalised text, sign-off with `signature`).
std::string CustomerEmail(Rng& rng, Language lang, std::string_view question,
                          std::string_view signature);
// Wraps an answer as an e-mail from `agent_first_name`.
std::string AgentEmail(Language lang, std::string_view answer, std::string_view customer_first_name,
                       std::string_view agent_first_name, std::string_view department);

// A subject line: `text` capitalised, whitespace collapsed, cut at a word
// boundary to at most ~70 bytes, after a channel prefix such as "Chat - ".
std::string Subject(Channel channel, Language lang, std::string_view text);

}  // namespace luister::demo
