#include "cli/output.hpp"

#include <cstdio>

#include "util/strings.hpp"

namespace kakari::cli {

using util::JsonEscape;

int PrintError(const Environment& env, const core::Error& e, bool usage) {
  *env.err << "エラー: " << e.message_ja << "\nError: " << e.message_en << "\n";
  return usage && e.code == core::ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

ProgressBar::ProgressBar(const Environment& env, std::string label)
    : env_(env), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(double fraction) {
  if (!env_.err_is_terminal) return;
  int percent = static_cast<int>(fraction * 100);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  int filled = percent * 30 / 100;
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char buf[160];
  std::snprintf(buf, sizeof buf, "\r%s [%-30s] %3d%% %.0fs", label_.c_str(),
                std::string(static_cast<size_t>(filled), '#').c_str(), percent, secs);
  *env_.err << buf << std::flush;
}

void ProgressBar::Finish() {
  if (env_.err_is_terminal && last_percent_ >= 0) *env_.err << "\n";
}

std::string ImportReportJson(const core::ImportReport& r) {
  std::string s = "{\"imported\": " + std::to_string(r.imported);
  s += ", \"updated\": " + std::to_string(r.updated);
  s += ", \"duplicates\": " + std::to_string(r.duplicates) + ", \"rejected\": [";
  for (size_t i = 0; i < r.rejected.size(); ++i) {
    const auto& x = r.rejected[i];
    s += (i ? ", " : "") + std::string("{\"line\": ") + std::to_string(x.line) +
         ", \"reason\": \"" + JsonEscape(x.reason_ja) + "\", \"reason_en\": \"" +
         JsonEscape(x.reason_en) + "\"}";
  }
  return s + "]}";
}

void PrintImportReport(const Environment& env, const core::ImportReport& r,
                       const std::string& encoding) {
  auto& out = *env.out;
  out << "文字コード / encoding: " << encoding << "\n"
      << "取り込み / imported:   " << r.imported << "\n";
  if (r.updated) out << "更新 / updated:        " << r.updated << "\n";
  out << "重複 / duplicates:     " << r.duplicates << "\n"
      << "不備 / rejected:       " << r.rejected.size() << "\n";
  for (const auto& x : r.rejected) {
    out << "  " << x.line << "行目: " << x.reason_ja << " / line " << x.line << ": " << x.reason_en
        << "\n";
  }
}

std::string EligibilityJson(const std::string& registry_number, const core::Eligibility& e) {
  std::string s = "{\"registry_number\": \"" + JsonEscape(registry_number) + "\"";
  s += ", \"lecture_units\": " + e.lecture_units.ToString();
  s += ", \"practical_units\": " + e.practical_units.ToString();
  s += ", \"total_units\": " + e.total_units.ToString();
  s += ", \"approved_activities\": " + std::to_string(e.approved_activities);
  s += std::string(", \"complete\": ") + (e.complete ? "true" : "false") + ", \"missing\": [";
  for (size_t i = 0; i < e.missing.size(); ++i) {
    const auto& m = e.missing[i];
    s += (i ? ", " : "") + std::string("{\"kind\": \"") +
         (m.kind == core::MissingKind::kLectureUnits ? "lecture_units" : "practical_activities") +
         "\", \"units\": " + m.units.ToString() + ", \"message_ja\": \"" +
         JsonEscape(m.message_ja) + "\", \"message_en\": \"" + JsonEscape(m.message_en) + "\"}";
  }
  return s + "]}";
}

void PrintEligibility(const Environment& env, const core::DoctorProgress& p) {
  const auto& e = p.eligibility;
  auto& out = *env.out;
  out << p.doctor.name << "（医籍登録番号 " << p.doctor.registry_number << "）\n"
      << "座学研修 / lecture:    " << e.lecture_units.ToString() << " 単位\n"
      << "実地研修 / practical:  " << e.practical_units.ToString() << " 単位（"
      << e.approved_activities << "件）\n"
      << "合計 / total:          " << e.total_units.ToString() << " / "
      << p.programme.required_total.ToString() << " 単位\n"
      << (e.complete ? "修了要件を満たしています / requirements met\n"
                     : "修了要件を満たしていません / not yet complete\n");
  for (const auto& m : e.missing) out << "  ・" << m.message_ja << " / " << m.message_en << "\n";
}

}  // namespace kakari::cli
