#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace luister {

// The `luister` subcommands. Each returns the process exit code and prints
// its own messages: progress and summaries to stdout, errors to stderr.

struct ServeArgs {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "var";
  std::string web_dir;  // built web app; empty: API only
  int threads = 0;      // server threads; 0: two per core, at least 4
  size_t max_body_bytes = 1 << 20;
  // Attachments kept per message (e-mail in, files uploaded in the
  // composer); uploads may be this large.
  size_t max_attachment_bytes = 25u << 20;
  bool secure_cookies = false;
  std::string metrics_token;    // bearer token for /metrics; empty: loopback only
  int job_threads = 1;          // background jobs run at once on this node; 0: none
  double job_lease_s = 60;      // a dead node's jobs are taken over after this
  std::string node_name;        // names this node in jobs.worker; default host:pid
  std::string secret_key_file;  // seals mailbox passwords; default <data_dir>/secret.key
  // Outbound webhooks (social answers) may go to loopback and private
  // addresses (an integration on the desk's own network; tests).
  bool webhooks_allow_private = false;
  // Chat widget WebSockets one address may hold open (a shop's NAT, a bench).
  int chat_connections_per_ip = 20;
};
int RunServe(const ServeArgs& args);

int RunMigrate(const std::string& db);

struct DemoArgs {
  std::string db;
  std::string data_dir;   // demo corpus; default: the shipped data/demo
  bool if_empty = false;  // do nothing when the database already has customers
  unsigned seed = 42;
  int customers = 400;
  int conversations = 3000;
  std::string admin_password;
};
int RunDemo(const DemoArgs& args);

struct UserAddArgs {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string password;
  std::string language = "en";
};
int RunUserAdd(const UserAddArgs& args);

struct MigrateDataArgs {
  std::string from;  // sqlite:PATH
  std::string to;    // postgres://...
  bool force = false;
};
// Copies an installation from SQLite to PostgreSQL and verifies it.
int RunMigrateData(const MigrateDataArgs& args);

// Prints every served route as "METHOD /pattern", one per line; with_audit
// adds its permission (or "public") and audit intent ("read customer", or -).
int RunRoutes(bool with_audit);

// `luister mail parse FILE`: the parsed message as one JSON object on stdout
// (mail_command.cc); `-` reads standard input. Exit 1 when the file cannot
// be read or holds no message.
int RunMailParse(const std::string& path);

// `luister promises when|detect`: texts read as the desk reads them.
struct PromisesArgs {
  std::string now;
  std::string lang = "nl";
  std::string tz = "Europe/Amsterdam";
  std::vector<std::string> texts;  // none: one per line of standard input
};
int RunPromisesWhen(const PromisesArgs& args);
int RunPromisesDetect(const PromisesArgs& args);

// `luister answers eval --train FILE --test FILE`: the answer matcher
// (domain/answer_matcher.h) learns the library from the training lines
// (JSON lines `{"text","answer_id"}`) and is scored on the test lines: one
// JSON object `{"top1","top3","latency_ms_p50","n_test"}`. `method` bm25:
// the baseline. Exit 2 on unreadable or malformed input, naming the line.
struct AnswersEvalArgs {
  std::string train;
  std::string test;
  std::string method = "hybrid";
};
int RunAnswersEval(const AnswersEvalArgs& args);

struct AnswersConsistencyArgs {
  std::string input;
  bool verbose = false;   // each mistake on standard error
  bool findings = false;  // each pair's findings, JSON lines on standard error
  bool reading = false;   // and how the check read both texts (facts, clauses)
};
int RunAnswersConsistency(const AnswersConsistencyArgs& args);

// `luister staffing`: Erlang C (Erlang A with a patience) for one interval
// (domain/staffing.h): one JSON object {"erlangs","required",
// "required_with_shrinkage","rows":[{"agents","p_wait","service_level",
// "asa_seconds","occupancy"(,"p_abandon")}]}. Shares are fractions; given
// above 1 they are read as percentages ("80" is 0.8). Exit 2 on values out
// of range, naming the option.
struct StaffingArgs {
  double calls = 0;
  double interval_minutes = 30;
  double aht_seconds = 0;
  double target_seconds = 20;
  double service_level = 0.8;
  double max_occupancy = 1;
  double shrinkage = 0;
  double patience_seconds = 0;  // 0: Erlang C
  int concurrency = 1;
  int agents = -1;  // -1: the rows around the requirement
};
int RunStaffing(const StaffingArgs& args);

// `luister topics eval --train FILE --test FILE`: the topic classifier
// (domain/topic_classifier.h) learns from the training texts and is scored
// on the test texts (CSV with a header or JSON lines, app/topic_examples.h),
// one at a time: one JSON object {"accuracy","macro_f1","latency_ms_p50",
// "latency_ms_p99","n_test"}. Exit 2 on unreadable or malformed input,
// naming the file and line.
struct TopicsEvalArgs {
  std::string train;
  std::string test;
  std::string model = "ensemble";  // or svm, softmax
  uint64_t seed = 42;
  int threads = 1;       // for training; the model is the same for any number
  bool verbose = false;  // training time and model size on standard error
};
int RunTopicsEval(const TopicsEvalArgs& args);

// `luister topics discover --input FILE [--k N]`: topic discovery
// (domain/topic_discovery.h) on the texts of FILE (CSV with a header or
// JSON lines, app/topic_examples.h): one JSON line {"text","cluster",
// "cluster_name"} per text in input order and, when every text has a
// label, a last line {"nmi","ari","acc","k"}. Exit 2 on unreadable or
// malformed input, naming the file and line.
struct TopicsDiscoverArgs {
  std::string input;
  int k = 0;  // 0: estimated from the texts
  uint64_t seed = 42;
  bool verbose = false;  // the topics, their sizes and examples on standard error
};
int RunTopicsDiscover(const TopicsDiscoverArgs& args);

struct MailgateArgs {
  std::string db;
  std::string queue;                   // id or name
  std::vector<std::string> addresses;  // the queue's own addresses (never a customer)
  // Mail answering a closed conversation opens a new one that follows it
  // up, instead of reopening it (a mailbox's closed_replies).
  bool new_after_closed = false;
};
// `luister mailgate`: one message on standard input into its queue, for an
// MTA's pipe. Exit 0 when it was taken (stored, or recognised as a
// duplicate, auto-reply or bounce), 75 (EX_TEMPFAIL: the MTA retries) when
// the database is unavailable, 65 (EX_DATAERR) when it is no e-mail.
int RunMailgate(const MailgateArgs& args);

struct MailImportArgs {
  std::string db;
  std::string queue;
  std::vector<std::string> addresses;
  std::string path;  // an mbox file, a Maildir, or a directory of message files
};
// `luister import mail`: a whole archive, streamed, idempotent by
// Message-ID (run it again after an interruption), dated as the mail was.
int RunMailImport(const MailImportArgs& args);

struct MailQuarantineArgs {
  std::string db;
  std::string action;  // list, reprocess or discard
  int64_t id = 0;
  bool all = false;   // list: also those already handled
  std::string queue;  // reprocess: when the entry names none, or another
  std::vector<std::string> addresses;
};
// `luister mail quarantine|reprocess|discard`: the mail that could not be
// taken, read again after a fix, or let go.
int RunMailQuarantine(const MailQuarantineArgs& args);

// Resolves --db defaults: empty means sqlite:<data_dir>/luister.db.
std::string DefaultDatabase(const std::string& data_dir);

}  // namespace luister
