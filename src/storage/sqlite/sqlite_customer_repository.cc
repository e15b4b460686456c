#include "storage/sqlite/sqlite_customer_repository.h"

#include "storage/sqlite/query_builder.h"
#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr char kInsertCustomer[] =
    "INSERT INTO customers (kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
constexpr char kUpdateCustomer[] =
    "UPDATE customers SET name = ?2, organisation_id = ?3, segment = ?4, language = ?5, "
    "preferred_channel = ?6, contact_from_minute = ?7, contact_to_minute = ?8, "
    "account_manager_id = ?9, updated_at = ?10 WHERE id = ?1";
constexpr char kInsertIdentity[] =
    "INSERT INTO identities (customer_id, kind, value, created_at) VALUES (?1, ?2, ?3, ?4)";
constexpr char kDeleteIdentity[] = "DELETE FROM identities WHERE id = ?1 AND customer_id = ?2";
constexpr char kFindByIdentity[] =
    "SELECT customer_id FROM identities WHERE kind = ?1 AND value = ?2";
constexpr char kTouchCustomer[] = "UPDATE customers SET updated_at = ?2 WHERE id = ?1";
constexpr char kCountCustomers[] = "SELECT count(*) FROM customers WHERE merged_into_id IS NULL";

constexpr char kMoveIdentities[] = "UPDATE identities SET customer_id = ?2 WHERE customer_id = ?1";
constexpr char kMoveConversations[] =
    "UPDATE conversations SET customer_id = ?2 WHERE customer_id = ?1";
constexpr char kMoveMessages[] = "UPDATE messages SET customer_id = ?2 WHERE customer_id = ?1";
constexpr char kMoveActivities[] = "UPDATE activities SET customer_id = ?2 WHERE customer_id = ?1";
constexpr char kMoveMembers[] =
    "UPDATE customers SET organisation_id = ?2 WHERE organisation_id = ?1";
constexpr char kRepointTombstones[] =
    "UPDATE customers SET merged_into_id = ?2 WHERE merged_into_id = ?1";
constexpr char kMarkMerged[] =
    "UPDATE customers SET merged_into_id = ?2, updated_at = ?3 WHERE id = ?1";
constexpr char kInsertMerge[] =
    "INSERT INTO merges (source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kMergeColumns[] =
    "SELECT id, source_id, target_id, source_name, by_user_id, at, moved_identities, "
    "moved_conversations, moved_activities FROM merges ";
const std::string kListMerges =
    std::string(kMergeColumns) + "WHERE target_id = ?1 ORDER BY at DESC, id DESC";

Status BindCustomerFields(Statement& st, const std::string& name,
                          std::optional<int64_t> organisation_id, const std::string& segment,
                          Language language, std::optional<Channel> preferred_channel,
                          const std::optional<ContactHours>& hours,
                          std::optional<int64_t> account_manager_id, Timestamp at) {
  st.Bind(2, name)
      .Bind(3, organisation_id)
      .Bind(4, segment)
      .Bind(5, ToString(language))
      .Bind(6, OptEnumText(preferred_channel))
      .Bind(9, account_manager_id)
      .Bind(10, at);
  if (hours) {
    st.Bind(7, hours->from_minute).Bind(8, hours->to_minute);
  } else {
    st.BindNull(7).BindNull(8);
  }
  return st.Run();
}

Status InsertIdentity(Connection& c, int64_t customer_id, const NewIdentity& i, Timestamp at) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertIdentity));
  Status s = st.Bind(1, customer_id).Bind(2, ToString(i.kind)).Bind(3, i.value).Bind(4, at).Run();
  if (s.code() == StatusCode::kConflict)
    return Conflict(std::string(ToString(i.kind)) + " " + i.value +
                    " already belongs to a customer");
  return s;
}

Result<int> Move(Connection& c, const char* sql, int64_t from, int64_t to) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql));
  LUISTER_RETURN_IF_ERROR(st.Bind(1, from).Bind(2, to).Run());
  return c.Changes();
}

MergeRecord MergeFromRow(const Statement& st) {
  MergeRecord m;
  m.id = st.Int(0);
  m.source_id = st.Int(1);
  m.target_id = st.Int(2);
  m.source_name = st.Text(3);
  m.by_user_id = st.Int(4);
  m.at = st.Time(5);
  m.moved_identities = static_cast<int>(st.Int(6));
  m.moved_conversations = static_cast<int>(st.Int(7));
  m.moved_activities = static_cast<int>(st.Int(8));
  return m;
}

Result<Customer> LoadUnmerged(Connection& c, int64_t id) {
  LUISTER_ASSIGN_OR_RETURN(Customer customer, LoadCustomer(c, id));
  if (customer.merged_into_id)
    return Conflict("customer " + std::to_string(id) + " was merged into customer " +
                    std::to_string(*customer.merged_into_id));
  return customer;
}

}  // namespace

Result<Customer> SqliteCustomerRepository::Create(const NewCustomer& c) {
  Timestamp at = c.created_at.value_or(Now());
  return db_.Write([&](Connection& conn) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(auto st, conn.Prepare(kInsertCustomer));
    st.Bind(1, ToString(c.kind));
    LUISTER_RETURN_IF_ERROR(BindCustomerFields(st, c.name, c.organisation_id, c.segment, c.language,
                                               c.preferred_channel, c.contact_hours,
                                               c.account_manager_id, at));
    int64_t id = conn.LastInsertId();
    for (const auto& identity : c.identities)
      LUISTER_RETURN_IF_ERROR(InsertIdentity(conn, id, identity, at));
    return LoadCustomer(conn, id);
  });
}

Result<Customer> SqliteCustomerRepository::Get(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadCustomer(c, id); });
}

Result<Page<Customer>> SqliteCustomerRepository::List(const CustomerFilter& f,
                                                      const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id > ?");
  q.Add("", p.after ? p.after->id : int64_t{0});
  if (!f.include_merged) q.Add(" AND merged_into_id IS NULL");
  if (f.segment) q.Add(" AND segment = ?", *f.segment);
  if (f.account_manager_id) q.Add(" AND account_manager_id = ?", *f.account_manager_id);
  if (f.kind) q.Add(" AND kind = ?", std::string(ToString(*f.kind)));
  if (f.organisation_id) q.Add(" AND organisation_id = ?", *f.organisation_id);
  q.Add(" ORDER BY id LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Customer>> {
    std::vector<Customer> rows;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, q.Prepare(c));
      while (true) {
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        rows.push_back(CustomerFromRow(st));
      }
    }
    for (auto& customer : rows) LUISTER_RETURN_IF_ERROR(LoadIdentities(c, &customer));
    return MakePage(std::move(rows), p.limit, [](const Customer& x) { return x.id; });
  });
}

Result<Customer> SqliteCustomerRepository::Update(int64_t id, const CustomerPatch& patch,
                                                  Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Customer> {
    LUISTER_ASSIGN_OR_RETURN(Customer cur, LoadCustomer(c, id));
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
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kUpdateCustomer));
    st.Bind(1, id);
    LUISTER_RETURN_IF_ERROR(BindCustomerFields(st, cur.name, cur.organisation_id, cur.segment,
                                               cur.language, cur.preferred_channel,
                                               cur.contact_hours, cur.account_manager_id, at));
    return LoadCustomer(c, id);
  });
}

Result<Identity> SqliteCustomerRepository::AddIdentity(int64_t customer_id, const NewIdentity& i,
                                                       Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Identity> {
    LUISTER_RETURN_IF_ERROR(LoadUnmerged(c, customer_id).status());
    LUISTER_RETURN_IF_ERROR(InsertIdentity(c, customer_id, i, at));
    Identity identity{c.LastInsertId(), customer_id, i.kind, i.value, at};
    LUISTER_ASSIGN_OR_RETURN(auto touch, c.Prepare(kTouchCustomer));
    LUISTER_RETURN_IF_ERROR(touch.Bind(1, customer_id).Bind(2, at).Run());
    return identity;
  });
}

Status SqliteCustomerRepository::RemoveIdentity(int64_t customer_id, int64_t identity_id) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kDeleteIdentity));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, identity_id).Bind(2, customer_id).Run());
    if (c.Changes() == 0)
      return NotFound("identity " + std::to_string(identity_id) + " of customer " +
                      std::to_string(customer_id) + " not found");
    return Status::Ok();
  });
}

Result<std::optional<Customer>> SqliteCustomerRepository::FindByIdentity(IdentityKind kind,
                                                                         const std::string& value) {
  return db_.Read([&](Connection& c) -> Result<std::optional<Customer>> {
    int64_t id = 0;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kFindByIdentity));
      st.Bind(1, ToString(kind)).Bind(2, value);
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return std::optional<Customer>();
      id = st.Int(0);
    }
    LUISTER_ASSIGN_OR_RETURN(Customer customer, LoadCustomer(c, id));
    return std::optional<Customer>(std::move(customer));
  });
}

Result<MergeRecord> SqliteCustomerRepository::Merge(int64_t source_id, int64_t target_id,
                                                    int64_t by_user_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<MergeRecord> {
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
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kMarkMerged));
      LUISTER_RETURN_IF_ERROR(st.Bind(1, source_id).Bind(2, target_id).Bind(3, at).Run());
    }
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertMerge));
      LUISTER_RETURN_IF_ERROR(st.Bind(1, source_id)
                                  .Bind(2, target_id)
                                  .Bind(3, source.name)
                                  .Bind(4, by_user_id)
                                  .Bind(5, at)
                                  .Bind(6, m.moved_identities)
                                  .Bind(7, m.moved_conversations)
                                  .Bind(8, m.moved_activities)
                                  .Run());
      m.id = c.LastInsertId();
    }
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, MergeActivity(source, target, by_user_id, at)));
    return m;
  });
}

Result<std::vector<MergeRecord>> SqliteCustomerRepository::ListMerges(int64_t target_id) {
  return db_.Read([&](Connection& c) -> Result<std::vector<MergeRecord>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kListMerges));
    st.Bind(1, target_id);
    std::vector<MergeRecord> out;
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(MergeFromRow(st));
    }
  });
}

Result<int64_t> SqliteCustomerRepository::Count() {
  return db_.Read([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kCountCustomers));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    return row ? st.Int(0) : 0;
  });
}

}  // namespace luister::sqlite
