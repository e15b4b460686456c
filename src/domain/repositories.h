#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/activity.h"
#include "domain/audit.h"
#include "domain/auth_records.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/directory.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/repository_registry.h"
#include "domain/search.h"

namespace luister {

// Repository interfaces. storage/sqlite and storage/postgres implement them.
// Contracts shared by all of them:
//  - Every method is thread-safe; implementations serialise writes as needed.
//  - A method either commits all of its effects or none (one transaction).
//  - Unknown ids give NotFound; uniqueness clashes give Conflict; a lost or
//    busy database gives Unavailable. Input is already validated by domain/.
//  - Timeline activities are written in the same transaction as the change
//    they describe. Which change and which activities is decided by domain
//    rules (the plans: ConversationPlan, MessagePlan, CustomerPlan,
//    MergePlan, UserPlan), called on the locked row; storage persists what
//    they return and decides nothing.
//  - Lists are keyset paginated on (key, id); Page::next is set only when a
//    further row exists.

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  // Conflict when an identity already belongs to someone.
  virtual Result<Customer> Create(const NewCustomer& c) = 0;
  virtual Result<Customer> Get(int64_t id) = 0;
  // Ordered by id ascending.
  virtual Result<Page<Customer>> List(const CustomerFilter& f, const PageRequest& p) = 0;
  // Locks the customer and persists the state `plan` gives for it.
  virtual Result<Customer> Update(int64_t id, const CustomerPlan& plan) = 0;
  virtual Result<Identity> AddIdentity(int64_t customer_id, const NewIdentity& i, Timestamp at) = 0;
  virtual Status RemoveIdentity(int64_t customer_id, int64_t identity_id) = 0;
  virtual Result<std::optional<Customer>> FindByIdentity(IdentityKind kind,
                                                         const std::string& value) = 0;
  // Marks the identity `kind`/`value` as failing with `reason` (a bounce),
  // or clears that with nullopt. An unknown identity is no error.
  virtual Status SetIdentityFailing(IdentityKind kind, const std::string& value,
                                    std::optional<std::string> reason, Timestamp at) = 0;
  // Locks both customers, asks `plan` whether and how to merge them, then
  // moves identities, conversations, messages and activities of `source`
  // to `target`, marks source as merged into target and records the merge
  // and the plan's activities. NotFound for unknown ids; whatever the plan
  // refuses (Conflict when either side was already merged away).
  virtual Result<MergeRecord> Merge(int64_t source_id, int64_t target_id,
                                    const MergePlan& plan) = 0;
  virtual Result<std::vector<MergeRecord>> ListMerges(int64_t target_id) = 0;
  virtual Result<int64_t> Count() = 0;
};

class ConversationRepository {
 public:
  virtual ~ConversationRepository() = default;
  // Creates the conversation and records what `opening` returns for it.
  // NotFound for an unknown customer, department, queue or assignee;
  // Conflict when the customer was merged away.
  virtual Result<Conversation> Create(const NewConversation& c, const OpeningPlan& opening) = 0;
  virtual Result<Conversation> Get(int64_t id) = 0;
  // Sort key is last_message_at or created_at in milliseconds.
  virtual Result<Page<Conversation>> List(const ConversationFilter& f, const PageRequest& p) = 0;
  // Locks the conversation, asks `plan` for the change against it as it
  // stands, and persists the change: the new state, its tags when they
  // differ, the activities. Nothing is written when the plan refuses.
  virtual Result<Conversation> Change(int64_t id, const ConversationPlan& plan) = 0;
  // Appends a message and persists the change `plan` makes for it (its
  // counters, status and timeline entries) in the same transaction.
  // NotFound for an unknown conversation.
  virtual Result<AddedMessage> AddMessage(const NewMessage& m, const MessagePlan& plan) = 0;
  // Appends all `messages` in one transaction, in order, each with the
  // change `plan` makes against the conversation as it stands at that
  // point. All or nothing: an unknown conversation id gives InvalidArgument
  // naming "messages[i].conversation_id" and writes nothing.
  virtual Result<std::vector<AddedMessage>> AddMessages(const std::vector<NewMessage>& messages,
                                                        const MessagePlan& plan) = 0;
  // Creates the conversation with its first message in one transaction
  // (what Create and then AddMessage do), so that a channel's import never
  // leaves a conversation without the message that opened it.
  // `first.conversation_id` is ignored.
  virtual Result<AddedMessage> Open(const NewConversation& c, const OpeningPlan& opening,
                                    const NewMessage& first, const MessagePlan& plan) = 0;
  // The newest message whose external id is one of `external_ids`, if any.
  virtual Result<std::optional<MessageRef>> FindByExternalIds(
      const std::vector<std::string>& external_ids) = 0;
  virtual Result<Message> GetMessage(int64_t id) = 0;
  // NotFound for an unknown attachment id.
  virtual Result<StoredAttachment> GetAttachment(int64_t id) = 0;
  // Ordered by created_at ascending (thread order).
  virtual Result<Page<Message>> ListMessages(int64_t conversation_id, bool include_internal,
                                             const PageRequest& p) = 0;
  virtual Result<int64_t> CountMessages() = 0;
};

class DirectoryRepository {
 public:
  virtual ~DirectoryRepository() = default;
  virtual Result<Department> CreateDepartment(const std::string& name, Timestamp at) = 0;
  virtual Result<Department> GetDepartment(int64_t id) = 0;
  virtual Result<std::vector<Department>> ListDepartments() = 0;
  virtual Result<Queue> CreateQueue(int64_t department_id, const std::string& name,
                                    Timestamp at) = 0;
  virtual Result<Queue> GetQueue(int64_t id) = 0;
  virtual Result<std::vector<Queue>> ListQueues(std::optional<int64_t> department_id) = 0;

  // Conflict when the e-mail is taken.
  virtual Result<User> CreateUser(const NewUser& u, Timestamp at) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // Locks the user and persists the state `plan` gives for it.
  virtual Result<User> UpdateUser(int64_t id, const UserPlan& plan) = 0;
  virtual Status SetPasswordHash(int64_t user_id, const std::string& hash) = 0;
  virtual Result<std::optional<Credentials>> FindCredentials(const std::string& email) = 0;
  virtual Result<int64_t> CountUsers() = 0;
};

class TimelineRepository {
 public:
  virtual ~TimelineRepository() = default;
  // Newest first; sort key is the activity time in milliseconds.
  virtual Result<Page<Activity>> Timeline(int64_t customer_id, const TimelineFilter& f,
                                          const PageRequest& p) = 0;
};

class SearchRepository {
 public:
  virtual ~SearchRepository() = default;
  // Ranked best first. Query text is already checked by domain/.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& q) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual Status Append(const AuditEntry& e) = 0;
  // Appends all of `entries` in one transaction, in order.
  virtual Status AppendBatch(const std::vector<AuditEntry>& entries) = 0;
  // Newest first; sort key is the time in milliseconds.
  virtual Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) = 0;
};

class AuthRepository {
 public:
  virtual ~AuthRepository() = default;
  virtual Status CreateSession(const SessionRecord& s) = 0;
  // NotFound when unknown or expired at `now`.
  virtual Result<SessionRecord> GetSession(const std::string& token_hash, Timestamp now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;

  virtual Result<ApiTokenRecord> CreateApiToken(const ApiTokenRecord& t) = 0;
  // NotFound when unknown or revoked. Updates last_used_at, at most once a
  // minute per token so that frequent use does not become a write each time.
  virtual Result<ApiTokenRecord> UseApiToken(const std::string& token_hash, Timestamp now) = 0;
  virtual Result<std::vector<ApiTokenRecord>> ListApiTokens() = 0;
  virtual Status RevokeApiToken(int64_t id, Timestamp at) = 0;
  // Revokes every live token of `user_id` (a new password, deactivation):
  // how many.
  virtual Result<int64_t> RevokeUserApiTokens(int64_t user_id, Timestamp at) = 0;

  // Fixed-window counter shared by every node: adds one to `key` in the
  // window starting at `window_start` (windows are `window` long) and
  // returns that window's count and the previous window's. Older windows of
  // the key are dropped.
  virtual Result<WindowCounts> Hit(const std::string& key, Timestamp window_start,
                                   std::chrono::milliseconds window) = 0;
  // Adds a failure of `key` at `at` to its streak, which starts over when
  // the last failure was more than `forget_after` before; returns the streak.
  virtual Result<FailureStreak> AddFailure(const std::string& key, Timestamp at,
                                           std::chrono::milliseconds forget_after) = 0;
  virtual Result<FailureStreak> GetFailures(const std::string& key) = 0;
  // Forgets a counter or a streak.
  virtual Status ResetCounter(const std::string& key) = 0;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  virtual Result<int64_t> Enqueue(const NewJob& job) = 0;
  // Claims the next due job of one of `kinds` for `worker` until
  // now + `lease`: a queued job whose time has come, or a running one whose
  // lease ran out. Each job goes to exactly one claimer at a time, across
  // every node; nullopt when none. A node claims only the kinds it has
  // handlers for, so nodes of different versions can share a database.
  virtual Result<std::optional<Job>> Claim(const std::string& worker,
                                           const std::vector<std::string>& kinds, Timestamp now,
                                           std::chrono::milliseconds lease) = 0;
  // The calls below act on one claim: the job as Claim returned it. Its id,
  // worker and attempt number together fence it, so a worker that lost its
  // lease (and may be running the job at the same time as its new holder)
  // can neither renew, finish nor fail it: Conflict.
  // Extends the claim's lease.
  virtual Status Renew(const Job& claim, Timestamp lease_until) = 0;
  // Finishes the job, keeping `result` (may be empty).
  virtual Status Complete(const Job& claim, Timestamp at, const std::string& result) = 0;
  // Gives the job back to run again at `retry_at`, or marks it failed for
  // good when `retry_at` is nullopt.
  virtual Status Fail(const Job& claim, const std::string& error, std::optional<Timestamp> retry_at,
                      Timestamp at) = 0;
  // Gives a recurring job back to run again at `run_at` with its attempts
  // set to `attempts` (0 after a good run, so only claims that never finish
  // in a row count towards giving up) and `error` as its last error (nullopt
  // clears it).
  virtual Status Requeue(const Job& claim, Timestamp run_at, int attempts,
                         const std::optional<std::string>& error) = 0;
  // A queued job waiting for a later time becomes due at `now` ("fetch
  // mail now"); false when it is running, finished or due already.
  virtual Result<bool> RunNow(int64_t id, Timestamp now) = 0;
  virtual Result<std::optional<JobState>> State(int64_t id) = 0;
  // NotFound for unknown ids.
  virtual Result<JobRecord> Get(int64_t id) = 0;
  // The result of a finished job; NotFound when it has none (yet).
  virtual Result<std::string> GetResult(int64_t id) = 0;
};

// The set of repositories of one database: accessors for the core ones,
// Find<R>() for those of a capability. Owned by app/; handed down by
// reference.
class Store {
 public:
  virtual ~Store() = default;
  virtual CustomerRepository& customers() = 0;
  virtual ConversationRepository& conversations() = 0;
  virtual DirectoryRepository& directory() = 0;
  virtual TimelineRepository& timeline() = 0;
  virtual SearchRepository& search() = 0;
  virtual AuditRepository& audit() = 0;
  virtual AuthRepository& auth() = 0;
  virtual JobRepository& jobs() = 0;
  // Checks that the database answers. Used by /healthz.
  virtual Status Ping() = 0;

  // Bulk imports: the writes of the calling thread between BeginBatch and
  // EndBatch share one transaction where the engine gains from it
  // (SQLite: one commit instead of one per write), each write still
  // succeeding or failing alone; elsewhere both do nothing. A failed
  // EndBatch(true) lost the batch's writes: run the import again.
  virtual Status BeginBatch() { return Status::Ok(); }
  virtual Status EndBatch(bool commit) {
    (void)commit;
    return Status::Ok();
  }

  // A capability's own repository, by interface type (RepositoryRegistry):
  // `Find<PromiseRepository>()`. Unavailable when this store has none.
  template <class Repository>
  Result<Repository*> Find() {
    return capabilities().template Find<Repository>();
  }

 protected:
  virtual const RepositoryRegistry& capabilities() const = 0;
};

}  // namespace luister
