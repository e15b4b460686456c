#pragma once

#include "domain/mail_outbox.h"

namespace luister::email {

// SMTP submission over libcurl: implicit TLS (smtps://), STARTTLS required,
// or plain (loopback only; the mailbox settings refuse it elsewhere);
// AUTH with the mailbox's user name and password or XOAUTH2 token. What
// happened is told apart as the outbox needs it: sent (250 after the
// message), refused for good (5xx), nothing handed over yet (connection,
// login, 4xx: try again), or broken after the message started to go over
// (uncertain). libcurl dot-stuffs the message and ends lines in CRLF.
class CurlSmtpSender final : public SmtpSender {
 public:
  CurlSmtpSender();
  Status Check(const SmtpEndpoint& endpoint, const std::string& envelope_from) override;
  SmtpResult Send(const SmtpEndpoint& endpoint, const std::string& envelope_from,
                  const std::vector<std::string>& recipients, const std::string& data,
                  const std::function<void()>& on_data) override;
};

}  // namespace luister::email
