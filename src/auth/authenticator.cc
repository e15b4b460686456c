#include "auth/authenticator.h"

#include "auth/tokens.h"
#include "domain/validation.h"

namespace luister::auth {

namespace {
constexpr std::string_view kApiTokenPrefix = "lst_";
}  // namespace

Authenticator::Authenticator(Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options) {}

const std::string& Authenticator::DummyHash() {
  // Made on the first login for an unknown address, not at start-up: an
  // Argon2id hash costs tens of milliseconds and its memory would otherwise
  // be part of every process's peak RSS, including the CLI's.
  std::call_once(dummy_once_, [this] {
    auto h = HashPassword(RandomToken(24), options_.password_cost);
    if (h.ok()) dummy_hash_ = *h;
  });
  return dummy_hash_;
}

namespace {

int CeilSeconds(std::chrono::milliseconds ms) {
  return static_cast<int>((ms.count() + 999) / 1000);
}

}  // namespace

Result<LoginResult> Authenticator::Login(std::string_view email, std::string_view password,
                                         std::string_view ip, int* retry_after_s) {
  const auto now = clock_.Now();
  const auto window =
      std::chrono::duration_cast<std::chrono::milliseconds>(options_.attempt_window);
  const auto into =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % window;
  const Timestamp window_start = now - into;
  auto refuse = [&](std::chrono::milliseconds wait) -> Status {
    const int seconds = std::max(1, CeilSeconds(wait));
    if (retry_after_s) *retry_after_s = seconds;
    return ResourceExhausted("too many login attempts; try again in " + std::to_string(seconds) +
                             " seconds");
  };

  // This address, all accounts: a sliding estimate over the last window.
  LUISTER_ASSIGN_OR_RETURN(WindowCounts ip_hits,
                           store_.auth().Hit("login:ip:" + std::string(ip), window_start, window));
  const double weight =
      1.0 - static_cast<double>(into.count()) / static_cast<double>(window.count());
  if (ip_hits.previous * weight + ip_hits.current > options_.max_attempts_per_ip)
    return refuse(window - into);

  // This account from this address: growing waits after failures in a row.
  auto normalised = NormaliseEmail(email);
  const std::string pair_key =
      "login:pair:" + (normalised.ok() ? *normalised : std::string(email)) + "|" + std::string(ip);
  LUISTER_ASSIGN_OR_RETURN(FailureStreak streak, store_.auth().GetFailures(pair_key));
  if (streak.last && streak.failures >= options_.free_failures) {
    const int doublings = std::min(streak.failures - options_.free_failures, 20);
    const auto wait = std::min<std::chrono::milliseconds>(
        std::chrono::milliseconds(1000LL << doublings),
        std::chrono::duration_cast<std::chrono::milliseconds>(options_.max_failure_delay));
    if (now < *streak.last + wait) return refuse(*streak.last + wait - now);
  }

  std::optional<Credentials> creds;
  if (normalised.ok()) {
    LUISTER_ASSIGN_OR_RETURN(creds, store_.directory().FindCredentials(*normalised));
  }
  bool good = creds ? VerifyPassword(creds->password_hash, password)
                    : (VerifyPassword(DummyHash(), password), false);
  if (!good || !creds->active) {
    LUISTER_RETURN_IF_ERROR(store_.auth().AddFailure(pair_key, now, window).status());
    return Unauthorized("e-mail address or password is wrong");
  }

  LUISTER_ASSIGN_OR_RETURN(User user, store_.directory().GetUser(creds->user_id));
  if (streak.failures > 0) LUISTER_RETURN_IF_ERROR(store_.auth().ResetCounter(pair_key));
  LoginResult out;
  out.session_token = RandomToken(32);
  out.csrf_token = RandomToken(24);
  out.user = std::move(user);
  out.expires_at =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(options_.session_lifetime);
  SessionRecord s;
  s.token_hash = Sha256Hex(out.session_token);
  s.user_id = out.user.id;
  s.csrf_token = out.csrf_token;
  s.created_at = now;
  s.expires_at = out.expires_at;
  LUISTER_RETURN_IF_ERROR(store_.auth().CreateSession(s));
  return out;
}

Result<User> Authenticator::ActiveUser(int64_t user_id) {
  auto user = store_.directory().GetUser(user_id);
  if (!user.ok()) {
    if (user.status().code() == StatusCode::kNotFound) return Unauthorized("unknown user");
    return user.status();
  }
  if (!user->active) return Unauthorized("this account is disabled");
  return user;
}

std::optional<Principal> Authenticator::Cached(const std::string& key) {
  std::lock_guard lock(cache_mu_);
  auto it = cache_.find(key);
  if (it == cache_.end()) return std::nullopt;
  const CachedPrincipal& c = it->second;
  if (std::chrono::steady_clock::now() >= c.fresh_until ||
      (c.session_expires && clock_.Now() >= *c.session_expires)) {
    cache_.erase(it);
    return std::nullopt;
  }
  return c.principal;
}

void Authenticator::Remember(const std::string& key, const Principal& p,
                             std::optional<Timestamp> expires) {
  constexpr size_t kMaxCached = 10000;
  std::lock_guard lock(cache_mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();  // stale entries are cheap to lose
  cache_[key] = {p, std::chrono::steady_clock::now() + kPrincipalTtl, expires};
}

void Authenticator::ForgetPrincipals() {
  std::lock_guard lock(cache_mu_);
  cache_.clear();
}

Result<Principal> Authenticator::SessionFromStore(const std::string& hash) {
  auto s = store_.auth().GetSession(hash, clock_.Now());
  if (!s.ok()) {
    if (s.status().code() == StatusCode::kNotFound)
      return Unauthorized("the session has expired; log in again");
    return s.status();
  }
  LUISTER_ASSIGN_OR_RETURN(User user, ActiveUser(s->user_id));
  Principal p{std::move(user), Principal::Via::kSession, s->csrf_token, s->token_hash};
  Remember("s" + hash, p, s->expires_at);
  return p;
}

Result<Principal> Authenticator::AuthenticateSession(std::string_view session_token) {
  if (session_token.empty()) return Unauthorized("not logged in");
  std::string hash = Sha256Hex(session_token);
  if (auto p = Cached("s" + hash)) return *std::move(p);
  return SessionFromStore(hash);
}

Result<Principal> Authenticator::TokenFromStore(const std::string& hash) {
  auto t = store_.auth().UseApiToken(hash, clock_.Now());
  if (!t.ok()) {
    if (t.status().code() == StatusCode::kNotFound)
      return Unauthorized("unknown or revoked API token");
    return t.status();
  }
  LUISTER_ASSIGN_OR_RETURN(User user, ActiveUser(t->user_id));
  Principal p{std::move(user), Principal::Via::kApiToken, {}, {}};
  Remember("t" + hash, p, std::nullopt);
  return p;
}

Result<Principal> Authenticator::AuthenticateBearer(std::string_view api_token) {
  if (api_token.substr(0, kApiTokenPrefix.size()) != kApiTokenPrefix)
    return Unauthorized("not a Luister API token");
  std::string hash = Sha256Hex(api_token);
  if (auto p = Cached("t" + hash)) return *std::move(p);
  return TokenFromStore(hash);
}

Status Authenticator::Logout(std::string_view session_token) {
  std::string hash = Sha256Hex(session_token);
  {
    std::lock_guard lock(cache_mu_);
    cache_.erase("s" + hash);
  }
  return store_.auth().DeleteSession(hash);
}

Status Authenticator::RevokeApiToken(int64_t id) {
  LUISTER_RETURN_IF_ERROR(store_.auth().RevokeApiToken(id, clock_.Now()));
  ForgetPrincipals();
  return Status::Ok();
}

Result<std::pair<ApiTokenRecord, std::string>> Authenticator::CreateApiToken(int64_t user_id,
                                                                             std::string name) {
  name = std::string(Trim(name));
  if (name.empty() || name.size() > 100 || !IsValidUtf8(name))
    return InvalidArgument("the token is not valid", {{"name", "must be 1 to 100 bytes of UTF-8"}});
  LUISTER_ASSIGN_OR_RETURN(User user, store_.directory().GetUser(user_id));
  if (!user.active)
    return InvalidArgument("the token is not valid", {{"user_id", "user is disabled"}});
  std::string token = std::string(kApiTokenPrefix) + RandomToken(32);
  ApiTokenRecord r;
  r.user_id = user_id;
  r.name = std::move(name);
  r.token_hash = Sha256Hex(token);
  r.prefix = token.substr(0, 10);
  r.created_at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(ApiTokenRecord stored, store_.auth().CreateApiToken(r));
  return std::make_pair(std::move(stored), std::move(token));
}

Result<User> Authenticator::CreateUser(NewUser user, std::string_view password) {
  std::vector<FieldError> errors;
  auto email = NormaliseEmail(user.email);
  if (!email.ok()) errors.push_back({"email", email.status().message()});
  user.name = std::string(Trim(user.name));
  if (user.name.empty() || user.name.size() > 200 || !IsValidUtf8(user.name))
    errors.push_back({"name", "must be 1 to 200 bytes of UTF-8"});
  if (auto wrong = CheckPassword(password, {email.ok() ? *email : user.email, user.name}))
    errors.push_back({"password", *wrong});
  if (user.department_id) {
    auto d = store_.directory().GetDepartment(*user.department_id);
    if (!d.ok()) {
      if (d.status().code() != StatusCode::kNotFound) return d.status();
      errors.push_back({"department_id", "no such department"});
    }
  }
  if (!errors.empty()) return InvalidArgument("the user is not valid", std::move(errors));
  user.email = *email;
  LUISTER_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password, options_.password_cost));
  return store_.directory().CreateUser(user, clock_.Now());
}

Status Authenticator::SetPassword(int64_t user_id, std::string_view password) {
  LUISTER_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, options_.password_cost));
  LUISTER_RETURN_IF_ERROR(store_.directory().SetPasswordHash(user_id, hash));
  return EndAccess(user_id);
}

Status Authenticator::EndAccess(int64_t user_id) {
  Status sessions = store_.auth().DeleteUserSessions(user_id);
  Status tokens = store_.auth().RevokeUserApiTokens(user_id, clock_.Now()).status();
  ForgetPrincipals();
  return sessions.ok() ? tokens : sessions;
}

}  // namespace luister::auth
