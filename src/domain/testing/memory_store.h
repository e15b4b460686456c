#pragma once

#include <memory>

#include "common/time.h"
#include "domain/repositories.h"

namespace luister {

// A Store held in memory, for tests of the domain services and the job
// runner that need no database: what leveldb's memenv is to its Env. It keeps
// the repository contracts of domain/repositories.h (all or nothing per
// call, NotFound for unknown ids and references, Conflict for taken
// identities and e-mails, keyset pages) and runs the repository contract
// suite in tests/contract beside SQLite and PostgreSQL, so it cannot drift
// from them unnoticed. It does not search (SearchRepository answers
// Internal) and keeps no sessions or API tokens (AuthRepository too): those
// are engine work, tested on the real engines only.
// Thread-safe: one mutex around all of it.
class MemoryStore final : public Store {
 public:
  // `clock` gives the times the repositories set themselves (a message or
  // customer without its own time).
  explicit MemoryStore(const Clock& clock);
  ~MemoryStore() override;

  CustomerRepository& customers() override;
  ConversationRepository& conversations() override;
  DirectoryRepository& directory() override;
  TimelineRepository& timeline() override;
  SearchRepository& search() override;
  AuditRepository& audit() override;
  AuthRepository& auth() override;
  JobRepository& jobs() override;
  Status Ping() override { return Status::Ok(); }

  struct State;  // the data behind every repository (memory_store.cc)

  // Gives the store a capability's repository (Store::Find<Interface>()):
  // a test brings its own in-memory one, or none.
  template <class Interface, class Impl>
  void Provide(std::unique_ptr<Impl> impl) {
    capabilities_.Add<Interface>(std::move(impl));
  }

 protected:
  const RepositoryRegistry& capabilities() const override { return capabilities_; }

 private:
  struct Repositories;
  std::unique_ptr<State> state_;
  std::unique_ptr<Repositories> repos_;
  RepositoryRegistry capabilities_;
};

}  // namespace luister
