// The review workflow in SQLite: the common review fields of the three item
// kinds, their history, the staff queue, declarations and proof files.
#include <algorithm>
#include <array>
#include <string>

#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;
using core::Status;

namespace {

const char* TableOf(core::ReviewKind k) {
  switch (k) {
    case core::ReviewKind::kApplication:
      return "completion_applications";
    case core::ReviewKind::kActivity:
      return "practical_activities";
    case core::ReviewKind::kDeclaration:
      return "credit_declarations";
  }
  return "completion_applications";
}

// Columns 0..12 of a review item, read by ReadItem. Whether proof is
// attached is asked of the outer row only, so that a page asks it 50 times
// (on the files' (attached_kind, attached_id) index), not once per match.
// `routed_code` is the routed organisation's code as an expression.
std::string ItemColumns(std::string_view routed_code) {
  return "r.kind, r.id, r.doctor_id, r.status, r.version, r.routed_to, " +
         std::string(routed_code) +
         ", r.channel, COALESCE(r.submitted_at, ''), r.last_reason, r.subject_category, "
         "r.subject_text, CASE WHEN EXISTS (SELECT 1 FROM stored_files sf WHERE "
         "sf.attached_kind = r.kind AND sf.attached_id = r.id) THEN 1 ELSE 0 END";
}
// The code when the organisation is joined as `o`.
constexpr const char* kJoinedCode = "COALESCE(o.code, '')";
constexpr int kItemColumnCount = 13;

core::ReviewItem ReadItem(const Statement& st) {
  core::ReviewItem it;
  it.kind = core::ParseReviewKind(st.Text(0)).value_or(core::ReviewKind::kApplication);
  it.id = st.Int(1);
  it.doctor_id = st.Int(2);
  it.status = core::ParseReviewStatus(st.Text(3)).value_or(core::ReviewStatus::kSubmitted);
  it.version = st.Int(4);
  it.routed_to = st.Int(5);
  it.routed_to_code = st.Text(6);
  it.channel = st.Text(7);
  it.submitted_at = st.Text(8);
  it.last_reason = st.Text(9);
  it.subject.category = st.Text(10);
  it.subject.text = st.Text(11);
  it.subject.has_proof = st.Int(12) != 0;
  return it;
}

// What each kind is about, as ItemSubject's category and text.
const char* SubjectColumns(core::ReviewKind k) {
  switch (k) {
    case core::ReviewKind::kActivity:
      return "t.category AS subject_category, t.organisation AS subject_text";
    case core::ReviewKind::kDeclaration:
      return "'' AS subject_category, t.title AS subject_text";
    case core::ReviewKind::kApplication:
      break;
  }
  return "'' AS subject_category, '' AS subject_text";
}

std::string ItemSelect(core::ReviewKind k) {
  return std::string("SELECT '") + core::ReviewKindName(k) +
         "' AS kind, t.id, t.doctor_id, t.status, t.version, t.routed_to_association_id AS "
         "routed_to, t.channel, t.submitted_at, t.last_reason, " +
         SubjectColumns(k) + " FROM " + TableOf(k) + " t";
}

struct QuerySql {
  std::string arm_where;               // on each table, as t.
  std::string outer_where;             // on the joined row (o., d.)
  std::vector<std::string> text_args;  // bound in order after the prefix (?1)
  std::vector<core::ReviewKind> kinds;
};

// Association codes are digits, so the codes under a prefix are the range
// [prefix, prefix + '~'), found on the unique index of organisations.code.
// Filters go into each arm of the union, so that SQLite uses each table's
// (routed_to, status, submitted_at) index instead of materialising a view.
QuerySql QueueWhere(const core::QueueFilter& f) {
  QuerySql q;
  q.arm_where =
      " WHERE t.routed_to_association_id IN "
      "(SELECT id FROM organisations WHERE code >= ?1 AND code < ?1 || '~')";
  auto param = [&](std::string value) {
    q.text_args.push_back(std::move(value));
    return "?" + std::to_string(q.text_args.size() + 1);
  };
  if (f.status) q.arm_where += " AND t.status = " + param(core::ReviewStatusName(*f.status));
  if (f.channel) q.arm_where += " AND t.channel = " + param(*f.channel);
  if (f.submitted_from) q.arm_where += " AND t.submitted_at >= " + param(*f.submitted_from);
  if (f.submitted_to) q.arm_where += " AND t.submitted_at < " + param(*f.submitted_to + "T99");
  if (f.association_code) q.outer_where += " AND o.code = " + param(*f.association_code);
  if (!f.name_key.empty()) {
    std::string n = param(f.name_key);
    q.outer_where += " AND (instr(d.name_key, " + n + ") > 0 OR instr(d.kana_key, " + n +
                     ") > 0 OR d.registry_number = " + n + ")";
  }
  if (f.kind) {
    q.kinds = {*f.kind};
  } else {
    q.kinds = {core::ReviewKind::kApplication, core::ReviewKind::kActivity,
               core::ReviewKind::kDeclaration};
  }
  return q;
}

// The union of the three tables' arms, each filtered on its own index.
// `columns` picks the full item (ItemSelect) or only what the queue index
// covers (KeySelect), which spares a table lookup per matching row.
std::string QueueArms(const QuerySql& q, std::string (*select)(core::ReviewKind)) {
  std::string arms;
  for (size_t i = 0; i < q.kinds.size(); ++i) {
    if (i > 0) arms += " UNION ALL ";
    arms += select(q.kinds[i]) + q.arm_where;
    if (q.kinds[i] != core::ReviewKind::kApplication) arms += " AND t.status <> 'draft'";
  }
  return arms;
}

std::string KeySelect(core::ReviewKind k) {
  return std::string("SELECT '") + core::ReviewKindName(k) +
         "' AS kind, t.id, t.status, t.submitted_at FROM " + TableOf(k) + " t";
}

// The full items of one page whose keys are in the CTE `page`.
std::string PageItems(const QuerySql& q) {
  std::string items;
  for (size_t i = 0; i < q.kinds.size(); ++i) {
    if (i > 0) items += " UNION ALL ";
    items += ItemSelect(q.kinds[i]) + " JOIN page p ON p.id = t.id AND p.kind = '" +
             core::ReviewKindName(q.kinds[i]) + "'";
  }
  return items;
}

std::string JoinNames(const std::string& items) {
  return " FROM (" + items + ") r JOIN organisations o ON o.id = r.routed_to " +
         "JOIN doctors d ON d.id = r.doctor_id";
}

// The ORDER BY on the item alone (r.) or, for a name sort, on the doctor.
std::string QueueOrder(const core::QueueFilter& f) {
  std::string dir = f.descending ? " DESC" : "";
  if (f.sort == "name") return " ORDER BY d.kana_key" + dir + ", r.id";
  if (f.sort == "status") return " ORDER BY r.status" + dir + ", r.submitted_at, r.id";
  return " ORDER BY r.submitted_at" + dir + ", r.kind, r.id";
}

// Counting and paging touch only the items unless a filter or the sort
// needs the doctor or the association: then the join is made for all rows;
// otherwise only the page's rows are joined (50 lookups instead of every
// matching row's).
bool NeedsJoinedRows(const core::QueueFilter& f, const QuerySql& q) {
  return !q.outer_where.empty() || f.sort == "name";
}

std::string CountSql(const core::QueueFilter& f, const QuerySql& q) {
  if (!NeedsJoinedRows(f, q) && !f.channel && !f.submitted_from && !f.submitted_to) {
    // Only association, kind and status: the trigger-kept counts answer.
    std::string kinds;
    for (auto k : q.kinds)
      kinds += std::string(kinds.empty() ? "'" : ",'") + core::ReviewKindName(k) + "'";
    return "SELECT COALESCE(SUM(n), 0) FROM review_counts WHERE routed_to IN (SELECT id FROM "
           "organisations WHERE code >= ?1 AND code < ?1 || '~') AND kind IN (" +
           kinds + ") AND " + (f.status ? "status = ?2" : "status <> 'draft'");
  }
  if (!NeedsJoinedRows(f, q)) return "SELECT COUNT(*) FROM (" + QueueArms(q, KeySelect) + ") r";
  return "SELECT COUNT(*)" + JoinNames(QueueArms(q, ItemSelect)) + " WHERE 1 = 1" + q.outer_where;
}

std::string PageSql(const core::QueueFilter& f, const QuerySql& q) {
  std::string n = std::to_string(q.text_args.size() + 2);
  std::string limit = " LIMIT ?" + n + " OFFSET ?" + std::to_string(q.text_args.size() + 3);
  std::string select =
      "SELECT " + ItemColumns(kJoinedCode) + ", d.name, d.kana, d.registry_number, o.name_ja";
  if (NeedsJoinedRows(f, q)) {
    return select + JoinNames(QueueArms(q, ItemSelect)) + " WHERE 1 = 1" + q.outer_where +
           QueueOrder(f) + limit;
  }
  return "WITH page AS MATERIALIZED (SELECT * FROM (" + QueueArms(q, KeySelect) + ") r" +
         QueueOrder(f) + limit + ") " + select + JoinNames(PageItems(q)) + QueueOrder(f);
}

void BindQuery(Statement& st, const core::QueueFilter& f, const QuerySql& q) {
  st.Bind(1, f.association_prefix);
  for (size_t i = 0; i < q.text_args.size(); ++i) st.Bind(static_cast<int>(i + 2), q.text_args[i]);
}

}  // namespace

Result<std::optional<core::ReviewItem>> SqlReviews::Find(core::ReviewKind kind, Id id) {
  KAKARI_TRY(st, c_.Prepare("SELECT " + ItemColumns(kJoinedCode) + " FROM (" + ItemSelect(kind) +
                            " WHERE t.id = ?) r LEFT JOIN organisations o ON o.id = r.routed_to"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::ReviewItem>();
  auto it = ReadItem(*st);
  st->Reset();
  return std::optional<core::ReviewItem>(std::move(it));
}

Result<bool> SqlReviews::UpdateStatus(core::ReviewKind kind, Id id, int64_t expected_version,
                                      core::ReviewStatus to, std::string_view reason) {
  KAKARI_TRY(
      st, c_.Prepare(
              std::string("UPDATE ") + TableOf(kind) +
              " SET status = ?1, version = version + 1, "
              "last_reason = CASE WHEN ?2 <> '' THEN ?2 ELSE last_reason END, "
              "submitted_at = CASE WHEN ?1 = 'submitted' THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') "
              "ELSE submitted_at END, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
              "WHERE id = ?3 AND version = ?4"));
  st->Bind(1, core::ReviewStatusName(to)).Bind(2, reason).Bind(3, id).Bind(4, expected_version);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.Changes() == 1;
}

Status SqlReviews::AddHistory(core::ReviewKind kind, Id id, const core::HistoryEntry& e) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO review_history(kind, item_id, at, from_status, "
                            "to_status, action, actor_user_id, actor_role, reason) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, core::ReviewKindName(kind)).Bind(2, id).Bind(3, e.at);
  if (e.from)
    st->Bind(4, core::ReviewStatusName(*e.from));
  else
    st->BindNull(4);
  st->Bind(5, core::ReviewStatusName(e.to)).Bind(6, e.action);
  if (e.actor_user_id > 0)
    st->Bind(7, e.actor_user_id);
  else
    st->BindNull(7);
  st->Bind(8, e.actor_role).Bind(9, e.reason);
  return st->Run();
}

Result<std::vector<core::HistoryEntry>> SqlReviews::History(core::ReviewKind kind, Id id) {
  // The actor's association is read now: staff do not move between
  // associations, and a deleted account leaves the name empty.
  KAKARI_TRY(st, c_.Prepare("SELECT h.at, h.from_status, h.to_status, h.action, "
                            "COALESCE(h.actor_user_id, 0), h.actor_role, h.reason, "
                            "COALESCE(o.name_ja, '') FROM review_history h "
                            "LEFT JOIN users u ON u.id = h.actor_user_id "
                            "LEFT JOIN organisations o ON o.id = u.organisation_id "
                            "WHERE h.kind = ? AND h.item_id = ? ORDER BY h.id"));
  st->Bind(1, core::ReviewKindName(kind)).Bind(2, id);
  return CollectRows<core::HistoryEntry>(*st, [&](Statement& row) {
    core::HistoryEntry e;
    e.at = row.Text(0);
    if (!row.IsNull(1)) e.from = core::ParseReviewStatus(row.Text(1));
    e.to = core::ParseReviewStatus(row.Text(2)).value_or(core::ReviewStatus::kSubmitted);
    e.action = row.Text(3);
    e.actor_user_id = row.Int(4);
    e.actor_role = row.Text(5);
    e.reason = row.Text(6);
    e.actor_association = row.Text(7);
    return e;
  });
}

namespace {

std::string CacheKey(const core::QueueFilter& f) {
  std::string k;
  auto add = [&](std::string_view v) {
    k += std::to_string(v.size());
    k += ':';
    k += v;
  };
  add(f.kind ? core::ReviewKindName(*f.kind) : "");
  add(f.status ? core::ReviewStatusName(*f.status) : "");
  add(f.channel.value_or(""));
  add(f.association_prefix);
  add(f.association_code.value_or("\x01"));
  add(f.submitted_from.value_or(""));
  add(f.submitted_to.value_or(""));
  add(f.name_key);
  add(f.sort);
  add(f.descending ? "d" : "a");
  add(std::to_string(f.page));
  add(std::to_string(f.per_page));
  return k;
}

}  // namespace

Result<core::QueuePage> SqlReviews::Queue(const core::QueueFilter& f) {
  if (!cache_) return QueueFromDb(f);
  // The generation of the page's prefecture (or the country's), read in
  // this same read transaction: a page cached at it matches exactly what the
  // queries would return now. A change elsewhere leaves it valid.
  KAKARI_TRY(gen, c_.Prepare("SELECT n FROM review_generation WHERE prefecture = ?"));
  gen->Bind(1, f.association_prefix.substr(0, std::min<size_t>(2, f.association_prefix.size())));
  KAKARI_TRY(has_gen, gen->Step());
  int64_t generation = has_gen ? gen->Int(0) : -1;
  gen->Reset();
  return cache_->FindOrMake(CacheKey(f), generation, [&] { return QueueFromDb(f); });
}

Result<core::QueuePage> SqlReviews::QueueFromDb(const core::QueueFilter& f) {
  QuerySql q = QueueWhere(f);
  core::QueuePage page;
  KAKARI_TRY(count, c_.Prepare(CountSql(f, q)));
  BindQuery(*count, f, q);
  KAKARI_TRY(counted, count->Step());
  if (counted) page.total = count->Int(0);
  count->Reset();
  KAKARI_TRY(st, c_.Prepare(PageSql(f, q)));
  BindQuery(*st, f, q);
  int n = static_cast<int>(q.text_args.size());
  st->Bind(n + 2, f.per_page).Bind(n + 3, static_cast<int64_t>(f.page - 1) * f.per_page);
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    page.rows.push_back({ReadItem(*st), st->Text(kItemColumnCount), st->Text(kItemColumnCount + 1),
                         st->Text(kItemColumnCount + 2), st->Text(kItemColumnCount + 3)});
  }
  return page;
}

namespace {

Result<Statement*> BindItemsOfDoctor(Connection& c, Id doctor_id) {
  QuerySql mine;
  mine.arm_where = " WHERE t.doctor_id = ?1";
  mine.kinds = {core::ReviewKind::kApplication, core::ReviewKind::kActivity,
                core::ReviewKind::kDeclaration};
  // The organisation's code is looked up per item by its key: PostgreSQL's
  // generic plan for a join hashed every organisation for a doctor's few
  // items.
  static const std::string columns =
      ItemColumns("COALESCE((SELECT o.code FROM organisations o WHERE o.id = r.routed_to), '')");
  KAKARI_TRY(st, c.Prepare("SELECT " + columns + " FROM (" + QueueArms(mine, ItemSelect) +
                           ") r ORDER BY r.submitted_at DESC, r.id DESC"));
  st->Bind(1, doctor_id);
  return st;
}

}  // namespace

Result<std::vector<core::ReviewItem>> SqlReviews::ListForDoctor(Id doctor_id) {
  KAKARI_TRY(st, BindItemsOfDoctor(c_, doctor_id));
  return CollectRows<core::ReviewItem>(*st, ReadItem);
}

namespace {

// A credit's day (days since 1970-01-01) and its half units.
using DayUnits = std::pair<int64_t, int64_t>;

// The units of the credits inside `window`. One doctor has tens of credits,
// so summing them here costs less than a statement that must first learn
// the window from the programme (a round trip more on a database server).
core::HalfUnits SumInWindow(const std::vector<DayUnits>& rows,
                            const std::optional<core::DateRange>& window) {
  int64_t from = window && window->from ? window->from->ToDays() : INT64_MIN;
  int64_t to = window && window->to ? window->to->ToDays() : INT64_MAX;
  int64_t halves = 0;
  for (const auto& [day, units] : rows) {
    if (day >= from && day <= to) halves += units;
  }
  return core::HalfUnits::FromHalves(halves);
}

}  // namespace

Result<core::StandingFacts> SqlReviews::StandingFactsOf(Id doctor_id) {
  KAKARI_TRY(doctor, BindDoctorById(c_, doctor_id));
  KAKARI_TRY(programme, BindCurrentProgramme(c_));
  KAKARI_TRY(credits, c_.Prepare("SELECT taken_on, half_units FROM lecture_credits "
                                 "WHERE doctor_id = ?"));
  credits->Bind(1, doctor_id);
  KAKARI_TRY(items, BindItemsOfDoctor(c_, doctor_id));
  KAKARI_TRY(declared, c_.Prepare("SELECT COALESCE(SUM(half_units), 0) FROM credit_declarations "
                                  "WHERE doctor_id = ? AND status = 'submitted'"));
  declared->Bind(1, doctor_id);
  std::array<Statement*, 5> together{doctor, programme, credits, items, declared};
  KAKARI_RETURN_IF_ERROR(c_.ExecuteTogether(together));
  core::StandingFacts facts;
  KAKARI_TRY(found, ReadOneDoctor(doctor));
  KAKARI_TRY(current, ReadCurrentProgramme(*programme));
  programme->Reset();
  facts.programme = std::move(current);
  KAKARI_TRY(rows, CollectRows<DayUnits>(
                       *credits, [](Statement& row) { return DayUnits(row.Int(0), row.Int(1)); }));
  facts.lecture = SumInWindow(rows, facts.programme.credit_window);
  KAKARI_TRY(list, CollectRows<core::ReviewItem>(*items, ReadItem));
  KAKARI_TRY(declared_row, declared->Step());
  int64_t declared_halves = declared_row ? declared->Int(0) : 0;
  declared->Reset();
  if (!found) return facts;  // no such doctor: nothing of theirs
  facts.doctor = std::move(*found);
  // The approved activities are among the items: no statement of their own.
  for (const auto& item : list) {
    if (item.kind == core::ReviewKind::kActivity && item.status == core::ReviewStatus::kApproved) {
      facts.approved_activity_ids.push_back(item.id);
    }
  }
  std::sort(facts.approved_activity_ids.begin(), facts.approved_activity_ids.end());
  facts.items = std::move(list);
  facts.submitted_declaration_units = core::HalfUnits::FromHalves(declared_halves);
  return facts;
}

Result<Id> SqlDeclarations::Submit(Id doctor_id, const core::DeclarationInput& in, Id routed_to) {
  KAKARI_TRY(
      st,
      c_.Prepare("INSERT INTO credit_declarations(doctor_id, taken_on, half_units, title, "
                 "organizer, status, "
                 "routed_to_association_id, submitted_at) VALUES (?, ?, ?, ?, ?, 'submitted', ?, "
                 "strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
  st->Bind(1, doctor_id)
      .Bind(2, in.taken_on.ToIso())
      .Bind(3, in.units.halves())
      .Bind(4, in.title)
      .Bind(5, in.organizer)
      .Bind(6, routed_to);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Status SqlDeclarations::Edit(Id id, const core::DeclarationInput& in) {
  KAKARI_TRY(st, c_.Prepare("UPDATE credit_declarations SET taken_on = ?, half_units = ?, "
                            "title = ?, organizer = ? WHERE id = ?"));
  st->Bind(1, in.taken_on.ToIso())
      .Bind(2, in.units.halves())
      .Bind(3, in.title)
      .Bind(4, in.organizer)
      .Bind(5, id);
  return st->Run();
}

Result<std::optional<core::DeclarationInput>> SqlDeclarations::Find(Id id) {
  KAKARI_TRY(st, c_.Prepare("SELECT taken_on, half_units, title, organizer FROM "
                            "credit_declarations WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::DeclarationInput>();
  core::DeclarationInput in;
  in.taken_on = *core::ParseWesternDate(st->Text(0));
  in.units = core::HalfUnits::FromHalves(st->Int(1));
  in.title = st->Text(2);
  in.organizer = st->Text(3);
  st->Reset();
  return std::optional<core::DeclarationInput>(std::move(in));
}

Status SqlDeclarations::LinkCredit(Id id, Id lecture_id) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "UPDATE credit_declarations SET lecture_credit_id = (SELECT lc.id FROM lecture_credits "
          "lc "
          "WHERE lc.doctor_id = credit_declarations.doctor_id AND lc.lecture_id = ?2 AND "
          "lc.taken_on = CAST(julianday(credit_declarations.taken_on) - 2440587.5 AS INTEGER) AND "
          "lc.half_units = credit_declarations.half_units) WHERE id = ?1"));
  st->Bind(1, id).Bind(2, lecture_id);
  return st->Run();
}

namespace {
constexpr const char* kFileColumns =
    "SELECT id, uploaded_by, doctor_id, content_type, name, size, sha256, attached_kind, "
    "attached_id FROM stored_files ";

core::StoredFileMeta ReadFile(const Statement& st) {
  core::StoredFileMeta m;
  m.id = st.Int(0);
  m.uploaded_by = st.Int(1);
  m.doctor_id = st.OptionalInt(2);
  m.content_type = st.Text(3);
  m.name = st.Text(4);
  m.size = st.Int(5);
  m.sha256 = st.Text(6);
  if (!st.IsNull(7)) m.attached_kind = core::ParseReviewKind(st.Text(7));
  m.attached_id = st.OptionalInt(8);
  return m;
}
}  // namespace

Result<Id> SqlFiles::Insert(const core::StoredFileMeta& m, std::string_view bytes) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO stored_files(uploaded_by, doctor_id, content_type, name, "
                            "size, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, m.uploaded_by)
      .BindOptionalId(2, m.doctor_id)
      .Bind(3, m.content_type)
      .Bind(4, m.name)
      .Bind(5, static_cast<int64_t>(bytes.size()))
      .Bind(6, m.sha256)
      .BindBlob(7, bytes);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Result<std::optional<core::StoredFileMeta>> SqlFiles::Find(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kFileColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::StoredFileMeta>();
  auto m = ReadFile(*st);
  st->Reset();
  return std::optional<core::StoredFileMeta>(std::move(m));
}

Result<std::string> SqlFiles::Bytes(Id id) {
  KAKARI_TRY(st, c_.Prepare("SELECT bytes FROM stored_files WHERE id = ?"));
  st->Bind(1, id);
  KAKARI_TRY(row, st->Step());
  if (!row) return std::string();
  std::string out = st->Blob(0);
  st->Reset();
  return out;
}

Status SqlFiles::Attach(Id id, core::ReviewKind kind, Id item_id, Id doctor_id) {
  KAKARI_TRY(st, c_.Prepare("UPDATE stored_files SET attached_kind = ?, attached_id = ?, "
                            "doctor_id = ? WHERE id = ?"));
  st->Bind(1, core::ReviewKindName(kind)).Bind(2, item_id).Bind(3, doctor_id).Bind(4, id);
  return st->Run();
}

Result<std::vector<core::StoredFileMeta>> SqlFiles::AttachedTo(core::ReviewKind kind, Id item_id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kFileColumns) +
                            "WHERE attached_kind = ? AND attached_id = ? ORDER BY id"));
  st->Bind(1, core::ReviewKindName(kind)).Bind(2, item_id);
  return CollectRows<core::StoredFileMeta>(*st, ReadFile);
}

}  // namespace kakari::storage::sql
