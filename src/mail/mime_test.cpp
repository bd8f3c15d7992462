#include "mail/mime.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <vector>

namespace kakari::mail {
namespace {

std::string FromBase64(std::string_view b64) {
  std::string out(b64.size(), '\0');
  size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                              b64.size(), "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

// The text of a header made of encoded words, decoded again.
std::string DecodeWords(std::string_view header) {
  std::string out;
  size_t i = 0;
  while ((i = header.find("=?UTF-8?B?", i)) != std::string_view::npos) {
    size_t end = header.find("?=", i + 10);
    out += FromBase64(header.substr(i + 10, end - i - 10));
    i = end + 2;
  }
  return out;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(i, end - i));
    i = end + 2;
  }
  return out;
}

TEST(MimeTest, AsciiStaysAsItIsAndJapaneseBecomesEncodedWordsThatReadBack) {
  EXPECT_EQ(EncodeHeaderText("Returned for correction"), "Returned for correction");
  std::string subject =
      "【Kakari】差し戻しのお知らせ：実地研修：予防接種（練馬区保健所）髙橋 𠮷野 / Returned";
  std::string encoded = EncodeHeaderText(subject);
  EXPECT_EQ(DecodeWords(encoded), subject) << "no character is split between words";
  for (const std::string& line : Lines(encoded)) {
    EXPECT_LE(line.size(), 76u) << line;
  }
  EXPECT_NE(encoded.find("\r\n "), std::string::npos) << "long text is folded";
  // Text that looks like an encoded word, or has a line break, is encoded.
  EXPECT_EQ(DecodeWords(EncodeHeaderText("=?x?= injected")), "=?x?= injected");
  EXPECT_EQ(EncodeHeaderText("a\r\nBcc: x@example.jp").find('\n'), std::string::npos);
}

TEST(MimeTest, OnlyPlainAddressesAreAccepted) {
  struct Case {
    const char* address;
    bool plain;
  };
  for (const Case& c : std::vector<Case>{{"taro@example.jp", true},
                                         {"a.b+c@sub.example.jp", true},
                                         {"", false},
                                         {"taro", false},
                                         {"@example.jp", false},
                                         {"taro@", false},
                                         {"a@b@c", false},
                                         {"taro@example.jp\r\nRCPT TO:<x@y>", false},
                                         {"taro @example.jp", false},
                                         {"<taro@example.jp>", false}}) {
    EXPECT_EQ(IsPlainAddress(c.address), c.plain) << c.address;
  }
}

TEST(MimeTest, AMessageHasBothPartsInUtf8AndTheHeadersAMailProgramNeeds) {
  core::OutgoingMail mail{"hanako@example.jp",
                          "髙橋　花子",
                          "【Kakari】差し戻しのお知らせ / Returned",
                          "髙橋　花子 先生\n理由：写しがありません\n",
                          "<p>髙橋　花子 先生</p>",
                          "https://kakari.example/notices?reminders=off",
                          "notice-42"};
  std::string m =
      BuildMessage(mail, Sender{"kakari@example.jp", "かかりつけ医研修"}, 1796500000, "BOUNDARY");
  size_t split = m.find("\r\n\r\n");
  ASSERT_NE(split, std::string::npos);
  std::string headers = m.substr(0, split);
  EXPECT_NE(headers.find("To: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(headers.find(" <hanako@example.jp>"), std::string::npos);
  EXPECT_NE(headers.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(headers.find("Date: "), std::string::npos);
  EXPECT_NE(headers.find("Message-ID: <notice-42.1796500000@example.jp>"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0"), std::string::npos);
  EXPECT_NE(headers.find("List-Unsubscribe: <https://kakari.example/notices?reminders=off>"),
            std::string::npos);
  EXPECT_NE(headers.find("multipart/alternative; boundary=\"BOUNDARY\""), std::string::npos);
  size_t plain = m.find("Content-Type: text/plain; charset=UTF-8");
  size_t html = m.find("Content-Type: text/html; charset=UTF-8");
  ASSERT_NE(plain, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_LT(plain, html) << "plain text first: the fallback";
  EXPECT_NE(m.find("--BOUNDARY--\r\n"), std::string::npos);
  size_t body = m.find("\r\n\r\n", plain) + 4;
  std::string b64 = m.substr(body, m.find("--BOUNDARY", body) - body);
  EXPECT_EQ(FromBase64(b64), mail.text);
  for (const std::string& line : Lines(m)) EXPECT_LE(line.size(), 998u);
}

TEST(MimeTest, DatesAreInTheInternetForm) {
  EXPECT_EQ(Rfc5322Date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(Rfc5322Date(1796500000), "Sat, 05 Dec 2026 19:46:40 +0000");
}

}  // namespace
}  // namespace kakari::mail
