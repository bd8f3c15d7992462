// The rows of the in-memory store: one plain struct holding every table, so
// that a unit of work can copy it on begin and put it back on commit (a
// whole-state snapshot: simple, and plenty for tests' small registries).
// Test-only. Not thread-safe: each unit of work owns its copy.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/ports/store.hpp"

namespace kakari::core::testing {

// The review fields all three kinds of item share (ReviewItem without the
// kind, id, doctor and the association's code, which are read on the way out).
struct ReviewFields {
  ReviewStatus status = ReviewStatus::kSubmitted;
  int64_t version = 1;
  Id routed_to = 0;
  std::string channel = "online";
  std::string submitted_at;
  std::string last_reason;
};

struct ActivityRow {
  Id doctor_id = 0;
  ActivityInput input;  // file_ids unused: files say what they are attached to
  ReviewFields review;
};

struct DeclarationRow {
  Id doctor_id = 0;
  DeclarationInput input;
  std::optional<Id> lecture_credit_id;
  ReviewFields review;
};

struct ApplicationRow {
  NewApplication application;
  ApplicationSnapshot snapshot;
  std::optional<Id> scan_file_id;
  ReviewFields review;
};

struct HistoryRow {
  ReviewKind kind = ReviewKind::kApplication;
  Id item_id = 0;
  HistoryEntry entry;
};

struct CreditRow {
  Id doctor_id = 0;
  Id lecture_id = 0;
  int32_t taken_on_days = 0;
  int32_t half_units = 0;
  int16_t curriculum_code = -1;
  Id import_id = 0;
};

struct CodeRow {
  OneTimeCodeRecord record;
  std::optional<int64_t> used_at;
  bool cancelled = false;
};

struct FileRow {
  StoredFileMeta meta;
  std::string bytes;
};

struct CertificateRow {
  Certificate certificate;  // mailed_at is read from the batch
  std::optional<Id> mail_batch_id;
  std::string status_changed_at;  // as storage writes updated_at
};

struct MailBatchRow {
  Id association_id = 0;
  Id created_by = 0;
  std::string created_at;
  std::optional<std::string> sent_at;
};

struct MemoryTables {
  std::map<Id, Organisation> organisations;
  std::map<Id, Doctor> doctors;
  std::map<Id, Institution> institutions;
  std::map<Id, Affiliation> affiliations;
  std::map<Id, std::pair<std::string, std::string>> lectures;  // title, organiser
  std::map<Id, std::string> credit_imports;                    // source
  std::map<Id, CreditRow> credits;
  // doctor, taken_on, lecture, half_units: a credit's identity.
  std::set<std::tuple<Id, int32_t, Id, int32_t>> credit_identities;
  std::vector<ActivityCategory> categories;
  std::map<Id, ActivityRow> activities;
  std::map<Id, DeclarationRow> declarations;
  std::map<Id, ApplicationRow> applications;
  std::vector<HistoryRow> history;
  std::map<std::string, Programme> programmes;
  std::string current_programme;
  std::map<Id, UserRecord> users;  // organisation_code is read from organisations
  std::map<std::string, SessionRecord> sessions;
  std::map<std::string, ThrottleState> throttles;
  std::map<Id, CodeRow> codes;
  std::map<Id, ApiTokenRecord> tokens;
  std::map<Id, FileRow> files;
  std::vector<AuditRecord> audit;
  std::map<std::string, RoutingRule> routing;
  std::map<std::pair<Id, std::string>, IdempotencyRecord> idempotency;
  std::map<Id, CertificateRow> certificates;
  std::map<std::pair<std::string, int>, int64_t> certificate_counters;
  CertificateSettings certificate_settings;
  std::map<Id, Signatory> signatories;
  std::vector<SigningKeyRecord> signing_keys;  // in order of publication
  std::map<Id, MailBatchRow> mail_batches;
  std::map<Id, Notice> notices;
  std::set<Id> reminders_off;  // users who turned reminders and digests off

  // False in a read-only unit of work: every write is refused, as a
  // server database refuses writes in a READ ONLY transaction.
  bool writable = true;
  [[nodiscard]] Status Writable() const;
};

// The id the next row of `table` gets: one past the largest.
template <class Map>
Id NextId(const Map& table) {
  return table.empty() ? 1 : table.rbegin()->first + 1;
}

// Stores `row` under the next id, which it also gets; returns the id.
template <class Map, class Row>
Id InsertWithNextId(Map& table, Row row) {
  row.id = NextId(table);
  Id id = row.id;
  table[id] = std::move(row);
  return id;
}

// The row under `id`, if any.
template <class Map>
std::optional<typename Map::mapped_type> FindRow(const Map& table, Id id) {
  auto it = table.find(id);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

// The time now as storage writes it: "2026-06-01T00:00:00Z", or with
// milliseconds.
std::string NowIso(bool millis = false);

// What a unique index refuses.
Error AlreadyRecorded(std::string ja = "既に登録されています", std::string en = "already recorded",
                      std::string field = "");

// Whether `code` is under `prefix` (association codes are digits).
inline bool CodeUnder(std::string_view code, std::string_view prefix) {
  return code.substr(0, prefix.size()) == prefix;
}

}  // namespace kakari::core::testing
