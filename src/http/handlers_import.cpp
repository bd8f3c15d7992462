// The machine import of lecture credits (a nightly job with an API token).
#include "core/domain/proof_file.hpp"
#include "core/services/credit_import.hpp"
#include "http/api_context.hpp"
#include "util/strings.hpp"

namespace kakari::http {

ApiResponse PostCreditImport(ApiContext& c) {
  std::string type = c.req.Header("content-type");
  if (!util::StartsWith(type, "text/csv")) {
    return Fails(core::MakeError(core::ErrorCode::kUnsupportedFormat,
                                 "CSVファイル（Content-Type: text/csv）を送ってください",
                                 "send a CSV file (Content-Type: text/csv)", "content-type"));
  }
  if (c.req.body.size() > core::kMaxProofBytes) {
    return Fails(core::MakeError(core::ErrorCode::kTooLarge,
                                 "CSVは10MBまでです。分けて送ってください",
                                 "a CSV may be 10 MB at most; send it in parts", "body"));
  }
  auto rows = c.config.open_csv(c.req.body);
  if (!rows) return Fails(rows.error());
  auto report = core::ImportCredits(c.deps, c.caller, **rows);
  if (!report) return Fails(report.error());
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& r : report->rejected) {
    rejected.push_back({{"line", r.line}, {"reason_ja", r.reason_ja}, {"reason_en", r.reason_en}});
  }
  return JsonResponse(
      200,
      {{"imported", report->imported}, {"duplicates", report->duplicates}, {"rejected", rejected}});
}

}  // namespace kakari::http
