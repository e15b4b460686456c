#include <gtest/gtest.h>

#include <random>

#include "contract_test.h"
#include "domain/blob.h"

namespace luister::contract {
namespace {

using BlobRepoTest = ContractTest;

TEST_P(BlobRepoTest, KeepsAnyBytesOnceByTheirHash) {
  auto found = store_->Find<BlobRepository>();
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  BlobRepository& blobs = **found;

  std::string binary;
  for (int b = 0; b < 256; ++b) binary.push_back(static_cast<char>(b));
  std::string text(100000, 'x');  // compresses
  std::mt19937 rng(7);
  std::string noise(70000, '\0');  // does not
  for (char& c : noise) c = static_cast<char>(rng());

  ASSERT_TRUE(blobs.Put("h-binary", binary).ok());
  ASSERT_TRUE(blobs.Put("h-text", text).ok());
  ASSERT_TRUE(blobs.Put("h-noise", noise).ok());
  ASSERT_TRUE(blobs.Put("h-empty", "").ok());
  EXPECT_EQ(*blobs.Get("h-binary"), binary);
  EXPECT_EQ(*blobs.Get("h-text"), text);
  EXPECT_EQ(*blobs.Get("h-noise"), noise);
  EXPECT_EQ(*blobs.Get("h-empty"), "");
  // The same hash again keeps what is there.
  ASSERT_TRUE(blobs.Put("h-binary", binary).ok());
  EXPECT_EQ(*blobs.Get("h-binary"), binary);
  EXPECT_EQ(blobs.Get("unknown").status().code(), StatusCode::kNotFound);
  // Sizes without reading the bytes (uploads check them).
  EXPECT_EQ(*blobs.Size("h-text"), 100000);
  EXPECT_EQ(*blobs.Size("h-noise"), 70000);
  EXPECT_EQ(*blobs.Size("h-empty"), 0);
  EXPECT_EQ(blobs.Size("unknown").status().code(), StatusCode::kNotFound);
}

// Bytes prepared ahead (on an import's parsing thread) are stored as they
// would be without; many prepared and never stored take no more than a
// bounded stash, and a preparation never stands in for other bytes.
TEST_P(BlobRepoTest, BytesPreparedAheadAreStoredTheSame) {
  auto found = store_->Find<BlobRepository>();
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  BlobRepository& blobs = **found;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Regel " + std::to_string(i) + " van de factuur.\n";
  std::mt19937 rng(11);
  std::string noise(70000, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  blobs.Prepare("p-text", text);
  blobs.Prepare("p-noise", noise);
  blobs.Prepare("p-text", text);  // twice: the first one stays
  ASSERT_TRUE(blobs.PutAll({{"p-text", text}, {"p-noise", noise}, {"p-plain", "plain"}}).ok());
  EXPECT_EQ(*blobs.Get("p-text"), text);
  EXPECT_EQ(*blobs.Get("p-noise"), noise);
  EXPECT_EQ(*blobs.Get("p-plain"), "plain");
  EXPECT_EQ(*blobs.Size("p-text"), static_cast<int64_t>(text.size()));
  // Prepared, never stored: thousands pass through the stash.
  for (int i = 0; i < 3000; ++i) blobs.Prepare("p-dropped-" + std::to_string(i), text);
  ASSERT_TRUE(blobs.Put("p-dropped-2999", text).ok());
  EXPECT_EQ(*blobs.Get("p-dropped-2999"), text);
  ASSERT_TRUE(blobs.Put("p-dropped-0", "other bytes").ok());
  EXPECT_EQ(*blobs.Get("p-dropped-0"), "other bytes") << "the oldest were dropped";
}

LUISTER_CONTRACT_ENGINES(BlobRepoTest);

}  // namespace
}  // namespace luister::contract
