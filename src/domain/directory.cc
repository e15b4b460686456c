#include "domain/directory.h"

#include <zxcvbn.h>

#include <cctype>
#include <string>
#include <vector>

namespace luister {

void ApplyPatch(User* u, const UserPatch& patch) {
  if (patch.name) u->name = *patch.name;
  if (patch.role) u->role = *patch.role;
  if (patch.language) u->language = *patch.language;
  if (patch.clear_department) u->department_id.reset();
  if (patch.department_id) u->department_id = patch.department_id;
  if (patch.active) u->active = *patch.active;
}

namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Words Dutch speakers choose that zxcvbn's English lists do not hold.
constexpr std::string_view kDutchWords[] = {
    "wachtwoord", "welkom",  "geheim",    "zomer",     "winter",  "lente",
    "herfst",     "voetbal", "ajax",      "feyenoord", "psv",     "amsterdam",
    "rotterdam",  "utrecht", "nederland", "holland",   "liefde",  "schatje",
    "prinses",    "konijn",  "poesje",    "hallo",     "doei",    "klantenservice",
    "luister",    "maandag", "dinsdag",   "vrijdag",   "januari", "december"};

// The pieces of the account's own address and name, lower-cased.
std::vector<std::string> ContextWords(const PasswordContext& context) {
  std::vector<std::string> words;
  auto add = [&](std::string_view w) {
    if (w.size() < 3) return;
    std::string lower;
    for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words.push_back(std::move(lower));
  };
  add(context.email);
  std::string_view email = context.email;
  size_t at = email.find('@');
  if (at != std::string_view::npos) {
    add(email.substr(0, at));
    add(email.substr(at + 1));
    std::string_view domain = email.substr(at + 1);
    add(domain.substr(0, domain.find('.')));
  }
  std::string_view name = context.name;
  size_t i = 0;
  while (i < name.size()) {
    size_t end = name.find_first_of(" .-_'", i);
    if (end == std::string_view::npos) end = name.size();
    add(name.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

}  // namespace

std::optional<std::string> CheckPasswordLength(std::string_view password) {
  if (password.size() > kMaxPasswordLength)
    return "must be at most " + std::to_string(kMaxPasswordLength) + " bytes";
  if (CodePoints(password) < kMinPasswordLength)
    return "must be at least " + std::to_string(kMinPasswordLength) + " characters";
  return std::nullopt;
}

std::optional<std::string> CheckPassword(std::string_view password,
                                         const PasswordContext& context) {
  if (auto wrong = CheckPasswordLength(password)) return wrong;
  std::vector<std::string> words = ContextWords(context);
  std::vector<const char*> dictionary;
  for (const std::string& w : words) dictionary.push_back(w.c_str());
  for (std::string_view w : kDutchWords) dictionary.push_back(w.data());
  dictionary.push_back(nullptr);
  const std::string text(password);  // zxcvbn reads up to a NUL
  if (text.find('\0') == std::string::npos &&
      ZxcvbnMatch(text.c_str(), dictionary.data(), nullptr) < kMinPasswordBits)
    return "is too easy to guess (a common password, a pattern, or your own name or address); "
           "use a few unrelated words";
  return std::nullopt;
}

void CheckUserChange(const User& actor, const User& target, const UserPatch& patch,
                     const std::optional<std::string>& new_password,
                     std::vector<FieldError>* errors) {
  if (patch.name && patch.name->find_first_not_of(" \t\r\n") == std::string::npos)
    errors->push_back({"name", "must not be empty"});
  if (new_password) {
    PasswordContext context{target.email, patch.name ? *patch.name : target.name};
    if (auto wrong = CheckPassword(*new_password, context)) errors->push_back({"password", *wrong});
  }
  const bool demotes = patch.role && *patch.role != Role::kAdmin;
  if (target.id == actor.id && (patch.active == false || demotes))
    errors->push_back({"role", "you cannot demote or disable yourself"});
}

Result<User> PlanUserUpdate(const User& current, const UserPatch& patch) {
  User next = current;
  ApplyPatch(&next, patch);
  return next;
}

}  // namespace luister
