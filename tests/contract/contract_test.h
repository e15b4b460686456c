#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/contract/engine.h"

namespace luister::contract {

// Base of every contract test, parameterised by engine name, with helpers
// that make related records through the repositories.
class ContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = MakeEngine(GetParam());
    ASSERT_FALSE(::testing::Test::HasFailure()) << "the " << GetParam() << " engine did not start";
    store_ = &engine_->store();
  }
  void TearDown() override {
    store_ = nullptr;
    engine_.reset();
  }

  static Timestamp T(int64_t ms) { return FromMillis(1'700'000'000'000 + ms); }

  // The conversation writes as the services make them, with the domain's
  // plans (domain/conversation.h).
  static OpeningPlan Opened(std::optional<int64_t> actor) {
    return [actor](const Conversation& created) { return PlanOpening(created, actor); };
  }
  // Adds a message and moves the conversation to `status` when set.
  static MessagePlan ToStatus(std::optional<ConversationStatus> status) {
    return [status](const Conversation& now, const NewMessage& m, int64_t id, Timestamp at) {
      return PlanMessage(now, m, id, at, status);
    };
  }
  Result<Conversation> Update(int64_t id, const ConversationPatch& patch,
                              std::optional<int64_t> actor, Timestamp at) {
    return store_->conversations().Change(
        id, [&](const Conversation& now) { return PlanUpdate(now, patch, actor, at); });
  }
  Result<Conversation> Transfer(const Handover& h) {
    return store_->conversations().Change(
        h.conversation_id, [&](const Conversation& now) { return PlanHandover(now, h); });
  }
  Result<Customer> UpdateCustomer(int64_t id, const CustomerPatch& patch, Timestamp at) {
    return store_->customers().Update(
        id, [&](const Customer& now) { return PlanCustomerUpdate(now, patch, at); });
  }
  Result<MergeRecord> Merge(int64_t source, int64_t target, int64_t by, Timestamp at) {
    return store_->customers().Merge(source, target, [&](const Customer& s, const Customer& t) {
      return PlanMerge(s, t, by, at);
    });
  }
  Result<AddedMessage> Append(const NewMessage& m, std::optional<ConversationStatus> status) {
    return store_->conversations().AddMessage(m, ToStatus(status));
  }

  int64_t MakeDepartment(const std::string& name = "Support") {
    auto d = store_->directory().CreateDepartment(name, T(0));
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? d->id : 0;
  }

  int64_t MakeUser(const std::string& email, const std::string& name = "Agent") {
    NewUser u;
    u.email = email;
    u.name = name;
    u.password_hash = "hash";
    auto r = store_->directory().CreateUser(u, T(0));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  int64_t MakeCustomer(const std::string& name, const std::string& email = "", int64_t at_ms = 0) {
    NewCustomer c;
    c.name = name;
    if (!email.empty()) c.identities.push_back({IdentityKind::kEmail, email});
    c.created_at = T(at_ms);
    auto r = store_->customers().Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  Conversation MakeConversation(int64_t customer_id, int64_t department_id,
                                const std::string& subject = "Question",
                                Channel channel = Channel::kEmail, int64_t at_ms = 0) {
    NewConversation n;
    n.customer_id = customer_id;
    n.department_id = department_id;
    n.subject = subject;
    n.channel = channel;
    n.created_at = T(at_ms);
    auto r = store_->conversations().Create(n, Opened(std::nullopt));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Conversation{};
  }

  Message AddMessage(int64_t conversation_id, const std::string& text, int64_t at_ms,
                     Direction direction = Direction::kIn, bool internal = false,
                     std::optional<ConversationStatus> status = std::nullopt) {
    NewMessage m;
    m.conversation_id = conversation_id;
    m.direction = direction;
    m.internal = internal;
    m.body_text = text;
    m.created_at = T(at_ms);
    auto r = Append(m, status);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->message : Message{};
  }

  std::unique_ptr<Engine> engine_;
  Store* store_ = nullptr;
};

}  // namespace luister::contract
