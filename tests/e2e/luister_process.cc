#include "luister_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace luister::e2e {

namespace {

pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, int* out_fd,
            const std::string& stdin_path = "") {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    if (!stdin_path.empty()) {
      int in = open(stdin_path.c_str(), O_RDONLY);
      if (in < 0) _exit(126);
      dup2(in, 0);
      close(in);
    }
    close(fds[0]);
    close(fds[1]);
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    std::string bin = LUISTER_BINARY;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

void ReadAvailable(int fd, std::string* out, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return;
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n > 0) out->append(buf, static_cast<size_t>(n));
}

}  // namespace

CommandResult RunLuister(const std::vector<std::string>& args, const std::vector<std::string>& env,
                         const std::string& stdin_path) {
  int fd = -1;
  pid_t pid = Spawn(args, env, &fd, stdin_path);
  CommandResult r;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

LuisterProcess::LuisterProcess(std::vector<std::string> extra_serve_args)
    : LuisterProcess(Demo{}, {}, std::move(extra_serve_args)) {}

std::unique_ptr<LuisterProcess> LuisterProcess::WithDemoDesk(std::vector<std::string> demo_args) {
  return std::unique_ptr<LuisterProcess>(new LuisterProcess(Demo{}, std::move(demo_args), {}));
}

LuisterProcess::LuisterProcess(Demo, std::vector<std::string> demo_args,
                               std::vector<std::string> extra_serve_args) {
  char tmpl[] = "/tmp/luister-e2e-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  key_file_ = dir_ + "/secret.key";
  db_ = "sqlite:" + dir_ + "/luister.db";
  if (testing::PgClusterConfigured()) {
    pg_database_ = std::make_unique<testing::PgTestDatabase>("e2e");
    db_ = pg_database_->url();
  }
  auto m = RunLuister({"migrate", "--db", db_});
  if (m.exit_code != 0) throw std::runtime_error("migrate failed: " + m.out);
  if (!demo_args.empty()) {
    demo_args.insert(demo_args.begin(), {"demo", "--db", db_});
    auto d = RunLuister(demo_args);
    if (d.exit_code != 0) throw std::runtime_error("demo failed: " + d.out);
    demo_output_ = d.out;
  }
  auto u = RunLuister({"user", "add", "--db", db_, "--email", kAdminEmail, "--name", "Ada Admin",
                       "--role", "admin", "--password", kAdminPassword});
  if (u.exit_code != 0) throw std::runtime_error("user add failed: " + u.out);

  StartServing(std::move(extra_serve_args));
}

std::unique_ptr<LuisterProcess> LuisterProcess::JoinDatabaseOf(
    const LuisterProcess& other, std::vector<std::string> extra_serve_args,
    std::vector<std::string> env) {
  return std::unique_ptr<LuisterProcess>(new LuisterProcess(
      Join{}, other.db_, other.key_file_, std::move(extra_serve_args), std::move(env)));
}

LuisterProcess::LuisterProcess(Join, const std::string& db, const std::string& key_file,
                               std::vector<std::string> extra_serve_args,
                               std::vector<std::string> env) {
  char tmpl[] = "/tmp/luister-e2e-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  key_file_ = key_file;
  db_ = db;
  StartServing(std::move(extra_serve_args), std::move(env));
}

void LuisterProcess::StartServing(std::vector<std::string> extra_serve_args,
                                  std::vector<std::string> env) {
  std::vector<std::string> args = {
      "serve", "--db",       db_,  "--listen",          "127.0.0.1:0", "--threads",
      "2",     "--data-dir", dir_, "--secret-key-file", key_file_};
  args.insert(args.end(), extra_serve_args.begin(), extra_serve_args.end());
  pid_ = Spawn(args, env, &out_fd_);
  static const std::regex kListening(R"(on http://127\.0\.0\.1:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::smatch match;
  while (std::chrono::steady_clock::now() < deadline) {
    ReadAvailable(out_fd_, &output_, 100);
    if (std::regex_search(output_, match, kListening)) {
      port_ = std::stoi(match[1]);
      draining_ = true;
      drain_ = std::thread([this] { Drain(); });
      return;
    }
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("luister serve exited: " + output_);
    }
  }
  throw std::runtime_error("luister serve did not start: " + output_);
}

void LuisterProcess::Drain() {
  std::string chunk;
  while (draining_) {
    chunk.clear();
    ReadAvailable(out_fd_, &chunk, 50);
    if (chunk.empty()) continue;
    std::lock_guard lock(output_mu_);
    output_ += chunk;
  }
}

void LuisterProcess::StopDraining() {
  if (drain_.joinable()) {
    draining_ = false;
    drain_.join();
  }
  // What the process wrote last, up to the end of the pipe.
  std::lock_guard lock(output_mu_);
  for (size_t before = std::string::npos; out_fd_ >= 0 && before != output_.size();) {
    before = output_.size();
    ReadAvailable(out_fd_, &output_, 0);
  }
}

std::string LuisterProcess::Output() {
  std::lock_guard lock(output_mu_);
  if (!drain_.joinable() && out_fd_ >= 0) ReadAvailable(out_fd_, &output_, 0);
  return output_;
}

int LuisterProcess::Stop() {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 200; ++i) {
    Output();
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      StopDraining();
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    usleep(50 * 1000);
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  StopDraining();
  return 137;
}

void LuisterProcess::Kill() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  StopDraining();
}

LuisterProcess::~LuisterProcess() {
  Stop();
  StopDraining();
  if (out_fd_ >= 0) close(out_fd_);
  pg_database_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace luister::e2e
