#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "auth/password.h"
#include "common/result.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister::auth {

// Who is making a request, once authenticated.
struct Principal {
  User user;
  enum class Via { kSession, kApiToken } via = Via::kSession;
  std::string csrf_token;    // sessions only; state-changing requests must echo it
  std::string session_hash;  // sessions only
};

struct AuthOptions {
  std::chrono::hours session_lifetime{12};
  // Logins are limited two ways, both checked before the password is:
  //  - per address, all accounts together: attempts in a sliding window
  //    (stops one address trying many accounts);
  //  - per account and address: after `free_failures` wrong passwords in a
  //    row, each further attempt from that address waits twice as long as
  //    the one before (1 s, 2 s, 4 s ... up to `max_failure_delay`). Nobody
  //    can lock an account for its owner: other addresses are not slowed.
  //    A success, or `attempt_window` without a failure, starts over.
  int max_attempts_per_ip = 50;
  int free_failures = 5;
  std::chrono::minutes max_failure_delay{15};
  std::chrono::minutes attempt_window{15};
  PasswordCost password_cost = PasswordCost::Interactive();
};

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  std::string csrf_token;
  User user;
  Timestamp expires_at{};
};

// Logins, sessions, API tokens and staff accounts. All state is in the
// store (AuthRepository), so several nodes share sessions and rate limits.
class Authenticator {
 public:
  Authenticator(Store& store, const Clock& clock, AuthOptions options = {});

  // Unauthorized for a wrong e-mail or password (one message for both);
  // ResourceExhausted when the address made too many attempts, or must wait
  // after failures with this account: `retry_after_s`, when given, is set to
  // the seconds to wait.
  Result<LoginResult> Login(std::string_view email, std::string_view password, std::string_view ip,
                            int* retry_after_s = nullptr);
  Result<Principal> AuthenticateSession(std::string_view session_token);
  Result<Principal> AuthenticateBearer(std::string_view api_token);
  Status Logout(std::string_view session_token);
  Status RevokeApiToken(int64_t id);
  // Forgets every cached principal; call after changing a user's role,
  // activity or credentials outside this class.
  void ForgetPrincipals();

  // How long a resolved session or API token is trusted without asking the
  // database again. Changes made through this node take effect at once
  // (they forget the cache); other nodes see them within this time.
  static constexpr std::chrono::seconds kPrincipalTtl{2};

  // Returns the record and the plain token, which is shown once.
  Result<std::pair<ApiTokenRecord, std::string>> CreateApiToken(int64_t user_id, std::string name);

  // Validates and hashes the password; Conflict when the e-mail is taken.
  Result<User> CreateUser(NewUser user, std::string_view password);
  // Sets a new password and ends the user's access under the old one
  // (EndAccess): whoever held a session or an API token must log in again
  // or be given a new token.
  Status SetPassword(int64_t user_id, std::string_view password);
  // Ends every session of `user_id` and revokes all of their API tokens
  // (deactivation, a new password); reactivating brings none back.
  Status EndAccess(int64_t user_id);

 private:
  Result<User> ActiveUser(int64_t user_id);
  Result<Principal> SessionFromStore(const std::string& hash);
  Result<Principal> TokenFromStore(const std::string& hash);
  // The cached principal under `key` when still fresh.
  std::optional<Principal> Cached(const std::string& key);
  void Remember(const std::string& key, const Principal& p, std::optional<Timestamp> expires);

  struct CachedPrincipal {
    Principal principal;
    std::chrono::steady_clock::time_point fresh_until;
    std::optional<Timestamp> session_expires;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, CachedPrincipal> cache_;  // guarded by cache_mu_

  Store& store_;
  const Clock& clock_;
  AuthOptions options_;
  const std::string& DummyHash();

  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified for unknown e-mails so timing does not tell them apart
};

}  // namespace luister::auth
