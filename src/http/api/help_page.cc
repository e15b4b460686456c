#include "http/api/help_page.h"

#include <algorithm>
#include <map>

#include "domain/answer_library.h"
#include "domain/chat.h"
#include "domain/html_sanitizer.h"
#include "http/api/public_page.h"
#include "http/problem.h"

namespace luister::http {

namespace {

struct Words {
  const char* lang;
  const char* title;
  const char* intro;
  const char* question;
  const char* ask;
  const char* person;
  const char* matches;
  const char* no_match;
  const char* all;
  const char* none_yet;
  const char* not_found;
  const char* privacy;
  const char* other_language;
  const char* other_label;
};

constexpr Words kNl{
    "nl",
    "Hulp",
    "Vind het antwoord op uw vraag, of stel uw vraag in uw eigen woorden. Een medewerker "
    "spreken kan altijd.",
    "Uw vraag",
    "Vragen",
    "Spreek een medewerker",
    "Antwoorden bij uw vraag",
    "We hebben hier geen antwoord op gevonden. Stel uw vraag aan een medewerker via de chat "
    "rechtsonder.",
    "Alle antwoorden",
    "Er staan nog geen antwoorden op deze pagina.",
    "Deze hulppagina bestaat niet.",
    "Uw vraag bewaren we alleen om u te helpen en om onze antwoorden te verbeteren.",
    "en",
    "English",
};
constexpr Words kEn{
    "en",
    "Help",
    "Find the answer to your question, or ask it in your own words. You can always talk to a "
    "person.",
    "Your question",
    "Ask",
    "Talk to a person",
    "Answers to your question",
    "We found no answer to this. Ask a person in the chat at the bottom right.",
    "All answers",
    "There are no answers on this page yet.",
    "This help page does not exist.",
    "We keep your question only to help you and to improve our answers.",
    "nl",
    "Nederlands",
};

const Words& WordsFor(Language l) { return l == Language::kNl ? kNl : kEn; }

// The help page matches like the assistant, but shows no more than this
// many answers to a question asked without JavaScript.
constexpr size_t kPageMatches = 3;

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  for (char& c : s)
    if (c == '_' || c == '-') c = ' ';
  return s;
}

std::string AnswerBlock(const LibraryAnswer& a, Language lang, bool open) {
  Language used = lang;
  const AnswerText& t = AnswerTextIn(a, lang, &used);
  std::string out = "<details id=\"answer-" + std::to_string(a.answer_id) + "\" lang=\"" +
                    std::string(used == Language::kEn ? "en" : "nl") + "\"" +
                    (open ? " open" : "") + "><summary>" + EscapeHtml(t.title) +
                    "</summary><p class=\"text\">" + EscapeHtml(CustomerFacingText(t.body, {})) +
                    "</p></details>";
  return out;
}

Response Page(const ChatWidget& widget, const AnswerLibrary::Snapshot& library, Language lang,
              const std::string& question) {
  const Words& w = WordsFor(lang);
  const std::string slug = EscapeHtml(widget.slug);
  std::string m = "<div id=\"help\" data-slug=\"" + slug + "\" data-lang=\"" + w.lang + "\">";
  m += "<h1>" + EscapeHtml(widget.name) + " — " + w.title + "</h1><p>" + w.intro + "</p>";
  m += "<form class=\"ask\" id=\"ask\" method=\"get\" action=\"/help/" + slug +
       "\" role=\"search\"><div class=\"field\"><label for=\"q\">" + w.question +
       "</label><input id=\"q\" name=\"q\" maxlength=\"1000\" autocomplete=\"off\" value=\"" +
       EscapeHtml(question) + "\"></div><input type=\"hidden\" name=\"lang\" value=\"" + w.lang +
       "\"><button type=\"submit\">" + w.ask + "</button></form>";
  // The assistant's replies (help.js); without JavaScript, the matches.
  m += "<div id=\"replies\" aria-live=\"polite\">";
  if (!question.empty()) {
    m += "<h2>" + std::string(w.matches) + "</h2>";
    size_t shown = 0;
    for (const LibraryMatch& hit : library.Rank(question, kPageMatches)) {
      if (hit.score < kGoodAnswerMatch) break;
      m += AnswerBlock(*hit.answer, lang, /*open=*/true);
      ++shown;
    }
    if (shown == 0) m += "<p>" + std::string(w.no_match) + "</p>";
  }
  m += "</div><p class=\"person\"><button type=\"button\" class=\"secondary\" id=\"person\" "
       "hidden>" +
       std::string(w.person) + "</button></p>";
  // Every answer by topic, the topics in order.
  std::map<std::string, std::vector<const LibraryAnswer*>> by_topic;
  for (const LibraryAnswer& a : library.answers) by_topic[a.topic].push_back(&a);
  m += "<h2>" + std::string(w.all) + "</h2>";
  if (by_topic.empty()) m += "<p>" + std::string(w.none_yet) + "</p>";
  for (auto& [topic, answers] : by_topic) {
    std::sort(answers.begin(), answers.end(), [&](const LibraryAnswer* x, const LibraryAnswer* y) {
      return AnswerTextIn(*x, lang).title < AnswerTextIn(*y, lang).title;
    });
    m += "<section><h3>" + EscapeHtml(Capitalised(topic)) + "</h3>";
    for (const LibraryAnswer* a : answers) m += AnswerBlock(*a, lang, /*open=*/false);
    m += "</section>";
  }
  m += "<p class=\"privacy\">" + std::string(w.privacy) + "</p>";
  m += "<p class=\"lang\"><a href=\"/help/" + slug + "?lang=" + w.other_language + "\" lang=\"" +
       w.other_language + "\">" + w.other_label + "</a></p></div>";
  // The widget on the same page: the person the assistant hands over to.
  m += "<script src=\"/widget.js\" data-queue=\"" + slug + "\" async></script>";
  return PublicPage(200, widget.name + " — " + w.title, lang, m, "/help/help.css", "/help.js");
}

}  // namespace

void HelpPageRoutes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/help/help.css",
        Public([](Request&) -> Result<Response> { return PublicStylesheet(); }));
  r.Add("GET", "/help/{slug}", Public([&ctx](Request& req) -> Result<Response> {
          const Language lang = PageLanguage(req);
          LUISTER_ASSIGN_OR_RETURN(ChatRepository * chats, ctx.store.Find<ChatRepository>());
          LUISTER_ASSIGN_OR_RETURN(auto widget, chats->FindWidget(std::string(req.Param("slug"))));
          if (!widget || !widget->active) {
            const Words& w = WordsFor(lang);
            return PublicPage(404, w.not_found, lang, "<h1>" + std::string(w.not_found) + "</h1>",
                              "/help/help.css");
          }
          std::string question = req.Query("q").value_or("");
          if (question.size() > 1000) question.resize(1000);
          LUISTER_ASSIGN_OR_RETURN(AnswerRepository * answers, ctx.store.Find<AnswerRepository>());
          LUISTER_ASSIGN_OR_RETURN(auto library, ctx.answer_library->Current(*answers));
          return Page(*widget, *library, lang, question);
        }));
}

}  // namespace luister::http
