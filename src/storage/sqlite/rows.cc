#include "storage/sqlite/rows.h"

#include <algorithm>

namespace luister::sqlite {

namespace {

const std::string kSelectCustomer =
    std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id = ?1";
constexpr char kSelectIdentities[] =
    "SELECT id, customer_id, kind, value, created_at FROM identities "
    "WHERE customer_id = ?1 ORDER BY id";
const std::string kSelectConversation =
    std::string("SELECT ") + kConversationColumns + " FROM conversations WHERE id = ?1";
const std::string kSelectMessage =
    std::string("SELECT ") + kMessageColumns + " FROM messages WHERE id = ?1";
constexpr char kSelectAttachments[] =
    "SELECT filename, content_type, size_bytes FROM message_attachments "
    "WHERE message_id = ?1 ORDER BY position";
constexpr char kInsertActivity[] =
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

}  // namespace

Customer CustomerFromRow(const Statement& st) {
  Customer c;
  c.id = st.Int(0);
  c.kind = EnumFromText<CustomerKind>(st.Text(1));
  c.name = st.Text(2);
  c.organisation_id = st.OptInt(3);
  c.segment = st.Text(4);
  c.language = EnumFromText<Language>(st.Text(5));
  c.preferred_channel = OptEnumFromText<Channel>(st.OptText(6));
  if (!st.IsNull(7) && !st.IsNull(8))
    c.contact_hours = ContactHours{static_cast<int>(st.Int(7)), static_cast<int>(st.Int(8))};
  c.account_manager_id = st.OptInt(9);
  c.merged_into_id = st.OptInt(10);
  c.created_at = st.Time(11);
  c.updated_at = st.Time(12);
  return c;
}

Status LoadIdentities(Connection& c, Customer* customer) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectIdentities));
  st.Bind(1, customer->id);
  customer->identities.clear();
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    customer->identities.push_back(Identity{
        st.Int(0), st.Int(1), EnumFromText<IdentityKind>(st.Text(2)), st.Text(3), st.Time(4)});
  }
}

Result<Customer> LoadCustomer(Connection& c, int64_t id) {
  Customer customer;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectCustomer));
    st.Bind(1, id);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return NotFound("customer " + std::to_string(id) + " not found");
    customer = CustomerFromRow(st);
  }
  LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &customer));
  return customer;
}

Conversation ConversationFromRow(const Statement& st) {
  Conversation c;
  c.id = st.Int(0);
  c.customer_id = st.Int(1);
  c.channel = EnumFromText<Channel>(st.Text(2));
  c.subject = st.Text(3);
  c.status = EnumFromText<ConversationStatus>(st.Text(4));
  c.priority = EnumFromText<Priority>(st.Text(5));
  c.department_id = st.Int(6);
  c.queue_id = st.OptInt(7);
  c.assignee_id = st.OptInt(8);
  c.created_at = st.Time(9);
  c.updated_at = st.Time(10);
  c.last_message_at = st.Time(11);
  c.first_response_at = st.OptTime(12);
  c.resolved_at = st.OptTime(13);
  c.message_count = static_cast<int>(st.Int(14));
  c.customer_name = st.Text(15);
  // Tags never contain spaces (NormaliseTag), so a space joins them.
  std::string tags = st.Text(16);
  for (size_t start = 0; start < tags.size();) {
    size_t end = tags.find(' ', start);
    if (end == std::string::npos) end = tags.size();
    if (end > start) c.tags.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  std::sort(c.tags.begin(), c.tags.end());
  return c;
}

Result<Conversation> LoadConversation(Connection& c, int64_t id) {
  Conversation conversation;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectConversation));
    st.Bind(1, id);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return NotFound("conversation " + std::to_string(id) + " not found");
    conversation = ConversationFromRow(st);
  }
  return conversation;
}

Message MessageFromRow(const Statement& st) {
  Message m;
  m.id = st.Int(0);
  m.conversation_id = st.Int(1);
  m.customer_id = st.Int(2);
  m.channel = EnumFromText<Channel>(st.Text(3));
  m.direction = EnumFromText<Direction>(st.Text(4));
  m.internal = st.Int(5) != 0;
  m.author_user_id = st.OptInt(6);
  m.body_text = st.Text(7);
  m.body_html = st.Text(8);
  m.created_at = st.Time(9);
  return m;
}

Status LoadAttachments(Connection& c, Message* message) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectAttachments));
  st.Bind(1, message->id);
  message->attachments.clear();
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::Ok();
    message->attachments.push_back(Attachment{st.Text(0), st.Text(1), st.Int(2)});
  }
}

Result<Message> LoadMessage(Connection& c, int64_t id) {
  Message message;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectMessage));
    st.Bind(1, id);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return NotFound("message " + std::to_string(id) + " not found");
    message = MessageFromRow(st);
  }
  LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &message));
  return message;
}

Status InsertActivity(Connection& c, const Activity& a) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertActivity));
  return st.Bind(1, a.customer_id)
      .Bind(2, a.at)
      .Bind(3, ToString(a.kind))
      .Bind(4, OptEnumText(a.channel))
      .Bind(5, a.department_id)
      .Bind(6, a.conversation_id)
      .Bind(7, a.message_id)
      .Bind(8, OptEnumText(a.direction))
      .Bind(9, a.actor_user_id)
      .Bind(10, a.summary)
      .Run();
}

}  // namespace luister::sqlite
