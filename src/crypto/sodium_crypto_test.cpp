#include "crypto/sodium_crypto.hpp"

#include <gtest/gtest.h>

namespace kakari::crypto {
namespace {

TEST(SodiumCrypto, Sha256KnownAnswer) {
  SodiumCrypto c;
  EXPECT_EQ(c.Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SodiumCrypto, PasswordsAreArgon2idAndVerify) {
  SodiumCrypto c;
  std::string h = c.HashPassword("かかりつけ医機能報告研修");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(c.VerifyPassword(h, "かかりつけ医機能報告研修"));
  EXPECT_FALSE(c.VerifyPassword(h, "かかりつけ医機能報告研修 "));
  EXPECT_NE(c.HashPassword("same password"), c.HashPassword("same password"));  // salted
}

TEST(SodiumCrypto, RandomBytesDiffer) {
  SodiumCrypto c;
  EXPECT_EQ(c.RandomBytes(32).size(), 32u);
  EXPECT_NE(c.RandomBytes(32), c.RandomBytes(32));
  EXPECT_EQ(core::Base64Url("\xfb\xff"), "-_8");
}

}  // namespace
}  // namespace kakari::crypto
