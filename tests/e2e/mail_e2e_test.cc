// `luister mail parse`: the JSON shape support staff and tools rely on.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "http_client.h"
#include "luister_process.h"

namespace luister::e2e {
namespace {

std::string MailFile(const std::string& name) {
  return std::string(LUISTER_SOURCE_DIR) + "/tests/data/mail/" + name;
}

TEST(MailCliTest, ParsePrintsExactlyTheDocumentedKeys) {
  auto r = RunLuister({"mail", "parse", MailFile("apple-inline-image.eml")});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"from", "to", "cc", "reply_to", "subject", "date",
                                            "message_id", "in_reply_to", "references", "kind",
                                            "text", "new_text", "html", "attachments"}));
  EXPECT_EQ(j["from"],
            (nlohmann::ordered_json{{"name", "Lisa"}, {"address", "lisa@icloud.example"}}));
  EXPECT_TRUE(j["to"].is_array());
  EXPECT_TRUE(j["reply_to"].is_array());
  EXPECT_EQ(j["date"], "2026-12-02T12:00:00Z");
  EXPECT_EQ(j["message_id"], "A1B2C3@icloud.example");
  EXPECT_EQ(j["in_reply_to"], "");
  EXPECT_EQ(j["references"], nlohmann::ordered_json::array());
  EXPECT_EQ(j["kind"], "message");
  EXPECT_EQ(j["new_text"], "Zie foto.");
  EXPECT_EQ(j["html"], true);
  ASSERT_EQ(j["attachments"].size(), 2u);
  std::vector<std::string> attachment_keys;
  for (const auto& [key, value] : j["attachments"][0].items()) attachment_keys.push_back(key);
  EXPECT_EQ(attachment_keys, (std::vector<std::string>{"filename", "content_type", "size", "sha256",
                                                       "content_id", "inline"}));
  EXPECT_EQ(j["attachments"][0]["content_id"], "photo1@icloud");
  EXPECT_EQ(j["attachments"][0]["inline"], true);
  EXPECT_EQ(j["attachments"][1]["size"], 45);
}

TEST(MailCliTest, KindsAndMissingValues) {
  auto bounce = RunLuister({"mail", "parse", MailFile("bounce-dsn.eml")});
  ASSERT_EQ(bounce.exit_code, 0) << bounce.out;
  EXPECT_EQ(nlohmann::json::parse(bounce.out)["kind"], "bounce");
  auto reply = RunLuister({"mail", "parse", MailFile("auto-reply-rfc3834.eml")});
  EXPECT_EQ(nlohmann::json::parse(reply.out)["kind"], "auto_reply");
  auto broken = RunLuister({"mail", "parse", MailFile("broken-charset-label.eml")});
  ASSERT_EQ(broken.exit_code, 0) << broken.out;
  EXPECT_TRUE(nlohmann::json::parse(broken.out)["date"].is_null());
}

TEST(MailCliTest, UnreadableInputIsAClearErrorWithNonZeroExit) {
  auto missing = RunLuister({"mail", "parse", "/nonexistent/message.eml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("cannot read /nonexistent/message.eml"), std::string::npos)
      << missing.out;
  auto usage = RunLuister({"mail", "parse"});
  EXPECT_NE(usage.exit_code, 0);
  auto not_mail = RunLuister({"mail", "parse", MailFile("../../../README.md")});
  // A Markdown file starts with "# Luister": no header can be read from it.
  EXPECT_EQ(not_mail.exit_code, 1) << not_mail.out;
  EXPECT_NE(not_mail.out.find("not an e-mail message"), std::string::npos) << not_mail.out;
}

// A migrated SQLite desk with the demo's queues, removed afterwards.
class MailDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/luister-mail-XXXXXX";
    dir_ = mkdtemp(tmpl);
    db_ = "sqlite:" + dir_ + "/desk.db";
    ASSERT_EQ(RunLuister({"migrate", "--db", db_}).exit_code, 0);
    auto demo = RunLuister({"demo", "--db", db_, "--customers", "20", "--conversations", "20",
                            "--admin-password", "wrk tulip harbour 1984"});
    ASSERT_EQ(demo.exit_code, 0) << demo.out;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandResult Gate(const std::string& file, const std::string& queue = "General") {
    return RunLuister(
        {"mailgate", "--db", db_, "--queue", queue, "--address", "support@desk.example"}, {},
        MailFile(file));
  }

  std::string dir_;
  std::string db_;
};

TEST_F(MailDeskTest, MailgateStoresEachMessageOnceAndAnswersAsAnMtaExpects) {
  auto first = Gate("outlook-reply.eml");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(first.out.rfind("mailgate: opened conversation ", 0), 0u) << first.out;
  const std::string conversation = first.out.substr(30, first.out.find(' ', 30) - 30);

  auto again = Gate("outlook-reply.eml");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("duplicate conversation " + conversation), std::string::npos)
      << again.out;

  auto vacation = Gate("auto-reply-rfc3834.eml");
  EXPECT_EQ(vacation.exit_code, 0);
  EXPECT_NE(vacation.out.find("auto_reply"), std::string::npos) << vacation.out;
  auto bounce = Gate("bounce-dsn.eml");
  EXPECT_EQ(bounce.exit_code, 0);
  EXPECT_NE(bounce.out.find("bounce"), std::string::npos) << bounce.out;

  // No mail at all: taken into quarantine, so the MTA does not bounce it
  // and an admin sees it. A queue that does not exist: EX_TEMPFAIL, so the
  // MTA keeps the mail until the configuration is fixed.
  auto garbage = Gate("../../../README.md");
  EXPECT_EQ(garbage.exit_code, 0) << garbage.out;
  // (The demo desk holds one broken file already: this is the second.)
  EXPECT_NE(garbage.out.find("mailgate: quarantined 2 (not an e-mail message"), std::string::npos)
      << garbage.out;
  auto wrong_queue = Gate("gmail-html-reply.eml", "no such queue");
  EXPECT_EQ(wrong_queue.exit_code, 75) << wrong_queue.out;
  EXPECT_NE(wrong_queue.out.find("the queues are: 1 General"), std::string::npos)
      << wrong_queue.out;
}

TEST_F(MailDeskTest, QuarantinedMailIsListedAndLetGoOnce) {
  // The demo desk holds a broken file (entry 1); the pipe adds entry 2.
  ASSERT_EQ(Gate("../../../README.md").exit_code, 0);
  auto list = RunLuister({"mail", "quarantine", "--db", db_});
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_NE(list.out.find("1  held  "), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("2  held  "), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("mailgate"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("demo"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("2 quarantined message(s) held"), std::string::npos) << list.out;

  // Reading it again fails the same way, says so, and keeps it held.
  auto again = RunLuister({"mail", "reprocess", "2", "--db", db_});
  EXPECT_EQ(again.exit_code, 2) << again.out;
  EXPECT_NE(again.out.find("still not readable"), std::string::npos) << again.out;

  auto discard = RunLuister({"mail", "discard", "2", "--db", db_});
  EXPECT_EQ(discard.exit_code, 0) << discard.out;
  auto twice = RunLuister({"mail", "discard", "2", "--db", db_});
  EXPECT_EQ(twice.exit_code, 1) << twice.out;
  EXPECT_NE(twice.out.find("already discarded"), std::string::npos) << twice.out;
  auto fewer = RunLuister({"mail", "quarantine", "--db", db_});
  EXPECT_NE(fewer.out.find("1 quarantined message(s) held"), std::string::npos) << fewer.out;
  auto unknown = RunLuister({"mail", "discard", "42", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("not found"), std::string::npos) << unknown.out;
}

TEST_F(MailDeskTest, ImportReadsAnMboxOnceHoweverOftenItRuns) {
  const std::string mbox = dir_ + "/archive.mbox";
  {
    std::ofstream out(mbox, std::ios::binary);
    for (const char* name :
         {"outlook-reply.eml", "gmail-html-reply.eml", "iso-2022-jp.eml", "auto-reply-rfc3834.eml",
          "bounce-dsn.eml", "apple-inline-image.eml", "broken-no-sender.eml"}) {
      std::ifstream in(MailFile(name), std::ios::binary);
      std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      out << "From someone@example.com Wed Dec  2 10:00:00 2026\n" << raw << "\n";
    }
  }
  auto first = RunLuister({"import", "mail", "--db", db_, "--queue", "1", mbox});
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("7 messages read"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("1 quarantined"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("4 opened a conversation, 0 joined one, 0 already there, "
                           "1 auto-replies, 1 bounces"),
            std::string::npos)
      << first.out;
  auto second = RunLuister({"import", "mail", "--db", db_, "--queue", "1", mbox});
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find("0 opened a conversation, 0 joined one, 4 already there"),
            std::string::npos)
      << second.out;

  auto missing = RunLuister({"import", "mail", "--db", db_, "--queue", "1", dir_ + "/nope"});
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
  EXPECT_NE(missing.out.find("neither an mbox file nor a directory"), std::string::npos);
}

// The demo desk shows every e-mail case an admin and an agent meet: the
// mail went through the real intake and outbox records (SQLite, and
// PostgreSQL under postgres/).
TEST(DemoMailTest, TheDemoDeskShowsEveryEmailCase) {
  auto server = LuisterProcess::WithDemoDesk(
      {"--customers", "20", "--conversations", "20", "--admin-password", "wrk tulip harbour 1984"});
  EXPECT_NE(server->demo_output().find("1 held in quarantine"), std::string::npos)
      << server->demo_output();
  HttpClient client(server->port());
  ASSERT_EQ(client.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);

  auto boxes = client.Get("/api/v1/mailboxes").Json()["items"];
  ASSERT_EQ(boxes.size(), 2u) << boxes.dump();
  EXPECT_EQ(boxes[1]["state"]["health"], "failing");
  EXPECT_NE(boxes[1]["state"]["last_error"].get<std::string>().find("login denied"),
            std::string::npos);
  EXPECT_EQ(client.Get("/api/v1/mail/quarantine").Json()["items"].size(), 1u);
  auto failed = client.Get("/api/v1/mail/outbox?state=failed").Json()["items"];
  ASSERT_EQ(failed.size(), 1u) << failed.dump();
  EXPECT_NE(failed[0]["last_error"].get<std::string>().find("550 5.1.1"), std::string::npos);
  EXPECT_EQ(client.Get("/api/v1/mail/outbox?state=uncertain").Json()["items"].size(), 1u);
  // A person sees them, and so does /metrics: counted exactly.
  const std::string metrics = client.Get("/metrics").body;
  EXPECT_NE(metrics.find("\nluister_mail_quarantine_held 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("\nluister_mail_replies_unsent{delivery=\"failed\"} 1\n"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("\nluister_mail_replies_unsent{delivery=\"uncertain\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.find("\nluister_mail_replies_unsent{delivery=\"queued\"} 0\n"),
            std::string::npos);

  // Promises both ways (C4): what account-managed customers took on, one broken.
  const nlohmann::json owed =
      client.Get("/api/v1/promises?by=customer&status=all&limit=100").Json()["items"];
  std::set<std::string> states;
  for (const auto& p : owed) {
    states.insert(p["status"].get<std::string>());
    EXPECT_TRUE(p["kind"] == "payment" || p["kind"] == "documents") << p.dump();
  }
  EXPECT_TRUE(states.contains("open") && states.contains("broken")) << owed.dump();
  // The answer library (C6): published answers, one in review, one past its date.
  EXPECT_EQ(client.Get("/api/v1/answers?state=published").Json()["items"].size(), 10u);
  EXPECT_EQ(client.Get("/api/v1/answers?state=in_review").Json()["items"].size(), 1u);
  EXPECT_EQ(client.Get("/api/v1/answers?state=stale").Json()["items"].size(), 1u);

  std::map<std::string, int64_t> by_subject;
  auto list = client.Get("/api/v1/conversations?channel=email&limit=100");
  const nlohmann::json listed = list.Json();  // kept: the loop must not outlive it
  for (const auto& c : listed["items"])
    by_subject[c["subject"].get<std::string>()] = c["id"].get<int64_t>();
  auto thread = [&](const std::string& subject) {
    EXPECT_TRUE(by_subject.count(subject)) << subject << " in " << list.body;
    return client.Get("/api/v1/conversations/" + std::to_string(by_subject[subject]) + "/messages")
        .Json()["items"];
  };
  auto refund = thread("Terugbetaling bestelling 4821-NL");
  ASSERT_EQ(refund.size(), 3u) << refund.dump();
  EXPECT_EQ(refund[0]["body_html"].get<std::string>().find("track.example.com"), std::string::npos)
      << "no tracking pixel";
  EXPECT_NE(refund[0]["body_text"].get<std::string>().find("€ 649,00"), std::string::npos)
      << "Windows-1252 read right: " << refund[0]["body_text"];
  EXPECT_EQ(refund[1]["delivery"], "sent");
  ASSERT_TRUE(refund[2]["new_text"].is_string()) << refund[2].dump();
  EXPECT_EQ(refund[2]["new_text"].get<std::string>().find("Excuses"), std::string::npos)
      << "the quoted answer is apart";
  auto lamp = thread("Lamp beschadigd aangekomen");
  ASSERT_EQ(lamp.size(), 2u);
  EXPECT_NE(lamp[0]["body_html"].get<std::string>().find("<img src=\"/api/v1/attachments/"),
            std::string::npos)
      << lamp[0]["body_html"];
  EXPECT_EQ(lamp[1]["delivery"], "uncertain");
  auto uk = thread("Delivery to the UK?");
  ASSERT_EQ(uk.size(), 2u);
  EXPECT_EQ(uk[1]["delivery"], "failed");
  auto emma =
      client.Get("/api/v1/customers/" + std::to_string(uk[0]["customer_id"].get<int64_t>())).Json();
  ASSERT_EQ(emma["identities"].size(), 1u) << emma.dump();
  EXPECT_FALSE(emma["identities"][0]["failing"].is_null()) << emma.dump();
}

// Attachments of mail taken by the pipe, downloaded through the API of a
// server on the same database (SQLite, and PostgreSQL under postgres/).
TEST(MailAttachmentTest, AMailedFileDownloadsAsItWasSent) {
  LuisterProcess server;
  HttpClient client(server.port());
  ASSERT_EQ(client.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  auto dept = client.Post("/api/v1/departments", {{"name", "Mail"}});
  ASSERT_EQ(dept.status, 201) << dept.body;
  auto queue =
      client.Post("/api/v1/queues", {{"department_id", dept.Json()["id"]}, {"name", "Post"}});
  ASSERT_EQ(queue.status, 201) << queue.body;
  auto gate = RunLuister({"mailgate", "--db", server.db(), "--queue", "Post"}, {},
                         MailFile("apple-inline-image.eml"));
  ASSERT_EQ(gate.exit_code, 0) << gate.out;
  const std::string opened = gate.out.substr(gate.out.find("conversation ") + 13);
  auto messages =
      client.Get("/api/v1/conversations/" + opened.substr(0, opened.find(' ')) + "/messages");
  ASSERT_EQ(messages.status, 200) << messages.body;
  auto attachments = messages.Json()["items"][0]["attachments"];
  ASSERT_EQ(attachments.size(), 2u) << messages.body;
  EXPECT_EQ(attachments[0]["content_id"], "photo1@icloud");
  EXPECT_EQ(attachments[0]["inline"], true);
  EXPECT_EQ(attachments[1]["filename"], "€ factuur décembre.pdf");
  // The photo shows inside the text, from the desk; the signature is apart.
  const std::string html = messages.Json()["items"][0]["body_html"];
  EXPECT_NE(html.find("<img src=\"/api/v1/attachments/" +
                      std::to_string(attachments[0]["id"].get<int64_t>()) + "\""),
            std::string::npos)
      << html;
  EXPECT_EQ(messages.Json()["items"][0]["new_text"], "Zie foto.") << messages.body;
  EXPECT_EQ(attachments[1]["sha256"],
            "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff");

  auto pdf =
      client.Get("/api/v1/attachments/" + std::to_string(attachments[1]["id"].get<int64_t>()));
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.body.rfind("%PDF-1.4", 0), 0u);
  EXPECT_EQ(pdf.body.size(), 45u);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.Header("content-disposition"),
            "attachment; filename=\"_ factuur d_cembre.pdf\"; "
            "filename*=UTF-8''%E2%82%AC%20factuur%20d%C3%A9cembre.pdf");
  EXPECT_EQ(pdf.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(pdf.Header("content-security-policy").find("sandbox"), std::string::npos);
  EXPECT_EQ(pdf.Header("cache-control"), "no-store");

  auto unknown = client.Get("/api/v1/attachments/999999");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.Header("content-type"), "application/problem+json");
  EXPECT_EQ(client.Get("/api/v1/attachments/abc").status, 404);
  HttpClient stranger(server.port());
  EXPECT_EQ(
      stranger.Get("/api/v1/attachments/" + std::to_string(attachments[1]["id"].get<int64_t>()))
          .status,
      401);
}

// Files the composer attaches: uploaded as raw bytes, then named by hash
// in the reply. Bad uploads and unknown hashes are clear errors that leave
// nothing behind.
TEST(UploadTest, AnUploadedFileGoesWithTheReplyAndBadOnesAreRefused) {
  LuisterProcess server({"--max-attachments", "2048"});
  HttpClient client(server.port());
  ASSERT_EQ(client.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  auto dept = client.Post("/api/v1/departments", {{"name", "Uploads"}});
  ASSERT_EQ(dept.status, 201) << dept.body;
  auto customer = client.Post("/api/v1/customers", {{"name", "Ria Upload"}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  auto conversation = client.Post("/api/v1/conversations", {{"customer_id", customer.Json()["id"]},
                                                            {"channel", "phone"},
                                                            {"subject", "Offerte"},
                                                            {"department_id", dept.Json()["id"]}});
  ASSERT_EQ(conversation.status, 201) << conversation.body;
  const std::string messages = "/api/v1/conversations/" +
                               std::to_string(conversation.Json()["id"].get<int64_t>()) +
                               "/messages";

  const std::string pdf = "%PDF-1.4 offerte voor Ria";
  auto up = client.Send("POST", "/api/v1/uploads?filename=C%3A%5Cdocs%5Cofferte.pdf", pdf,
                        {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.Json()["filename"], "offerte.pdf") << "only the name, not the path";
  EXPECT_EQ(up.Json()["content_type"], "application/pdf");
  EXPECT_EQ(up.Json()["size_bytes"], pdf.size());
  const std::string sha = up.Json()["sha256"];
  EXPECT_EQ(sha.size(), 64u);

  auto note = client.Post(messages, {{"internal", true},
                                     {"body_text", "De offerte."},
                                     {"attachments",
                                      {{{"filename", "offerte.pdf"},
                                        {"content_type", "application/pdf"},
                                        {"sha256", sha},
                                        {"size_bytes", 1}}}}});
  ASSERT_EQ(note.status, 201) << note.body;
  const nlohmann::json att = note.Json()["attachments"][0];
  EXPECT_EQ(att["size_bytes"], pdf.size()) << "the stored size, not the one claimed";
  auto back = client.Get("/api/v1/attachments/" + std::to_string(att["id"].get<int64_t>()));
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.body, pdf);

  // Refused: an empty file, no name, a body over the limit (before any
  // handler), a hash nobody uploaded, a malformed hash.
  auto empty = client.Send("POST", "/api/v1/uploads?filename=a.txt", "", {});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_NE(empty.body.find("the file is empty"), std::string::npos) << empty.body;
  auto nameless = client.Send("POST", "/api/v1/uploads", "x", {});
  EXPECT_EQ(nameless.status, 400) << nameless.body;
  EXPECT_NE(nameless.body.find("filename"), std::string::npos) << nameless.body;
  auto big = client.Send("POST", "/api/v1/uploads?filename=big.bin", std::string(4096, 'x'), {});
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_NE(big.body.find("2048"), std::string::npos) << big.body;
  auto unknown = client.Post(
      messages, {{"internal", true},
                 {"body_text", "x"},
                 {"attachments", {{{"filename", "a.pdf"}, {"sha256", std::string(64, 'a')}}}}});
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_NE(unknown.body.find("attachments[0].sha256"), std::string::npos) << unknown.body;
  auto malformed =
      client.Post(messages, {{"internal", true},
                             {"body_text", "x"},
                             {"attachments", {{{"filename", "a"}, {"sha256", "XYZ"}}}}});
  EXPECT_EQ(malformed.status, 400) << malformed.body;
  auto list = client.Get(messages).Json()["items"];
  EXPECT_EQ(list.size(), 1u) << "nothing half-written: " << list.dump();

  // Those who may not write conversations may not upload either.
  HttpClient stranger(server.port());
  EXPECT_EQ(stranger.Send("POST", "/api/v1/uploads?filename=a.txt", "x", {}).status, 401);
}

}  // namespace
}  // namespace luister::e2e
