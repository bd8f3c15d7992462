// Migration 9: notices (each person's inbox and the e-mail outbox) and the
// preference to turn reminders and digests off. Times are Unix seconds, as
// the outbox compares them with the clock.
#include "storage/sqlite/schema_sql.hpp"

namespace kakari::storage::sqlite {

namespace {

constexpr const char* kMigration9 = R"sql(
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  fields TEXT NOT NULL,
  link TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  email TEXT NOT NULL DEFAULT '',
  delivery TEXT NOT NULL
    CHECK (delivery IN ('inbox', 'pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at INTEGER
);
CREATE INDEX notices_inbox ON notices(user_id, id);
CREATE INDEX notices_outbox ON notices(delivery, next_attempt_at)
  WHERE delivery IN ('pending', 'sending', 'failed');
CREATE UNIQUE INDEX notices_once_per_period ON notices(user_id, kind, period) WHERE period <> '';
CREATE TABLE notice_preferences (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  reminders INTEGER NOT NULL
);
)sql";

// 10: the short verification code printed for typing (core/domain/verify_code).
// New certificates take it from their signature; those issued before get a
// random one (hex digits are Crockford base32 digits too). It never changes.
constexpr const char* kMigration10 = R"sql(
ALTER TABLE certificates ADD COLUMN verify_code TEXT;
UPDATE certificates SET verify_code = hex(randomblob(5));
CREATE UNIQUE INDEX certificates_verify_code ON certificates(verify_code);
CREATE TRIGGER certificates_code_fixed BEFORE UPDATE OF verify_code ON certificates
  WHEN OLD.verify_code IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a verification code never changes'); END;
)sql";

// 11: how an association is reached (core/domain/contact), printed as the
// sender on mail labels; empty until its administrators enter it.
constexpr const char* kMigration11 = R"sql(
ALTER TABLE organisations ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

std::vector<std::string> NoticeScripts() { return {kMigration9, kMigration10, kMigration11}; }

}  // namespace kakari::storage::sqlite
