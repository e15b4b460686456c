#include <atomic>
#include <cstdio>

#include "auth/tokens.h"
#include "domain/html_sanitizer.h"
#include "domain/validation.h"
#include "domain/web_form.h"
#include "http/api/api_context.h"
#include "http/api/channel_payloads.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/api/public_page.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

// The hosted page (http/api/public_page.h), in the visitor's language.

struct Words {
  const char* lang;
  const char* intro;
  const char* name;
  const char* email;
  const char* email_help;
  const char* subject;
  const char* question;
  const char* files;
  const char* files_help;
  const char* honeypot;
  const char* send;
  const char* problems;
  const char* thanks;
  const char* reference;
  const char* confirmation;
  const char* answer_by_mail;
  const char* another;
  const char* too_many;
  const char* not_found;
  const char* privacy;
  const char* other_language;
  const char* other_label;
};

constexpr Words kNl{
    "nl",
    "Stel uw vraag; we antwoorden per e-mail.",
    "Naam",
    "E-mailadres",
    "Hier sturen we ons antwoord naartoe.",
    "Onderwerp",
    "Uw vraag",
    "Bijlagen",
    "Ten hoogste 5 bestanden, samen 20 MB; geen programma's.",
    "Laat dit veld leeg",
    "Versturen",
    "Niet alles is goed ingevuld:",
    "Bedankt, we hebben uw vraag ontvangen",
    "Uw referentie is",
    "We hebben een bevestiging gestuurd naar",
    "We antwoorden per e-mail aan",
    "Nog een vraag stellen",
    "U heeft net al een paar vragen gesteld. Probeer het over een paar minuten opnieuw.",
    "Dit formulier bestaat niet of is gesloten.",
    "We bewaren uw naam, e-mailadres en vraag om u te kunnen antwoorden.",
    "en",
    "English",
};
constexpr Words kEn{
    "en",
    "Ask your question; we answer by e-mail.",
    "Name",
    "E-mail address",
    "We send our answer here.",
    "Subject",
    "Your question",
    "Attachments",
    "At most 5 files, 20 MB together; no programs.",
    "Leave this field empty",
    "Send",
    "Not everything is filled in correctly:",
    "Thank you, we have received your question",
    "Your reference is",
    "We have sent a confirmation to",
    "We will answer by e-mail to",
    "Ask another question",
    "You have just asked several questions. Please try again in a few minutes.",
    "This form does not exist or is closed.",
    "We keep your name, e-mail address and question in order to answer you.",
    "nl",
    "Nederlands",
};

const Words& WordsFor(Language l) { return l == Language::kNl ? kNl : kEn; }

struct PageValues {
  std::string name, email, subject, question;
};

Response Html(int status, const std::string& title, const std::string& lang,
              const std::string& main) {
  return PublicPage(status, title, lang == "en" ? Language::kEn : Language::kNl, main,
                    "/forms/form.css");
}

std::string Field(const std::string& id, const char* label, const std::string& input,
                  const std::vector<FieldError>& errors, const char* help = nullptr) {
  std::string out = "<div class=\"field\"><label for=\"" + id + "\">" + label + "</label>";
  std::string described;
  if (help) {
    out += "<p class=\"help\" id=\"" + id + "-help\">" + std::string(help) + "</p>";
    described = id + "-help";
  }
  for (const FieldError& e : errors)
    if (e.field == id || e.field.starts_with(id + "[")) {
      out += "<p class=\"error\" id=\"" + id + "-error\">" + EscapeHtml(e.message) + "</p>";
      described += (described.empty() ? "" : " ") + id + "-error";
      break;
    }
  // The input names its help and error for screen readers.
  std::string tagged = input;
  const std::string own = " id=\"" + id + "\"";
  if (size_t at = tagged.find(own); at != std::string::npos && !described.empty())
    tagged.insert(at + own.size(), " aria-describedby=\"" + described + "\"");
  return out + tagged + "</div>";
}

Response FormPage(const WebForm& form, Language lang, const PageValues& v,
                  const std::vector<FieldError>& errors, int status) {
  const Words& w = WordsFor(lang);
  std::string m = "<h1>" + EscapeHtml(form.name) + "</h1><p>" + w.intro + "</p>";
  if (!errors.empty()) {
    m += "<div class=\"problems\" role=\"alert\"><p>" + std::string(w.problems) + "</p><ul>";
    for (const FieldError& e : errors) m += "<li>" + EscapeHtml(e.message) + "</li>";
    m += "</ul></div>";
  }
  m += "<form method=\"post\" action=\"/forms/" + EscapeHtml(form.slug) + "?lang=" + w.lang +
       "\" enctype=\"multipart/form-data\">";
  m += Field("name", w.name,
             "<input id=\"name\" name=\"name\" autocomplete=\"name\" maxlength=\"200\" value=\"" +
                 EscapeHtml(v.name) + "\">",
             errors);
  m += Field("email", w.email,
             "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required "
             "maxlength=\"320\" value=\"" +
                 EscapeHtml(v.email) + "\">",
             errors, w.email_help);
  m += Field("subject", w.subject,
             "<input id=\"subject\" name=\"subject\" maxlength=\"300\" value=\"" +
                 EscapeHtml(v.subject) + "\">",
             errors);
  m +=
      Field("question", w.question,
            "<textarea id=\"question\" name=\"question\" rows=\"8\" required maxlength=\"20000\">" +
                EscapeHtml(v.question) + "</textarea>",
            errors);
  m += Field("files", w.files, "<input id=\"files\" name=\"files\" type=\"file\" multiple>", errors,
             w.files_help);
  // The honeypot: out of sight and out of the tab order; people leave it empty.
  m += "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">" + std::string(w.honeypot) +
       "</label><input id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>";
  m += "<input type=\"hidden\" name=\"language\" value=\"" + std::string(w.lang) + "\">";
  m += "<button type=\"submit\">" + std::string(w.send) + "</button></form>";
  m += "<p class=\"privacy\">" + std::string(w.privacy) + "</p>";
  m += "<p class=\"lang\"><a href=\"/forms/" + EscapeHtml(form.slug) + "?lang=" + w.other_language +
       "\" lang=\"" + w.other_language + "\">" + w.other_label + "</a></p>";
  return Html(status, form.name, w.lang, m);
}

Response ThanksPage(const WebForm& form, Language lang, const SubmittedForm& done,
                    const std::string& email) {
  const Words& w = WordsFor(lang);
  std::string m = "<h1>" + std::string(w.thanks) + "</h1>";
  if (!done.robot)
    m += "<p class=\"reference\">" + std::string(w.reference) + " <strong>#" +
         std::to_string(done.conversation_id) + "</strong>.</p>";
  m += "<p>" + std::string(done.confirmation_queued ? w.confirmation : w.answer_by_mail) + " " +
       EscapeHtml(email) + ".</p>";
  m += "<p><a href=\"/forms/" + EscapeHtml(form.slug) + "?lang=" + w.lang + "\">" + w.another +
       "</a></p>";
  return Html(200, form.name, w.lang, m);
}

void CountForm(ApiContext& ctx, std::string_view outcome) {
  ctx.metrics
      .Counter("luister_webform_submissions_total",
               "Questions sent through a public web form, by what became of them (stored, "
               "invalid, rate_limited, robot: a filled honeypot, stored nothing).",
               "outcome=\"" + std::string(outcome) + "\"")
      .fetch_add(1, std::memory_order_relaxed);
}

// The fields of a submission, from multipart/form-data (the hosted page),
// application/x-www-form-urlencoded or, on the API path, JSON.
Result<FormSubmission> ReadSubmission(ApiContext& ctx, const Request& req, bool api) {
  FormSubmission s;
  s.remote_ip = req.remote_ip;
  std::string language;
  const std::string type = AsciiLower(req.Header("content-type"));
  auto take = [&](const std::string& name, std::string value) {
    if (name == "name")
      s.name = std::move(value);
    else if (name == "email")
      s.email = std::move(value);
    else if (name == "subject")
      s.subject = std::move(value);
    else if (name == "question")
      s.question = std::move(value);
    else if (name == "website")
      s.honeypot = std::move(value);
    else if (name == "language")
      language = std::move(value);
  };
  if (type.starts_with("multipart/form-data")) {
    if (!ctx.form_reader) return Unavailable("this server cannot read form uploads");
    LUISTER_ASSIGN_OR_RETURN(auto parts,
                             ctx.form_reader->Read(req.Header("content-type"), req.body));
    for (FormPart& p : parts) {
      if (p.name == "files") {
        if (p.filename.empty() && p.data.empty()) continue;  // no file chosen
        FormFile f{p.filename.empty() ? "file" : p.filename, p.content_type, std::move(p.data), ""};
        f.sha256 = auth::Sha256Hex(f.data);
        s.files.push_back(std::move(f));
      } else {
        take(p.name, std::move(p.data));
      }
    }
  } else if (type.starts_with("application/x-www-form-urlencoded")) {
    LUISTER_ASSIGN_OR_RETURN(auto pairs, ParseUrlEncoded(req.body));
    for (auto& [key, value] : pairs) take(key, std::move(value));
  } else if (api && type.starts_with("application/json")) {
    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
    s.name = b.String("name", JsonBody::kOptional, 200).value_or("");
    s.email = b.String("email", JsonBody::kRequired, 320).value_or("");
    s.subject = b.String("subject", JsonBody::kOptional, 300).value_or("");
    s.question = b.String("question", JsonBody::kRequired, 20000).value_or("");
    s.honeypot = b.String("website", JsonBody::kOptional, 1000).value_or("");
    language = b.String("language", JsonBody::kOptional, 2).value_or("");
    b.RejectUnknown({"name", "email", "subject", "question", "website", "language"});
    LUISTER_RETURN_IF_ERROR(b.Finish("the form is not valid"));
  } else {
    return InvalidArgument(
        "send the form as multipart/form-data or application/x-www-form-urlencoded" +
        std::string(api ? " (or application/json)" : ""));
  }
  if (!IsValidUtf8(s.name) || !IsValidUtf8(s.email))
    return InvalidArgument("the form is not valid UTF-8");
  s.language = language == "en" ? Language::kEn : Language::kNl;
  return s;
}

Result<WebFormService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(WebFormRepository * repo, ctx.store.Find<WebFormRepository>());
  return WebFormService(ctx.store, *repo, ctx.clock, ctx.events);
}

json FormJson(const WebForm& f) {
  return {{"id", f.id},
          {"slug", f.slug},
          {"name", f.name},
          {"queue_id", f.queue_id},
          {"active", f.active},
          {"url", "/forms/" + f.slug},
          {"created_at", FormatIso8601(f.created_at)}};
}

// The hosted page's POST and the API's: the same checks, a page or JSON.
Result<Response> Submit(ApiContext& ctx, Request& req, bool api) {
  LUISTER_ASSIGN_OR_RETURN(WebFormService service, Service(ctx));
  const Language page_lang = PageLanguage(req);
  auto form = service.Open(std::string(req.Param("slug")));
  if (!form.ok()) {
    if (api || form.status().code() != StatusCode::kNotFound) return form.status();
    return Html(404, WordsFor(page_lang).not_found, WordsFor(page_lang).lang,
                "<h1>" + std::string(WordsFor(page_lang).not_found) + "</h1>");
  }
  auto in = ReadSubmission(ctx, req, api);
  if (!in.ok()) {
    CountForm(ctx, "invalid");
    if (api) return in.status();
    return FormPage(*form, page_lang, {}, {{"form", in.status().message()}}, 400);
  }
  const PageValues values{in->name, in->email, in->subject, in->question};
  const Language lang = in->language;
  const std::string email = in->email;
  int retry_after = 0;
  auto done = service.Submit(*form, std::move(*in), &retry_after);
  if (!done.ok()) {
    const bool limited = done.status().code() == StatusCode::kResourceExhausted;
    CountForm(ctx, limited ? "rate_limited" : "invalid");
    Response r;
    if (api) {
      r = ProblemFromStatus(done.status());
    } else if (limited) {
      r = Html(429, form->name, WordsFor(lang).lang,
               "<h1>" + EscapeHtml(form->name) + "</h1><p role=\"alert\">" +
                   WordsFor(lang).too_many + "</p>");
    } else if (done.status().code() == StatusCode::kInvalidArgument) {
      return FormPage(*form, lang, values, done.status().fields(), 400);
    } else {
      return done.status();
    }
    if (limited) r.SetHeader("Retry-After", std::to_string(retry_after));
    return r;
  }
  CountForm(ctx, done->robot ? "robot" : "stored");
  if (done->robot)
    std::fprintf(stderr, "luister: web form %s: a filled honeypot from %s; nothing stored\n",
                 form->slug.c_str(), req.remote_ip.c_str());
  if (!api) return ThanksPage(*form, lang, *done, email);
  // A robot gets the same shape, with nothing behind it.
  return JsonResponse(
      done->robot ? 202 : 201,
      {{"reference", done->robot ? "" : "#" + std::to_string(done->conversation_id)},
       {"conversation_id", done->robot ? json() : json(done->conversation_id)},
       {"confirmation_sent", done->confirmation_queued}});
}

Result<WebFormPatch> ReadPatch(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  WebFormPatch p;
  p.name = b.String("name", JsonBody::kOptional, 200);
  p.queue_id = b.Int("queue_id", JsonBody::kOptional);
  p.active = b.Bool("active", JsonBody::kOptional);
  b.RejectUnknown({"name", "queue_id", "active"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
  return p;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  // Public: no login, no CSRF token (there is no session to ride on); the
  // rate limit per address and the honeypot keep robots out.
  r.Add("GET", "/forms/form.css",
        Public([](Request&) -> Result<Response> { return PublicStylesheet(); }));
  r.Add("GET", "/forms/{slug}", Public([&ctx](Request& req) -> Result<Response> {
          LUISTER_ASSIGN_OR_RETURN(WebFormService service, Service(ctx));
          const Language lang = PageLanguage(req);
          auto form = service.Open(std::string(req.Param("slug")));
          if (!form.ok() && form.status().code() == StatusCode::kNotFound)
            return Html(404, WordsFor(lang).not_found, WordsFor(lang).lang,
                        "<h1>" + std::string(WordsFor(lang).not_found) + "</h1>");
          LUISTER_RETURN_IF_ERROR(form.status());
          return FormPage(*form, lang, {}, {}, 200);
        }));
  r.Add("POST", "/forms/{slug}",
        Public([&ctx](Request& req) { return Submit(ctx, req, /*api=*/false); }));
  r.Add("POST", "/api/v1/public/forms/{slug}",
        Public([&ctx](Request& req) { return Submit(ctx, req, /*api=*/true); }));

  r.Add(
      "GET", "/api/v1/web-forms",
      Secured(
          Permission::kManageChannels, kNoPersonalData,
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(WebFormRepository * repo, ctx.store.Find<WebFormRepository>());
            LUISTER_ASSIGN_OR_RETURN(auto list, repo->List());
            json items = json::array();
            for (const WebForm& f : list) items.push_back(FormJson(f));
            return JsonResponse(200, {{"items", std::move(items)}});
          }));
  r.Add("POST", "/api/v1/web-forms",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  WebForm f;
                  f.slug = b.String("slug", JsonBody::kRequired, 60).value_or("");
                  f.name = b.String("name", JsonBody::kRequired, 200).value_or("");
                  f.queue_id = b.Int("queue_id", JsonBody::kRequired).value_or(0);
                  b.RejectUnknown({"slug", "name", "queue_id"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the web form is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(WebFormService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(WebForm created, service.Create(std::move(f)));
                  Response resp = JsonResponse(201, FormJson(created));
                  resp.SetHeader("Location", "/api/v1/web-forms/" + std::to_string(created.id));
                  return resp;
                }));
  r.Add("PATCH", "/api/v1/web-forms/{id}",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(WebFormPatch p, ReadPatch(req.body));
                  LUISTER_ASSIGN_OR_RETURN(WebFormService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(WebForm f, service.Update(id, std::move(p)));
                  return JsonResponse(200, FormJson(f));
                }));
}

}  // namespace

// The public web form (C2): a hosted page per form and a POST endpoint for
// an organisation's own site; each question becomes a conversation of the
// form's queue, answered by e-mail.
ApiModule WebFormModule() { return {"webform", {"web_forms"}, {}, Routes, {}}; }

}  // namespace luister::http
