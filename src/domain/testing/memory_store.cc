#include "domain/testing/memory_store.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace luister {

namespace {

struct StoredUser {
  User user;
  std::string password_hash;
};

struct StoredJob {
  JobRecord record;
  std::optional<std::string> result;
};

// Every table, keyed by id (std::map keeps id order, as the engines' primary
// keys do). Ids come from one sequence per table, never reused.
struct Data {
  std::map<int64_t, Customer> customers;  // without identities
  std::map<int64_t, Identity> identities;
  std::map<int64_t, Conversation> conversations;
  std::map<int64_t, Message> messages;
  std::map<int64_t, Activity> activities;
  std::map<int64_t, MergeRecord> merges;
  std::map<int64_t, Department> departments;
  std::map<int64_t, Queue> queues;
  std::map<int64_t, StoredUser> users;
  std::map<int64_t, AuditEntry> audit;
  std::map<int64_t, StoredJob> jobs;
  std::unordered_map<std::string, int64_t> sequences;

  int64_t Next(const std::string& table) { return ++sequences[table]; }
};

Status Missing(const std::string& what, int64_t id) {
  return NotFound(what + " " + std::to_string(id) + " not found");
}

template <typename Map>
Status Exists(const Map& m, const std::optional<int64_t>& id, const std::string& what) {
  if (id && !m.count(*id)) return Missing(what, *id);
  return Status::Ok();
}

// Keyset paging over rows already in page order: keeps the rows after
// `after` (by `before_cursor`), then fills the page.
template <typename T, typename KeyFn, typename AfterFn>
Page<T> PageOf(std::vector<T> rows, const PageRequest& p, KeyFn key, AfterFn is_after) {
  std::vector<T> kept;
  for (T& r : rows)
    if (!p.after || is_after(key(r), r.id, *p.after)) kept.push_back(std::move(r));
  if (kept.size() > static_cast<size_t>(p.limit) + 1) kept.resize(static_cast<size_t>(p.limit) + 1);
  return MakePage(std::move(kept), p.limit, key);
}

std::string AsciiLower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Descending(int64_t key, int64_t id, const Cursor& c) {
  return key < c.key || (key == c.key && id < c.id);
}
bool Ascending(int64_t key, int64_t id, const Cursor& c) {
  return key > c.key || (key == c.key && id > c.id);
}

// Newest first by `at`, then by id, paged.
template <typename T>
Page<T> NewestFirst(std::vector<T> rows, const PageRequest& p) {
  auto key = [](const T& r) { return ToMillis(r.at); };
  std::sort(rows.begin(), rows.end(), [&](const T& a, const T& b) {
    return key(a) != key(b) ? key(a) > key(b) : a.id > b.id;
  });
  return PageOf(std::move(rows), p, key, Descending);
}

}  // namespace

struct MemoryStore::State {
  explicit State(const Clock& c) : clock(c) {}

  // Runs `f` on the data; when it fails, the data is as it was before.
  template <typename F>
  auto Write(F f) -> decltype(f(std::declval<Data&>())) {
    std::lock_guard<std::mutex> lock(mu);
    Data before = data;
    auto r = f(data);
    if (!r.ok()) data = std::move(before);
    return r;
  }
  template <typename F>
  auto Read(F f) -> decltype(f(std::declval<const Data&>())) {
    std::lock_guard<std::mutex> lock(mu);
    return f(static_cast<const Data&>(data));
  }

  const Clock& clock;
  std::mutex mu;
  Data data;
};

namespace {

using State = MemoryStore::State;

Customer WithIdentities(const Data& d, Customer c) {
  c.identities.clear();
  for (const auto& [id, identity] : d.identities)
    if (identity.customer_id == c.id) c.identities.push_back(identity);
  return c;
}

Result<Customer> LoadCustomer(const Data& d, int64_t id) {
  auto it = d.customers.find(id);
  if (it == d.customers.end()) return Missing("customer", id);
  return WithIdentities(d, it->second);
}

Conversation WithCustomerName(const Data& d, Conversation v) {
  auto it = d.customers.find(v.customer_id);
  v.customer_name = it == d.customers.end() ? "" : it->second.name;
  return v;
}

Result<Conversation> LoadConversation(const Data& d, int64_t id) {
  auto it = d.conversations.find(id);
  if (it == d.conversations.end()) return Missing("conversation", id);
  return WithCustomerName(d, it->second);
}

Status InsertActivities(Data& d, const std::vector<Activity>& activities) {
  for (Activity a : activities) {
    LUISTER_RETURN_IF_ERROR(Exists(d.customers, a.customer_id, "customer"));
    LUISTER_RETURN_IF_ERROR(Exists(d.departments, a.department_id, "department"));
    LUISTER_RETURN_IF_ERROR(Exists(d.conversations, a.conversation_id, "conversation"));
    LUISTER_RETURN_IF_ERROR(Exists(d.messages, a.message_id, "message"));
    LUISTER_RETURN_IF_ERROR(Exists(d.users, a.actor_user_id, "user"));
    a.id = d.Next("activities");
    d.activities.emplace(a.id, std::move(a));
  }
  return Status::Ok();
}

// The references of a conversation's stored state, as the engines' foreign
// keys check them.
Status CheckReferences(const Data& d, const Conversation& v) {
  LUISTER_RETURN_IF_ERROR(Exists(d.customers, v.customer_id, "customer"));
  LUISTER_RETURN_IF_ERROR(Exists(d.departments, v.department_id, "department"));
  LUISTER_RETURN_IF_ERROR(Exists(d.queues, v.queue_id, "queue"));
  return Exists(d.users, v.assignee_id, "user");
}

Status Persist(Data& d, const Conversation& current, ConversationChange change) {
  if (change.next.id != current.id)
    return Internal("a plan changed the id of conversation " + std::to_string(current.id));
  Conversation& next = change.next;
  std::sort(next.tags.begin(), next.tags.end());
  next.tags.erase(std::unique(next.tags.begin(), next.tags.end()), next.tags.end());
  next.customer_id = current.customer_id;
  next.channel = current.channel;
  next.created_at = current.created_at;
  LUISTER_RETURN_IF_ERROR(CheckReferences(d, next));
  d.conversations[current.id] = next;
  return InsertActivities(d, change.activities);
}

// Writes message `m` into `d`: the row and the change `plan` makes for it.
Result<AddedMessage> InsertMessage(Data& d, const NewMessage& m, Timestamp at,
                                   const MessagePlan& plan) {
  Conversation& v = d.conversations.at(m.conversation_id);
  LUISTER_RETURN_IF_ERROR(Exists(d.users, m.author_user_id, "user"));
  if (!m.external_id.empty()) {
    for (const auto& [id, other] : d.messages)
      if (other.external_id == m.external_id)
        return Conflict("already exists: a message with external id " + m.external_id);
  }
  if (m.replaces_id) {
    auto old = d.messages.find(*m.replaces_id);
    if (old == d.messages.end() || old->second.conversation_id != m.conversation_id)
      return Missing("reply", *m.replaces_id);
    if (old->second.delivery != Delivery::kFailed && old->second.delivery != Delivery::kUncertain)
      return Conflict("reply " + std::to_string(*m.replaces_id) + " is not failed or uncertain");
    old->second.delivery = Delivery::kCancelled;
  }
  Message stored = StoredMessage(v, m, d.Next("messages"), at);
  for (Attachment& a : stored.attachments) a.id = d.Next("message_attachments");
  d.messages.emplace(stored.id, stored);
  const Conversation current = v;
  ConversationChange change = plan(current, m, stored.id, at);
  const bool status_changed = change.next.status != current.status;
  LUISTER_RETURN_IF_ERROR(Persist(d, current, std::move(change)));
  return AddedMessage{std::move(stored), WithCustomerName(d, d.conversations.at(current.id)),
                      status_changed};
}

class MemoryCustomers final : public CustomerRepository {
 public:
  explicit MemoryCustomers(State& s) : s_(s) {}

  Result<Customer> Create(const NewCustomer& n) override {
    Timestamp at = n.created_at.value_or(s_.clock.Now());
    return s_.Write([&](Data& d) -> Result<Customer> {
      LUISTER_RETURN_IF_ERROR(Exists(d.customers, n.organisation_id, "customer"));
      LUISTER_RETURN_IF_ERROR(Exists(d.users, n.account_manager_id, "user"));
      Customer c;
      c.id = d.Next("customers");
      c.kind = n.kind;
      c.name = n.name;
      c.organisation_id = n.organisation_id;
      c.segment = n.segment;
      c.language = n.language;
      c.preferred_channel = n.preferred_channel;
      c.contact_hours = n.contact_hours;
      c.account_manager_id = n.account_manager_id;
      c.created_at = at;
      c.updated_at = at;
      d.customers.emplace(c.id, c);
      for (const NewIdentity& i : n.identities)
        LUISTER_RETURN_IF_ERROR(InsertIdentity(d, c.id, i, at).status());
      return LoadCustomer(d, c.id);
    });
  }

  Result<Customer> Get(int64_t id) override {
    return s_.Read([&](const Data& d) { return LoadCustomer(d, id); });
  }

  Result<Page<Customer>> List(const CustomerFilter& f, const PageRequest& p) override {
    return s_.Read([&](const Data& d) -> Result<Page<Customer>> {
      std::vector<Customer> rows;
      for (const auto& [id, c] : d.customers) {
        if (!f.include_merged && c.merged_into_id) continue;
        if (f.segment && c.segment != *f.segment) continue;
        if (f.account_manager_id && c.account_manager_id != f.account_manager_id) continue;
        if (f.kind && c.kind != *f.kind) continue;
        if (f.organisation_id && c.organisation_id != f.organisation_id) continue;
        rows.push_back(WithIdentities(d, c));
      }
      return PageOf(
          std::move(rows), p, [](const Customer& c) { return c.id; },
          [](int64_t, int64_t id, const Cursor& after) { return id > after.id; });
    });
  }

  Result<Customer> Update(int64_t id, const CustomerPlan& plan) override {
    return s_.Write([&](Data& d) -> Result<Customer> {
      LUISTER_ASSIGN_OR_RETURN(Customer current, LoadCustomer(d, id));
      LUISTER_ASSIGN_OR_RETURN(Customer next, plan(current));
      LUISTER_RETURN_IF_ERROR(Exists(d.customers, next.organisation_id, "customer"));
      LUISTER_RETURN_IF_ERROR(Exists(d.users, next.account_manager_id, "user"));
      Customer& stored = d.customers.at(id);
      stored.name = next.name;
      stored.organisation_id = next.organisation_id;
      stored.segment = next.segment;
      stored.language = next.language;
      stored.preferred_channel = next.preferred_channel;
      stored.contact_hours = next.contact_hours;
      stored.account_manager_id = next.account_manager_id;
      stored.updated_at = next.updated_at;
      return LoadCustomer(d, id);
    });
  }

  Result<Identity> AddIdentity(int64_t customer_id, const NewIdentity& i, Timestamp at) override {
    return s_.Write([&](Data& d) -> Result<Identity> {
      auto it = d.customers.find(customer_id);
      if (it == d.customers.end()) return Missing("customer", customer_id);
      if (it->second.merged_into_id)
        return Conflict("customer " + std::to_string(customer_id) + " was merged into customer " +
                        std::to_string(*it->second.merged_into_id));
      LUISTER_ASSIGN_OR_RETURN(Identity added, InsertIdentity(d, customer_id, i, at));
      it->second.updated_at = at;
      return added;
    });
  }

  Status RemoveIdentity(int64_t customer_id, int64_t identity_id) override {
    return s_.Write([&](Data& d) -> Status {
      auto it = d.identities.find(identity_id);
      if (it == d.identities.end() || it->second.customer_id != customer_id)
        return NotFound("identity " + std::to_string(identity_id) + " of customer " +
                        std::to_string(customer_id) + " not found");
      d.identities.erase(it);
      return Status::Ok();
    });
  }

  Result<std::optional<Customer>> FindByIdentity(IdentityKind kind,
                                                 const std::string& value) override {
    return s_.Read([&](const Data& d) -> Result<std::optional<Customer>> {
      for (const auto& [id, i] : d.identities) {
        if (i.kind != kind || i.value != value) continue;
        LUISTER_ASSIGN_OR_RETURN(Customer c, LoadCustomer(d, i.customer_id));
        return std::optional<Customer>(std::move(c));
      }
      return std::optional<Customer>();
    });
  }

  Status SetIdentityFailing(IdentityKind kind, const std::string& value,
                            std::optional<std::string> reason, Timestamp at) override {
    return s_.Write([&](Data& d) -> Status {
      for (auto& [id, i] : d.identities) {
        if (i.kind != kind || i.value != value) continue;
        i.failing = reason;
        i.failing_at = reason ? std::optional<Timestamp>(at) : std::nullopt;
      }
      return Status::Ok();
    });
  }

  Result<MergeRecord> Merge(int64_t source_id, int64_t target_id, const MergePlan& plan) override {
    return s_.Write([&](Data& d) -> Result<MergeRecord> {
      LUISTER_ASSIGN_OR_RETURN(Customer source, LoadCustomer(d, source_id));
      LUISTER_ASSIGN_OR_RETURN(Customer target, LoadCustomer(d, target_id));
      LUISTER_ASSIGN_OR_RETURN(MergeChange change, plan(source, target));
      MergeRecord& m = change.record;
      LUISTER_RETURN_IF_ERROR(Exists(d.users, std::optional<int64_t>(m.by_user_id), "user"));
      for (auto& [id, i] : d.identities)
        if (i.customer_id == source_id) i.customer_id = target_id, ++m.moved_identities;
      for (auto& [id, v] : d.conversations)
        if (v.customer_id == source_id) v.customer_id = target_id, ++m.moved_conversations;
      for (auto& [id, msg] : d.messages)
        if (msg.customer_id == source_id) msg.customer_id = target_id;
      for (auto& [id, a] : d.activities)
        if (a.customer_id == source_id) a.customer_id = target_id, ++m.moved_activities;
      for (auto& [id, c] : d.customers) {
        if (c.organisation_id == source_id) c.organisation_id = target_id;
        if (c.merged_into_id == source_id) c.merged_into_id = target_id;
      }
      Customer& gone = d.customers.at(source_id);
      gone.merged_into_id = target_id;
      gone.updated_at = m.at;
      m.id = d.Next("merges");
      d.merges.emplace(m.id, m);
      LUISTER_RETURN_IF_ERROR(InsertActivities(d, change.activities));
      return m;
    });
  }

  Result<std::vector<MergeRecord>> ListMerges(int64_t target_id) override {
    return s_.Read([&](const Data& d) -> Result<std::vector<MergeRecord>> {
      std::vector<MergeRecord> out;
      for (auto it = d.merges.rbegin(); it != d.merges.rend(); ++it)
        if (it->second.target_id == target_id) out.push_back(it->second);
      std::stable_sort(out.begin(), out.end(),
                       [](const MergeRecord& a, const MergeRecord& b) { return a.at > b.at; });
      return out;
    });
  }

  Result<int64_t> Count() override {
    return s_.Read([&](const Data& d) -> Result<int64_t> {
      return static_cast<int64_t>(
          std::count_if(d.customers.begin(), d.customers.end(),
                        [](const auto& e) { return !e.second.merged_into_id; }));
    });
  }

 private:
  static Result<Identity> InsertIdentity(Data& d, int64_t customer_id, const NewIdentity& i,
                                         Timestamp at) {
    for (const auto& [id, other] : d.identities)
      if (other.kind == i.kind && other.value == i.value)
        return Conflict(std::string(ToString(i.kind)) + " " + i.value +
                        " already belongs to a customer");
    Identity stored{d.Next("identities"), customer_id, i.kind, i.value, at};
    d.identities.emplace(stored.id, stored);
    return stored;
  }

  State& s_;
};

// Writes a new conversation into `d` and what `opening` records for it.
Result<Conversation> InsertConversation(Data& d, const NewConversation& n,
                                        const OpeningPlan& opening, Timestamp at) {
  auto customer = d.customers.find(n.customer_id);
  if (customer == d.customers.end()) return Missing("customer", n.customer_id);
  if (customer->second.merged_into_id)
    return Conflict("customer " + std::to_string(n.customer_id) + " was merged away");
  Conversation v;
  v.id = d.Next("conversations");
  v.customer_id = n.customer_id;
  v.channel = n.channel;
  v.subject = n.subject;
  v.priority = n.priority;
  v.department_id = n.department_id;
  v.queue_id = n.queue_id;
  v.assignee_id = n.assignee_id;
  v.follows_id = n.follows_id;
  v.location_id = n.location_id;
  v.public_thread = n.public_thread;
  v.tags = n.tags;
  std::sort(v.tags.begin(), v.tags.end());
  v.tags.erase(std::unique(v.tags.begin(), v.tags.end()), v.tags.end());
  v.created_at = v.updated_at = v.last_message_at = at;
  LUISTER_RETURN_IF_ERROR(CheckReferences(d, v));
  d.conversations.emplace(v.id, v);
  v = WithCustomerName(d, v);
  LUISTER_RETURN_IF_ERROR(InsertActivities(d, opening(v)));
  return v;
}

class MemoryConversations final : public ConversationRepository {
 public:
  explicit MemoryConversations(State& s) : s_(s) {}

  Result<Conversation> Create(const NewConversation& n, const OpeningPlan& opening) override {
    Timestamp at = n.created_at.value_or(s_.clock.Now());
    return s_.Write([&](Data& d) { return InsertConversation(d, n, opening, at); });
  }

  Result<AddedMessage> Open(const NewConversation& n, const OpeningPlan& opening,
                            const NewMessage& first, const MessagePlan& plan) override {
    Timestamp at = n.created_at.value_or(s_.clock.Now());
    return s_.Write([&](Data& d) -> Result<AddedMessage> {
      LUISTER_ASSIGN_OR_RETURN(Conversation v, InsertConversation(d, n, opening, at));
      NewMessage m = first;
      m.conversation_id = v.id;
      return InsertMessage(d, m, m.created_at.value_or(at), plan);
    });
  }

  Result<std::optional<MessageRef>> FindByExternalIds(
      const std::vector<std::string>& external_ids) override {
    return s_.Read([&](const Data& d) -> Result<std::optional<MessageRef>> {
      std::optional<MessageRef> found;
      for (const auto& [id, m] : d.messages) {
        if (m.external_id.empty()) continue;
        if (std::find(external_ids.begin(), external_ids.end(), m.external_id) ==
            external_ids.end())
          continue;
        if (!found || id > found->message_id) found = MessageRef{id, m.conversation_id};
      }
      return found;
    });
  }

  Result<Conversation> Get(int64_t id) override {
    return s_.Read([&](const Data& d) { return LoadConversation(d, id); });
  }

  Result<Page<Conversation>> List(const ConversationFilter& f, const PageRequest& p) override {
    const bool by_last_message = f.sort == ConversationSort::kLastMessageDesc;
    const bool ascending = f.sort == ConversationSort::kCreatedAsc;
    auto key = [by_last_message](const Conversation& v) {
      return ToMillis(by_last_message ? v.last_message_at : v.created_at);
    };
    return s_.Read([&](const Data& d) -> Result<Page<Conversation>> {
      std::vector<Conversation> rows;
      for (const auto& [id, v] : d.conversations) {
        if (f.customer_id && v.customer_id != *f.customer_id) continue;
        if (f.channel && v.channel != *f.channel) continue;
        if (f.status && v.status != *f.status) continue;
        if (!f.status_in.empty() &&
            std::find(f.status_in.begin(), f.status_in.end(), v.status) == f.status_in.end())
          continue;
        if (f.priority && v.priority != *f.priority) continue;
        if (f.department_id && v.department_id != *f.department_id) continue;
        if (f.queue_id && v.queue_id != f.queue_id) continue;
        if (f.assignee_id && v.assignee_id != f.assignee_id) continue;
        if (f.unassigned && v.assignee_id) continue;
        if (f.tag && std::find(v.tags.begin(), v.tags.end(), *f.tag) == v.tags.end()) continue;
        rows.push_back(WithCustomerName(d, v));
      }
      std::sort(rows.begin(), rows.end(), [&](const Conversation& a, const Conversation& b) {
        if (key(a) != key(b)) return ascending ? key(a) < key(b) : key(a) > key(b);
        return ascending ? a.id < b.id : a.id > b.id;
      });
      return PageOf(std::move(rows), p, key, ascending ? Ascending : Descending);
    });
  }

  Result<Conversation> Change(int64_t id, const ConversationPlan& plan) override {
    return s_.Write([&](Data& d) -> Result<Conversation> {
      LUISTER_ASSIGN_OR_RETURN(Conversation current, LoadConversation(d, id));
      LUISTER_ASSIGN_OR_RETURN(ConversationChange change, plan(current));
      LUISTER_RETURN_IF_ERROR(Persist(d, current, std::move(change)));
      return LoadConversation(d, id);
    });
  }

  Result<AddedMessage> AddMessage(const NewMessage& m, const MessagePlan& plan) override {
    Timestamp at = m.created_at.value_or(s_.clock.Now());
    return s_.Write([&](Data& d) -> Result<AddedMessage> {
      if (!d.conversations.count(m.conversation_id))
        return Missing("conversation", m.conversation_id);
      return InsertMessage(d, m, at, plan);
    });
  }

  Result<std::vector<AddedMessage>> AddMessages(const std::vector<NewMessage>& messages,
                                                const MessagePlan& plan) override {
    Timestamp now = s_.clock.Now();
    return s_.Write([&](Data& d) -> Result<std::vector<AddedMessage>> {
      std::vector<AddedMessage> out;
      for (size_t i = 0; i < messages.size(); ++i) {
        if (!d.conversations.count(messages[i].conversation_id))
          return InvalidArgument(
              "the import is not valid",
              {{"messages[" + std::to_string(i) + "].conversation_id", "no such conversation"}});
      }
      for (const NewMessage& m : messages) {
        LUISTER_ASSIGN_OR_RETURN(AddedMessage added,
                                 InsertMessage(d, m, m.created_at.value_or(now), plan));
        out.push_back(std::move(added));
      }
      return out;
    });
  }

  Result<StoredAttachment> GetAttachment(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<StoredAttachment> {
      for (const auto& [message_id, m] : d.messages)
        for (const Attachment& a : m.attachments)
          if (a.id == id) return StoredAttachment{a, message_id, m.conversation_id, m.customer_id};
      return Missing("attachment", id);
    });
  }

  Result<Message> GetMessage(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<Message> {
      auto it = d.messages.find(id);
      if (it == d.messages.end()) return Missing("message", id);
      return it->second;
    });
  }

  Result<Page<Message>> ListMessages(int64_t conversation_id, bool include_internal,
                                     const PageRequest& p) override {
    return s_.Read([&](const Data& d) -> Result<Page<Message>> {
      if (!d.conversations.count(conversation_id)) return Missing("conversation", conversation_id);
      std::vector<Message> rows;
      for (const auto& [id, m] : d.messages)
        if (m.conversation_id == conversation_id && (include_internal || !m.internal))
          rows.push_back(m);
      auto key = [](const Message& m) { return ToMillis(m.created_at); };
      std::stable_sort(rows.begin(), rows.end(),
                       [&](const Message& a, const Message& b) { return key(a) < key(b); });
      return PageOf(std::move(rows), p, key, Ascending);
    });
  }

  Result<int64_t> CountMessages() override {
    return s_.Read(
        [](const Data& d) -> Result<int64_t> { return static_cast<int64_t>(d.messages.size()); });
  }

 private:
  State& s_;
};

class MemoryDirectory final : public DirectoryRepository {
 public:
  explicit MemoryDirectory(State& s) : s_(s) {}

  Result<Department> CreateDepartment(const std::string& name, Timestamp at) override {
    return s_.Write([&](Data& d) -> Result<Department> {
      Department dept{d.Next("departments"), name, at};
      d.departments.emplace(dept.id, dept);
      return dept;
    });
  }
  Result<Department> GetDepartment(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<Department> {
      auto it = d.departments.find(id);
      if (it == d.departments.end()) return Missing("department", id);
      return it->second;
    });
  }
  Result<std::vector<Department>> ListDepartments() override {
    return s_.Read([](const Data& d) -> Result<std::vector<Department>> {
      std::vector<Department> out;
      for (const auto& [id, dept] : d.departments) out.push_back(dept);
      return out;
    });
  }
  Result<Queue> CreateQueue(int64_t department_id, const std::string& name, Timestamp at) override {
    return s_.Write([&](Data& d) -> Result<Queue> {
      if (!d.departments.count(department_id)) return Missing("department", department_id);
      Queue q{d.Next("queues"), department_id, name, at};
      d.queues.emplace(q.id, q);
      return q;
    });
  }
  Result<Queue> GetQueue(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<Queue> {
      auto it = d.queues.find(id);
      if (it == d.queues.end()) return Missing("queue", id);
      return it->second;
    });
  }
  Result<std::vector<Queue>> ListQueues(std::optional<int64_t> department_id) override {
    return s_.Read([&](const Data& d) -> Result<std::vector<Queue>> {
      std::vector<Queue> out;
      for (const auto& [id, q] : d.queues)
        if (!department_id || q.department_id == *department_id) out.push_back(q);
      std::stable_sort(out.begin(), out.end(), [](const Queue& a, const Queue& b) {
        return a.department_id < b.department_id;
      });
      return out;
    });
  }

  Result<User> CreateUser(const NewUser& u, Timestamp at) override {
    const std::string email = AsciiLower(u.email);
    return s_.Write([&](Data& d) -> Result<User> {
      for (const auto& [id, other] : d.users)
        if (other.user.email == email) return Conflict("e-mail " + email + " is taken");
      LUISTER_RETURN_IF_ERROR(Exists(d.departments, u.department_id, "department"));
      User user;
      user.id = d.Next("users");
      user.email = email;
      user.name = u.name;
      user.role = u.role;
      user.language = u.language;
      user.department_id = u.department_id;
      user.created_at = at;
      d.users.emplace(user.id, StoredUser{user, u.password_hash});
      return user;
    });
  }
  Result<User> GetUser(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<User> {
      auto it = d.users.find(id);
      if (it == d.users.end()) return Missing("user", id);
      return it->second.user;
    });
  }
  Result<std::vector<User>> ListUsers() override {
    return s_.Read([](const Data& d) -> Result<std::vector<User>> {
      std::vector<User> out;
      for (const auto& [id, u] : d.users) out.push_back(u.user);
      return out;
    });
  }
  Result<User> UpdateUser(int64_t id, const UserPlan& plan) override {
    return s_.Write([&](Data& d) -> Result<User> {
      auto it = d.users.find(id);
      if (it == d.users.end()) return Missing("user", id);
      LUISTER_ASSIGN_OR_RETURN(User u, plan(it->second.user));
      u.id = id;
      u.email = it->second.user.email;
      u.created_at = it->second.user.created_at;
      LUISTER_RETURN_IF_ERROR(Exists(d.departments, u.department_id, "department"));
      it->second.user = u;
      return u;
    });
  }
  Status SetPasswordHash(int64_t user_id, const std::string& hash) override {
    return s_.Write([&](Data& d) -> Status {
      auto it = d.users.find(user_id);
      if (it == d.users.end()) return Missing("user", user_id);
      it->second.password_hash = hash;
      return Status::Ok();
    });
  }
  Result<std::optional<Credentials>> FindCredentials(const std::string& email) override {
    return s_.Read([&](const Data& d) -> Result<std::optional<Credentials>> {
      for (const auto& [id, u] : d.users)
        if (u.user.email == AsciiLower(email))
          return std::optional<Credentials>(Credentials{id, u.password_hash, u.user.active});
      return std::optional<Credentials>();
    });
  }
  Result<int64_t> CountUsers() override {
    return s_.Read(
        [](const Data& d) -> Result<int64_t> { return static_cast<int64_t>(d.users.size()); });
  }

 private:
  State& s_;
};

class MemoryTimeline final : public TimelineRepository {
 public:
  explicit MemoryTimeline(State& s) : s_(s) {}

  Result<Page<Activity>> Timeline(int64_t customer_id, const TimelineFilter& f,
                                  const PageRequest& p) override {
    return s_.Read([&](const Data& d) -> Result<Page<Activity>> {
      if (!d.customers.count(customer_id)) return Missing("customer", customer_id);
      std::vector<Activity> rows;
      for (const auto& [id, a] : d.activities) {
        if (a.customer_id != customer_id) continue;
        if (f.channel && a.channel != f.channel) continue;
        if (f.department_id && a.department_id != f.department_id) continue;
        if (f.from && a.at < *f.from) continue;
        if (f.to && a.at >= *f.to) continue;
        if (!f.include_internal && a.kind == ActivityKind::kNote) continue;
        rows.push_back(a);
      }
      return NewestFirst(std::move(rows), p);
    });
  }

 private:
  State& s_;
};

class MemoryAudit final : public AuditRepository {
 public:
  explicit MemoryAudit(State& s) : s_(s) {}

  Status Append(const AuditEntry& e) override { return AppendBatch({e}); }
  Status AppendBatch(const std::vector<AuditEntry>& entries) override {
    return s_.Write([&](Data& d) -> Status {
      // No reference checks: the log names ids as they were, and outlives
      // what it names.
      for (AuditEntry e : entries) {
        e.id = d.Next("audit_log");
        d.audit.emplace(e.id, std::move(e));
      }
      return Status::Ok();
    });
  }
  Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) override {
    return s_.Read([&](const Data& d) -> Result<Page<AuditEntry>> {
      std::vector<AuditEntry> rows;
      for (const auto& [id, e] : d.audit) {
        if (f.user_id && e.user_id != f.user_id) continue;
        if (f.customer_id && e.customer_id != f.customer_id) continue;
        if (f.action && e.action != *f.action) continue;
        if (f.from && e.at < *f.from) continue;
        if (f.to && e.at >= *f.to) continue;
        rows.push_back(e);
      }
      return NewestFirst(std::move(rows), p);
    });
  }

 private:
  State& s_;
};

class MemoryJobs final : public JobRepository {
 public:
  explicit MemoryJobs(MemoryStore::State& s) : s_(s) {}

  Result<int64_t> Enqueue(const NewJob& job) override {
    return s_.Write([&](Data& d) -> Result<int64_t> {
      LUISTER_RETURN_IF_ERROR(Exists(d.users, job.created_by, "user"));
      JobRecord r;
      r.id = d.Next("jobs");
      r.kind = job.kind;
      r.payload = job.payload;
      r.run_at = job.run_at;
      r.created_at = job.created_at;
      r.created_by = job.created_by;
      d.jobs.emplace(r.id, StoredJob{r, std::nullopt});
      return r.id;
    });
  }

  Result<std::optional<Job>> Claim(const std::string& worker, const std::vector<std::string>& kinds,
                                   Timestamp now, std::chrono::milliseconds lease) override {
    return s_.Write([&](Data& d) -> Result<std::optional<Job>> {
      StoredJob* best = nullptr;
      for (auto& [id, j] : d.jobs) {
        const JobRecord& r = j.record;
        if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) continue;
        const bool due = (r.state == JobState::kQueued && r.run_at <= now) ||
                         (r.state == JobState::kRunning && r.lease_until && *r.lease_until < now);
        if (due && (!best || r.run_at < best->record.run_at)) best = &j;
      }
      if (!best) return std::optional<Job>();
      JobRecord& r = best->record;
      r.state = JobState::kRunning;
      r.worker = worker;
      r.lease_until = now + lease;
      ++r.attempts;
      Job claim;
      claim.id = r.id;
      claim.kind = r.kind;
      claim.payload = r.payload;
      claim.attempts = r.attempts;
      claim.run_at = r.run_at;
      claim.worker = r.worker;
      claim.lease_until = r.lease_until;
      return std::optional<Job>(claim);
    });
  }

  Status Renew(const Job& claim, Timestamp lease_until) override {
    return Fenced(claim, [&](StoredJob& j) { j.record.lease_until = lease_until; });
  }
  Status Complete(const Job& claim, Timestamp at, const std::string& result) override {
    return Fenced(claim, [&](StoredJob& j) {
      j.record.state = JobState::kDone;
      j.record.finished_at = at;
      j.record.lease_until.reset();
      j.result = result;
    });
  }
  Status Fail(const Job& claim, const std::string& error, std::optional<Timestamp> retry_at,
              Timestamp at) override {
    return Fenced(claim, [&](StoredJob& j) {
      j.record.lease_until.reset();
      j.record.last_error = error;
      if (retry_at) {
        j.record.state = JobState::kQueued;
        j.record.run_at = *retry_at;
      } else {
        j.record.state = JobState::kFailed;
        j.record.finished_at = at;
      }
    });
  }
  Status Requeue(const Job& claim, Timestamp run_at, int attempts,
                 const std::optional<std::string>& error) override {
    return Fenced(claim, [&](StoredJob& j) {
      j.record.state = JobState::kQueued;
      j.record.run_at = run_at;
      j.record.attempts = attempts;
      j.record.lease_until.reset();
      j.record.last_error = error;
    });
  }
  Result<bool> RunNow(int64_t id, Timestamp now) override {
    return s_.Write([&](Data& d) -> Result<bool> {
      auto it = d.jobs.find(id);
      if (it == d.jobs.end() || it->second.record.state != JobState::kQueued ||
          it->second.record.run_at <= now)
        return false;
      it->second.record.run_at = now;
      return true;
    });
  }
  Result<std::optional<JobState>> State(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<std::optional<JobState>> {
      auto it = d.jobs.find(id);
      if (it == d.jobs.end()) return std::optional<JobState>();
      return std::optional<JobState>(it->second.record.state);
    });
  }
  Result<JobRecord> Get(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<JobRecord> {
      auto it = d.jobs.find(id);
      if (it == d.jobs.end()) return NotFound("job " + std::to_string(id) + " does not exist");
      JobRecord r = it->second.record;
      r.has_result = it->second.result.has_value();
      return r;
    });
  }
  Result<std::string> GetResult(int64_t id) override {
    return s_.Read([&](const Data& d) -> Result<std::string> {
      auto it = d.jobs.find(id);
      if (it == d.jobs.end() || !it->second.result)
        return NotFound("job " + std::to_string(id) + " has no result");
      return *it->second.result;
    });
  }

 private:
  template <typename F>
  Status Fenced(const Job& claim, F change) {
    return s_.Write([&](Data& d) -> Status {
      auto it = d.jobs.find(claim.id);
      if (it == d.jobs.end() || it->second.record.state != JobState::kRunning ||
          it->second.record.worker != claim.worker.value_or("") ||
          it->second.record.attempts != claim.attempts)
        return Conflict("job " + std::to_string(claim.id) + " is not held by this worker any more");
      change(it->second);
      return Status::Ok();
    });
  }

  MemoryStore::State& s_;
};

class NoSearch final : public SearchRepository {
 public:
  Result<std::vector<SearchHit>> Search(const SearchQuery&) override {
    return Internal("the memory store does not search; test search on a real engine");
  }
};

class NoAuth final : public AuthRepository {
 public:
  Status CreateSession(const SessionRecord&) override { return No(); }
  Result<SessionRecord> GetSession(const std::string&, Timestamp) override { return No(); }
  Status DeleteSession(const std::string&) override { return No(); }
  Status DeleteUserSessions(int64_t) override { return No(); }
  Result<ApiTokenRecord> CreateApiToken(const ApiTokenRecord&) override { return No(); }
  Result<ApiTokenRecord> UseApiToken(const std::string&, Timestamp) override { return No(); }
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override { return No(); }
  Status RevokeApiToken(int64_t, Timestamp) override { return No(); }
  Result<int64_t> RevokeUserApiTokens(int64_t, Timestamp) override { return No(); }
  // Fixed-window counters (mail intake counts senders with them), kept like
  // the engines keep them; sessions and tokens stay on real engines.
  Result<WindowCounts> Hit(const std::string& key, Timestamp window_start,
                           std::chrono::milliseconds window) override {
    std::lock_guard lock(mu_);
    auto& windows = counters_[key];
    ++windows[window_start];
    WindowCounts n;
    n.current = windows[window_start];
    auto previous = windows.find(window_start - window);
    n.previous = previous == windows.end() ? 0 : previous->second;
    windows.erase(windows.begin(), windows.lower_bound(window_start - window));
    return n;
  }
  Result<FailureStreak> AddFailure(const std::string&, Timestamp,
                                   std::chrono::milliseconds) override {
    return No();
  }
  Result<FailureStreak> GetFailures(const std::string&) override { return No(); }
  Status ResetCounter(const std::string&) override { return No(); }

 private:
  static Status No() {
    return Internal("the memory store keeps no sessions; test auth on a real engine");
  }
  std::mutex mu_;
  std::map<std::string, std::map<Timestamp, int>> counters_;  // GUARDED_BY(mu_)
};

}  // namespace

struct MemoryStore::Repositories {
  explicit Repositories(State& s)
      : customers(s), conversations(s), directory(s), timeline(s), audit(s), jobs(s) {}
  MemoryCustomers customers;
  MemoryConversations conversations;
  MemoryDirectory directory;
  MemoryTimeline timeline;
  MemoryAudit audit;
  MemoryJobs jobs;
  NoSearch search;
  NoAuth auth;
};

MemoryStore::MemoryStore(const Clock& clock)
    : state_(std::make_unique<State>(clock)), repos_(std::make_unique<Repositories>(*state_)) {}
MemoryStore::~MemoryStore() = default;

CustomerRepository& MemoryStore::customers() { return repos_->customers; }
ConversationRepository& MemoryStore::conversations() { return repos_->conversations; }
DirectoryRepository& MemoryStore::directory() { return repos_->directory; }
TimelineRepository& MemoryStore::timeline() { return repos_->timeline; }
SearchRepository& MemoryStore::search() { return repos_->search; }
AuditRepository& MemoryStore::audit() { return repos_->audit; }
AuthRepository& MemoryStore::auth() { return repos_->auth; }
JobRepository& MemoryStore::jobs() { return repos_->jobs; }

}  // namespace luister
