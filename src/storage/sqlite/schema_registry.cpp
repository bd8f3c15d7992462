// Migrations 1-3 (see schema_sql.hpp).
#include "storage/sqlite/schema_sql.hpp"

namespace kakari::storage::sqlite {

namespace {

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

}  // namespace

std::vector<std::string> RegistryAndWorkflowScripts() {
  return {kMigration1, kMigration2, kMigration3};
}

}  // namespace kakari::storage::sqlite
