#include "crypto/sodium_crypto.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "crypto/key_files.hpp"
#include "crypto/key_ring.hpp"

namespace kakari::crypto {
namespace {

TEST(SodiumCrypto, Sha256KnownAnswer) {
  SodiumCrypto c;
  EXPECT_EQ(c.Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
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

TEST(KeyFiles, SignVerifyRotateAndReopen) {
  SodiumCrypto c;
  std::string dir =
      (std::filesystem::temp_directory_path() / ("kakari-keys-" + std::to_string(::getpid())))
          .string();
  std::filesystem::remove_all(dir);
  auto empty = KeyFiles::Open(dir);
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->CurrentKeyId(), "");

  auto first = KeyFiles::Generate(dir);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(KeyFiles::Open(dir)->CurrentKeyId(), "");  // generated, not yet current
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, first->id).has_value());
  EXPECT_FALSE(KeyFiles::MakeCurrent(dir, "00000000").has_value());
  EXPECT_EQ(first->id, KeyIdOf(first->public_key));
  struct stat st {};
  ASSERT_EQ(::stat((dir + "/" + first->id + ".key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  auto keys = KeyFiles::Open(dir);
  ASSERT_TRUE(keys.has_value());
  EXPECT_EQ(keys->CurrentKeyId(), first->id);
  std::string sig = keys->Sign(first->id, "第K2026-000001号");
  EXPECT_EQ(keys->Sign("00000000", "第K2026-000001号"), "");  // a key it does not hold
  EXPECT_TRUE(c.VerifySignature(first->public_key, "第K2026-000001号", sig));
  EXPECT_FALSE(c.VerifySignature(first->public_key, "第K2026-000002号", sig));
  std::string flipped = sig;
  flipped[10] ^= 1;
  EXPECT_FALSE(c.VerifySignature(first->public_key, "第K2026-000001号", flipped));
  EXPECT_FALSE(c.VerifySignature(first->public_key, "第K2026-000001号", sig.substr(0, 63)));

  auto second = KeyFiles::Generate(dir);  // rotate
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, second->id).has_value());
  auto rotated = KeyFiles::Open(dir);
  ASSERT_TRUE(rotated.has_value());
  EXPECT_EQ(rotated->CurrentKeyId(), second->id);
  EXPECT_EQ(rotated->PublicKeys().size(), 2u);
  EXPECT_EQ(rotated->PublicKeys().at(first->id), first->public_key);
  EXPECT_TRUE(c.VerifySignature(first->public_key, "第K2026-000001号", sig));  // still verifies
  EXPECT_FALSE(c.VerifySignature(second->public_key, "第K2026-000001号", sig));
  std::filesystem::remove_all(dir);
}

TEST(KeyRing, FollowsARotationWithoutBeingReopened) {
  SodiumCrypto c;
  std::string dir =
      (std::filesystem::temp_directory_path() / ("kakari-ring-" + std::to_string(::getpid())))
          .string();
  std::filesystem::remove_all(dir);
  auto first = KeyFiles::Generate(dir);
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, first->id).has_value());
  auto ring = KeyRing::Open(dir, std::chrono::milliseconds(0));
  ASSERT_TRUE(ring.has_value());
  EXPECT_EQ((*ring)->CurrentKeyId(), first->id);

  auto second = KeyFiles::Generate(dir);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ((*ring)->CurrentKeyId(), first->id);  // added but not current: nothing changes
  // A key the ring has not loaded yet is loaded when asked to sign with it.
  EXPECT_TRUE(c.VerifySignature(second->public_key, "m", (*ring)->Sign(second->id, "m")));
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, second->id).has_value());
  EXPECT_EQ((*ring)->CurrentKeyId(), second->id);
  EXPECT_TRUE(c.VerifySignature(first->public_key, "m", (*ring)->Sign(first->id, "m")));

  // A damaged directory keeps the keys already loaded.
  { std::ofstream(dir + "/ffffffff.key") << "not hex\n"; }
  auto third = KeyFiles::Generate(dir);
  ASSERT_TRUE(third.has_value());
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, third->id).has_value());
  EXPECT_EQ((*ring)->CurrentKeyId(), second->id);
  std::filesystem::remove_all(dir);
}

TEST(KeyRing, LooksAtTheDirectoryNoMoreOftenThanAsked) {
  std::string dir =
      (std::filesystem::temp_directory_path() / ("kakari-ring2-" + std::to_string(::getpid())))
          .string();
  std::filesystem::remove_all(dir);
  auto first = KeyFiles::Generate(dir);
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, first->id).has_value());
  auto ring = KeyRing::Open(dir, std::chrono::hours(1));
  ASSERT_TRUE(ring.has_value());
  auto second = KeyFiles::Generate(dir);
  ASSERT_TRUE(KeyFiles::MakeCurrent(dir, second->id).has_value());
  EXPECT_EQ((*ring)->CurrentKeyId(), first->id);  // not looked at again within the hour
  std::filesystem::remove_all(dir);
}

TEST(SodiumCrypto, ZxcvbnRefusesWhatAttackersTryFirst) {
  SodiumCrypto c;
  core::Doctor d;
  d.registry_number = "100001";
  d.name = "山田　太郎";
  d.kana = "ヤマダ　タロウ";
  auto words = core::PersonalWords("99100001", &d);
  auto verdict = [&](std::string_view pw) {
    return core::JudgePassword(pw, "99100001", c.EstimatePassword(pw, words));
  };
  struct Case {
    std::string_view password;
    std::string_view reason_en;
  };
  for (auto [pw, why] : {Case{"aaaaaaaaaa", "repeats"}, Case{"1234567890", "sequence"},
                         Case{"password123", "common password"}, Case{"99100001ab", "your login"},
                         Case{"山田太郎山田太郎12", "your login"},
                         Case{"qwertyuiop", "common password"}, Case{"zxcvbnm,./;", "keyboard"}}) {
    auto v = verdict(pw);
    ASSERT_FALSE(v) << pw;
    EXPECT_NE(v.error().message_en.find(why), std::string::npos)
        << pw << ": " << v.error().message_en;
  }
  for (std::string_view pw :
       {"correct horse battery staple", "かかりつけ医機能報告研修", "Sakura-2026-spring"}) {
    EXPECT_TRUE(verdict(pw)) << pw;
  }
}

}  // namespace
}  // namespace kakari::crypto
