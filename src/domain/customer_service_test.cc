#include "domain/customer_service.h"

#include "domain/testing/service_fixture.h"

namespace luister {
namespace {

using CustomerServiceTest = ServiceTest;

bool HasField(const Status& s, const std::string& field) {
  for (const auto& f : s.fields())
    if (f.field == field) return true;
  return false;
}

TEST_F(CustomerServiceTest, NormalisesIdentitiesBeforeStoring) {
  NewCustomer c;
  c.name = "  Anna de Vries ";
  c.identities = {{IdentityKind::kEmail, "Anna@Example.NL"}, {IdentityKind::kPhone, "06-12345678"}};
  auto r = customers_->Create(c);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name, "Anna de Vries");
  ASSERT_EQ(r->identities.size(), 2u);
  auto found = store_->customers().FindByIdentity(IdentityKind::kPhone, "+31612345678");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, r->id);
}

TEST_F(CustomerServiceTest, ReportsEveryInvalidFieldAndWritesNothing) {
  NewCustomer c;
  c.name = "";
  c.contact_hours = ContactHours{600, 500};
  c.account_manager_id = 999;
  c.identities = {{IdentityKind::kEmail, "nope"},
                  {IdentityKind::kEmail, "a@b.nl"},
                  {IdentityKind::kEmail, "A@B.nl"}};
  auto r = customers_->Create(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(r.status(), "name"));
  EXPECT_TRUE(HasField(r.status(), "contact_hours"));
  EXPECT_TRUE(HasField(r.status(), "account_manager_id"));
  EXPECT_TRUE(HasField(r.status(), "identities[0].value"));
  EXPECT_TRUE(HasField(r.status(), "identities[2].value"));  // same address twice
  EXPECT_EQ(*store_->customers().Count(), 0);
}

TEST_F(CustomerServiceTest, PersonsBelongToOrganisationsOnly) {
  NewCustomer org;
  org.kind = CustomerKind::kOrganisation;
  org.name = "Bakkerij Bol BV";
  auto o = customers_->Create(org);
  ASSERT_TRUE(o.ok());
  int64_t person = Customer("Piet Bol", "piet@bol.nl");
  CustomerPatch p;
  p.organisation_id = o->id;
  EXPECT_TRUE(customers_->Update(person, p).ok());
  CustomerPatch bad;
  bad.organisation_id = person;  // a person is not an organisation
  EXPECT_EQ(customers_->Update(Customer("Els", "els@x.nl"), bad).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CustomerServiceTest, MergeRulesAreEnforced) {
  int64_t a = Customer("A", "a@x.nl");
  int64_t b = Customer("B", "b@x.nl");
  EXPECT_EQ(customers_->Merge(a, a, agent_).status().code(), StatusCode::kConflict);
  EXPECT_EQ(customers_->Merge(a, 9999, agent_).status().code(), StatusCode::kNotFound);
  auto m = customers_->Merge(b, a, agent_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->moved_identities, 1);
  EXPECT_EQ(customers_->Merge(b, a, agent_).status().code(), StatusCode::kConflict);
  CustomerPatch p;
  p.name = "changed";
  EXPECT_EQ(customers_->Update(b, p).status().code(), StatusCode::kConflict);
  EXPECT_EQ(customers_->AddIdentity(b, {IdentityKind::kEmail, "new@x.nl"}).status().code(),
            StatusCode::kConflict);
}

}  // namespace
}  // namespace luister
