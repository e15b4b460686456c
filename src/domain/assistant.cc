#include "domain/assistant.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iomanip>
#include <sstream>

#include "domain/answer.h"
#include "domain/conversation_service.h"
#include "domain/text_analysis.h"
#include "domain/validation.h"

namespace luister {

namespace {

constexpr std::array<std::pair<AssistantOutcome, std::string_view>, 3> kOutcomes{{
    {AssistantOutcome::kAnswered, "answered"},
    {AssistantOutcome::kNoMatch, "no_match"},
    {AssistantOutcome::kHandover, "handover"},
}};
constexpr std::array<std::pair<HandoverReason, std::string_view>, 5> kReasons{{
    {HandoverReason::kAsked, "asked"},
    {HandoverReason::kButton, "button"},
    {HandoverReason::kNotHelped, "not_helped"},
    {HandoverReason::kNoMatch, "no_match"},
    {HandoverReason::kAngry, "angry"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [v, name] : table)
    if (v == e) return name;
  return "";
}
template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view s) {
  for (const auto& [v, name] : table)
    if (name == s) return v;
  return std::nullopt;
}

// ` words ` with single spaces, for phrase lookups on word boundaries.
std::string Spaced(std::string_view text) {
  std::string out = " ";
  for (const std::string& w : NormalisedWords(text)) out += w + " ";
  return out;
}

bool HasAny(const std::string& spaced, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases)
    if (spaced.find(" " + std::string(p) + " ") != std::string::npos) return true;
  return false;
}

}  // namespace

std::string_view ToString(AssistantOutcome o) { return NameOf(kOutcomes, o); }
std::optional<AssistantOutcome> ParseAssistantOutcome(std::string_view s) {
  return Parse(kOutcomes, s);
}
std::string_view ToString(HandoverReason r) { return NameOf(kReasons, r); }
std::optional<HandoverReason> ParseHandoverReason(std::string_view s) { return Parse(kReasons, s); }

bool AsksForPerson(std::string_view text) {
  const std::string s = Spaced(text);
  // Whole phrases that ask for a person; single words only where they mean
  // nothing else in a customer's question.
  return HasAny(s, {"mens",
                    "een mens",
                    "medewerker",
                    "medewerkers",
                    "iemand spreken",
                    "iemand te spreken",
                    "met iemand",
                    "iemand aan de lijn",
                    "echt persoon",
                    "echte persoon",
                    "persoon spreken",
                    "klantenservice spreken",
                    "een collega",
                    "doorverbinden",
                    "verbind me door",
                    "verbind mij door",
                    "human",
                    "a human",
                    "agent",
                    "an agent",
                    "real person",
                    "a person",
                    "talk to someone",
                    "speak to someone",
                    "talk to somebody",
                    "speak to somebody",
                    "someone real",
                    "live agent",
                    "representative",
                    "operator",
                    "customer service rep",
                    "speak with someone"});
}

bool SoundsAngry(std::string_view text) {
  const std::string s = Spaced(text);
  if (HasAny(s, {"belachelijk",
                 "schandalig",
                 "schande",
                 "waardeloos",
                 "waardeloze",
                 "boos",
                 "woedend",
                 "kwaad",
                 "pissig",
                 "klote",
                 "kut",
                 "godverdomme",
                 "verdomme",
                 "oplichters",
                 "oplichting",
                 "dit is te gek",
                 "ik ben het zat",
                 "ben het zat",
                 "onacceptabel",
                 "onbeschoft",
                 "ridiculous",
                 "unacceptable",
                 "disgrace",
                 "disgraceful",
                 "outrageous",
                 "furious",
                 "angry",
                 "pissed",
                 "useless",
                 "worst",
                 "terrible service",
                 "scam",
                 "scammers",
                 "fed up",
                 "sick of",
                 "wtf",
                 "shit",
                 "fuck",
                 "fucking",
                 "damn",
                 "crap"}))
    return true;
  // Shouting: most letters capitals over several words, or "!!!".
  if (text.find("!!!") != std::string_view::npos) return true;
  size_t upper = 0, letters = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!std::isalpha(c)) continue;
    ++letters;
    if (std::isupper(c)) ++upper;
  }
  return letters >= 12 && upper * 10 >= letters * 8;
}

std::string HandoverText(HandoverReason reason, bool someone_available, Language lang) {
  const bool nl = lang == Language::kNl;
  std::string why;
  switch (reason) {
    case HandoverReason::kNoMatch:
      why = nl ? "Daar heb ik geen goed antwoord op. " : "I don't have a good answer to that. ";
      break;
    case HandoverReason::kNotHelped:
      why = nl ? "Jammer dat dit niet hielp. " : "Sorry that did not help. ";
      break;
    case HandoverReason::kAngry:
      why = nl ? "Het spijt me dat het zo loopt. " : "I'm sorry about this. ";
      break;
    case HandoverReason::kAsked:
    case HandoverReason::kButton:
      break;
  }
  if (someone_available)
    return why + (nl ? "Ik verbind u door met een medewerker. Die leest mee wat u al vroeg, "
                       "dus u hoeft niets te herhalen."
                     : "I'm passing you to a colleague, who can read what you already asked, "
                       "so you don't have to repeat anything.");
  return why + (nl ? "Er is op dit moment niemand beschikbaar. Laat uw e-mailadres achter en "
                     "stuur uw vraag: u krijgt antwoord per e-mail. Of laat u terugbellen."
                   : "Nobody is available right now. Leave your e-mail address and send your "
                     "question, and we'll answer by e-mail. Or ask us to call you back.");
}

std::string AssistantTranscript(const std::vector<AssistantTurn>& turns,
                                const AnswerLibrary::Snapshot& library, HandoverReason reason,
                                Language staff_language) {
  const bool nl = staff_language == Language::kNl;
  std::ostringstream out;
  out << (nl ? "Via de assistent. Wat de klant al vroeg en te zien kreeg:\n"
             : "Via the assistant. What the customer already asked and was shown:\n");
  for (const AssistantTurn& t : turns) {
    out << "\n" << (nl ? "Vraag: " : "Question: ") << t.question << "\n";
    if (t.outcome == AssistantOutcome::kAnswered && t.answer_id) {
      std::string title;
      if (const LibraryAnswer* a = library.Find(*t.answer_id))
        title = AnswerTextIn(*a, t.language).title;
      out << (nl ? "Antwoord getoond: " : "Answer shown: ") << (title.empty() ? t.topic : title)
          << " (#" << *t.answer_id << (nl ? ", versie " : ", version ") << t.answer_number << ")\n";
      if (t.helped)
        out << (nl ? "Hielp het? " : "Did it help? ")
            << (*t.helped ? (nl ? "ja" : "yes") : (nl ? "nee" : "no")) << "\n";
    } else if (t.outcome == AssistantOutcome::kNoMatch) {
      out << (nl ? "Geen passend antwoord gevonden.\n" : "No answer matched.\n");
    }
  }
  static constexpr std::array<std::pair<HandoverReason, std::array<std::string_view, 2>>, 5> kWhy{
      {{HandoverReason::kAsked, {"de klant vroeg om een medewerker", "asked for a person"}},
       {HandoverReason::kButton,
        {"de klant koos \"spreek een medewerker\"", "chose \"talk to a person\""}},
       {HandoverReason::kNotHelped, {"een antwoord hielp niet", "an answer did not help"}},
       {HandoverReason::kNoMatch,
        {"er was geen passend antwoord", "no answer matched well enough"}},
       {HandoverReason::kAngry, {"de klant klinkt boos", "the customer sounds angry"}}}};
  for (const auto& [r, words] : kWhy)
    if (r == reason)
      out << "\n" << (nl ? "Doorgezet omdat " : "Handed over: ") << words[nl ? 0 : 1] << ".";
  return out.str();
}

Result<AssistantSession> AssistantService::Begin(int64_t widget_id, std::string token_hash,
                                                 Language lang) {
  AssistantSession s;
  s.widget_id = widget_id;
  s.token_hash = std::move(token_hash);
  s.language = lang;
  s.started_at = clock_.Now();
  return repo_.CreateSession(s);
}

Result<AssistantReply> AssistantService::Ask(const AssistantSession& session, std::string question,
                                             Language lang,
                                             const AnswerLibrary::Snapshot& library) {
  std::vector<FieldError> errors;
  question = std::string(Trim(WithoutControlCharacters(question)));
  if (question.empty())
    errors.push_back({"text", "is required"});
  else if (question.size() > kMaxAssistantQuestion)
    errors.push_back({"text", "at most " + std::to_string(kMaxAssistantQuestion) + " bytes"});
  if (!errors.empty()) return InvalidArgument("the question is not valid", std::move(errors));

  AssistantReply reply;
  AssistantTurn& t = reply.turn;
  t.session_id = session.id;
  t.at = clock_.Now();
  t.question = question;
  t.language = lang;
  std::vector<LibraryMatch> best = library.Rank(question, 1);
  if (!best.empty()) t.score = best.front().score;
  if (AsksForPerson(question)) {
    t.outcome = AssistantOutcome::kHandover;
    t.handover = HandoverReason::kAsked;
  } else if (SoundsAngry(question)) {
    t.outcome = AssistantOutcome::kHandover;
    t.handover = HandoverReason::kAngry;
  } else if (!best.empty() && best.front().score >= kGoodAnswerMatch) {
    const LibraryAnswer& a = *best.front().answer;
    t.outcome = AssistantOutcome::kAnswered;
    t.answer_id = a.answer_id;
    t.answer_number = a.number;
    t.topic = a.topic;
    const AnswerText& text = AnswerTextIn(a, lang, &reply.shown_language);
    reply.title = text.title;
    reply.text = CustomerFacingText(text.body, {});
  } else {
    t.outcome = AssistantOutcome::kNoMatch;
    t.handover = HandoverReason::kNoMatch;
  }
  LUISTER_ASSIGN_OR_RETURN(t, repo_.AddTurn(t));
  if (t.outcome == AssistantOutcome::kNoMatch) {
    // What to write next: the owners see it among the knowledge gaps.
    if (auto answers = store_.Find<AnswerRepository>(); answers.ok()) {
      AnswerGap gap;
      gap.source = AnswerGapSource::kAssistant;
      gap.text = question;
      gap.language = lang;
      gap.at = t.at;
      LUISTER_RETURN_IF_ERROR((*answers)->AddGap(gap).status());
    }
  }
  return reply;
}

Result<std::optional<HandoverReason>> AssistantService::Feedback(const AssistantSession& session,
                                                                 int64_t turn_id, bool helped) {
  LUISTER_RETURN_IF_ERROR(repo_.SetHelped(session.id, turn_id, helped));
  if (helped) return std::optional<HandoverReason>();
  LUISTER_RETURN_IF_ERROR(repo_.SetHandoverReason(session.id, HandoverReason::kNotHelped));
  return std::optional<HandoverReason>(HandoverReason::kNotHelped);
}

Status AssistantService::WantPerson(const AssistantSession& session) {
  return repo_.SetHandoverReason(session.id, HandoverReason::kButton);
}

Status AssistantService::HandOver(const AssistantSession& session, int64_t conversation_id,
                                  const AnswerLibrary::Snapshot& library) {
  const HandoverReason reason = session.handover_reason.value_or(HandoverReason::kButton);
  LUISTER_ASSIGN_OR_RETURN(bool first,
                           repo_.MarkHandedOver(session.id, conversation_id, reason, clock_.Now()));
  if (!first) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(std::vector<AssistantTurn> turns, repo_.Turns(session.id));
  MessageInput note;
  note.internal = true;
  note.body_text = AssistantTranscript(turns, library, reason, session.language);
  ConversationService conversations(store_, clock_, events_);
  return conversations.AddMessage(conversation_id, std::move(note), std::nullopt).status();
}

}  // namespace luister
