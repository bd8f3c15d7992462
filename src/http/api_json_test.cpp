#include "http/api_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/error_status.hpp"
#include "http/json_writer.hpp"

namespace kakari::http {
namespace {

TEST(ApiJsonTest, ErrorBodyHasCodeBothMessagesAndNoDetail) {
  core::Error e{core::ErrorCode::kNotFound, "見つかりません", "not found", "SELECT secret", "x"};
  auto j = nlohmann::json::parse(ErrorBody(e));
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message_ja"], "見つかりません");
  EXPECT_EQ(j["error"]["message_en"], "not found");
  EXPECT_EQ(j["error"]["field"], "x");
  EXPECT_EQ(ErrorBody(e).find("SELECT"), std::string::npos);
}

TEST(ApiJsonTest, ProgressUnitsAreHalfStepNumbers) {
  core::DoctorProgress p;
  p.doctor.registry_number = "100001";
  p.doctor.name = "髙橋　太郎";
  p.programme = core::DefaultProgramme();
  p.eligibility = core::Evaluate(p.programme, {core::HalfUnits::FromHalves(5), 1});
  auto j = nlohmann::json::parse(ProgressBody(p));
  EXPECT_EQ(j["lecture_units"], 2.5);
  EXPECT_EQ(j["practical_units"], 5);
  EXPECT_EQ(j["total_units"], 7.5);
  EXPECT_EQ(j["complete"], false);
  EXPECT_EQ(j["programme"]["required_total_units"], 10);
  ASSERT_EQ(j["missing"].size(), 1u);
  EXPECT_EQ(j["missing"][0]["message_ja"], "座学研修（知識）があと2.5単位必要です");
}

TEST(ErrorStatusTest, Table) {
  EXPECT_EQ(HttpStatus(core::ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kRateLimited), 429);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kInternal), 500);
}

}  // namespace
}  // namespace kakari::http

namespace kakari::http {
namespace {

TEST(JsonWriter, WritesValidJsonWithEscapes) {
  JsonWriter w;
  w.Open('{').Field("n", int64_t{-3}).Field("s", "a\"b\\c\n\x01𠮷");
  w.Key("list")
      .Open('[')
      .Open('{')
      .Field("x", int64_t{1})
      .Close('}')
      .Open('{')
      .Close('}')
      .Close(']');
  w.Key("empty").Open('[').Close(']');
  w.Close('}');
  auto parsed = nlohmann::json::parse(w.Take());
  EXPECT_EQ(parsed["n"], -3);
  EXPECT_EQ(parsed["s"], "a\"b\\c\n\x01𠮷");
  EXPECT_EQ(parsed["list"].size(), 2u);
  EXPECT_EQ(parsed["list"][0]["x"], 1);
  EXPECT_TRUE(parsed["list"][1].empty());
  EXPECT_TRUE(parsed["empty"].is_array() && parsed["empty"].empty());
}

}  // namespace
}  // namespace kakari::http
