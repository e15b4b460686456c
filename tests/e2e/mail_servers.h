#pragma once

#include <string>
#include <vector>

namespace luister::e2e {

// The throw-away Dovecot (IMAP) and Postfix (SMTP) that
// scripts/mail_test_servers.sh runs for the CTest fixture "mailservers"
// (in LUISTER_MAIL_TEST_DIR, or where the environment's LUISTER_TEST_MAIL_DIR says). Mailboxes are
// users LOCAL@luister.test; every one has the same password.
class MailServers {
 public:
  // Reads DIR/env; false (with `error`) when the fixture is not running.
  bool Load(std::string* error);

  int imap_port() const { return imap_port_; }
  int smtp_port() const { return smtp_port_; }
  const std::string& password() const { return password_; }

  // A new mailbox user, unique in this run: "<prefix>-<pid>-<n>@luister.test".
  std::string AddUser(const std::string& prefix);
  // Lets `user` (an address AddUser gave) log in with the OAuth 2.0 bearer
  // `token` (XOAUTH2), to IMAP and to SMTP.
  void AddToken(const std::string& user, const std::string& token);
  // Sends `raw` through Postfix's SMTP and waits until it is in `to`'s
  // Maildir; false when it did not arrive within 20 s.
  bool Send(const std::string& from, const std::string& to, const std::string& raw);
  // Puts `raw` straight into `to`'s Maildir (new/), as a delivery would.
  void Seed(const std::string& to, const std::string& raw);
  // Messages in `to`'s INBOX Maildir (new/ and cur/).
  int Count(const std::string& to) const;
  // Their bytes, oldest first (by file name).
  std::vector<std::string> Messages(const std::string& to) const;
  // Waits until `to` holds at least `n` messages (20 s at most).
  bool WaitForCount(const std::string& to, int n) const;
  // The flags of every message in `to`'s INBOX as the IMAP server reports them
  // ("* 1 FETCH (UID 1 FLAGS (\Seen))" lines).
  std::string Flags(const std::string& to) const;
  // Gives the INBOX of `to` a new UIDVALIDITY, as a server whose index was
  // rebuilt does.
  void RenewUidValidity(const std::string& to);

 private:
  std::string Maildir(const std::string& address) const;

  std::string dir_, base_, password_, owner_;
  int imap_port_ = 0, smtp_port_ = 0;
};

}  // namespace luister::e2e
