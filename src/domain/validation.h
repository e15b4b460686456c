#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"
#include "domain/enums.h"

namespace luister {

// Normalisers for customer identities. Each returns the canonical stored form
// or InvalidArgument with a human message (no field name: callers add it).

// Trimmed, lower-cased address with one '@', a dotted domain, <= 254 bytes.
Result<std::string> NormaliseEmail(std::string_view in);

// "network:handle", both lower-case, handle without a leading '@':
// "Twitter:@Luister_NL" -> "twitter:luister_nl".
Result<std::string> NormaliseSocialHandle(std::string_view in);

// Phone numbers: E.164 by NormalisePhone (domain/phone.h, libphonenumber).
Result<std::string> NormaliseIdentity(IdentityKind kind, std::string_view in);

// Tags: trimmed, lower-case, 1-40 bytes of [a-z0-9_-] and non-ASCII letters.
Result<std::string> NormaliseTag(std::string_view in);

// Trims ASCII whitespace on both ends.
std::string_view Trim(std::string_view s);

// A public name in an address ("contact", "facebook-page"): 1 to 60 of
// a-z, 0-9 and single hyphens inside.
bool IsSlug(std::string_view s);
// An http(s) URL of at most 2000 bytes without spaces or control characters.
bool IsWebUrl(std::string_view url);

// True when `s` is valid UTF-8 without NUL bytes.
bool IsValidUtf8(std::string_view s);

// `s` with every byte that does not start a valid UTF-8 sequence (and every
// NUL) replaced by U+FFFD; unchanged when it is valid.
std::string RepairUtf8(std::string_view s);

// ASCII letters in lower case; other bytes (UTF-8) unchanged.
std::string AsciiLower(std::string_view s);

// Cuts `s` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string Utf8Prefix(std::string_view s, size_t max_bytes);

// A time a client gives for an imported record (a customer's, a
// conversation's or a message's created_at): from 1970 up to one day after
// `now` (clocks differ a little). Years such as 0000 or 9999 are mistakes
// that would sort above or below everything real. The message to report, or
// nullopt when it is fine.
std::optional<std::string> CheckImportedTime(Timestamp t, Timestamp now);

// `s` without C0 control characters other than tab, line feed and carriage
// return, and without DEL: they have no meaning in a message or a name, and
// some are markers inside the server (search highlights use \x02 and \x03).
std::string WithoutControlCharacters(std::string_view s);

}  // namespace luister
