#include "storage/sqlite/migrations.hpp"

#include <array>
#include <string>

namespace kakari::storage::sqlite {

namespace {

#define KAKARI_NOW "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))"

// 1: organisations, programmes, doctors, institutions, the lecture ledger.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES organisations(id),
  level INTEGER NOT NULL CHECK (level IN (0, 1, 2)),  -- JMA, prefecture, county
  code TEXT NOT NULL UNIQUE,
  name_ja TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
CREATE INDEX organisations_parent ON organisations(parent_id);

CREATE TABLE programmes (
  code TEXT PRIMARY KEY,
  name_ja TEXT NOT NULL,
  name_en TEXT NOT NULL,
  units_per_activity_halves INTEGER NOT NULL CHECK (units_per_activity_halves > 0),
  min_lecture_halves INTEGER NOT NULL CHECK (min_lecture_halves >= 0),
  min_practical_activities INTEGER NOT NULL CHECK (min_practical_activities >= 0),
  required_total_halves INTEGER NOT NULL CHECK (required_total_halves > 0),
  window_from TEXT,
  window_to TEXT,
  certificate_validity_years INTEGER,
  is_current INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;

CREATE TABLE doctors (
  id INTEGER PRIMARY KEY,
  registry_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kana TEXT NOT NULL,
  name_key TEXT NOT NULL,   -- core::SearchKey(name)
  kana_key TEXT NOT NULL,   -- core::SearchKey(kana)
  member_id TEXT UNIQUE,
  birth_date TEXT NOT NULL,
  home_association_id INTEGER NOT NULL REFERENCES organisations(id),
  email TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
CREATE INDEX doctors_home ON doctors(home_association_id);
CREATE INDEX doctors_name_key ON doctors(name_key);
CREATE INDEX doctors_kana_key ON doctors(kana_key);

CREATE TABLE institutions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('hospital', 'clinic', 'dental_clinic')),
  exempt_from_report INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;

CREATE TABLE affiliations (
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  PRIMARY KEY (doctor_id, institution_id)
) WITHOUT ROWID;
CREATE INDEX affiliations_institution ON affiliations(institution_id, doctor_id);

-- A lecture is a (title, organiser) pair; many doctors attend the same one.
CREATE TABLE lectures (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  organizer TEXT NOT NULL,
  UNIQUE (title, organizer)
);

-- One row per import (a CSV file, the demo, later a nightly API load): the
-- provenance of every credit, kept once rather than on each of 10M rows.
CREATE TABLE credit_imports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;

CREATE TABLE lecture_credits (
  id INTEGER PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  lecture_id INTEGER NOT NULL REFERENCES lectures(id),
  taken_on INTEGER NOT NULL,  -- days since 1970-01-01 (compact: 10M rows)
  half_units INTEGER NOT NULL CHECK (half_units > 0),
  curriculum_code INTEGER CHECK (curriculum_code BETWEEN 0 AND 84),
  import_id INTEGER REFERENCES credit_imports(id)
);
-- The credit's identity, and the covering index for per-doctor sums by date.
CREATE UNIQUE INDEX lecture_credits_identity
  ON lecture_credits(doctor_id, taken_on, lecture_id, half_units);

-- Lecture units per doctor and fiscal year, maintained by the storage layer
-- on every credit insert, so that eligibility for everyone reads ~1.4M small
-- rows instead of 10M credits.
CREATE TABLE doctor_lecture_totals (
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  fiscal_year INTEGER NOT NULL,
  half_units INTEGER NOT NULL,
  PRIMARY KEY (doctor_id, fiscal_year)
) WITHOUT ROWID;

-- All-time lecture units per doctor, kept with the fiscal-year totals: the
-- default programme has no window, and everyone's eligibility then reads one
-- small row per doctor.
CREATE TABLE doctor_lecture_sums (
  doctor_id INTEGER PRIMARY KEY REFERENCES doctors(id),
  half_units INTEGER NOT NULL
);
)sql";

// 2: the workflow: activities, declarations, applications, certificates,
// accounts, sessions and the audit log.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE practical_activities (
  id INTEGER PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  organisation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN
    ('draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
CREATE INDEX practical_activities_doctor ON practical_activities(doctor_id, status);

CREATE TABLE credit_declarations (
  id INTEGER PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  taken_on TEXT NOT NULL,
  half_units INTEGER NOT NULL CHECK (half_units > 0),
  title TEXT NOT NULL,
  organizer TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN
    ('draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn')),
  lecture_credit_id INTEGER REFERENCES lecture_credits(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
CREATE INDEX credit_declarations_doctor ON credit_declarations(doctor_id, status);

CREATE TABLE completion_applications (
  id INTEGER PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  programme_code TEXT NOT NULL REFERENCES programmes(code),
  channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
  delivery TEXT NOT NULL DEFAULT 'download' CHECK (delivery IN ('download', 'mail')),
  routed_to_association_id INTEGER NOT NULL REFERENCES organisations(id),
  status TEXT NOT NULL CHECK (status IN
    ('submitted', 'returned', 'approved', 'rejected', 'withdrawn')),
  submitted_on TEXT NOT NULL,
  snapshot TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
CREATE INDEX completion_applications_doctor ON completion_applications(doctor_id);
CREATE INDEX completion_applications_queue
  ON completion_applications(routed_to_association_id, status);

CREATE TABLE certificates (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES completion_applications(id),
  number TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('valid', 'superseded', 'revoked')),
  issued_on TEXT NOT NULL,
  name_snapshot TEXT NOT NULL,
  revoked_reason TEXT,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  UNIQUE (number, version)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT,  -- Argon2id (libsodium crypto_pwhash_str); NULL until first login
  kind TEXT NOT NULL CHECK (kind IN ('doctor', 'staff', 'jma', 'institution')),
  doctor_id INTEGER REFERENCES doctors(id),
  organisation_id INTEGER REFERENCES organisations(id),
  institution_id INTEGER REFERENCES institutions(id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('doctor', 'reviewer', 'admin', 'jma_admin', 'institution')),
  organisation_id INTEGER REFERENCES organisations(id),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER,
  actor_role TEXT,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  remote_address TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";


// 3: accounts, sessions and credentials; routing; the review workflow's
// routing, history, proof files and idempotency keys. (Schema 2 had no
// sessions in use, so that table is rebuilt with integer times.)
constexpr const char* kMigration3 = R"sql(
DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'doctor'
  CHECK (role IN ('doctor', 'reviewer', 'admin', 'jma_admin', 'institution'));
CREATE INDEX users_doctor ON users(doctor_id);

CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE one_time_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  cancelled INTEGER NOT NULL DEFAULT 0,
  issued_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(
);
CREATE INDEX one_time_codes_user ON one_time_codes(user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE activity_categories (
  code TEXT PRIMARY KEY,
  name_ja TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO activity_categories(code, name_ja, name_en, sort_order) VALUES
  ('school_doctor', '学校医', 'School doctor', 1),
  ('vaccination', '予防接種', 'Vaccinations', 2),
  ('home_care', '在宅医療', 'Home care', 3),
  ('holiday_night_clinic', '休日・夜間急患診療', 'Night and holiday clinic', 4),
  ('care_certification_board', '介護認定審査会', 'Care-certification board', 5),
  ('industrial_doctor', '産業医', 'Occupational physician', 6),
  ('health_checkup', '健診・検診', 'Health check-ups', 7),
  ('simulation_training', 'シミュレーションラボ研修', 'Simulation-lab training', 8),
  ('other_community', 'その他の地域活動', 'Other community activity', 9);

CREATE TABLE routing_rules (
  prefecture_code TEXT PRIMARY KEY,
  members TEXT NOT NULL CHECK (members IN ('county', 'prefecture')),
  non_members TEXT NOT NULL CHECK (non_members IN ('county', 'prefecture')),
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(
);

CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  operation TEXT NOT NULL,
  result_id INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

CREATE TABLE stored_files (
  id INTEGER PRIMARY KEY,
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  doctor_id INTEGER REFERENCES doctors(id),
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  attached_kind TEXT CHECK (attached_kind IN ('application', 'activity', 'declaration')),
  attached_id INTEGER,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(
);
CREATE INDEX stored_files_attached ON stored_files(attached_kind, attached_id);

CREATE TABLE review_history (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('application', 'activity', 'declaration')),
  item_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_user_id INTEGER REFERENCES users(id),
  actor_role TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_history_item ON review_history(kind, item_id);

ALTER TABLE practical_activities ADD COLUMN routed_to_association_id INTEGER
  REFERENCES organisations(id);
ALTER TABLE practical_activities ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE practical_activities ADD COLUMN submitted_at TEXT;
ALTER TABLE practical_activities ADD COLUMN last_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_declarations ADD COLUMN routed_to_association_id INTEGER
  REFERENCES organisations(id);
ALTER TABLE credit_declarations ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE credit_declarations ADD COLUMN submitted_at TEXT;
ALTER TABLE credit_declarations ADD COLUMN last_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE completion_applications ADD COLUMN submitted_at TEXT;
ALTER TABLE completion_applications ADD COLUMN last_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE completion_applications ADD COLUMN routing_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE completion_applications ADD COLUMN lecture_halves INTEGER;
ALTER TABLE completion_applications ADD COLUMN total_halves INTEGER;
ALTER TABLE completion_applications ADD COLUMN scan_file_id INTEGER REFERENCES stored_files(id);

-- Rows written by schema 2 (the demo): routed to the home association.
UPDATE practical_activities SET submitted_at = created_at, routed_to_association_id =
  (SELECT home_association_id FROM doctors WHERE doctors.id = practical_activities.doctor_id);
UPDATE credit_declarations SET submitted_at = created_at, routed_to_association_id =
  (SELECT home_association_id FROM doctors WHERE doctors.id = credit_declarations.doctor_id);
UPDATE completion_applications SET submitted_at = submitted_on || 'T00:00:00Z';

CREATE TABLE application_activities (
  application_id INTEGER NOT NULL REFERENCES completion_applications(id),
  activity_id INTEGER NOT NULL REFERENCES practical_activities(id),
  PRIMARY KEY (application_id, activity_id)
) WITHOUT ROWID;

CREATE INDEX practical_activities_queue
  ON practical_activities(routed_to_association_id, status, submitted_at);
CREATE INDEX credit_declarations_queue
  ON credit_declarations(routed_to_association_id, status, submitted_at);
DROP INDEX completion_applications_queue;
CREATE INDEX completion_applications_queue
  ON completion_applications(routed_to_association_id, status, submitted_at);

-- The review queue: every item staff can act on, one shape.
CREATE VIEW review_items AS
  SELECT 'application' AS kind, id, doctor_id, status, version,
         routed_to_association_id AS routed_to, channel, submitted_at, last_reason
    FROM completion_applications
  UNION ALL
  SELECT 'activity', id, doctor_id, status, version, routed_to_association_id, channel,
         submitted_at, last_reason
    FROM practical_activities WHERE status <> 'draft'
  UNION ALL
  SELECT 'declaration', id, doctor_id, status, version, routed_to_association_id, channel,
         submitted_at, last_reason
    FROM credit_declarations WHERE status <> 'draft';
)sql";

// 4: certificates: numbering, snapshot as issued, signatories with their
// history, published signing keys, mail batches; the audit log's subject
// index.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE certificate_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number_pattern TEXT NOT NULL,
  show_birth_date INTEGER NOT NULL DEFAULT 1,
  show_registry_number INTEGER NOT NULL DEFAULT 1,
  show_western_date INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
INSERT INTO certificate_settings(id, number_pattern) VALUES (1, '第K{year}-{seq:6}号');

-- Gap-free: the increment is part of the approving transaction.
CREATE TABLE certificate_counters (
  programme_code TEXT NOT NULL REFERENCES programmes(code),
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (programme_code, year)
);

CREATE TABLE signatories (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  name TEXT NOT NULL,
  seal_image BLOB,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
INSERT INTO signatories(effective_from, title, name) VALUES ('2022-06-25', '日本医師会長', '松本　吉郎');

CREATE TABLE signing_keys (
  id TEXT PRIMARY KEY,
  public_key BLOB NOT NULL,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  retired_at TEXT
);

CREATE TABLE mail_batches (
  id INTEGER PRIMARY KEY,
  association_id INTEGER NOT NULL REFERENCES organisations(id),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  sent_at TEXT
);

ALTER TABLE certificates ADD COLUMN doctor_id INTEGER REFERENCES doctors(id);
ALTER TABLE certificates ADD COLUMN programme_code TEXT REFERENCES programmes(code);
ALTER TABLE certificates ADD COLUMN kana TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN birth_date TEXT;
ALTER TABLE certificates ADD COLUMN registry_number TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN programme_name TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signatory_title TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN payload TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN delivery TEXT NOT NULL DEFAULT 'download'
  CHECK (delivery IN ('download', 'mail'));
ALTER TABLE certificates ADD COLUMN mail_batch_id INTEGER REFERENCES mail_batches(id);
CREATE INDEX certificates_doctor ON certificates(doctor_id);
CREATE INDEX certificates_mail ON certificates(delivery, mail_batch_id);

-- What a certificate shows never changes once issued: a reissue is a new
-- version; only status, reason and mailing move.
CREATE TRIGGER certificates_as_issued BEFORE UPDATE OF application_id, number, version,
  issued_on, name_snapshot, doctor_id, programme_code, kana, birth_date, registry_number,
  programme_name, signatory_title, signatory_name, key_id, payload ON certificates
  BEGIN SELECT RAISE(ABORT, 'an issued certificate is immutable'); END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
  BEGIN SELECT RAISE(ABORT, 'certificates are never deleted'); END;

CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id);
)sql";

// 5: per (association, kind, status) counts of review items, kept by
// triggers, so that the queue's total is a sum over the association's rows
// instead of a scan of every matching item.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE review_counts (
  routed_to INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (routed_to, kind, status)
) WITHOUT ROWID;
CREATE TRIGGER practical_activities_count_insert AFTER INSERT ON practical_activities
  WHEN NEW.routed_to_association_id IS NOT NULL BEGIN
  INSERT INTO review_counts VALUES (NEW.routed_to_association_id, 'activity', NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER practical_activities_count_update AFTER UPDATE OF status, routed_to_association_id ON practical_activities
  BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'activity' AND status = OLD.status;
  INSERT INTO review_counts SELECT NEW.routed_to_association_id, 'activity', NEW.status, 1
    WHERE NEW.routed_to_association_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER practical_activities_count_delete AFTER DELETE ON practical_activities BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'activity' AND status = OLD.status;
END;
INSERT INTO review_counts SELECT routed_to_association_id, 'activity', status, COUNT(*)
  FROM practical_activities WHERE routed_to_association_id IS NOT NULL GROUP BY 1, 3;
CREATE TRIGGER credit_declarations_count_insert AFTER INSERT ON credit_declarations
  WHEN NEW.routed_to_association_id IS NOT NULL BEGIN
  INSERT INTO review_counts VALUES (NEW.routed_to_association_id, 'declaration', NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER credit_declarations_count_update AFTER UPDATE OF status, routed_to_association_id ON credit_declarations
  BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'declaration' AND status = OLD.status;
  INSERT INTO review_counts SELECT NEW.routed_to_association_id, 'declaration', NEW.status, 1
    WHERE NEW.routed_to_association_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER credit_declarations_count_delete AFTER DELETE ON credit_declarations BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'declaration' AND status = OLD.status;
END;
INSERT INTO review_counts SELECT routed_to_association_id, 'declaration', status, COUNT(*)
  FROM credit_declarations WHERE routed_to_association_id IS NOT NULL GROUP BY 1, 3;
CREATE TRIGGER completion_applications_count_insert AFTER INSERT ON completion_applications
  WHEN NEW.routed_to_association_id IS NOT NULL BEGIN
  INSERT INTO review_counts VALUES (NEW.routed_to_association_id, 'application', NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER completion_applications_count_update AFTER UPDATE OF status, routed_to_association_id ON completion_applications
  BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'application' AND status = OLD.status;
  INSERT INTO review_counts SELECT NEW.routed_to_association_id, 'application', NEW.status, 1
    WHERE NEW.routed_to_association_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER completion_applications_count_delete AFTER DELETE ON completion_applications BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = 'application' AND status = OLD.status;
END;
INSERT INTO review_counts SELECT routed_to_association_id, 'application', status, COUNT(*)
  FROM completion_applications WHERE routed_to_association_id IS NOT NULL GROUP BY 1, 3;
)sql";

// 6: generation counters, one per prefecture and one for the whole country
// (''), bumped by any change a queue page shows: review items (their
// prefecture's and the national counter), doctors' names and associations
// (every counter: rare). For the queue page cache (queue_cache.hpp).
constexpr const char* kMigration6 = R"sql(
CREATE TABLE review_generation (prefecture TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO review_generation SELECT '', 0;
INSERT INTO review_generation SELECT code, 0 FROM organisations WHERE length(code) = 2 AND code <> '00';
CREATE TRIGGER practical_activities_generation_insert AFTER INSERT ON practical_activities BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id));
END;
CREATE TRIGGER practical_activities_generation_update AFTER UPDATE ON practical_activities BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id),
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER practical_activities_generation_delete AFTER DELETE ON practical_activities BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER credit_declarations_generation_insert AFTER INSERT ON credit_declarations BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id));
END;
CREATE TRIGGER credit_declarations_generation_update AFTER UPDATE ON credit_declarations BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id),
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER credit_declarations_generation_delete AFTER DELETE ON credit_declarations BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER completion_applications_generation_insert AFTER INSERT ON completion_applications BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id));
END;
CREATE TRIGGER completion_applications_generation_update AFTER UPDATE ON completion_applications BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = NEW.routed_to_association_id),
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER completion_applications_generation_delete AFTER DELETE ON completion_applications BEGIN
  UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('',
    (SELECT substr(code, 1, 2) FROM organisations WHERE id = OLD.routed_to_association_id));
END;
CREATE TRIGGER doctors_generation_update AFTER UPDATE OF name, kana, registry_number ON doctors
  BEGIN UPDATE review_generation SET n = n + 1; END;
CREATE TRIGGER organisations_generation_update AFTER UPDATE OF code, name_ja ON organisations
  BEGIN UPDATE review_generation SET n = n + 1; END;
CREATE TRIGGER organisations_generation_insert AFTER INSERT ON organisations
  WHEN length(NEW.code) = 2 BEGIN
  INSERT OR IGNORE INTO review_generation VALUES (NEW.code, 0);
  UPDATE review_generation SET n = n + 1;
END;
)sql";

constexpr std::array<const char*, 6> kMigrations = {kMigration1, kMigration2, kMigration3,
                                                    kMigration4, kMigration5, kMigration6};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

core::Result<int> SchemaVersion(Connection& conn) {
  if (auto s = conn.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
      !s) {
    return tl::unexpected(s.error());
  }
  auto st = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!st) return tl::unexpected(st.error());
  auto row = (*st)->Step();
  if (!row) return tl::unexpected(row.error());
  int v = static_cast<int>((*st)->Int(0));
  (*st)->Reset();
  return v;
}

core::Status Migrate(Connection& conn, int target) {
  if (target < 0) target = LatestSchemaVersion();
  auto current = SchemaVersion(conn);
  if (!current) return tl::unexpected(current.error());
  if (*current > LatestSchemaVersion()) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "このデータベースは新しい版のKakariで作られています",
                      "this database was written by a newer Kakari");
  }
  for (int v = *current + 1; v <= target; ++v) {
    std::string sql = "BEGIN IMMEDIATE;";
    sql += kMigrations[static_cast<size_t>(v - 1)];
    sql += "INSERT INTO schema_migrations(version, applied_at) VALUES (" + std::to_string(v) +
           ", " KAKARI_NOW "); COMMIT;";
    if (auto s = conn.Exec(sql); !s) {
      (void)conn.Exec("ROLLBACK");
      return s;
    }
  }
  return {};
}

}  // namespace kakari::storage::sqlite
