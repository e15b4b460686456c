// Probable duplicates over each engine (domain/duplicates.h with its
// repository): a pair keeps its evidence once per reason and detail, a
// dismissed pair stays dismissed, the scan finds namesakes at one e-mail
// domain and one handle on two sources, only once and only for new
// customers, and merging from a suggestion merges the newer customer into
// the older one and closes it.
#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/duplicates.h"
#include "domain/social.h"

namespace luister::contract {
namespace {

class DuplicatesTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<DuplicateRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<DuplicateService>(*store_, *repo_, clock_);
  }

  int64_t MakeSocialCustomer(const std::string& name, const std::string& handle) {
    NewCustomer c;
    c.name = name;
    c.identities.push_back({IdentityKind::kSocial, handle});
    auto r = store_->customers().Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  void MakeSource(const std::string& slug, int64_t queue) {
    auto social = store_->Find<SocialRepository>();
    ASSERT_TRUE(social.ok());
    SocialSource s;
    s.slug = slug;
    s.name = slug;
    s.sealed_secret = "sealed";
    s.queue_id = queue;
    s.created_at = clock_.Now();
    ASSERT_TRUE((*social)->Create(s).ok());
  }

  ManualClock clock_;
  DuplicateRepository* repo_ = nullptr;
  std::unique_ptr<DuplicateService> service_;
};

TEST_P(DuplicatesTest, APairKeepsEachPieceOfEvidenceOnceAndADismissalStands) {
  const int64_t a = MakeCustomer("Anna Jansen", "anna@example.nl");
  const int64_t b = MakeCustomer("A. Jansen", "a.jansen@example.org");
  auto s = repo_->Suggest(b, a, {DuplicateReason::kSamePhone, "+31612345678", "shop", T(10)});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->customer_id, a) << "the older customer first";
  EXPECT_EQ(s->other_id, b);
  EXPECT_EQ(s->status, DuplicateStatus::kOpen);
  ASSERT_EQ(s->evidence.size(), 1u);
  EXPECT_EQ(s->evidence[0].door, "shop");
  auto again = repo_->Suggest(a, b, {DuplicateReason::kSamePhone, "+31612345678", "chat", T(20)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, s->id);
  EXPECT_EQ(again->evidence.size(), 1u) << "the same number twice is one piece of evidence";
  EXPECT_EQ(again->updated_at, T(10));
  auto more =
      repo_->Suggest(a, b, {DuplicateReason::kGaveKnownAddress, "anna@example.nl", "chat", T(30)});
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->evidence.size(), 2u);
  EXPECT_EQ(more->updated_at, T(30));
  EXPECT_EQ(repo_->Suggest(a, a, {}).status().code(), StatusCode::kInvalidArgument);

  auto for_a = repo_->OpenFor(a);
  auto for_b = repo_->OpenFor(b);
  ASSERT_TRUE(for_a.ok() && for_b.ok());
  ASSERT_EQ(for_a->size(), 1u);
  ASSERT_EQ(for_b->size(), 1u);
  EXPECT_EQ((*for_b)[0].evidence.size(), 2u);
  EXPECT_EQ(*repo_->CountOpen(), 1);
  auto page = repo_->ListOpen({.limit = 10});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);

  const int64_t agent = MakeUser("dup.agent@desk.example");
  auto dismissed = repo_->Close(s->id, DuplicateStatus::kDismissed, agent, T(40));
  ASSERT_TRUE(dismissed.ok()) << dismissed.status().ToString();
  EXPECT_EQ(dismissed->status, DuplicateStatus::kDismissed);
  EXPECT_EQ(dismissed->decided_by, agent);
  EXPECT_EQ(repo_->Close(s->id, DuplicateStatus::kMerged, agent, T(50)).status().code(),
            StatusCode::kConflict);
  auto after = repo_->Suggest(a, b, {DuplicateReason::kSameHandle, "anna", "scan", T(60)});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, DuplicateStatus::kDismissed) << "a person said no";
  EXPECT_EQ(after->evidence.size(), 2u);
  EXPECT_TRUE(repo_->OpenFor(a)->empty());
  EXPECT_EQ(*repo_->CountOpen(), 0);
  EXPECT_EQ(repo_->Get(987654).status().code(), StatusCode::kNotFound);
}

TEST_P(DuplicatesTest, TheScanFindsNamesakesAtOneDomainAndOneHandleOnTwoSourcesOnce) {
  const int64_t dept = MakeDepartment("Social");
  auto queue = store_->directory().CreateQueue(dept, "Social", T(0));
  ASSERT_TRUE(queue.ok());
  MakeSource("twitter", queue->id);
  MakeSource("mastodon", queue->id);
  const int64_t jan = MakeCustomer("Jan de Vries", "jan@bakkerij-devries.nl");
  const int64_t jan2 = MakeCustomer("jan  de   VRIES", "j.devries@bakkerij-devries.nl");
  MakeCustomer("Jan de Vries", "jan.devries@gmail.com");  // another domain: someone else
  MakeCustomer("Website visitor", "v1@example.nl");
  MakeCustomer("Website visitor", "v2@example.nl");  // the desk's placeholder is no name
  const int64_t els = MakeSocialCustomer("Els Smit", "twitter:elssmit");
  const int64_t els2 = MakeSocialCustomer("Els Smit", "mastodon:elssmit");
  MakeSocialCustomer("Someone Else", "mastodon:jdv");
  MakeSocialCustomer("Jan de Vries", "twitter:jdv");  // one handle, two names: no evidence

  auto looked = service_->Scan();
  ASSERT_TRUE(looked.ok()) << looked.status().ToString();
  EXPECT_EQ(*looked, 9);
  auto open = repo_->ListOpen({.limit = 50});
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->items.size(), 2u);
  bool names = false, handles = false;
  for (const DuplicateSuggestion& s : open->items) {
    ASSERT_EQ(s.evidence.size(), 1u);
    if (s.customer_id == jan && s.other_id == jan2) {
      names = true;
      EXPECT_EQ(s.evidence[0].reason, DuplicateReason::kSameNameAndEmailDomain);
      EXPECT_EQ(s.evidence[0].detail, "bakkerij-devries.nl");
    }
    if (s.customer_id == els && s.other_id == els2) {
      handles = true;
      EXPECT_EQ(s.evidence[0].reason, DuplicateReason::kSameHandle);
    }
  }
  EXPECT_TRUE(names && handles);

  // Only new customers are looked at again.
  EXPECT_EQ(*service_->Scan(), 0);
  const int64_t jan3 = MakeCustomer("Jan de Vries", "info@bakkerij-devries.nl");
  EXPECT_EQ(*service_->Scan(), 1);
  EXPECT_EQ(repo_->OpenFor(jan3)->size(), 2u) << "both earlier namesakes at that domain";

  // Merging from the suggestion: the newer into the older, and it is closed.
  const int64_t agent = MakeUser("dup.merger@desk.example");
  auto pair = repo_->OpenFor(jan2);
  ASSERT_TRUE(pair.ok());
  int64_t first_pair = 0;
  for (const auto& s : *pair)
    if (s.customer_id == jan && s.other_id == jan2) first_pair = s.id;
  ASSERT_NE(first_pair, 0);
  auto merged = service_->Merge(first_pair, agent);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->status, DuplicateStatus::kMerged);
  EXPECT_EQ(store_->customers().Get(jan2)->merged_into_id, jan);
  EXPECT_EQ(service_->Merge(first_pair, agent).status().code(), StatusCode::kConflict);
  for (const auto& s : *repo_->OpenFor(jan3))
    EXPECT_NE(s.other_id == jan2 || s.customer_id == jan2, true)
        << "a pair with a customer merged away is no longer listed";
  EXPECT_TRUE(
      service_->Observe(jan2, els, DuplicateReason::kSamePhone, "+31600000000", "shop").ok());
  EXPECT_TRUE(repo_->OpenFor(els)->size() == 1u) << "nothing about a customer merged away";
}

TEST(NameKeyTest, FoldsCaseAccentsAndSpacingAndIgnoresWhatNamesNobody) {
  EXPECT_EQ(NameKey("  José   Müller-Lüdenscheidt "), "jose muller ludenscheidt");
  EXPECT_EQ(NameKey("JOSÉ MÜLLER LÜDENSCHEIDT"), "jose muller ludenscheidt");
  EXPECT_EQ(NameKey("Anne-Marie d'Hondt"), "anne marie dhondt");
  EXPECT_EQ(NameKey("Piet"), "") << "one word names too many people";
  EXPECT_EQ(NameKey("Website visitor"), "");
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey("Zoë Øberg"), "zoe oberg");
}

LUISTER_CONTRACT_ENGINES(DuplicatesTest);

}  // namespace
}  // namespace luister::contract
