// The records of the completion workflow: accounts and sessions, review
// items (activities, credit declarations, applications) with their history,
// proof files, and the inputs doctors and staff send. Plain values.
// Thread-safe: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/access.hpp"
#include "core/domain/auth_policy.hpp"
#include "core/domain/entities.hpp"
#include "core/domain/review_state.hpp"

namespace kakari::core {

struct UserRecord {
  Id id = 0;
  std::string login;          // member ID, e-mail or staff login
  std::string password_hash;  // empty until the first login with a one-time code
  Role role = Role::kDoctor;
  std::optional<Id> doctor_id;
  std::optional<Id> organisation_id;
  std::string organisation_code;  // read from the organisation
  std::optional<Id> institution_id;
  bool disabled = false;
};

struct SessionRecord {
  std::string token_hash;
  Id user_id = 0;
  std::string csrf_hash;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
};

// A session with its user, as read together on every signed-in request.
struct SessionAndUser {
  SessionRecord session;
  UserRecord user;
};

struct OneTimeCodeRecord {
  Id id = 0;
  Id user_id = 0;
  std::string code_hash;
  int64_t expires_at = 0;
  Id issued_by = 0;
};

struct ApiTokenRecord {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  std::string token_hash;
  std::vector<Permission> scopes;
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at;
};

enum class ReviewKind { kApplication, kActivity, kDeclaration };
const char* ReviewKindName(ReviewKind k);
std::optional<ReviewKind> ParseReviewKind(std::string_view name);

// What an item is about, for the lists that name it: an activity's category
// code and organisation, a declaration's title; nothing for an application.
// `has_proof`: a file is attached (an application never has one).
struct ItemSubject {
  std::string category;
  std::string text;
  bool has_proof = false;
};

// What every review item has in common (the queue's row and the decision's
// subject).
struct ReviewItem {
  ReviewKind kind = ReviewKind::kApplication;
  Id id = 0;
  Id doctor_id = 0;
  ReviewStatus status = ReviewStatus::kSubmitted;
  int64_t version = 1;
  Id routed_to = 0;
  std::string routed_to_code;  // association code, for scope checks
  std::string channel;         // "online" | "paper"
  std::string submitted_at;    // UTC ISO
  std::string last_reason;     // the latest return or rejection reason
  ItemSubject subject;
};

struct HistoryEntry {
  std::string at;
  std::optional<ReviewStatus> from;  // none when created
  ReviewStatus to = ReviewStatus::kSubmitted;
  std::string action;
  Id actor_user_id = 0;
  std::string actor_role;
  std::string reason;
  std::string actor_association;  // the name of the actor's association, if any
};

struct ActivityCategory {
  std::string code;
  std::string name_ja;
  std::string name_en;
};

// A practical activity as reported (the review fields are in ReviewItem).
struct ActivityInput {
  std::string category;
  std::string description;
  Date started_on;
  std::optional<Date> ended_on;  // none while ongoing
  std::string organisation;
  std::vector<Id> file_ids;
};

struct DeclarationInput {
  Date taken_on;
  HalfUnits units;
  std::string title;
  std::string organizer;
  std::vector<Id> file_ids;
};

struct StoredFileMeta {
  Id id = 0;
  Id uploaded_by = 0;
  std::optional<Id> doctor_id;  // whose evidence it is, once known
  std::string content_type;
  std::string name;
  int64_t size = 0;
  std::string sha256;
  std::optional<ReviewKind> attached_kind;
  std::optional<Id> attached_id;
};

struct ApplicationSnapshot {
  HalfUnits lecture_units;
  std::vector<Id> activity_ids;  // the approved activities that count
  HalfUnits total_units;
  std::string routing_reason;
};

struct QueueFilter {
  std::optional<ReviewKind> kind;
  std::optional<ReviewStatus> status;
  std::optional<std::string> channel;
  std::string association_prefix;               // the viewer's scope ("" = all)
  std::optional<std::string> association_code;  // narrower, inside the scope
  std::optional<std::string> submitted_from;    // ISO dates, inclusive
  std::optional<std::string> submitted_to;
  std::string name_key;               // SearchKey of the query; empty = no search
  std::string sort = "submitted_at";  // "submitted_at" | "name" | "status"
  bool descending = false;
  int page = 1;
  int per_page = 50;
};

struct QueueRow {
  ReviewItem item;
  std::string doctor_name;
  std::string doctor_kana;
  std::string registry_number;
  std::string association_name;
};

struct QueuePage {
  int64_t total = 0;
  std::vector<QueueRow> rows;
};

struct IdempotencyRecord {
  std::string fingerprint;  // of the request that first used the key
  std::string operation;
  Id result_id = 0;
};

}  // namespace kakari::core
