#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "demo/demo_corpus.h"
#include "demo/demo_pattern.h"
#include "demo/demo_plan.h"
#include "domain/validation.h"

#ifndef LUISTER_SOURCE_DIR
#error "LUISTER_SOURCE_DIR must point at the repository root"
#endif

namespace luister::demo {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

const std::string kDataDir = std::string(LUISTER_SOURCE_DIR) + "/data/demo";

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

const DemoCorpus& Corpus() {
  static const DemoCorpus corpus = [] {
    auto c = LoadDemoCorpus(kDataDir);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(c).value() : DemoCorpus{};
  }();
  return corpus;
}

TEST(DemoCorpus, ParsesCsvQuotingAndSkipsEmptyRows) {
  auto rows = ParseBitextCsv(
      "instruction,category,intent,response\n"
      "\"where is order 123456, please\",ORDER,track_order,\"Line one\n\"\"quoted\"\" line\"\r\n"
      ",ORDER,track_order,no question\n"
      "hi,CONTACT,contact_human_agent,hello\n");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].question, "where is order 123456, please");
  EXPECT_EQ((*rows)[0].answer, "Line one\n\"quoted\" line");
  EXPECT_EQ((*rows)[1].intent, "contact_human_agent");
}

TEST(DemoCorpus, RejectsMalformedInput) {
  EXPECT_FALSE(ParseBitextCsv("instruction,category,intent,response\n\"open").ok());
  EXPECT_FALSE(ParseBitextCsv("instruction,intent\nx,y\n").ok());
  EXPECT_FALSE(ParseDutchTsv("intent\tcategory\tquestion\tanswer\nonly\ttwo\n").ok());
  EXPECT_FALSE(ParseTwitterJson("{\"not\": \"an array\"}").ok());
  EXPECT_FALSE(ParseTwitterJson("[").ok());
}

TEST(DemoCorpus, ShippedSubsetCoversAllIntentsInBothLanguages) {
  const DemoCorpus& c = Corpus();
  EXPECT_GE(c.english.size(), 1000u);
  EXPECT_GE(c.dutch.size(), 30u);
  EXPECT_GE(c.social.size(), 150u);
  std::set<std::string> english, dutch;
  for (const auto& p : c.english) {
    EXPECT_FALSE(p.question.empty());
    EXPECT_FALSE(p.answer.empty());
    english.insert(p.intent);
  }
  for (const auto& p : c.dutch) dutch.insert(p.intent);
  EXPECT_EQ(english.size(), 27u);
  EXPECT_EQ(dutch, english);
  for (const auto& t : c.social) {
    ASSERT_GE(t.turns.size(), 2u);
    EXPECT_TRUE(t.turns.front().from_customer);
    EXPECT_FALSE(t.turns.back().from_customer);
    for (size_t i = 1; i < t.turns.size(); ++i)
      EXPECT_GE(t.turns[i].after_seconds, t.turns[i - 1].after_seconds);
  }
}

TEST(DemoCorpus, FillsEveryPlaceholder) {
  PlaceholderValues v{"DH1234567", "F2026-12345", "3SDHM123456789", "Anna", "3 October"};
  for (const auto* pool : {&Corpus().english, &Corpus().dutch}) {
    for (const auto& p : *pool) {
      std::string q = FillPlaceholders(p.question, v), a = FillPlaceholders(p.answer, v);
      EXPECT_EQ(q.find("{{"), std::string::npos) << q;
      EXPECT_EQ(a.find("{{"), std::string::npos) << a;
      EXPECT_EQ(a.find("}}"), std::string::npos) << a;
      EXPECT_TRUE(IsValidUtf8(a));
    }
  }
  EXPECT_EQ(FillPlaceholders("Order {{Order Number}} via {{Customer Support Phone Number}}", v),
            "Order DH1234567 via +31 20 808 4400");
  EXPECT_EQ(FillPlaceholders("Open {{Order History}} on {{Website Name}}.", v),
            "Open Order History on www.dijkstrahome.example.");
  EXPECT_EQ(FillPlaceholders("invoice {{Invoice Number Anonymized}}", v), "invoice F2026-12345");
  EXPECT_EQ(FillPlaceholders("no slots", v), "no slots");
  EXPECT_EQ(FillPlaceholders("broken {{slot", v), "broken slot");
  EXPECT_EQ(FindOrderNumber("cancel purchase 113542617735902 now"), "113542617735902");
  EXPECT_EQ(FindOrderNumber("order 12345"), "");
}

TEST(DemoPattern, RngIsDeterministicAndInRange) {
  Rng a(7), b(7);
  for (int i = 0; i < 1000; ++i) {
    int x = a.Between(-3, 3);
    EXPECT_EQ(x, b.Between(-3, 3));
    EXPECT_GE(x, -3);
    EXPECT_LE(x, 3);
    double u = a.Unit();
    EXPECT_EQ(u, b.Unit());
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
  // The first draw of mt19937 seeded with 42 is fixed by the standard.
  EXPECT_EQ(Rng(42).Next(), 1608637542u);
}

TEST(DemoPattern, AmsterdamOffsetFollowsEuRule) {
  EXPECT_EQ(AmsterdamOffset(At("2026-01-15T12:00:00Z")), minutes(60));
  EXPECT_EQ(AmsterdamOffset(At("2026-07-01T12:00:00Z")), minutes(120));
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(AmsterdamOffset(At("2026-03-29T00:59:00Z")), minutes(60));
  EXPECT_EQ(AmsterdamOffset(At("2026-03-29T01:00:00Z")), minutes(120));
  EXPECT_EQ(AmsterdamOffset(At("2026-10-25T00:59:00Z")), minutes(120));
  EXPECT_EQ(AmsterdamOffset(At("2026-10-25T01:00:00Z")), minutes(60));

  LocalTime lt = ToLocal(At("2026-11-23T09:30:00Z"));  // a Monday
  EXPECT_EQ(lt.weekday, std::chrono::Monday);
  EXPECT_EQ(lt.minute_of_day, 10 * 60 + 30);
  EXPECT_EQ(FromLocal(lt.date, lt.minute_of_day), At("2026-11-23T09:30:00Z"));
  LocalTime summer = ToLocal(At("2026-06-30T22:30:00Z"));
  EXPECT_EQ(summer.minute_of_day, 30);
  EXPECT_EQ(FromLocal(summer.date, summer.minute_of_day), At("2026-06-30T22:30:00Z"));
}

TEST(DemoPattern, ContactTimesFollowWeekAndDay) {
  Rng rng(1);
  const Timestamp to = At("2026-11-26T12:00:00Z");
  const Timestamp from = to - days(84);
  std::array<int, 7> by_weekday{};
  std::array<int, 24> email_by_hour{};
  std::array<int, 7> email_by_weekday{};
  int chat_evening = 0, chat_total = 0;
  for (Channel c : {Channel::kEmail, Channel::kChat, Channel::kPhone, Channel::kSocial,
                    Channel::kShop, Channel::kWebform}) {
    for (int i = 0; i < 4000; ++i) {
      Timestamp t = SampleContactTime(rng, c, from, to);
      ASSERT_GE(t, from);
      ASSERT_LT(t, to);
      LocalTime lt = ToLocal(t);
      ++by_weekday[lt.weekday.iso_encoding() - 1];
      if (c == Channel::kEmail) {
        ++email_by_hour[lt.minute_of_day / 60];
        ++email_by_weekday[lt.weekday.iso_encoding() - 1];
      }
      if (c == Channel::kChat) {
        ++chat_total;
        if (lt.minute_of_day >= 18 * 60) ++chat_evening;
      }
      if (c == Channel::kPhone || c == Channel::kShop || c == Channel::kChat) {
        EXPECT_TRUE(ArrivalHours(c, lt.weekday).Contains(lt.minute_of_day))
            << ToString(c) << " contact at " << FormatIso8601(t);
      }
      if (c == Channel::kPhone) {
        EXPECT_NE(lt.weekday, std::chrono::Sunday);
      }
    }
  }
  // Monday vs Saturday, every channel weighing the same (the shop, busiest
  // on Saturday, counts as much as e-mail here).
  EXPECT_GT(by_weekday[0], by_weekday[5] * 3 / 2);
  EXPECT_GT(email_by_weekday[0], email_by_weekday[5] * 5 / 2);
  EXPECT_GT(by_weekday[0], by_weekday[4]);          // Monday vs Friday
  EXPECT_GT(by_weekday[5], by_weekday[6]);          // Saturday vs Sunday
  EXPECT_GT(email_by_hour[10], email_by_hour[12]);  // the lunch dip
  EXPECT_GT(email_by_hour[14], email_by_hour[12]);
  EXPECT_GT(email_by_hour[10], email_by_hour[3] * 10);
  EXPECT_GT(chat_evening * 4, chat_total);  // chat keeps going in the evening
}

TEST(DemoPattern, NextStaffedMovesToOpeningTime) {
  // Saturday 23:00 local: e-mail is answered on Monday 08:30.
  Timestamp sat_night = At("2026-11-21T22:00:00Z");
  EXPECT_EQ(NextStaffed(Channel::kEmail, sat_night), At("2026-11-23T07:30:00Z"));
  // Within hours nothing moves.
  Timestamp tue = At("2026-11-24T10:00:00Z");
  EXPECT_EQ(NextStaffed(Channel::kEmail, tue), tue);
  // Chat is staffed on Sunday morning from 08:00 local.
  EXPECT_EQ(NextStaffed(Channel::kChat, At("2026-11-22T05:00:00Z")), At("2026-11-22T07:00:00Z"));
}

DemoPlan SmallPlan(uint32_t seed) {
  return BuildDemoPlan(Corpus(), {.seed = seed,
                                  .customers = 120,
                                  .conversations = 600,
                                  .weeks = 12,
                                  .now = At("2026-11-26T12:00:00Z")});
}

TEST(DemoPlan, IsDeterministicForASeed) {
  DemoPlan a = SmallPlan(5), b = SmallPlan(5), c = SmallPlan(6);
  ASSERT_EQ(a.conversations.size(), b.conversations.size());
  for (size_t i = 0; i < a.conversations.size(); ++i) {
    EXPECT_EQ(a.conversations[i].created_at, b.conversations[i].created_at);
    EXPECT_EQ(a.conversations[i].subject, b.conversations[i].subject);
    ASSERT_EQ(a.conversations[i].steps.size(), b.conversations[i].steps.size());
  }
  ASSERT_EQ(a.customers.size(), b.customers.size());
  for (size_t i = 0; i < a.customers.size(); ++i)
    EXPECT_EQ(a.customers[i].customer.name, b.customers[i].customer.name);
  bool differs = a.conversations.size() != c.conversations.size();
  for (size_t i = 0; !differs && i < a.conversations.size(); ++i)
    differs = a.conversations[i].subject != c.conversations[i].subject;
  EXPECT_TRUE(differs);
}

TEST(DemoPlan, HasAPlausibleShape) {
  const Timestamp now = At("2026-11-26T12:00:00Z");
  DemoPlan plan = SmallPlan(42);
  EXPECT_EQ(plan.departments.size(), 5u);
  EXPECT_EQ(plan.users.front().email, kAdminEmail);
  EXPECT_EQ(plan.users.front().role, Role::kAdmin);
  EXPECT_EQ(plan.customers.size(), 120u);
  EXPECT_GE(plan.conversations.size(), 590u);
  EXPECT_GE(plan.duplicate_pairs, 1);

  std::set<std::string> identities;
  int dutch = 0, orgs = 0, key = 0;
  for (size_t i = 0; i < plan.customers.size(); ++i) {
    const auto& pc = plan.customers[i];
    if (pc.customer.language == Language::kNl) ++dutch;
    if (pc.customer.kind == CustomerKind::kOrganisation) ++orgs;
    if (pc.customer.segment == "key_account") {
      ++key;
      EXPECT_TRUE(pc.account_manager.has_value()) << pc.customer.name;
    }
    if (pc.organisation) {
      EXPECT_LT(*pc.organisation, static_cast<int>(i));
    }
    if (pc.duplicate_of) {
      const auto& orig = plan.customers[*pc.duplicate_of].customer;
      EXPECT_EQ(orig.name.substr(orig.name.find(' ')),
                pc.customer.name.substr(pc.customer.name.find(' ')));
    }
    ASSERT_FALSE(pc.customer.identities.empty());
    for (const auto& id : pc.customer.identities) {
      auto norm = NormaliseIdentity(id.kind, id.value);
      ASSERT_TRUE(norm.ok()) << id.value;
      EXPECT_EQ(*norm, id.value);
      EXPECT_TRUE(identities.insert(id.value).second) << "identity used twice: " << id.value;
    }
  }
  EXPECT_GT(dutch, 12);
  EXPECT_LT(dutch, 45);
  EXPECT_GE(orgs, 2);
  EXPECT_GE(key, 1);

  std::map<Channel, int> by_channel;
  std::map<ConversationStatus, int> old_status, recent_status;
  int handovers = 0, notes = 0;
  for (const auto& c : plan.conversations) {
    ++by_channel[c.channel];
    ASSERT_FALSE(c.steps.empty());
    EXPECT_EQ(c.steps.front().kind, StepKind::kMessage);
    EXPECT_EQ(c.steps.front().direction, Direction::kIn);
    EXPECT_EQ(c.steps.front().at, c.created_at);
    EXPECT_GE(*plan.customers[c.customer].customer.created_at, Timestamp{});
    EXPECT_LT(*plan.customers[c.customer].customer.created_at, c.created_at);
    EXPECT_TRUE(std::is_sorted(c.tags.begin(), c.tags.end()));
    for (const auto& tag : c.tags) EXPECT_TRUE(NormaliseTag(tag).ok()) << tag;
    for (size_t i = 1; i < c.steps.size(); ++i) EXPECT_LT(c.steps[i - 1].at, c.steps[i].at);
    ConversationStatus status = ConversationStatus::kNew;
    for (const auto& s : c.steps) {
      if (s.kind == StepKind::kAssign) {
        status = ConversationStatus::kOpen;
      } else if (s.status) {
        EXPECT_NE(*s.status, status) << "status step that changes nothing in " << c.subject;
        status = *s.status;
      }
    }
    EXPECT_EQ(status, c.final_status);
    EXPECT_LT(c.steps.back().at, now);
    for (const auto& s : c.steps) {
      if (s.kind == StepKind::kTransfer) ++handovers;
      if (s.kind == StepKind::kNote) ++notes;
      if (s.kind == StepKind::kMessage) {
        EXPECT_EQ(s.body.find("{{"), std::string::npos);
      }
      if (s.kind == StepKind::kMessage && s.direction == Direction::kIn &&
          c.channel == Channel::kPhone) {
        LocalTime lt = ToLocal(s.at);
        EXPECT_TRUE(ArrivalHours(Channel::kPhone, lt.weekday).Contains(lt.minute_of_day))
            << "call at " << FormatIso8601(s.at);
      }
    }
    (c.created_at < now - days(21) ? old_status : recent_status)[c.final_status]++;
  }
  for (Channel ch : {Channel::kEmail, Channel::kChat, Channel::kPhone, Channel::kSocial,
                     Channel::kShop, Channel::kWebform})
    EXPECT_GT(by_channel[ch], 10) << ToString(ch);
  EXPECT_GT(handovers, 15);
  EXPECT_GT(notes, 30);
  // Old conversations are mostly closed; recent ones still have work open.
  EXPECT_GT(old_status[ConversationStatus::kClosed], 300);
  int recent_open = recent_status[ConversationStatus::kNew] +
                    recent_status[ConversationStatus::kOpen] +
                    recent_status[ConversationStatus::kWaitingOnUs] +
                    recent_status[ConversationStatus::kWaitingOnCustomer];
  EXPECT_GT(recent_open, 10);
  EXPECT_GT(recent_status[ConversationStatus::kResolved], 10);
  // The staffing history: a staff day the desk was closed, the autumn sale.
  ASSERT_FALSE(plan.staff_day.empty());
  ASSERT_FALSE(plan.closed_days.empty());
  int sale_days = 0;
  for (double f : plan.day_factors) sale_days += f > 1.5;
  EXPECT_EQ(sale_days, 4);
}

}  // namespace
}  // namespace luister::demo
