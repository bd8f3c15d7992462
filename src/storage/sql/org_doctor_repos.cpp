// Organisations, doctors and institutions in SQLite.
#include "core/domain/text.hpp"
#include "storage/sql/repos.hpp"

namespace kakari::storage::sql {

using core::Id;
using core::Result;
using core::Status;

namespace {
constexpr const char* kOrgColumns =
    "SELECT id, parent_id, level, code, name_ja, name_en, postal_code, address, phone FROM "
    "organisations ";

core::Organisation ReadOrg(const Statement& st) {
  core::Organisation o;
  o.id = st.Int(0);
  if (!st.IsNull(1)) o.parent_id = st.Int(1);
  o.level = static_cast<core::OrgLevel>(st.Int(2));
  o.code = st.Text(3);
  o.name_ja = st.Text(4);
  o.name_en = st.Text(5);
  o.contact = {st.Text(6), st.Text(7), st.Text(8)};
  return o;
}
}  // namespace

Result<Id> SqlOrganisations::Insert(const core::Organisation& org) {
  KAKARI_TRY(st, c_.Prepare("INSERT INTO organisations(parent_id, level, code, name_ja, name_en) "
                            "VALUES (?, ?, ?, ?, ?)"));
  if (org.parent_id)
    st->Bind(1, *org.parent_id);
  else
    st->BindNull(1);
  st->Bind(2, static_cast<int64_t>(org.level))
      .Bind(3, org.code)
      .Bind(4, org.name_ja)
      .Bind(5, org.name_en);
  KAKARI_RETURN_IF_ERROR(st->Run());
  return c_.LastInsertId();
}

Result<std::optional<core::Organisation>> SqlOrganisations::FindOne(Statement* st) {
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::Organisation>();
  auto org = ReadOrg(*st);
  st->Reset();
  return std::optional<core::Organisation>(std::move(org));
}

Result<std::optional<core::Organisation>> SqlOrganisations::FindByCode(std::string_view code) {
  KAKARI_TRY(st, c_.Prepare(std::string(kOrgColumns) + "WHERE code = ?"));
  st->Bind(1, code);
  return FindOne(st);
}

Result<std::optional<core::Organisation>> SqlOrganisations::FindById(Id id) {
  KAKARI_TRY(st, c_.Prepare(std::string(kOrgColumns) + "WHERE id = ?"));
  st->Bind(1, id);
  return FindOne(st);
}

Status SqlOrganisations::UpdateContact(Id id, const core::OrganisationContact& contact) {
  KAKARI_TRY(st, c_.Prepare("UPDATE organisations SET postal_code = ?, address = ?, phone = ? "
                            "WHERE id = ?"));
  st->Bind(1, contact.postal_code).Bind(2, contact.address).Bind(3, contact.phone).Bind(4, id);
  return st->Run();
}

Result<std::vector<core::Organisation>> SqlOrganisations::List() {
  KAKARI_TRY(st, c_.Prepare(std::string(kOrgColumns) + "ORDER BY code"));
  return CollectRows<core::Organisation>(*st, ReadOrg);
}

namespace {
void BindDoctor(Statement& st, const core::Doctor& d) {
  st.Bind(1, d.registry_number)
      .Bind(2, d.name)
      .Bind(3, d.kana)
      .Bind(4, core::SearchKey(d.name))
      .Bind(5, core::SearchKey(d.kana))
      .BindOptional(6, d.member_id)
      .Bind(7, d.birth_date.ToIso())
      .Bind(8, d.home_association_id)
      .Bind(9, d.email)
      .Bind(10, d.postal_code)
      .Bind(11, d.address);
}
}  // namespace

Result<Id> SqlDoctors::Insert(const core::Doctor& d) {
  KAKARI_TRY(
      st,
      c_.Prepare("INSERT INTO doctors(registry_number, name, kana, name_key, kana_key, member_id, "
                 "birth_date, home_association_id, email, postal_code, address) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BindDoctor(*st, d);
  if (auto s = st->Run(); !s) {
    core::Error e = s.error();
    if (e.code == core::ErrorCode::kAlreadyExists) {
      e.message_ja = "医籍登録番号 " + d.registry_number + " または会員番号は既に登録されています";
      e.message_en = "registry number " + d.registry_number + " or member ID is already recorded";
    }
    return tl::unexpected(e);
  }
  return c_.LastInsertId();
}

Status SqlDoctors::Update(const core::Doctor& d) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          "UPDATE doctors SET registry_number = ?, name = ?, kana = ?, name_key = ?, kana_key = ?, "
          "member_id = ?, birth_date = ?, home_association_id = ?, email = ?, postal_code = ?, "
          "address = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?"));
  BindDoctor(*st, d);
  st->Bind(12, d.id);
  auto s = st->Run();
  if (!s && s.error().code == core::ErrorCode::kAlreadyExists) {
    return core::Fail(core::ErrorCode::kAlreadyExists, "会員番号は別の医師に登録されています",
                      "the member ID belongs to another doctor", "member_id");
  }
  return s;
}

namespace {
constexpr const char* kDoctorColumns =
    "SELECT d.id, d.registry_number, d.name, d.kana, d.member_id, d.birth_date, "
    "d.home_association_id, d.email, d.postal_code, d.address FROM doctors d ";

core::Doctor ReadDoctor(const Statement& st) {
  core::Doctor d;
  d.id = st.Int(0);
  d.registry_number = st.Text(1);
  d.name = st.Text(2);
  d.kana = st.Text(3);
  if (!st.IsNull(4)) d.member_id = st.Text(4);
  d.birth_date = *core::ParseWesternDate(st.Text(5));
  d.home_association_id = st.Int(6);
  d.email = st.Text(7);
  d.postal_code = st.Text(8);
  d.address = st.Text(9);
  return d;
}

Result<std::vector<core::Doctor>> ReadDoctors(Statement* st) {
  return CollectRows<core::Doctor>(*st, ReadDoctor);
}
}  // namespace

Result<std::optional<core::Doctor>> ReadOneDoctor(Statement* st) {
  KAKARI_TRY(row, st->Step());
  if (!row) return std::optional<core::Doctor>();
  auto d = ReadDoctor(*st);
  st->Reset();
  return std::optional<core::Doctor>(std::move(d));
}

Result<Statement*> BindDoctorById(Connection& c, Id id) {
  KAKARI_TRY(st, c.Prepare(std::string(kDoctorColumns) + "WHERE d.id = ?"));
  st->Bind(1, id);
  return st;
}

Result<std::optional<core::Doctor>> SqlDoctors::FindByRegistryNumber(std::string_view reg) {
  KAKARI_TRY(st, c_.Prepare(std::string(kDoctorColumns) + "WHERE d.registry_number = ?"));
  st->Bind(1, reg);
  return ReadOneDoctor(st);
}

Result<std::optional<core::Doctor>> SqlDoctors::FindById(Id id) {
  KAKARI_TRY(st, BindDoctorById(c_, id));
  return ReadOneDoctor(st);
}

Result<std::vector<core::Doctor>> SqlDoctors::Search(std::string_view association_prefix,
                                                     std::string_view query,
                                                     std::string_view name_key, int limit) {
  KAKARI_TRY(
      st,
      c_.Prepare(
          std::string(kDoctorColumns) +
          "JOIN organisations o ON o.id = d.home_association_id WHERE o.code LIKE ?1 || '%' AND "
          "(d.registry_number = ?2 OR (?3 <> '' AND (instr(d.name_key, ?3) > 0 OR "
          "instr(d.kana_key, ?3) > 0))) ORDER BY d.kana_key, d.id LIMIT ?4"));
  st->Bind(1, association_prefix).Bind(2, query).Bind(3, name_key).Bind(4, limit);
  return ReadDoctors(st);
}

Result<std::unordered_map<std::string, Id>> SqlDoctors::RegistryIndex() {
  KAKARI_TRY(st, c_.Prepare("SELECT registry_number, id FROM doctors"));
  std::unordered_map<std::string, Id> out;
  for (;;) {
    KAKARI_TRY(row, st->Step());
    if (!row) break;
    out.emplace(st->Text(0), st->Int(1));
  }
  return out;
}

Result<int64_t> SqlDoctors::Count() {
  KAKARI_TRY(st, c_.Prepare("SELECT COUNT(*) FROM doctors"));
  KAKARI_TRY(row, st->Step());
  (void)row;
  int64_t n = st->Int(0);
  st->Reset();
  return n;
}

Result<std::vector<Id>> SqlDoctors::AllIds() {
  KAKARI_TRY(st, c_.Prepare("SELECT id FROM doctors ORDER BY id"));
  return CollectRows<Id>(*st, [](Statement& row) { return row.Int(0); });
}

}  // namespace kakari::storage::sql
