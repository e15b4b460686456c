#include "domain/enums.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(EnumsTest, NamesRoundTrip) {
  for (auto s : {"new", "open", "waiting_on_customer", "waiting_on_us", "resolved", "closed"})
    EXPECT_EQ(ToString(*Parse<ConversationStatus>(s)), s);
  EXPECT_FALSE(Parse<Channel>("fax").has_value());
  EXPECT_FALSE(Parse<Role>("Admin").has_value());
}

}  // namespace
}  // namespace luister
