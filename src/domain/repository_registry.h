#pragma once

#include <memory>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>

#include "common/result.h"

namespace luister {

// The repositories of capabilities beyond the core ones every part of the
// desk uses (customers, conversations, directory, timeline, search, audit,
// auth, jobs, which have accessors on Store): found by their interface
// type, as userver's components find each other. An engine registers what it
// implements (storage/sql/sql_store.cc, one line per repository); a
// capability's module asks its store for its own
// (`store.Find<PromiseRepository>()`). So neither the Store interface nor
// every Store implementation grows with each capability, and the in-memory
// store holds only what a test gives it. Filled once, before use; then
// read-only and thread-safe.
class RepositoryRegistry {
 public:
  // Registers `impl` as the repository of `Interface`, replacing any
  // earlier one.
  template <class Interface, class Impl>
  void Add(std::unique_ptr<Impl> impl) {
    Interface* as_interface = impl.get();
    entries_[std::type_index(typeid(Interface))] =
        Entry{as_interface, std::shared_ptr<void>(std::move(impl))};
  }

  // The repository of `Interface`; Unavailable when none was registered.
  template <class Interface>
  Result<Interface*> Find() const {
    auto it = entries_.find(std::type_index(typeid(Interface)));
    if (it == entries_.end())
      return Unavailable(std::string("this store has no repository of type ") +
                         typeid(Interface).name());
    return static_cast<Interface*>(it->second.repository);
  }

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    void* repository = nullptr;   // the Interface*, as registered
    std::shared_ptr<void> owner;  // deletes the implementation
  };
  std::unordered_map<std::type_index, Entry> entries_;
};

}  // namespace luister
