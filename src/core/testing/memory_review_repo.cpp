// The review fields of the three item kinds, their history and the staff
// queue, in memory: the same filters, orders and pages as the SQLite query.
#include <algorithm>
#include <functional>

#include "core/domain/text.hpp"
#include "core/testing/memory_repos.hpp"

namespace kakari::core::testing {

namespace {

class Reviews final : public ReviewRepository {
 public:
  explicit Reviews(MemoryTables& t) : t_(t) {}

  Result<std::optional<ReviewItem>> Find(ReviewKind kind, Id id) override {
    std::optional<ReviewItem> found;
    EachItem(kind, /*with_drafts=*/true, [&](const ReviewItem& item) {
      if (item.id == id) found = item;
    });
    return found;
  }

  Result<bool> UpdateStatus(ReviewKind kind, Id id, int64_t expected_version, ReviewStatus to,
                            std::string_view reason) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    ReviewFields* f = FieldsOf(kind, id);
    if (f == nullptr || f->version != expected_version) return false;
    f->status = to;
    ++f->version;
    if (!reason.empty()) f->last_reason = std::string(reason);
    if (to == ReviewStatus::kSubmitted) f->submitted_at = NowIso();
    return true;
  }

  Status AddHistory(ReviewKind kind, Id id, const HistoryEntry& e) override {
    KAKARI_RETURN_IF_ERROR(t_.Writable());
    t_.history.push_back({kind, id, e});
    return {};
  }

  Result<std::vector<HistoryEntry>> History(ReviewKind kind, Id id) override {
    std::vector<HistoryEntry> out;
    for (const HistoryRow& h : t_.history) {
      if (h.kind != kind || h.item_id != id) continue;
      out.push_back(h.entry);
      out.back().actor_association = AssociationOfUser(h.entry.actor_user_id);
    }
    return out;
  }

  Result<QueuePage> Queue(const QueueFilter& f) override {
    std::vector<QueueRow> rows;
    for (ReviewKind kind : KindsOf(f)) {
      EachItem(kind, /*with_drafts=*/false, [&](const ReviewItem& item) {
        if (auto row = Matching(f, item)) rows.push_back(std::move(*row));
      });
    }
    std::stable_sort(rows.begin(), rows.end(), Order(f));
    QueuePage page;
    page.total = static_cast<int64_t>(rows.size());
    auto first = static_cast<int64_t>(f.page - 1) * f.per_page;
    for (int64_t i = std::max<int64_t>(first, 0);
         i < page.total && static_cast<int>(page.rows.size()) < f.per_page; ++i) {
      page.rows.push_back(rows[static_cast<size_t>(i)]);
    }
    return page;
  }

  Result<std::vector<ReviewItem>> ListForDoctor(Id doctor_id) override {
    std::vector<ReviewItem> out;
    for (ReviewKind kind : kAllKinds) {
      EachItem(kind, /*with_drafts=*/false, [&](const ReviewItem& item) {
        if (item.doctor_id == doctor_id) out.push_back(item);
      });
    }
    std::stable_sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
      return std::tie(a.submitted_at, a.id) > std::tie(b.submitted_at, b.id);
    });
    return out;
  }

  Result<StandingFacts> StandingFactsOf(Id doctor_id) override {
    StandingFacts facts;
    KAKARI_TRY(programme, MemoryProgrammes(t_)->Current());
    facts.programme = std::move(programme);
    KAKARI_TRY(doctor, MemoryDoctors(t_)->FindById(doctor_id));
    if (!doctor) return facts;
    facts.doctor = std::move(*doctor);
    KAKARI_TRY(lecture, MemoryCredits(t_)->LectureUnits(doctor_id, facts.programme.credit_window));
    facts.lecture = lecture;
    KAKARI_TRY(approved, MemoryActivities(t_)->ApprovedIds(doctor_id));
    facts.approved_activity_ids = std::move(approved);
    KAKARI_TRY(items, ListForDoctor(doctor_id));
    facts.items = std::move(items);
    int64_t declared = 0;
    for (const auto& [id, d] : t_.declarations) {
      if (d.doctor_id == doctor_id && d.review.status == ReviewStatus::kSubmitted) {
        declared += d.input.units.halves();
      }
    }
    facts.submitted_declaration_units = HalfUnits::FromHalves(declared);
    return facts;
  }

 private:
  static constexpr ReviewKind kAllKinds[] = {ReviewKind::kApplication, ReviewKind::kActivity,
                                             ReviewKind::kDeclaration};

  static std::vector<ReviewKind> KindsOf(const QueueFilter& f) {
    if (f.kind) return {*f.kind};
    return {std::begin(kAllKinds), std::end(kAllKinds)};
  }

  // As SQL reads it: the name of the organisation the acting user belongs to.
  std::string AssociationOfUser(Id user_id) const {
    auto user = t_.users.find(user_id);
    if (user == t_.users.end() || !user->second.organisation_id) return "";
    auto org = t_.organisations.find(*user->second.organisation_id);
    return org == t_.organisations.end() ? "" : org->second.name_ja;
  }

  ItemSubject SubjectOf(ReviewKind kind, Id id) const {
    ItemSubject s;
    if (kind == ReviewKind::kActivity) {
      const ActivityInput& in = t_.activities.at(id).input;
      s.category = in.category;
      s.text = in.organisation;
    } else if (kind == ReviewKind::kDeclaration) {
      s.text = t_.declarations.at(id).input.title;
    }
    s.has_proof = std::any_of(t_.files.begin(), t_.files.end(), [&](const auto& entry) {
      const StoredFileMeta& m = entry.second.meta;
      return m.attached_kind == kind && m.attached_id == id;
    });
    return s;
  }

  ReviewItem ItemOf(ReviewKind kind, Id id, Id doctor_id, const ReviewFields& f) const {
    auto org = t_.organisations.find(f.routed_to);
    return ReviewItem{kind,
                      id,
                      doctor_id,
                      f.status,
                      f.version,
                      f.routed_to,
                      org == t_.organisations.end() ? "" : org->second.code,
                      f.channel,
                      f.submitted_at,
                      f.last_reason,
                      SubjectOf(kind, id)};
  }

  // Every item of one kind; activities and declarations still drafts are
  // nobody's to review.
  void EachItem(ReviewKind kind, bool with_drafts,
                const std::function<void(const ReviewItem&)>& fn) const {
    auto visit = [&](Id id, Id doctor_id, const ReviewFields& f) {
      if (with_drafts || f.status != ReviewStatus::kDraft) fn(ItemOf(kind, id, doctor_id, f));
    };
    switch (kind) {
      case ReviewKind::kApplication:
        for (const auto& [id, a] : t_.applications)
          fn(ItemOf(kind, id, a.application.doctor_id, a.review));
        break;
      case ReviewKind::kActivity:
        for (const auto& [id, a] : t_.activities) visit(id, a.doctor_id, a.review);
        break;
      case ReviewKind::kDeclaration:
        for (const auto& [id, d] : t_.declarations) visit(id, d.doctor_id, d.review);
        break;
    }
  }

  ReviewFields* FieldsOf(ReviewKind kind, Id id) {
    switch (kind) {
      case ReviewKind::kApplication:
        if (auto it = t_.applications.find(id); it != t_.applications.end())
          return &it->second.review;
        break;
      case ReviewKind::kActivity:
        if (auto it = t_.activities.find(id); it != t_.activities.end()) return &it->second.review;
        break;
      case ReviewKind::kDeclaration:
        if (auto it = t_.declarations.find(id); it != t_.declarations.end())
          return &it->second.review;
        break;
    }
    return nullptr;
  }

  // The queue row of `item` when it passes every filter.
  std::optional<QueueRow> Matching(const QueueFilter& f, const ReviewItem& item) const {
    auto org = t_.organisations.find(item.routed_to);
    auto doctor = t_.doctors.find(item.doctor_id);
    if (org == t_.organisations.end() || doctor == t_.doctors.end()) return std::nullopt;
    if (!CodeUnder(org->second.code, f.association_prefix)) return std::nullopt;
    if (f.status && item.status != *f.status) return std::nullopt;
    if (f.channel && item.channel != *f.channel) return std::nullopt;
    if (f.submitted_from && item.submitted_at < *f.submitted_from) return std::nullopt;
    if (f.submitted_to && item.submitted_at >= *f.submitted_to + "T99") return std::nullopt;
    if (f.association_code && org->second.code != *f.association_code) return std::nullopt;
    const Doctor& d = doctor->second;
    if (!f.name_key.empty() && SearchKey(d.name).find(f.name_key) == std::string::npos &&
        SearchKey(d.kana).find(f.name_key) == std::string::npos &&
        d.registry_number != f.name_key) {
      return std::nullopt;
    }
    return QueueRow{item, d.name, d.kana, d.registry_number, org->second.name_ja};
  }

  // The SQLite ORDER BY: by submission (then kind name and id), by the
  // doctor's kana key (then id), or by status name (then submission, id).
  std::function<bool(const QueueRow&, const QueueRow&)> Order(const QueueFilter& f) const {
    bool desc = f.descending;
    auto primary = [desc](const auto& a, const auto& b) { return desc ? b < a : a < b; };
    if (f.sort == "name") {
      return [primary](const QueueRow& a, const QueueRow& b) {
        std::string ka = SearchKey(a.doctor_kana), kb = SearchKey(b.doctor_kana);
        if (ka != kb) return primary(ka, kb);
        return a.item.id < b.item.id;
      };
    }
    if (f.sort == "status") {
      return [primary](const QueueRow& a, const QueueRow& b) {
        std::string_view sa = ReviewStatusName(a.item.status), sb = ReviewStatusName(b.item.status);
        if (sa != sb) return primary(sa, sb);
        return std::tie(a.item.submitted_at, a.item.id) < std::tie(b.item.submitted_at, b.item.id);
      };
    }
    return [primary](const QueueRow& a, const QueueRow& b) {
      if (a.item.submitted_at != b.item.submitted_at) {
        return primary(a.item.submitted_at, b.item.submitted_at);
      }
      std::string_view ka = ReviewKindName(a.item.kind), kb = ReviewKindName(b.item.kind);
      return std::tie(ka, a.item.id) < std::tie(kb, b.item.id);
    };
  }

  MemoryTables& t_;
};

}  // namespace

std::unique_ptr<ReviewRepository> MemoryReviews(MemoryTables& t) {
  return std::make_unique<Reviews>(t);
}

}  // namespace kakari::core::testing
