// docs/openapi.yaml and the server's routes must agree, both ways.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "luister_process.h"

namespace luister::e2e {
namespace {

std::set<std::string> SpecRoutes() {
  std::ifstream in(std::string(LUISTER_SOURCE_DIR) + "/docs/openapi.yaml");
  EXPECT_TRUE(in.good()) << "docs/openapi.yaml is missing";
  static const std::regex kPath(R"(^  (/[^:]*):\s*$)");
  static const std::regex kMethod(R"(^    (get|post|put|patch|delete):\s*$)");
  std::set<std::string> out;
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line.rfind("paths:", 0) == 0) {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, kPath)) {
      path = m[1];
    } else if (std::regex_match(line, m, kMethod) && !path.empty()) {
      std::string method = m[1];
      for (auto& c : method) c = static_cast<char>(std::toupper(c));
      out.insert(method + " " + path);
    }
  }
  return out;
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  auto r = RunLuister({"routes"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> server;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty()) server.insert(line);
  std::set<std::string> spec = SpecRoutes();
  ASSERT_GT(server.size(), 20u);
  for (const auto& route : server) EXPECT_TRUE(spec.count(route)) << "undocumented: " << route;
  for (const auto& route : spec) EXPECT_TRUE(server.count(route)) << "not served: " << route;
}

}  // namespace
}  // namespace luister::e2e
