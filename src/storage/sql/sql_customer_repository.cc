#include "storage/sql/sql_customer_repository.h"

#include <algorithm>

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/records.h"
#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsertCustomer(
    "INSERT INTO customers (kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
const Sql kUpdateCustomer(
    "UPDATE customers SET name = ?, organisation_id = ?, segment = ?, language = ?, "
    "preferred_channel = ?, contact_from_minute = ?, contact_to_minute = ?, "
    "account_manager_id = ?, updated_at = ? WHERE id = ?");
const Sql kInsertIdentity(
    "INSERT INTO identities (customer_id, kind, value, created_at) VALUES (?, ?, ?, ?) "
    "RETURNING id");
const Sql kDeleteIdentity("DELETE FROM identities WHERE id = ? AND customer_id = ?");
const Sql kFindByIdentity("SELECT customer_id FROM identities WHERE kind = ? AND value = ?");
const Sql kSetFailing(
    "UPDATE identities SET failing = ?, failing_at = ? WHERE kind = ? AND value = ?");
const Sql kTouchCustomer("UPDATE customers SET updated_at = ? WHERE id = ?");
const Sql kCountCustomers("SELECT count(*) FROM customers WHERE merged_into_id IS NULL");

const Sql kMoveIdentities("UPDATE identities SET customer_id = ? WHERE customer_id = ?");
const Sql kMoveConversations("UPDATE conversations SET customer_id = ? WHERE customer_id = ?");
const Sql kMoveMessages("UPDATE messages SET customer_id = ? WHERE customer_id = ?");
const Sql kMoveActivities("UPDATE activities SET customer_id = ? WHERE customer_id = ?");
// The phone module's calls (domain/phone_call.h) belong to the customer too.
const Sql kMoveCalls("UPDATE phone_calls SET customer_id = ? WHERE customer_id = ?");
// The chat module's visitors (domain/chat.h): a returning visitor's next chat
// opens on the customer they were merged into.
const Sql kMoveVisitors("UPDATE chat_visitors SET customer_id = ? WHERE customer_id = ?");
// The promises module's promises (domain/promise.h), both ways.
const Sql kMovePromises("UPDATE promises SET customer_id = ? WHERE customer_id = ?");
const Sql kMoveMembers("UPDATE customers SET organisation_id = ? WHERE organisation_id = ?");
const Sql kRepointTombstones("UPDATE customers SET merged_into_id = ? WHERE merged_into_id = ?");
const Sql kMarkMerged("UPDATE customers SET merged_into_id = ?, updated_at = ? WHERE id = ?");
const Sql kInsertMerge(
    "INSERT INTO merges (source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
const Sql kListMerges(
    "SELECT id, source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities FROM merges WHERE target_id = ? "
    "ORDER BY at DESC, id DESC");

// The stored fields of a customer after the kind, then `at` (updated_at).
Params CustomerFields(Params p, const std::string& name, std::optional<int64_t> organisation_id,
                      const std::string& segment, Language language,
                      std::optional<Channel> preferred_channel,
                      const std::optional<ContactHours>& hours,
                      std::optional<int64_t> account_manager_id, Timestamp at) {
  p.Add(name).Add(organisation_id).Add(segment).Add(ToString(language));
  p.Add(OptEnumText(preferred_channel));
  if (hours) {
    p.Add(hours->from_minute).Add(hours->to_minute);
  } else {
    p.AddNull().AddNull();
  }
  p.Add(account_manager_id).Add(at);
  return p;
}

Result<int64_t> InsertIdentity(Connection& c, int64_t customer_id, const NewIdentity& i,
                               Timestamp at) {
  auto id = Scalar(c, kInsertIdentity, Params::Of(customer_id, ToString(i.kind), i.value, at));
  if (id.status().code() == StatusCode::kConflict)
    return Conflict(std::string(ToString(i.kind)) + " " + i.value +
                    " already belongs to a customer");
  return id;
}

// Moves rows from customer `from` to `to`; how many moved.
Result<int> Move(Connection& c, const Sql& sql, int64_t from, int64_t to) {
  LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(sql, Params::Of(to, from)));
  return static_cast<int>(n);
}

MergeRecord MergeFromRow(const Row& r) {
  MergeRecord m;
  m.id = r.Int(0);
  m.source_id = r.Int(1);
  m.target_id = r.Int(2);
  m.source_name = r.Text(3);
  m.by_user_id = r.Int(4);
  m.at = r.Time(5);
  m.moved_identities = static_cast<int>(r.Int(6));
  m.moved_conversations = static_cast<int>(r.Int(7));
  m.moved_activities = static_cast<int>(r.Int(8));
  return m;
}

}  // namespace

Result<Customer> SqlCustomerRepository::Create(const NewCustomer& c) {
  Timestamp at = c.created_at.value_or(db_.clock().Now());
  return db_.Write([&](Connection& conn) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id, Scalar(conn, kInsertCustomer,
                           CustomerFields(Params::Of(ToString(c.kind)), c.name, c.organisation_id,
                                          c.segment, c.language, c.preferred_channel,
                                          c.contact_hours, c.account_manager_id, at)
                               .Add(at)));
    for (const auto& identity : c.identities)
      LUISTER_RETURN_IF_ERROR(InsertIdentity(conn, id, identity, at).status());
    if (!c.identities.empty()) LUISTER_RETURN_IF_ERROR(IdentitiesChanged(conn, id));
    return LoadCustomer(conn, id);
  });
}

Result<Customer> SqlCustomerRepository::Get(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadCustomer(c, id); });
}

Result<Page<Customer>> SqlCustomerRepository::List(const CustomerFilter& f, const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id > ?");
  q.Add("", p.after ? p.after->id : int64_t{0});
  if (!f.include_merged) q.Add(" AND merged_into_id IS NULL");
  if (f.segment) q.Add(" AND segment = ?", *f.segment);
  if (f.account_manager_id) q.Add(" AND account_manager_id = ?", *f.account_manager_id);
  if (f.kind) q.Add(" AND kind = ?", ToString(*f.kind));
  if (f.organisation_id) q.Add(" AND organisation_id = ?", *f.organisation_id);
  q.Add(" ORDER BY id LIMIT ?", int64_t{p.limit} + 1);
  Sql sql = q.Build();
  return db_.Read([&](Connection& c) -> Result<Page<Customer>> {
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<Customer>(c, sql, q.params(), CustomerFromRow));
    LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &rows));
    return MakePage(std::move(rows), p.limit, [](const Customer& x) { return x.id; });
  });
}

Result<Customer> SqlCustomerRepository::Update(int64_t id, const CustomerPlan& plan) {
  return db_.Write([&](Connection& c) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(Customer cur, LoadCustomer(c, id, /*for_update=*/true));
    LUISTER_ASSIGN_OR_RETURN(Customer next, plan(cur));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kUpdateCustomer,
                  CustomerFields(Params(), next.name, next.organisation_id, next.segment,
                                 next.language, next.preferred_channel, next.contact_hours,
                                 next.account_manager_id, next.updated_at)
                      .Add(id))
            .status());
    return LoadCustomer(c, id);
  });
}

Result<Identity> SqlCustomerRepository::AddIdentity(int64_t customer_id, const NewIdentity& i,
                                                    Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Identity> {
    LUISTER_ASSIGN_OR_RETURN(Customer owner, LoadCustomer(c, customer_id, /*for_update=*/true));
    if (owner.merged_into_id)
      return Conflict("customer " + std::to_string(customer_id) + " was merged into customer " +
                      std::to_string(*owner.merged_into_id));
    LUISTER_ASSIGN_OR_RETURN(int64_t id, InsertIdentity(c, customer_id, i, at));
    LUISTER_RETURN_IF_ERROR(IdentitiesChanged(c, customer_id));
    LUISTER_RETURN_IF_ERROR(c.Execute(kTouchCustomer, Params::Of(at, customer_id)).status());
    return Identity{id, customer_id, i.kind, i.value, at};
  });
}

Status SqlCustomerRepository::RemoveIdentity(int64_t customer_id, int64_t identity_id) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(int64_t removed,
                             c.Execute(kDeleteIdentity, Params::Of(identity_id, customer_id)));
    if (removed == 0)
      return NotFound("identity " + std::to_string(identity_id) + " of customer " +
                      std::to_string(customer_id) + " not found");
    return IdentitiesChanged(c, customer_id);
  });
}

Result<std::optional<Customer>> SqlCustomerRepository::FindByIdentity(IdentityKind kind,
                                                                      const std::string& value) {
  return db_.Read([&](Connection& c) -> Result<std::optional<Customer>> {
    LUISTER_ASSIGN_OR_RETURN(auto id,
                             First<int64_t>(c, kFindByIdentity, Params::Of(ToString(kind), value),
                                            [](const Row& r) { return r.Int(0); }));
    if (!id) return std::optional<Customer>();
    LUISTER_ASSIGN_OR_RETURN(Customer customer, LoadCustomer(c, *id));
    return std::optional<Customer>(std::move(customer));
  });
}

Status SqlCustomerRepository::SetIdentityFailing(IdentityKind kind, const std::string& value,
                                                 std::optional<std::string> reason, Timestamp at) {
  std::optional<Timestamp> since;
  if (reason) since = at;
  return db_.Write([&](Connection& c) -> Status {
    return c.Execute(kSetFailing, Params::Of(reason, since, ToString(kind), value)).status();
  });
}

Result<MergeRecord> SqlCustomerRepository::Merge(int64_t source_id, int64_t target_id,
                                                 const MergePlan& plan) {
  return db_.Write([&](Connection& c) -> Result<MergeRecord> {
    // Lock both in id order so two crossing merges cannot deadlock.
    const bool source_first = source_id <= target_id;
    LUISTER_ASSIGN_OR_RETURN(Customer first,
                             LoadCustomer(c, source_first ? source_id : target_id, true));
    LUISTER_ASSIGN_OR_RETURN(Customer second,
                             LoadCustomer(c, source_first ? target_id : source_id, true));
    const Customer& source = source_first ? first : second;
    const Customer& target = source_first ? second : first;
    LUISTER_ASSIGN_OR_RETURN(MergeChange change, plan(source, target));
    MergeRecord& m = change.record;
    LUISTER_ASSIGN_OR_RETURN(m.moved_identities, Move(c, kMoveIdentities, source_id, target_id));
    LUISTER_ASSIGN_OR_RETURN(m.moved_conversations,
                             Move(c, kMoveConversations, source_id, target_id));
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveMessages, source_id, target_id).status());
    LUISTER_ASSIGN_OR_RETURN(m.moved_activities, Move(c, kMoveActivities, source_id, target_id));
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveCalls, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveVisitors, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(Move(c, kMovePromises, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveMembers, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(Move(c, kRepointTombstones, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kMarkMerged, Params::Of(target_id, m.at, source_id)).status());
    LUISTER_RETURN_IF_ERROR(IdentitiesChanged(c, source_id));
    LUISTER_RETURN_IF_ERROR(IdentitiesChanged(c, target_id));
    LUISTER_ASSIGN_OR_RETURN(
        m.id, Scalar(c, kInsertMerge,
                     Params::Of(source_id, target_id, m.source_name, m.by_user_id, m.at,
                                m.moved_identities, m.moved_conversations, m.moved_activities)));
    for (const Activity& a : change.activities) LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return m;
  });
}

Result<std::vector<MergeRecord>> SqlCustomerRepository::ListMerges(int64_t target_id) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<MergeRecord>(c, kListMerges, Params::Of(target_id), MergeFromRow);
  });
}

Result<int64_t> SqlCustomerRepository::Count() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountCustomers); });
}

}  // namespace luister::sql
