// Topics (C9) over each engine (domain/topic.h with its repository and
// service): names unique among active topics; customer messages read on
// arrival, incrementally, and never over a person's choice; a model
// trained from the labels places the questions; discovery proposes
// candidates from what has no topic, and accepting, merging and splitting
// them keeps the questions; weekly counts, difficulty and one alert per
// topic and week.
#include <gtest/gtest.h>

#include <set>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/topic.h"

namespace luister::contract {
namespace {

constexpr int64_t kDay = 86'400'000;

class TopicContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<TopicRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<TopicService>(*store_, *repo_, clock_);
    dept_ = MakeDepartment();
    agent_ = MakeUser("onderwerp@desk.example");
  }

  // A chat opened at `at_ms` with the customer's question.
  int64_t Ask(const std::string& text, int64_t at_ms, int64_t customer = 0) {
    if (customer == 0) customer = MakeCustomer("Klant " + std::to_string(++customers_));
    Conversation c = MakeConversation(customer, dept_, "", Channel::kChat, at_ms);
    AddMessage(c.id, text, at_ms);
    return c.id;
  }
  Topic Make(const std::string& name) {
    auto t = service_->Create(name, agent_);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : Topic{};
  }
  std::optional<ConversationTopic> Of(int64_t conversation) {
    auto t = repo_->OfConversation(conversation);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : std::nullopt;
  }
  void Label(int64_t conversation, int64_t topic) {
    auto set = repo_->SetByPerson(conversation, topic, agent_, clock_.Now());
    ASSERT_TRUE(set.ok()) << set.status().ToString();
  }
  int Classify(const LoadedTopicModel* model) {
    auto n = service_->ClassifyRound(model, nullptr, 10'000);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }
  // Four questions about a forgotten password and four about moving, read
  // and discovered as two candidates: the password questions' conversations
  // and the candidates.
  void DiscoverTwoThemes(std::vector<int64_t>* password, std::vector<Topic>* found) {
    for (int i = 0; i < 4; ++i) {
      password->push_back(Ask(
          "Ik ben mijn wachtwoord vergeten en kan niet inloggen " + std::to_string(i), i * 1000));
      Ask("Ik ga verhuizen, hoe wijzig ik mijn adres " + std::to_string(i), i * 1000 + 500);
    }
    ASSERT_EQ(Classify(nullptr), 8);
    DiscoveryOptions two;
    two.k = 2;
    auto discovered = service_->Discover(two);
    ASSERT_TRUE(discovered.ok()) << discovered.status().ToString();
    ASSERT_EQ(discovered->size(), 2u);
    *found = *std::move(discovered);
  }

  ManualClock clock_{T(2 * kDay)};
  TopicRepository* repo_ = nullptr;
  std::unique_ptr<TopicService> service_;
  TopicModels models_;
  int64_t dept_ = 0;
  int64_t agent_ = 0;
  int customers_ = 0;
};

TEST_P(TopicContract, ActiveNamesAreUniqueAndChangesNeedTheVersionTheySaw) {
  Topic late = Make("Levering te laat");
  EXPECT_EQ(late.status, TopicStatus::kActive);
  EXPECT_EQ(late.owner_user_id, agent_);
  EXPECT_EQ(service_->Create("  levering TE laat ", std::nullopt).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(service_->Create("", std::nullopt).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(service_->Create(std::string(121, 'x'), std::nullopt).status().code(),
            StatusCode::kInvalidArgument);

  Topic renamed = late;
  renamed.name = "Pakket te laat";
  renamed.version = 2;
  auto done = repo_->Update(renamed);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->name, "Pakket te laat");
  EXPECT_EQ(repo_->Update(renamed).status().code(), StatusCode::kConflict) << "stale version";
  Topic other = Make("Factuur");
  other.name = "PAKKET te laat";
  other.version = 2;
  EXPECT_EQ(repo_->Update(other).status().code(), StatusCode::kConflict) << "name taken";
  EXPECT_EQ(repo_->Get(999'999).status().code(), StatusCode::kNotFound);
  auto active = repo_->List(TopicStatus::kActive);
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 2u);
  EXPECT_EQ((*active)[0].name, "Factuur");  // by name
}

TEST_P(TopicContract, QuestionsAreReadOnArrivalAndAModelFromTheLabelsPlacesThem) {
  Topic delivery = Make("Levering");
  Topic invoice = Make("Factuur");
  const std::vector<std::string> about_delivery = {
      "Mijn pakket is nog steeds niet bezorgd", "Wanneer wordt mijn bestelling geleverd?",
      "De bezorger is niet langs geweest met mijn pakket", "Levering van mijn pakket is te laat",
      "Waar blijft mijn bestelling, track en trace zegt niets"};
  const std::vector<std::string> about_invoice = {
      "Ik heb twee keer betaald voor dezelfde factuur", "Het bedrag op mijn factuur klopt niet",
      "Kunt u mij een kopie van de factuur sturen?",
      "Waarom staat er een extra bedrag op mijn factuur",
      "De factuur is te hoog, ik wil een creditnota"};
  std::vector<int64_t> conversations;
  int64_t at = 0;
  for (size_t i = 0; i < about_delivery.size(); ++i) {
    conversations.push_back(Ask(about_delivery[i], at += 1000));
    conversations.push_back(Ask(about_invoice[i], at += 1000));
  }
  // Without a model every question is kept as one without a topic.
  EXPECT_EQ(Classify(nullptr), 10);
  EXPECT_EQ(Classify(nullptr), 0) << "incremental: nothing new";
  auto none = Of(conversations[0]);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->topic_id);
  EXPECT_EQ(none->source, TopicSource::kClassifier);

  auto gen0 = repo_->LabelGeneration();
  ASSERT_TRUE(gen0.ok());
  // People label four of each; the fifth of each is left to the model.
  for (size_t i = 0; i < 8; ++i) Label(conversations[i], i % 2 == 0 ? delivery.id : invoice.id);
  auto gen1 = repo_->LabelGeneration();
  ASSERT_TRUE(gen1.ok());
  EXPECT_NE(*gen0, *gen1);
  auto labels = repo_->Labels(100);
  ASSERT_TRUE(labels.ok());
  EXPECT_EQ(labels->size(), 8u);

  auto trained = service_->Train(agent_, models_);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_TRUE(trained->model) << trained->reason;
  EXPECT_EQ(trained->model->examples, 8);
  EXPECT_EQ(trained->model->topics, 2);
  EXPECT_GT(trained->model->bytes, 0);
  auto generation = repo_->ModelLabelGeneration();
  ASSERT_TRUE(generation.ok());
  EXPECT_EQ(*generation, *gen1);
  // The two the model had not seen were read again by it.
  auto fifth_delivery = Of(conversations[8]);
  auto fifth_invoice = Of(conversations[9]);
  ASSERT_TRUE(fifth_delivery && fifth_invoice);
  EXPECT_EQ(fifth_delivery->topic_id, delivery.id);
  EXPECT_EQ(fifth_invoice->topic_id, invoice.id);
  EXPECT_EQ(fifth_delivery->model_id, trained->model->id);
  EXPECT_DOUBLE_EQ(trained->model->threshold, kTopicConfidence) << "too few labels to hold out";
  EXPECT_GE(fifth_delivery->confidence, trained->model->threshold);

  // On arrival: a new conversation is placed by the loaded model.
  auto model = models_.Current(*repo_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_TRUE(*model);
  EXPECT_EQ((*model)->record.id, trained->model->id);
  const int64_t fresh = Ask("Mijn pakket is niet geleverd, waar is de bezorger?", at += 1000);
  EXPECT_EQ(Classify(model->get()), 1);
  auto placed = Of(fresh);
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->topic_id, delivery.id);
  // A later message does not move a topic once placed; a person's label is
  // never overwritten by the classifier.
  AddMessage(fresh, "Ook de factuur klopt niet", at += 1000);
  Label(conversations[1], delivery.id);
  AddMessage(conversations[1], "Nog een vraag over de factuur, het bedrag", at += 1000);
  EXPECT_EQ(Classify(model->get()), 0) << "neither conversation is read again";
  EXPECT_EQ(Of(fresh)->topic_id, delivery.id);
  EXPECT_EQ(Of(conversations[1])->topic_id, delivery.id);
  EXPECT_EQ(Of(conversations[1])->source, TopicSource::kAgent);

  EXPECT_EQ(repo_->SetByPerson(999'999, delivery.id, agent_, clock_.Now()).status().code(),
            StatusCode::kNotFound);
  auto counts = repo_->Counts(T(0), clock_.Now());
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->labelled, 8);
  EXPECT_EQ(counts->classified, 3);
}

TEST_P(TopicContract, AModelLeavesQuestionsAboutNoKnownTopicForDiscovery) {
  Topic delivery = Make("Levering");
  Topic invoice = Make("Factuur");
  const std::vector<std::string> parcel = {
      "Mijn pakket is niet bezorgd", "Mijn bestelling komt te laat",
      "De bezorger heeft mijn pakket niet gebracht", "Waar blijft mijn pakket"};
  const std::vector<std::string> bill = {
      "Het bedrag op mijn factuur klopt niet", "Ik heb de factuur twee keer betaald",
      "Stuur mij een kopie van de factuur", "Waarom is mijn factuur zo hoog"};
  const std::vector<std::string> when = {"sinds maandag", "al een week", "na mijn bestelling",
                                         "deze maand", "sinds gisteren"};
  int64_t at = 0;
  for (size_t i = 0; i < 60; ++i) {
    const std::string tail = " " + when[i % when.size()] + " (" + std::to_string(i) + ")";
    Label(Ask(parcel[i % parcel.size()] + tail, at += 1000), delivery.id);
    Label(Ask(bill[i % bill.size()] + tail, at += 1000), invoice.id);
  }
  auto trained = service_->Train(agent_, models_);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_TRUE(trained->model);
  ASSERT_TRUE(trained->model->accuracy) << "enough labels to hold a fifth out";
  EXPECT_GT(trained->model->threshold, kTopicConfidence)
      << "two clear topics: known questions are read with far more than 0.5";
  auto model = models_.Current(*repo_);
  ASSERT_TRUE(model.ok() && *model);
  const int64_t known = Ask("Mijn pakket is nog steeds niet bezorgd", at += 1000);
  const int64_t other = Ask("Kan ik met een cadeaubon betalen in de winkel?", at += 1000);
  EXPECT_EQ(Classify(model->get()), 2);
  EXPECT_EQ(Of(known)->topic_id, delivery.id);
  auto unplaced = Of(other);
  ASSERT_TRUE(unplaced);
  EXPECT_FALSE(unplaced->topic_id)
      << "confidence " << unplaced->confidence << " below " << trained->model->threshold;
  auto saved = repo_->LatestModel(false);
  ASSERT_TRUE(saved.ok() && *saved);
  EXPECT_DOUBLE_EQ((*saved)->threshold, trained->model->threshold);
}

TEST_P(TopicContract, TooFewLabelsTrainNoModel) {
  Topic only = Make("Levering");
  for (int i = 0; i < 4; ++i) Label(Ask("Mijn pakket is te laat " + std::to_string(i), i), only.id);
  auto trained = service_->Train(std::nullopt, models_);
  ASSERT_TRUE(trained.ok());
  EXPECT_FALSE(trained->model);
  EXPECT_NE(trained->reason.find("not enough labels"), std::string::npos);
  auto latest = repo_->LatestModel(false);
  ASSERT_TRUE(latest.ok());
  EXPECT_FALSE(*latest);
}

TEST_P(TopicContract, CandidatesAreProposedAcceptedMergedAndSplitWithTheirQuestions) {
  std::vector<int64_t> password;
  std::vector<Topic> found;
  ASSERT_NO_FATAL_FAILURE(DiscoverTwoThemes(&password, &found));
  std::set<int64_t> proposed;
  for (const Topic& c : found) {
    EXPECT_EQ(c.status, TopicStatus::kCandidate);
    EXPECT_TRUE(c.discovered);
    EXPECT_EQ(c.size, 4);
    EXPECT_EQ(c.recent, 4);  // all within the week before
    EXPECT_FALSE(c.terms.empty());
    auto questions = repo_->CandidateQuestions(c.id, 50);
    ASSERT_TRUE(questions.ok());
    ASSERT_EQ(questions->size(), 4u);
    // One theme per candidate.
    const bool about_password =
        std::count(password.begin(), password.end(), (*questions)[0].conversation_id) > 0;
    for (const TopicQuestion& q : *questions) {
      EXPECT_EQ(std::count(password.begin(), password.end(), q.conversation_id) > 0,
                about_password);
      EXPECT_GT(q.customer_id, 0);
      proposed.insert(q.conversation_id);
    }
  }
  EXPECT_EQ(proposed.size(), 8u);
  auto grouped = repo_->CandidateOf(password[0]);
  ASSERT_TRUE(grouped.ok() && *grouped);
  EXPECT_EQ((*grouped)->status, TopicStatus::kCandidate);

  // Discovery again replaces the open candidates.
  DiscoveryOptions two;
  two.k = 2;
  auto again = service_->Discover(two);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  auto replaced = repo_->Get(found[0].id);
  ASSERT_TRUE(replaced.ok()) << "kept, so that its id names nothing else";
  EXPECT_EQ(replaced->status, TopicStatus::kDismissed);
  EXPECT_TRUE(repo_->CandidateQuestions(found[0].id, 50)->empty());

  // Accept one under a name of our own: its questions become labels.
  Topic accepted = (*again)[0];
  auto questions = repo_->CandidateQuestions(accepted.id, 50);
  ASSERT_TRUE(questions.ok());
  accepted.name = "Inloggen of adres";
  accepted.status = TopicStatus::kActive;
  accepted.version += 1;
  auto done = repo_->Accept(accepted, agent_);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->status, TopicStatus::kActive);
  for (const TopicQuestion& q : *questions) {
    auto t = Of(q.conversation_id);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->topic_id, accepted.id);
    EXPECT_EQ(t->source, TopicSource::kDiscovery);
  }
  EXPECT_EQ(repo_->Accept(accepted, agent_).status().code(), StatusCode::kInvalidArgument)
      << "no longer a candidate";
  auto placed = repo_->CandidateOf((*questions)[0].conversation_id);
  ASSERT_TRUE(placed.ok());
  EXPECT_FALSE(*placed) << "its questions have a topic now";

  // The other candidate merges into it: its questions follow as labels.
  const Topic other = (*again)[1];
  auto other_questions = repo_->CandidateQuestions(other.id, 50);
  ASSERT_TRUE(other_questions.ok());
  EXPECT_EQ(
      repo_->Merge(other.id, other.version + 1, accepted.id, clock_.Now(), agent_).status().code(),
      StatusCode::kConflict);
  EXPECT_EQ(
      repo_->Merge(accepted.id, done->version, accepted.id, clock_.Now(), agent_).status().code(),
      StatusCode::kInvalidArgument);
  auto merged = repo_->Merge(other.id, other.version, accepted.id, clock_.Now(), agent_);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  for (const TopicQuestion& q : *other_questions)
    EXPECT_EQ(Of(q.conversation_id)->topic_id, accepted.id);
  auto gone = repo_->Get(other.id);
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->status, TopicStatus::kMerged);
  EXPECT_EQ(gone->merged_into, accepted.id);

  // An active topic merges into another with its conversations.
  Topic target = Make("Account");
  auto folded = repo_->Merge(accepted.id, done->version, target.id, clock_.Now(), agent_);
  ASSERT_TRUE(folded.ok()) << folded.status().ToString();
  for (int64_t c : password) EXPECT_EQ(Of(c)->topic_id, target.id);
  auto labels = repo_->Labels(100);
  ASSERT_TRUE(labels.ok());
  EXPECT_EQ(labels->size(), 8u);
  for (const TopicLabel& l : *labels) EXPECT_EQ(l.topic_id, target.id);
}

TEST_P(TopicContract, ANewQuestionJoinsTheCandidateItIsMostLikeUntilTheNextDiscovery) {
  std::vector<int64_t> password;
  std::vector<Topic> found;
  ASSERT_NO_FATAL_FAILURE(DiscoverTwoThemes(&password, &found));
  TopicModels candidates(true);
  auto model = candidates.Current(*repo_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_TRUE(*model) << "discovery trained a model of its candidates";
  EXPECT_TRUE((*model)->record.candidates);
  EXPECT_EQ((*model)->record.examples, 8);
  auto topics_model = repo_->LatestModel(false);
  ASSERT_TRUE(topics_model.ok());
  EXPECT_FALSE(*topics_model) << "no model of the labels";

  const int64_t fresh = Ask("Wachtwoord vergeten, inloggen lukt niet meer", 9000);
  auto n = service_->ClassifyRound(nullptr, model->get(), 100);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_FALSE(Of(fresh)->topic_id);
  auto joined = repo_->CandidateOf(fresh);
  ASSERT_TRUE(joined.ok() && *joined);
  auto with = repo_->CandidateQuestions((*joined)->id, 50);
  ASSERT_TRUE(with.ok());
  ASSERT_EQ(with->size(), 5u);
  EXPECT_EQ(with->back().conversation_id, fresh) << "after the examples";
  EXPECT_NE(with->front().text.find("wachtwoord"), std::string::npos);
  EXPECT_EQ((*joined)->size, 5);
  // A later message of the same conversation does not join it twice.
  AddMessage(fresh, "Het wachtwoord werkt nog steeds niet", 9500);
  ASSERT_TRUE(service_->ClassifyRound(nullptr, model->get(), 100).ok());
  auto again = repo_->Get((*joined)->id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size, 5);
}

TEST_P(TopicContract, ACandidateSplitsInTwoByItsQuestions) {
  std::vector<NewCandidate::Member> members;
  std::vector<int64_t> password;
  for (int i = 0; i < 4; ++i) {
    const int64_t a = Ask("wachtwoord vergeten inloggen lukt niet " + std::to_string(i), i * 10);
    const int64_t b = Ask("verhuizen adres wijzigen nieuw adres " + std::to_string(i), i * 10 + 5);
    password.push_back(a);
    for (int64_t c : {a, b}) {
      auto conv = store_->conversations().Get(c);
      ASSERT_TRUE(conv.ok());
      auto messages = store_->conversations().ListMessages(c, false, {.limit = 5});
      ASSERT_TRUE(messages.ok());
      members.push_back({c, messages->items[0].id, conv->created_at});
    }
  }
  NewCandidate mixed;
  mixed.name = "wachtwoord, adres";
  mixed.terms = {"wachtwoord", "adres"};
  mixed.members = members;
  mixed.examples = 3;
  auto kept = repo_->ReplaceCandidates({mixed}, clock_.Now());
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ASSERT_EQ(kept->size(), 1u);
  const Topic c = (*kept)[0];
  EXPECT_EQ(c.size, 8);
  EXPECT_EQ(service_->Split(c.id, c.version + 1).status().code(), StatusCode::kConflict);
  auto parts = service_->Split(c.id, c.version);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].size + (*parts)[1].size, 8);
  for (const Topic& part : *parts) {
    auto questions = repo_->CandidateQuestions(part.id, 50);
    ASSERT_TRUE(questions.ok());
    const bool first =
        std::count(password.begin(), password.end(), (*questions)[0].conversation_id) > 0;
    for (const TopicQuestion& q : *questions)
      EXPECT_EQ(std::count(password.begin(), password.end(), q.conversation_id) > 0, first)
          << "a part mixes the two themes";
  }
  auto old = repo_->Get(c.id);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->status, TopicStatus::kDismissed);
}

TEST_P(TopicContract, WeeksDifficultyAndOneAlertPerTopicAndWeek) {
  Topic delivery = Make("Levering");
  Topic invoice = Make("Factuur");
  // Week of T(0) and the next: deliveries twice, an invoice once.
  const int64_t customer = MakeCustomer("Terug Klant");
  const int64_t first = Ask("Pakket te laat", 0, customer);
  const int64_t back = Ask("Pakket nog steeds te laat", 2 * kDay, customer);
  const int64_t bill = Ask("Factuur klopt niet", 8 * kDay);
  Label(first, delivery.id);
  Label(back, delivery.id);
  Label(bill, invoice.id);
  // The first delivery was handed over and reopened after being resolved.
  Handover h;
  h.conversation_id = first;
  h.from_department_id = dept_;
  h.to_department_id = MakeDepartment("Logistiek");
  h.at = T(1000);
  h.by_user_id = agent_;
  auto moved = Transfer(h);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  ConversationPatch resolve;
  resolve.status = ConversationStatus::kResolved;
  ASSERT_TRUE(Update(first, resolve, agent_, T(3 * 3'600'000)).ok());
  ConversationPatch reopen;
  reopen.status = ConversationStatus::kOpen;
  ASSERT_TRUE(Update(first, reopen, agent_, T(4 * 3'600'000)).ok());
  ASSERT_TRUE(Update(first, resolve, agent_, T(5 * 3'600'000)).ok());

  auto effort = repo_->Effort(T(0), T(14 * kDay));
  ASSERT_TRUE(effort.ok()) << effort.status().ToString();
  const TopicEffort* d = nullptr;
  const TopicEffort* f = nullptr;
  for (const TopicEffortRow& row : *effort) {
    if (row.topic_id == delivery.id) d = &row.effort;
    if (row.topic_id == invoice.id) f = &row.effort;
  }
  ASSERT_TRUE(d && f);
  EXPECT_EQ(d->volume, 2);
  EXPECT_DOUBLE_EQ(d->transfer_rate, 0.5);
  EXPECT_DOUBLE_EQ(d->reopen_rate, 0.5);
  EXPECT_DOUBLE_EQ(d->repeat_rate, 0.5) << "the customer came back within seven days";
  EXPECT_DOUBLE_EQ(d->contacts_to_resolve, 1.5);
  EXPECT_NEAR(d->hours_to_resolve, 5, 1e-9) << "the one resolved, five hours after it opened";
  EXPECT_FALSE(d->handle_minutes) << "no call or chat was timed";
  EXPECT_EQ(f->volume, 1);
  EXPECT_DOUBLE_EQ(f->transfer_rate, 0);

  const int64_t week0 = WeekOf(T(0));
  auto weekly = repo_->Weekly(week0, week0 + 1);
  ASSERT_TRUE(weekly.ok());
  const std::vector<int64_t> deliveries = WeeklySeries(*weekly, delivery.id, week0, week0 + 1);
  const std::vector<int64_t> invoices = WeeklySeries(*weekly, invoice.id, week0, week0 + 1);
  EXPECT_EQ(deliveries[0] + deliveries[1], 2);
  EXPECT_EQ(invoices[0] + invoices[1], 1);
  EXPECT_EQ(WeekOf(WeekStart(week0)), week0);
  EXPECT_EQ(WeekOf(WeekStart(week0) - std::chrono::milliseconds(1)), week0 - 1);

  TopicAlert alert;
  alert.topic_id = delivery.id;
  alert.week = week0;
  alert.observed = 40;
  alert.expected = 10;
  alert.created_at = clock_.Now();
  alert.owner_user_id = agent_;
  const NewJob mail{kTopicAlertMailJob, "x", clock_.Now(), clock_.Now(), std::nullopt};
  auto fresh = repo_->RecordAlert(alert, mail);
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  EXPECT_TRUE(*fresh);
  auto repeated = repo_->RecordAlert(alert, mail);
  ASSERT_TRUE(repeated.ok());
  EXPECT_FALSE(*repeated) << "once per topic and week";
  auto alerts = repo_->Alerts(T(0), 10);
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ(alerts->front().observed, 40);
  auto claimed =
      store_->jobs().Claim("w", {kTopicAlertMailJob}, clock_.Now(), std::chrono::minutes(1));
  ASSERT_TRUE(claimed.ok());
  EXPECT_TRUE(*claimed) << "the mail job was enqueued with the alert";
}

LUISTER_CONTRACT_ENGINES(TopicContract);

}  // namespace
}  // namespace luister::contract
