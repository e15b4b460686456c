#include "channels/email/smtp_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace luister::email {

namespace {

struct Upload {
  const std::string* data = nullptr;
  size_t offset = 0;
  bool started = false;
  const std::function<void()>* on_data = nullptr;
};

size_t Read(char* buffer, size_t size, size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  if (!up->started) {
    // libcurl asks for the message only once the server said 354 to DATA.
    up->started = true;
    if (*up->on_data) (*up->on_data)();
  }
  size_t room = size * n;
  size_t left = up->data->size() - up->offset;
  size_t take = std::min(room, left);
  std::memcpy(buffer, up->data->data() + up->offset, take);
  up->offset += take;
  return take;
}

size_t Discard(char*, size_t size, size_t n, void*) { return size * n; }

}  // namespace

CurlSmtpSender::CurlSmtpSender() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

// A handle for `e`: URL (greeting with the sender's domain), TLS, timeouts
// and login; null when libcurl could not make one.
CURL* OpenHandle(const SmtpEndpoint& e, const std::string& envelope_from, char* error) {
  CURL* curl = curl_easy_init();
  if (!curl) return nullptr;
  // The URL's path is the name we greet with (EHLO).
  std::string helo = envelope_from.substr(envelope_from.rfind('@') + 1);
  std::string url = std::string(e.security == MailSecurity::kTls ? "smtps://" : "smtp://") +
                    e.host + ":" + std::to_string(e.port) + "/" + helo;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(e.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(e.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   e.security == MailSecurity::kPlain ? static_cast<long>(CURLUSESSL_NONE)
                                                      : static_cast<long>(CURLUSESSL_ALL));
  if (!e.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, e.username.c_str());
    if (e.auth == MailAuth::kXoauth2) {
      curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, e.secret.c_str());
      curl_easy_setopt(curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
    } else {
      curl_easy_setopt(curl, CURLOPT_PASSWORD, e.secret.c_str());
    }
  }
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  return curl;
}

}  // namespace

Status CurlSmtpSender::Check(const SmtpEndpoint& e, const std::string& envelope_from) {
  char error[CURL_ERROR_SIZE] = {0};
  CURL* curl = OpenHandle(e, envelope_from, error);
  if (!curl) return Unavailable("libcurl could not make a handle");
  // Connects, greets, upgrades to TLS and logs in, then stops: nothing is sent.
  curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return Status::Ok();
  std::string what = (error[0] ? std::string(error) : std::string(curl_easy_strerror(rc)));
  if (code > 0) what = std::to_string(code) + " " + what;
  if (rc == CURLE_LOGIN_DENIED) return Unavailable("login denied for " + e.username + ": " + what);
  return Unavailable(what);
}

SmtpResult CurlSmtpSender::Send(const SmtpEndpoint& e, const std::string& envelope_from,
                                const std::vector<std::string>& recipients, const std::string& data,
                                const std::function<void()>& on_data) {
  char error[CURL_ERROR_SIZE] = {0};
  CURL* curl = OpenHandle(e, envelope_from, error);
  if (!curl) return {SmtpOutcome::kTemporary, "libcurl could not make a handle"};
  std::string from = "<" + envelope_from + ">";
  curl_slist* rcpt = nullptr;
  for (const auto& r : recipients) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
  Upload up{&data, 0, false, &on_data};
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, Read);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return {SmtpOutcome::kSent, "250"};
  std::string what = (error[0] ? std::string(error) : std::string(curl_easy_strerror(rc)));
  if (code > 0) what = std::to_string(code) + " " + what;
  if (rc == CURLE_LOGIN_DENIED)
    return {SmtpOutcome::kTemporary,
            "login denied for " + e.username + " (check the mailbox's password): " + what};
  // After the message went over, only a clear answer tells what happened.
  if (up.started) {
    if (code >= 500) return {SmtpOutcome::kRejected, what};
    // Not all of it went over: the server cannot have taken it.
    if (up.offset < data.size()) return {SmtpOutcome::kTemporary, what};
    if (code >= 400 && up.offset == data.size()) return {SmtpOutcome::kTemporary, what};
    return {SmtpOutcome::kUncertain, what};
  }
  if (code >= 500) return {SmtpOutcome::kRejected, what};
  return {SmtpOutcome::kTemporary, what};
}

}  // namespace luister::email
