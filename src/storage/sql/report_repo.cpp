// Counts for statistics: grouped in the database (one row per association,
// kind and day at most), so that the national figures read a few thousand
// rows, never the registry. Times in storage are UTC ISO text; the periods
// come with their UTC bounds, so comparisons are plain text comparisons.
#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <unordered_map>

#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Result;

namespace {

// `code LIKE ?` argument for an area prefix (codes are digits: no escapes).
std::string Under(std::string_view area) { return std::string(area) + "%"; }

core::Date DateOf(std::string_view text) {
  auto d = core::ParseWesternDate(text.substr(0, 10));
  return d ? *d : core::Date{};
}

// History rows with their item's association: each kind's table joined by
// id (not the review_items view, whose UNION the planners would scan whole
// before filtering the history).
constexpr std::string_view kHistoryItems =
    "FROM review_history h "
    "LEFT JOIN completion_applications ca ON h.kind = 'application' AND ca.id = h.item_id "
    "LEFT JOIN practical_activities pa ON h.kind = 'activity' AND pa.id = h.item_id "
    "LEFT JOIN credit_declarations cd ON h.kind = 'declaration' AND cd.id = h.item_id "
    "JOIN organisations o ON o.id = COALESCE(ca.routed_to_association_id, "
    "pa.routed_to_association_id, cd.routed_to_association_id) ";
constexpr std::string_view kItemSubmittedAt =
    "COALESCE(ca.submitted_at, pa.submitted_at, cd.submitted_at)";

core::ReviewKind KindOf(std::string_view name) {
  return core::ParseReviewKind(name).value_or(core::ReviewKind::kApplication);
}

}  // namespace

Result<std::vector<std::pair<core::Id, std::string>>> SqlReports::DoctorHomes(
    std::string_view area) {
  // The home index covers (association, doctor id): read it, not the wide
  // doctor rows, and sort by id here (a sort in SQL cost five times more).
  KAKARI_TRY(orgs, c_.Prepare("SELECT id, code FROM organisations WHERE code LIKE ?"));
  orgs->Bind(1, Under(area));
  using IdCode = std::pair<core::Id, std::string>;
  using IdPair = std::pair<core::Id, core::Id>;
  KAKARI_TRY(codes, CollectRows<IdCode>(
                        *orgs, [](const Statement& s) { return std::pair(s.Int(0), s.Text(1)); }));
  std::unordered_map<core::Id, std::string> code_of(codes.begin(), codes.end());
  KAKARI_TRY(st, c_.Prepare("SELECT d.id, d.home_association_id FROM doctors d WHERE "
                            "d.home_association_id IN (SELECT id FROM organisations "
                            "WHERE code LIKE ?)"));
  st->Bind(1, Under(area));
  KAKARI_TRY(pairs, CollectRows<IdPair>(
                        *st, [](const Statement& s) { return std::pair(s.Int(0), s.Int(1)); }));
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<core::Id, std::string>> out;
  out.reserve(pairs.size());
  for (const auto& [doctor, org] : pairs) out.emplace_back(doctor, code_of[org]);
  return out;
}

Result<std::vector<core::ApplicantFact>> SqlReports::Applicants(std::string_view area,
                                                                const core::Date& as_of) {
  KAKARI_TRY(
      st, c_.Prepare("SELECT o.code, COUNT(DISTINCT a.doctor_id), COUNT(DISTINCT CASE WHEN "
                     "a.status = 'approved' THEN a.doctor_id END) FROM completion_applications a "
                     "JOIN doctors d ON d.id = a.doctor_id JOIN organisations o ON "
                     "o.id = d.home_association_id WHERE a.status <> 'withdrawn' AND "
                     "a.submitted_on <= ? AND o.code LIKE ? GROUP BY o.code ORDER BY o.code"));
  st->Bind(1, as_of.ToIso()).Bind(2, Under(area));
  return CollectRows<core::ApplicantFact>(*st, [](const Statement& s) {
    return core::ApplicantFact{s.Text(0), s.Int(1), s.Int(2)};
  });
}

Result<std::vector<core::WaitingFact>> SqlReports::Waiting(std::string_view area) {
  // One table at a time, each through its queue index (association,
  // status, submitted_at); the review_items view would be scanned whole.
  std::vector<core::WaitingFact> out;
  for (auto [kind, table] : {std::pair{"activity", "practical_activities"},
                             std::pair{"application", "completion_applications"},
                             std::pair{"declaration", "credit_declarations"}}) {
    KAKARI_TRY(st, c_.Prepare(std::string("SELECT o.code, substr(t.submitted_at, 1, 10), "
                                          "COUNT(*) FROM ") +
                              table +
                              " t JOIN organisations o ON o.id = t.routed_to_association_id "
                              "WHERE t.status = 'submitted' AND o.code LIKE ? "
                              "GROUP BY 1, 2"));
    st->Bind(1, Under(area));
    core::ReviewKind item_kind = KindOf(kind);
    KAKARI_TRY(rows, CollectRows<core::WaitingFact>(*st, [item_kind](const Statement& s) {
                 return core::WaitingFact{s.Text(0), item_kind, DateOf(s.Text(1)), s.Int(2)};
               }));
    out.insert(out.end(), rows.begin(), rows.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.code, a.submitted_on) < std::tie(b.code, b.submitted_on);
  });
  return out;
}

Result<std::vector<core::DecisionFact>> SqlReports::Decisions(std::string_view area,
                                                              const core::StatPeriod& p) {
  KAKARI_TRY(
      st, c_.Prepare("SELECT o.code, h.kind, h.to_status, substr(COALESCE((SELECT MAX(s.at) "
                     "FROM review_history s WHERE s.kind = h.kind AND s.item_id = h.item_id AND "
                     "s.to_status = 'submitted' AND s.id < h.id), " +
                     std::string(kItemSubmittedAt) + "), 1, 10), substr(h.at, 1, 10), COUNT(*) " +
                     std::string(kHistoryItems) +
                     "WHERE h.to_status IN ('approved', 'returned', 'rejected') AND h.at >= ? AND "
                     "h.at < ? AND o.code LIKE ? GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"));
  st->Bind(1, p.from_utc).Bind(2, p.until_utc).Bind(3, Under(area));
  return CollectRows<core::DecisionFact>(*st, [](const Statement& s) {
    return core::DecisionFact{
        s.Text(0),         KindOf(s.Text(1)), core::ParseReviewStatus(s.Text(2)).value(),
        DateOf(s.Text(3)), DateOf(s.Text(4)), s.Int(5)};
  });
}

Result<std::vector<core::CertificateEventFact>> SqlReports::CertificateEvents(
    std::string_view area, const core::StatPeriod& p) {
  // One statement per event: issue dates are dates, revocations and mail
  // batches UTC times. Each row carries one count.
  constexpr std::string_view kFrom =
      " FROM certificates c JOIN completion_applications a ON a.id = c.application_id "
      "JOIN organisations o ON o.id = a.routed_to_association_id ";
  const std::string queries[] = {
      "SELECT o.code, substr(c.issued_on, 1, 7), SUM(CASE WHEN c.version = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.version > 1 THEN 1 ELSE 0 END), 0, 0" +
          std::string(kFrom) + "WHERE c.issued_on >= ? AND c.issued_on <= ? AND o.code LIKE ? " +
          "GROUP BY 1, 2",
      "SELECT o.code, substr(c.updated_at, 1, 7), 0, 0, COUNT(*), 0" + std::string(kFrom) +
          "WHERE c.status = 'revoked' AND c.updated_at >= ? AND c.updated_at < ? AND "
          "o.code LIKE ? GROUP BY 1, 2",
      "SELECT o.code, substr(b.sent_at, 1, 7), 0, 0, 0, COUNT(*)" + std::string(kFrom) +
          "JOIN mail_batches b ON b.id = c.mail_batch_id WHERE b.sent_at >= ? AND "
          "b.sent_at < ? AND o.code LIKE ? GROUP BY 1, 2"};
  const std::pair<std::string, std::string> bounds[] = {
      {p.from.ToIso(), p.to.ToIso()}, {p.from_utc, p.until_utc}, {p.from_utc, p.until_utc}};
  std::vector<core::CertificateEventFact> out;
  for (size_t i = 0; i < 3; ++i) {
    KAKARI_TRY(st, c_.Prepare(queries[i]));
    st->Bind(1, bounds[i].first).Bind(2, bounds[i].second).Bind(3, Under(area));
    KAKARI_TRY(rows, CollectRows<core::CertificateEventFact>(*st, [](const Statement& s) {
                 return core::CertificateEventFact{s.Text(0), s.Text(1), s.Int(2),
                                                   s.Int(3),  s.Int(4),  s.Int(5)};
               }));
    out.insert(out.end(), rows.begin(), rows.end());
  }
  return out;
}

Result<std::vector<core::SubmissionFact>> SqlReports::Submissions(std::string_view area,
                                                                  const core::StatPeriod& p) {
  KAKARI_TRY(st, c_.Prepare("SELECT o.code, substr(a.submitted_on, 1, 7), COUNT(*) FROM "
                            "completion_applications a JOIN organisations o ON "
                            "o.id = a.routed_to_association_id WHERE a.submitted_on >= ? AND "
                            "a.submitted_on <= ? AND o.code LIKE ? GROUP BY 1, 2 ORDER BY 1, 2"));
  st->Bind(1, p.from.ToIso()).Bind(2, p.to.ToIso()).Bind(3, Under(area));
  return CollectRows<core::SubmissionFact>(*st, [](const Statement& s) {
    return core::SubmissionFact{s.Text(0), s.Text(1), s.Int(2)};
  });
}

Result<std::vector<core::ReasonCount>> SqlReports::TopReturnReasons(std::string_view area,
                                                                    const core::StatPeriod& p,
                                                                    int limit) {
  KAKARI_TRY(st, c_.Prepare("SELECT h.reason, COUNT(*) " + std::string(kHistoryItems) +
                            "WHERE h.to_status = 'returned' AND h.at >= ? AND h.at < ? AND "
                            "o.code LIKE ? GROUP BY h.reason ORDER BY 2 DESC, 1 LIMIT ?"));
  st->Bind(1, p.from_utc).Bind(2, p.until_utc).Bind(3, Under(area));
  st->Bind(4, static_cast<int64_t>(limit));
  return CollectRows<core::ReasonCount>(*st, [](const Statement& s) {
    return core::ReasonCount{s.Text(0), s.Int(1)};
  });
}

namespace {

// Runs `st` and hands each row, read by `read`, to `fn`; stops at the first
// failure of either.
template <class T, class Read>
core::Status EachRow(Statement& st, Read&& read, const std::function<core::Status(const T&)>& fn) {
  for (;;) {
    auto row = st.Step();
    KAKARI_RETURN_IF_ERROR(row);
    if (!*row) return {};
    if (auto done = fn(read(st)); !done) {
      st.Reset();
      return done;
    }
  }
}

std::optional<core::Date> OptionalDate(const Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return DateOf(s.Text(col));
}

}  // namespace

core::Status SqlReports::ForEachDoctor(
    std::string_view area, const std::function<core::Status(const core::DoctorListing&)>& fn) {
  constexpr std::string_view kLatestValid =
      "FROM certificates c WHERE c.doctor_id = d.id AND c.status = 'valid' "
      "ORDER BY c.issued_on DESC, c.id DESC LIMIT 1)";
  KAKARI_TRY(
      st,
      c_.Prepare("SELECT d.id, d.registry_number, d.name, d.kana, o.code, o.name_ja, "
                 "(SELECT a.status FROM completion_applications a WHERE a.doctor_id = d.id "
                 "ORDER BY a.id DESC LIMIT 1), (SELECT c.number " +
                 std::string(kLatestValid) + ", (SELECT c.issued_on " + std::string(kLatestValid) +
                 " FROM doctors d JOIN organisations o ON o.id = d.home_association_id "
                 "WHERE o.code LIKE ? ORDER BY d.id"));
  st->Bind(1, Under(area));
  auto read = [](const Statement& s) {
    core::DoctorListing d;
    d.id = s.Int(0);
    d.registry_number = s.Text(1);
    d.name = s.Text(2);
    d.kana = s.Text(3);
    d.association_code = s.Text(4);
    d.association_name = s.Text(5);
    if (!s.IsNull(6)) d.application = core::ParseReviewStatus(s.Text(6));
    if (!s.IsNull(7)) d.certificate_number = s.Text(7);
    d.certificate_issued_on = OptionalDate(s, 8);
    return d;
  };
  return EachRow<core::DoctorListing>(*st, read, fn);
}

core::Status SqlReports::ForEachCertificate(
    std::string_view area, const std::function<core::Status(const core::CertificateListing&)>& fn) {
  KAKARI_TRY(
      st,
      c_.Prepare("SELECT c.number, c.version, c.status, c.issued_on, c.name_snapshot, "
                 "c.registry_number, o.code, o.name_ja, c.delivery, b.sent_at "
                 "FROM certificates c JOIN completion_applications a ON a.id = c.application_id "
                 "JOIN organisations o ON o.id = a.routed_to_association_id "
                 "LEFT JOIN mail_batches b ON b.id = c.mail_batch_id "
                 "WHERE o.code LIKE ? ORDER BY c.number, c.version"));
  st->Bind(1, Under(area));
  auto read = [](const Statement& s) {
    core::CertificateListing c;
    c.number = s.Text(0);
    c.version = static_cast<int>(s.Int(1));
    c.status = s.Text(2);
    c.issued_on = DateOf(s.Text(3));
    c.name = s.Text(4);
    c.registry_number = s.Text(5);
    c.association_code = s.Text(6);
    c.association_name = s.Text(7);
    c.delivery = s.Text(8);
    c.mailed_on = OptionalDate(s, 9);
    return c;
  };
  return EachRow<core::CertificateListing>(*st, read, fn);
}

}  // namespace kakari::storage::sql
