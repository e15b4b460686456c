// The public web form through the real server: the hosted page in Dutch and
// English, a question with a file, the honeypot, wrong fields, the JSON
// endpoint for an organisation's own site, and the rate limit per address.
#include <gtest/gtest.h>

#include <string>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class WebFormTest : public ServerTest<WebFormTest> {
 protected:
  // A form of its own per test, in a new department's queue.
  std::string MakeForm() {
    const std::string stamp = std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                              "-" + std::to_string(++n_);
    auto d = client_->Post("/api/v1/departments", {{"name", "Web " + stamp}});
    EXPECT_EQ(d.status, 201) << d.body;
    auto q = client_->Post("/api/v1/queues", {{"department_id", d.Json()["id"]}, {"name", "Form"}});
    EXPECT_EQ(q.status, 201) << q.body;
    queue_ = q.Json()["id"];
    auto f =
        client_->Post("/api/v1/web-forms",
                      {{"slug", "contact-" + stamp}, {"name", "Contact"}, {"queue_id", queue_}});
    EXPECT_EQ(f.status, 201) << f.body;
    form_id_ = f.Json()["id"];
    return f.Json()["slug"];
  }
  static std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                               const std::string& file_name, const std::string& file) {
    std::string body;
    for (const auto& [k, v] : fields)
      body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    if (!file_name.empty())
      body += "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file_name +
              "\"\r\nContent-Type: application/pdf\r\n\r\n" + file + "\r\n";
    return body + "--XyZ--\r\n";
  }
  HttpResponse PostForm(HttpClient& c, const std::string& path, const std::string& body) {
    return c.Send("POST", path, body, {{"Content-Type", "multipart/form-data; boundary=XyZ"}});
  }
  static inline int n_ = 0;
  int64_t queue_ = 0;
  int64_t form_id_ = 0;
};

TEST_F(WebFormTest, AQuestionWithAFileBecomesAConversationOfTheFormsQueue) {
  const std::string slug = MakeForm();
  HttpClient visitor(server_->port());
  auto page = visitor.Get("/forms/" + slug);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"website\" tabindex=\"-1\""), std::string::npos)
      << "the honeypot";
  auto english = visitor.Send("GET", "/forms/" + slug, "", {{"Accept-Language", "en-GB,en;q=0.8"}});
  EXPECT_NE(english.body.find("Your question"), std::string::npos);
  EXPECT_EQ(visitor.Get("/forms/form.css").status, 200);
  EXPECT_EQ(visitor.Get("/forms/no-such-form").status, 404);

  const std::string pdf = "%PDF-1.4 factuur 2026-118\n";
  auto sent = PostForm(visitor, "/forms/" + slug + "?lang=en",
                       Multipart({{"name", "Jan Jansen"},
                                  {"email", "jan.webform." + slug + "@example.nl"},
                                  {"subject", "Invoice"},
                                  {"question", "Why was I charged twice?"},
                                  {"website", ""},
                                  {"language", "en"}},
                                 "factuur.pdf", pdf));
  ASSERT_EQ(sent.status, 200) << sent.body;
  const auto at = sent.body.find("<strong>#");
  ASSERT_NE(at, std::string::npos) << sent.body;
  const std::string id = sent.body.substr(at + 9, sent.body.find('<', at + 9) - at - 9);

  auto conv = client_->Get("/api/v1/conversations/" + id);
  ASSERT_EQ(conv.status, 200) << conv.body;
  EXPECT_EQ(conv.Json()["channel"], "webform");
  EXPECT_EQ(conv.Json()["queue_id"], queue_);
  EXPECT_EQ(conv.Json()["subject"], "Invoice");
  auto messages = client_->Get("/api/v1/conversations/" + id + "/messages");
  ASSERT_EQ(messages.status, 200);
  const json first = messages.Json()["items"][0];
  EXPECT_EQ(first["body_text"], "Why was I charged twice?");
  ASSERT_EQ(first["attachments"].size(), 1u);
  EXPECT_EQ(first["attachments"][0]["filename"], "factuur.pdf");
  EXPECT_EQ(first["attachments"][0]["size_bytes"], static_cast<int64_t>(pdf.size()));
  // The agent's answer goes out by e-mail, as for mail.
  auto reply = client_->Post("/api/v1/conversations/" + id + "/messages",
                             {{"direction", "out"}, {"body_text", "We refunded the second one."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["delivery"], "queued");
}

TEST_F(WebFormTest, RobotsWrongFieldsAndFloodsAreTurnedAwayWithoutARecord) {
  const std::string slug = MakeForm();
  HttpClient visitor(server_->port());
  auto before = client_->Get("/api/v1/conversations?limit=200");
  // A robot fills the field people never see: thanked, nothing stored.
  auto robot = PostForm(visitor, "/forms/" + slug,
                        Multipart({{"email", "bot@example.com"},
                                   {"question", "cheap pills"},
                                   {"website", "http://spam.example"}},
                                  "", ""));
  ASSERT_EQ(robot.status, 200) << robot.body;
  EXPECT_EQ(robot.body.find("<strong>#"), std::string::npos);
  // A person forgot the address and attached a program: the form again.
  auto wrong = PostForm(visitor, "/forms/" + slug,
                        Multipart({{"name", "Piet"}, {"question", "Hallo?"}}, "setup.exe", "MZ"));
  ASSERT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_NE(wrong.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(wrong.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_NE(wrong.body.find("programs are not accepted"), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"Piet\""), std::string::npos) << "what was typed is kept";
  EXPECT_EQ(client_->Get("/api/v1/conversations?limit=200").body, before.body);

  // The endpoint for an organisation's own site: JSON in, a receipt out.
  auto api =
      visitor.Post("/api/v1/public/forms/" + slug,
                   {{"email", "klant." + slug + "@example.nl"}, {"question", "Open op zondag?"}});
  ASSERT_EQ(api.status, 201) << api.body;
  EXPECT_EQ(api.Json()["reference"],
            "#" + std::to_string(api.Json()["conversation_id"].get<int64_t>()));
  EXPECT_EQ(visitor.Post("/api/v1/public/forms/" + slug, {{"question", "no address"}}).status, 400);
  EXPECT_EQ(
      visitor.Post("/api/v1/public/forms/nope", {{"email", "a@b.nl"}, {"question", "?"}}).status,
      404);

  // Five questions per address in ten minutes; the next one waits.
  HttpResponse last;
  for (int i = 0; i < 4; ++i)
    last =
        visitor.Post("/api/v1/public/forms/" + slug,
                     {{"email", "flood" + std::to_string(i) + "@example.nl"}, {"question", "?"}});
  ASSERT_EQ(last.status, 429) << last.body;
  EXPECT_FALSE(last.Header("retry-after").empty());
  auto page = PostForm(visitor, "/forms/" + slug,
                       Multipart({{"email", "late@example.nl"}, {"question", "?"}}, "", ""));
  EXPECT_EQ(page.status, 429);

  // A closed form takes nothing.
  ASSERT_EQ(
      client_->Patch("/api/v1/web-forms/" + std::to_string(form_id_), {{"active", false}}).status,
      200);
  EXPECT_EQ(visitor.Get("/forms/" + slug).status, 404);
}

}  // namespace
}  // namespace luister::e2e
