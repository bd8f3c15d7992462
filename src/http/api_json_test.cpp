#include "http/api_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/error_status.hpp"

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
