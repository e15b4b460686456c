#pragma once

#include <memory>

#include "domain/mailbox_poller.h"

namespace luister::email {

// IMAP over libcurl: implicit TLS (imaps://), STARTTLS required, or plain
// (loopback tests only; the mailbox settings refuse it elsewhere); LOGIN or
// SASL with a password, or XOAUTH2 with a bearer token. One session is one
// libcurl handle, so its requests share one connection and one login.
//
// Messages are fetched with IMAP's BODY[] through libcurl's own FETCH, which
// reads the literal by its length (a custom "UID FETCH ... BODY.PEEK[]"
// would hand the literal back line by line, and a line of the message that
// looks like the command's tagged answer would end it early). Every fetch
// names the UIDVALIDITY the session saw, so a folder rebuilt in between
// fails the fetch instead of returning another message.
class CurlImapConnector final : public ImapConnector {
 public:
  CurlImapConnector();
  Result<std::unique_ptr<ImapSession>> Connect(const ImapEndpoint& endpoint) override;
};

}  // namespace luister::email
