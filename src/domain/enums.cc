#include "domain/enums.h"

#include <array>
#include <utility>

namespace luister {

namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Role, 6> kRoles{{{Role::kAdmin, "admin"},
                                 {Role::kManager, "manager"},
                                 {Role::kAgent, "agent"},
                                 {Role::kAccountManager, "account_manager"},
                                 {Role::kPrivacyOfficer, "privacy_officer"},
                                 {Role::kPhoneIntegration, "phone_integration"}}};
constexpr Table<Channel, 6> kChannels{{{Channel::kEmail, "email"},
                                       {Channel::kChat, "chat"},
                                       {Channel::kPhone, "phone"},
                                       {Channel::kSocial, "social"},
                                       {Channel::kShop, "shop"},
                                       {Channel::kWebform, "webform"}}};
constexpr Table<ConversationStatus, 6> kStatuses{
    {{ConversationStatus::kNew, "new"},
     {ConversationStatus::kOpen, "open"},
     {ConversationStatus::kWaitingOnCustomer, "waiting_on_customer"},
     {ConversationStatus::kWaitingOnUs, "waiting_on_us"},
     {ConversationStatus::kResolved, "resolved"},
     {ConversationStatus::kClosed, "closed"}}};
constexpr Table<Priority, 4> kPriorities{{{Priority::kLow, "low"},
                                          {Priority::kNormal, "normal"},
                                          {Priority::kHigh, "high"},
                                          {Priority::kUrgent, "urgent"}}};
constexpr Table<Direction, 2> kDirections{{{Direction::kIn, "in"}, {Direction::kOut, "out"}}};
constexpr Table<IdentityKind, 3> kIdentityKinds{{{IdentityKind::kEmail, "email"},
                                                 {IdentityKind::kPhone, "phone"},
                                                 {IdentityKind::kSocial, "social"}}};
constexpr Table<CustomerKind, 2> kCustomerKinds{
    {{CustomerKind::kPerson, "person"}, {CustomerKind::kOrganisation, "organisation"}}};
constexpr Table<Language, 2> kLanguages{{{Language::kNl, "nl"}, {Language::kEn, "en"}}};
constexpr Table<ActivityKind, 9> kActivityKinds{
    {{ActivityKind::kConversationOpened, "conversation_opened"},
     {ActivityKind::kMessage, "message"},
     {ActivityKind::kNote, "note"},
     {ActivityKind::kHandover, "handover"},
     {ActivityKind::kStatusChanged, "status_changed"},
     {ActivityKind::kAssigned, "assigned"},
     {ActivityKind::kMerged, "merged"},
     {ActivityKind::kCall, "call"},
     {ActivityKind::kPromise, "promise"}}};

template <typename E, size_t N>
std::string_view Name(const Table<E, N>& t, E v) {
  for (const auto& [e, n] : t)
    if (e == v) return n;
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> Lookup(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, n] : t)
    if (n == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view ToString(Role v) { return Name(kRoles, v); }
std::string_view ToString(Channel v) { return Name(kChannels, v); }
std::string_view ToString(ConversationStatus v) { return Name(kStatuses, v); }
std::string_view ToString(Priority v) { return Name(kPriorities, v); }
std::string_view ToString(Direction v) { return Name(kDirections, v); }
std::string_view ToString(IdentityKind v) { return Name(kIdentityKinds, v); }
std::string_view ToString(CustomerKind v) { return Name(kCustomerKinds, v); }
std::string_view ToString(Language v) { return Name(kLanguages, v); }
std::string_view ToString(ActivityKind v) { return Name(kActivityKinds, v); }

template <>
std::optional<Role> Parse<Role>(std::string_view s) {
  return Lookup(kRoles, s);
}
template <>
std::optional<Channel> Parse<Channel>(std::string_view s) {
  return Lookup(kChannels, s);
}
template <>
std::optional<ConversationStatus> Parse<ConversationStatus>(std::string_view s) {
  return Lookup(kStatuses, s);
}
template <>
std::optional<Priority> Parse<Priority>(std::string_view s) {
  return Lookup(kPriorities, s);
}
template <>
std::optional<Direction> Parse<Direction>(std::string_view s) {
  return Lookup(kDirections, s);
}
template <>
std::optional<IdentityKind> Parse<IdentityKind>(std::string_view s) {
  return Lookup(kIdentityKinds, s);
}
template <>
std::optional<CustomerKind> Parse<CustomerKind>(std::string_view s) {
  return Lookup(kCustomerKinds, s);
}
template <>
std::optional<Language> Parse<Language>(std::string_view s) {
  return Lookup(kLanguages, s);
}
template <>
std::optional<ActivityKind> Parse<ActivityKind>(std::string_view s) {
  return Lookup(kActivityKinds, s);
}

template <>
const char* ValidNames<Role>() {
  return "admin, manager, agent, account_manager, privacy_officer, phone_integration";
}
template <>
const char* ValidNames<Channel>() {
  return "email, chat, phone, social, shop, webform";
}
template <>
const char* ValidNames<ConversationStatus>() {
  return "new, open, waiting_on_customer, waiting_on_us, resolved, closed";
}
template <>
const char* ValidNames<Priority>() {
  return "low, normal, high, urgent";
}
template <>
const char* ValidNames<Direction>() {
  return "in, out";
}
template <>
const char* ValidNames<IdentityKind>() {
  return "email, phone, social";
}
template <>
const char* ValidNames<CustomerKind>() {
  return "person, organisation";
}
template <>
const char* ValidNames<Language>() {
  return "nl, en";
}
template <>
const char* ValidNames<ActivityKind>() {
  return "conversation_opened, message, note, handover, status_changed, assigned, merged, call";
}

}  // namespace luister
