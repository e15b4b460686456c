#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/activity.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/enums.h"
#include "domain/page.h"
#include "storage/sqlite/connection.h"

// Row <-> struct mapping shared by the SQLite repositories. Each k*Columns
// constant lists the columns the matching *FromRow reads, in order.
namespace luister::sqlite {

// Enums are stored as their wire names; an unknown name (a newer luister
// wrote it) reads as the enum's first value rather than failing the read.
template <typename E>
E EnumFromText(const std::string& s) {
  return Parse<E>(s).value_or(E{});
}
template <typename E>
std::optional<E> OptEnumFromText(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return EnumFromText<E>(*s);
}
template <typename E>
std::optional<std::string_view> OptEnumText(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return ToString(*e);
}

inline constexpr char kCustomerColumns[] =
    "id, kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, merged_into_id, created_at, "
    "updated_at";
Customer CustomerFromRow(const Statement& st);
// Customer with its identities; NotFound when absent.
Result<Customer> LoadCustomer(Connection& c, int64_t id);
Status LoadIdentities(Connection& c, Customer* customer);

// Selected FROM conversations (unaliased); the customer's name and the tags
// come along, so one statement reads a whole page of conversations.
inline constexpr char kConversationColumns[] =
    "id, customer_id, channel, subject, status, priority, department_id, queue_id, "
    "assignee_id, created_at, updated_at, last_message_at, first_response_at, resolved_at, "
    "message_count, "
    "(SELECT cu.name FROM customers cu WHERE cu.id = conversations.customer_id), "
    "(SELECT group_concat(t.tag, ' ') FROM conversation_tags t "
    "WHERE t.conversation_id = conversations.id)";
Conversation ConversationFromRow(const Statement& st);
Result<Conversation> LoadConversation(Connection& c, int64_t id);

inline constexpr char kMessageColumns[] =
    "id, conversation_id, customer_id, channel, direction, internal, author_user_id, "
    "body_text, body_html, created_at";
Message MessageFromRow(const Statement& st);
Result<Message> LoadMessage(Connection& c, int64_t id);
Status LoadAttachments(Connection& c, Message* message);

// Appends a timeline entry; the caller's transaction makes it atomic with the
// change it records.
Status InsertActivity(Connection& c, const Activity& a);


}  // namespace luister::sqlite
