#include "domain/duplicates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "domain/customer_service.h"
#include "domain/job_runner.h"
#include "domain/social.h"

namespace luister {

namespace {

constexpr std::array<std::pair<DuplicateReason, std::string_view>, 4> kReasons{{
    {DuplicateReason::kSamePhone, "same_phone"},
    {DuplicateReason::kSameNameAndEmailDomain, "same_name_and_email_domain"},
    {DuplicateReason::kSameHandle, "same_handle"},
    {DuplicateReason::kGaveKnownAddress, "gave_known_address"},
}};

constexpr std::array<std::pair<DuplicateStatus, std::string_view>, 3> kStatuses{{
    {DuplicateStatus::kOpen, "open"},
    {DuplicateStatus::kDismissed, "dismissed"},
    {DuplicateStatus::kMerged, "merged"},
}};

// U+00C0..U+00FF (the second byte of C3 xx, minus 0x80) to a base letter;
// 0 for the signs that are no letters (×, ÷).
constexpr char kLatin1Base[64 + 1] =
    "aaaaaaaceeeeiiii"    // À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "dnooooo\0ouuuuyts"   // Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "aaaaaaaceeeeiiii"    // à á â ã ä å æ ç è é ê ë ì í î ï
    "dnooooo\0ouuuuyty";  // ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ

// The desk's own names for people it knows nothing of.
constexpr std::array<std::string_view, 2> kPlaceholders{"website visitor", "websitebezoeker"};

std::string DomainOf(const std::string& email) {
  const size_t at = email.rfind('@');
  return at == std::string::npos ? std::string() : email.substr(at + 1);
}

// Lower-case, accents folded, punctuation dropped, words single-spaced.
std::string FoldedName(std::string_view name) {
  std::string key;
  bool space = false;
  auto letter = [&](char c) {
    if (space && !key.empty()) key += ' ';
    space = false;
    key += c;
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xc3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xbf) {
        ++i;
        if (const char base = kLatin1Base[next - 0x80]) letter(base);
        continue;
      }
    }
    if (c >= 0x80) {
      letter(static_cast<char>(c));  // other scripts as they are
    } else if (std::isalnum(c)) {
      letter(static_cast<char>(std::tolower(c)));
    } else if (c == '\'') {
      // d'Artagnan and dArtagnan are one name
    } else {
      space = true;
    }
  }
  return key;
}

}  // namespace

std::string_view ToString(DuplicateReason r) {
  for (const auto& [value, name] : kReasons)
    if (value == r) return name;
  return "same_phone";
}

std::optional<DuplicateReason> ParseDuplicateReason(std::string_view s) {
  for (const auto& [value, name] : kReasons)
    if (name == s) return value;
  return std::nullopt;
}

std::string_view ToString(DuplicateStatus s) {
  for (const auto& [value, name] : kStatuses)
    if (value == s) return name;
  return "open";
}

std::optional<DuplicateStatus> ParseDuplicateStatus(std::string_view s) {
  for (const auto& [value, name] : kStatuses)
    if (name == s) return value;
  return std::nullopt;
}

std::string NameKey(std::string_view name) {
  std::string key = FoldedName(name);
  if (key.find(' ') == std::string::npos) return "";
  for (std::string_view p : kPlaceholders)
    if (key == p) return "";
  return key;
}

Status DuplicateService::Suggest(int64_t a, int64_t b, DuplicateEvidence e) {
  if (a == b) return Status::Ok();
  e.at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s, duplicates_.Suggest(a, b, e));
  // New evidence on an open pair: the customers' pages show it.
  if (s.status == DuplicateStatus::kOpen && s.updated_at == e.at && events_) {
    for (int64_t id : {s.customer_id, s.other_id}) {
      DomainEvent ev;
      ev.type = EventType::kCustomerUpdated;
      ev.at = e.at;
      ev.customer_id = id;
      HeldEvents::PublishOrHold(events_, ev);
    }
  }
  return Status::Ok();
}

Status DuplicateService::Observe(int64_t customer_id, int64_t other_id, DuplicateReason reason,
                                 std::string detail, std::string door) {
  if (customer_id == other_id) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(Customer a, store_.customers().Get(customer_id));
  LUISTER_ASSIGN_OR_RETURN(Customer b, store_.customers().Get(other_id));
  if (a.merged_into_id || b.merged_into_id) return Status::Ok();
  return Suggest(a.id, b.id, {reason, std::move(detail), std::move(door), {}});
}

Status DuplicateService::Look(const Customer& c, const std::vector<std::string>& sources) {
  const std::string key = NameKey(c.name);
  if (!key.empty()) {
    std::set<std::string> domains;
    for (const Identity& i : c.identities)
      if (i.kind == IdentityKind::kEmail) domains.insert(DomainOf(i.value));
    if (!domains.empty()) {
      LUISTER_ASSIGN_OR_RETURN(auto namesakes, duplicates_.WithNameKey(key, c.id, 20));
      for (int64_t id : namesakes) {
        LUISTER_ASSIGN_OR_RETURN(Customer other, store_.customers().Get(id));
        for (const Identity& i : other.identities) {
          if (i.kind != IdentityKind::kEmail || !domains.count(DomainOf(i.value))) continue;
          LUISTER_RETURN_IF_ERROR(
              Suggest(c.id, other.id,
                      {DuplicateReason::kSameNameAndEmailDomain, DomainOf(i.value), "scan", {}}));
          break;
        }
      }
    }
  }
  // The same handle on another source, under the same name (a handle alone
  // is too often someone else's on another network).
  for (const Identity& i : c.identities) {
    if (i.kind != IdentityKind::kSocial) continue;
    const size_t colon = i.value.find(':');
    if (colon == std::string::npos) continue;
    const std::string source = i.value.substr(0, colon);
    const std::string handle = i.value.substr(colon + 1);
    for (const std::string& other_source : sources) {
      if (other_source == source) continue;
      LUISTER_ASSIGN_OR_RETURN(auto other, store_.customers().FindByIdentity(
                                               IdentityKind::kSocial, other_source + ":" + handle));
      if (!other || other->merged_into_id || other->id == c.id) continue;
      const std::string name = FoldedName(c.name);
      if (name.empty() || name != FoldedName(other->name)) continue;
      LUISTER_RETURN_IF_ERROR(Suggest(c.id, other->id,
                                      {DuplicateReason::kSameHandle,
                                       handle + " (" + std::min(source, other_source) + ", " +
                                           std::max(source, other_source) + ")",
                                       "scan",
                                       {}}));
    }
  }
  return Status::Ok();
}

Result<int> DuplicateService::Scan(int batch) {
  LUISTER_ASSIGN_OR_RETURN(int64_t from, duplicates_.ScannedUpTo());
  std::vector<std::string> sources;
  if (auto social = store_.Find<SocialRepository>(); social.ok()) {
    LUISTER_ASSIGN_OR_RETURN(auto list, (*social)->List());
    for (const SocialSource& s : list) sources.push_back(s.slug);
  }
  PageRequest page;
  page.limit = std::min(batch, kMaxPageSize);
  page.after = Cursor{from, from};
  int looked = 0;
  while (looked < batch) {
    LUISTER_ASSIGN_OR_RETURN(auto customers, store_.customers().List(CustomerFilter{}, page));
    // Keys first, so that two namesakes of one page find each other.
    std::vector<std::pair<int64_t, std::string>> keys;
    for (const Customer& c : customers.items) keys.emplace_back(c.id, NameKey(c.name));
    LUISTER_RETURN_IF_ERROR(duplicates_.SetNameKeys(keys));
    for (const Customer& c : customers.items) LUISTER_RETURN_IF_ERROR(Look(c, sources));
    if (!customers.items.empty())
      LUISTER_RETURN_IF_ERROR(duplicates_.SetScannedUpTo(customers.items.back().id));
    looked += static_cast<int>(customers.items.size());
    if (!customers.next || customers.items.empty()) break;
    page.after = customers.next;
  }
  return looked;
}

Result<DuplicateSuggestion> DuplicateService::Merge(int64_t id, int64_t by_user_id,
                                                    std::optional<int64_t> keep) {
  LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s, duplicates_.Get(id));
  if (s.status != DuplicateStatus::kOpen)
    return Conflict("this suggestion was " + std::string(ToString(s.status)) + " already");
  if (keep && *keep != s.customer_id && *keep != s.other_id)
    return InvalidArgument("the suggestion is not about that customer",
                           {{"keep", "must be one of the two customers"}});
  const int64_t target = keep.value_or(s.customer_id);
  const int64_t source = target == s.customer_id ? s.other_id : s.customer_id;
  CustomerService customers(store_, clock_, events_);
  LUISTER_RETURN_IF_ERROR(customers.Merge(source, target, by_user_id).status());
  return duplicates_.Close(id, DuplicateStatus::kMerged, by_user_id, clock_.Now());
}

Result<DuplicateSuggestion> DuplicateService::Dismiss(int64_t id, int64_t by_user_id) {
  LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s, duplicates_.Close(id, DuplicateStatus::kDismissed,
                                                                    by_user_id, clock_.Now()));
  if (events_) {
    for (int64_t c : {s.customer_id, s.other_id}) {
      DomainEvent ev;
      ev.type = EventType::kCustomerUpdated;
      ev.at = clock_.Now();
      ev.customer_id = c;
      HeldEvents::PublishOrHold(events_, ev);
    }
  }
  return s;
}

Result<bool> DuplicateService::EnsureScanJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, duplicates_.ScanJobId());
  return EnsureSingletonJob(store_, clock_, kDuplicateScanJob, current,
                            [&](std::optional<int64_t> expected, int64_t job_id) {
                              return duplicates_.SetScanJob(expected, job_id);
                            });
}

Result<std::optional<Timestamp>> DuplicateService::RunScanJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(auto current, duplicates_.ScanJobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one scanner
  constexpr int kBatch = 500;
  LUISTER_ASSIGN_OR_RETURN(int looked, Scan(kBatch));
  const Timestamp now = clock_.Now();
  return std::optional<Timestamp>(looked >= kBatch ? now : now + std::chrono::seconds(5));
}

Status ObserveDuplicate(Store& store, const Clock& clock, EventPublisher* events,
                        int64_t customer_id, int64_t other_id, DuplicateReason reason,
                        std::string detail, std::string door) {
  auto repo = store.Find<DuplicateRepository>();
  if (!repo.ok()) return Status::Ok();
  DuplicateService service(store, **repo, clock, events);
  return service.Observe(customer_id, other_id, reason, std::move(detail), std::move(door));
}

}  // namespace luister
