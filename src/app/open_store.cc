#include "app/open_store.h"

#include <filesystem>
#include <iostream>

#include "app/config.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace luister {

int Fail(const std::string& what, const Status& s) {
  std::cerr << "luister: " << what << ": " << s.message() << "\n";
  for (const auto& f : s.fields()) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

namespace {

template <typename S>
OpenedStore Wrap(std::unique_ptr<S> s) {
  OpenedStore out;
  S* raw = s.get();
  out.migrate = [raw](std::function<void(int, const std::string&)> progress) {
    return raw->Migrate(std::move(progress));
  };
  out.schema_version = [raw] { return raw->SchemaVersion(); };
  out.latest_version = S::LatestSchemaVersion();
  out.store = std::move(s);
  return out;
}

}  // namespace

Result<OpenedStore> OpenStore(const std::string& db) {
  LUISTER_ASSIGN_OR_RETURN(DatabaseUrl url, ParseDatabaseUrl(db));
  if (url.engine == DatabaseUrl::Engine::kPostgres) {
    PostgresOptions options;
    options.migrate_on_open = false;
    LUISTER_ASSIGN_OR_RETURN(auto store, PostgresStore::Open(url.location, options));
    return Wrap(std::move(store));
  }
  std::filesystem::path path(url.location);
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
      return Unavailable("cannot create directory " + path.parent_path().string() + ": " +
                         ec.message());
  }
  SqliteOptions options;
  options.migrate_on_open = false;
  LUISTER_ASSIGN_OR_RETURN(auto store, SqliteStore::Open(url.location, options));
  return Wrap(std::move(store));
}

Status CheckSchema(OpenedStore& store) {
  LUISTER_ASSIGN_OR_RETURN(int version, store.schema_version());
  if (version < store.latest_version)
    return Unavailable("the database schema is at version " + std::to_string(version) +
                       " and this luister needs " + std::to_string(store.latest_version) +
                       "; run `luister migrate` first");
  return Status::Ok();
}

}  // namespace luister
