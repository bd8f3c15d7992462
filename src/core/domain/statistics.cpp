#include "core/domain/statistics.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/domain/auth_policy.hpp"

namespace kakari::core {

std::optional<int64_t> PercentileDays(std::span<const DaysCount> histogram, int percent) {
  std::vector<DaysCount> sorted(histogram.begin(), histogram.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const DaysCount& a, const DaysCount& b) { return a.days < b.days; });
  int64_t total = 0;
  for (const auto& d : sorted) total += d.count;
  if (total == 0) return std::nullopt;
  // Nearest rank: the smallest value with at least percent% at or below it.
  int64_t rank = (total * percent + 99) / 100;
  if (rank < 1) rank = 1;
  int64_t seen = 0;
  for (const auto& d : sorted) {
    seen += d.count;
    if (seen >= rank) return d.days;
  }
  return sorted.back().days;
}

StatPeriod FiscalYearUpTo(const Date& to) {
  constexpr int64_t kJapanOffsetSeconds = 9 * 3600;
  Date from = FiscalYearStart(FiscalYear(to));
  return {from, to, FormatUtcIso(from.ToDays() * 86400 - kJapanOffsetSeconds),
          FormatUtcIso((to.ToDays() + 1) * 86400 - kJapanOffsetSeconds)};
}

WaitBand WaitBandOf(int64_t days) {
  if (days <= 7) return WaitBand::kUpTo7;
  if (days <= 14) return WaitBand::kUpTo14;
  if (days <= 30) return WaitBand::kUpTo30;
  return WaitBand::kOver30;
}

const char* WaitBandName(WaitBand b) {
  switch (b) {
    case WaitBand::kUpTo7:
      return "0-7";
    case WaitBand::kUpTo14:
      return "8-14";
    case WaitBand::kUpTo30:
      return "15-30";
    case WaitBand::kOver30:
      return "31+";
  }
  return "";
}

int64_t AreaFigures::Waiting() const {
  int64_t n = 0;
  for (int64_t w : waiting_by_kind) n += w;
  return n;
}

std::string AreaOfCode(std::string_view code, Breakdown b) {
  if (b == Breakdown::kPrefecture) return std::string(code.substr(0, 2));
  return std::string(code);
}

std::vector<std::string> TrendMonths(const Date& as_of) {
  std::vector<std::string> months;
  int fy = FiscalYear(as_of);
  Date d = FiscalYearStart(fy);
  while (d.year < as_of.year || (d.year == as_of.year && d.month <= as_of.month)) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    months.emplace_back(buf);
    d.month = d.month == 12 ? 1 : d.month + 1;
    if (d.month == 1) ++d.year;
  }
  return months;
}

namespace {

// Rows by area while assembling, with each area's decision-time histogram.
class Accumulator {
 public:
  Accumulator(Breakdown b, const Date& as_of) : breakdown_(b), as_of_days_(as_of.ToDays()) {}

  AreaFigures& Row(std::string_view code) {
    std::string area = AreaOfCode(code, breakdown_);
    auto& row = rows_[area];
    row.area = area;
    return row;
  }

  void AddWaiting(const WaitingFact& w) {
    auto& row = Row(w.code);
    row.waiting_by_kind[static_cast<size_t>(w.kind)] += w.count;
    int64_t age = as_of_days_ - w.submitted_on.ToDays();
    row.waiting_by_age[static_cast<size_t>(WaitBandOf(std::max<int64_t>(age, 0)))] += w.count;
  }

  void AddDecision(const DecisionFact& d) {
    auto& row = Row(d.code);
    row.decisions += d.count;
    if (d.outcome == ReviewStatus::kApproved) row.approvals += d.count;
    if (d.outcome == ReviewStatus::kReturned) row.returns += d.count;
    if (d.outcome == ReviewStatus::kRejected) row.rejections += d.count;
    int64_t days = std::max<int64_t>(d.decided_on.ToDays() - d.submitted_on.ToDays(), 0);
    days_[row.area].push_back({days, d.count});
  }

  std::vector<AreaFigures> Finish(AreaFigures& total) {
    std::vector<DaysCount> all_days;
    std::vector<AreaFigures> out;
    for (auto& [area, row] : rows_) {
      const auto& h = days_[area];
      row.median_days = PercentileDays(h, 50);
      row.p90_days = PercentileDays(h, 90);
      all_days.insert(all_days.end(), h.begin(), h.end());
      AddInto(total, row);
      out.push_back(row);
    }
    total.median_days = PercentileDays(all_days, 50);
    total.p90_days = PercentileDays(all_days, 90);
    return out;
  }

 private:
  static void AddInto(AreaFigures& t, const AreaFigures& r) {
    t.doctors += r.doctors;
    t.complete += r.complete;
    t.applied += r.applied;
    t.approved += r.approved;
    for (size_t i = 0; i < kReviewKindCount; ++i) t.waiting_by_kind[i] += r.waiting_by_kind[i];
    for (size_t i = 0; i < kWaitBandCount; ++i) t.waiting_by_age[i] += r.waiting_by_age[i];
    t.decisions += r.decisions;
    t.approvals += r.approvals;
    t.returns += r.returns;
    t.rejections += r.rejections;
    t.issued += r.issued;
    t.reissued += r.reissued;
    t.revoked += r.revoked;
    t.mailed += r.mailed;
    t.reportable += r.reportable;
    t.covered += r.covered;
  }

  Breakdown breakdown_;
  int64_t as_of_days_;
  std::map<std::string, AreaFigures> rows_;
  std::map<std::string, std::vector<DaysCount>> days_;
};

std::vector<MonthFigures> Trend(const StatisticsInputs& in, const Date& as_of) {
  std::vector<MonthFigures> trend;
  std::map<std::string, size_t> index;
  for (auto& m : TrendMonths(as_of)) {
    index[m] = trend.size();
    trend.push_back({m});
  }
  auto at = [&](const std::string& month) -> MonthFigures* {
    auto it = index.find(month);
    return it == index.end() ? nullptr : &trend[it->second];
  };
  for (const auto& s : in.submissions) {
    if (auto* m = at(s.month)) m->submitted += s.submitted;
  }
  for (const auto& c : in.certificates) {
    if (auto* m = at(c.month)) m->issued += c.issued;
  }
  for (const auto& d : in.decisions) {
    if (d.kind != ReviewKind::kApplication || d.outcome != ReviewStatus::kApproved) continue;
    if (auto* m = at(d.decided_on.ToIso().substr(0, 7))) m->approved += d.count;
  }
  return trend;
}

}  // namespace

Statistics AssembleStatistics(const StatisticsInputs& in, std::string scope, Breakdown b,
                              const Date& as_of, std::vector<ReasonCount> top_reasons) {
  Accumulator acc(b, as_of);
  for (const auto& code : in.areas) acc.Row(code);
  for (const auto& c : in.completion) {
    auto& row = acc.Row(c.code);
    row.doctors += c.doctors;
    row.complete += c.complete;
  }
  for (const auto& a : in.applicants) {
    auto& row = acc.Row(a.code);
    row.applied += a.applied;
    row.approved += a.approved;
  }
  for (const auto& w : in.waiting) acc.AddWaiting(w);
  for (const auto& d : in.decisions) acc.AddDecision(d);
  for (const auto& c : in.certificates) {
    auto& row = acc.Row(c.code);
    row.issued += c.issued;
    row.reissued += c.reissued;
    row.revoked += c.revoked;
    row.mailed += c.mailed;
  }
  for (const auto& c : in.coverage) {
    auto& row = acc.Row(c.area);
    row.reportable += c.reportable;
    row.covered += c.covered;
  }
  Statistics s;
  s.scope = std::move(scope);
  s.as_of = as_of;
  s.fiscal_year = FiscalYear(as_of);
  s.breakdown = b;
  s.areas = acc.Finish(s.total);
  s.trend = Trend(in, as_of);
  s.top_reasons = std::move(top_reasons);
  return s;
}

}  // namespace kakari::core
