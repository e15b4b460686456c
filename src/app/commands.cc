#include "app/commands.h"

#include <spdlog/spdlog.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <iostream>
#include <thread>

#include "app/config.h"
#include "app/modules.h"
#include "app/open_store.h"
#include "auth/authenticator.h"
#include "auth/secret_box.h"
#include "auth/visitor_token.h"
#include "channels/email/form_data.h"
#include "channels/email/imap_client.h"
#include "channels/email/mime_composer.h"
#include "channels/email/mime_parser.h"
#include "channels/email/smtp_client.h"
#include "channels/webhook/curl_webhook_poster.h"
#include "common/ticker.h"
#include "demo/demo_loader.h"
#include "demo/demo_mail.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/job_runner.h"
#include "http/api/api_context.h"
#include "http/api/chat_hub.h"
#include "http/live_hub.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "storage/postgres/pg_event_bus.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/transfer/sqlite_to_postgres.h"

namespace luister {

namespace {

// host:pid, unique among the nodes of one database.
std::string DefaultNodeName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "node") + ":" + std::to_string(getpid());
}

}  // namespace

std::string DefaultDatabase(const std::string& data_dir) {
  return "sqlite:" + (std::filesystem::path(data_dir) / "luister.db").string();
}

int RunMigrate(const std::string& db) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail("cannot open the database", store.status());
  auto before = store->schema_version();
  if (!before.ok()) return Fail("cannot read the schema version", before.status());
  auto applied = store->migrate([](int version, const std::string& name) {
    std::cout << "  applying migration " << version << " " << name << "\n" << std::flush;
  });
  if (!applied.ok()) return Fail("migration failed", applied.status());
  std::cout << "migrate: " << *applied << " migration(s) applied; schema version " << *before
            << " -> " << store->latest_version << "\n";
  return 0;
}

int RunMigrateData(const MigrateDataArgs& args) {
  auto from = ParseDatabaseUrl(args.from);
  if (!from.ok()) return Fail("bad --from", from.status());
  auto to = ParseDatabaseUrl(args.to);
  if (!to.ok()) return Fail("bad --to", to.status());
  if (from->engine != DatabaseUrl::Engine::kSqlite ||
      to->engine != DatabaseUrl::Engine::kPostgres) {
    std::cerr << "luister: migrate-data copies from sqlite:PATH to postgres://...\n";
    return kExitUsage;
  }
  if (!std::filesystem::exists(from->location)) {
    std::cerr << "luister: " << from->location << " does not exist\n";
    return kExitUsage;
  }
  transfer::TransferOptions options;
  options.force = args.force;
  std::string current;
  auto started = std::chrono::steady_clock::now();
  options.progress = [&](const std::string& table, int64_t done, int64_t total) {
    if (table != current) {
      if (!current.empty()) std::cout << "\n";
      current = table;
    }
    std::cout << "\r  " << table << ": " << done << "/" << total << std::flush;
  };
  auto reports = transfer::CopySqliteToPostgres(from->location, to->location, options);
  if (!current.empty()) std::cout << "\n";
  if (!reports.ok())
    return Fail(reports.status().code() == StatusCode::kInvalidArgument
                    ? "migrate-data refused"
                    : "migrate-data failed (run it again to resume)",
                reports.status());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int64_t rows = 0;
  for (const auto& r : *reports) {
    rows += r.rows;
    std::cout << "  verified " << r.table << ": " << r.rows << " rows, checksum " << std::hex
              << r.checksum << std::dec << "\n";
  }
  std::cout << "migrate-data: copied and verified " << rows << " rows in " << reports->size()
            << " tables in " << secs << " s to " << RedactDatabaseUrl(args.to) << "\n";
  return 0;
}

int RunDemo(const DemoArgs& args) {
  auto store = OpenStore(args.db);
  if (!store.ok()) return Fail("cannot open the database", store.status());
  if (Status s = CheckSchema(*store); !s.ok()) return Fail("cannot load the demo", s);
  if (args.if_empty) {
    auto n = (*store)->customers().Count();
    if (!n.ok()) return Fail("cannot count customers", n.status());
    if (*n > 0) {
      std::cout << "demo: the database already has " << *n << " customers; nothing loaded\n";
      return 0;
    }
  }
  DemoOptions o;
  o.data_dir =
      args.data_dir.empty() ? std::string(LUISTER_SOURCE_DIR) + "/data/demo" : args.data_dir;
  o.seed = args.seed;
  o.customers = args.customers;
  o.conversations = args.conversations;
  o.now = Now();
  // PostgreSQL takes concurrent writers; SQLite has one at a time anyway.
  if (auto url = ParseDatabaseUrl(args.db);
      url.ok() && url->engine == DatabaseUrl::Engine::kPostgres)
    o.writers = 4;
  o.admin_password = args.admin_password.empty() ? "welkom-bij-luister" : args.admin_password;
  std::string last_stage;
  auto started = std::chrono::steady_clock::now();
  auto summary = LoadDemo(**store, o, [&](std::string_view stage, int64_t done, int64_t total) {
    if (stage != last_stage) {
      if (!last_stage.empty()) std::cout << "\n";
      last_stage = std::string(stage);
    }
    if (done == total || done % 100 == 0)
      std::cout << "\r  " << stage << ": " << done << "/" << total << std::flush;
  });
  std::cout << "\n";
  if (!summary.ok()) return Fail("loading the demo failed", summary.status());
  // The e-mail side: real mail shapes through the same intake a mailbox uses.
  email::GmimeMailReader mail_reader;
  SystemClock mail_clock;
  auto mail = LoadDemoMail(**store, mail_reader, mail_clock, o.data_dir + "/mail");
  if (!mail.ok()) return Fail("loading the demo mail failed", mail.status());
  std::cout << "demo: e-mail: " << mail->taken << " messages taken, " << mail->ignored
            << " auto-replies and bounces opened nothing, " << mail->quarantined
            << " held in quarantine, " << mail->replies << " answers sent or failed, "
            << mail->mailboxes << " mailboxes\n";
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "demo: loaded " << summary->customers << " customers, " << summary->conversations
            << " conversations, " << summary->messages << " messages, " << summary->calls
            << " phone calls, " << summary->users << " users, " << summary->departments
            << " departments in " << secs << " s\n"
            << "demo: log in as admin@luister.local with password " << o.admin_password << "\n";
  return 0;
}

int RunUserAdd(const UserAddArgs& args) {
  auto role = Parse<Role>(args.role);
  if (!role) {
    std::cerr << "luister: --role must be one of: " << ValidNames<Role>() << "\n";
    return kExitUsage;
  }
  auto lang = Parse<Language>(args.language);
  if (!lang) {
    std::cerr << "luister: --language must be nl or en\n";
    return kExitUsage;
  }
  auto store = OpenStore(args.db);
  if (!store.ok()) return Fail("cannot open the database", store.status());
  if (Status s = CheckSchema(*store); !s.ok()) return Fail("cannot add the user", s);
  SystemClock clock;
  auth::Authenticator authenticator(**store, clock);
  NewUser u;
  u.email = args.email;
  u.name = args.name;
  u.role = *role;
  u.language = *lang;
  auto created = authenticator.CreateUser(u, args.password);
  if (!created.ok()) return Fail("cannot add the user", created.status());
  std::cout << "user: added " << created->email << " (id " << created->id << ", role "
            << ToString(created->role) << ")\n";
  return 0;
}

int RunRoutes(bool with_audit) {
  // Handlers are only registered, never called, but they bind to a real
  // context; a scratch database keeps this honest and cheap.
  char tmpl[] = "/tmp/luister-routes-XXXXXX";
  if (!mkdtemp(tmpl)) return kExitFailure;
  std::string dir = tmpl;
  int rc = 0;
  {
    auto store = SqliteStore::Open(dir + "/routes.db", SqliteOptions{});
    if (!store.ok()) {
      rc = Fail("cannot open a scratch database", store.status());
    } else {
      SystemClock clock;
      CustomerService customers(**store, clock);
      ConversationService conversations(**store, clock);
      auth::Authenticator authenticator(
          **store, clock, auth::AuthOptions{.password_cost = auth::PasswordCost::Minimal()});
      http::Metrics metrics;
      http::ApiContext ctx{**store, customers, conversations,  authenticator,
                           clock,   metrics,   LUISTER_VERSION};
      http::Router router;
      for (const auto& r : http::RegisterApi(router, ctx, ServerModules())) {
        std::cout << r.method << " " << r.pattern;
        if (with_audit) {
          std::cout << " " << (r.permission ? ToString(*r.permission) : "public") << " "
                    << (r.audit.personal()
                            ? std::string(r.audit.action) + " " + std::string(r.audit.entity)
                            : "-");
        }
        std::cout << "\n";
      }
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return rc;
}

int RunServe(const ServeArgs& args) {
  auto addr = ParseListenAddress(args.listen);
  if (!addr.ok()) return Fail("bad --listen", addr.status());
  auto store = OpenStore(args.db);
  if (!store.ok()) return Fail("cannot open the database", store.status());
  if (Status s = CheckSchema(*store); !s.ok()) return Fail("cannot serve", s);

  std::unique_ptr<http::StaticFiles> web;
  if (!args.web_dir.empty()) {
    auto loaded = http::StaticFiles::Load(args.web_dir);
    if (!loaded.ok()) return Fail("cannot serve the web app", loaded.status());
    web = std::move(loaded).value();
  }

  SystemClock clock;
  auth::Authenticator authenticator(**store, clock);
  http::Metrics metrics;
  // The hub needs the context to authorise WebSockets and the services need
  // the hub to publish: the context is completed once both exist.
  http::ApiContext* ctx_ptr = nullptr;
  http::LiveHub hub([&ctx_ptr](http::Request& req) { return http::AuthorizeLive(*ctx_ptr, req); });
  // On PostgreSQL every node's events go through the database, so a browser
  // on this node sees what was written through another one.
  // On one node the browsers' hub and the chat widget's hub hear every
  // event straight from the services.
  EventFanout fanout;
  fanout.Add(&hub);
  EventPublisher* events = &fanout;
  std::atomic<http::ChatHub*> chat_hub_ptr{nullptr};
  std::unique_ptr<postgres::PgEventBus> bus;
  if (auto url = ParseDatabaseUrl(args.db);
      url.ok() && url->engine == DatabaseUrl::Engine::kPostgres) {
    auto started = postgres::PgEventBus::Start(
        url->location, [&hub, &chat_hub_ptr](uint64_t seq, const DomainEvent& e) {
          hub.Deliver(seq, e);
          if (http::ChatHub* chat = chat_hub_ptr.load()) chat->OnEvent(e);
        });
    if (!started.ok()) return Fail("cannot start the live event stream", started.status());
    bus = std::move(started).value();
    hub.StartAfter(bus->start_seq());
    events = bus.get();
  }
  CustomerService customers(**store, clock, events);
  ConversationService conversations(**store, clock, events);
  http::ApiContext ctx{**store, customers, conversations,   authenticator,
                       clock,   metrics,   LUISTER_VERSION, args.secure_cookies};
  ctx.events = events;
  ctx.metrics_token = args.metrics_token;
  // The e-mail channel: mailbox passwords sealed by this data directory's
  // key (a copy of the database alone reveals none), fetched over IMAP.
  std::string key_file = args.secret_key_file.empty()
                             ? (std::filesystem::path(args.data_dir) / "secret.key").string()
                             : args.secret_key_file;
  std::error_code mkdir_error;
  std::filesystem::create_directories(std::filesystem::path(key_file).parent_path(), mkdir_error);
  auto secrets = auth::SecretBox::FromKeyFile(key_file);
  if (!secrets.ok()) return Fail("cannot open the secret key", secrets.status());
  email::CurlImapConnector imap;
  email::GmimeMailReader mail_reader({.max_attachment_bytes = args.max_attachment_bytes});
  ctx.max_upload_bytes = args.max_attachment_bytes;
  email::GmimeMailComposer mail_composer;
  email::CurlSmtpSender smtp;
  ctx.mail_composer = &mail_composer;
  ctx.smtp = &smtp;
  ctx.secrets = &*secrets;
  ctx.imap = &imap;
  ctx.mail_reader = &mail_reader;
  email::GmimeFormDataReader form_reader;
  ctx.form_reader = &form_reader;
  webhook::CurlWebhookPoster webhooks({.allow_private = args.webhooks_allow_private});
  ctx.webhooks = &webhooks;
  ctx_ptr = &ctx;
  // The chat widget: visitor tokens signed with a key of their own, derived
  // from the key file every node shares.
  auth::VisitorTokens visitor_tokens(secrets->DeriveKey("visitors"));
  auth::VisitorTokens link_tokens(secrets->DeriveKey("chatlink"));
  const std::string node = args.node_name.empty() ? DefaultNodeName() : args.node_name;
  constexpr std::chrono::seconds kPresenceBeat(5);
  http::ChatHub chat_hub(ctx, visitor_tokens, link_tokens, [&hub] { return hub.OnlineUsers(); },
                         {.connections_per_ip = args.chat_connections_per_ip,
                          .node = node,
                          .presence_beat = kPresenceBeat});
  ctx.chat = &chat_hub;
  if (bus)
    chat_hub_ptr = &chat_hub;
  else
    fanout.Add(&chat_hub);
  const std::vector<http::ApiModule> modules = ServerModules();

  // Background jobs: every node runs a runner against the shared database;
  // the repository hands each job to one of them.
  std::unique_ptr<JobRunner> jobs;
  if (args.job_threads > 0) {
    JobRunnerOptions jo;
    jo.worker = node;
    jo.threads = args.job_threads;
    jo.lease = std::chrono::milliseconds(static_cast<int64_t>(args.job_lease_s * 1000));
    jo.log = [](std::string_view line) { std::cerr << "luister: " << line << "\n"; };
    jobs = std::make_unique<JobRunner>((*store)->jobs(), clock, jo);
    Status registered = http::RegisterJobs(*jobs, ctx, modules);
    if (!registered.ok()) return Fail("cannot start the job runner", registered);
    ctx.wake_jobs = [&jobs] { jobs->Wake(); };
  }
  http::Router router;
  http::RegisterApi(router, ctx, modules);

  http::ServerOptions options;
  options.address = addr->host;
  options.port = addr->port;
  // More threads than cores, since handlers wait on the database.
  options.threads = args.threads > 0
                        ? args.threads
                        : std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  options.priority_paths = {"/healthz"};
  options.max_body_bytes = args.max_body_bytes;
  // The composer's uploads, and the public web forms with their attachments.
  options.upload_paths = {std::string(http::kUploadPath), "/forms/", "/api/v1/public/forms/",
                          "/api/v1/widget/"};
  options.max_upload_bytes = args.max_attachment_bytes;
  options.metrics = &metrics;
  http::WebSocketRouter websockets;
  websockets.Add("/api/v1/live", &hub);
  websockets.Add(std::string(http::kWidgetLivePrefix), &chat_hub);
  options.websocket = &websockets;
  http::Server server(options, [&router, &web](http::Request& req) {
    if (web) {
      if (auto r = web->Serve(req)) {
        req.route = "static";
        return std::move(*r);
      }
    }
    return router.Dispatch(req);
  });
  std::string error;
  if (!server.Listen(&error)) {
    std::cerr << "luister: cannot listen on " << args.listen << ": " << error << "\n";
    return kExitFailure;
  }
  if (web)
    std::cout << "web app: " << web->file_count() << " files (" << web->total_bytes() / 1024
              << " KiB) from " << args.web_dir << "\n";
  std::cout << "luister " << LUISTER_VERSION << " serving " << RedactDatabaseUrl(args.db)
            << " on http://"
            << (addr->host.find(':') != std::string::npos ? "[" + addr->host + "]" : addr->host)
            << ":" << server.port() << "\n"
            << std::flush;
  if (jobs) jobs->Start();
  {
    // The other nodes learn from the store which agents are online here
    // (the chat widget's "someone is there"); a failing beat is said once.
    bool beat_failing = false;
    Ticker presence(kPresenceBeat, [&chat_hub, &beat_failing] {
      Status s = chat_hub.BeatPresence();
      if (!s.ok() && !beat_failing)
        std::cerr << "luister: cannot share which agents are online: " << s.message() << "\n";
      else if (s.ok() && beat_failing)
        std::cerr << "luister: sharing which agents are online again\n";
      beat_failing = !s.ok();
    });
    server.Run();
  }
  if (Status s = chat_hub.LeavePresence(); !s.ok())
    std::cerr << "luister: cannot withdraw this node's agents: " << s.message() << "\n";
  if (jobs) jobs->Stop();
  std::cout << "luister: stopped\n";
  return 0;
}

}  // namespace luister
