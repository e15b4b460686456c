#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/authenticator.h"
#include "common/time.h"
#include "domain/answer_library.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/mail_outbox.h"
#include "domain/mailbox_poller.h"
#include "domain/permissions.h"
#include "domain/repositories.h"
#include "domain/web_form.h"
#include "domain/webhook.h"
#include "http/metrics.h"
#include "http/router.h"

namespace luister::http {

// What handlers need, wired by app/. References outlive the server.
class ChatHub;

struct ApiContext {
  Store& store;
  CustomerService& customers;
  ConversationService& conversations;
  auth::Authenticator& auth;
  const Clock& clock;
  Metrics& metrics;
  std::string version;
  bool secure_cookies = false;  // set the Secure flag when served over HTTPS
  // The bearer token Prometheus sends for /metrics; empty: loopback only
  // (security_headers.h, MayScrapeMetrics).
  std::string metrics_token;
  // Where services publish live events (the hub, or on PostgreSQL the
  // database's event bus); null when nobody listens (tools, tests).
  EventPublisher* events = nullptr;
  // Tells this node's job runner that a job was enqueued; empty when the node
  // runs none (other nodes then pick the job up at their next poll).
  std::function<void()> wake_jobs;
  // The e-mail channel's reach outside (channels/email, wired by app/): the
  // IMAP client, the MIME reader and the key that seals mailbox passwords.
  // Null where a tool or test does not fetch mail; the mail routes then
  // answer 503.
  ImapConnector* imap = nullptr;
  MailReader* mail_reader = nullptr;
  SecretKeeper* secrets = nullptr;
  MailComposer* mail_composer = nullptr;
  SmtpSender* smtp = nullptr;
  // The chat widget's WebSockets (chat_hub.h): who is online for the
  // widget's availability. Null where no server runs (tools, tests).
  ChatHub* chat = nullptr;
  // Sends signed webhooks (channels/webhook: social answers to their
  // sources' reply URLs); null: the social outbox does not run on this node.
  WebhookPoster* webhooks = nullptr;
  // Reads the public web form's multipart/form-data (channels/email); null:
  // only urlencoded and JSON forms are taken.
  const FormDataReader* form_reader = nullptr;
  // The largest file the composer may upload (ServerOptions::max_upload_bytes
  // lets such a body through to POST /api/v1/uploads).
  size_t max_upload_bytes = 25u << 20;
  // The published answer library and its matcher, shared by this node's
  // requests and jobs (built again when the library changes).
  std::shared_ptr<AnswerLibrary> answer_library = std::make_shared<AnswerLibrary>();
};

// Where the composer uploads files (raw bytes); the server reads bodies up
// to ServerOptions::max_upload_bytes there.
inline constexpr std::string_view kUploadPath = "/api/v1/uploads";

inline constexpr char kSessionCookie[] = "luister_session";
inline constexpr char kCsrfHeader[] = "x-csrf-token";

// What a route does with personal data, declared with the route. The request
// pipeline writes the audit entries from it after the handler ran, so a
// handler cannot forget one: reads are recorded when they succeed and when
// they find nothing (the lookup itself was a use of personal data); changes
// when they succeed.
struct AuditIntent {
  std::string_view action;  // "read", "search", "create", ...; empty: no personal data
  std::string_view entity;  // "customer", "conversation", "user", ...
  bool personal() const { return !action.empty(); }
};
inline constexpr AuditIntent kNoPersonalData{};
constexpr AuditIntent Reads(std::string_view entity) { return {"read", entity}; }
constexpr AuditIntent Searches(std::string_view entity) { return {"search", entity}; }
constexpr AuditIntent Changes(std::string_view action, std::string_view entity) {
  return {action, entity};
}

// What one request touched, told by its handler while it builds the answer:
// the record and whose personal data it is. The pipeline writes one audit
// entry per distinct pair (a list of 50 customers: 50 entries, so that each
// customer's trail shows the read), or one entry naming the path's id when
// the handler touched nothing (a lookup that found nobody).
class AuditScope {
 public:
  struct Subject {
    std::optional<int64_t> entity_id;
    std::optional<int64_t> customer_id;
    bool operator==(const Subject&) const = default;
  };
  void Touched(std::optional<int64_t> entity_id, std::optional<int64_t> customer_id) {
    Add({entity_id, customer_id});
  }
  // Work that must see this request's audit entries, run once they are
  // written (a job exporting a customer's audit trail is woken here).
  void AfterWritten(std::function<void()> f) { after_.push_back(std::move(f)); }
  const std::vector<Subject>& subjects() const { return subjects_; }
  void RunAfterWritten() {
    for (auto& f : after_) f();
  }

 private:
  void Add(Subject s);
  std::vector<Subject> subjects_;
  std::vector<std::function<void()>> after_;
};

// A handler behind authentication. Returning a non-ok Status produces the
// matching problem+json response.
using SecuredHandler =
    std::function<Result<Response>(Request&, const auth::Principal&, AuditScope&)>;
using PublicHandler = std::function<Result<Response>(Request&)>;

// A route behind authentication and the role's permission, with what it
// does with personal data; and a route without authentication (login,
// health). ApiRoutes::Add registers either.
struct SecuredRoute {
  Permission permission;
  AuditIntent audit;
  SecuredHandler handler;
};
inline SecuredRoute Secured(Permission permission, AuditIntent audit, SecuredHandler handler) {
  return {permission, audit, std::move(handler)};
}
struct PublicRoute {
  PublicHandler handler;
};
inline PublicRoute Public(PublicHandler handler) { return {std::move(handler)}; }

// One route as declared: who may call it and what it does with personal
// data. `luister routes --audit` prints them; the audit e2e test walks them.
struct RouteDeclaration {
  std::string method;
  std::string pattern;
  std::optional<Permission> permission;  // nullopt: public
  AuditIntent audit;
};

// The API's routes, declared through this so that every secured route states
// its permission and audit intent. Secured routes authenticate (session cookie
// or bearer token), check the CSRF token for state-changing requests made
// with a session, check the role's permission, call the handler and write the
// audit entries the intent asks for; a failure to write them fails the
// request: personal data is never shown without its audit entry.
class ApiRoutes {
 public:
  ApiRoutes(Router& router, ApiContext& ctx) : router_(router), ctx_(ctx) {}
  void Add(std::string method, std::string pattern, SecuredRoute route);
  void Add(std::string method, std::string pattern, PublicRoute route);
  const std::vector<RouteDeclaration>& declarations() const { return declarations_; }

 private:
  Router& router_;
  ApiContext& ctx_;
  std::vector<RouteDeclaration> declarations_;
};

// The audit entry of one use of personal data by `who` in `req`.
AuditEntry AuditEntryFor(ApiContext& ctx, const Request& req, const auth::Principal& who,
                         std::string_view action, std::string_view entity,
                         std::optional<int64_t> entity_id, std::optional<int64_t> customer_id);

// A response whose body is already JSON text.
Response JsonTextResponse(int status, std::string body);
Response JsonResponse(int status, const nlohmann::json& body);
Response NoContent();

// The integer path parameter `name`; NotFound when it is not an id, since
// such a URL names nothing.
Result<int64_t> IdParam(const Request& req, std::string_view name = "id");

// Query helpers: each records a field error for a malformed value.
struct QueryReader {
  explicit QueryReader(const Request& r) : req(r) {}
  const Request& req;
  std::vector<FieldError> errors;

  std::optional<int64_t> Int(std::string_view name);
  std::optional<Timestamp> Time(std::string_view name);
  std::optional<bool> Bool(std::string_view name);
  template <typename E>
  std::optional<E> Enum(std::string_view name) {
    auto v = req.Query(name);
    if (!v) return std::nullopt;
    auto e = ::luister::Parse<E>(*v);
    if (!e)
      errors.push_back({std::string(name), "must be one of: " + std::string(ValidNames<E>())});
    return e;
  }
  PageRequest Page(int default_limit = 50);
  Status Finish() const;
};

// Decides WebSocket upgrades to /api/v1/live: the caller must be signed in
// (session cookie or bearer token) with a role that reads conversations, and
// a browser's Origin must be this server's own.
std::optional<Response> AuthorizeLive(ApiContext& ctx, Request& req);

}  // namespace luister::http
