#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "storage/sql/connection.h"
#include "storage/sql/query_builder.h"

// Reading customers, conversations and messages, shared by the repositories
// of both engines. Each k*Columns lists what the matching *FromRow reads, in
// order; the loaders read a record with what belongs to it (identities,
// attachments) in a fixed number of statements, never one per row.
namespace luister::sql {

inline constexpr char kCustomerColumns[] =
    "id, kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, merged_into_id, created_at, "
    "updated_at";
Customer CustomerFromRow(const Row& r);
// One customer with its identities; NotFound when absent. `for_update` locks
// the row until the transaction ends (PostgreSQL; SQLite's writer holds the
// database anyway).
Result<Customer> LoadCustomer(Connection& c, int64_t id, bool for_update = false);
// The identities of all `customers`, in one statement per 256 customers.
Status LoadIdentities(Connection& c, std::vector<Customer>* customers);

// Selected FROM conversations (unaliased), with the customer's name and the
// tags, so one statement reads a whole page.
inline constexpr char kConversationColumns[] =
    "id, customer_id, channel, subject, status, priority, department_id, queue_id, "
    "assignee_id, created_at, updated_at, last_message_at, first_response_at, resolved_at, "
    "message_count, "
    "(SELECT cu.name FROM customers cu WHERE cu.id = conversations.customer_id), "
    "(SELECT coalesce({string_agg}(t.tag, ' '), '') FROM conversation_tags t "
    "WHERE t.conversation_id = conversations.id), follows_id, location_id, public_thread";
Conversation ConversationFromRow(const Row& r);
Result<Conversation> LoadConversation(Connection& c, int64_t id, bool for_update = false);

inline constexpr char kMessageColumns[] =
    "id, conversation_id, customer_id, channel, direction, internal, author_user_id, "
    "body_text, body_html, created_at, external_id, raw_sha256, delivery, "
    "CASE WHEN delivery IN ('failed', 'uncertain', 'cancelled', 'queued') THEN (SELECT "
    "o.last_error FROM mail_outbox o "
    "WHERE o.message_id = messages.id) END, answer_id, answer_number, answer_override";
Message MessageFromRow(const Row& r);
Result<Message> LoadMessage(Connection& c, int64_t id);
// The attachments of all `messages`, in one statement per 256 messages.
Status LoadAttachments(Connection& c, std::vector<Message>* messages);

// Appends " IN (?, ?, …)" for `ids` to `q`. The list is padded to a power of
// two with the last id, so a handful of statement texts serve every size.
// `ids` must not be empty.
void AddIdList(QueryBuilder& q, const std::vector<int64_t>& ids);

}  // namespace luister::sql
