// Status rules of conversations that need no store (the services' rules
// over a store are in conversation_service_test.cc).
#include <gtest/gtest.h>

#include "domain/conversation_service.h"

namespace luister {
namespace {

TEST(NextStatusTest, MessagesMoveTheBall) {
  using S = ConversationStatus;
  EXPECT_EQ(NextStatusAfterMessage(S::kNew, Direction::kOut, false), S::kWaitingOnCustomer);
  EXPECT_EQ(NextStatusAfterMessage(S::kWaitingOnCustomer, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kResolved, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kOpen, Direction::kOut, true), S::kOpen);
}

}  // namespace
}  // namespace luister
