// Login, sessions and imports with the fakes: throttling by the fixed clock,
// the words a failed login shows, who may import, and the audit record each
// import leaves.
#include <gtest/gtest.h>

#include "core/services/auth_service.hpp"
#include "core/services/credit_import.hpp"
#include "core/services/doctor_import.hpp"
#include "core/testing/service_fixture.hpp"
#include "core/testing/table_source.hpp"

namespace kakari::core {
namespace {

using testing::ServiceTest;
using testing::TableSource;

class AuthServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    UserRecord u;
    u.login = "reviewer-13";
    u.role = Role::kReviewer;
    u.organisation_id = (*(*store_->Begin(false))->Organisations().FindByCode("13"))->id;
    ASSERT_TRUE(CreateUser(deps(), u, "correct horse battery").has_value());
  }
  AuthPolicies policies_;
};

TEST_F(AuthServiceTest, ASessionLastsUntilItIsIdleTooLong) {
  auto ok = Login(deps(), policies_, "reviewer-13", "correct horse battery", "192.0.2.9");
  ASSERT_TRUE(ok.session.has_value());
  EXPECT_EQ(ok.delay_ms, 0);
  EXPECT_EQ(ok.session->principal.role, Role::kReviewer);
  EXPECT_EQ(ok.session->principal.organisation_code, "13");
  ASSERT_TRUE(AuthenticateSession(deps(), policies_.session, ok.session->token).has_value());
  clock_.Advance(policies_.session.idle_seconds + 1);
  auto idle = AuthenticateSession(deps(), policies_.session, ok.session->token);
  ASSERT_FALSE(idle.has_value());
  EXPECT_EQ(idle.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, WrongPasswordsSlowDownThenRefuseAndSayNothingAboutTheAccount) {
  auto unknown = Login(deps(), policies_, "nobody", "whatever", "192.0.2.9");
  auto wrong = Login(deps(), policies_, "reviewer-13", "wrong", "192.0.2.9");
  ASSERT_FALSE(unknown.session.has_value());
  ASSERT_FALSE(wrong.session.has_value());
  // The same words whether the login exists or not.
  EXPECT_EQ(unknown.session.error().message_ja, wrong.session.error().message_ja);
  EXPECT_EQ(wrong.session.error().message_ja, "ログインIDまたはパスワードが違います");
  EXPECT_EQ(wrong.session.error().message_en, "the login ID or password is wrong");
  int64_t last_delay = 0;
  for (int i = 2; i < policies_.throttle.refuse_after; ++i) {
    auto again = Login(deps(), policies_, "reviewer-13", "wrong", "192.0.2.9");
    EXPECT_GE(again.delay_ms, last_delay);

    last_delay = again.delay_ms;
  }
  EXPECT_EQ(last_delay, 2800);  // 400 ms more for each failure from the third
  // The tenth failure is the last one answered; then even the right
  // password is refused until the window passes.
  EXPECT_FALSE(Login(deps(), policies_, "reviewer-13", "wrong", "192.0.2.9").session);
  auto refused = Login(deps(), policies_, "reviewer-13", "correct horse battery", "192.0.2.9");
  ASSERT_FALSE(refused.session.has_value());
  EXPECT_EQ(refused.session.error().code, ErrorCode::kRateLimited);
  EXPECT_GT(refused.session.error().retry_after_seconds, 0);
  // The window passes on the fixed clock: the right password works again.
  clock_.Advance(policies_.throttle.window_seconds + 1);
  EXPECT_TRUE(
      Login(deps(), policies_, "reviewer-13", "correct horse battery", "192.0.2.9").session);
}

class ImportServiceTest : public ServiceTest {};

TEST_F(ImportServiceTest, CreditsNeedTheImportPermissionAndLeaveOneAuditRecord) {
  NewDoctor("123456");
  auto rows = [] {
    return TableSource({"registry_number", "date", "title", "organizer", "units"},
                       {{"123456", "2026-04-01", "講習A", "東京都医師会", "1.5"},
                        {"123456", "2026-04-01", "講習A", "東京都医師会", "1.5"},
                        {"999999", "2026-04-02", "講習B", "東京都医師会", "1"}});
  };
  auto reviewer_rows = rows();
  auto refused = ImportCredits(deps(), Staff(Role::kReviewer, "13"), reviewer_rows);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(AuditOf("credits.import").empty());

  auto cli_rows = rows();
  auto report = ImportCredits(deps(), CommandLineCaller(), cli_rows);
  ASSERT_TRUE(report.has_value()) << report.error().message_en;
  EXPECT_EQ(report->imported, 1);
  EXPECT_EQ(report->duplicates, 1);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].line, 4);
  auto audit = AuditOf("credits.import");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].actor_role, "operator");
  EXPECT_EQ(audit[0].subject_id, "command line");
  EXPECT_EQ(audit[0].detail, "imported=1 duplicates=1 rejected=1");
}

TEST_F(ImportServiceTest, DoctorsAreImportedByTheJmaOnly) {
  auto rows = [] {
    return TableSource({"registry_number", "name", "kana", "birth_date", "association_code"},
                       {{"654321", "佐藤　一郎", "サトウ　イチロウ", "1980-01-02", "13"}});
  };
  auto admin_rows = rows();
  auto refused = ImportDoctors(deps(), Staff(Role::kAdmin, "13"), admin_rows);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_en, "only JMA administrators may do this");
  auto jma_rows = rows();
  auto report = ImportDoctors(deps(), Staff(Role::kJmaAdmin, "00"), jma_rows);
  ASSERT_TRUE(report.has_value()) << report.error().message_en;
  EXPECT_EQ(report->imported, 1);
  EXPECT_TRUE(report->rejected.empty());
  auto audit = AuditOf("doctors.import");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].actor_role, "jma_admin");
  EXPECT_EQ(audit[0].subject_id, "api");
}

}  // namespace
}  // namespace kakari::core
