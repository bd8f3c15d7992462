// Migrations 7-8 (see schema_sql.hpp): the institution registry and
// affiliations with a period, a state and who recorded them.
#include "storage/sqlite/schema_sql.hpp"

namespace kakari::storage::sqlite {

namespace {

constexpr const char* kMigration7 = R"sql(
ALTER TABLE institutions ADD COLUMN kana TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN kana_key TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN advanced_treatment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE institutions ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN association_code TEXT NOT NULL DEFAULT '';
-- exempt_from_report stays, now always derived by the storage layer from
-- the code (dental) and advanced_treatment, so coverage reads one index.
UPDATE institutions SET
  advanced_treatment = (exempt_from_report AND substr(code, 3, 1) <> '3'),
  kind = CASE kind WHEN 'dental_clinic' THEN 'clinic' ELSE kind END,
  name_key = name;
CREATE INDEX institutions_reportable ON institutions(exempt_from_report, code);
CREATE INDEX institutions_association ON institutions(association_code, exempt_from_report);

CREATE TABLE affiliations_v7 (
  id INTEGER PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  started_on TEXT,
  ended_on TEXT,
  employment TEXT CHECK (employment IN ('full_time', 'part_time')),
  state TEXT NOT NULL
    CHECK (state IN ('awaiting_institution', 'awaiting_doctor', 'confirmed', 'declined')),
  source TEXT NOT NULL CHECK (source IN ('doctor', 'institution', 'staff', 'import')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql(,
  updated_at TEXT NOT NULL DEFAULT )sql" KAKARI_NOW R"sql()
;
INSERT INTO affiliations_v7(doctor_id, institution_id, state, source, created_at, updated_at)
  SELECT doctor_id, institution_id, 'confirmed', 'import', created_at, created_at
  FROM affiliations;
DROP TABLE affiliations;
ALTER TABLE affiliations_v7 RENAME TO affiliations;
CREATE UNIQUE INDEX affiliations_identity
  ON affiliations(doctor_id, institution_id, COALESCE(started_on, ''));
CREATE INDEX affiliations_institution ON affiliations(institution_id, state);
CREATE INDEX affiliations_confirmed ON affiliations(state, institution_id, doctor_id);
)sql";

// 8: coverage reads every confirmed affiliation with its period from one
// covering index instead of the table.
constexpr const char* kMigration8 = R"sql(
DROP INDEX affiliations_confirmed;
CREATE INDEX affiliations_active
  ON affiliations(state, institution_id, doctor_id, started_on, ended_on);
)sql";

}  // namespace

std::vector<std::string> InstitutionScripts() { return {kMigration7, kMigration8}; }

}  // namespace kakari::storage::sqlite
