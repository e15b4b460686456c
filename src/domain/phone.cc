#include "domain/phone.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <cctype>
#include <mutex>
#include <set>

#include "domain/validation.h"

namespace luister {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::mutex region_mu;
std::string default_region = "NL";  // GUARDED_BY(region_mu)

// The library's one instance, silent: it would log parse failures to
// standard output, and bad numbers are answered, not logged.
const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());
    return u;
  }();
  return *util;
}

std::string RegionOr(std::string_view region) {
  return region.empty() ? DefaultPhoneRegion() : std::string(region);
}

}  // namespace

Status SetDefaultPhoneRegion(std::string_view region) {
  std::string upper(region);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::set<std::string> known;
  Util().GetSupportedRegions(&known);
  if (!known.count(upper))
    return InvalidArgument("unknown phone region \"" + std::string(region) +
                           "\": give a two-letter country code such as NL or BE");
  std::lock_guard lock(region_mu);
  default_region = std::move(upper);
  return Status::Ok();
}

std::string DefaultPhoneRegion() {
  std::lock_guard lock(region_mu);
  return default_region;
}

Result<std::string> NormalisePhone(std::string_view in, std::string_view region) {
  const std::string text(Trim(in));
  if (text.empty()) return InvalidArgument("phone number is empty");
  if (text.size() > 64) return InvalidArgument("phone number is too long");
  for (unsigned char c : text)
    if (std::isalpha(c))
      return InvalidArgument("phone number may only contain digits, spaces and + - . ( ) /");
  PhoneNumber number;
  switch (Util().Parse(text, RegionOr(region), &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return InvalidArgument("phone number has no known country code (+31...)");
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
      return InvalidArgument("phone number is too short");
    case PhoneNumberUtil::TOO_LONG_NSN:
      return InvalidArgument("phone number is too long");
    default:
      return InvalidArgument("not a phone number");
  }
  if (number.has_extension())
    return InvalidArgument("a phone number with an extension cannot identify a customer");
  if (!Util().IsValidNumber(number))
    return InvalidArgument("not a valid phone number for its country");
  std::string out;
  Util().Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

std::string FormatPhone(std::string_view e164, std::string_view region) {
  PhoneNumber number;
  if (Util().Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::string(e164);
  std::string out;
  std::string number_region;
  Util().GetRegionCodeForNumber(number, &number_region);
  Util().Format(number,
                number_region == RegionOr(region) ? PhoneNumberUtil::NATIONAL
                                                  : PhoneNumberUtil::INTERNATIONAL,
                &out);
  return out;
}

}  // namespace luister
