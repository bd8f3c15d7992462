#include "core/domain/certificate.hpp"

#include <gtest/gtest.h>

#include "core/domain/encoding.hpp"

namespace kakari::core {
namespace {

TEST(CertificateNumber, FormatsFromThePattern) {
  struct Case {
    const char* pattern;
    int year;
    int64_t seq;
    const char* want;  // nullptr: refused
  };
  const Case cases[] = {
      {kDefaultNumberPattern, 2026, 123, "第K2026-000123号"},
      {kDefaultNumberPattern, 2026, 1234567, "第K2026-1234567号"},  // wider than padding
      {"{year}-{seq}", 2027, 5, "2027-5"},
      {"No.{year}/{seq:3}", 2026, 42, "No.2026/042"},
      {"第{seq:6}号", 2026, 1, nullptr},      // no year: not unique per year
      {"第K{year}号", 2026, 1, nullptr},      // no sequence
      {"{year}-{seq:0}", 2026, 1, nullptr},   // zero width
      {"{year}-{serial}", 2026, 1, nullptr},  // unknown placeholder
      {"{year}-{seq:6", 2026, 1, nullptr},    // unclosed
  };
  for (const auto& c : cases) {
    auto n = FormatCertificateNumber(c.pattern, c.year, c.seq);
    if (!c.want) {
      EXPECT_FALSE(n.has_value()) << c.pattern;
      EXPECT_FALSE(ValidateNumberPattern(c.pattern).has_value()) << c.pattern;
    } else {
      ASSERT_TRUE(n.has_value()) << c.pattern;
      EXPECT_EQ(*n, c.want);
    }
  }
}

TEST(Signatory, TheOneInOfficeOnTheIssueDate) {
  std::vector<Signatory> history = {
      {1, Date{2022, 6, 25}, "日本医師会長", "松本　吉郎", ""},
      {2, Date{2026, 6, 27}, "日本医師会長", "後任　太郎", ""},
  };
  struct Case {
    Date day;
    Id want;  // 0: none
  };
  const Case cases[] = {
      {Date{2022, 6, 24}, 0}, {Date{2022, 6, 25}, 1}, {Date{2026, 1, 15}, 1},
      {Date{2026, 6, 26}, 1}, {Date{2026, 6, 27}, 2}, {Date{2030, 1, 1}, 2},
  };
  for (const auto& c : cases) {
    const Signatory* s = SignatoryOn(history, c.day);
    EXPECT_EQ(s ? s->id : 0, c.want) << c.day.ToIso();
  }
}

TEST(Signatory, SealMustBePngOrJpeg) {
  EXPECT_TRUE(ValidateSealImage(std::string("\x89PNG\r\n\x1a\n", 8) + "rest").has_value());
  EXPECT_TRUE(ValidateSealImage("\xff\xd8\xff\xe0rest").has_value());
  EXPECT_FALSE(ValidateSealImage("%PDF-1.7 rest").has_value());
  EXPECT_FALSE(ValidateSealImage("GIF89a").has_value());
  EXPECT_FALSE(ValidateSealImage("").has_value());
}

PayloadFields Sample() {
  return PayloadFields{"a1b2c3d4",        "第K2026-000123号", 2,
                       Date{2026, 1, 15}, "𠮷田　髙﨑",       "kakari-2025"};
}

TEST(Payload, RoundTripsEveryField) {
  std::string sig(64, '\x07');
  auto decoded = DecodePayload(EncodePayload(PayloadBody(Sample()), sig));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message_en;
  EXPECT_EQ(decoded->signature, sig);
  EXPECT_EQ(decoded->body, PayloadBody(Sample()));
  const auto& f = decoded->fields;
  EXPECT_EQ(f.key_id, "a1b2c3d4");
  EXPECT_EQ(f.number, "第K2026-000123号");
  EXPECT_EQ(f.version, 2);
  EXPECT_EQ(f.issued_on, (Date{2026, 1, 15}));
  EXPECT_EQ(f.name, "𠮷田　髙﨑");
  EXPECT_EQ(f.programme, "kakari-2025");
}

TEST(Payload, RefusesDamageWithItsReason) {
  std::string good = EncodePayload(PayloadBody(Sample()), std::string(64, '\x07'));
  std::string no_magic = Sample().key_id;
  struct Case {
    std::string payload;
    const char* reason;  // in message_en
  };
  const Case cases[] = {
      {good.substr(0, good.find('.')), "truncated"},
      {good.substr(0, good.size() - 10), "truncated"},
      {good + "!", "truncated"},
      {"*" + good, "base64url"},
      {EncodePayload("KK2\x1f"
                     "a",
                     std::string(64, 'x')),
       "version"},
      {EncodePayload("KK1\x1f"
                     "a\x1f"
                     "b",
                     std::string(64, 'x')),
       "number of fields"},
      {EncodePayload("KK1\x1f"
                     "k\x1f"
                     "n\x1f"
                     "x\x1f"
                     "2026-01-15\x1f"
                     "a\x1f"
                     "b",
                     std::string(64, 'x')),
       "malformed"},
      {EncodePayload("KK1\x1f"
                     "k\x1f"
                     "n\x1f"
                     "1\x1f"
                     "2026-02-30\x1f"
                     "a\x1f"
                     "b",
                     std::string(64, 'x')),
       "malformed"},
      {std::string(3000, 'A'), "too long"},
  };
  for (const auto& c : cases) {
    auto d = DecodePayload(c.payload);
    ASSERT_FALSE(d.has_value()) << c.payload;
    EXPECT_NE(d.error().message_en.find(c.reason), std::string::npos)
        << c.reason << " / " << d.error().message_en;
    EXPECT_EQ(d.error().field, "c");
  }
}

TEST(Base64Url, DecodesWhatItEncodes) {
  for (std::string s : {std::string(), std::string("a"), std::string("ab"), std::string("abc"),
                        std::string("\xfb\xff\x00\x01", 4)}) {
    EXPECT_EQ(Base64UrlDecode(Base64Url(s)), s);
  }
  EXPECT_FALSE(Base64UrlDecode("A").has_value());    // impossible length
  EXPECT_FALSE(Base64UrlDecode("AB=").has_value());  // padding is not used
  EXPECT_FALSE(Base64UrlDecode("-_9").has_value());  // stray low bits
}

TEST(PayloadFromScan, TheQrUrlOrThePayloadItself) {
  struct Case {
    const char* text;
    bool ok;
    const char* payload;
  };
  const Case cases[] = {
      {"AAA.BBB", true, "AAA.BBB"},
      {"https://kakari.example/verify/JMA-1?c=AAA.BBB", true, "AAA.BBB"},
      {"http://127.0.0.1:8080/verify/%E7%AC%AC1?x=1&c=AAA.BBB&y=2", true, "AAA.BBB"},
      {"https://kakari.example/verify/JMA-1?c=AAA.BBB#top", true, "AAA.BBB"},
      {"https://kakari.example/verify/JMA-1?cc=AAA", false, ""},
      {"https://kakari.example/verify/JMA-1", false, ""},
  };
  for (const auto& c : cases) {
    auto p = PayloadFromScan(c.text);
    EXPECT_EQ(p.has_value(), c.ok) << c.text;
    if (c.ok && p) {
      EXPECT_EQ(*p, c.payload) << c.text;
    }
  }
}

}  // namespace
}  // namespace kakari::core
