// Knowledge gaps (C6, docs/answers.md): the questions no published answer
// matched well, and answers drafted from conversations that did get one.
#include "domain/activity.h"
#include "domain/answer.h"
#include "domain/validation.h"

namespace luister {

std::string_view ToString(AnswerGapSource s) {
  return s == AnswerGapSource::kAssistant ? "assistant" : "message";
}

namespace {

// `text` with the customer's name as the variable, so a draft written for
// one customer reads right for the next.
std::string WithoutName(std::string text, const std::string& name) {
  if (name.size() < 2) return text;
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
    text.replace(at, name.size(), "{{customer.name}}");
    at += 17;
  }
  return text;
}

}  // namespace

Result<Answer> AnswerService::DraftFromConversation(int64_t conversation_id, std::string topic,
                                                    int64_t by_user) {
  LUISTER_ASSIGN_OR_RETURN(Conversation c, store_.conversations().Get(conversation_id));
  if (c.status != ConversationStatus::kResolved && c.status != ConversationStatus::kClosed)
    return Conflict("draft an answer from a conversation once it is resolved");
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(c.customer_id));
  // The first question and the last reply (a thread is short; the pages
  // are read in order).
  std::optional<Message> question, reply;
  PageRequest page;
  page.limit = 200;
  for (;;) {
    LUISTER_ASSIGN_OR_RETURN(auto messages,
                             store_.conversations().ListMessages(conversation_id, false, page));
    for (Message& m : messages.items) {
      if (m.internal || Trim(m.body_text).empty()) continue;
      if (m.direction == Direction::kIn && !question) question = m;
      if (m.direction == Direction::kOut) reply = std::move(m);
    }
    if (!messages.next) break;
    page.after = messages.next;
  }
  if (!reply) return Conflict("the conversation has no reply to draft an answer from");
  NewAnswer in;
  in.topic = topic.empty() ? (c.subject.empty() ? Summarize(reply->body_text, 60) : c.subject)
                           : std::move(topic);
  in.topic = Utf8Prefix(in.topic, kMaxAnswerTopic);
  AnswerText text;
  text.title = Utf8Prefix(question ? Summarize(question->body_text, 200) : in.topic, 300);
  text.body = Utf8Prefix(WithoutName(reply->body_text, customer.name), kMaxAnswerBody);
  (customer.language == Language::kEn ? in.en : in.nl) = text;
  in.change_note = "drafted from conversation #" + std::to_string(conversation_id);
  LUISTER_ASSIGN_OR_RETURN(Answer made, Create(in, by_user));
  if (question) {
    const std::string asked = Utf8Prefix(Summarize(question->body_text, 1000), 1000);
    if (!Trim(asked).empty())
      LUISTER_RETURN_IF_ERROR(AddQuestion(made.id, asked, by_user).status());
  }
  return made;
}

}  // namespace luister
