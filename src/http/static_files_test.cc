#include "http/static_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace luister::http {
namespace {

namespace fs = std::filesystem;

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

std::string HeaderOf(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "luister-web-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    fs::create_directories(dir_ + "/assets");
    std::ofstream(dir_ + "/index.html") << "<!doctype html><title>Luister</title>";
    std::ofstream(dir_ + "/assets/app-abc123.js") << std::string(4000, 'x') << "console.log(1)";
    std::ofstream(dir_ + "/favicon.svg") << "<svg/>";
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Request Get(std::string path, std::string accept_encoding = "") {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", accept_encoding);
    return r;
  }

  std::string dir_;
};

TEST_F(StaticFilesTest, ServesHashedAssetsImmutableAndGzipped) {
  auto web = StaticFiles::Load(dir_);
  ASSERT_TRUE(web.ok()) << web.status().ToString();
  auto plain = (*web)->Serve(Get("/assets/app-abc123.js"));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*plain, "Content-Encoding"), "");
  auto gz = (*web)->Serve(Get("/assets/app-abc123.js", "gzip, deflate, br"));
  ASSERT_TRUE(gz.has_value());
  EXPECT_EQ(HeaderOf(*gz, "Content-Encoding"), "gzip");
  EXPECT_LT(gz->body.size(), plain->body.size() / 10);
  EXPECT_TRUE(Gunzip(gz->body) == plain->body);
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndexButMissingFilesDoNot) {
  auto web = StaticFiles::Load(dir_);
  ASSERT_TRUE(web.ok());
  for (const char* route : {"/", "/inbox", "/conversations/42", "/customers/7/timeline"}) {
    auto r = (*web)->Serve(Get(route));
    ASSERT_TRUE(r.has_value()) << route;
    EXPECT_NE(r->body.find("<title>Luister</title>"), std::string::npos) << route;
    EXPECT_EQ(HeaderOf(*r, "Cache-Control"), "no-cache") << route;
  }
  EXPECT_FALSE((*web)->Serve(Get("/assets/missing-123.js")).has_value());
  EXPECT_FALSE((*web)->Serve(Get("/api/v1/customers")).has_value());
  EXPECT_FALSE((*web)->Serve(Get("/healthz")).has_value());
  // Only files read at start-up are served; anything else is the app shell.
  auto escape = (*web)->Serve(Get("/../../etc/passwd"));
  ASSERT_TRUE(escape.has_value());
  EXPECT_EQ(escape->body.find("root:"), std::string::npos);
  Request post = Get("/inbox");
  post.method = "POST";
  EXPECT_FALSE((*web)->Serve(post).has_value());
}

TEST_F(StaticFilesTest, EtagGivesNotModified) {
  auto web = StaticFiles::Load(dir_);
  ASSERT_TRUE(web.ok());
  auto first = (*web)->Serve(Get("/favicon.svg"));
  ASSERT_TRUE(first.has_value());
  Request again = Get("/favicon.svg");
  again.headers.emplace_back("if-none-match", HeaderOf(*first, "ETag"));
  auto second = (*web)->Serve(again);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
}

TEST_F(StaticFilesTest, RefusesADirectoryWithoutIndex) {
  fs::remove(dir_ + "/index.html");
  auto web = StaticFiles::Load(dir_);
  ASSERT_FALSE(web.ok());
  EXPECT_EQ(web.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(StaticFiles::Load(dir_ + "/nope").ok());
}

}  // namespace
}  // namespace luister::http
