// Migrations 4-6 (see schema_sql.hpp). The per-item-table triggers of 5
// and 6 are written once and stamped for each of the three tables.
#include "storage/sqlite/schema_sql.hpp"

namespace kakari::storage::sqlite {

namespace {

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

// The three tables whose rows are review items, with their kind's name.
constexpr const char* kItemTables[][2] = {{"practical_activities", "activity"},
                                          {"credit_declarations", "declaration"},
                                          {"completion_applications", "application"}};

// `text` once per item table, {table} and {kind} filled in.
std::string ForEachItemTable(const std::string& text) {
  std::string out;
  for (const auto& [table, kind] : kItemTables) {
    std::string t = text;
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{table}", table},
                                     std::pair<std::string, std::string>{"{kind}", kind}}) {
      for (size_t at = t.find(key); at != std::string::npos; at = t.find(key, at)) {
        t.replace(at, key.size(), value);
      }
    }
    out += t;
  }
  return out;
}

// 5: per (association, kind, status) counts of review items, kept by
// triggers, so that the queue's total is a sum over the association's rows
// instead of a scan of every matching item.
std::string Migration5() {
  return R"sql(
CREATE TABLE review_counts (
  routed_to INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (routed_to, kind, status)
) WITHOUT ROWID;
)sql" + ForEachItemTable(R"sql(
CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table}
  WHEN NEW.routed_to_association_id IS NOT NULL BEGIN
  INSERT INTO review_counts VALUES (NEW.routed_to_association_id, '{kind}', NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER {table}_count_update AFTER UPDATE OF status, routed_to_association_id ON {table}
  BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = '{kind}' AND status = OLD.status;
  INSERT INTO review_counts SELECT NEW.routed_to_association_id, '{kind}', NEW.status, 1
    WHERE NEW.routed_to_association_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} BEGIN
  UPDATE review_counts SET n = n - 1 WHERE routed_to = OLD.routed_to_association_id
    AND kind = '{kind}' AND status = OLD.status;
END;
INSERT INTO review_counts SELECT routed_to_association_id, '{kind}', status, COUNT(*)
  FROM {table} WHERE routed_to_association_id IS NOT NULL GROUP BY 1, 3;
)sql");
}

// 6: generation counters, one per prefecture and one for the whole country
// (''), bumped by any change a queue page shows: review items (their
// prefecture's and the national counter), doctors' names and associations
// (every counter: rare). For the queue page cache (queue_cache.hpp).
std::string Migration6() {
  constexpr const char* kPrefectureOf = "(SELECT substr(code, 1, 2) FROM organisations WHERE id = ";
  std::string new_pref = std::string(kPrefectureOf) + "NEW.routed_to_association_id)";
  std::string old_pref = std::string(kPrefectureOf) + "OLD.routed_to_association_id)";
  std::string bump = "UPDATE review_generation SET n = n + 1 WHERE prefecture IN ('', ";
  return R"sql(
CREATE TABLE review_generation (prefecture TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO review_generation SELECT '', 0;
INSERT INTO review_generation SELECT code, 0 FROM organisations WHERE length(code) = 2 AND code <> '00';
)sql" +
         ForEachItemTable(
             "CREATE TRIGGER {table}_generation_insert AFTER INSERT ON {table} BEGIN\n  " + bump +
             new_pref +
             ");\nEND;\n"
             "CREATE TRIGGER {table}_generation_update AFTER UPDATE ON {table} BEGIN\n  " +
             bump + new_pref + ", " + old_pref +
             ");\nEND;\n"
             "CREATE TRIGGER {table}_generation_delete AFTER DELETE ON {table} BEGIN\n  " +
             bump + old_pref + ");\nEND;\n") +
         R"sql(
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
}

}  // namespace

std::vector<std::string> CertificateAndQueueScripts() {
  return {kMigration4, Migration5(), Migration6()};
}

}  // namespace kakari::storage::sqlite
