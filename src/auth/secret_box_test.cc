#include "auth/secret_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace luister::auth {
namespace {

namespace fs = std::filesystem;

class SecretBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("luister_secret_box_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SecretBoxTest, SealsAndOpensAndTheSealedTextHidesThePlain) {
  SecretBox box = SecretBox::Ephemeral();
  auto sealed = box.Seal("hunter2 wachtwoord");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->find("hunter2"), std::string::npos);
  auto again = box.Seal("hunter2 wachtwoord");
  EXPECT_NE(*sealed, *again) << "a fresh nonce each time";
  EXPECT_EQ(*box.Open(*sealed), "hunter2 wachtwoord");
  EXPECT_EQ(*box.Open(*box.Seal("")), "");
}

TEST_F(SecretBoxTest, AChangedOrForeignSecretDoesNotOpen) {
  SecretBox box = SecretBox::Ephemeral();
  std::string sealed = *box.Seal("secret");
  std::string changed = sealed;
  changed.back() = static_cast<char>(changed.back() ^ 1);
  EXPECT_EQ(box.Open(changed).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(box.Open("short").status().code(), StatusCode::kInvalidArgument);
  SecretBox other = SecretBox::Ephemeral();
  EXPECT_EQ(other.Open(sealed).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SecretBoxTest, TheKeyFileIsCreatedPrivateOnceAndReadAfterwards) {
  std::string path = (dir_ / "secret.key").string();
  auto first = SecretBox::FromKeyFile(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::string sealed = *first->Seal("imap password");
  auto second = SecretBox::FromKeyFile(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second->Open(sealed), "imap password") << "the same key after a restart";
}

TEST_F(SecretBoxTest, AKeyFileThatIsNotAKeyOrIsReadableByOthersIsRefused) {
  std::string path = (dir_ / "secret.key").string();
  { std::ofstream(path) << "not a key\n"; }
  ::chmod(path.c_str(), 0600);
  auto bad = SecretBox::FromKeyFile(path);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("does not hold a key"), std::string::npos);
  fs::remove(path);
  ASSERT_TRUE(SecretBox::FromKeyFile(path).ok());
  ::chmod(path.c_str(), 0644);
  auto open = SecretBox::FromKeyFile(path);
  EXPECT_EQ(open.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(open.status().message().find("chmod 600"), std::string::npos);
  EXPECT_EQ(SecretBox::FromKeyFile((dir_ / "missing" / "secret.key").string()).status().code(),
            StatusCode::kUnavailable);
}

}  // namespace
}  // namespace luister::auth
