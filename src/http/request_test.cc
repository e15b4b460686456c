#include "http/request.h"

#include <gtest/gtest.h>

namespace luister::http {
namespace {

TEST(PercentDecodeTest, Table) {
  struct Case {
    const char* in;
    bool plus_as_space;
    bool ok;
    const char* out;
  };
  const Case cases[] = {
      {"plain", false, true, "plain"},
      {"a%20b", false, true, "a b"},
      {"a+b", false, true, "a+b"},
      {"a+b", true, true, "a b"},
      {"%C3%A9%c3%a9", false, true, "\xC3\xA9\xC3\xA9"},
      {"%2F", false, true, "/"},
      {"100%", false, false, ""},
      {"%4", false, false, ""},
      {"%zz", true, false, ""},
      {"%g0", false, false, ""},
      {"", false, true, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    std::string out;
    EXPECT_EQ(PercentDecode(c.in, c.plus_as_space, &out), c.ok);
    if (c.ok) {
      EXPECT_EQ(out, c.out);
    }
  }
}

TEST(DecodeTargetTest, PathAndQuery) {
  Request req;
  req.target = "/api/v1/search%20x?q=caf%C3%A9+au+lait&empty=&flag&&page=2&q=second";
  ASSERT_TRUE(DecodeTarget(&req));
  EXPECT_EQ(req.path, "/api/v1/search x");
  EXPECT_EQ(req.RawPath(), "/api/v1/search%20x");
  ASSERT_EQ(req.query.size(), 5u);
  EXPECT_EQ(req.Query("q"), "caf\xC3\xA9 au lait");  // first wins
  EXPECT_EQ(req.Query("empty"), "");
  EXPECT_EQ(req.Query("flag"), "");
  EXPECT_EQ(req.Query("page"), "2");
  EXPECT_EQ(req.Query("missing"), std::nullopt);
  EXPECT_EQ(req.query[4].second, "second");
}

TEST(DecodeTargetTest, ReusedRequestShrinksQuery) {
  Request req;
  req.target = "/a?x=1&y=2";
  ASSERT_TRUE(DecodeTarget(&req));
  req.target = "/b?z=3";
  ASSERT_TRUE(DecodeTarget(&req));
  EXPECT_EQ(req.path, "/b");
  ASSERT_EQ(req.query.size(), 1u);
  EXPECT_EQ(req.Query("x"), std::nullopt);
  EXPECT_EQ(req.Query("z"), "3");
}

TEST(DecodeTargetTest, RejectsInvalid) {
  for (const char* target : {"/a%zz", "/a?b=%4", "/a%00b", "http://host/a", "*", ""}) {
    SCOPED_TRACE(target);
    Request req;
    req.target = target;
    EXPECT_FALSE(DecodeTarget(&req));
  }
  Request ok;
  ok.target = "/a?b=%00";  // a NUL is fine in a query value, not in the path
  EXPECT_TRUE(DecodeTarget(&ok));
}

TEST(RequestTest, HeaderAndParam) {
  Request req;
  req.headers = {{"content-type", "application/json"}, {"x-a", "1"}, {"x-a", "2"}};
  req.params["id"] = "42";
  EXPECT_EQ(req.Header("content-type"), "application/json");
  EXPECT_EQ(req.Header("x-a"), "1");
  EXPECT_EQ(req.Header("missing"), "");
  EXPECT_EQ(req.Param("id"), "42");
  EXPECT_EQ(req.Param("other"), "");
}

TEST(RequestTest, Cookies) {
  Request req;
  req.headers = {{"cookie", "theme=dark; luister_session=abc.def=; quoted=\"v 1\";flag"},
                 {"cookie", "late=yes"}};
  EXPECT_EQ(req.Cookie("theme"), "dark");
  EXPECT_EQ(req.Cookie("luister_session"), "abc.def=");
  EXPECT_EQ(req.Cookie("quoted"), "v 1");
  EXPECT_EQ(req.Cookie("flag"), "");
  EXPECT_EQ(req.Cookie("late"), "yes");
  EXPECT_EQ(req.Cookie("session"), "");  // no suffix/prefix matches
  EXPECT_EQ(req.Cookie("missing"), "");
}

}  // namespace
}  // namespace luister::http
