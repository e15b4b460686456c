// E-mail through real servers: mail put into Dovecot (directly, or through
// Postfix's SMTP) becomes the customer's conversation exactly once.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "mail_servers.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

std::string Mail(const std::string& from, const std::string& to, const std::string& subject,
                 const std::string& message_id, const std::string& extra_headers = "",
                 const std::string& body = "Hallo,\r\nmijn bestelling is niet aangekomen.\r\n") {
  return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
         "\r\nDate: Thu, 03 Dec 2026 09:00:00 +0100\r\nMessage-ID: <" + message_id + ">\r\n" +
         extra_headers + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
         body;
}

// A department, a queue and helpers for mailboxes over the API.
template <typename Suite>
class MailboxTestBase : public ServerTest<Suite> {
 protected:
  void SetUp() override {
    ServerTest<Suite>::SetUp();
    if (::testing::Test::HasFatalFailure()) return;
    std::string error;
    ASSERT_TRUE(servers_.Load(&error)) << error;
    HttpClient& c = *this->client_;
    auto d = c.Post("/api/v1/departments", {{"name", "Mail " + std::to_string(++counter_)}});
    ASSERT_EQ(d.status, 201) << d.body;
    department_id_ = d.Json()["id"];
    auto q = c.Post("/api/v1/queues", {{"name", "Inbox " + std::to_string(counter_)},
                                       {"department_id", department_id_}});
    ASSERT_EQ(q.status, 201) << q.body;
    queue_id_ = q.Json()["id"];
  }

  json Settings(const std::string& user, const std::string& password) {
    return {{"queue_id", queue_id_},
            {"name", "Support " + user},
            {"address", user},
            {"host", "127.0.0.1"},
            {"port", servers_.imap_port()},
            {"security", "plain"},
            {"username", user},
            {"secret", password},
            {"poll_seconds", 3600}};  // rounds come when a test asks ("fetch now")
  }

  int64_t AddMailbox(const std::string& user, const std::string& password = "") {
    auto r = this->client_->Post("/api/v1/mailboxes",
                                 Settings(user, password.empty() ? servers_.password() : password));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].template get<int64_t>() : 0;
  }

  // Asks for rounds until `done` holds for the mailbox (or 30 s pass).
  json WaitFor(int64_t mailbox, const std::function<bool(const json&)>& done) {
    auto deadline = std::chrono::steady_clock::now() + 30s;
    json m;
    while (std::chrono::steady_clock::now() < deadline) {
      m = this->client_->Get("/api/v1/mailboxes/" + std::to_string(mailbox)).Json();
      if (done(m)) return m;
      this->client_->Post("/api/v1/mailboxes/" + std::to_string(mailbox) + "/poll", json::object());
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "mailbox " << mailbox << " never got there: " << m.dump();
    return m;
  }

  json WithSmtp(json settings) {
    settings["smtp_host"] = "127.0.0.1";
    settings["smtp_port"] = servers_.smtp_port();
    settings["smtp_security"] = "plain";
    settings["from_name"] = "Klantenservice";
    return settings;
  }

  json Messages(int64_t conversation) {
    return this->client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
        .Json()["items"];
  }

  // Waits until message `id` of `conversation` reaches delivery `state`.
  json WaitForDelivery(int64_t conversation, int64_t id, const std::string& state) {
    auto deadline = std::chrono::steady_clock::now() + 30s;
    json found;
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& m : Messages(conversation))
        if (m["id"] == id) found = m;
      if (found["delivery"] == state) return found;
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "message " << id << " never became " << state << ": " << found.dump()
                  << "\noutbox: " << this->client_->Get("/api/v1/mail/outbox").body;
    return found;
  }

  // The value of one series of /metrics (name with labels); 0 when absent
  // (a counter this node has not raised yet).
  int64_t Metric(const std::string& series) {
    const std::string text = "\n" + this->client_->Get("/metrics").body;
    auto at = text.find("\n" + series + " ");
    if (at == std::string::npos) return 0;
    return std::stoll(text.substr(at + series.size() + 2));
  }

  json Conversations() {
    auto r = this->client_->Get("/api/v1/conversations?queue_id=" + std::to_string(queue_id_));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"];
  }

  MailServers servers_;
  int64_t department_id_ = 0;
  int64_t queue_id_ = 0;
  static inline int counter_ = 0;
};

class ImapTest : public MailboxTestBase<ImapTest> {};

TEST_F(ImapTest, MailSentToTheDeskBecomesOneConversationAndTheAnswerJoinsIt) {
  const std::string desk = servers_.AddUser("support");
  const std::string customer = "Jan Jansen <jan.jansen@klant.example>";
  ASSERT_TRUE(servers_.Send("jan.jansen@klant.example", desk,
                            Mail(customer, desk, "Bestelling 1042 niet ontvangen", "first@klant")))
      << "Postfix delivered it into Dovecot";
  int64_t box = AddMailbox(desk);
  json m = WaitFor(box, [](const json& m) { return m["counts"]["received"] == 1; });
  EXPECT_EQ(m["counts"]["imported"], 1);
  EXPECT_EQ(m["state"]["health"], "ok");
  EXPECT_FALSE(m["state"]["last_success_at"].is_null());
  EXPECT_TRUE(m.contains("has_secret") && !m.contains("secret")) << "the password never leaves";

  json list = Conversations();
  ASSERT_EQ(list.size(), 1u) << list.dump();
  const int64_t conversation = list[0]["id"];
  EXPECT_EQ(list[0]["subject"], "Bestelling 1042 niet ontvangen");
  EXPECT_EQ(list[0]["channel"], "email");
  EXPECT_EQ(list[0]["customer_name"], "Jan Jansen");
  EXPECT_NE(servers_.Flags(desk).find("\\Seen"), std::string::npos)
      << "flagged on the server once stored";

  // The customer's next mail answers the first: the same conversation.
  ASSERT_TRUE(servers_.Send("jan.jansen@klant.example", desk,
                            Mail(customer, desk, "Re: Bestelling 1042 niet ontvangen",
                                 "second@klant", "In-Reply-To: <first@klant>\r\n")));
  // An auto-reply and a bounce open nothing.
  ASSERT_TRUE(servers_.Send("jan.jansen@klant.example", desk,
                            Mail(customer, desk, "Afwezig", "away@klant",
                                 "Auto-Submitted: auto-replied\r\n", "Ik ben afwezig.\r\n")));
  ASSERT_TRUE(servers_.Send(
      "MAILER-DAEMON@klant.example", desk,
      "From: Mail Delivery System <MAILER-DAEMON@klant.example>\r\nTo: " + desk +
          "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce@klant>\r\n"
          "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
          "report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: "
          "text/plain\r\n\r\n"
          "Delivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: "
          "dns; klant.example\r\n\r\nFinal-Recipient: rfc822; gone@klant.example\r\nAction: "
          "failed\r\nStatus: 5.1.1\r\n--b--\r\n"));
  m = WaitFor(box, [](const json& m) { return m["counts"]["received"] == 4; });
  EXPECT_EQ(m["counts"]["imported"], 2);
  EXPECT_EQ(m["counts"]["ignored"], 2);
  EXPECT_EQ(m["counts"]["quarantined"], 0);
  list = Conversations();
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["message_count"], 2);
  auto messages =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages").Json();
  ASSERT_EQ(messages["items"].size(), 2u) << messages.dump();

  // The same mail once more (a second delivery): recognised, not stored.
  ASSERT_TRUE(servers_.Send("jan.jansen@klant.example", desk,
                            Mail(customer, desk, "Bestelling 1042 niet ontvangen", "first@klant")));
  m = WaitFor(box, [](const json& m) { return m["counts"]["received"] == 5; });
  EXPECT_EQ(m["counts"]["duplicates"], 1);
  EXPECT_EQ(Conversations()[0]["message_count"], 2);

  // /metrics counts it.
  auto metrics = client_->Get("/metrics");
  EXPECT_NE(metrics.body.find("luister_mailbox_messages_total{mailbox=\"" + std::to_string(box) +
                              "\",outcome=\"imported\"} 2"),
            std::string::npos)
      << metrics.body.substr(0, 2000);
}

TEST_F(ImapTest, ANewUidValidityBringsNothingBack) {
  const std::string desk = servers_.AddUser("uidvalidity");
  servers_.Seed(desk, Mail("Els <els@klant.example>", desk, "Vraag over factuur", "v1@klant"));
  servers_.Seed(desk, Mail("Piet <piet@klant.example>", desk, "Adres wijzigen", "v2@klant"));
  int64_t box = AddMailbox(desk);
  json m = WaitFor(box, [](const json& m) { return m["counts"]["received"] == 2; });
  EXPECT_EQ(m["counts"]["imported"], 2);
  const int64_t before = m["state"]["uidvalidity"];

  servers_.RenewUidValidity(desk);
  m = WaitFor(box, [&](const json& m) {
    return m["state"]["uidvalidity"] != before && m["counts"]["received"] == 4;
  });
  EXPECT_EQ(m["counts"]["imported"], 2) << "matched by Message-ID, not imported again";
  EXPECT_EQ(m["counts"]["duplicates"], 2);
  EXPECT_EQ(Conversations().size(), 2u);
}

TEST_F(ImapTest, AMailboxWithAWrongPasswordShowsItsErrorWhileAnotherKeepsImporting) {
  const std::string broken = servers_.AddUser("broken");
  const std::string working = servers_.AddUser("working");
  int64_t bad = AddMailbox(broken, "not the password");
  int64_t good = AddMailbox(working);
  servers_.Seed(working, Mail("Kees <kees@klant.example>", working, "Retour", "w1@klant"));
  json b = WaitFor(bad, [](const json& m) { return m["state"]["health"] == "failing"; });
  EXPECT_NE(b["state"]["last_error"].get<std::string>().find("login denied"), std::string::npos)
      << b.dump();
  EXPECT_TRUE(b["state"]["last_success_at"].is_null());
  EXPECT_GE(b["state"]["failures"], 1);
  // Health is recorded when the poll ends, just after its messages are
  // counted: wait for both.
  json g = WaitFor(good, [](const json& m) {
    return m["counts"]["imported"] == 1 && m["state"]["health"] == "ok";
  });
  EXPECT_EQ(g["counts"]["imported"], 1);
  EXPECT_TRUE(g["state"]["last_error"].is_null()) << g.dump();
  auto metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("luister_mailbox_up{mailbox=\"" + std::to_string(bad) + "\"} 0"),
            std::string::npos);
  EXPECT_NE(metrics.find("luister_mailbox_up{mailbox=\"" + std::to_string(good) + "\"} 1"),
            std::string::npos);

  // Fixing the password brings it back.
  auto fixed =
      client_->Patch("/api/v1/mailboxes/" + std::to_string(bad), {{"secret", servers_.password()}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  WaitFor(bad, [](const json& m) { return m["state"]["health"] == "ok"; });
}

TEST_F(ImapTest, SettingsAreCheckedAndTheTestButtonTellsWhy) {
  json bad = Settings("x@luister.test", "pw");
  bad["host"] = "imap.example.com";  // plain IMAP off this machine
  bad["poll_seconds"] = 1;
  bad["port"] = 70000;
  auto r = client_->Post("/api/v1/mailboxes", bad);
  EXPECT_EQ(r.status, 400) << r.body;
  std::string errors = r.Json()["errors"].dump();
  for (const char* field : {"security", "poll_seconds", "port"})
    EXPECT_NE(errors.find(field), std::string::npos) << field << " in " << errors;
  json unknown = Settings("x@luister.test", "pw");
  unknown["password"] = "the field is called secret";
  unknown["port"] = "993";
  r = client_->Post("/api/v1/mailboxes", unknown);
  EXPECT_EQ(r.status, 400) << r.body;
  errors = r.Json()["errors"].dump();
  for (const char* field : {"password", "port"})
    EXPECT_NE(errors.find(field), std::string::npos) << field << " in " << errors;
  EXPECT_EQ(client_->Get("/api/v1/mailboxes").Json()["items"].size(), 0u) << "nothing half-made";

  const std::string desk = servers_.AddUser("probe");
  auto ok = client_->Post("/api/v1/mailboxes/test", Settings(desk, servers_.password()));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["ok"], true) << ok.body;
  auto wrong = client_->Post("/api/v1/mailboxes/test", Settings(desk, "wrong"));
  EXPECT_EQ(wrong.Json()["ok"], false);
  EXPECT_NE(wrong.Json()["message"].get<std::string>().find("login denied"), std::string::npos);
  EXPECT_TRUE(ok.Json()["smtp"].is_null()) << "no SMTP server set, none tried";

  // SMTP is tried on its own: the local Postfix works; a closed port fails
  // while IMAP still reports that it works.
  json with_smtp = Settings(desk, servers_.password());
  with_smtp["smtp_host"] = "127.0.0.1";
  with_smtp["smtp_port"] = servers_.smtp_port();
  with_smtp["smtp_security"] = "plain";
  auto both = client_->Post("/api/v1/mailboxes/test", with_smtp);
  ASSERT_EQ(both.status, 200) << both.body;
  EXPECT_EQ(both.Json()["ok"], true) << both.body;
  EXPECT_EQ(both.Json()["smtp"]["ok"], true) << both.body;
  with_smtp["smtp_port"] = 1;  // nothing listens there
  auto closed = client_->Post("/api/v1/mailboxes/test", with_smtp);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["ok"], false) << closed.body;
  EXPECT_EQ(closed.Json()["imap"]["ok"], true) << closed.body;
  EXPECT_EQ(closed.Json()["smtp"]["ok"], false) << closed.body;
  EXPECT_NE(closed.Json()["message"].get<std::string>().find("SMTP: "), std::string::npos);
  EXPECT_EQ(client_->Get("/api/v1/mailboxes/424242").status, 404);
  EXPECT_EQ(client_->Delete("/api/v1/mailboxes/424242").status, 404);
}

// The header `name` of a raw message (first occurrence, unfolded).
// Maildir files end lines in LF; what went over SMTP ended them in CRLF.
std::string Header(const std::string& raw, const std::string& name) {
  std::string text;
  for (char ch : raw)
    if (ch != '\r') text += ch;
  std::string head = "\n" + text.substr(0, text.find("\n\n"));
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  auto at = lower(head).find("\n" + lower(name) + ":");
  if (at == std::string::npos) return "";
  std::string rest = head.substr(at + name.size() + 2);
  std::string value;
  std::istringstream lines(rest);
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!first && (line.empty() || (line[0] != ' ' && line[0] != '\t'))) break;
    value += first ? line : " " + line.substr(line.find_first_not_of(" \t"));
    first = false;
  }
  return value.substr(
      value.find_first_not_of(' ') == std::string::npos ? 0 : value.find_first_not_of(' '));
}

TEST_F(ImapTest, TheAgentsAnswerArrivesWithThreadingHeadersAndTheCustomersReplyJoins) {
  const std::string desk = servers_.AddUser("desk");
  const std::string klant = servers_.AddUser("klant");
  auto created = client_->Post("/api/v1/mailboxes", WithSmtp(Settings(desk, servers_.password())));
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t box = created.Json()["id"];
  EXPECT_EQ(created.Json()["smtp_host"], "127.0.0.1");
  ASSERT_TRUE(servers_.Send(klant, desk,
                            Mail("Karin de Klant <" + klant + ">", desk, "Lekkende fles",
                                 "question@" + klant.substr(klant.find('@') + 1))));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  json list = Conversations();
  ASSERT_EQ(list.size(), 1u);
  const int64_t conversation = list[0]["id"];

  // The agent attaches a file in the composer: uploaded first, then named.
  const std::string label = "Retourlabel voor Karin: 3SABC1234567\n";
  auto upload = client_->Send("POST", "/api/v1/uploads?filename=retourlabel.txt", label,
                              {{"Content-Type", "text/plain"}});
  ASSERT_EQ(upload.status, 201) << upload.body;
  EXPECT_EQ(upload.Json()["size_bytes"], label.size());
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"},
                              {"body_text", "Beste Karin,\n\nwe sturen vandaag een nieuwe fles."},
                              {"attachments",
                               {{{"filename", "retourlabel.txt"},
                                 {"content_type", "text/plain"},
                                 {"sha256", upload.Json()["sha256"]}}}}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["delivery"], "queued");
  EXPECT_EQ(reply.Json()["attachments"][0]["size_bytes"], label.size());
  const int64_t reply_id = reply.Json()["id"];
  WaitForDelivery(conversation, reply_id, "sent");
  ASSERT_TRUE(servers_.WaitForCount(klant, 1)) << "Postfix delivered it to the customer";
  const std::string sent = servers_.Messages(klant).back();
  EXPECT_NE(Header(sent, "From").find(desk), std::string::npos) << sent;
  EXPECT_NE(Header(sent, "From").find("Klantenservice"), std::string::npos) << sent;
  EXPECT_NE(Header(sent, "To").find(klant), std::string::npos);
  EXPECT_EQ(Header(sent, "In-Reply-To"), "<question@luister.test>") << sent;
  EXPECT_NE(Header(sent, "References").find("<question@luister.test>"), std::string::npos);
  EXPECT_EQ(Header(sent, "Subject"), "Re: Lekkende fles [#" + std::to_string(conversation) + "]");
  const std::string message_id = Header(sent, "Message-ID");
  ASSERT_FALSE(message_id.empty()) << sent;
  EXPECT_NE(sent.find("nieuwe fles"), std::string::npos);
  EXPECT_NE(sent.find("filename=retourlabel.txt"), std::string::npos) << sent;
  // The file went along, base64: "Retourlabel voor Karin: 3SABC1234567\n".
  EXPECT_NE(sent.find("UmV0b3VybGFiZWwgdm9vciBLYXJpbjogM1NBQkMxMjM0NTY3Cg=="), std::string::npos)
      << sent;

  // The customer answers the answer (without the [#N]), quoting it: the
  // same conversation, the quote apart from what she wrote now.
  ASSERT_TRUE(servers_.Send(
      klant, desk,
      Mail("Karin de Klant <" + klant + ">", desk, "Re: Lekkende fles", "thanks@luister.test",
           "In-Reply-To: " + message_id + "\r\n",
           "Dank u wel!\r\n\r\nOp 3 dec. 2026 om 10:00 schreef Klantenservice <" + desk +
               ">:\r\n> Beste Karin,\r\n> we sturen vandaag een nieuwe fles.\r\n")));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 2; });
  list = Conversations();
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["message_count"], 3);
  json thread = client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
                    .Json()["items"];
  ASSERT_EQ(thread.size(), 3u);
  EXPECT_EQ(thread[2]["new_text"], "Dank u wel!") << thread[2].dump();
  EXPECT_NE(thread[2]["body_text"].get<std::string>().find("> Beste Karin"), std::string::npos)
      << "kept in full";
  EXPECT_TRUE(thread[1]["new_text"].is_null()) << "the agent's reply quotes nothing";
  EXPECT_EQ(servers_.Count(klant), 1) << "sent once";
}

// A mailbox set to follow closed conversations up: the customer's answer
// to a closed conversation opens a new one that names it.
TEST_F(ImapTest, AnAnswerToAClosedConversationOpensAFollowUpWhenSoConfigured) {
  const std::string desk = servers_.AddUser("followup");
  json settings = Settings(desk, servers_.password());
  settings["closed_replies"] = "sometimes";
  auto bad = client_->Post("/api/v1/mailboxes", settings);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("closed_replies"), std::string::npos) << bad.body;
  settings["closed_replies"] = "new_conversation";
  auto created = client_->Post("/api/v1/mailboxes", settings);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["closed_replies"], "new_conversation");
  const int64_t box = created.Json()["id"];
  const std::string jan = servers_.AddUser("jan");
  servers_.Seed(desk, Mail("Jan <" + jan + ">", desk, "Factuur", "factuur@klant"));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  const int64_t closed = Conversations()[0]["id"];
  EXPECT_TRUE(Conversations()[0]["follows_id"].is_null());
  ASSERT_EQ(
      client_->Patch("/api/v1/conversations/" + std::to_string(closed), {{"status", "closed"}})
          .status,
      200);

  servers_.Seed(desk, Mail("Jan <" + jan + ">", desk, "Re: Factuur", "factuur-2@klant",
                           "In-Reply-To: <factuur@klant>\r\n"));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 2; });
  json list = Conversations();
  ASSERT_EQ(list.size(), 2u) << list.dump();
  json newest = list[0]["id"] == closed ? list[1] : list[0];
  EXPECT_EQ(newest["follows_id"], closed) << newest.dump();
  EXPECT_EQ(client_->Get("/api/v1/conversations/" + std::to_string(closed)).Json()["status"],
            "closed");
}

TEST_F(ImapTest, AReplyThatCannotBeSentIsShownAndTheConversationIsNotAnswered) {
  const std::string desk = servers_.AddUser("nosmtp");
  int64_t box = AddMailbox(desk);  // fetches, sends nothing
  const std::string bert = servers_.AddUser("bert");
  servers_.Seed(desk, Mail("Bert <" + bert + ">", desk, "Waar blijft mijn geld", "geld@klant"));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  const int64_t conversation = Conversations()[0]["id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "We kijken ernaar."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const int64_t reply_id = reply.Json()["id"];
  WaitForDelivery(conversation, reply_id, "failed");
  auto failed = client_->Get("/api/v1/mail/outbox?state=failed").Json()["items"];
  bool listed = false;
  for (const auto& o : failed)
    if (o["message_id"] == reply_id) {
      listed = true;
      EXPECT_NE(o["last_error"].get<std::string>().find("no mailbox sends"), std::string::npos);
      EXPECT_TRUE(o["rfc_message_id"].is_null()) << "no attempt, no Message-ID: " << o.dump();
    }
  EXPECT_TRUE(listed) << failed.dump();
  auto c = client_->Get("/api/v1/conversations/" + std::to_string(conversation)).Json();
  EXPECT_EQ(c["status"], "waiting_on_us") << "not silently answered";
  // The agent sees why, on the message itself.
  json shown = client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
                   .Json()["items"];
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[1]["delivery"], "failed");
  EXPECT_NE(shown[1]["delivery_error"].get<std::string>().find("no mailbox sends"),
            std::string::npos)
      << shown[1].dump();
  EXPECT_TRUE(shown[0]["delivery_error"].is_null());

  // Give the mailbox SMTP and retry: it goes out once.
  auto patched = client_->Patch("/api/v1/mailboxes/" + std::to_string(box),
                                {{"smtp_host", "127.0.0.1"},
                                 {"smtp_port", servers_.smtp_port()},
                                 {"smtp_security", "plain"}});
  EXPECT_EQ(patched.status, 400) << "a new server needs the password again: " << patched.body;
  patched = client_->Patch("/api/v1/mailboxes/" + std::to_string(box),
                           {{"smtp_host", "127.0.0.1"},
                            {"smtp_port", servers_.smtp_port()},
                            {"smtp_security", "plain"},
                            {"secret", servers_.password()}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(
      client_->Post("/api/v1/mail/outbox/" + std::to_string(reply_id) + "/retry", json::object())
          .status,
      200);
  EXPECT_EQ(
      client_->Post("/api/v1/mail/outbox/" + std::to_string(reply_id) + "/retry", json::object())
          .status,
      409)
      << "only failed or uncertain replies";
  WaitForDelivery(conversation, reply_id, "sent");
  auto sent = client_->Get("/api/v1/mail/outbox?state=sent").Json()["items"];
  ASSERT_FALSE(sent.empty());
  EXPECT_EQ(sent[0]["message_id"], reply_id);
  EXPECT_NE(
      sent[0]["rfc_message_id"].get<std::string>().find("@" + desk.substr(desk.find('@') + 1)),
      std::string::npos)
      << "a real Message-ID in the mailbox's domain: " << sent[0].dump();
  // Postfix took it; its delivery into the Maildir follows.
  EXPECT_TRUE(servers_.WaitForCount(bert, 1));
  EXPECT_EQ(servers_.Count(bert), 1);
  EXPECT_EQ(client_->Post("/api/v1/mail/outbox/424242/retry", json::object()).status, 404);
}

// A failed reply is dismissed, or edited and sent again, to another of the
// customer's addresses: the edited one goes out once, the failed one never.
TEST_F(ImapTest, AFailedReplyIsDismissedOrEditedAndSentToAnotherAddress) {
  const std::string desk = servers_.AddUser("resend");
  const int64_t box = AddMailbox(desk);  // fetches, sends nothing yet
  const std::string old_address = servers_.AddUser("oudadres");
  const std::string new_address = servers_.AddUser("nieuwadres");
  servers_.Seed(desk, Mail("Carla <" + old_address + ">", desk, "Adreswijziging", "adres@klant"));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  const json first = Conversations()[0];
  const int64_t conversation = first["id"];
  const std::string messages =
      "/api/v1/conversations/" + std::to_string(conversation) + "/messages";
  auto outbox = [&](int64_t id, const std::string& action, const json& body) {
    return client_->Post("/api/v1/mail/outbox/" + std::to_string(id) + "/" + action, body);
  };
  auto write = [&](const std::string& text) {
    auto r = client_->Post(messages, {{"direction", "out"}, {"body_text", text}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : int64_t{0};
  };

  // Dismissed: nobody sends it, and it cannot be retried or resent.
  const int64_t dropped = write("Eerste versie.");
  WaitForDelivery(conversation, dropped, "failed");
  auto arrived = outbox(dropped, "dismiss", {{"arrived", true}});
  EXPECT_EQ(arrived.status, 409) << "the server never took a failed reply: " << arrived.body;
  EXPECT_EQ(outbox(dropped, "dismiss", {{"arrived", "yes"}}).status, 400);
  auto dismissed = outbox(dropped, "dismiss", json::object());
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.Json()["delivery"], "cancelled");
  EXPECT_EQ(outbox(dropped, "dismiss", json::object()).status, 409);
  EXPECT_EQ(outbox(dropped, "retry", json::object()).status, 409);
  EXPECT_EQ(outbox(dropped, "resend", {{"body_text", "x"}}).status, 409);

  // The agent learns the customer's new address and resends an edited reply.
  const int64_t failed = write("Tweede versie, met een tikfout.");
  WaitForDelivery(conversation, failed, "failed");
  const int64_t unsent = Metric("luister_mail_replies_unsent{delivery=\"failed\"}");
  const int64_t sends = Metric("luister_mail_send_attempts_total{outcome=\"sent\"}");
  EXPECT_GE(unsent, 1);
  auto patched = client_->Patch("/api/v1/mailboxes/" + std::to_string(box),
                                {{"smtp_host", "127.0.0.1"},
                                 {"smtp_port", servers_.smtp_port()},
                                 {"smtp_security", "plain"},
                                 {"secret", servers_.password()}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  const std::string customer =
      "/api/v1/customers/" + std::to_string(first["customer_id"].get<int64_t>());
  auto stranger = outbox(failed, "resend", {{"body_text", "Beste Carla"}, {"to", new_address}});
  EXPECT_EQ(stranger.status, 400) << "not (yet) one of the customer's addresses: " << stranger.body;
  EXPECT_NE(stranger.body.find("\"to\""), std::string::npos) << stranger.body;
  EXPECT_EQ(outbox(failed, "resend", {{"body_text", ""}}).status, 400) << "a reply needs text";
  EXPECT_EQ(outbox(failed, "resend", {{"body_text", "x"}, {"internal", true}}).status, 400);
  ASSERT_EQ(
      client_->Post(customer + "/identities", {{"kind", "email"}, {"value", new_address}}).status,
      201);
  auto resent =
      outbox(failed, "resend",
             {{"body_text", "Beste Carla,\n\nuw adres is aangepast."}, {"to", new_address}});
  ASSERT_EQ(resent.status, 201) << resent.body;
  EXPECT_EQ(resent.Json()["delivery"], "queued");
  const int64_t edited = resent.Json()["id"];
  EXPECT_EQ(outbox(failed, "resend", {{"body_text", "Nog eens"}}).status, 409)
      << "already replaced";
  WaitForDelivery(conversation, edited, "sent");
  ASSERT_TRUE(servers_.WaitForCount(new_address, 1));
  EXPECT_NE(servers_.Messages(new_address).back().find("uw adres is aangepast"), std::string::npos);
  EXPECT_EQ(servers_.Count(old_address), 0) << "neither the failed nor the dismissed reply went";
  EXPECT_EQ(Metric("luister_mail_replies_unsent{delivery=\"failed\"}"), unsent - 1);
  EXPECT_EQ(Metric("luister_mail_send_attempts_total{outcome=\"sent\"}"), sends + 1);

  json thread = Messages(conversation);
  ASSERT_EQ(thread.size(), 4u) << thread.dump();
  EXPECT_EQ(thread[1]["delivery"], "cancelled");
  EXPECT_EQ(thread[2]["delivery"], "cancelled");
  EXPECT_EQ(thread[2]["body_text"], "Tweede versie, met een tikfout.") << "kept as written";
  EXPECT_EQ(thread[3]["delivery"], "sent");
  json sent = client_->Get("/api/v1/mail/outbox?state=sent").Json();
  ASSERT_FALSE(sent["items"].empty());
  EXPECT_EQ(sent["items"][0]["message_id"], edited);
  EXPECT_EQ(sent["items"][0]["replaces_message_id"], failed);
  EXPECT_EQ(sent["items"][0]["to_address"], new_address);
  json cancelled = client_->Get("/api/v1/mail/outbox?state=cancelled").Json();
  EXPECT_EQ(cancelled["items"].size(), 2u) << cancelled.dump();
  EXPECT_EQ(outbox(424242, "resend", {{"body_text", "x"}}).status, 404);
  EXPECT_EQ(outbox(424242, "dismiss", json::object()).status, 404);
}

// A mailbox that logs in with an OAuth 2.0 bearer token (XOAUTH2) instead
// of a password, to Dovecot and to Postfix: a good token imports and
// sends, a revoked one shows the server's refusal.
// Promises by mail (domain/promise_mail.h, promise_notice.h): the owner
// of a promise due within the hour gets a reminder mail from the
// department's mailbox (the reminder job's round, in the same transaction
// that marks it reminded), and the customer gets the confirmation an
// agent asks for, both through Postfix.
TEST_F(ImapTest, APromiseDueSoonRemindsItsOwnerByMailAndItsConfirmationReachesTheCustomer) {
  const std::string desk = servers_.AddUser("belofte-desk");
  const std::string owner = servers_.AddUser("belofte-eigenaar");
  const std::string klant = servers_.AddUser("belofte-klant");
  ASSERT_EQ(
      client_->Post("/api/v1/mailboxes", WithSmtp(Settings(desk, servers_.password()))).status,
      201);
  auto user = client_->Post("/api/v1/users", {{"email", owner},
                                              {"name", "Olga Eigenaar"},
                                              {"role", "agent"},
                                              {"language", "nl"},
                                              {"department_id", department_id_},
                                              {"password", "mango-tram-lantaarn-3"}});
  ASSERT_EQ(user.status, 201) << user.body;
  auto customer =
      client_->Post("/api/v1/customers", {{"name", "Karin Belofte"},
                                          {"language", "nl"},
                                          {"identities", {{{"kind", "email"}, {"value", klant}}}}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  const std::time_t in_half_an_hour = std::time(nullptr) + 1800;
  std::tm tm{};
  gmtime_r(&in_half_an_hour, &tm);
  char due[32];
  std::strftime(due, sizeof due, "%Y-%m-%dT%H:%M:%SZ", &tm);
  auto made =
      client_->Post("/api/v1/promises", {{"customer_id", customer.Json()["id"]},
                                         {"kind", "callback"},
                                         {"what", "Karin terugbellen over de lekkende fles"},
                                         {"due_end", due},
                                         {"owner_user_id", user.Json()["id"]},
                                         {"owner_department_id", department_id_}});
  ASSERT_EQ(made.status, 201) << made.body;

  // The reminder job comes round every 30 seconds.
  bool reminded = false;
  for (int i = 0; i < 4 && !reminded; ++i) reminded = servers_.WaitForCount(owner, 1);
  ASSERT_TRUE(reminded) << "no reminder mail; jobs: " << client_->Get("/api/v1/jobs").body;
  const std::string reminder = servers_.Messages(owner).back();
  EXPECT_NE(Header(reminder, "Subject").find("Herinnering: belofte aan Karin Belofte"),
            std::string::npos)
      << reminder;
  EXPECT_NE(Header(reminder, "From").find(desk), std::string::npos) << reminder;
  EXPECT_NE(reminder.find("Karin terugbellen over de lekkende fles"), std::string::npos);
  EXPECT_NE(Header(reminder, "Auto-Submitted").find("auto"), std::string::npos) << reminder;
  EXPECT_GE(Metric("luister_promise_mails_total{outcome=\"sent\"}"), 1);

  // The confirmation the agent asks for: the customer prefers e-mail.
  auto confirmed = client_->Post(
      "/api/v1/promises/" + std::to_string(made.Json()["id"].get<int64_t>()) + "/confirm",
      json::object());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.Json()["notice"]["fallback"], false);
  ASSERT_TRUE(servers_.WaitForCount(klant, 1)) << client_->Get("/api/v1/mail/outbox").body;
  const std::string confirmation = servers_.Messages(klant).back();
  EXPECT_NE(confirmation.find("We bellen u terug"), std::string::npos) << confirmation;
  EXPECT_EQ(Header(confirmation, "Subject").rfind("Onze afspraak", 0), 0u) << confirmation;
  // Once each.
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(servers_.Count(owner), 1);
  EXPECT_EQ(servers_.Count(klant), 1);
}

TEST_F(ImapTest, AMailboxLogsInWithAnOAuthTokenToImapAndSmtp) {
  const std::string desk = servers_.AddUser("oauth");
  const std::string klant = servers_.AddUser("oauthklant");
  servers_.AddToken(desk, "ya29.good-token");
  json settings = WithSmtp(Settings(desk, "ya29.good-token"));
  settings["auth"] = "xoauth2";
  auto created = client_->Post("/api/v1/mailboxes", settings);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["auth"], "xoauth2");
  EXPECT_EQ(created.body.find("good-token"), std::string::npos) << "never returned";
  const int64_t box = created.Json()["id"];
  auto tested = client_->Post("/api/v1/mailboxes/test", {{"mailbox_id", box}});
  ASSERT_EQ(tested.status, 200) << tested.body;
  EXPECT_EQ(tested.Json()["imap"]["ok"], true) << tested.body;
  EXPECT_EQ(tested.Json()["smtp"]["ok"], true) << tested.body;

  servers_.Seed(desk, Mail("Olga <" + klant + ">", desk, "Inloggen lukt niet", "oauth1@klant"));
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  const int64_t conversation = Conversations()[0]["id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "Probeer het nu nog eens."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  WaitForDelivery(conversation, reply.Json()["id"], "sent");
  ASSERT_TRUE(servers_.WaitForCount(klant, 1)) << "sent over SMTP with XOAUTH2";

  // A token the provider no longer knows: the mailbox says so.
  auto patched = client_->Patch("/api/v1/mailboxes/" + std::to_string(box),
                                {{"secret", "ya29.revoked-token"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  json failing = WaitFor(box, [](const json& m) { return m["state"]["health"] == "failing"; });
  EXPECT_FALSE(failing["state"]["last_error"].is_null()) << failing.dump();
  EXPECT_EQ(failing.dump().find("revoked-token"), std::string::npos) << "never shown";
  auto retested = client_->Post("/api/v1/mailboxes/test", {{"mailbox_id", box}});
  EXPECT_EQ(retested.Json()["imap"]["ok"], false) << retested.body;
  EXPECT_EQ(retested.Json()["smtp"]["ok"], false) << retested.body;
}

// A server that keeps at most 2 KiB of attachments per message.
class ImapSmallLimitTest : public MailboxTestBase<ImapSmallLimitTest> {
 public:
  static std::vector<std::string> ServeArgs() { return {"--max-attachments", "2048"}; }
};

// Mail with a file larger than the desk keeps is imported, the file listed
// as not stored, and the sender told so by an automatic reply that threads
// and answers nothing.
TEST_F(ImapSmallLimitTest, TheSenderHearsWhichAttachmentWasTooLargeToKeep) {
  const std::string desk = servers_.AddUser("limit");
  const std::string klant = servers_.AddUser("groot");
  auto created = client_->Post("/api/v1/mailboxes", WithSmtp(Settings(desk, servers_.password())));
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t box = created.Json()["id"];
  const std::string big(6000, 'x');
  std::string b64;  // 6,000 bytes of "x", base64
  for (size_t i = 0; i < big.size() / 3; ++i) b64 += (i % 19 == 18) ? "eHh4\r\n" : "eHh4";
  const std::string mail =
      "From: Gerda <" + klant + ">\r\nTo: " + desk +
      "\r\nSubject: Foto van de schade\r\nDate: Thu, 03 Dec 2026 09:00:00 +0100\r\n"
      "Message-ID: <schade@klant>\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n\r\nZie de foto.\r\n--b\r\n"
      "Content-Type: image/jpeg; name=\"schade.jpg\"\r\n"
      "Content-Disposition: attachment; filename=\"schade.jpg\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      b64 + "\r\n--b--\r\n";
  servers_.Seed(desk, mail);
  WaitFor(box, [](const json& m) { return m["counts"]["imported"] == 1; });
  const json conversation = Conversations()[0];
  EXPECT_EQ(conversation["status"], "waiting_on_us") << "the notice answers nothing";
  json thread = Messages(conversation["id"]);
  ASSERT_EQ(thread.size(), 2u) << thread.dump();
  ASSERT_EQ(thread[0]["attachments"].size(), 1u);
  EXPECT_EQ(thread[0]["attachments"][0]["size_bytes"], 6000);
  EXPECT_EQ(client_
                ->Get("/api/v1/attachments/" +
                      std::to_string(thread[0]["attachments"][0]["id"].get<int64_t>()))
                .status,
            404)
      << "listed, not stored";
  EXPECT_EQ(thread[1]["automatic"], true) << thread[1].dump();
  EXPECT_TRUE(thread[1]["author_user_id"].is_null());
  EXPECT_EQ(thread[0]["automatic"], false);
  WaitForDelivery(conversation["id"], thread[1]["id"], "sent");
  const json after =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation["id"].get<int64_t>()))
          .Json();
  EXPECT_EQ(after["status"], "waiting_on_us") << "sent, and still waiting on us";
  EXPECT_TRUE(after["first_response_at"].is_null()) << after.dump();

  ASSERT_TRUE(servers_.WaitForCount(klant, 1));
  const std::string notice = servers_.Messages(klant).back();
  EXPECT_EQ(Header(notice, "Auto-Submitted"), "auto-replied") << notice;
  EXPECT_EQ(Header(notice, "In-Reply-To"), "<schade@klant>");
  EXPECT_NE(notice.find("schade.jpg (6 kB)"), std::string::npos) << notice;
  // The notice goes once, also when the mailbox is read again.
  client_->Post("/api/v1/mailboxes/" + std::to_string(box) + "/poll", json::object());
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(servers_.Count(klant), 1);
  EXPECT_EQ(Messages(conversation["id"]).size(), 2u);
}

// Two or more nodes on one database: an API node that polls and sends
// nothing itself, and the nodes a test starts, kills and restarts.
class ImapKillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(servers.Load(&error)) << error;
    api = std::make_unique<LuisterProcess>(std::vector<std::string>{"--job-threads", "0"});
    c = std::make_unique<HttpClient>(api->port());
    ASSERT_EQ(c->Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
    auto d = c->Post("/api/v1/departments", {{"name", "Crash"}});
    auto q = c->Post("/api/v1/queues", {{"name", "Crash"}, {"department_id", d.Json()["id"]}});
    ASSERT_EQ(q.status, 201) << q.body;
    queue = q.Json()["id"];
  }
  // Polls `done` for up to 30 s, reading the API node's output meanwhile so
  // that its access log never fills the pipe.
  bool Until(const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      api->Output();
      std::this_thread::sleep_for(50ms);
    }
    return done();
  }

  // A mailbox of `desk` on the queue (sending through Postfix too); its path.
  std::string AddMailbox(const std::string& desk) {
    auto created = c->Post("/api/v1/mailboxes", {{"queue_id", queue},
                                                 {"name", "Crash"},
                                                 {"address", desk},
                                                 {"host", "127.0.0.1"},
                                                 {"port", servers.imap_port()},
                                                 {"security", "plain"},
                                                 {"username", desk},
                                                 {"secret", servers.password()},
                                                 {"smtp_host", "127.0.0.1"},
                                                 {"smtp_port", servers.smtp_port()},
                                                 {"smtp_security", "plain"},
                                                 {"poll_seconds", 10}});
    EXPECT_EQ(created.status, 201) << created.body;
    return "/api/v1/mailboxes/" + std::to_string(created.Json().value("id", 0));
  }
  json Conversations() {
    return c->Get("/api/v1/conversations?queue_id=" + std::to_string(queue)).Json()["items"];
  }

  MailServers servers;
  std::unique_ptr<LuisterProcess> api;
  std::unique_ptr<HttpClient> c;
  int64_t queue = 0;
};

// A node killed after storing a message but before flagging it on the
// server: the node that takes over fetches it again and finds it stored.
TEST_F(ImapKillTest, ANodeKilledMidImportLosesNothingAndDuplicatesNothing) {
  const std::string desk = servers.AddUser("crash");
  servers.Seed(desk, Mail("Anna <anna@klant.example>", desk, "Kapotte fles", "crash1@klant"));
  const std::string box = AddMailbox(desk);
  auto doomed = LuisterProcess::JoinDatabaseOf(
      *api, {"--job-lease", "2"}, {"LUISTER_FAILPOINTS=mail.after_store=sleep(60000)"});
  ASSERT_TRUE(Until([&] { return Conversations().size() == 1; })) << doomed->Output();
  doomed->Kill();  // stored, not yet flagged or counted
  EXPECT_EQ(c->Get(box).Json()["counts"]["received"], 0);

  auto heir = LuisterProcess::JoinDatabaseOf(*api, {"--job-lease", "2"});
  json m;
  EXPECT_TRUE(Until([&] {
    m = c->Get(box).Json();
    return m["counts"]["received"] == 1;
  })) << m.dump()
      << heir->Output();
  EXPECT_EQ(m["counts"]["duplicates"], 1) << "found stored by the node that took over";
  json list = Conversations();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["message_count"], 1);
  EXPECT_NE(servers.Flags(desk).find("\\Seen"), std::string::npos);
}

}  // namespace
}  // namespace luister::e2e

namespace luister::e2e {
namespace {

// A node killed while it hands a reply to the SMTP server: the node that
// takes over does not send it again by itself (it may have arrived); it
// shows it as uncertain, and a person's retry sends it once.
TEST_F(ImapKillTest, ANodeKilledMidSendSendsNothingTwice) {
  const std::string desk = servers.AddUser("senddesk");
  const std::string klant = servers.AddUser("sendklant");
  servers.Seed(desk, Mail("Sanne <" + klant + ">", desk, "Factuur klopt niet", "send1@klant"));
  AddMailbox(desk);
  auto doomed = LuisterProcess::JoinDatabaseOf(*api, {"--job-lease", "2"},
                                               {"LUISTER_FAILPOINTS=mail.smtp_data=sleep(60000)"});
  ASSERT_TRUE(Until([&] { return Conversations().size() == 1; })) << doomed->Output();
  const int64_t conversation = Conversations()[0]["id"];
  const std::string messages =
      "/api/v1/conversations/" + std::to_string(conversation) + "/messages";
  auto reply =
      c->Post(messages, {{"direction", "out"}, {"body_text", "Wij corrigeren de factuur."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const int64_t id = reply.Json()["id"];
  auto delivery = [&] {
    const json thread = c->Get(messages).Json();
    for (const auto& m : thread["items"])
      if (m["id"] == id)
        return m["delivery"].is_null() ? std::string() : m["delivery"].get<std::string>();
    return std::string();
  };
  ASSERT_TRUE(Until([&] { return delivery() == "sending"; })) << doomed->Output();
  std::this_thread::sleep_for(300ms);  // into the failpoint, inside DATA
  doomed->Kill();
  EXPECT_EQ(servers.Count(klant), 0);

  auto heir = LuisterProcess::JoinDatabaseOf(*api, {"--job-lease", "2"});
  ASSERT_TRUE(Until([&] { return delivery() == "uncertain"; })) << heir->Output();
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(servers.Count(klant), 0) << "not sent again by itself";
  EXPECT_EQ(c->Get("/api/v1/conversations/" + std::to_string(conversation)).Json()["status"],
            "waiting_on_us");

  ASSERT_EQ(c->Post("/api/v1/mail/outbox/" + std::to_string(id) + "/retry", json::object()).status,
            200);
  ASSERT_TRUE(Until([&] { return delivery() == "sent"; })) << heir->Output();
  ASSERT_TRUE(servers.WaitForCount(klant, 1));
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(servers.Count(klant), 1) << "sent once";
}

}  // namespace
}  // namespace luister::e2e
