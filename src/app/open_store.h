#pragma once

// What the subcommands share: opening the database named by --db, checking
// its schema, and reporting a failure. Internal to app/.

#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "domain/repositories.h"

namespace luister {

inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 1;

// Prints "luister: <what>: <message>" and the field errors; the exit code
// for it (usage for invalid input, failure otherwise).
int Fail(const std::string& what, const Status& s);

// A store of either engine with its engine's schema operations.
struct OpenedStore {
  std::unique_ptr<Store> store;
  std::function<Result<int>(std::function<void(int, const std::string&)>)> migrate;
  std::function<Result<int>()> schema_version;
  int latest_version = 0;

  Store& operator*() { return *store; }
  Store* operator->() { return store.get(); }
};

// Opens the database named by `db` (sqlite:PATH, creating the directory of
// the file, or postgres://...). Migrations are never applied here:
// `luister migrate` is explicit, and serve checks the version.
Result<OpenedStore> OpenStore(const std::string& db);

// Commands that use the data refuse a schema the binary does not match.
Status CheckSchema(OpenedStore& store);

}  // namespace luister
