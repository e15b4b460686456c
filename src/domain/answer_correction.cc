// Corrections (C6, docs/answers.md): everyone told an answer since changed
// gets the live version, through their own channel, in one action.
#include <cstdio>
#include <set>

#include "domain/answer.h"
#include "domain/answer_library.h"
#include "domain/conversation_service.h"
#include "domain/promise_notice.h"
#include "domain/validation.h"

namespace luister {

namespace {

const AnswerVersion* Live(const std::vector<AnswerVersion>& versions) {
  for (const AnswerVersion& v : versions)
    if (v.state == AnswerState::kPublished) return &v;
  return nullptr;
}

// The correction in the customer's language: what changed, then the
// answer as it is now (its greeting ours).
std::string CorrectionText(const AnswerVersion& live, Language lang, const std::string& name,
                           Timestamp told_at) {
  const bool nl = lang == Language::kNl ? !live.nl.empty() : live.en.empty();
  const AnswerText& t = nl ? live.nl : live.en;
  const std::string date = FormatIso8601(told_at).substr(0, 10);
  const std::string body = CustomerFacingText(t.body, {});
  if (nl)
    return "Beste " + name + ",\n\nOp " + date + " gaven wij u informatie over \"" + t.title +
           "\" die inmiddels is gewijzigd. Dit is de juiste informatie:\n\n" + body +
           "\n\nOnze excuses voor de verwarring.";
  return "Dear " + name + ",\n\nOn " + date + " we told you about \"" + t.title +
         "\", which has since changed. This is correct now:\n\n" + body +
         "\n\nWe apologise for the confusion.";
}

}  // namespace

Result<std::pair<int64_t, int64_t>> AnswerService::StartCorrections(int64_t id, int64_t by_user) {
  LUISTER_ASSIGN_OR_RETURN(Answer a, answers_.Get(id));
  if (a.retired_at) return Conflict("the answer is retired; there is nothing to correct with");
  if (!a.published_number) return Conflict("the answer has no published version");
  // How many conversations wait (the first page tells whether any do).
  std::set<int64_t> waiting;
  PageRequest page;
  page.limit = 500;
  for (;;) {
    LUISTER_ASSIGN_OR_RETURN(auto told, answers_.Told(id, *a.published_number, true, page));
    for (const AnswerUseRecord& u : told.items) waiting.insert(u.conversation_id);
    if (!told.next) break;
    page.after = told.next;
  }
  if (waiting.empty())
    return Conflict("nobody was told a version before " + std::to_string(*a.published_number) +
                    " without a correction since");
  NewJob job;
  job.kind = kAnswerCorrectJob;
  job.payload = std::to_string(id) + "/" + std::to_string(*a.published_number) + "/" +
                std::to_string(by_user);
  job.run_at = clock_.Now();
  job.created_at = job.run_at;
  job.created_by = by_user;
  LUISTER_ASSIGN_OR_RETURN(int64_t job_id, store_.jobs().Enqueue(job));
  return std::make_pair(job_id, static_cast<int64_t>(waiting.size()));
}

Result<CorrectionRound> AnswerService::SendCorrections(int64_t id, int number, int64_t by_user,
                                                       EventPublisher* events) {
  LUISTER_ASSIGN_OR_RETURN(auto versions, answers_.Versions(id));
  const AnswerVersion* live = Live(versions);
  CorrectionRound round;
  // Published again meanwhile: a newer job corrects to that one.
  if (!live || live->number != number) return round;
  ConversationService conversations(store_, clock_, events);
  std::set<int64_t> done;
  PageRequest page;
  page.limit = 200;
  for (;;) {
    // Keyset by message: a customer who cannot be reached is passed, not retried forever.
    LUISTER_ASSIGN_OR_RETURN(auto told, answers_.Told(id, number, true, page));
    for (const AnswerUseRecord& u : told.items) {
      if (!done.insert(u.conversation_id).second) continue;
      LUISTER_ASSIGN_OR_RETURN(Conversation conversation,
                               store_.conversations().Get(u.conversation_id));
      LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(conversation.customer_id));
      const int64_t customer_id = customer.merged_into_id.value_or(customer.id);
      if (customer.merged_into_id) {
        LUISTER_ASSIGN_OR_RETURN(customer, store_.customers().Get(customer_id));
      }
      auto route = RouteNotice(customer, &conversation);
      if (!route.ok()) {
        round.unreachable.push_back(customer_id);
        continue;
      }
      int64_t conversation_id = conversation.id;
      const bool nl = customer.language == Language::kNl;
      const AnswerText& title = nl && !live->nl.empty() ? live->nl
                                : live->en.empty()      ? live->nl
                                                        : live->en;
      if (!route->in_conversation) {
        NewConversation c;
        c.customer_id = customer_id;
        c.channel = Channel::kEmail;
        c.subject = (nl ? "Correctie: " : "Correction: ") + title.title;
        c.department_id = conversation.department_id;
        LUISTER_ASSIGN_OR_RETURN(Conversation made, conversations.Create(std::move(c), by_user));
        conversation_id = made.id;
      }
      MessageInput in;
      in.direction = Direction::kOut;
      in.by_email = route->by_email;
      in.body_text = CorrectionText(*live, customer.language, customer.name, u.at);
      in.answer_id = id;
      in.answer_number = number;
      auto sent = conversations.AddMessage(conversation_id, std::move(in), by_user);
      if (!sent.ok()) {
        if (sent.status().code() == StatusCode::kInvalidArgument ||
            sent.status().code() == StatusCode::kConflict) {
          round.unreachable.push_back(customer_id);
          continue;
        }
        return sent.status();
      }
      ++round.sent;
    }
    if (!told.next) break;
    page.after = told.next;
  }
  return round;
}

}  // namespace luister
