// Counts for statistics in memory: the same groups and periods as the SQL
// of storage/sql/report_repo.cpp, computed by walking the tables.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

Date DayOf(std::string_view iso) {
  auto d = ParseWesternDate(iso.substr(0, 10));
  return d ? *d : Date{};
}

class Reports final : public ReportRepository {
 public:
  explicit Reports(MemoryTables& t) : t_(t) {}

  Result<std::vector<std::pair<Id, std::string>>> DoctorHomes(std::string_view area) override {
    std::vector<std::pair<Id, std::string>> out;
    for (const auto& [id, d] : t_.doctors) {
      std::string code = CodeOf(d.home_association_id);
      if (CodeUnder(code, area)) out.emplace_back(id, code);
    }
    return out;
  }

  Result<std::vector<ApplicantFact>> Applicants(std::string_view area, const Date& as_of) override {
    std::map<std::string, std::pair<std::set<Id>, std::set<Id>>> by_code;
    for (const auto& [id, a] : t_.applications) {
      if (a.review.status == ReviewStatus::kWithdrawn || as_of < a.application.submitted_on)
        continue;
      auto doctor = t_.doctors.find(a.application.doctor_id);
      if (doctor == t_.doctors.end()) continue;
      std::string code = CodeOf(doctor->second.home_association_id);
      if (!CodeUnder(code, area)) continue;
      by_code[code].first.insert(doctor->first);
      if (a.review.status == ReviewStatus::kApproved) by_code[code].second.insert(doctor->first);
    }
    std::vector<ApplicantFact> out;
    for (const auto& [code, sets] : by_code) {
      out.push_back({code, static_cast<int64_t>(sets.first.size()),
                     static_cast<int64_t>(sets.second.size())});
    }
    return out;
  }

  Result<std::vector<WaitingFact>> Waiting(std::string_view area) override {
    std::map<std::tuple<std::string, ReviewKind, Date>, int64_t> counts;
    EachItem([&](ReviewKind kind, Id, const ReviewFields& f) {
      std::string code = CodeOf(f.routed_to);
      if (f.status != ReviewStatus::kSubmitted || !CodeUnder(code, area)) return;
      ++counts[{code, kind, DayOf(f.submitted_at)}];
    });
    std::vector<WaitingFact> out;
    for (const auto& [k, n] : counts)
      out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), n});
    // As SQL orders them: by code, then kind and status by name.
    std::stable_sort(out.begin(), out.end(), [](const WaitingFact& a, const WaitingFact& b) {
      return std::tuple(a.code, std::string_view(ReviewKindName(a.kind)), a.submitted_on) <
             std::tuple(b.code, std::string_view(ReviewKindName(b.kind)), b.submitted_on);
    });
    return out;
  }

  Result<std::vector<DecisionFact>> Decisions(std::string_view area, const StatPeriod& p) override {
    std::map<std::tuple<std::string, ReviewKind, ReviewStatus, Date, Date>, int64_t> counts;
    for (size_t i = 0; i < t_.history.size(); ++i) {
      const HistoryRow& h = t_.history[i];
      if (!IsDecision(h.entry.to) || !InPeriod(h.entry.at, p)) continue;
      const ReviewFields* f = FieldsOf(h.kind, h.item_id);
      if (f == nullptr || !CodeUnder(CodeOf(f->routed_to), area)) continue;
      std::optional<std::string> latest;  // the latest submission before it
      for (size_t j = 0; j < i; ++j) {
        const HistoryRow& s = t_.history[j];
        if (s.kind == h.kind && s.item_id == h.item_id && s.entry.to == ReviewStatus::kSubmitted)
          latest = std::max(latest.value_or(""), s.entry.at);
      }
      ++counts[{CodeOf(f->routed_to), h.kind, h.entry.to, DayOf(latest.value_or(f->submitted_at)),
                DayOf(h.entry.at)}];
    }
    std::vector<DecisionFact> out;
    for (const auto& [k, n] : counts) {
      out.push_back(
          {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), n});
    }
    auto key = [](const DecisionFact& d) {
      return std::tuple(d.code, std::string_view(ReviewKindName(d.kind)),
                        std::string_view(ReviewStatusName(d.outcome)), d.submitted_on,
                        d.decided_on);
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const DecisionFact& a, const DecisionFact& b) { return key(a) < key(b); });
    return out;
  }

  Result<std::vector<CertificateEventFact>> CertificateEvents(std::string_view area,
                                                              const StatPeriod& p) override {
    std::map<std::pair<std::string, std::string>, CertificateEventFact> events;
    auto at = [&](const std::string& code, const std::string& month) -> CertificateEventFact& {
      auto& e = events[{code, month}];
      e.code = code;
      e.month = month;
      return e;
    };
    for (const auto& [id, row] : t_.certificates) {
      std::string code = RoutedCodeOf(row.certificate.application_id);
      if (!CodeUnder(code, area) || code.empty()) continue;
      const auto& issued = row.certificate.issued;
      if (p.from <= issued.issued_on && issued.issued_on <= p.to) {
        auto& e = at(code, issued.issued_on.ToIso().substr(0, 7));
        ++(issued.version == 1 ? e.issued : e.reissued);
      }
      if (row.certificate.status == CertificateStatus::kRevoked &&
          InPeriod(row.status_changed_at, p))
        ++at(code, row.status_changed_at.substr(0, 7)).revoked;
      if (auto sent = SentAt(row); sent && InPeriod(*sent, p))
        ++at(code, sent->substr(0, 7)).mailed;
    }
    std::vector<CertificateEventFact> out;
    for (auto& [k, e] : events) out.push_back(e);
    return out;
  }

  Result<std::vector<SubmissionFact>> Submissions(std::string_view area,
                                                  const StatPeriod& p) override {
    std::map<std::pair<std::string, std::string>, int64_t> counts;
    for (const auto& [id, a] : t_.applications) {
      const Date& on = a.application.submitted_on;
      std::string code = CodeOf(a.review.routed_to);
      if (on < p.from || p.to < on || !CodeUnder(code, area)) continue;
      ++counts[{code, on.ToIso().substr(0, 7)}];
    }
    std::vector<SubmissionFact> out;
    for (const auto& [k, n] : counts) out.push_back({k.first, k.second, n});
    return out;
  }

  Result<std::vector<ReasonCount>> TopReturnReasons(std::string_view area, const StatPeriod& p,
                                                    int limit) override {
    std::map<std::string, int64_t> counts;
    for (const HistoryRow& h : t_.history) {
      if (h.entry.to != ReviewStatus::kReturned || !InPeriod(h.entry.at, p)) continue;
      const ReviewFields* f = FieldsOf(h.kind, h.item_id);
      if (f != nullptr && CodeUnder(CodeOf(f->routed_to), area)) ++counts[h.entry.reason];
    }
    std::vector<ReasonCount> out;
    for (const auto& [reason, n] : counts) out.push_back({reason, n});
    std::stable_sort(out.begin(), out.end(),
                     [](const ReasonCount& a, const ReasonCount& b) { return a.count > b.count; });
    if (out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
    return out;
  }

  Status ForEachDoctor(std::string_view area,
                       const std::function<Status(const DoctorListing&)>& fn) override {
    for (const auto& [id, d] : t_.doctors) {
      auto org = t_.organisations.find(d.home_association_id);
      if (org == t_.organisations.end() || !CodeUnder(org->second.code, area)) continue;
      DoctorListing row{id,
                        d.registry_number,
                        d.name,
                        d.kana,
                        org->second.code,
                        org->second.name_ja,
                        std::nullopt,
                        "",
                        std::nullopt};
      for (const auto& [app_id, a] : t_.applications) {  // ascending: the last is the latest
        if (a.application.doctor_id == id) row.application = a.review.status;
      }
      const Certificate* latest = nullptr;
      for (const auto& [cert_id, c] : t_.certificates) {
        const Certificate& cert = c.certificate;
        if (cert.doctor_id != id || cert.status != CertificateStatus::kValid) continue;
        if (latest == nullptr || latest->issued.issued_on <= cert.issued.issued_on) latest = &cert;
      }
      if (latest != nullptr) {
        row.certificate_number = latest->issued.number;
        row.certificate_issued_on = latest->issued.issued_on;
      }
      KAKARI_RETURN_IF_ERROR(fn(row));
    }
    return {};
  }

  Status ForEachCertificate(std::string_view area,
                            const std::function<Status(const CertificateListing&)>& fn) override {
    std::vector<CertificateListing> rows;
    for (const auto& [id, row] : t_.certificates) {
      const Certificate& c = row.certificate;
      auto app = t_.applications.find(c.application_id);
      if (app == t_.applications.end()) continue;
      auto org = t_.organisations.find(app->second.review.routed_to);
      if (org == t_.organisations.end() || !CodeUnder(org->second.code, area)) continue;
      auto sent = SentAt(row);
      CertificateListing l;
      l.number = c.issued.number;
      l.version = c.issued.version;
      l.status = CertificateStatusName(c.status);
      l.issued_on = c.issued.issued_on;
      l.name = c.issued.name;
      l.registry_number = c.issued.registry_number;
      l.association_code = org->second.code;
      l.association_name = org->second.name_ja;
      l.delivery = c.delivery;
      if (sent) l.mailed_on = DayOf(*sent);
      rows.push_back(std::move(l));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.number, a.version) < std::tie(b.number, b.version);
    });
    for (const auto& r : rows) KAKARI_RETURN_IF_ERROR(fn(r));
    return {};
  }

 private:
  static bool IsDecision(ReviewStatus s) {
    return s == ReviewStatus::kApproved || s == ReviewStatus::kReturned ||
           s == ReviewStatus::kRejected;
  }
  static bool InPeriod(std::string_view iso, const StatPeriod& p) {
    return !iso.empty() && p.from_utc <= iso && iso < p.until_utc;
  }

  std::string CodeOf(Id organisation_id) const {
    auto it = t_.organisations.find(organisation_id);
    return it == t_.organisations.end() ? std::string() : it->second.code;
  }

  std::string RoutedCodeOf(Id application_id) const {
    auto it = t_.applications.find(application_id);
    return it == t_.applications.end() ? std::string() : CodeOf(it->second.review.routed_to);
  }

  std::optional<std::string> SentAt(const CertificateRow& row) const {
    if (!row.mail_batch_id) return std::nullopt;
    auto it = t_.mail_batches.find(*row.mail_batch_id);
    return it == t_.mail_batches.end() ? std::nullopt : it->second.sent_at;
  }

  template <class Fn>
  void EachItem(Fn&& fn) const {
    for (const auto& [id, a] : t_.applications) fn(ReviewKind::kApplication, id, a.review);
    for (const auto& [id, a] : t_.activities) fn(ReviewKind::kActivity, id, a.review);
    for (const auto& [id, d] : t_.declarations) fn(ReviewKind::kDeclaration, id, d.review);
  }

  const ReviewFields* FieldsOf(ReviewKind kind, Id id) const {
    const ReviewFields* out = nullptr;
    EachItem([&](ReviewKind k, Id i, const ReviewFields& f) {
      if (k == kind && i == id) out = &f;
    });
    return out;
  }

  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<ReportRepository> MemoryReports(MemoryTables& t) {
  return std::make_unique<Reports>(t);
}

}  // namespace kakari::core::testing
