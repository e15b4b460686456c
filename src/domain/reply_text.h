#pragma once

#include <string>
#include <string_view>

namespace luister {

// The part of a reply its sender wrote now: `text` without quoted history
// and without the signature. Quoted history is every line quoted with '>'
// (with the attribution line before it: "On … wrote:", "Op … schreef …:",
// "Am … schrieb …:", "Le … a écrit :"), and everything from a forwarded or
// original-message marker ("-----Original Message-----", "---------- Forwarded
// message ---------", "Van: … Verzonden: …" header blocks that Outlook puts
// above the quoted mail). The signature is everything after an RFC 3676
// "-- " line, and the mobile sign-offs ("Sent from my iPhone", "Verzonden
// vanaf mijn iPhone"). Text interleaved between quotes is kept. Lines end
// in '\n'; the result is trimmed of blank lines at both ends.
std::string NewText(std::string_view text);

}  // namespace luister
