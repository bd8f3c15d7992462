// How the CLI talks to people and scripts: bilingual error lines, a progress
// bar on terminals, and JSON for --json. Not thread-safe.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "cli/environment.hpp"
#include "core/domain/import_report.hpp"
#include "core/domain/result.hpp"
#include "core/services/progress_service.hpp"

namespace kakari::cli {

// Exit codes, documented in the README.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRowsRejected = 3;

// "エラー: <ja>\nError: <en>" on stderr; returns kExitFailure (or kExitUsage
// for invalid arguments when `usage` is set).
int PrintError(const Environment& env, const core::Error& e, bool usage = false);

// A progress bar drawn on stderr when it is a terminal; silent otherwise.
class ProgressBar {
 public:
  ProgressBar(const Environment& env, std::string label);
  void Update(double fraction);
  void Finish();

 private:
  const Environment& env_;
  std::string label_;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point start_;
};

std::string ImportReportJson(const core::ImportReport& r);
void PrintImportReport(const Environment& env, const core::ImportReport& r,
                       const std::string& encoding);

std::string EligibilityJson(const std::string& registry_number, const core::Eligibility& e);
void PrintEligibility(const Environment& env, const core::DoctorProgress& p);

}  // namespace kakari::cli
