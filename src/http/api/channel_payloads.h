#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "domain/phone_call.h"
#include "domain/social.h"
#include "domain/social_outbox.h"

// What the doors' senders post, read from untrusted bytes: strict JSON
// (every wrong field named, unknown fields refused) and form encoding.
// Public so that the fuzzer (fuzz/fuzz_webhooks.cc) reads exactly what the
// routes read.
namespace luister::http {

// A telephone system's report of one call (docs/phone.md).
Result<NewPhoneCall> ReadCallReport(const std::string& body);

// A social source's event (docs/social.md).
Result<SocialPost> ReadSocialEvent(const std::string& body);

// The JSON body of an answer sent to a source's reply URL (docs/social.md).
std::string WriteSocialReply(const SocialReply& reply);
// The "post_id" a reply URL answered with; nullopt when the answer is not a
// JSON object naming one (a string or a number).
std::optional<std::string> ReadPostId(const std::string& answer);

// application/x-www-form-urlencoded: name-value pairs in order, '+' as a
// space; InvalidArgument for a malformed escape.
Result<std::vector<std::pair<std::string, std::string>>> ParseUrlEncoded(std::string_view body);

}  // namespace luister::http
