#include "channels/email/imap_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <string>

namespace luister::email {

namespace {

// Responses larger than this are refused (a listing of a huge folder is a
// few MB; messages are limited by the poller before they are fetched).
constexpr size_t kMaxResponseBytes = size_t{256} << 20;

size_t Collect(char* data, size_t size, size_t n, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->size() + size * n > kMaxResponseBytes) return 0;  // aborts the transfer
  out->append(data, size * n);
  return size * n;
}

// A folder name as a URL path: each segment escaped, '/' kept.
std::string FolderPath(CURL* curl, const std::string& folder) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t slash = folder.find('/', start);
    std::string segment = folder.substr(start, slash - start);
    char* escaped = curl_easy_escape(curl, segment.c_str(), static_cast<int>(segment.size()));
    out += escaped ? escaped : "";
    curl_free(escaped);
    if (slash == std::string::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

// "3,4,9" for the UIDs, runs joined ("3:5,9").
std::string UidSet(const std::vector<int64_t>& uids) {
  std::vector<int64_t> sorted = uids;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(sorted[i]);
    if (j > i) out += ':' + std::to_string(sorted[j]);
    i = j + 1;
  }
  return out;
}

// The number after `key` ("UIDVALIDITY 1796280601") in `text`, from `from`.
std::optional<int64_t> NumberAfter(const std::string& text, const std::string& key,
                                   size_t from = 0) {
  size_t at = text.find(key, from);
  if (at == std::string::npos) return std::nullopt;
  at += key.size();
  while (at < text.size() && text[at] == ' ') ++at;
  int64_t v = 0;
  size_t digits = 0;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) && digits < 18) {
    v = v * 10 + (text[at++] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return v;
}

class CurlImapSession final : public ImapSession {
 public:
  CurlImapSession(CURL* curl, ImapEndpoint endpoint) : curl_(curl), e_(std::move(endpoint)) {
    base_ = std::string(e_.security == MailSecurity::kTls ? "imaps://" : "imap://") + e_.host +
            ":" + std::to_string(e_.port) + "/";
    folder_ = FolderPath(curl_, e_.folder);
  }
  ~CurlImapSession() override { curl_easy_cleanup(curl_); }
  CurlImapSession(const CurlImapSession&) = delete;
  CurlImapSession& operator=(const CurlImapSession&) = delete;

  // Logs in (and asks for the folder's UIDVALIDITY, which Connect needs
  // anyway to tell a missing folder from a working login).
  Status Open() { return Folder().status(); }

  Result<ImapFolderState> Folder() override {
    LUISTER_ASSIGN_OR_RETURN(
        std::string out, Run(base_, "STATUS \"" + e_.folder + "\" (UIDVALIDITY UIDNEXT MESSAGES)"));
    auto v = NumberAfter(out, "UIDVALIDITY");
    if (!v) return Unavailable("the server did not say the UIDVALIDITY of " + e_.folder);
    uidvalidity_ = *v;
    ImapFolderState s;
    s.uidvalidity = *v;
    s.uidnext = NumberAfter(out, "UIDNEXT").value_or(0);
    s.messages = NumberAfter(out, "MESSAGES").value_or(0);
    uidnext_ = s.uidnext;
    return s;
  }

  Result<std::vector<ImapMessageInfo>> ListAfter(int64_t after, int limit) override {
    // libcurl 7.88 counts each answer line of a custom command as "header"
    // together with the rest of what it has read, against a 300 KB limit,
    // so an answer of a few hundred lines fails: ask in small ranges of UIDs
    // up to UIDNEXT, and jump over gaps (mail moved away) with ESEARCH MIN
    // where the server has it. Without UIDNEXT: one "n:*".
    constexpr int64_t kRange = 64;
    std::vector<ImapMessageInfo> list;
    int64_t lo = after + 1;
    while (static_cast<int>(list.size()) < limit) {
      const bool open_end = uidnext_ <= 0;
      const int64_t hi = open_end ? 0 : std::min(lo + kRange - 1, uidnext_ - 1);
      if (!open_end && hi < lo) break;
      LUISTER_ASSIGN_OR_RETURN(
          auto part,
          FetchInfo(std::to_string(lo) + ":" + (open_end ? "*" : std::to_string(hi)), after));
      list.insert(list.end(), part.begin(), part.end());
      if (open_end) break;
      lo = hi + 1;
      if (part.empty() && lo < uidnext_) {
        auto next = Run(FolderUrl(), "UID SEARCH RETURN (MIN) UID " + std::to_string(lo) + ":*");
        if (next.ok()) {
          auto min = NumberAfter(*next, "MIN");
          if (!min || *min < lo) break;  // "lo:*" names the last message when none is above
          lo = *min;
        }
      }
    }
    std::sort(list.begin(), list.end(),
              [](const ImapMessageInfo& a, const ImapMessageInfo& b) { return a.uid < b.uid; });
    if (static_cast<int>(list.size()) > limit) list.resize(static_cast<size_t>(limit));
    return list;
  }

 private:
  Result<std::vector<ImapMessageInfo>> FetchInfo(const std::string& set, int64_t after) {
    LUISTER_ASSIGN_OR_RETURN(std::string out,
                             Run(FolderUrl(), "UID FETCH " + set + " (UID RFC822.SIZE FLAGS)"));
    std::vector<ImapMessageInfo> list;
    size_t pos = 0;
    while ((pos = out.find("* ", pos)) != std::string::npos) {
      size_t end = out.find('\n', pos);
      std::string line = out.substr(pos, end == std::string::npos ? end : end - pos);
      pos = end == std::string::npos ? out.size() : end;
      if (line.find(" FETCH ") == std::string::npos) continue;
      auto uid = NumberAfter(line, "UID ");
      auto size = NumberAfter(line, "RFC822.SIZE ");
      // "n:*" names the last message even when its UID is below n.
      if (!uid || *uid <= after) continue;
      list.push_back({*uid, size.value_or(0), line.find("\\Seen") != std::string::npos});
    }
    return list;
  }

 public:
  Result<std::string> Fetch(int64_t uid) override { return Run(MessageUrl(uid, ""), ""); }

  Result<std::string> FetchHeader(int64_t uid) override {
    return Run(MessageUrl(uid, "/;SECTION=HEADER"), "");
  }

  Status MarkSeen(const std::vector<int64_t>& uids) override {
    return Run(FolderUrl(), "UID STORE " + UidSet(uids) + " +FLAGS.SILENT (\\Seen)").status();
  }

  Status MarkUnseen(const std::vector<int64_t>& uids) override {
    return Run(FolderUrl(), "UID STORE " + UidSet(uids) + " -FLAGS.SILENT (\\Seen)").status();
  }

  Status Move(const std::vector<int64_t>& uids, const std::string& folder) override {
    const std::string set = UidSet(uids);
    auto moved = Run(FolderUrl(), "UID MOVE " + set + " \"" + folder + "\"");
    if (moved.ok()) return Status::Ok();
    // Servers without MOVE (RFC 6851): copy, then delete the originals.
    LUISTER_RETURN_IF_ERROR(Run(FolderUrl(), "UID COPY " + set + " \"" + folder + "\"").status());
    LUISTER_RETURN_IF_ERROR(
        Run(FolderUrl(), "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)").status());
    auto expunged = Run(FolderUrl(), "UID EXPUNGE " + set);  // UIDPLUS
    if (!expunged.ok()) return Run(FolderUrl(), "EXPUNGE").status();
    return Status::Ok();
  }

 private:
  std::string FolderUrl() const { return base_ + folder_; }
  std::string MessageUrl(int64_t uid, const std::string& section) const {
    std::string url = FolderUrl();
    if (uidvalidity_) url += ";UIDVALIDITY=" + std::to_string(*uidvalidity_);
    return url + "/;UID=" + std::to_string(uid) + section;
  }

  // One request on the session's connection; `custom` empty for a URL fetch.
  Result<std::string> Run(const std::string& url, const std::string& custom) {
    std::string out;
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, custom.empty() ? nullptr : custom.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &out);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    CURLcode rc = curl_easy_perform(curl_);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
    if (rc == CURLE_OK) return out;
    std::string what = error[0] ? error : curl_easy_strerror(rc);
    if (rc == CURLE_LOGIN_DENIED)
      what = "login denied for " + e_.username + " (check the user name and password)";
    else if (rc == CURLE_REMOTE_FILE_NOT_FOUND && custom.empty())
      what = "the message is gone or the folder changed (" + what + ")";
    else if (rc == CURLE_QUOTE_ERROR || rc == CURLE_REMOTE_ACCESS_DENIED || rc == CURLE_RECV_ERROR)
      what = "the server refused \"" + (custom.empty() ? std::string("FETCH") : custom) + "\" (" +
             what + ")";
    return Unavailable(what);
  }

  CURL* curl_;
  ImapEndpoint e_;
  std::string base_, folder_;
  std::optional<int64_t> uidvalidity_;
  int64_t uidnext_ = 0;
};

}  // namespace

CurlImapConnector::CurlImapConnector() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<std::unique_ptr<ImapSession>> CurlImapConnector::Connect(const ImapEndpoint& e) {
  CURL* curl = curl_easy_init();
  if (!curl) return Internal("libcurl could not make a handle");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(e.timeout.count()));
  // A transfer that stalls (no byte for the timeout) fails; a slow large one does not.
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(e.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   e.security == MailSecurity::kPlain ? static_cast<long>(CURLUSESSL_NONE)
                                                      : static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(curl, CURLOPT_USERNAME, e.username.c_str());
  if (e.auth == MailAuth::kXoauth2) {
    curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, e.secret.c_str());
    curl_easy_setopt(curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
  } else {
    curl_easy_setopt(curl, CURLOPT_PASSWORD, e.secret.c_str());
  }
  auto session = std::make_unique<CurlImapSession>(curl, e);
  LUISTER_RETURN_IF_ERROR(session->Open());
  return std::unique_ptr<ImapSession>(std::move(session));
}

}  // namespace luister::email
