#pragma once

#include <sys/types.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/pg_test_database.h"

namespace luister::e2e {

// Output and exit status of a finished `luister` command.
struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr, interleaved
};

// Runs the luister binary with `args` (its standard input read from
// `stdin_path` when given) and waits for it.
CommandResult RunLuister(const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {},
                         const std::string& stdin_path = "");

// A `luister serve` process on a free port with a fresh temporary data
// directory, migrated and with an admin account. Stopped (SIGTERM) and
// cleaned up by the destructor. The database is a SQLite file, or, when
// LUISTER_TEST_PG_DIR names the PostgreSQL test cluster's directory, a
// fresh database in that cluster, dropped afterwards: CTest runs the API
// tests both ways.
class LuisterProcess {
 public:
  static constexpr const char* kAdminEmail = "admin@example.org";
  static constexpr const char* kAdminPassword = "correct-horse-battery";

  explicit LuisterProcess(std::vector<std::string> extra_serve_args = {});
  // Another node on `other`'s database (already migrated, with the admin),
  // with extra serve arguments and environment ("NAME=value").
  // A server on a database loaded with the demo desk first (`luister demo`
  // with `demo_args`), then given the admin account as usual.
  static std::unique_ptr<LuisterProcess> WithDemoDesk(std::vector<std::string> demo_args);
  static std::unique_ptr<LuisterProcess> JoinDatabaseOf(
      const LuisterProcess& other, std::vector<std::string> extra_serve_args = {},
      std::vector<std::string> env = {});
  ~LuisterProcess();
  LuisterProcess(const LuisterProcess&) = delete;
  LuisterProcess& operator=(const LuisterProcess&) = delete;

  int port() const { return port_; }
  const std::string& db() const { return db_; }
  const std::string& data_dir() const { return dir_; }
  // Sends SIGTERM and returns the exit status.
  int Stop();
  // SIGKILL: a crash, nothing flushed.
  void Kill();
  // Everything the server printed so far.
  std::string Output();
  // What `luister demo` printed (WithDemoDesk).
  const std::string& demo_output() const { return demo_output_; }

 private:
  struct Join {};
  struct Demo {};
  LuisterProcess(Demo, std::vector<std::string> demo_args,
                 std::vector<std::string> extra_serve_args);
  LuisterProcess(Join, const std::string& db, const std::string& key_file,
                 std::vector<std::string> extra_serve_args, std::vector<std::string> env);
  void StartServing(std::vector<std::string> extra_serve_args, std::vector<std::string> env = {});
  // Reads the server's output as it comes: a pipe nobody empties fills
  // up (64 KiB of access log) and blocks the server in the middle of a
  // request.
  void Drain();
  void StopDraining();

  std::string dir_;
  std::string key_file_;  // seals mailbox passwords; shared by the nodes of one database
  std::string db_;
  std::unique_ptr<testing::PgTestDatabase> pg_database_;  // when the database is PostgreSQL
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::mutex output_mu_;
  std::string output_;  // guarded by output_mu_ once the drain runs
  std::atomic<bool> draining_{false};
  std::thread drain_;
  std::string demo_output_;
};

}  // namespace luister::e2e
