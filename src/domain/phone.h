#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace luister {

// Phone numbers, read and written with Google's libphonenumber (Debian's
// libphonenumber-dev): "06 12345678", "+31 6 1234 5678" and
// "0031612345678" are one number, +31612345678, and so one customer.

// The region (ISO 3166 alpha-2, "NL") in which a number written without a
// country code is read, for the whole process: `luister serve
// --phone-region`, or LUISTER_PHONE_REGION for every command; NL when
// neither is set. InvalidArgument for a region libphonenumber does not know.
Status SetDefaultPhoneRegion(std::string_view region);
std::string DefaultPhoneRegion();

// A phone number as people and telephone systems write it, in E.164
// ("+31612345678"): read in `region` when it has no country code (empty:
// the default region), and valid for its country by libphonenumber's
// metadata. InvalidArgument, saying why, otherwise; also for a number with
// an extension, which reaches a desk, not a person.
Result<std::string> NormalisePhone(std::string_view in, std::string_view region = {});

// An E.164 number as people read it: the national format for a number of
// `region` (empty: the default region), "06 12345678", and the
// international one for others, "+44 20 7946 0958". Input that is not a
// number comes back as it was.
std::string FormatPhone(std::string_view e164, std::string_view region = {});

}  // namespace luister
