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

LUISTER_CONTRACT_ENGINES(BlobRepoTest);

}  // namespace
}  // namespace luister::contract
