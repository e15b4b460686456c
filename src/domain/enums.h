#pragma once

#include <optional>
#include <string_view>

namespace luister {

// Every enum here has a stable lower_snake_case wire and storage name. Parse
// returns nullopt for unknown names; callers turn that into a field error.

// kPhoneIntegration is a service account for a PBX or telephony provider:
// its API token may post calls and nothing else.
enum class Role { kAdmin, kManager, kAgent, kAccountManager, kPrivacyOfficer, kPhoneIntegration };
enum class Channel { kEmail, kChat, kPhone, kSocial, kShop, kWebform };
enum class ConversationStatus { kNew, kOpen, kWaitingOnCustomer, kWaitingOnUs, kResolved, kClosed };
enum class Priority { kLow, kNormal, kHigh, kUrgent };
enum class Direction { kIn, kOut };
enum class IdentityKind { kEmail, kPhone, kSocial };
enum class CustomerKind { kPerson, kOrganisation };
enum class Language { kNl, kEn };
enum class ActivityKind {
  kConversationOpened,
  kMessage,
  kNote,
  kHandover,
  kStatusChanged,
  kAssigned,
  kMerged,
  kCall,     // a phone call, from the telephone system or logged by an agent
  kPromise,  // a promise made, kept, broken, renegotiated or cancelled (promise.h)
};

std::string_view ToString(Role v);
std::string_view ToString(Channel v);
std::string_view ToString(ConversationStatus v);
std::string_view ToString(Priority v);
std::string_view ToString(Direction v);
std::string_view ToString(IdentityKind v);
std::string_view ToString(CustomerKind v);
std::string_view ToString(Language v);
std::string_view ToString(ActivityKind v);

template <typename E>
std::optional<E> Parse(std::string_view s);

template <>
std::optional<Role> Parse<Role>(std::string_view s);
template <>
std::optional<Channel> Parse<Channel>(std::string_view s);
template <>
std::optional<ConversationStatus> Parse<ConversationStatus>(std::string_view s);
template <>
std::optional<Priority> Parse<Priority>(std::string_view s);
template <>
std::optional<Direction> Parse<Direction>(std::string_view s);
template <>
std::optional<IdentityKind> Parse<IdentityKind>(std::string_view s);
template <>
std::optional<CustomerKind> Parse<CustomerKind>(std::string_view s);
template <>
std::optional<Language> Parse<Language>(std::string_view s);
template <>
std::optional<ActivityKind> Parse<ActivityKind>(std::string_view s);

// "a, b, c" list of the valid names, for error messages.
template <typename E>
const char* ValidNames();

}  // namespace luister
