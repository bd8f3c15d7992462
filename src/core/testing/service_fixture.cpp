#include "core/testing/service_fixture.hpp"

#include "core/services/registry_setup.hpp"

namespace kakari::core::testing {

ServiceTest::ServiceTest() : store_(MakeTestStore()) {
  EXPECT_TRUE(SeedRegistry(*store_).has_value());
}

namespace {

// A real account, so that audit records and histories can name it.
Id AddUser(UnitOfWork& uow, Role role, std::optional<Id> doctor, std::optional<Id> org,
           std::optional<Id> institution = std::nullopt) {
  static int n = 0;
  UserRecord u;
  u.login = "test-user-" + std::to_string(++n);
  u.role = role;
  u.doctor_id = doctor;
  u.organisation_id = org;
  u.institution_id = institution;
  auto id = uow.Users().Insert(u);
  EXPECT_TRUE(id.has_value());
  return id ? *id : 0;
}

}  // namespace

Caller ServiceTest::Staff(Role role, std::string_view code) {
  auto uow = *store_->Begin(true);
  auto org = *uow->Organisations().FindByCode(code);
  EXPECT_TRUE(org.has_value()) << code;
  Caller c;
  c.principal.user_id =
      AddUser(*uow, role, std::nullopt, org ? std::optional<Id>(org->id) : std::nullopt);
  EXPECT_TRUE(uow->Commit().has_value());
  c.principal.role = role;
  c.principal.organisation_id = org ? std::optional<Id>(org->id) : std::nullopt;
  c.principal.organisation_code = std::string(code);
  c.remote_address = "192.0.2.1";
  return c;
}

Caller ServiceTest::NewDoctor(std::string_view registry_number, std::string_view code) {
  auto uow = *store_->Begin(true);
  auto org = *uow->Organisations().FindByCode(code);
  EXPECT_TRUE(org.has_value()) << code;
  Doctor d{0,
           std::string(registry_number),
           "髙橋　花子",
           "タカハシ　ハナコ",
           std::nullopt,
           Date{1975, 5, 5},
           org ? org->id : 0,
           "",
           "",
           ""};
  auto id = uow->Doctors().Insert(d);
  EXPECT_TRUE(id.has_value());
  Caller c;
  c.principal.user_id =
      AddUser(*uow, Role::kDoctor, id ? std::optional<Id>(*id) : std::nullopt, std::nullopt);
  EXPECT_TRUE(uow->Commit().has_value());
  c.principal.role = Role::kDoctor;
  c.principal.doctor_id = id ? std::optional<Id>(*id) : std::nullopt;
  c.remote_address = "192.0.2.2";
  return c;
}

Caller ServiceTest::InstitutionUser(Id institution_id) {
  auto uow = *store_->Begin(true);
  Caller c;
  c.principal.user_id =
      AddUser(*uow, Role::kInstitution, std::nullopt, std::nullopt, institution_id);
  EXPECT_TRUE(uow->Commit().has_value());
  c.principal.role = Role::kInstitution;
  c.principal.institution_id = institution_id;
  c.remote_address = "192.0.2.3";
  return c;
}

Id ServiceTest::AddClinic(std::string_view code, std::string_view name,
                          std::string_view association_code) {
  auto uow = *store_->Begin(true);
  Institution i;
  i.code = std::string(code);
  i.name = std::string(name);
  i.association_code = std::string(association_code);
  auto id = uow->Institutions().Insert(i);
  EXPECT_TRUE(id.has_value());
  EXPECT_TRUE(uow->Commit().has_value());
  return id.value_or(0);
}

std::vector<AuditRecord> ServiceTest::AuditOf(std::string_view action) {
  std::vector<AuditRecord> out;
  auto uow = *store_->Begin(false);
  EXPECT_TRUE(uow->Audit()
                  .ForEach([&](const AuditRecord& r) {
                    if (r.action == action) out.push_back(r);
                    return true;
                  })
                  .has_value());
  return out;
}

}  // namespace kakari::core::testing
