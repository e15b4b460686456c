#include "domain/web_form.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "domain/mail_outbox.h"
#include "domain/rate_limit.h"
#include "domain/validation.h"

namespace luister {

namespace {

void CheckFormName(std::string* name, std::vector<FieldError>* errors) {
  *name = WithoutControlCharacters(Trim(*name));
  if (name->empty() || name->size() > 200 || !IsValidUtf8(*name))
    errors->push_back({"name", "must be 1 to 200 bytes of UTF-8"});
}

Status CheckQueue(Store& store, int64_t queue_id, std::vector<FieldError>* errors) {
  auto q = store.directory().GetQueue(queue_id);
  if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
  if (!q.ok()) errors->push_back({"queue_id", "no such queue"});
  return Status::Ok();
}

// Files a desk should never pass on to an agent's computer.
bool Executable(std::string_view filename) {
  static constexpr std::array<std::string_view, 14> kRefused = {
      ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi",
      ".js",  ".vbs", ".jar", ".ps1", ".lnk", ".hta", ".dll"};
  std::string lower = AsciiLower(filename);
  return std::any_of(kRefused.begin(), kRefused.end(),
                     [&](std::string_view ext) { return lower.ends_with(ext); });
}

}  // namespace

std::string FormConfirmationText(Language lang, const std::string& name, int64_t reference,
                                 const std::string& question) {
  std::string quoted;
  for (size_t start = 0; start <= question.size();) {
    size_t end = question.find('\n', start);
    if (end == std::string::npos) end = question.size();
    quoted += "> " + question.substr(start, end - start) + "\n";
    start = end + 1;
  }
  const std::string ref = "#" + std::to_string(reference);
  if (lang == Language::kNl)
    return "Beste " + name + ",\n\nWe hebben uw vraag ontvangen. Uw referentie is " + ref +
           "; noem die als u ons hierover schrijft of belt. U krijgt van ons antwoord per e-mail; "
           "u kunt ook op dit bericht reageren.\n\nUw vraag:\n" +
           quoted + "\nMet vriendelijke groet,\nDe klantenservice\n";
  return "Dear " + name + ",\n\nWe have received your question. Your reference is " + ref +
         "; please mention it when you write or call us about it. We will answer by e-mail; you "
         "can also reply to this message.\n\nYour question:\n" +
         quoted + "\nKind regards,\nCustomer service\n";
}

Result<WebForm> WebFormService::Create(WebForm f) {
  std::vector<FieldError> errors;
  f.slug = std::string(Trim(f.slug));
  if (!IsSlug(f.slug))
    errors.push_back({"slug", "must be 1 to 60 of a-z, 0-9 and single hyphens inside"});
  CheckFormName(&f.name, &errors);
  LUISTER_RETURN_IF_ERROR(CheckQueue(store_, f.queue_id, &errors));
  if (!errors.empty()) return InvalidArgument("the web form is not valid", std::move(errors));
  f.active = true;
  f.created_at = clock_.Now();
  return forms_.Create(f);
}

Result<WebForm> WebFormService::Update(int64_t id, WebFormPatch patch) {
  std::vector<FieldError> errors;
  if (patch.name) CheckFormName(&*patch.name, &errors);
  if (patch.queue_id) LUISTER_RETURN_IF_ERROR(CheckQueue(store_, *patch.queue_id, &errors));
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  return forms_.Update(id, patch);
}

Result<WebForm> WebFormService::Open(const std::string& slug) {
  LUISTER_ASSIGN_OR_RETURN(auto found, forms_.FindBySlug(slug));
  if (!found || !found->active) return NotFound("no web form is open at " + slug);
  return *found;
}

Status WebFormService::CheckRate(const std::string& ip, int* retry_after_s) {
  return luister::CheckRate(store_, clock_.Now(), "webform:ip:" + ip, limits_.per_ip,
                            std::chrono::duration_cast<std::chrono::seconds>(limits_.window),
                            "questions", retry_after_s);
}

Result<int64_t> WebFormService::Customer(const FormSubmission& in, const std::string& email) {
  LUISTER_ASSIGN_OR_RETURN(auto found,
                           store_.customers().FindByIdentity(IdentityKind::kEmail, email));
  if (found) return found->merged_into_id.value_or(found->id);
  NewCustomer c;
  c.name = in.name.empty() ? email.substr(0, email.find('@')) : in.name;
  c.language = in.language;
  c.preferred_channel = Channel::kEmail;
  c.identities.push_back({IdentityKind::kEmail, email});
  auto created = customers_.Create(std::move(c));
  if (created.ok()) return created->id;
  if (created.status().code() == StatusCode::kConflict) {
    LUISTER_ASSIGN_OR_RETURN(auto again,
                             store_.customers().FindByIdentity(IdentityKind::kEmail, email));
    if (again) return again->merged_into_id.value_or(again->id);
  }
  return created.status();
}

Result<SubmittedForm> WebFormService::Submit(const WebForm& form, FormSubmission in,
                                             int* retry_after_s) {
  LUISTER_RETURN_IF_ERROR(CheckRate(in.remote_ip, retry_after_s));
  SubmittedForm out;
  if (!Trim(in.honeypot).empty()) {
    out.robot = true;
    return out;
  }
  std::vector<FieldError> errors;
  in.name = Utf8Prefix(WithoutControlCharacters(Trim(in.name)), 200);
  if (!IsValidUtf8(in.name)) errors.push_back({"name", "must be valid UTF-8"});
  auto email = NormaliseEmail(in.email);
  if (Trim(in.email).empty())
    errors.push_back({"email", "is required: the answer comes by e-mail"});
  else if (!email.ok())
    errors.push_back({"email", email.status().message()});
  in.subject = WithoutControlCharacters(Trim(in.subject));
  if (in.subject.size() > 300 || !IsValidUtf8(in.subject))
    errors.push_back({"subject", "must be at most 300 bytes of UTF-8"});
  if (Trim(in.question).empty())
    errors.push_back({"question", "must not be empty"});
  else if (in.question.size() > 20000 || !IsValidUtf8(in.question))
    errors.push_back({"question", "must be at most 20000 bytes of UTF-8"});
  if (in.files.size() > limits_.max_files)
    errors.push_back({"files", "at most " + std::to_string(limits_.max_files) + " files"});
  size_t total = 0;
  for (size_t i = 0; i < in.files.size(); ++i) {
    const FormFile& f = in.files[i];
    const std::string field = "files[" + std::to_string(i) + "]";
    total += f.data.size();
    if (f.data.size() > limits_.max_file_bytes)
      errors.push_back({field, f.filename + " is larger than " +
                                   std::to_string(limits_.max_file_bytes >> 20) + " MB"});
    if (Executable(f.filename))
      errors.push_back({field, f.filename + ": programs are not accepted"});
  }
  if (total > limits_.max_total_bytes)
    errors.push_back({"files", "the files are larger than " +
                                   std::to_string(limits_.max_total_bytes >> 20) + " MB together"});
  auto queue = store_.directory().GetQueue(form.queue_id);
  if (!queue.ok()) return queue.status();
  if (!errors.empty()) return InvalidArgument("the form is not complete", std::move(errors));

  MessageInput first;
  first.direction = Direction::kIn;
  first.body_text = in.question;
  for (FormFile& f : in.files) {
    if (f.data.empty()) continue;  // an empty file input
    LUISTER_ASSIGN_OR_RETURN(Attachment a,
                             conversations_.Upload(f.data, f.sha256, f.filename, f.content_type,
                                                   limits_.max_file_bytes));
    first.attachments.push_back(std::move(a));
  }
  // The customer last before the conversation: a refused form makes none.
  LUISTER_ASSIGN_OR_RETURN(out.customer_id, Customer(in, *email));
  NewConversation c;
  c.customer_id = out.customer_id;
  c.channel = Channel::kWebform;
  c.subject = in.subject.empty() ? Summarize(in.question, 80) : in.subject;
  c.department_id = queue->department_id;
  c.queue_id = queue->id;
  LUISTER_ASSIGN_OR_RETURN(AddedMessage opened,
                           conversations_.Open(std::move(c), std::move(first), std::nullopt));
  out.conversation_id = opened.conversation.id;

  // The confirmation, when a mailbox sends for the queue: the outbox sends
  // it like any reply, so a failure shows in the workspace.
  LUISTER_ASSIGN_OR_RETURN(auto mailbox, SendingMailbox(store_, queue->department_id, queue->id));
  if (mailbox) {
    MessageInput note;
    note.direction = Direction::kOut;
    note.automatic = true;
    note.body_text = FormConfirmationText(in.language, in.name.empty() ? *email : in.name,
                                          opened.conversation.id, in.question);
    auto sent = conversations_.AddMessage(opened.conversation.id, std::move(note), std::nullopt);
    out.confirmation_queued = sent.ok();
  }
  return out;
}

}  // namespace luister
