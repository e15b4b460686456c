// The luister binary: the composition root's command line.
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "domain/phone.h"

int main(int argc, char** argv) {
  using namespace luister;
  CLI::App app{"Luister: a customer-centric service desk"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("luister ") + LUISTER_VERSION);
  // Options of the whole program, given before or after the command.
  app.fallthrough();
  std::string phone_region = "NL";
  app.add_option("--phone-region", phone_region,
                 "country whose numbers may be written without a country code (06 12345678)")
      ->envname("LUISTER_PHONE_REGION")
      ->capture_default_str();

  std::string data_dir = "var";
  std::string db;
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", db,
                    "database: sqlite:PATH (default sqlite:<data-dir>/luister.db) or "
                    "postgres://USER@HOST:PORT/DB")
        ->envname("LUISTER_DB");
    cmd->add_option("--data-dir", data_dir, "directory for the database and files")
        ->envname("LUISTER_DATA_DIR")
        ->capture_default_str();
  };

  ServeArgs serve;
  auto* serve_cmd = app.add_subcommand("serve", "serve the API and web app");
  add_db(serve_cmd);
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT to listen on")
      ->envname("LUISTER_LISTEN")
      ->capture_default_str();
  serve_cmd->add_option("--web-dir", serve.web_dir, "directory of the built web app")
      ->envname("LUISTER_WEB_DIR");
  serve_cmd
      ->add_option(
          "--threads", serve.threads,
          "server threads; one of them never waits on a handler (0: two per core, at least 4)")
      ->envname("LUISTER_THREADS")
      ->check(CLI::Range(0, 256));
  serve_cmd->add_option("--max-body", serve.max_body_bytes, "largest request body in bytes")
      ->envname("LUISTER_MAX_BODY")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  serve_cmd
      ->add_option("--max-attachments", serve.max_attachment_bytes,
                   "attachment bytes kept per message (e-mail, composer uploads)")
      ->envname("LUISTER_MAX_ATTACHMENTS")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  serve_cmd
      ->add_option("--chat-connections-per-ip", serve.chat_connections_per_ip,
                   "chat widget connections one address may hold open")
      ->envname("LUISTER_CHAT_CONNECTIONS_PER_IP")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  serve_cmd
      ->add_flag("--webhooks-allow-private", serve.webhooks_allow_private,
                 "let outbound webhooks (answers to social sources) reach loopback and private "
                 "addresses; by default only public ones")
      ->envname("LUISTER_WEBHOOKS_ALLOW_PRIVATE");
  serve_cmd
      ->add_flag("--secure-cookies", serve.secure_cookies,
                 "mark cookies Secure (when served behind HTTPS)")
      ->envname("LUISTER_SECURE_COOKIES");
  serve_cmd
      ->add_option("--metrics-token", serve.metrics_token,
                   "bearer token Prometheus sends for /metrics (default: loopback only)")
      ->envname("LUISTER_METRICS_TOKEN");
  serve_cmd
      ->add_option("--job-threads", serve.job_threads,
                   "background jobs run at once on this node (0: run none here)")
      ->envname("LUISTER_JOB_THREADS")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  serve_cmd
      ->add_option("--job-lease", serve.job_lease_s,
                   "seconds before another node takes over the job of a node that stopped")
      ->envname("LUISTER_JOB_LEASE")
      ->check(CLI::Range(1.0, 3600.0))
      ->capture_default_str();
  serve_cmd
      ->add_option("--secret-key-file", serve.secret_key_file,
                   "key that seals mailbox passwords (default <data-dir>/secret.key, created on "
                   "first start; every node of one database needs the same file)")
      ->envname("LUISTER_SECRET_KEY_FILE");
  serve_cmd
      ->add_option("--node-name", serve.node_name,
                   "this node's name in job records (default: host:pid)")
      ->envname("LUISTER_NODE_NAME");

  auto* migrate_cmd = app.add_subcommand("migrate", "apply pending database migrations");
  add_db(migrate_cmd);

  MigrateDataArgs transfer;
  auto* transfer_cmd = app.add_subcommand(
      "migrate-data", "copy an installation from SQLite to PostgreSQL, verified; resumable");
  transfer_cmd->add_option("--from", transfer.from, "source: sqlite:PATH")->required();
  transfer_cmd->add_option("--to", transfer.to, "target: postgres://USER@HOST:PORT/DB")->required();
  transfer_cmd->add_flag("--force", transfer.force, "replace the data in a non-empty target");

  DemoArgs demo;
  auto* demo_cmd = app.add_subcommand("demo", "load the demo service desk");
  add_db(demo_cmd);
  demo_cmd->add_option("--corpus", demo.data_dir, "directory of the demo text corpus");
  demo_cmd->add_flag("--if-empty", demo.if_empty, "only load into an empty database");
  demo_cmd->add_option("--seed", demo.seed, "random seed")->capture_default_str();
  demo_cmd->add_option("--customers", demo.customers)
      ->check(CLI::Range(10, 1000000))
      ->capture_default_str();
  demo_cmd->add_option("--conversations", demo.conversations)
      ->check(CLI::Range(10, 10000000))
      ->capture_default_str();
  demo_cmd->add_option("--admin-password", demo.admin_password, "password of admin@luister.local")
      ->envname("LUISTER_ADMIN_PASSWORD");

  UserAddArgs user;
  auto* user_cmd = app.add_subcommand("user", "manage staff accounts");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "add a staff account");
  add_db(user_add);
  user_add->add_option("--email", user.email, "login e-mail address")->required();
  user_add->add_option("--name", user.name, "full name")->required();
  user_add
      ->add_option("--role", user.role,
                   "admin, manager, agent, account_manager, privacy_officer or phone_integration")
      ->required();
  user_add->add_option("--password", user.password, "password (at least 10 characters)")
      ->envname("LUISTER_PASSWORD")
      ->required();
  user_add->add_option("--language", user.language, "nl or en")->capture_default_str();

  auto* routes_cmd = app.add_subcommand("routes", "list the HTTP routes the server answers");
  bool routes_audit = false;
  routes_cmd->add_flag("--audit", routes_audit,
                       "also print each route's permission and what it audits "
                       "(action and entity, or - when it touches no personal data)");

  auto* mail_cmd = app.add_subcommand("mail", "look at e-mail as the desk reads it");
  mail_cmd->require_subcommand(1);
  auto* mail_parse = mail_cmd->add_subcommand(
      "parse", "print one RFC 5322 message as the parser read it, as one JSON object");
  std::string mail_file;
  mail_parse->add_option("FILE", mail_file, "the message file, or - for standard input")
      ->required();
  MailQuarantineArgs held;
  auto* mail_list = mail_cmd->add_subcommand("quarantine", "list mail that could not be taken");
  add_db(mail_list);
  mail_list->add_flag("--all", held.all, "also the mail already reprocessed or discarded");
  auto* mail_reprocess =
      mail_cmd->add_subcommand("reprocess", "read a quarantined message again (after a fix)");
  add_db(mail_reprocess);
  mail_reprocess->add_option("ID", held.id, "its number in `luister mail quarantine`")->required();
  mail_reprocess->add_option("--queue", held.queue, "the queue, when it should go elsewhere");
  mail_reprocess->add_option("--address", held.addresses, "the queue's own address");
  auto* mail_discard = mail_cmd->add_subcommand("discard", "let a quarantined message go");
  add_db(mail_discard);
  mail_discard->add_option("ID", held.id, "its number in `luister mail quarantine`")->required();

  MailgateArgs gate;
  auto* gate_cmd = app.add_subcommand(
      "mailgate", "store one message from standard input (for an MTA's pipe); exit 75 to retry");
  add_db(gate_cmd);
  gate_cmd->add_option("--queue", gate.queue, "the queue's id or name")->required();
  gate_cmd->add_option("--address", gate.addresses,
                       "the queue's own address (repeat for aliases); mail from it is a loop");
  gate_cmd->add_flag("--new-after-closed", gate.new_after_closed,
                     "mail answering a closed conversation opens a new one (default: reopens it)");
  auto* import_cmd = app.add_subcommand("import", "import data from elsewhere");
  import_cmd->require_subcommand(1);
  MailImportArgs mail_import;
  auto* import_mail = import_cmd->add_subcommand(
      "mail", "import an mbox file or a Maildir into a queue (again: only what is new)");
  add_db(import_mail);
  import_mail->add_option("--queue", mail_import.queue, "the queue's id or name")->required();
  import_mail->add_option("--address", mail_import.addresses, "the queue's own address");
  import_mail->add_option("PATH", mail_import.path, "mbox file, Maildir or directory of messages")
      ->required();

  auto* promises_cmd = app.add_subcommand("promises", "read promises and time expressions");
  promises_cmd->require_subcommand(1);
  PromisesArgs promises;
  auto* promises_when = promises_cmd->add_subcommand(
      "when", "resolve time expressions (Dutch, English) to a stretch of time, one JSON per text");
  auto* promises_detect = promises_cmd->add_subcommand(
      "detect", "find the commitment in each text: who, what kind, due when; one JSON per text");
  for (auto* c : {promises_when, promises_detect}) {
    c->add_option("--now", promises.now, "the reference moment, ISO 8601 with offset")->required();
    c->add_option("--lang", promises.lang, "nl or en")->capture_default_str();
    c->add_option("--tz", promises.tz, "IANA time zone")->capture_default_str();
    c->add_option("TEXT", promises.texts, "texts; none: one per line of standard input");
  }
  auto* answers_cmd = app.add_subcommand("answers", "the canonical answer library");
  answers_cmd->require_subcommand(1);
  AnswersEvalArgs answers_eval;
  auto* answers_eval_cmd = answers_cmd->add_subcommand(
      "eval",
      "learn the answers from --train and score the matcher on --test (JSON lines of "
      "{\"text\",\"answer_id\"}): one JSON object");
  answers_eval_cmd->add_option("--train", answers_eval.train, "JSON lines to learn from")
      ->required();
  answers_eval_cmd->add_option("--test", answers_eval.test, "JSON lines to score")->required();
  answers_eval_cmd->add_option("--method", answers_eval.method, "hybrid, or bm25 (the baseline)")
      ->capture_default_str();
  AnswersConsistencyArgs answers_consistency;
  auto* answers_consistency_cmd = answers_cmd->add_subcommand(
      "consistency",
      "score the consistency check on labelled pairs (JSON lines of {\"lang\",\"published\","
      "\"reply\",\"label\": consistent|contradiction}): precision and recall per language");
  answers_consistency_cmd
      ->add_option("--input", answers_consistency.input, "JSON lines of labelled pairs")
      ->required();
  answers_consistency_cmd->add_flag("--verbose", answers_consistency.verbose,
                                    "each mistake on standard error");
  answers_consistency_cmd->add_flag(
      "--findings", answers_consistency.findings,
      "each pair's findings, strong and weak, as JSON lines on standard error");
  answers_consistency_cmd->add_flag(
      "--reading", answers_consistency.reading,
      "with --findings' lines, how the check read both texts: each fact and each clause");

  StaffingArgs staffing;
  auto* staffing_cmd = app.add_subcommand(
      "staffing",
      "agents needed for one interval by Erlang C (Erlang A with --patience-seconds): one JSON "
      "object");
  staffing_cmd->add_option("--calls", staffing.calls, "contacts offered in the interval")
      ->required();
  staffing_cmd->add_option("--interval-minutes", staffing.interval_minutes, "the interval")
      ->capture_default_str();
  staffing_cmd->add_option("--aht-seconds", staffing.aht_seconds, "average handle time")
      ->required();
  staffing_cmd->add_option("--target-seconds", staffing.target_seconds, "answered within")
      ->capture_default_str();
  staffing_cmd
      ->add_option("--service-level", staffing.service_level,
                   "share answered within the target: 0.8 or 80")
      ->capture_default_str();
  staffing_cmd
      ->add_option("--max-occupancy", staffing.max_occupancy, "highest occupancy: 0.85 or 85")
      ->capture_default_str();
  staffing_cmd
      ->add_option("--shrinkage", staffing.shrinkage,
                   "share of rostered time not on contacts: 0.3 or 30")
      ->capture_default_str();
  staffing_cmd->add_option("--patience-seconds", staffing.patience_seconds,
                           "average time before customers give up: Erlang A");
  staffing_cmd
      ->add_option("--concurrency", staffing.concurrency,
                   "contacts an agent handles at once (chat)")
      ->capture_default_str();
  staffing_cmd->add_option("--agents", staffing.agents, "this many agents only");
  auto* topics_cmd =
      app.add_subcommand("topics", "what customers ask about: topic classification and discovery");
  topics_cmd->require_subcommand(1);
  TopicsEvalArgs topics_eval;
  auto* topics_eval_cmd = topics_cmd->add_subcommand(
      "eval",
      "learn topics from --train and score the classifier on --test (CSV with a header "
      "text,label or JSON lines of {\"text\",\"label\"}): one JSON object");
  topics_eval_cmd->add_option("--train", topics_eval.train, "labelled texts to learn from")
      ->required();
  topics_eval_cmd->add_option("--test", topics_eval.test, "labelled texts to score")->required();
  topics_eval_cmd->add_option("--model", topics_eval.model, "svm, softmax or ensemble")
      ->capture_default_str();
  topics_eval_cmd->add_option("--seed", topics_eval.seed, "training seed")->capture_default_str();
  topics_eval_cmd->add_option("--threads", topics_eval.threads, "training threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  topics_eval_cmd->add_flag("--verbose", topics_eval.verbose,
                            "training time and model size on standard error");
  TopicsDiscoverArgs topics_discover;
  auto* topics_discover_cmd = topics_cmd->add_subcommand(
      "discover",
      "group the texts of --input (CSV with a header text[,label] or JSON lines of "
      "{\"text\"[,\"label\"]}) into topics: one JSON line {\"text\",\"cluster\","
      "\"cluster_name\"} per text, and with labels a last line {\"nmi\",\"ari\",\"acc\",\"k\"}");
  topics_discover_cmd->add_option("--input", topics_discover.input, "the texts")->required();
  topics_discover_cmd->add_option("--k", topics_discover.k, "topics wanted; 0: estimated")
      ->capture_default_str();
  topics_discover_cmd->add_option("--seed", topics_discover.seed, "clustering seed")
      ->capture_default_str();
  topics_discover_cmd->add_flag("--verbose", topics_discover.verbose,
                                "each topic with its size and examples on standard error");
  CLI11_PARSE(app, argc, argv);
  if (Status s = SetDefaultPhoneRegion(phone_region); !s.ok()) {
    std::cerr << "luister: --phone-region: " << s.message() << "\n";
    return 2;
  }

  if (routes_cmd->parsed()) return RunRoutes(routes_audit);
  if (mail_parse->parsed()) return RunMailParse(mail_file);
  if (promises_when->parsed()) return RunPromisesWhen(promises);
  if (promises_detect->parsed()) return RunPromisesDetect(promises);
  if (answers_eval_cmd->parsed()) return RunAnswersEval(answers_eval);
  if (answers_consistency_cmd->parsed()) return RunAnswersConsistency(answers_consistency);
  if (staffing_cmd->parsed()) return RunStaffing(staffing);
  if (topics_eval_cmd->parsed()) return RunTopicsEval(topics_eval);
  if (topics_discover_cmd->parsed()) return RunTopicsDiscover(topics_discover);

  if (db.empty()) db = DefaultDatabase(data_dir);
  for (auto [cmd, action] : {std::pair{mail_list, "list"}, std::pair{mail_reprocess, "reprocess"},
                             std::pair{mail_discard, "discard"}}) {
    if (cmd->parsed()) {
      held.db = db;
      held.action = action;
      return RunMailQuarantine(held);
    }
  }
  if (gate_cmd->parsed()) {
    gate.db = db;
    return RunMailgate(gate);
  }
  if (import_mail->parsed()) {
    mail_import.db = db;
    return RunMailImport(mail_import);
  }
  if (serve_cmd->parsed()) {
    serve.db = db;
    serve.data_dir = data_dir;
    return RunServe(serve);
  }
  if (migrate_cmd->parsed()) return RunMigrate(db);
  if (transfer_cmd->parsed()) return RunMigrateData(transfer);
  if (demo_cmd->parsed()) {
    demo.db = db;
    return RunDemo(demo);
  }
  if (user_add->parsed()) {
    user.db = db;
    return RunUserAdd(user);
  }
  std::cerr << app.help();
  return 2;
}
