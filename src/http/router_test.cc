#include "http/router.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace luister::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/", Named("root"));
    router_.Add("GET", "/api/v1/customers", Named("list"));
    router_.Add("POST", "/api/v1/customers", Named("create"));
    router_.Add("GET", "/api/v1/customers/{id}", Named("get"));
    router_.Add("DELETE", "/api/v1/customers/{id}", Named("delete"));
    router_.Add("GET", "/api/v1/customers/search", Named("search"));
    router_.Add("GET", "/api/v1/customers/{id}/notes/{note}", Named("note"));
    router_.Add("GET", "/api/v1/{kind}/export/all", Named("export"));
    router_.Add("PUT", "/api/v1/customers/export", Named("put-export"));
  }

  std::string Call(std::string_view method, std::string_view path) {
    Router::Match m = router_.Find(method, path);
    if (m.kind != Router::MatchKind::kFound) return "";
    Request req;
    return (*m.handler)(req).body;
  }

  Router router_;
};

struct FoundCase {
  const char* method;
  const char* path;
  const char* handler;
  const char* pattern;
};

TEST_F(RouterTest, MatchTable) {
  const FoundCase cases[] = {
      {"GET", "/", "root", "/"},
      {"GET", "/api/v1/customers", "list", "/api/v1/customers"},
      {"POST", "/api/v1/customers", "create", "/api/v1/customers"},
      {"GET", "/api/v1/customers/42", "get", "/api/v1/customers/{id}"},
      {"DELETE", "/api/v1/customers/42", "delete", "/api/v1/customers/{id}"},
      {"GET", "/api/v1/customers/search", "search", "/api/v1/customers/search"},
      {"GET", "/api/v1/customers/7/notes/9", "note", "/api/v1/customers/{id}/notes/{note}"},
      // A literal that fails deeper falls back to the placeholder branch.
      {"GET", "/api/v1/customers/export/all", "export", "/api/v1/{kind}/export/all"},
      // Left to right, a literal beats a placeholder: "customers" beats "{kind}".
      {"GET", "/api/v1/customers/export", "get", "/api/v1/customers/{id}"},
      {"PUT", "/api/v1/customers/export", "put-export", "/api/v1/customers/export"},
      {"HEAD", "/api/v1/customers/42", "get", "/api/v1/customers/{id}"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    Router::Match m = router_.Find(c.method, c.path);
    ASSERT_EQ(m.kind, Router::MatchKind::kFound);
    EXPECT_EQ(m.pattern, c.pattern);
    EXPECT_EQ(Call(c.method, c.path), c.handler);
  }
}

TEST_F(RouterTest, NotFoundTable) {
  const char* paths[] = {
      "/api/v1/customers/",          // trailing slash is strict
      "/api/v1/customers//notes/1",  // placeholders need a non-empty segment
      "/api/v1",
      "/api/v2/customers",
      "/api/v1/customers/1/notes",
      "",
      "api/v1/customers",
  };
  for (const char* path : paths) {
    SCOPED_TRACE(path);
    EXPECT_EQ(router_.Find("GET", path).kind, Router::MatchKind::kNotFound);
  }
}

TEST_F(RouterTest, MethodNotAllowedListsAllow) {
  Router::Match m = router_.Find("PATCH", "/api/v1/customers");
  EXPECT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, "GET, POST");
  EXPECT_EQ(m.handler, nullptr);

  m = router_.Find("POST", "/api/v1/customers/42");
  EXPECT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, "DELETE, GET");

  // Methods from every pattern matching the path are allowed.
  m = router_.Find("POST", "/api/v1/customers/export");
  EXPECT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, "DELETE, GET, PUT");
}

TEST_F(RouterTest, ParamsAreDecodedAndSlashStaysInSegment) {
  Router::Match m = router_.Find("GET", "/api/v1/customers/a%2Fb%20c/notes/%C3%A9");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>("id", "a/b c")));
  EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>("note", "\xC3\xA9")));
  // '+' is not a space in paths.
  m = router_.Find("GET", "/api/v1/customers/a+b");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.params[0].second, "a+b");
}

TEST_F(RouterTest, EncodedLiteralMatchesAndBadEscapeDoesNot) {
  EXPECT_EQ(Call("GET", "/api/v1/customers/%73earch"), "search");
  EXPECT_EQ(router_.Find("GET", "/api/v1/customers/%zz").kind, Router::MatchKind::kNotFound);
}

TEST_F(RouterTest, DispatchFillsRouteAndParams) {
  Request req;
  req.method = "GET";
  req.target = "/api/v1/customers/42?x=1";
  Response res = router_.Dispatch(req);
  EXPECT_EQ(res.body, "get");
  EXPECT_EQ(req.route, "/api/v1/customers/{id}");
  EXPECT_EQ(req.Param("id"), "42");
}

TEST_F(RouterTest, DispatchProblems) {
  Request req;
  req.method = "PATCH";
  req.target = "/api/v1/customers";
  Response res = router_.Dispatch(req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.content_type, "application/problem+json");
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0], (std::pair<std::string, std::string>("Allow", "GET, POST")));
  EXPECT_TRUE(req.route.empty());

  req.method = "GET";
  req.target = "/nope";
  res = router_.Dispatch(req);
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.body.find(R"("type":"https://luister.dev/problems/not-found")"), std::string::npos);
}

TEST_F(RouterTest, RoutesListsRegistrationOrder) {
  auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 9u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/");
  EXPECT_EQ(routes[3].pattern, "/api/v1/customers/{id}");
  EXPECT_EQ(routes[8].method, "PUT");
}

TEST(RouterAddTest, RejectsBadPatternsAndDuplicates) {
  Router r;
  r.Add("GET", "/a/{id}", Named("a"));
  EXPECT_THROW(r.Add("GET", "/a/{other}", Named("b")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "a", Named("b")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/a/x{id}", Named("b")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/a/{}", Named("b")), std::invalid_argument);
  EXPECT_NO_THROW(r.Add("POST", "/a/{other}", Named("c")));
  Router::Match m = r.Find("POST", "/a/5");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.params[0].first, "other");
}

}  // namespace
}  // namespace luister::http
