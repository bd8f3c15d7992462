#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kakari::http {
namespace {

const std::set<std::string> kFiles = {"index.html", "assets/app-1a2b.js", "favicon.svg"};
auto Exists = [](const std::string& rel) { return kFiles.count(rel) > 0; };

TEST(StaticFilesTest, RootAndAssets) {
  auto root = ResolveStatic("/w", "/", Exists);
  ASSERT_TRUE(root.has_value());
  EXPECT_EQ(root->path, "/w/index.html");
  EXPECT_FALSE(root->immutable);
  auto js = ResolveStatic("/w", "/assets/app-1a2b.js?v=1", Exists);
  ASSERT_TRUE(js.has_value());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_TRUE(js->immutable);
}

TEST(StaticFilesTest, AppRoutesFallBackMissingFilesDoNot) {
  EXPECT_EQ(ResolveStatic("/w", "/progress", Exists)->path, "/w/index.html");
  EXPECT_FALSE(ResolveStatic("/w", "/missing.js", Exists).has_value());
}

TEST(StaticFilesTest, NoEscapeFromRoot) {
  for (auto bad :
       {"/../etc/passwd", "/assets/../../x", "/%2e%2e/x", "/.env", "/a//b", "/assets/..\\x"}) {
    EXPECT_FALSE(ResolveStatic("/w", bad, Exists).has_value()) << bad;
  }
}

}  // namespace
}  // namespace kakari::http
