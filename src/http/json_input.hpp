// Strict reading of JSON request bodies: required and optional fields of the
// right type, nothing unknown. The first problem becomes a 400 error naming
// the field, in Japanese and English. Internal to src/http.
// Not thread-safe: one BodyReader per request body.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/domain/date.hpp"
#include "core/domain/half_units.hpp"
#include "core/domain/result.hpp"

namespace kakari::http {

// Parses a request body: kInvalidArgument for text that is not JSON, for an
// object with the same key twice (which of them counts would be a guess), and
// for any string, key included, that holds invalid UTF-8 or a control
// character (newline and tab aside: single-line fields refuse those when read).
[[nodiscard]] core::Result<nlohmann::json> ParseJsonBody(std::string_view text);

class BodyReader {
 public:
  explicit BodyReader(const nlohmann::json& body) : body_(body) {}

  std::string String(const char* field, bool required = true);
  std::optional<std::string> OptionalString(const char* field);
  std::optional<int64_t> OptionalInt(const char* field);
  int64_t Int(const char* field);
  bool Bool(const char* field);
  std::vector<int64_t> IdList(const char* field, bool required = false);
  std::vector<std::string> StringList(const char* field);
  // "2026-04-01" (also 令和8年4月1日, R8.4.1); required unless `optional`.
  std::optional<core::Date> DateField(const char* field, bool required = true);
  // A number in 0.5 steps (6.5) or a string "6.5".
  std::optional<core::HalfUnits> Units(const char* field);
  const nlohmann::json* Object(const char* field);

  // The first error, including any field that was never asked for.
  [[nodiscard]] core::Status Finish();

 private:
  const nlohmann::json* Get(const char* field, bool required);
  void FailField(const char* field, const std::string& ja, const std::string& en);
  const nlohmann::json& body_;
  std::set<std::string> known_;
  std::optional<core::Error> error_;
};

}  // namespace kakari::http
