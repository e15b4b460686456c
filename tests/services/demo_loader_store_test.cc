#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "auth/password.h"
#include "demo/demo_loader.h"
#include "domain/chat.h"
#include "domain/location.h"
#include "domain/phone_call.h"
#include "domain/web_form.h"
#include "tests/contract/engine.h"

#ifndef LUISTER_SOURCE_DIR
#error "LUISTER_SOURCE_DIR must point at the repository root"
#endif

namespace luister {
namespace {

// Loads a small demo into a fresh database of either engine.
class DemoStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = contract::MakeEngine(GetParam());
    ASSERT_FALSE(::testing::Test::HasFailure()) << "the " << GetParam() << " engine did not start";
    store_ = &engine_->store();
  }
  void TearDown() override {
    store_ = nullptr;
    engine_.reset();
  }

  static DemoOptions SmallDemo() {
    DemoOptions o;
    o.data_dir = std::string(LUISTER_SOURCE_DIR) + "/data/demo";
    o.customers = 40;
    o.conversations = 200;
    o.now = *ParseIso8601("2026-11-26T12:00:00Z");
    o.admin_password = "demo-admin-password";
    o.writers = 3;  // as `luister demo` on PostgreSQL; the content must not depend on it
    return o;
  }

  std::unique_ptr<contract::Engine> engine_;
  Store* store_ = nullptr;
};

TEST_P(DemoStoreTest, LoadsASmallDemo) {
  int64_t last_done = -1;
  std::string stages;
  auto summary = LoadDemo(*store_, SmallDemo(), [&](std::string_view stage, int64_t done, int64_t) {
    if (stages.find(stage) == std::string::npos) stages += std::string(stage) + " ";
    last_done = done;
  });
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(stages, "directory customers conversations calls ");
  EXPECT_EQ(last_done, summary->calls);

  EXPECT_EQ(summary->departments, 5);
  EXPECT_EQ(summary->queues, 10);
  // The planned 40, and the new callers the phone line met.
  EXPECT_GT(summary->customers, 40);
  EXPECT_GE(summary->conversations, 195);
  EXPECT_GT(summary->messages, 2 * summary->conversations);
  EXPECT_GE(summary->merges_possible, 1);
  EXPECT_EQ(*store_->customers().Count(), summary->customers);
  EXPECT_EQ(*store_->directory().CountUsers(), summary->users);
  EXPECT_EQ(*store_->conversations().CountMessages(), summary->messages);

  // The admin logs in with the given password; other staff get the same one.
  auto admin = store_->directory().FindCredentials("admin@luister.local");
  ASSERT_TRUE(admin.ok() && admin->has_value());
  EXPECT_TRUE(auth::VerifyPassword((*admin)->password_hash, "demo-admin-password"));
  auto agent = store_->directory().FindCredentials(summary->staff_emails.back());
  ASSERT_TRUE(agent.ok() && agent->has_value());
  EXPECT_TRUE(auth::VerifyPassword((*agent)->password_hash, "demo-admin-password"));

  // Every conversation's customer has a timeline with its contacts in it.
  ConversationFilter f;
  PageRequest first_page;
  first_page.limit = 20;
  auto page = store_->conversations().List(f, first_page);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_FALSE(page->items.empty());
  int open_work = 0;
  for (const auto& c : page->items) {
    auto timeline = store_->timeline().Timeline(c.customer_id, TimelineFilter{}, PageRequest{});
    ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
    EXPECT_FALSE(timeline->items.empty());
    EXPECT_GE(c.message_count, 1);
    EXPECT_LE(c.created_at, *ParseIso8601("2026-11-26T12:00:00Z"));
    if (c.status != ConversationStatus::kResolved && c.status != ConversationStatus::kClosed)
      ++open_work;
  }
  EXPECT_GT(open_work, 0);  // the newest conversations still need attention

  // Calls: on the callers' timelines, and the last days' missed ones wait
  // for a call back while older ones were called back.
  auto calls = store_->Find<CallRepository>();
  ASSERT_TRUE(calls.ok());
  EXPECT_GE(summary->calls, 40);
  auto callbacks = (*calls)->ListCallbacks({});
  ASSERT_TRUE(callbacks.ok()) << callbacks.status().ToString();
  ASSERT_FALSE(callbacks->items.empty());
  for (const CallbackItem& item : callbacks->items) {
    EXPECT_GE(item.first_at, *ParseIso8601("2026-11-22T12:00:00Z")) << item.customer_number;
    ASSERT_TRUE(item.customer_id);
    auto theirs = (*calls)->ListForCustomer(*item.customer_id, {});
    ASSERT_TRUE(theirs.ok());
    EXPECT_FALSE(theirs->items.empty());
  }

  // Shop visits took place at a location (of the department where they
  // began: some were handed over since).
  auto locations = store_->Find<LocationRepository>();
  ASSERT_TRUE(locations.ok());
  auto all_locations = (*locations)->List();
  ASSERT_TRUE(all_locations.ok());
  EXPECT_GE(all_locations->size(), 5u);
  ConversationFilter shop;
  shop.channel = Channel::kShop;
  auto visits = store_->conversations().List(shop, {});
  ASSERT_TRUE(visits.ok());
  ASSERT_FALSE(visits->items.empty());
  for (const Conversation& c : visits->items) {
    ASSERT_TRUE(c.location_id) << c.id;
    auto where = (*locations)->Get(*c.location_id);
    EXPECT_TRUE(where.ok()) << c.id;
  }

  // The public contact form is open.
  auto forms = store_->Find<WebFormRepository>();
  ASSERT_TRUE(forms.ok());
  auto contact = (*forms)->FindBySlug("contact");
  ASSERT_TRUE(contact.ok() && contact->has_value());
  EXPECT_TRUE((*contact)->active);

  // The webshop's chat widget, and a chat record for every chat
  // conversation: at most one waits for an agent, the rest ended.
  auto chats = store_->Find<ChatRepository>();
  ASSERT_TRUE(chats.ok());
  auto webshop = (*chats)->FindWidget("webshop");
  ASSERT_TRUE(webshop.ok() && webshop->has_value());
  ConversationFilter chat_filter;
  chat_filter.channel = Channel::kChat;
  PageRequest all;
  all.limit = kMaxPageSize;
  auto chat_conversations = store_->conversations().List(chat_filter, all);
  ASSERT_TRUE(chat_conversations.ok());
  ASSERT_FALSE(chat_conversations->items.empty());
  int waiting = 0;
  for (const Conversation& c : chat_conversations->items) {
    auto chat = (*chats)->GetChat(c.id);
    ASSERT_TRUE(chat.ok()) << c.id;
    EXPECT_EQ(chat->widget_id, (*webshop)->id);
    if (chat->state == ChatState::kWaiting)
      ++waiting;
    else
      EXPECT_EQ(chat->state, ChatState::kEnded) << c.id;
  }
  EXPECT_LE(waiting, 1);

  // Loading twice is refused instead of duplicating the demo.
  auto again = LoadDemo(*store_, SmallDemo(), nullptr);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
}

TEST_P(DemoStoreTest, MissingCorpusIsNotFound) {
  DemoOptions o = SmallDemo();
  o.data_dir = "/nonexistent/luister-demo-corpus";
  auto summary = LoadDemo(*store_, o, nullptr);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), StatusCode::kNotFound);
}

LUISTER_CONTRACT_ENGINES(DemoStoreTest);

}  // namespace
}  // namespace luister
