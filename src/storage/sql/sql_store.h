#pragma once

#include <memory>

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister {

class BufferedAuditRepository;

namespace sql {

// The Store of either engine: owns the database and every repository, the
// shared ones (storage/sql), those an engine brings for what is its own
// (search; its overrides of conversations, customers and the audit log), and
// the capabilities' repositories found by type (AddCapabilityRepositories in
// sql_store.cc).
// Audit entries go through the group commit (domain/audit_buffer.h), which
// is flushed before anything else is destroyed. Thread-safe.
class SqlStore : public Store {
 public:
  ~SqlStore() override;

  CustomerRepository& customers() override { return *customers_; }
  ConversationRepository& conversations() override { return *conversations_; }
  DirectoryRepository& directory() override { return *directory_; }
  TimelineRepository& timeline() override { return *timeline_; }
  SearchRepository& search() override { return *search_; }
  AuditRepository& audit() override;
  AuthRepository& auth() override { return *auth_; }
  JobRepository& jobs() override { return *jobs_; }

 protected:
  const RepositoryRegistry& capabilities() const override { return capabilities_; }

  // An engine's own repositories, built on database() (or its native
  // connection pool).
  struct EngineRepositories {
    std::unique_ptr<CustomerRepository> customers;
    std::unique_ptr<ConversationRepository> conversations;
    std::unique_ptr<SearchRepository> search;
    std::unique_ptr<AuditRepository> audit;
  };

  explicit SqlStore(std::unique_ptr<Database> db);
  // Called once by the engine's constructor.
  void Assemble(EngineRepositories own);
  Database& database() { return *db_; }

 private:
  std::unique_ptr<Database> db_;
  std::unique_ptr<CustomerRepository> customers_;
  std::unique_ptr<ConversationRepository> conversations_;
  std::unique_ptr<DirectoryRepository> directory_;
  std::unique_ptr<TimelineRepository> timeline_;
  std::unique_ptr<SearchRepository> search_;
  std::unique_ptr<AuditRepository> audit_;
  // Group commit in front of audit_; declared after it so it is destroyed
  // (and flushed) first.
  std::unique_ptr<BufferedAuditRepository> buffered_audit_;
  std::unique_ptr<AuthRepository> auth_;
  std::unique_ptr<JobRepository> jobs_;
  // The capabilities' repositories (Store::Find), on database().
  RepositoryRegistry capabilities_;
};

}  // namespace sql
}  // namespace luister
