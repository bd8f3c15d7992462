#include "core/domain/programme.hpp"

namespace kakari::core {

Programme DefaultProgramme() {
  Programme p;
  p.code = "kakari-2025";
  p.name_ja = "かかりつけ医機能報告制度にかかる研修";
  p.name_en = "Training for the family-doctor-function report";
  return p;
}

Status ValidateProgramme(const Programme& p) {
  if (p.code.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "研修コードが空です", "programme code is empty",
                "code");
  }
  if (p.units_per_activity <= HalfUnits() || p.required_total <= HalfUnits() ||
      p.min_lecture_units < HalfUnits() || p.min_practical_activities < 0) {
    return Fail(ErrorCode::kInvalidArgument, "単位の設定が正しくありません",
                "unit thresholds must be positive", "units");
  }
  if (p.credit_window && p.credit_window->from && p.credit_window->to &&
      *p.credit_window->to < *p.credit_window->from) {
    return Fail(ErrorCode::kInvalidArgument, "対象期間の開始日が終了日より後です",
                "the credit window starts after it ends", "credit_window");
  }
  if (p.certificate_validity_years && *p.certificate_validity_years <= 0) {
    return Fail(ErrorCode::kInvalidArgument, "修了証の有効期間は1年以上にしてください",
                "certificate validity must be at least one year", "certificate_validity_years");
  }
  return {};
}

}  // namespace kakari::core
