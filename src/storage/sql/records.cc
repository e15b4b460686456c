#include "storage/sql/records.h"

#include <algorithm>
#include <unordered_map>

#include "storage/sql/query.h"
#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

constexpr size_t kIdChunk = 256;

const Sql kSelectCustomer(std::string("SELECT ") + kCustomerColumns +
                          " FROM customers WHERE id = ?");
const Sql kSelectCustomerForUpdate(std::string("SELECT ") + kCustomerColumns +
                                   " FROM customers WHERE id = ?{for_update}");
const Sql kSelectConversation(std::string("SELECT ") + kConversationColumns +
                              " FROM conversations WHERE id = ?");
const Sql kSelectConversationForUpdate(std::string("SELECT ") + kConversationColumns +
                                       " FROM conversations WHERE id = ?{for_update}");
const Sql kSelectMessage(std::string("SELECT ") + kMessageColumns + " FROM messages WHERE id = ?");
// The common case of one record, as a constant statement.
const Sql kSelectIdentitiesOfOne(
    "SELECT id, customer_id, kind, value, created_at, failing, failing_at FROM identities "
    "WHERE customer_id = ? "
    "ORDER BY id");
const Sql kSelectAttachmentsOfOne(
    "SELECT message_id, filename, content_type, size_bytes, sha256, content_id, inline, id "
    "FROM message_attachments WHERE message_id = ? ORDER BY position");

// Calls `load(chunk)` for each run of at most kIdChunk of `ids`.
template <typename F>
Status ForChunks(const std::vector<int64_t>& ids, F load) {
  for (size_t from = 0; from < ids.size(); from += kIdChunk) {
    std::vector<int64_t> chunk(ids.begin() + from,
                               ids.begin() + std::min(ids.size(), from + kIdChunk));
    LUISTER_RETURN_IF_ERROR(load(chunk));
  }
  return Status::Ok();
}

}  // namespace

void AddIdList(QueryBuilder& q, const std::vector<int64_t>& ids) {
  size_t n = 1;
  while (n < ids.size()) n *= 2;
  q.Add(" IN (?", ids[0]);
  for (size_t i = 1; i < n; ++i) q.Add(", ?", ids[std::min(i, ids.size() - 1)]);
  q.Add(")");
}

Customer CustomerFromRow(const Row& r) {
  Customer c;
  c.id = r.Int(0);
  c.kind = EnumFromText<CustomerKind>(r.Text(1));
  c.name = r.Text(2);
  c.organisation_id = r.OptInt(3);
  c.segment = r.Text(4);
  c.language = EnumFromText<Language>(r.Text(5));
  c.preferred_channel = OptEnumFromText<Channel>(r.OptText(6));
  if (!r.IsNull(7) && !r.IsNull(8))
    c.contact_hours = ContactHours{static_cast<int>(r.Int(7)), static_cast<int>(r.Int(8))};
  c.account_manager_id = r.OptInt(9);
  c.merged_into_id = r.OptInt(10);
  c.created_at = r.Time(11);
  c.updated_at = r.Time(12);
  return c;
}

Status LoadIdentities(Connection& c, std::vector<Customer>* customers) {
  std::unordered_map<int64_t, Customer*> by_id;
  std::vector<int64_t> ids;
  for (Customer& x : *customers) {
    ids.push_back(x.id);
    by_id[x.id] = &x;
    x.identities.clear();
  }
  auto add = [&](const Row& r) {
    by_id[r.Int(1)]->identities.push_back(Identity{r.Int(0), r.Int(1),
                                                   EnumFromText<IdentityKind>(r.Text(2)), r.Text(3),
                                                   r.Time(4), r.OptText(5), r.OptTime(6)});
  };
  if (ids.size() == 1) return c.Query(kSelectIdentitiesOfOne, Params::Of(ids[0]), add);
  return ForChunks(ids, [&](const std::vector<int64_t>& chunk) {
    QueryBuilder q(
        "SELECT id, customer_id, kind, value, created_at, failing, failing_at FROM identities "
        "WHERE customer_id");
    AddIdList(q, chunk);
    q.Add(" ORDER BY customer_id, id");
    return c.Query(q.Build(), q.params(), add);
  });
}

Result<Customer> LoadCustomer(Connection& c, int64_t id, bool for_update) {
  LUISTER_ASSIGN_OR_RETURN(Customer customer,
                           One<Customer>(c, for_update ? kSelectCustomerForUpdate : kSelectCustomer,
                                         id, "customer", CustomerFromRow));
  std::vector<Customer> one{std::move(customer)};
  LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &one));
  return std::move(one[0]);
}

Conversation ConversationFromRow(const Row& r) {
  Conversation c;
  c.id = r.Int(0);
  c.customer_id = r.Int(1);
  c.channel = EnumFromText<Channel>(r.Text(2));
  c.subject = r.Text(3);
  c.status = EnumFromText<ConversationStatus>(r.Text(4));
  c.priority = EnumFromText<Priority>(r.Text(5));
  c.department_id = r.Int(6);
  c.queue_id = r.OptInt(7);
  c.assignee_id = r.OptInt(8);
  c.created_at = r.Time(9);
  c.updated_at = r.Time(10);
  c.last_message_at = r.Time(11);
  c.first_response_at = r.OptTime(12);
  c.resolved_at = r.OptTime(13);
  c.message_count = static_cast<int>(r.Int(14));
  c.customer_name = r.Text(15);
  c.follows_id = r.OptInt(17);
  c.location_id = r.OptInt(18);
  c.public_thread = r.Bool(19);
  // Tags never contain spaces (NormaliseTag), so a space joins them.
  std::string tags = r.Text(16);
  for (size_t start = 0; start < tags.size();) {
    size_t end = tags.find(' ', start);
    if (end == std::string::npos) end = tags.size();
    if (end > start) c.tags.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  std::sort(c.tags.begin(), c.tags.end());
  return c;
}

Result<Conversation> LoadConversation(Connection& c, int64_t id, bool for_update) {
  return One<Conversation>(c, for_update ? kSelectConversationForUpdate : kSelectConversation, id,
                           "conversation", ConversationFromRow);
}

Message MessageFromRow(const Row& r) {
  Message m;
  m.id = r.Int(0);
  m.conversation_id = r.Int(1);
  m.customer_id = r.Int(2);
  m.channel = EnumFromText<Channel>(r.Text(3));
  m.direction = EnumFromText<Direction>(r.Text(4));
  m.internal = r.Bool(5);
  m.author_user_id = r.OptInt(6);
  m.body_text = r.Text(7);
  m.body_html = r.Text(8);
  m.created_at = r.Time(9);
  m.external_id = r.OptText(10).value_or("");
  m.raw_sha256 = r.OptText(11).value_or("");
  if (auto d = r.OptText(12)) m.delivery = ParseDelivery(*d);
  m.delivery_error = r.OptText(13).value_or("");
  m.answer_id = r.OptInt(14);
  if (auto n = r.OptInt(15)) m.answer_number = static_cast<int>(*n);
  m.answer_override = r.OptText(16).value_or("");
  return m;
}

Status LoadAttachments(Connection& c, std::vector<Message>* messages) {
  std::unordered_map<int64_t, Message*> by_id;
  std::vector<int64_t> ids;
  for (Message& m : *messages) {
    ids.push_back(m.id);
    by_id[m.id] = &m;
    m.attachments.clear();
  }
  auto add = [&](const Row& r) {
    by_id[r.Int(0)]->attachments.push_back(
        Attachment{r.Text(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5), r.Bool(6), r.Int(7)});
  };
  if (ids.size() == 1) return c.Query(kSelectAttachmentsOfOne, Params::Of(ids[0]), add);
  return ForChunks(ids, [&](const std::vector<int64_t>& chunk) {
    QueryBuilder q(
        "SELECT message_id, filename, content_type, size_bytes, sha256, content_id, inline, id "
        "FROM message_attachments WHERE message_id");
    AddIdList(q, chunk);
    q.Add(" ORDER BY message_id, position");
    return c.Query(q.Build(), q.params(), add);
  });
}

Result<Message> LoadMessage(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(Message m,
                           One<Message>(c, kSelectMessage, id, "message", MessageFromRow));
  std::vector<Message> one{std::move(m)};
  LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &one));
  return std::move(one[0]);
}

}  // namespace luister::sql
