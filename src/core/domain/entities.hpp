// The records the registry keeps, as plain values. Storage maps them to
// tables; services read and write them through the ports in core/ports/store.hpp.
// Thread-safe: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/contact.hpp"
#include "core/domain/date.hpp"
#include "core/domain/eligibility.hpp"
#include "core/domain/half_units.hpp"

namespace kakari::core {

using Id = int64_t;

enum class OrgLevel { kNational = 0, kPrefecture = 1, kCounty = 2 };

struct Organisation {
  Id id = 0;
  std::optional<Id> parent_id;  // none for the JMA
  OrgLevel level = OrgLevel::kCounty;
  std::string code;  // "00" JMA, "01".."47" prefectures, "PPnnn" counties
  std::string name_ja;
  std::string name_en;
  OrganisationContact contact{};  // entered by the association's administrators
};

struct Doctor {
  Id id = 0;
  std::string registry_number;           // 医籍登録番号, canonical digits
  std::string name;                      // kanji as written, never folded
  std::string kana;                      // full-width katakana
  std::optional<std::string> member_id;  // none for non-members
  Date birth_date;
  Id home_association_id = 0;
  std::string email;
  std::string postal_code;  // 7 digits or empty
  std::string address;
};

struct Institution {
  Id id = 0;
  std::string code;  // 10-digit medical institution code (prefecture = first two)
  std::string name;
  std::string kana;                 // full-width katakana, may be empty
  std::string kind = "clinic";      // "hospital" | "clinic"
  bool advanced_treatment = false;  // 特定機能病院: outside the report
  std::string postal_code;          // 7 digits or empty
  std::string address;
  // The county association whose area the institution lies in, when known
  // ("13001"); otherwise only its prefecture's staff see it in coverage.
  std::string association_code;
  std::string PrefectureCode() const { return code.substr(0, 2); }
};

// A lecture credit to record. Identity: doctor + date + title + organiser +
// units; a second credit with the same identity is a duplicate.
struct NewLectureCredit {
  Id doctor_id = 0;
  Date taken_on;
  HalfUnits units;
  std::optional<int> curriculum_code;  // 0..84; kept, not used by the training
  std::string title;
  std::string organizer;
};

struct LectureCredit {
  Id id = 0;
  Date taken_on;
  HalfUnits units;
  std::optional<int> curriculum_code;
  std::string title;
  std::string organizer;
};

struct NewActivity {
  Id doctor_id = 0;
  std::string category;  // catalogue code, e.g. "school_doctor"
  std::string description;
  Date started_on;
  std::optional<Date> ended_on;  // none while ongoing
  std::string organisation;
  ActivityStatus status = ActivityStatus::kDraft;
};

using ApplicationStatus = ReviewStatus;  // an application starts submitted
inline const char* ApplicationStatusName(ReviewStatus s) { return ReviewStatusName(s); }

struct NewApplication {
  Id doctor_id = 0;
  std::string programme_code;
  std::string channel;  // "online" | "paper"
  Id routed_to_association_id = 0;
  ApplicationStatus status = ApplicationStatus::kSubmitted;
  Date submitted_on;
};

}  // namespace kakari::core
