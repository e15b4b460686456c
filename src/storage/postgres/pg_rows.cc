#include "storage/postgres/pg_rows.h"

#include <unordered_map>

namespace luister::postgres {

namespace {

const std::string kSelectCustomer =
    std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id = $1";
constexpr char kSelectIdentities[] =
    "SELECT id, customer_id, kind, value, created_at FROM identities "
    "WHERE customer_id = ANY($1::bigint[]) ORDER BY customer_id, id";
constexpr char kRefreshSearch[] =
    "UPDATE customers SET search_text = (SELECT coalesce(string_agg(value, ' ' ORDER BY id), '') "
    "FROM identities WHERE customer_id = $1) WHERE id = $1";
const std::string kSelectConversation =
    std::string("SELECT ") + kConversationColumns + " FROM conversations WHERE id = $1";
const std::string kSelectConversationForUpdate = kSelectConversation + " FOR UPDATE";
const std::string kSelectMessage =
    std::string("SELECT ") + kMessageColumns + " FROM messages WHERE id = $1";
constexpr char kSelectAttachments[] =
    "SELECT message_id, filename, content_type, size_bytes FROM message_attachments "
    "WHERE message_id = ANY($1::bigint[]) ORDER BY message_id, position";
constexpr char kInsertActivity[] =
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

}  // namespace

std::string ArrayLiteral(const std::vector<std::optional<std::string>>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if (!values[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char ch : *values[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "}";
}

std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "}";
}

Customer CustomerFromRow(const Rows& r, int i) {
  Customer c;
  c.id = r.Int(i, 0);
  c.kind = EnumFromText<CustomerKind>(r.Text(i, 1));
  c.name = r.Text(i, 2);
  c.organisation_id = r.OptInt(i, 3);
  c.segment = r.Text(i, 4);
  c.language = EnumFromText<Language>(r.Text(i, 5));
  c.preferred_channel = OptEnumFromText<Channel>(r.OptText(i, 6));
  if (!r.IsNull(i, 7) && !r.IsNull(i, 8))
    c.contact_hours = ContactHours{static_cast<int>(r.Int(i, 7)), static_cast<int>(r.Int(i, 8))};
  c.account_manager_id = r.OptInt(i, 9);
  c.merged_into_id = r.OptInt(i, 10);
  c.created_at = r.Time(i, 11);
  c.updated_at = r.Time(i, 12);
  return c;
}

Status LoadIdentities(Connection& c, std::vector<Customer>* customers) {
  if (customers->empty()) return Status::Ok();
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Customer*> by_id;
  for (Customer& x : *customers) {
    ids.push_back(x.id);
    by_id[x.id] = &x;
    x.identities.clear();
  }
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectIdentities, Params().Add(IdArray(ids))));
  for (int i = 0; i < r.size(); ++i) {
    Identity id{r.Int(i, 0), r.Int(i, 1), EnumFromText<IdentityKind>(r.Text(i, 2)), r.Text(i, 3),
                r.Time(i, 4)};
    by_id[id.customer_id]->identities.push_back(std::move(id));
  }
  return Status::Ok();
}

Result<Customer> LoadCustomer(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectCustomer, Params().Add(id)));
  if (r.size() == 0) return NotFound("customer " + std::to_string(id) + " not found");
  std::vector<Customer> one{CustomerFromRow(r, 0)};
  LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &one));
  return std::move(one[0]);
}

Status RefreshCustomerSearch(Connection& c, int64_t customer_id) {
  return c.Query(kRefreshSearch, Params().Add(customer_id)).status();
}

Conversation ConversationFromRow(const Rows& r, int i) {
  Conversation c;
  c.id = r.Int(i, 0);
  c.customer_id = r.Int(i, 1);
  c.channel = EnumFromText<Channel>(r.Text(i, 2));
  c.subject = r.Text(i, 3);
  c.status = EnumFromText<ConversationStatus>(r.Text(i, 4));
  c.priority = EnumFromText<Priority>(r.Text(i, 5));
  c.department_id = r.Int(i, 6);
  c.queue_id = r.OptInt(i, 7);
  c.assignee_id = r.OptInt(i, 8);
  c.created_at = r.Time(i, 9);
  c.updated_at = r.Time(i, 10);
  c.last_message_at = r.Time(i, 11);
  c.first_response_at = r.OptTime(i, 12);
  c.resolved_at = r.OptTime(i, 13);
  c.message_count = static_cast<int>(r.Int(i, 14));
  c.customer_name = r.Text(i, 15);
  // Tags never contain spaces (NormaliseTag); the query sorts them.
  std::string tags = r.Text(i, 16);
  for (size_t start = 0; start < tags.size();) {
    size_t end = tags.find(' ', start);
    if (end == std::string::npos) end = tags.size();
    if (end > start) c.tags.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  return c;
}

Result<Conversation> LoadConversation(Connection& c, int64_t id, bool for_update) {
  LUISTER_ASSIGN_OR_RETURN(
      Rows r,
      c.Query(for_update ? kSelectConversationForUpdate : kSelectConversation, Params().Add(id)));
  if (r.size() == 0) return NotFound("conversation " + std::to_string(id) + " not found");
  return ConversationFromRow(r, 0);
}

Message MessageFromRow(const Rows& r, int i) {
  Message m;
  m.id = r.Int(i, 0);
  m.conversation_id = r.Int(i, 1);
  m.customer_id = r.Int(i, 2);
  m.channel = EnumFromText<Channel>(r.Text(i, 3));
  m.direction = EnumFromText<Direction>(r.Text(i, 4));
  m.internal = r.Bool(i, 5);
  m.author_user_id = r.OptInt(i, 6);
  m.body_text = r.Text(i, 7);
  m.body_html = r.Text(i, 8);
  m.created_at = r.Time(i, 9);
  return m;
}

Status LoadAttachments(Connection& c, std::vector<Message>* messages) {
  if (messages->empty()) return Status::Ok();
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, Message*> by_id;
  for (Message& m : *messages) {
    ids.push_back(m.id);
    by_id[m.id] = &m;
    m.attachments.clear();
  }
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectAttachments, Params().Add(IdArray(ids))));
  for (int i = 0; i < r.size(); ++i)
    by_id[r.Int(i, 0)]->attachments.push_back(Attachment{r.Text(i, 1), r.Text(i, 2), r.Int(i, 3)});
  return Status::Ok();
}

Result<Message> LoadMessage(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectMessage, Params().Add(id)));
  if (r.size() == 0) return NotFound("message " + std::to_string(id) + " not found");
  std::vector<Message> one{MessageFromRow(r, 0)};
  LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &one));
  return std::move(one[0]);
}

Status InsertActivity(Connection& c, const Activity& a) {
  return c
      .Query(kInsertActivity, Params()
                                  .Add(a.customer_id)
                                  .Add(a.at)
                                  .Add(std::string(ToString(a.kind)))
                                  .Add(OptEnumText(a.channel))
                                  .Add(a.department_id)
                                  .Add(a.conversation_id)
                                  .Add(a.message_id)
                                  .Add(OptEnumText(a.direction))
                                  .Add(a.actor_user_id)
                                  .Add(a.summary))
      .status();
}

}  // namespace luister::postgres
