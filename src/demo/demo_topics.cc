#include "demo/demo_topics.h"

#include <map>
#include <string>
#include <string_view>

#include "common/manual_clock.h"
#include "domain/conversation.h"
#include "domain/topic.h"

namespace luister::demo {

namespace {

struct DemoTopic {
  std::string_view name;
  std::vector<std::string_view> intents;
};

// What the desk defined. The intents left out (placing an order, a
// newsletter, a review, asking for a person or for the desk's contact
// details) are what discovery proposes.
const std::vector<DemoTopic>& DemoTopics() {
  static const std::vector<DemoTopic> kTopics = {
      {"Bestelling volgen", {"track_order", "delivery_period"}},
      {"Verzending en adres",
       {"delivery_options", "change_shipping_address", "set_up_shipping_address"}},
      {"Terugbetaling", {"get_refund", "track_refund", "check_refund_policy"}},
      {"Factuur", {"check_invoice", "get_invoice"}},
      {"Betalen", {"payment_issue", "check_payment_methods"}},
      {"Account en inloggen",
       {"recover_password", "edit_account", "create_account", "registration_problems",
        "delete_account", "switch_account"}},
      {"Bestelling wijzigen of annuleren",
       {"change_order", "cancel_order", "check_cancellation_fee"}},
      {"Klachten", {"complaint"}},
  };
  return kTopics;
}

constexpr auto kLabelledBefore = std::chrono::hours(24 * 14);

}  // namespace

Status LoadTopics(Store& store, const std::vector<int64_t>& manager_ids, Timestamp now) {
  auto found = store.Find<TopicRepository>();
  if (!found.ok()) return Status::Ok();  // a store without the topics module
  TopicRepository& repo = **found;
  ManualClock clock(now - std::chrono::hours(24 * 7 * 13));
  TopicService service(store, repo, clock);

  std::map<std::string, int64_t, std::less<>> topic_of_intent;
  for (size_t i = 0; i < DemoTopics().size(); ++i) {
    const DemoTopic& d = DemoTopics()[i];
    std::optional<int64_t> owner;
    if (!manager_ids.empty()) owner = manager_ids[i % manager_ids.size()];
    LUISTER_ASSIGN_OR_RETURN(Topic t, service.Create(d.name, owner));
    for (std::string_view intent : d.intents) topic_of_intent[std::string(intent)] = t.id;
  }

  // The agents chose the topic of every other conversation older than two
  // weeks, an hour after it opened (its intent is among its tags).
  ConversationFilter all;
  all.sort = ConversationSort::kCreatedAsc;
  PageRequest page;
  page.limit = kMaxPageSize;
  for (;;) {
    LUISTER_ASSIGN_OR_RETURN(auto list, store.conversations().List(all, page));
    for (const Conversation& c : list.items) {
      if (c.created_at >= now - kLabelledBefore || c.id % 2 != 0) continue;
      std::optional<int64_t> topic;
      for (const std::string& tag : c.tags)
        if (auto it = topic_of_intent.find(tag); it != topic_of_intent.end()) topic = it->second;
      if (!topic) continue;
      const int64_t by = c.assignee_id.value_or(manager_ids.empty() ? 0 : manager_ids.front());
      if (by == 0) continue;
      auto set = repo.SetByPerson(c.id, topic, by, c.created_at + std::chrono::hours(1));
      // A conversation without a message (none in the demo) has nothing to learn from.
      if (!set.ok() && set.status().code() != StatusCode::kInvalidArgument) return set.status();
    }
    if (!list.next) break;
    page.after = list.next;
  }

  // Trained last night; every other question read by it on arrival.
  clock.Set(now - std::chrono::hours(6));
  TopicModels models;
  const std::optional<int64_t> trainer =
      manager_ids.empty() ? std::nullopt : std::optional<int64_t>(manager_ids.front());
  LUISTER_RETURN_IF_ERROR(service.Train(trainer, models).status());
  // A small demo may have too few labels for a model: its questions then
  // wait without a topic, as on a new desk.
  LUISTER_ASSIGN_OR_RETURN(auto model, models.Current(repo));
  clock.Set(now);
  LUISTER_RETURN_IF_ERROR(service.ClassifyRound(model.get(), nullptr, 1'000'000).status());
  // This morning's daily round: candidates and the rising topics.
  LUISTER_RETURN_IF_ERROR(service.Discover({}).status());
  return service.CheckTrends(/*mail_owners=*/false).status();
}

}  // namespace luister::demo
