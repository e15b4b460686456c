#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/repositories.h"

namespace luister {

// The web form (C2): a public page (and a documented POST endpoint for an
// organisation's own site) where anyone asks a question without logging in.
// Each form sends its questions to one queue; the answer goes out by e-mail.

struct WebForm {
  int64_t id = 0;
  std::string slug;  // the public name in the page's address: /forms/<slug>
  std::string name;  // the page's title
  int64_t queue_id = 0;
  bool active = true;
  Timestamp created_at{};
};

struct WebFormPatch {
  std::optional<std::string> name;
  std::optional<int64_t> queue_id;
  std::optional<bool> active;
};

// A capability repository: `store.Find<WebFormRepository>()`.
class WebFormRepository {
 public:
  virtual ~WebFormRepository() = default;
  // Conflict when the slug is taken.
  virtual Result<WebForm> Create(const WebForm& f) = 0;
  virtual Result<WebForm> Get(int64_t id) = 0;
  virtual Result<std::optional<WebForm>> FindBySlug(const std::string& slug) = 0;
  virtual Result<std::vector<WebForm>> List() = 0;
  virtual Result<WebForm> Update(int64_t id, const WebFormPatch& patch) = 0;
};

// One part of a multipart/form-data body (RFC 7578).
struct FormPart {
  std::string name;          // the field's name
  std::string filename;      // set for a file
  std::string content_type;  // of a file
  std::string data;          // the value, or the file's bytes
};

// Reads multipart/form-data; channels/email implements it with GMime.
class FormDataReader {
 public:
  virtual ~FormDataReader() = default;
  // InvalidArgument for a body that is not multipart/form-data.
  virtual Result<std::vector<FormPart>> Read(std::string_view content_type,
                                             std::string_view body) const = 0;
};

struct FormFile {
  std::string filename;
  std::string content_type;
  std::string data;
  std::string sha256;  // of data, lower-case hex
};

// What a visitor sent.
struct FormSubmission {
  std::string name;
  std::string email;
  std::string subject;
  std::string question;
  std::string honeypot;  // a field people cannot see; only robots fill it
  Language language = Language::kNl;
  std::vector<FormFile> files;
  std::string remote_ip;
};

struct SubmittedForm {
  int64_t conversation_id = 0;  // 0 for a robot's submission (nothing stored)
  int64_t customer_id = 0;
  bool confirmation_queued = false;  // a confirmation e-mail goes out
  bool robot = false;
};

struct WebFormLimits {
  int per_ip = 5;  // submissions per IP address per window
  std::chrono::minutes window{10};
  size_t max_files = 5;
  size_t max_file_bytes = 10u << 20;
  size_t max_total_bytes = 20u << 20;
};

class WebFormService {
 public:
  WebFormService(Store& store, WebFormRepository& forms, const Clock& clock,
                 EventPublisher* events = nullptr, WebFormLimits limits = {})
      : store_(store),
        forms_(forms),
        clock_(clock),
        limits_(limits),
        customers_(store, clock, events),
        conversations_(store, clock, events) {}

  Result<WebForm> Create(WebForm f);
  Result<WebForm> Update(int64_t id, WebFormPatch patch);
  // An active form by its slug; NotFound otherwise (unknown or closed).
  Result<WebForm> Open(const std::string& slug);
  // Checks the visitor's rate (ResourceExhausted with `retry_after_s` when
  // over), then the fields (InvalidArgument naming each), then stores the
  // question as a conversation of the form's queue with the files, and
  // queues a confirmation e-mail when a mailbox sends for that queue. A
  // filled honeypot stores nothing and says so only in `robot`.
  Result<SubmittedForm> Submit(const WebForm& form, FormSubmission in, int* retry_after_s);

 private:
  Status CheckRate(const std::string& ip, int* retry_after_s);
  Result<int64_t> Customer(const FormSubmission& in, const std::string& email);

  Store& store_;
  WebFormRepository& forms_;
  const Clock& clock_;
  WebFormLimits limits_;
  CustomerService customers_;
  ConversationService conversations_;
};

// The confirmation e-mail's text in the visitor's language.
std::string FormConfirmationText(Language lang, const std::string& name, int64_t reference,
                                 const std::string& question);

}  // namespace luister
