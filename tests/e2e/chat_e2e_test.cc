// The web chat through the real server: a widget embedded on a shop's site,
// a visitor who starts a chat over the WebSocket (nothing exists before),
// an agent who accepts, types and answers live, the visitor's return with
// their signed token, and every refusal: a foreign page, a forged token, a
// frame before the start, a malformed frame.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

constexpr char kShop[] = "https://shop.example";

std::string NextChatState(WsClient& visitor) {
  json frame = NextChatNotWaiting(visitor);
  return frame.is_object() ? frame["chat"]["state"].get<std::string>() : "(none)";
}

class ChatTest : public ServerTest<ChatTest> {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    const std::string stamp = std::to_string(++n_);
    auto d = client_->Post("/api/v1/departments", {{"name", "Webshop " + stamp}});
    ASSERT_EQ(d.status, 201) << d.body;
    dept_ = d.Json()["id"];
    auto q = client_->Post("/api/v1/queues", {{"department_id", dept_}, {"name", "Chat"}});
    ASSERT_EQ(q.status, 201) << q.body;
    auto w =
        client_->Post("/api/v1/chat-widgets", {{"slug", "shop-" + stamp},
                                               {"name", "Klantenservice"},
                                               {"queue_id", q.Json()["id"]},
                                               {"allowed_origins", {std::string(kShop) + "/"}},
                                               {"privacy_url", "https://shop.example/privacy"}});
    ASSERT_EQ(w.status, 201) << w.body;
    slug_ = w.Json()["slug"];
    EXPECT_EQ(w.Json()["allowed_origins"][0], kShop) << "kept as an origin";
  }
  std::unique_ptr<WsClient> Visitor(const std::string& origin = kShop) {
    return std::make_unique<WsClient>(server_->port(), "",
                                      "/api/v1/widget/" + slug_ + "/live?lang=nl", origin);
  }
  static inline int n_ = 0;
  int64_t dept_ = 0;
  std::string slug_;
};

TEST_F(ChatTest, AVisitorStartsAChatAndAnAgentAcceptsTypesAndAnswersLive) {
  // The page asks before anyone types: nothing is made.
  HttpClient page(server_->port());
  auto config = page.Send("GET", "/api/v1/widget/" + slug_, "", {{"Origin", kShop}});
  ASSERT_EQ(config.status, 200) << config.body;
  EXPECT_EQ(config.Header("access-control-allow-origin"), kShop);
  EXPECT_EQ(config.Json()["name"], "Klantenservice");
  EXPECT_EQ(config.Json()["privacy_url"], "https://shop.example/privacy");
  EXPECT_EQ(config.Json()["available"], false) << "no agent has the workspace open";
  EXPECT_TRUE(config.Header("set-cookie").empty());

  auto visitor = Visitor();
  ASSERT_FALSE(visitor->error()) << visitor->error().message();
  ASSERT_TRUE(visitor->Send({{"type", "message"}, {"text", "Hallo?"}}));
  json refused = visitor->NextOfType("error");
  EXPECT_EQ(refused["status"], 401) << "a message before the start: " << refused.dump();

  ASSERT_TRUE(visitor->Send({{"type", "start"},
                             {"text", "Waar blijft mijn pakket?"},
                             {"name", "Piet Bakker"},
                             {"email", "piet.chat@example.nl"},
                             {"page", "https://shop.example/orders/17"},
                             {"ref", "r1"}}));
  json started = visitor->NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const std::string token = started["token"];
  EXPECT_EQ(started["ref"], "r1");
  EXPECT_EQ(started["chat"]["state"], "waiting");
  EXPECT_EQ(started["message"]["from"], "visitor");
  const int64_t conversation = started["chat"]["conversation_id"];
  json queue = visitor->NextOfType("queue");
  EXPECT_EQ(queue["position"], 1);
  EXPECT_EQ(queue["agents_online"], false);
  const std::string metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("\nluister_chats{state=\"waiting\"} "), std::string::npos) << metrics;
  EXPECT_EQ(metrics.find("\nluister_chat_connections 0\n"), std::string::npos)
      << "the visitor's connection is counted";

  // The agent's side: a chat conversation of the customer the address names.
  auto conv = client_->Get("/api/v1/conversations/" + std::to_string(conversation));
  ASSERT_EQ(conv.status, 200) << conv.body;
  EXPECT_EQ(conv.Json()["channel"], "chat");
  auto record = client_->Get("/api/v1/chats/" + std::to_string(conversation));
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.Json()["state"], "waiting");
  EXPECT_EQ(record.Json()["page_url"], "https://shop.example/orders/17");
  auto customer = client_->Get("/api/v1/customers/lookup?kind=email&value=piet.chat@example.nl");
  ASSERT_EQ(customer.status, 200) << customer.body;
  EXPECT_EQ(customer.Json()["id"], conv.Json()["customer_id"]);

  const std::string base = "/api/v1/chats/" + std::to_string(conversation);
  auto accepted = client_->Post(base + "/accept", json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["state"], "active");
  EXPECT_EQ(client_->Post(base + "/accept", json::object()).status, 409) << "taken already";
  json joined = NextChatNotWaiting(*visitor);
  EXPECT_EQ(joined["chat"]["state"], "active");
  EXPECT_FALSE(joined["chat"]["agent"].is_null());

  EXPECT_EQ(client_->Post(base + "/typing", json::object()).status, 204);
  EXPECT_EQ(visitor->NextOfType("typing")["conversation_id"], conversation);

  auto answer = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                              {{"direction", "out"}, {"body_text", "Ik kijk het na, Piet."}});
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_TRUE(answer.Json()["delivery"].is_null()) << "a chat answer goes over the chat";
  json heard = visitor->NextOfType("message");
  EXPECT_EQ(heard["message"]["text"], "Ik kijk het na, Piet.");
  EXPECT_EQ(heard["message"]["from"], "agent");

  ASSERT_TRUE(visitor->Send({{"type", "message"}, {"text", "Dank je!"}, {"ref", "r2"}}));
  json sent = visitor->NextOfType("sent");
  EXPECT_EQ(sent["ref"], "r2");
  auto thread = client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
                    .Json()["items"];
  ASSERT_EQ(thread.size(), 3u);
  EXPECT_EQ(thread[2]["body_text"], "Dank je!");

  // Back later (another tab, or after a reload) with the token: the history.
  auto back = Visitor();
  ASSERT_TRUE(back->Send({{"type", "hello"}, {"token", token}}));
  json welcome = back->NextOfType("welcome");
  ASSERT_EQ(welcome["messages"].size(), 3u) << welcome.dump();
  EXPECT_EQ(welcome["chat"]["state"], "active");
  // ... and with the history since a message only.
  auto since = Visitor();
  ASSERT_TRUE(since->Send({{"type", "hello"}, {"token", token}, {"after", sent["message"]["id"]}}));
  EXPECT_EQ(since->NextOfType("welcome")["messages"].size(), 0u);

  // Continue on another device: a link by e-mail to the address given.
  ASSERT_TRUE(visitor->Send({{"type", "link"}}));
  ASSERT_EQ(visitor->NextOfType("link_sent")["type"], "link_sent");
  const json mailed =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
          .Json()["items"]
          .back();
  EXPECT_EQ(mailed["automatic"], true);
  EXPECT_EQ(mailed["delivery"], "queued") << "it goes out by e-mail";
  const std::string body = mailed["body_text"];
  const size_t at = body.find("https://shop.example/orders/17#luister-chat=");
  ASSERT_NE(at, std::string::npos) << body;
  const size_t from = body.find('=', at) + 1;
  const std::string link = body.substr(from, body.find('\n', from) - from);
  auto other_device = Visitor();
  ASSERT_TRUE(other_device->Send({{"type", "hello"}, {"link", link}}));
  json continued = other_device->NextOfType("welcome");
  EXPECT_EQ(continued["messages"].size(), 3u) << "the history, without the e-mailed link";
  ASSERT_TRUE(continued["token"].is_string()) << "a token of its own";
  EXPECT_NE(continued["token"], token);
  auto not_a_link = Visitor();
  ASSERT_TRUE(not_a_link->Send({{"type", "hello"}, {"link", token}}));
  EXPECT_EQ(not_a_link->NextOfType("error")["status"], 401) << "a visitor token is no link";

  // The visitor ends it.
  ASSERT_TRUE(back->Send({{"type", "end"}}));
  EXPECT_EQ(visitor->NextOfType("chat")["chat"]["state"], "ended");
  EXPECT_EQ(client_->Get(base).Json()["state"], "ended");

  // The contact volume (C8) counts the chat and its wait in the queue, once
  // the rollup job has read it.
  json total;
  for (int i = 0; i < 200; ++i) {
    auto m =
        client_->Get("/api/v1/volume/heatmap?channel=chat&department_id=" + std::to_string(dept_));
    ASSERT_EQ(m.status, 200) << m.body;
    total = m.Json()["total"];
    if (total["chats_answered"].get<int64_t>() >= 1 && total["avg_handle_seconds"].is_number())
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(total["opened"], 1) << total;
  EXPECT_EQ(total["chats_offered"], 1);
  EXPECT_EQ(total["chats_answered"], 1);
  EXPECT_EQ(total["chats_abandoned"], 0);
  ASSERT_TRUE(total["avg_wait_seconds"].is_number()) << total;
  EXPECT_LT(total["avg_wait_seconds"].get<double>(), 60);
  // Accepted to ended: the chat's handle time, for the staffing's AHT.
  ASSERT_TRUE(total["avg_handle_seconds"].is_number()) << total;
  EXPECT_LT(total["avg_handle_seconds"].get<double>(), 120);
}

// The self-service assistant (docs/assistant.md): it answers from the
// published library only, asks whether it helped, hands over when it did
// not, when nothing matched or when the customer asks for a person, and
// the chat it hands to starts with the whole transcript.
TEST_F(ChatTest, TheAssistantAnswersFromTheLibraryAndHandsOverWithTheTranscript) {
  const std::string me = std::to_string(n_);
  auto made = client_->Post("/api/v1/answers",
                            {{"topic", "Bezorging " + me},
                             {"nl",
                              {{"title", "Hoe lang duurt de bezorging?"},
                               {"body", "Wij bezorgen uw bestelling binnen 2 werkdagen."}}},
                             {"en",
                              {{"title", "How long does delivery take?"},
                               {"body", "We deliver your order within 2 working days."}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t answer = made.Json()["id"];
  const std::string url = "/api/v1/answers/" + std::to_string(answer);
  ASSERT_EQ(client_->Post(url + "/submit", {{"version", 1}}).status, 200);
  ASSERT_EQ(client_->Post(url + "/publish", {{"version", 2}}).status, 200);

  HttpClient page(server_->port());
  const std::vector<std::pair<std::string, std::string>> shop = {{"Origin", kShop},
                                                                 {"Content-Type", "text/plain"}};
  const std::string base = "/api/v1/widget/" + slug_;
  auto config = page.Send("GET", base, "", {{"Origin", kShop}});
  EXPECT_EQ(config.Json()["assistant"], true) << config.body;

  // Answered with the published text, and which answer it was.
  auto asked = page.Send(
      "POST", base + "/assistant",
      json{{"text", "Hoe lang duurt het voor mijn bestelling bezorgd wordt?"}, {"lang", "nl"}}
          .dump(),
      shop);
  ASSERT_EQ(asked.status, 200) << asked.body;
  EXPECT_EQ(asked.Header("access-control-allow-origin"), kShop);
  const json first = asked.Json();
  EXPECT_EQ(first["outcome"], "answered") << first;
  EXPECT_EQ(first["answer"]["id"], answer);
  EXPECT_EQ(first["answer"]["number"], 1);
  EXPECT_EQ(first["answer"]["text"], "Wij bezorgen uw bestelling binnen 2 werkdagen.");
  EXPECT_TRUE(first["handover"].is_null());
  const std::string session = first["session"];
  ASSERT_FALSE(session.empty());

  // It did not help: a person, honestly nobody now (no agent online).
  auto no = page.Send(
      "POST", base + "/assistant/feedback",
      json{{"session", session}, {"turn_id", first["turn_id"]}, {"helped", false}}.dump(), shop);
  ASSERT_EQ(no.status, 200) << no.body;
  EXPECT_EQ(no.Json()["handover"]["reason"], "not_helped");
  EXPECT_EQ(no.Json()["available"], false);
  EXPECT_NE(no.Json()["handover"]["text"].get<std::string>().find("niemand beschikbaar"),
            std::string::npos);
  // Asking for a person in words.
  auto human = page.Send(
      "POST", base + "/assistant",
      json{{"text", "Ik wil gewoon een medewerker spreken"}, {"session", session}}.dump(), shop);
  ASSERT_EQ(human.status, 200) << human.body;
  EXPECT_EQ(human.Json()["outcome"], "handover");
  EXPECT_EQ(human.Json()["handover"]["reason"], "asked");
  EXPECT_EQ(human.Json()["session"], session);
  // Nothing matches: handed over, and kept as a knowledge gap.
  const std::string odd = "Kan ik in de winkel met bitcoin afrekenen op zondag?";
  auto none = page.Send("POST", base + "/assistant", json{{"text", odd}}.dump(), shop);
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(none.Json()["outcome"], "no_match") << none.body;
  EXPECT_EQ(none.Json()["handover"]["reason"], "no_match");
  EXPECT_NE(none.Json()["session"], session) << "a new browser, a new session";
  auto gaps = client_->Get("/api/v1/answers/gaps");
  ASSERT_EQ(gaps.status, 200) << gaps.body;
  bool listed = false;
  const json groups = gaps.Json()["groups"];
  for (const json& g : groups)
    for (const json& e : g["examples"]) listed = listed || e["text"] == odd;
  EXPECT_TRUE(listed) << gaps.body;

  // Bad input: named, nothing kept.
  EXPECT_EQ(page.Send("POST", base + "/assistant", json{{"text", 3}}.dump(), shop).status, 400);
  EXPECT_EQ(page.Send("POST", base + "/assistant", "{nope", shop).status, 400);
  EXPECT_EQ(
      page.Send("POST", "/api/v1/widget/nope/assistant", json{{"text", "x"}}.dump(), shop).status,
      404);
  EXPECT_EQ(page.Send("POST", base + "/assistant", json{{"text", "x"}}.dump(),
                      {{"Origin", "https://evil.example"}})
                .status,
            403);
  EXPECT_EQ(page.Send("POST", base + "/assistant/feedback",
                      json{{"session", "forged"}, {"turn_id", 1}, {"helped", true}}.dump(), shop)
                .status,
            404);

  // The hand-over: the chat's first note is the transcript.
  auto visitor = Visitor();
  ASSERT_TRUE(visitor->Send({{"type", "start"},
                             {"text", "Hoe lang duurt het voor mijn bestelling bezorgd wordt?"},
                             {"assistant", session}}));
  json started = visitor->NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const std::string messages = "/api/v1/conversations/" +
                               std::to_string(started["chat"]["conversation_id"].get<int64_t>()) +
                               "/messages";
  std::string note;
  for (int i = 0; i < 100 && note.empty(); ++i) {
    const json thread = client_->Get(messages).Json()["items"];
    for (const json& m : thread)
      if (m["internal"] == true) note = m["body_text"];
    if (note.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(note.find("Via de assistent"), std::string::npos) << note;
  EXPECT_NE(note.find("Hoe lang duurt de bezorging? (#" + std::to_string(answer) + ", versie 1)"),
            std::string::npos)
      << note;
  EXPECT_NE(note.find("Hielp het? nee"), std::string::npos) << note;
  EXPECT_NE(note.find("de klant vroeg om een medewerker"), std::string::npos) << note;

  // The measures.
  auto stats = client_->Get("/api/v1/assistant/stats?days=7");
  ASSERT_EQ(stats.status, 200) << stats.body;
  const json st = stats.Json();
  EXPECT_EQ(st["sessions"], 2) << st;
  EXPECT_EQ(st["questions"], 3) << st;
  EXPECT_EQ(st["answered"], 1) << st;
  EXPECT_EQ(st["no_match"], 1) << st;
  EXPECT_EQ(st["handed_over"], 1) << st;
  EXPECT_EQ(st["handover_reasons"]["asked"], 1) << st;
  ASSERT_EQ(st["answers"].size(), 1u) << st;
  EXPECT_EQ(st["answers"][0]["shown"], 1);
  EXPECT_EQ(st["answers"][0]["not_helped"], 1);
  EXPECT_EQ(client_->Get("/api/v1/assistant/stats?days=0").status, 400);
  EXPECT_NE(
      client_->Get("/metrics").body.find("luister_assistant_handovers_total{outcome=\"noted\"} 1"),
      std::string::npos);
}

TEST_F(ChatTest, TheHelpPageShowsThePublishedAnswersAndTheDesksOwnPagesMayAsk) {
  const std::string me = std::to_string(n_);
  auto made = client_->Post(
      "/api/v1/answers",
      {{"topic", "retour_" + me},
       {"nl",
        {{"title", "Retourneren <b>" + me + "</b>"},
         {"body", "U kunt artikelen binnen 30 dagen gratis retourneren via Mijn bestellingen."}}},
       {"en",
        {{"title", "Returns " + me},
         {"body", "You can return items free of charge within 30 days via My orders."}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t answer = made.Json()["id"];
  const std::string url = "/api/v1/answers/" + std::to_string(answer);
  ASSERT_EQ(client_->Post(url + "/submit", {{"version", 1}}).status, 200);
  // Drafts are not on the page; published answers are.
  HttpClient visitor(server_->port());
  EXPECT_EQ(visitor.Get("/help/" + slug_).body.find("Retourneren"), std::string::npos);
  ASSERT_EQ(client_->Post(url + "/publish", {{"version", 2}}).status, 200);

  auto page = visitor.Get("/help/" + slug_);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(page.body.find("Retourneren &lt;b&gt;" + me + "&lt;/b&gt;"), std::string::npos)
      << "escaped";
  EXPECT_NE(page.body.find("id=\"answer-" + std::to_string(answer) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("<h3>Retour " + me + "</h3>"), std::string::npos) << "by topic";
  EXPECT_NE(page.body.find("<script src=\"/widget.js\" data-queue=\"" + slug_ + "\""),
            std::string::npos)
      << "the widget hands over";
  EXPECT_NE(page.body.find("<script src=\"/help.js\""), std::string::npos);
  EXPECT_NE(page.Header("content-security-policy").find("script-src 'self'"), std::string::npos);

  // In English, by ?lang= or the browser's preference.
  auto english = visitor.Send("GET", "/help/" + slug_, "", {{"Accept-Language", "en-GB,en"}});
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english.body.find("Returns " + me), std::string::npos);
  EXPECT_NE(visitor.Get("/help/" + slug_ + "?lang=en").body.find("Talk to a person"),
            std::string::npos);

  // Without JavaScript a question lists the matching answers, open.
  auto asked = visitor.Get("/help/" + slug_ + "?q=Hoe%20lang%20kan%20ik%20iets%20retourneren%3F");
  ASSERT_EQ(asked.status, 200);
  EXPECT_NE(asked.body.find("Antwoorden bij uw vraag"), std::string::npos) << asked.body;
  EXPECT_NE(asked.body.find("id=\"answer-" + std::to_string(answer) + "\" lang=\"nl\" open"),
            std::string::npos);
  auto none = visitor.Get("/help/" + slug_ + "?q=qwertyuiop%20zxcvbnm%20%3Cscript%3E");
  EXPECT_NE(none.body.find("geen antwoord op gevonden"), std::string::npos);
  EXPECT_NE(none.body.find("value=\"qwertyuiop zxcvbnm &lt;script&gt;\""), std::string::npos);
  EXPECT_EQ(none.body.find("<script>"), std::string::npos);

  auto missing = visitor.Get("/help/no-such-help");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("Deze hulppagina bestaat niet."), std::string::npos);
  auto css = visitor.Get("/help/help.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");

  // The page lives on the desk's own address, which the widget's allowed
  // origins need not list: the desk's own pages may always ask; others not.
  auto own =
      visitor.Send("POST", "/api/v1/widget/" + slug_ + "/assistant",
                   json{{"text", "Hoe lang heb ik om iets te retourneren?"}, {"lang", "nl"}}.dump(),
                   {{"Origin", "http://127.0.0.1"}, {"Content-Type", "text/plain"}});
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Json()["answer"]["id"], answer) << own.body;
  EXPECT_EQ(visitor
                .Send("GET", "/api/v1/widget/" + slug_, "",
                      {{"Origin", "http://127.0.0.2"}, {"Content-Type", "text/plain"}})
                .status,
            403);
}

TEST_F(ChatTest, ForeignPagesForgedTokensAndBadFramesAreRefused) {
  HttpClient page(server_->port());
  EXPECT_EQ(
      page.Send("GET", "/api/v1/widget/" + slug_, "", {{"Origin", "https://evil.example"}}).status,
      403);
  EXPECT_EQ(page.Get("/api/v1/widget/no-such-widget").status, 404);
  auto foreign = Visitor("https://evil.example");
  EXPECT_EQ(foreign->error(), websocket::error::upgrade_declined);

  auto a = Visitor();
  ASSERT_TRUE(a->Send({{"type", "start"}, {"text", "Vraag van A"}}));
  const std::string token_a = a->NextOfType("started")["token"];
  auto b = Visitor();
  ASSERT_TRUE(b->Send({{"type", "start"}, {"text", "Vraag van B"}}));
  json b_started = b->NextOfType("started");
  // B's token opens B's history only.
  auto b_back = Visitor();
  ASSERT_TRUE(b_back->Send({{"type", "hello"}, {"token", b_started["token"]}}));
  json welcome = b_back->NextOfType("welcome");
  ASSERT_EQ(welcome["messages"].size(), 1u);
  EXPECT_EQ(welcome["messages"][0]["text"], "Vraag van B");

  // A token with another visitor's number is refused.
  std::string forged = token_a;
  const size_t first = forged.find('.') + 1;
  forged.replace(first, forged.find('.', first) - first, "999999");
  auto c = Visitor();
  ASSERT_TRUE(c->Send({{"type", "hello"}, {"token", forged}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 401);

  ASSERT_TRUE(c->Send(json("not an object")));
  EXPECT_EQ(c->NextOfType("error")["status"], 400);
  ASSERT_TRUE(c->Send({{"type", "dance"}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 400) << "no such frame";
  ASSERT_TRUE(c->Send({{"type", "typing"}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 401) << "nothing but hello or start before";
  ASSERT_TRUE(c->Send({{"type", "start"}, {"text", 42}}));
  json typed = c->NextOfType("error");
  EXPECT_EQ(typed["status"], 400);
  EXPECT_EQ(typed["errors"][0]["field"], "text");
  ASSERT_TRUE(c->Send({{"type", "start"}, {"text", "   "}}));
  json empty = c->NextOfType("error");
  EXPECT_EQ(empty["status"], 400);
  EXPECT_EQ(empty["errors"][0]["field"], "text");
}

// multipart/form-data as a browser's FormData sends it: the visitor's token
// and one file.
std::string FilePost(const std::string& token, const std::string& filename,
                     const std::string& bytes, const std::string& boundary) {
  std::string b = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" +
                  token + "\r\n";
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
       filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
  return b + "--" + boundary + "--\r\n";
}

TEST_F(ChatTest, AVisitorSendsAFileAndBothSidesSeeWhatTheOtherHasRead) {
  auto visitor = Visitor();
  ASSERT_TRUE(visitor->Send({{"type", "start"}, {"text", "Mijn pakket is kapot"}}));
  json started = visitor->NextOfType("started");
  const std::string token = started["token"];
  const int64_t conversation = started["chat"]["conversation_id"];
  const int64_t first = started["message"]["id"];
  const std::string base = "/api/v1/chats/" + std::to_string(conversation);
  ASSERT_EQ(client_->Post(base + "/accept", json::object()).status, 200);
  ASSERT_EQ(NextChatState(*visitor), "active");

  // A picture from the widget: a message of its own, to both sides.
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x');
  const std::string path = "/api/v1/widget/" + slug_ + "/files";
  const std::string form_type = "multipart/form-data; boundary=lc-b0undary";
  HttpClient page(server_->port());
  auto sent = page.Send("POST", path, FilePost(token, "foto kapot.png", png, "lc-b0undary"),
                        {{"Origin", kShop}, {"Content-Type", form_type}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.Header("access-control-allow-origin"), kShop);
  EXPECT_EQ(sent.Json()["conversation_id"], conversation);
  json heard = visitor->NextOfType("message");
  EXPECT_EQ(heard["message"]["id"], sent.Json()["message_id"]);
  ASSERT_EQ(heard["message"]["files"].size(), 1u) << heard.dump();
  EXPECT_EQ(heard["message"]["files"][0]["name"], "foto kapot.png");
  EXPECT_EQ(heard["message"]["files"][0]["type"], "image/png") << "told by its bytes";
  const json thread =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
          .Json()["items"];
  const json& stored = thread.back();
  EXPECT_EQ(stored["direction"], "in");
  ASSERT_EQ(stored["attachments"].size(), 1u);
  auto download = client_->Get("/api/v1/attachments/" +
                               std::to_string(stored["attachments"][0]["id"].get<int64_t>()));
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, png) << "stored like an e-mail's attachment";

  // Refused: a program, an empty file, no token, a forged one, a foreign page.
  auto program =
      page.Send("POST", path, FilePost(token, "factuur.pdf", "MZ\x90\x00binary", "b1"),
                {{"Origin", kShop}, {"Content-Type", "multipart/form-data; boundary=b1"}});
  EXPECT_EQ(program.status, 400) << program.body;
  EXPECT_EQ(program.Json()["errors"][0]["field"], "file");
  auto empty = page.Send("POST", path, FilePost(token, "leeg.txt", "", "b2"),
                         {{"Origin", kShop}, {"Content-Type", "multipart/form-data; boundary=b2"}});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_EQ(page.Send("POST", path, FilePost("", "a.png", png, "b3"),
                      {{"Origin", kShop}, {"Content-Type", "multipart/form-data; boundary=b3"}})
                .status,
            401);
  EXPECT_EQ(page.Send("POST", path, FilePost(token + "x", "a.png", png, "b4"),
                      {{"Origin", kShop}, {"Content-Type", "multipart/form-data; boundary=b4"}})
                .status,
            401);
  EXPECT_EQ(page.Send("POST", path, FilePost(token, "a.png", png, "b5"),
                      {{"Origin", "https://evil.example"},
                       {"Content-Type", "multipart/form-data; boundary=b5"}})
                .status,
            403);
  EXPECT_EQ(page.Send("POST", path, "token=x",
                      {{"Origin", kShop}, {"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            400);
  const std::string big(11u << 20, 'a');
  auto too_big =
      page.Send("POST", path, FilePost(token, "groot.txt", big, "b6"),
                {{"Origin", kShop}, {"Content-Type", "multipart/form-data; boundary=b6"}});
  EXPECT_EQ(too_big.status, 400) << too_big.body.substr(0, 300);
  const std::string metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("luister_chat_files_total{outcome=\"refused\"} "), std::string::npos);
  EXPECT_EQ(client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
                .Json()["items"]
                .size(),
            thread.size())
      << "nothing refused reached the chat";

  // The agent reads the visitor's messages: the widget hears it.
  auto read = client_->Post(base + "/read", {{"message_id", stored["id"]}});
  EXPECT_EQ(read.status, 204) << read.body;
  json seen = visitor->NextOfType("chat");
  EXPECT_EQ(seen["chat"]["agent_read_id"], stored["id"]);
  EXPECT_EQ(client_->Post(base + "/read", {{"message_id", first}}).status, 204)
      << "an older mark is no error";
  EXPECT_EQ(client_->Get(base).Json()["agent_read_id"], stored["id"]) << "and changes nothing";
  EXPECT_EQ(client_->Post(base + "/read", {{"message_id", 999999999}}).status, 404);
  EXPECT_EQ(client_->Post(base + "/read", {{"message_id", "one"}}).status, 400);

  // The visitor reads the agent's answer: the agent's view shows it.
  auto answer =
      client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                    {{"direction", "out"}, {"body_text", "Wat vervelend! Ik stuur een nieuwe."}});
  ASSERT_EQ(answer.status, 201) << answer.body;
  const int64_t answer_id = visitor->NextOfType("message")["message"]["id"];
  ASSERT_TRUE(visitor->Send({{"type", "read"}, {"message_id", answer_id}}));
  json agent_view;
  for (int i = 0; i < 50 && agent_view["visitor_read_id"] != answer_id; ++i) {
    agent_view = client_->Get(base).Json();
    if (agent_view["visitor_read_id"] != answer_id)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(agent_view["visitor_read_id"], answer_id);
  ASSERT_TRUE(visitor->Send({{"type", "read"}}));
  EXPECT_EQ(visitor->NextOfType("error")["status"], 400) << "a read mark names its message";
}

TEST_F(ChatTest, WhenNobodyCanChatAVisitorAsksToBeCalledBackAndThePhoneTeamSeesIt) {
  auto visitor = Visitor();
  ASSERT_TRUE(visitor->Send({{"type", "callback"},
                             {"phone", "06 4321 8765"},
                             {"name", "Els"},
                             {"text", "Over mijn retour"},
                             {"ref", "cb"}}));
  json asked = visitor->Next();
  if (asked["type"] == "error") ADD_FAILURE() << asked.dump();
  ASSERT_TRUE(asked.is_object());
  EXPECT_EQ(asked["ref"], "cb");
  auto list = client_->Get("/api/v1/calls/callbacks?limit=100");
  ASSERT_EQ(list.status, 200) << list.body;
  bool found = false;
  const json items = list.Json()["items"];
  for (const auto& item : items)
    if (item["number"] == "+31643218765") {
      found = true;
      EXPECT_EQ(item["last_outcome"], "callback_requested");
      EXPECT_EQ(item["last_line"], "chat: Klantenservice");
    }
  EXPECT_TRUE(found) << list.body;

  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "geen nummer"}}));
  json bad = visitor->NextOfType("error");
  EXPECT_EQ(bad["status"], 400) << bad.dump();
  // Three per address per hour (the bad one counted too): the next is refused.
  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "06 4321 8766"}}));
  EXPECT_EQ(visitor->NextOfType("callback_requested")["type"], "callback_requested");
  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "06 4321 8767"}}));
  EXPECT_EQ(visitor->NextOfType("error")["status"], 429);
}

TEST_F(ChatTest, OutsideItsOpeningHoursTheWidgetSaysWhenItOpensEvenWithAnAgentOnline) {
  WsClient agent(server_->port(), client_->cookie(), "/api/v1/live");
  ASSERT_FALSE(agent.error()) << agent.error().message();
  ASSERT_EQ(agent.Next()["type"], "hello");
  HttpClient page(server_->port());
  const std::string config_path = "/api/v1/widget/" + slug_;
  json config = page.Get(config_path).Json();
  EXPECT_EQ(config["available"], true) << "no hours: open, and an agent is live";
  EXPECT_EQ(config["open"], true);
  EXPECT_TRUE(config["opens_at"].is_null());

  // Open one hour a day, two hours from now (UTC): closed now.
  const std::string hours = "/api/v1/departments/" + std::to_string(dept_) + "/hours";
  auto shown = client_->Get(hours);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json()["configured"], false);
  EXPECT_EQ(shown.Json()["open_now"], true);
  const auto now = std::chrono::system_clock::now();
  const int hour = static_cast<int>(
      std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() % 24);
  char from[8], to[8];
  std::snprintf(from, sizeof from, "%02d:00", (hour + 2) % 24);
  std::snprintf(to, sizeof to, "%02d:00", (hour + 2) % 24 + 1);
  json span = json::array({{{"from", from}, {"to", to}}});
  json week = json::object();
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    week[day] = span;
  auto set =
      client_->Put(hours, {{"time_zone", "UTC"}, {"public_holidays", nullptr}, {"week", week}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["configured"], true);
  EXPECT_EQ(set.Json()["open_now"], false);
  EXPECT_EQ(set.Json()["week"]["friday"][0]["from"], from);
  const std::string next_open = set.Json()["next_open"];
  EXPECT_NE(next_open.find(std::string("T") + from + ":00"), std::string::npos)
      << "it opens at " << from << " UTC: " << next_open;

  config = page.Get(config_path).Json();
  EXPECT_EQ(config["available"], false) << "closed: nobody is promised, though an agent is live";
  EXPECT_EQ(config["open"], false);
  EXPECT_EQ(config["opens_at"], next_open);
  auto visitor = Visitor();
  ASSERT_TRUE(visitor->Send({{"type", "start"}, {"text", "Zijn jullie er?"}}));
  json queue = visitor->NextOfType("queue");
  EXPECT_EQ(queue["agents_online"], false);
  EXPECT_EQ(queue["open"], false);

  // Mistakes are named by field, and nothing changes.
  auto bad = client_->Put(
      hours,
      {{"time_zone", "UTC"},
       {"week", {{"monday", {{{"from", "25:00"}, {"to", "12:00"}}}}, {"funday", json::array()}}}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  std::set<std::string> fields;
  const json bad_problem = bad.Json();
  for (const auto& e : bad_problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"week.monday[0].from", "week.funday"})) << bad.body;
  auto clash = client_->Put(
      hours, {{"time_zone", "Europe/Atlantis"},
              {"public_holidays", "BE"},
              {"closed_dates", {"2026-13-01"}},
              {"week",
               {{"tuesday",
                 {{{"from", "09:00"}, {"to", "13:00"}}, {{"from", "12:00"}, {"to", "17:00"}}}}}}});
  ASSERT_EQ(clash.status, 400) << clash.body;
  fields.clear();
  const json clash_problem = clash.Json();
  for (const auto& e : clash_problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"time_zone", "week.tuesday", "closed_dates",
                                           "public_holidays"}));
  EXPECT_EQ(client_->Get(hours).Json()["week"]["monday"][0]["from"], from) << "unchanged";
  EXPECT_EQ(client_->Put("/api/v1/departments/987654/hours", {{"time_zone", "UTC"}}).status, 404);
  EXPECT_EQ(client_->Get("/api/v1/departments/987654/hours").status, 404);

  // Always open again.
  EXPECT_EQ(client_->Delete(hours).status, 204);
  config = page.Get(config_path).Json();
  EXPECT_EQ(config["open"], true);
  EXPECT_EQ(config["available"], true);
}

}  // namespace
}  // namespace luister::e2e
