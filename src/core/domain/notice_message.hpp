// The words of a notice: templates (files under templates/notices/, built
// into the program and reviewed like code) filled with a notice's fields, as
// the inbox shows them and as an e-mail carries them (Japanese first, English
// beneath; plain text and HTML). Pure; thread-safe.
//
// A template file:
//   subject.ja: 差し戻しのお知らせ
//   subject.en: Returned for correction
//   --- ja
//   {name} 先生 ...
//   --- en
//   Dear Dr {name}, ...
// `{field}` takes a notice field; `{link}` the address in the app. Lines
// starting "> " are quoted (a return's reason, word for word).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/domain/notice.hpp"
#include "core/domain/result.hpp"

namespace kakari::core {

struct NoticeTemplate {
  std::string subject_ja;
  std::string subject_en;
  std::string body_ja;
  std::string body_en;
};

// kInvalidArgument naming what is missing when a subject or body is absent.
[[nodiscard]] Result<NoticeTemplate> ParseNoticeTemplate(std::string_view text);

// The placeholders of `t` that are neither in `allowed` nor `link`.
std::vector<std::string> UnknownPlaceholders(const NoticeTemplate& t,
                                             const std::vector<std::string_view>& allowed);

// One notice in words, each language on its own and the mail's two parts.
struct NoticeMessage {
  std::string subject_ja;
  std::string subject_en;
  std::string text_ja;
  std::string text_en;
  std::string mail_subject;  // "ja / en"
  std::string mail_text;     // ja, a rule, en; then the unsubscribe line if any
  std::string mail_html;     // the same as HTML (escaped, links, quotes)
};

// Fills `t`. `link_url` is the absolute address of the notice's link;
// `unsubscribe_url`, when not empty, ends the mail with a line to turn
// reminders off.
NoticeMessage RenderNotice(const NoticeTemplate& t, const NoticeFields& fields,
                           std::string_view link_url, std::string_view unsubscribe_url);

// The built-in template of `kind` (templates/notices/<name>.txt).
// REQUIRES: every kind has a valid template (checked by notice_message_test).
const NoticeTemplate& BuiltInTemplate(NoticeKind kind);

// The template files' text by kind name, as built into the program.
std::string_view EmbeddedNoticeTemplateText(std::string_view kind_name);

}  // namespace kakari::core
