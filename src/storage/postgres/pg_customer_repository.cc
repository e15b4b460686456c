#include "storage/postgres/pg_customer_repository.h"

#include <algorithm>

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr char kInsertCustomer[] =
    "INSERT INTO customers (kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id";
constexpr char kUpdateCustomer[] =
    "UPDATE customers SET name = $2, organisation_id = $3, segment = $4, language = $5, "
    "preferred_channel = $6, contact_from_minute = $7, contact_to_minute = $8, "
    "account_manager_id = $9, updated_at = $10 WHERE id = $1";
constexpr char kInsertIdentity[] =
    "INSERT INTO identities (customer_id, kind, value, created_at) VALUES ($1, $2, $3, $4) "
    "RETURNING id";
constexpr char kDeleteIdentity[] = "DELETE FROM identities WHERE id = $1 AND customer_id = $2";
constexpr char kFindByIdentity[] =
    "SELECT customer_id FROM identities WHERE kind = $1 AND value = $2";
constexpr char kTouchCustomer[] = "UPDATE customers SET updated_at = $2 WHERE id = $1";
constexpr char kCountCustomers[] = "SELECT count(*) FROM customers WHERE merged_into_id IS NULL";
const std::string kLockCustomer =
    std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id = $1 FOR UPDATE";

constexpr char kMoveIdentities[] = "UPDATE identities SET customer_id = $2 WHERE customer_id = $1";
constexpr char kMoveConversations[] =
    "UPDATE conversations SET customer_id = $2 WHERE customer_id = $1";
constexpr char kMoveMessages[] = "UPDATE messages SET customer_id = $2 WHERE customer_id = $1";
constexpr char kMoveActivities[] = "UPDATE activities SET customer_id = $2 WHERE customer_id = $1";
constexpr char kMoveMembers[] =
    "UPDATE customers SET organisation_id = $2 WHERE organisation_id = $1";
constexpr char kRepointTombstones[] =
    "UPDATE customers SET merged_into_id = $2 WHERE merged_into_id = $1";
constexpr char kMarkMerged[] =
    "UPDATE customers SET merged_into_id = $2, updated_at = $3 WHERE id = $1";
constexpr char kInsertMerge[] =
    "INSERT INTO merges (source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr char kListMerges[] =
    "SELECT id, source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities FROM merges WHERE target_id = $1 "
    "ORDER BY at DESC, id DESC";

Params CustomerFields(const std::string& name, std::optional<int64_t> organisation_id,
                      const std::string& segment, Language language,
                      std::optional<Channel> preferred_channel,
                      const std::optional<ContactHours>& hours,
                      std::optional<int64_t> account_manager_id, Timestamp at, Params p) {
  p.Add(name).Add(organisation_id).Add(segment).Add(std::string(ToString(language)));
  p.Add(OptEnumText(preferred_channel));
  if (hours) {
    p.Add(hours->from_minute).Add(hours->to_minute);
  } else {
    p.AddNull().AddNull();
  }
  return std::move(p.Add(account_manager_id).Add(at));
}

Result<int64_t> InsertIdentity(Connection& c, int64_t customer_id, const NewIdentity& i,
                               Timestamp at) {
  auto r =
      c.Query(kInsertIdentity,
              Params().Add(customer_id).Add(std::string(ToString(i.kind))).Add(i.value).Add(at));
  if (r.status().code() == StatusCode::kConflict)
    return Conflict(std::string(ToString(i.kind)) + " " + i.value +
                    " already belongs to a customer");
  LUISTER_RETURN_IF_ERROR(r.status());
  return r->Int(0, 0);
}

Result<int> Move(Connection& c, const char* sql, int64_t from, int64_t to) {
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(sql, Params().Add(from).Add(to)));
  return static_cast<int>(r.affected());
}

Result<Customer> LockCustomer(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kLockCustomer, Params().Add(id)));
  if (r.size() == 0) return NotFound("customer " + std::to_string(id) + " not found");
  return CustomerFromRow(r, 0);
}

}  // namespace

Result<Customer> PgCustomerRepository::Create(const NewCustomer& c) {
  Timestamp at = c.created_at.value_or(Now());
  return db_.Write([&](Connection& conn) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(
        Rows r,
        conn.Query(kInsertCustomer,
                   CustomerFields(c.name, c.organisation_id, c.segment, c.language,
                                  c.preferred_channel, c.contact_hours, c.account_manager_id, at,
                                  Params().Add(std::string(ToString(c.kind))))));
    int64_t id = r.Int(0, 0);
    for (const auto& identity : c.identities)
      LUISTER_RETURN_IF_ERROR(InsertIdentity(conn, id, identity, at).status());
    if (!c.identities.empty()) LUISTER_RETURN_IF_ERROR(RefreshCustomerSearch(conn, id));
    return LoadCustomer(conn, id);
  });
}

Result<Customer> PgCustomerRepository::Get(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadCustomer(c, id); });
}

Result<Page<Customer>> PgCustomerRepository::List(const CustomerFilter& f, const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id > ?");
  q.Add("", p.after ? p.after->id : int64_t{0});
  if (!f.include_merged) q.Add(" AND merged_into_id IS NULL");
  if (f.segment) q.Add(" AND segment = ?", *f.segment);
  if (f.account_manager_id) q.Add(" AND account_manager_id = ?", *f.account_manager_id);
  if (f.kind) q.Add(" AND kind = ?", std::string(ToString(*f.kind)));
  if (f.organisation_id) q.Add(" AND organisation_id = ?", *f.organisation_id);
  q.Add(" ORDER BY id LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Customer>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, q.Run(c));
    std::vector<Customer> rows = Collect<Customer>(r, CustomerFromRow);
    LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &rows));
    return MakePage(std::move(rows), p.limit, [](const Customer& x) { return x.id; });
  });
}

Result<Customer> PgCustomerRepository::Update(int64_t id, const CustomerPatch& patch,
                                              Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(Customer cur, LockCustomer(c, id));
    if (patch.name) cur.name = *patch.name;
    if (patch.segment) cur.segment = *patch.segment;
    if (patch.language) cur.language = *patch.language;
    if (patch.clear_preferred_channel) cur.preferred_channel.reset();
    if (patch.preferred_channel) cur.preferred_channel = patch.preferred_channel;
    if (patch.clear_contact_hours) cur.contact_hours.reset();
    if (patch.contact_hours) cur.contact_hours = patch.contact_hours;
    if (patch.clear_account_manager) cur.account_manager_id.reset();
    if (patch.account_manager_id) cur.account_manager_id = patch.account_manager_id;
    if (patch.clear_organisation) cur.organisation_id.reset();
    if (patch.organisation_id) cur.organisation_id = patch.organisation_id;
    LUISTER_RETURN_IF_ERROR(
        c.Query(kUpdateCustomer,
                CustomerFields(cur.name, cur.organisation_id, cur.segment, cur.language,
                               cur.preferred_channel, cur.contact_hours, cur.account_manager_id, at,
                               Params().Add(id)))
            .status());
    return LoadCustomer(c, id);
  });
}

Result<Identity> PgCustomerRepository::AddIdentity(int64_t customer_id, const NewIdentity& i,
                                                   Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Identity> {
    LUISTER_ASSIGN_OR_RETURN(Customer owner, LockCustomer(c, customer_id));
    if (owner.merged_into_id)
      return Conflict("customer " + std::to_string(customer_id) + " was merged into customer " +
                      std::to_string(*owner.merged_into_id));
    LUISTER_ASSIGN_OR_RETURN(int64_t id, InsertIdentity(c, customer_id, i, at));
    LUISTER_RETURN_IF_ERROR(RefreshCustomerSearch(c, customer_id));
    LUISTER_RETURN_IF_ERROR(c.Query(kTouchCustomer, Params().Add(customer_id).Add(at)).status());
    return Identity{id, customer_id, i.kind, i.value, at};
  });
}

Status PgCustomerRepository::RemoveIdentity(int64_t customer_id, int64_t identity_id) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r,
                             c.Query(kDeleteIdentity, Params().Add(identity_id).Add(customer_id)));
    if (r.affected() == 0)
      return NotFound("identity " + std::to_string(identity_id) + " of customer " +
                      std::to_string(customer_id) + " not found");
    return RefreshCustomerSearch(c, customer_id);
  });
}

Result<std::optional<Customer>> PgCustomerRepository::FindByIdentity(IdentityKind kind,
                                                                     const std::string& value) {
  return db_.Read([&](Connection& c) -> Result<std::optional<Customer>> {
    LUISTER_ASSIGN_OR_RETURN(
        Rows r, c.Query(kFindByIdentity, Params().Add(std::string(ToString(kind))).Add(value)));
    if (r.size() == 0) return std::optional<Customer>();
    LUISTER_ASSIGN_OR_RETURN(Customer customer, LoadCustomer(c, r.Int(0, 0)));
    return std::optional<Customer>(std::move(customer));
  });
}

Result<MergeRecord> PgCustomerRepository::Merge(int64_t source_id, int64_t target_id,
                                                int64_t by_user_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<MergeRecord> {
    // Lock both in id order so two crossing merges cannot deadlock.
    int64_t first = std::min(source_id, target_id), second = std::max(source_id, target_id);
    LUISTER_RETURN_IF_ERROR(LockCustomer(c, first).status());
    if (second != first) LUISTER_RETURN_IF_ERROR(LockCustomer(c, second).status());
    LUISTER_ASSIGN_OR_RETURN(Customer source, LoadCustomer(c, source_id));
    LUISTER_ASSIGN_OR_RETURN(Customer target, LoadCustomer(c, target_id));
    LUISTER_RETURN_IF_ERROR(CheckMergeable(source, target));
    MergeRecord m;
    m.source_id = source_id;
    m.target_id = target_id;
    m.source_name = source.name;
    m.by_user_id = by_user_id;
    m.at = at;
    LUISTER_ASSIGN_OR_RETURN(m.moved_identities, Move(c, kMoveIdentities, source_id, target_id));
    LUISTER_ASSIGN_OR_RETURN(m.moved_conversations,
                             Move(c, kMoveConversations, source_id, target_id));
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveMessages, source_id, target_id).status());
    LUISTER_ASSIGN_OR_RETURN(m.moved_activities, Move(c, kMoveActivities, source_id, target_id));
    LUISTER_RETURN_IF_ERROR(Move(c, kMoveMembers, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(Move(c, kRepointTombstones, source_id, target_id).status());
    LUISTER_RETURN_IF_ERROR(
        c.Query(kMarkMerged, Params().Add(source_id).Add(target_id).Add(at)).status());
    LUISTER_RETURN_IF_ERROR(RefreshCustomerSearch(c, source_id));
    LUISTER_RETURN_IF_ERROR(RefreshCustomerSearch(c, target_id));
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kInsertMerge, Params()
                                                               .Add(source_id)
                                                               .Add(target_id)
                                                               .Add(source.name)
                                                               .Add(by_user_id)
                                                               .Add(at)
                                                               .Add(m.moved_identities)
                                                               .Add(m.moved_conversations)
                                                               .Add(m.moved_activities)));
    m.id = r.Int(0, 0);
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, MergeActivity(source, target, by_user_id, at)));
    return m;
  });
}

Result<std::vector<MergeRecord>> PgCustomerRepository::ListMerges(int64_t target_id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<MergeRecord>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kListMerges, Params().Add(target_id)));
    return Collect<MergeRecord>(r, [](const Rows& r, int i) {
      MergeRecord m;
      m.id = r.Int(i, 0);
      m.source_id = r.Int(i, 1);
      m.target_id = r.Int(i, 2);
      m.source_name = r.Text(i, 3);
      m.by_user_id = r.Int(i, 4);
      m.at = r.Time(i, 5);
      m.moved_identities = static_cast<int>(r.Int(i, 6));
      m.moved_conversations = static_cast<int>(r.Int(i, 7));
      m.moved_activities = static_cast<int>(r.Int(i, 8));
      return m;
    });
  });
}

Result<int64_t> PgCustomerRepository::Count() {
  return db_.ReadOne([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kCountCustomers));
    return r.Int(0, 0);
  });
}

}  // namespace luister::postgres
