#include "mail_servers.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <thread>

namespace luister::e2e {

namespace fs = std::filesystem;

namespace {

std::string Run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void Chown(const fs::path& p, const fs::path& like) {
  struct stat st {};
  if (::stat(like.c_str(), &st) == 0) (void)::chown(p.c_str(), st.st_uid, st.st_gid);
}

}  // namespace

bool MailServers::Load(std::string* error) {
  // The fixture's directory (tests/e2e/mail_servers.cmake), unless the
  // environment names another.
  const char* dir = std::getenv("LUISTER_TEST_MAIL_DIR");
  dir_ = dir && *dir ? dir : LUISTER_MAIL_TEST_DIR;
  std::ifstream in(dir_ + "/env");
  if (!in) {
    *error = "no " + dir_ + "/env: the mail servers are not running (ctest starts them: fixture " +
             "mailservers, scripts/mail_test_servers.sh)";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "IMAP_PORT") imap_port_ = std::stoi(value);
    if (key == "SMTP_PORT") smtp_port_ = std::stoi(value);
    if (key == "MAILDIR_BASE") base_ = value;
    if (key == "PASSWORD") password_ = value;
  }
  if (imap_port_ == 0 || smtp_port_ == 0 || base_.empty() || password_.empty()) {
    *error = dir_ + "/env lacks IMAP_PORT, SMTP_PORT, MAILDIR_BASE or PASSWORD";
    return false;
  }
  return true;
}

std::string MailServers::AddUser(const std::string& prefix) {
  static std::atomic<int> n{0};
  std::string local = prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n);
  Run(std::string(LUISTER_SOURCE_DIR) + "/scripts/mail_test_servers.sh adduser " + Quote(dir_) +
      " " + Quote(local) + " 2>&1");
  return local + "@luister.test";
}

void MailServers::AddToken(const std::string& user, const std::string& token) {
  Run(std::string(LUISTER_SOURCE_DIR) + "/scripts/mail_test_servers.sh addtoken " + Quote(dir_) +
      " " + Quote(user.substr(0, user.find('@'))) + " " + Quote(token) + " 2>&1");
}

std::string MailServers::Maildir(const std::string& address) const {
  auto at = address.find('@');
  return base_ + "/" + address.substr(at + 1) + "/" + address.substr(0, at);
}

int MailServers::Count(const std::string& to) const {
  int n = 0;
  std::error_code ec;
  for (const char* sub : {"new", "cur"}) {
    fs::path d = fs::path(Maildir(to)) / sub;
    if (!fs::is_directory(d, ec)) continue;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.is_regular_file(ec)) ++n;
  }
  return n;
}

std::vector<std::string> MailServers::Messages(const std::string& to) const {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const char* sub : {"new", "cur"}) {
    fs::path d = fs::path(Maildir(to)) / sub;
    if (!fs::is_directory(d, ec)) continue;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.is_regular_file(ec)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

bool MailServers::WaitForCount(const std::string& to, int n) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Count(to) >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

bool MailServers::Send(const std::string& from, const std::string& to, const std::string& raw) {
  int before = Count(to);
  char tmpl[] = "/tmp/luister-smtp-XXXXXX";
  int fd = ::mkstemp(tmpl);
  if (fd < 0) return false;
  ::close(fd);
  { std::ofstream(tmpl, std::ios::binary) << raw; }
  Run("curl -s --max-time 20 smtp://127.0.0.1:" + std::to_string(smtp_port_) +
      "/luister.test --mail-from " + Quote(from) + " --mail-rcpt " + Quote(to) + " -T " +
      Quote(tmpl) + " 2>&1");
  ::unlink(tmpl);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Count(to) > before) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void MailServers::Seed(const std::string& to, const std::string& raw) {
  static std::atomic<int> n{0};
  fs::path box = Maildir(to);
  for (const char* sub : {"tmp", "new", "cur"}) {
    fs::create_directories(box / sub);
    Chown(box / sub, base_);
  }
  Chown(box, base_);
  std::string name = std::to_string(::time(nullptr)) + ".luister" + std::to_string(::getpid()) +
                     "_" + std::to_string(++n) + ".test";
  {
    std::ofstream out(box / "tmp" / name, std::ios::binary);
    out << raw;
  }
  Chown(box / "tmp" / name, base_);
  fs::rename(box / "tmp" / name, box / "new" / name);
}

std::string MailServers::Flags(const std::string& to) const {
  return Run("curl -s --max-time 20 'imap://127.0.0.1:" + std::to_string(imap_port_) +
             "/INBOX' --user " + Quote(to + ":" + password_) +
             " -X 'UID FETCH 1:* (UID FLAGS)' 2>&1");
}

void MailServers::RenewUidValidity(const std::string& to) {
  // Dovecot keeps the UIDs of a Maildir in dovecot-uidlist ("3 V<uidvalidity>
  // N<next uid> ..."); without it and its index, it numbers the messages
  // afresh under a new UIDVALIDITY.
  fs::path box = Maildir(to);
  std::ifstream in(box / "dovecot-uidlist");
  std::string first;
  std::getline(in, first);
  std::smatch m;
  long long old = 0;
  if (std::regex_search(first, m, std::regex(R"( V(\d+))"))) old = std::stoll(m[1]);
  in.close();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(box, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("dovecot", 0) == 0) fs::remove(e.path(), ec);
  }
  // A fresh list with a UIDVALIDITY that differs for certain.
  std::ofstream out(box / "dovecot-uidlist");
  out << "3 V" << (old + 1000) << " N1\n";
  out.close();
  Chown(box / "dovecot-uidlist", base_);
}

}  // namespace luister::e2e
