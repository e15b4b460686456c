#include "domain/repository_registry.h"

#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "domain/testing/memory_store.h"

namespace luister {
namespace {

// A capability's repository interface and an implementation of it, as a
// capability would declare them.
class NoteRepository {
 public:
  virtual ~NoteRepository() = default;
  virtual std::string Latest() = 0;
};

class OtherRepository {
 public:
  virtual ~OtherRepository() = default;
};

class Padding {
 public:
  virtual ~Padding() = default;
  int64_t pad = 1;
};

// Interface second among the bases, so that its pointer differs from the
// object's: Find must hand back the Interface* as registered.
class FixedNotes final : public Padding, public NoteRepository {
 public:
  explicit FixedNotes(bool* destroyed) : destroyed_(destroyed) {}
  ~FixedNotes() override { *destroyed_ = true; }
  std::string Latest() override { return "bel terug voor vijf uur"; }

 private:
  bool* destroyed_;
};

TEST(RepositoryRegistryTest, FindsByInterfaceAndOwnsTheImplementation) {
  bool destroyed = false;
  {
    RepositoryRegistry r;
    r.Add<NoteRepository>(std::make_unique<FixedNotes>(&destroyed));
    auto notes = r.Find<NoteRepository>();
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ((*notes)->Latest(), "bel terug voor vijf uur");
    auto other = r.Find<OtherRepository>();
    EXPECT_EQ(other.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(other.status().message().find("OtherRepository"), std::string::npos);
    EXPECT_FALSE(destroyed);
  }
  EXPECT_TRUE(destroyed) << "the registry deletes the implementation it owns";
}

TEST(RepositoryRegistryTest, AStoreFindsWhatItWasGivenAndNothingElse) {
  ManualClock clock;
  MemoryStore store(clock);
  EXPECT_EQ(store.Find<NoteRepository>().status().code(), StatusCode::kUnavailable);
  bool destroyed = false;
  store.Provide<NoteRepository>(std::make_unique<FixedNotes>(&destroyed));
  auto notes = store.Find<NoteRepository>();
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ((*notes)->Latest(), "bel terug voor vijf uur");
}

}  // namespace
}  // namespace luister
