#include "domain/answer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "domain/job_runner.h"
#include "domain/validation.h"

namespace luister {

namespace {

constexpr std::array<std::pair<AnswerState, std::string_view>, 4> kStates = {{
    {AnswerState::kDraft, "draft"},
    {AnswerState::kInReview, "in_review"},
    {AnswerState::kPublished, "published"},
    {AnswerState::kSuperseded, "superseded"},
}};

bool VariableChar(char c, bool first) {
  const auto u = static_cast<unsigned char>(c);
  return std::islower(u) || c == '_' || (!first && (std::isdigit(u) || c == '.'));
}

// Trimmed, without control characters but line breaks.
std::string Clean(std::string_view s) { return std::string(Trim(s)); }

Status Invalid(std::vector<FieldError> errors) {
  return InvalidArgument("the answer is not valid", std::move(errors));
}

}  // namespace

std::string_view ToString(AnswerState s) {
  for (const auto& [v, name] : kStates)
    if (v == s) return name;
  return "draft";
}

std::optional<AnswerState> ParseAnswerState(std::string_view s) {
  for (const auto& [v, name] : kStates)
    if (name == s) return v;
  return std::nullopt;
}

std::optional<AnswerListState> ParseAnswerListState(std::string_view s) {
  if (s == "all") return AnswerListState::kAll;
  if (s == "published") return AnswerListState::kPublished;
  if (s == "draft") return AnswerListState::kDraft;
  if (s == "in_review") return AnswerListState::kInReview;
  if (s == "stale") return AnswerListState::kStale;
  if (s == "retired") return AnswerListState::kRetired;
  return std::nullopt;
}

Result<std::vector<std::string>> AnswerVariables(std::string_view text, const std::string& field) {
  std::vector<std::string> out;
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const size_t end = text.find("}}", at + 2);
    if (end == std::string_view::npos)
      return InvalidArgument("the answer is not valid",
                             {{field, "a variable is opened with {{ and not closed with }}"}});
    const std::string_view name = Trim(text.substr(at + 2, end - at - 2));
    bool ok = !name.empty();
    for (size_t i = 0; ok && i < name.size(); ++i) ok = VariableChar(name[i], i == 0);
    if (!ok)
      return InvalidArgument(
          "the answer is not valid",
          {{field, "variables are written {{name}}, lower case, digits, _ and . (\"{{" +
                       std::string(name.substr(0, 40)) + "}}\" is not)"}});
    if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
    at = end + 2;
  }
  return out;
}

std::string RenderAnswer(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t from = 0;
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", from)) {
    const size_t end = text.find("}}", at + 2);
    if (end == std::string_view::npos) break;
    out.append(text.substr(from, at - from));
    const std::string name(Trim(text.substr(at + 2, end - at - 2)));
    auto v = values.find(name);
    if (v != values.end())
      out.append(v->second);
    else
      out.append(text.substr(at, end + 2 - at));
    from = end + 2;
  }
  out.append(text.substr(from));
  return out;
}

Status AnswerService::CheckTexts(const AnswerText& nl, const AnswerText& en,
                                 std::vector<FieldError>* errors) {
  auto check = [&](const AnswerText& t, const std::string& lang) {
    if (t.empty()) return;
    if (t.title.empty()) errors->push_back({lang + ".title", "a title, as customers would ask"});
    if (t.body.empty()) errors->push_back({lang + ".body", "the answer itself"});
    if (t.title.size() > kMaxAnswerTitle || !IsValidUtf8(t.title))
      errors->push_back({lang + ".title", "valid UTF-8 of at most 300 bytes"});
    if (t.body.size() > kMaxAnswerBody || !IsValidUtf8(t.body))
      errors->push_back({lang + ".body", "valid UTF-8 of at most 20000 bytes"});
    for (const auto& [part, text] : {std::pair{".title", &t.title}, std::pair{".body", &t.body}}) {
      auto vars = AnswerVariables(*text, lang + part);
      if (!vars.ok()) errors->push_back(vars.status().fields().front());
    }
  };
  if (nl.empty() && en.empty())
    errors->push_back({"nl", "the answer in Dutch, in English, or both"});
  check(nl, "nl");
  check(en, "en");
  return Status::Ok();
}

Status AnswerService::CheckOwner(std::optional<int64_t> owner, std::vector<FieldError>* errors) {
  if (!owner) return Status::Ok();
  auto u = store_.directory().GetUser(*owner);
  if (!u.ok() && u.status().code() == StatusCode::kNotFound) {
    errors->push_back({"owner_user_id", "no such user"});
    return Status::Ok();
  }
  LUISTER_RETURN_IF_ERROR(u.status());
  if (!u->active) errors->push_back({"owner_user_id", "this user is no longer active"});
  return Status::Ok();
}

Result<Answer> AnswerService::Create(const NewAnswer& in, int64_t by_user) {
  const Timestamp now = clock_.Now();
  std::vector<FieldError> errors;
  Answer a;
  a.topic = Clean(in.topic);
  if (a.topic.empty() || a.topic.size() > kMaxAnswerTopic || !IsValidUtf8(a.topic))
    errors.push_back({"topic", "a topic of 1 to 200 bytes"});
  AnswerVersion v;
  v.nl = {Clean(in.nl.title), Clean(in.nl.body)};
  v.en = {Clean(in.en.title), Clean(in.en.body)};
  LUISTER_RETURN_IF_ERROR(CheckTexts(v.nl, v.en, &errors));
  if (in.review_by && *in.review_by <= now)
    errors.push_back({"review_by", "the review date has passed"});
  a.owner_user_id = in.owner_user_id.value_or(by_user);
  LUISTER_RETURN_IF_ERROR(CheckOwner(a.owner_user_id, &errors));
  v.change_note = Clean(in.change_note);
  if (v.change_note.size() > kMaxAnswerNote)
    errors.push_back({"change_note", "at most 2000 bytes"});
  if (!errors.empty()) return Invalid(std::move(errors));
  a.review_by = in.review_by;
  a.created_by = by_user;
  a.created_at = a.updated_at = now;
  v.created_by = by_user;
  v.created_at = v.updated_at = now;
  if (v.change_note.empty()) v.change_note = "first version";
  return answers_.Create(a, v);
}

Result<std::pair<Answer, std::vector<AnswerVersion>>> AnswerService::Load(int64_t id,
                                                                          int64_t version) {
  LUISTER_ASSIGN_OR_RETURN(Answer a, answers_.Get(id));
  if (a.version != version)
    return Conflict("the answer was changed meanwhile (now version " + std::to_string(a.version) +
                    ")");
  LUISTER_ASSIGN_OR_RETURN(auto versions, answers_.Versions(id));
  if (versions.empty()) return Internal("answer " + std::to_string(id) + " has no version");
  return std::pair(std::move(a), std::move(versions));
}

Result<Answer> AnswerService::Patch(int64_t id, int64_t version, const AnswerPatch& patch,
                                    int64_t /*by_user*/) {
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  Answer next = loaded.first;
  std::vector<FieldError> errors;
  if (patch.topic) {
    next.topic = Clean(*patch.topic);
    if (next.topic.empty() || next.topic.size() > kMaxAnswerTopic || !IsValidUtf8(next.topic))
      errors.push_back({"topic", "a topic of 1 to 200 bytes"});
  }
  if (patch.clear_owner) next.owner_user_id.reset();
  if (patch.owner_user_id) {
    next.owner_user_id = patch.owner_user_id;
    LUISTER_RETURN_IF_ERROR(CheckOwner(next.owner_user_id, &errors));
  }
  const Timestamp now = clock_.Now();
  if (patch.clear_review_by) next.review_by.reset();
  if (patch.review_by) {
    if (*patch.review_by <= now) errors.push_back({"review_by", "the review date has passed"});
    next.review_by = patch.review_by;
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  next.version = version + 1;
  next.updated_at = now;
  return answers_.Update(next, {});
}

Result<Answer> AnswerService::SaveDraft(int64_t id, int64_t version, const AnswerDraft& draft,
                                        int64_t by_user) {
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  auto& [answer, versions] = loaded;
  std::vector<FieldError> errors;
  AnswerVersion v = versions.back();
  if (v.state == AnswerState::kInReview)
    return Conflict("version " + std::to_string(v.number) +
                    " is in review; it is published or sent back first");
  const Timestamp now = clock_.Now();
  if (v.state != AnswerState::kDraft) {
    // After a published (or superseded) one: the next version.
    AnswerVersion fresh;
    fresh.answer_id = id;
    fresh.number = v.number + 1;
    fresh.created_by = by_user;
    fresh.created_at = now;
    v = fresh;
  }
  v.nl = {Clean(draft.nl.title), Clean(draft.nl.body)};
  v.en = {Clean(draft.en.title), Clean(draft.en.body)};
  LUISTER_RETURN_IF_ERROR(CheckTexts(v.nl, v.en, &errors));
  v.change_note = Clean(draft.change_note);
  if (v.number > 1 && v.change_note.empty())
    errors.push_back({"change_note", "say what changed and why"});
  if (v.change_note.size() > kMaxAnswerNote)
    errors.push_back({"change_note", "at most 2000 bytes"});
  if (!errors.empty()) return Invalid(std::move(errors));
  v.material = draft.material;
  v.updated_at = now;
  Answer next = answer;
  next.version = version + 1;
  next.updated_at = now;
  return answers_.Update(next, {v});
}

Result<Answer> AnswerService::Submit(int64_t id, int64_t version, int64_t /*by_user*/) {
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  auto& [answer, versions] = loaded;
  AnswerVersion v = versions.back();
  if (v.state != AnswerState::kDraft)
    return Conflict("there is no draft to send for review (version " + std::to_string(v.number) +
                    " is " + std::string(ToString(v.state)) + ")");
  v.state = AnswerState::kInReview;
  v.updated_at = clock_.Now();
  Answer next = answer;
  next.version = version + 1;
  next.updated_at = v.updated_at;
  return answers_.Update(next, {v});
}

Result<Answer> AnswerService::Publish(int64_t id, int64_t version, int64_t by_user,
                                      bool may_publish_own) {
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  auto& [answer, versions] = loaded;
  AnswerVersion v = versions.back();
  if (v.state != AnswerState::kInReview)
    return Conflict("version " + std::to_string(v.number) + " is " +
                    std::string(ToString(v.state)) + "; only a version in review is published");
  if (v.created_by == by_user && !may_publish_own)
    return Forbidden("a version is published by another person than the one who wrote it");
  const Timestamp now = clock_.Now();
  std::vector<AnswerVersion> changed;
  for (AnswerVersion& old : versions)
    if (old.state == AnswerState::kPublished) {
      old.state = AnswerState::kSuperseded;
      old.updated_at = now;
      changed.push_back(old);
    }
  v.state = AnswerState::kPublished;
  v.reviewed_by = by_user;
  v.published_at = now;
  v.updated_at = now;
  changed.push_back(v);
  Answer next = answer;
  next.retired_at.reset();
  next.version = version + 1;
  next.updated_at = now;
  return answers_.Update(next, changed);
}

Result<Answer> AnswerService::SendBack(int64_t id, int64_t version, const std::string& note,
                                       int64_t by_user) {
  const std::string why = Clean(note);
  if (why.empty() || why.size() > kMaxAnswerNote)
    return Invalid({{"note", "say what the writer should change (at most 2000 bytes)"}});
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  auto& [answer, versions] = loaded;
  AnswerVersion v = versions.back();
  if (v.state != AnswerState::kInReview)
    return Conflict("version " + std::to_string(v.number) + " is not in review");
  v.state = AnswerState::kDraft;
  v.reviewed_by = by_user;
  v.change_note =
      v.change_note.empty() ? "sent back: " + why : v.change_note + "\nsent back: " + why;
  if (v.change_note.size() > kMaxAnswerNote) v.change_note.resize(kMaxAnswerNote);
  v.updated_at = clock_.Now();
  Answer next = answer;
  next.version = version + 1;
  next.updated_at = v.updated_at;
  return answers_.Update(next, {v});
}

Result<Answer> AnswerService::Retire(int64_t id, int64_t version, int64_t /*by_user*/) {
  LUISTER_ASSIGN_OR_RETURN(auto loaded, Load(id, version));
  Answer next = loaded.first;
  if (next.retired_at) return Conflict("the answer is retired already");
  const Timestamp now = clock_.Now();
  next.retired_at = now;
  next.version = version + 1;
  next.updated_at = now;
  return answers_.Update(next, {});
}

Result<int> AnswerService::RunReviewReminders(bool mail) {
  const Timestamp now = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(auto due, answers_.DueForReview(now, 200));
  int sent = 0;
  for (const Answer& a : due) {
    std::optional<NewJob> job;
    if (mail && a.owner_user_id)
      job = NewJob{.kind = kAnswerReviewMailJob,
                   .payload = std::to_string(a.id) + "/" + std::to_string(*a.owner_user_id),
                   .run_at = now,
                   .created_at = now,
                   .created_by = std::nullopt};
    LUISTER_ASSIGN_OR_RETURN(bool mine, answers_.MarkReviewReminded(a.id, now, job));
    sent += mine && job.has_value();
  }
  return sent;
}

Result<bool> AnswerService::EnsureReviewJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, answers_.ReviewJobId());
  return EnsureSingletonJob(store_, clock_, kAnswerReviewJob, current,
                            [&](std::optional<int64_t> expected, int64_t id) {
                              return answers_.SetReviewJob(expected, id);
                            });
}

Result<std::optional<Timestamp>> AnswerService::RunReviewJob(const Job& job, bool mail) {
  LUISTER_ASSIGN_OR_RETURN(auto current, answers_.ReviewJobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one runner
  LUISTER_RETURN_IF_ERROR(RunReviewReminders(mail).status());
  return std::optional<Timestamp>(clock_.Now() + std::chrono::hours(1));
}

Result<AnswerQuestion> AnswerService::AddQuestion(int64_t id, const std::string& text,
                                                  int64_t by_user) {
  AnswerQuestion q;
  q.answer_id = id;
  q.text = Clean(text);
  if (q.text.empty() || q.text.size() > 1000 || !IsValidUtf8(q.text))
    return Invalid({{"text", "a question of 1 to 1000 bytes"}});
  LUISTER_RETURN_IF_ERROR(answers_.Get(id).status());
  q.created_by = by_user;
  q.created_at = clock_.Now();
  return answers_.AddQuestion(q);
}

}  // namespace luister
