// Printable documents as data: core decides every word; the renderer
// (core/ports/renderer.hpp) lays them out. Thread-safe value types.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/domain/result.hpp"

namespace kakari::core {

struct CertificateDocument {
  std::string title = "修了証";
  std::string name;
  std::vector<std::string> personal_lines;  // birth date, registry number (as configured)
  std::string programme;
  std::string statement;
  // The statement in phrases (文節): lines break only between them.
  std::vector<std::string> statement_phrases;
  // What was completed: each part's units and the completion date, as
  // label/value pairs ("座学研修（知識）", "6.5単位").
  std::vector<std::pair<std::string, std::string>> completed;
  std::string issued_wareki;   // 令和8年1月15日
  std::string issued_western;  // （2026年1月15日）, may be empty
  std::string signatory_title;
  std::string signatory_name;
  std::string number;
  std::string version_note;  // for a reissue
  std::string qr_text;       // the verification URL with the signed payload
  std::string short_url;     // printed under the QR code: https://host/v/<code>
  std::string verify_code;   // "7K3M9-QX2AB", printed beside the address
  std::string seal_image;    // PNG or JPEG bytes, may be empty
};

// One address label (Japanese postal layout: 〒, address, name + 様).
struct MailLabel {
  std::string postal_code;  // "100-0001"
  std::string address;
  std::string name;
  std::string sender;            // the association that mails it (差出人)
  std::string enclosure;         // "修了証在中", printed in a red box
  std::string sender_address{};  // SenderAddressLine of the sender; may be empty
};

// A paper form (blank or pre-filled): labelled fields, one table, a
// declaration and a signature line. Empty values print as blank boxes.
struct PaperForm {
  std::string title;      // 修了申請書
  std::string addressee;  // 〇〇医師会長　殿
  std::string intro;
  std::vector<std::pair<std::string, std::string>> fields;  // label, value
  std::string table_title;
  std::vector<std::string> table_headers;
  std::vector<double> table_widths;  // fractions of the width, one per header
  std::vector<std::vector<std::string>> table_rows;
  int blank_rows = 0;  // empty rows after the filled ones
  std::string declaration;
  std::string footer;
};

// The G-MIS answer sheet (回答確認票): what the institution answers, for
// which day, and the completed doctors with a QR code to verify each.
struct AnswerSheetRow {
  std::string name;
  std::string registry_number;
  std::string certificate_number;
  std::string issued;   // 令和8年1月15日
  std::string qr_text;  // the verification URL with the signed payload
};

struct AnswerSheetDocument {
  std::string title = "G-MIS 回答確認票";
  std::string question;                                     // the G-MIS item
  std::vector<std::pair<std::string, std::string>> fields;  // label, value
  std::string answer;  // 有り / 無し / 報告対象外（…）
  std::string table_title;
  std::vector<AnswerSheetRow> completed;
  std::vector<std::string> notes;
  std::string footer;
};

}  // namespace kakari::core
