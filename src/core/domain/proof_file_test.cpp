#include "core/domain/proof_file.hpp"

#include <gtest/gtest.h>

namespace kakari::core {
namespace {

TEST(ProofFile, TypeComesFromContentNotName) {
  struct Case {
    std::string bytes;
    const char* type;  // nullptr: refused as unsupported
  };
  const Case cases[] = {
      {"%PDF-1.7\n...", "application/pdf"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image/png"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF", "image/jpeg"},
      {"GIF89a", nullptr},
      {"<html>%PDF-</html>", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    auto got = DetectProofType(c.bytes);
    if (c.type) {
      ASSERT_TRUE(got) << c.type;
      EXPECT_EQ(*got, c.type);
    } else {
      ASSERT_FALSE(got);
      EXPECT_EQ(got.error().code, ErrorCode::kUnsupportedFormat);
    }
  }
}

TEST(ProofFile, RefusesMoreThanTenMegabytes) {
  std::string big = "%PDF-" + std::string(kMaxProofBytes, 'x');
  auto got = DetectProofType(big);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kTooLarge);
  EXPECT_TRUE(DetectProofType("%PDF-" + std::string(kMaxProofBytes - 5, 'x')));
}

TEST(ProofFile, SafeNames) {
  EXPECT_EQ(SafeFileName("C:\\Users\\dr\\委嘱状.pdf"), "委嘱状.pdf");
  EXPECT_EQ(SafeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SafeFileName("a\nb\"c"), "abc");
  EXPECT_EQ(SafeFileName(""), "file");
}

}  // namespace
}  // namespace kakari::core
