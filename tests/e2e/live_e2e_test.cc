// Live events over the WebSocket, and the web app served by luister.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "http_client.h"
#include "luister_process.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;
using nlohmann::json;

using LiveClient = WsClient;

class LiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<LuisterProcess>();
    client_ = std::make_unique<HttpClient>(server_->port());
    ASSERT_EQ(client_->Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status,
              200);
    dept_ = client_->Post("/api/v1/departments", {{"name", "Live"}}).Json()["id"];
    customer_ = client_->Post("/api/v1/customers", {{"name", "Live Klant"}}).Json()["id"];
    conversation_ =
        client_
            ->Post("/api/v1/conversations",
                   {{"customer_id", customer_}, {"channel", "chat"}, {"department_id", dept_}})
            .Json()["id"];
  }
  std::string MessagesPath() const {
    return "/api/v1/conversations/" + std::to_string(conversation_) + "/messages";
  }

  std::unique_ptr<LuisterProcess> server_;
  std::unique_ptr<HttpClient> client_;
  int64_t dept_ = 0, customer_ = 0, conversation_ = 0;
};

TEST_F(LiveTest, AMessageWrittenThroughTheApiArrivesLive) {
  LiveClient live(server_->port(), client_->cookie(), "/api/v1/live");
  ASSERT_FALSE(live.error()) << live.error().message();
  json hello = live.Next();
  ASSERT_EQ(hello["type"], "hello");
  ASSERT_EQ(client_->Post(MessagesPath(), {{"direction", "in"}, {"body_text", "Hallo?"}}).status,
            201);
  json event = live.NextOfType("message.created");
  ASSERT_FALSE(event.is_null());
  EXPECT_EQ(event["conversation_id"], conversation_);
  EXPECT_EQ(event["customer_id"], customer_);
  EXPECT_GT(event["seq"].get<int64_t>(), hello["seq"].get<int64_t>());
  json status = live.NextOfType("conversation.updated");
  EXPECT_EQ(status["conversation_id"], conversation_);
}

TEST_F(LiveTest, AReconnectingClientCatchesUp) {
  int64_t since;
  {
    LiveClient live(server_->port(), client_->cookie(), "/api/v1/live");
    since = live.Next()["seq"];
  }
  client_->Post(MessagesPath(), {{"direction", "in"}, {"body_text", "one"}});
  client_->Post(MessagesPath(), {{"internal", true}, {"body_text", "two"}});
  LiveClient again(server_->port(), client_->cookie(),
                   "/api/v1/live?since=" + std::to_string(since));
  ASSERT_FALSE(again.error());
  EXPECT_EQ(again.Next()["type"], "hello");
  int messages = 0;
  for (json f = again.Next(std::chrono::milliseconds(500)); !f.is_null();
       f = again.Next(std::chrono::milliseconds(500))) {
    EXPECT_GT(f["seq"].get<int64_t>(), since);
    if (f["type"] == "message.created") ++messages;
  }
  EXPECT_EQ(messages, 2);
}

// A stream ends with the access it was opened under: logging out, and an
// administrator deactivating or changing the user, close it; the same
// session cannot open a new one after logout.
TEST_F(LiveTest, StreamsEndWithLogoutAndWithChangesToTheUser) {
  LiveClient live(server_->port(), client_->cookie(), "/api/v1/live");
  ASSERT_EQ(live.Next()["type"], "hello");
  const std::string cookie = client_->cookie();
  ASSERT_EQ(client_->Delete("/api/v1/session").status, 204);
  EXPECT_TRUE(live.ClosedWithin()) << "the stream outlived the logout";
  LiveClient after(server_->port(), cookie, "/api/v1/live");
  EXPECT_EQ(after.error(), websocket::error::upgrade_declined);

  ASSERT_EQ(client_->Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status,
            200);
  auto agent = client_->Post("/api/v1/users", {{"email", "live-agent@example.nl"},
                                               {"name", "Lotte Live"},
                                               {"role", "agent"},
                                               {"password", "zilveren-kikker-wandelt-9"}});
  ASSERT_EQ(agent.status, 201) << agent.body;
  const std::string agent_path =
      "/api/v1/users/" + std::to_string(agent.Json()["id"].get<int64_t>());
  HttpClient lotte(server_->port());
  ASSERT_EQ(lotte.Login("live-agent@example.nl", "zilveren-kikker-wandelt-9").status, 200);
  LiveClient lotte_live(server_->port(), lotte.cookie(), "/api/v1/live");
  ASSERT_EQ(lotte_live.Next()["type"], "hello");
  LiveClient admin_live(server_->port(), client_->cookie(), "/api/v1/live");
  ASSERT_EQ(admin_live.Next()["type"], "hello");
  ASSERT_EQ(client_->Patch(agent_path, {{"role", "manager"}}).status, 200);
  EXPECT_TRUE(lotte_live.ClosedWithin()) << "a new role ends the old stream";
  EXPECT_FALSE(admin_live.ClosedWithin(std::chrono::milliseconds(500)))
      << "another user's stream stays";
  LiveClient again(server_->port(), lotte.cookie(), "/api/v1/live");
  ASSERT_FALSE(again.error()) << "the session still admits her, under her new role";
  ASSERT_EQ(again.Next()["type"], "hello");
  ASSERT_EQ(client_->Patch(agent_path, {{"active", false}}).status, 200);
  EXPECT_TRUE(again.ClosedWithin()) << "deactivation ends it";
  LiveClient gone(server_->port(), lotte.cookie(), "/api/v1/live");
  EXPECT_EQ(gone.error(), websocket::error::upgrade_declined);
}

TEST_F(LiveTest, UpgradesNeedASessionAndOurOrigin) {
  LiveClient anonymous(server_->port(), "", "/api/v1/live");
  EXPECT_EQ(anonymous.error(), websocket::error::upgrade_declined);
  LiveClient foreign(server_->port(), client_->cookie(), "/api/v1/live",
                     "https://evil.example.com");
  EXPECT_EQ(foreign.error(), websocket::error::upgrade_declined);
  LiveClient same(server_->port(), client_->cookie(), "/api/v1/live",
                  "http://127.0.0.1:" + std::to_string(server_->port()));
  EXPECT_FALSE(same.error()) << same.error().message();
  // The scheme counts too, and so does the port.
  const std::vector<std::string> odd_origins = {
      "evil://127.0.0.1:" + std::to_string(server_->port()),
      "http://127.0.0.1:" + std::to_string(server_->port() + 1), "http://127.0.0.1"};
  for (const std::string& origin : odd_origins) {
    LiveClient odd(server_->port(), client_->cookie(), "/api/v1/live", origin);
    EXPECT_EQ(odd.error(), websocket::error::upgrade_declined) << origin;
  }

  // The refusals are problem+json with the right status.
  const std::vector<std::pair<std::string, std::string>> upgrade = {
      {"Upgrade", "websocket"},
      {"Connection", "Upgrade"},
      {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
      {"Sec-WebSocket-Version", "13"}};
  HttpClient anon(server_->port());
  auto r401 = anon.Send("GET", "/api/v1/live", "", upgrade);
  EXPECT_EQ(r401.status, 401);
  EXPECT_EQ(r401.Header("content-type"), "application/problem+json");
  auto with_origin = upgrade;
  with_origin.emplace_back("Origin", "https://evil.example.com");
  EXPECT_EQ(client_->Send("GET", "/api/v1/live", "", with_origin).status, 403);
  EXPECT_EQ(client_->Send("GET", "/api/v1/elsewhere", "", upgrade).status, 404);
  EXPECT_EQ(client_->Get("/api/v1/live").status, 426);
}

// Two nodes on one PostgreSQL database, as behind a load balancer. Runs only
// in the PostgreSQL registration (tests/e2e/CMakeLists.txt).
TEST(MultiNodeTest, NodesShareSessionsLiveEventsAndDataAndACrashLosesNothing) {
  ASSERT_NE(std::getenv("LUISTER_TEST_PG_DIR"), nullptr)
      << "two nodes need PostgreSQL: run through ctest (postgres/MultiNodeTest.*)";
  LuisterProcess a;
  auto b = LuisterProcess::JoinDatabaseOf(a);
  HttpClient on_a(a.port());
  ASSERT_EQ(on_a.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  HttpClient on_b(b->port());
  on_b.ShareSessionOf(on_a);
  ASSERT_EQ(on_b.Get("/api/v1/session").status, 200) << "a session made on A is valid on B";

  int64_t dept = on_a.Post("/api/v1/departments", {{"name", "Nodes"}}).Json()["id"];
  int64_t customer = on_a.Post("/api/v1/customers", {{"name", "Twee Nodes"}}).Json()["id"];
  int64_t conversation =
      on_a.Post("/api/v1/conversations",
                {{"customer_id", customer}, {"channel", "chat"}, {"department_id", dept}})
          .Json()["id"];
  std::string messages = "/api/v1/conversations/" + std::to_string(conversation) + "/messages";

  LiveClient live_b(b->port(), on_a.cookie(), "/api/v1/live");
  ASSERT_FALSE(live_b.error()) << live_b.error().message();
  ASSERT_EQ(live_b.Next()["type"], "hello");
  ASSERT_EQ(on_a.Post(messages, {{"direction", "in"}, {"body_text", "via A"}}).status, 201);
  json event = live_b.NextOfType("message.created");
  ASSERT_FALSE(event.is_null()) << "a message written through A reaches a browser on B";
  EXPECT_EQ(event["conversation_id"], conversation);

  // A crashes right after answering: what it acknowledged is there for B.
  ASSERT_EQ(on_a.Post(messages, {{"direction", "in"}, {"body_text", "last words"}}).status, 201);
  a.Kill();
  json thread = on_b.Get(messages).Json();
  ASSERT_EQ(thread["items"].size(), 2u);
  EXPECT_EQ(thread["items"][1]["body_text"], "last words");
  json audit = on_b.Get("/api/v1/audit?action=create").Json();
  int creates = 0;
  for (const auto& e : audit["items"])
    if (e["entity"] == "message") ++creates;
  EXPECT_EQ(creates, 2) << "the audit entries of A's changes survived the crash";
}

// A visitor's chat on node A, its agent on node B: the widget hears the
// agent's accept, typing and answer through the shared event stream, and
// the visitor's token made on A is good on B.
TEST(MultiNodeTest, AChatOnOneNodeIsAnsweredFromTheOther) {
  ASSERT_NE(std::getenv("LUISTER_TEST_PG_DIR"), nullptr)
      << "two nodes need PostgreSQL: run through ctest (postgres/MultiNodeTest.*)";
  LuisterProcess a;
  auto b = LuisterProcess::JoinDatabaseOf(a);
  HttpClient on_b(b->port());
  ASSERT_EQ(on_b.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  int64_t dept = on_b.Post("/api/v1/departments", {{"name", "Chat nodes"}}).Json()["id"];
  int64_t queue =
      on_b.Post("/api/v1/queues", {{"department_id", dept}, {"name", "Chat"}}).Json()["id"];
  ASSERT_EQ(on_b.Post("/api/v1/chat-widgets",
                      {{"slug", "two-nodes"}, {"name", "Chat"}, {"queue_id", queue}})
                .status,
            201);

  WsClient visitor(a.port(), "", "/api/v1/widget/two-nodes/live");
  ASSERT_FALSE(visitor.error()) << visitor.error().message();
  ASSERT_TRUE(visitor.Send({{"type", "start"}, {"text", "Hallo vanaf node A"}}));
  json started = visitor.NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const int64_t chat = started["chat"]["conversation_id"];
  const std::string base = "/api/v1/chats/" + std::to_string(chat);

  ASSERT_EQ(on_b.Post(base + "/accept", json::object()).status, 200);
  EXPECT_EQ(NextChatNotWaiting(visitor)["chat"]["state"], "active");
  ASSERT_EQ(on_b.Post(base + "/typing", json::object()).status, 204);
  EXPECT_EQ(visitor.NextOfType("typing")["conversation_id"], chat);
  ASSERT_EQ(on_b.Post("/api/v1/conversations/" + std::to_string(chat) + "/messages",
                      {{"direction", "out"}, {"body_text", "Antwoord vanaf node B"}})
                .status,
            201);
  EXPECT_EQ(visitor.NextOfType("message")["message"]["text"], "Antwoord vanaf node B");

  // The token made on A opens the history on B.
  WsClient back(b->port(), "", "/api/v1/widget/two-nodes/live");
  ASSERT_TRUE(back.Send({{"type", "hello"}, {"token", started["token"]}}));
  EXPECT_EQ(back.NextOfType("welcome")["messages"].size(), 2u);
}

// Whether the widget's page on `client`'s node says a person is there,
// polled until it says `want` or 20 s pass (a node beats every 5 s).
bool WidgetSaysAvailable(HttpClient& client, const std::string& slug, bool want) {
  bool available = !want;
  for (int i = 0; i < 200 && available != want; ++i) {
    auto r = client.Get("/api/v1/widget/" + slug);
    if (r.status == 200) available = r.Json()["available"].get<bool>();
    if (available != want) usleep(100 * 1000);
  }
  return available;
}

// The agent is live in a browser on node B; the visitor's page is served by
// node A: A's widget must say a person is there, and stop saying so once
// the agent's browser is gone.
TEST(MultiNodeTest, AnAgentLiveOnOneNodeIsThereForTheWidgetOnTheOther) {
  ASSERT_NE(std::getenv("LUISTER_TEST_PG_DIR"), nullptr)
      << "two nodes need PostgreSQL: run through ctest (postgres/MultiNodeTest.*)";
  LuisterProcess a({"--node-name", "node-a"});
  auto b = LuisterProcess::JoinDatabaseOf(a, {"--node-name", "node-b"});
  HttpClient on_b(b->port());
  ASSERT_EQ(on_b.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  int64_t dept = on_b.Post("/api/v1/departments", {{"name", "Aanwezig"}}).Json()["id"];
  int64_t queue =
      on_b.Post("/api/v1/queues", {{"department_id", dept}, {"name", "Chat"}}).Json()["id"];
  ASSERT_EQ(on_b.Post("/api/v1/chat-widgets",
                      {{"slug", "presence"}, {"name", "Chat"}, {"queue_id", queue}})
                .status,
            201);
  HttpClient on_a(a.port());
  EXPECT_FALSE(on_a.Get("/api/v1/widget/presence").Json()["available"].get<bool>())
      << "nobody is live anywhere";
  {
    WsClient agent(b->port(), on_b.cookie(), "/api/v1/live");
    ASSERT_FALSE(agent.error()) << agent.error().message();
    ASSERT_EQ(agent.Next()["type"], "hello");
    EXPECT_TRUE(WidgetSaysAvailable(on_a, "presence", true))
        << "node A learns from the store that an agent is live on node B";
  }
  EXPECT_FALSE(WidgetSaysAvailable(on_a, "presence", false))
      << "once the agent's browser is gone, node A stops promising a person";
  auto metrics = on_b.Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("luister_presence_beats_total{outcome=\"ok\"}"), std::string::npos);
}

// The job's record, polled until `done` says so or 20 s pass.
template <typename Done>
json PollJob(HttpClient& client, int64_t id, Done done) {
  json job;
  for (int i = 0; i < 1000; ++i) {
    auto r = client.Get("/api/v1/jobs/" + std::to_string(id));
    if (r.status == 200) {
      job = r.Json();
      if (done(job)) break;
    }
    usleep(20 * 1000);
  }
  return job;
}

TEST(MultiNodeTest, JobsRunOnceAcrossNodesAndADeadNodesJobIsTakenOver) {
  ASSERT_NE(std::getenv("LUISTER_TEST_PG_DIR"), nullptr)
      << "two nodes need PostgreSQL: run through ctest (postgres/MultiNodeTest.*)";
  LuisterProcess a({"--node-name", "node-a", "--job-lease", "2", "--job-threads", "2"});
  auto b = LuisterProcess::JoinDatabaseOf(
      a, {"--node-name", "node-b", "--job-lease", "2", "--job-threads", "2"});
  HttpClient on_a(a.port());
  ASSERT_EQ(on_a.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  HttpClient on_b(b->port());
  on_b.ShareSessionOf(on_a);
  int64_t customer = on_a.Post("/api/v1/customers", {{"name", "Eens Geëxporteerd"}}).Json()["id"];
  std::string exports = "/api/v1/customers/" + std::to_string(customer) + "/exports";

  // Both nodes' runners compete for the same jobs: each runs exactly once.
  constexpr int kJobs = 24;
  std::vector<int64_t> ids;
  for (int i = 0; i < kJobs; ++i) {
    auto r = (i % 2 ? on_b : on_a).Post(exports, json::object());
    ASSERT_EQ(r.status, 202) << r.body;
    ids.push_back(r.Json()["id"]);
  }
  std::set<std::string> workers;
  for (int64_t id : ids) {
    json job = PollJob(on_a, id, [](const json& j) { return j["state"] == "done"; });
    ASSERT_EQ(job["state"], "done") << job.dump();
    EXPECT_EQ(job["attempts"], 1) << "job " << id << " was claimed more than once";
    workers.insert(job["worker"].get<std::string>());
  }
  for (const auto& w : workers) EXPECT_TRUE(w == "node-a" || w == "node-b") << w;
  EXPECT_EQ(
      on_b.Get("/api/v1/jobs/" + std::to_string(ids[0]) + "/result").Json()["customer"]["name"],
      "Eens Geëxporteerd")
      << "a result made on one node is fetched through another";
  a.Stop();
  b->Stop();

  // Node C takes a job and is SIGKILLed while it holds it (a failpoint holds
  // it between finishing the work and recording it: the worst moment).
  auto c = LuisterProcess::JoinDatabaseOf(a, {"--node-name", "node-c", "--job-lease", "2"},
                                          {"LUISTER_FAILPOINTS=jobs.before_complete=sleep(60000)"});
  HttpClient on_c(c->port());
  on_c.ShareSessionOf(on_a);
  auto r = on_c.Post(exports, json::object());
  ASSERT_EQ(r.status, 202) << r.body;
  int64_t orphan = r.Json()["id"];
  json held = PollJob(on_c, orphan, [](const json& j) { return j["state"] == "running"; });
  ASSERT_EQ(held["state"], "running") << held.dump();
  ASSERT_EQ(held["worker"], "node-c");
  usleep(2500 * 1000);  // past one lease: C keeps renewing while it lives
  EXPECT_EQ(on_c.Get("/api/v1/jobs/" + std::to_string(orphan)).Json()["worker"], "node-c")
      << "a live node's lease is renewed, not taken over";
  c->Kill();

  auto d = LuisterProcess::JoinDatabaseOf(a, {"--node-name", "node-d", "--job-lease", "2"});
  HttpClient on_d(d->port());
  on_d.ShareSessionOf(on_a);
  json taken = PollJob(on_d, orphan, [](const json& j) { return j["state"] == "done"; });
  ASSERT_EQ(taken["state"], "done") << "the dead node's job was picked up again: " << taken.dump();
  EXPECT_EQ(taken["worker"], "node-d");
  EXPECT_EQ(taken["attempts"], 2);
  EXPECT_EQ(on_d.Get("/api/v1/jobs/" + std::to_string(orphan) + "/result").status, 200);
}

// A free TCP port on 127.0.0.1 (closed again; nginx binds it next).
int FreePort() {
  boost::asio::io_context ioc;
  tcp::acceptor a(ioc, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  return a.local_endpoint().port();
}

std::string Replace(std::string s, const std::string& what, const std::string& with) {
  auto at = s.find(what);
  if (at == std::string::npos) throw std::runtime_error("the nginx example lacks " + what);
  return s.replace(at, what.size(), with);
}

// nginx running deploy/nginx/luister.conf, with only its addresses changed
// to the test's: the example a newcomer copies is the one that is tested.
class Nginx {
 public:
  Nginx(int port, int node_a, int node_b) {
    char tmpl[] = "/tmp/luister-nginx-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    std::filesystem::permissions(dir_, std::filesystem::perms::all);
    std::ifstream in(std::string(LUISTER_SOURCE_DIR) + "/deploy/nginx/luister.conf");
    std::string conf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    conf = Replace(conf, "server 127.0.0.1:8081", "server 127.0.0.1:" + std::to_string(node_a));
    conf = Replace(conf, "server 127.0.0.1:8082", "server 127.0.0.1:" + std::to_string(node_b));
    conf = Replace(conf, "listen 8080;", "listen 127.0.0.1:" + std::to_string(port) + ";");
    std::ofstream(dir_ + "/luister.conf") << conf;
    std::ofstream(dir_ + "/nginx.conf")
        << "daemon off;\nworker_processes 1;\npid " << dir_ << "/nginx.pid;\nerror_log " << dir_
        << "/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path " << dir_
        << "/body;\n  proxy_temp_path " << dir_ << "/proxy;\n  fastcgi_temp_path " << dir_
        << "/fcgi;\n  uwsgi_temp_path " << dir_ << "/uwsgi;\n  scgi_temp_path " << dir_
        << "/scgi;\n  include " << dir_ << "/luister.conf;\n}\n";
    pid_ = fork();
    if (pid_ == 0) {
      execl("/usr/sbin/nginx", "nginx", "-p", dir_.c_str(), "-c", (dir_ + "/nginx.conf").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100; ++i) {
      HttpClient probe(port);
      try {
        if (probe.Get("/healthz").status == 200) return;
      } catch (const std::exception&) {
      }
      usleep(50 * 1000);
    }
    std::ifstream err(dir_ + "/error.log");
    std::string log((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    throw std::runtime_error("nginx did not come up: " + log);
  }
  ~Nginx() {
    if (pid_ > 0) {
      kill(pid_, SIGQUIT);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  std::string dir_;
  pid_t pid_ = -1;
};

TEST(MultiNodeTest, TheNginxExampleBalancesTwoNodesAndSurvivesOneDying) {
  ASSERT_NE(std::getenv("LUISTER_TEST_PG_DIR"), nullptr)
      << "two nodes need PostgreSQL: run through ctest (postgres/MultiNodeTest.*)";
  ASSERT_TRUE(std::filesystem::exists("/usr/sbin/nginx"))
      << "nginx is missing: run scripts/setup.sh";
  LuisterProcess a;
  auto b = LuisterProcess::JoinDatabaseOf(a);
  int port = FreePort();
  Nginx lb(port, a.port(), b->port());

  HttpClient web(port);
  ASSERT_EQ(web.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  int64_t dept = web.Post("/api/v1/departments", {{"name", "Balanced"}}).Json()["id"];
  int64_t customer = web.Post("/api/v1/customers", {{"name", "Via Nginx"}}).Json()["id"];
  int64_t conversation =
      web.Post("/api/v1/conversations",
               {{"customer_id", customer}, {"channel", "email"}, {"department_id", dept}})
          .Json()["id"];
  std::string messages = "/api/v1/conversations/" + std::to_string(conversation) + "/messages";
  // One session, whichever node nginx picks for each request.
  for (int i = 0; i < 6; ++i)
    ASSERT_EQ(web.Get("/api/v1/conversations/" + std::to_string(conversation)).status, 200);

  LiveClient live(port, web.cookie(), "/api/v1/live");
  ASSERT_FALSE(live.error()) << "the WebSocket upgrade passes nginx: " << live.error().message();
  ASSERT_EQ(live.Next()["type"], "hello");
  ASSERT_EQ(web.Post(messages, {{"direction", "in"}, {"body_text", "door nginx"}}).status, 201);
  EXPECT_FALSE(live.NextOfType("message.created").is_null());

  a.Kill();
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(web.Get(messages).status, 200) << "nginx moves on to the node that is left";
  EXPECT_EQ(web.Get(messages).Json()["items"].size(), 1u);
}

TEST(WebAppTest, ServesTheAppWithSpaFallbackAndCaching) {
  std::string dir = std::filesystem::temp_directory_path() / "luister-e2e-web";
  std::filesystem::create_directories(dir + "/assets");
  std::ofstream(dir + "/index.html") << "<!doctype html><div id=root></div>";
  std::ofstream(dir + "/assets/index-1a2b.js") << "export const x = 1;";
  LuisterProcess server({"--web-dir", dir});
  HttpClient c(server.port());
  auto index = c.Get("/inbox");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("id=root"), std::string::npos);
  EXPECT_EQ(index.Header("cache-control"), "no-cache");
  auto asset = c.Get("/assets/index-1a2b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.Header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(c.Get("/assets/gone-0000.js").status, 404);
  EXPECT_EQ(c.Get("/api/v1/nothing").Header("content-type"), "application/problem+json");
  EXPECT_EQ(c.Get("/healthz").status, 200);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace luister::e2e
