#include "core/domain/notice_message.hpp"

#include <algorithm>
#include <map>

#include "util/strings.hpp"

namespace kakari::core {

namespace {

constexpr std::string_view kJaMarker = "--- ja";
constexpr std::string_view kEnMarker = "--- en";

// Trailing blank lines go; a body ends with one newline.
std::string TrimBody(std::string body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
  return body + "\n";
}

// A value placed on a "> " line keeps every one of its lines quoted.
std::string QuoteContinuations(std::string_view value, std::string_view written) {
  size_t line_start = written.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (!util::StartsWith(written.substr(line_start), "> ")) return std::string(value);
  std::string out;
  for (char ch : value) {
    out += ch;
    if (ch == '\n') out += "> ";
  }
  return out;
}

// Replaces every {key} by its value; an unknown key is left as written.
std::string Fill(std::string_view text, const NoticeFields& fields, std::string_view link) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, open - i));
    std::string_view key = text.substr(open + 1, close - open - 1);
    if (key == "link") {
      out.append(link);
    } else if (auto found = std::find_if(fields.begin(), fields.end(),
                                         [&](const auto& f) { return f.first == key; });
               found != fields.end()) {
      out.append(QuoteContinuations(found->second, out));
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  return out;
}

// One line as HTML: an address alone on its line becomes a link.
std::string LineHtml(std::string_view line) {
  std::string_view t = util::Trim(line);
  if (util::StartsWith(t, "https://") || util::StartsWith(t, "http://")) {
    std::string url = util::HtmlEscape(t);
    return "<a href=\"" + url + "\">" + url + "</a>";
  }
  return util::HtmlEscape(line);
}

// Paragraphs at blank lines, line breaks kept, "> " lines quoted.
std::string TextToHtml(std::string_view text) {
  std::string out;
  std::string paragraph;
  std::string quote;
  auto flush = [&] {
    if (!quote.empty())
      out +=
          "<blockquote style=\"border-left:3px solid #999;margin:0 0 1em;"
          "padding-left:1em\">" +
          quote + "</blockquote>\n";
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>\n";
    quote.clear();
    paragraph.clear();
  };
  for (std::string_view line : util::Split(text, '\n')) {
    if (util::Trim(line).empty()) {
      flush();
    } else if (util::StartsWith(line, "> ")) {
      if (!paragraph.empty()) flush();
      quote += (quote.empty() ? "" : "<br>") + LineHtml(line.substr(2));
    } else {
      if (!quote.empty()) flush();
      paragraph += (paragraph.empty() ? "" : "<br>\n") + LineHtml(line);
    }
  }
  flush();
  return out;
}

}  // namespace

Result<NoticeTemplate> ParseNoticeTemplate(std::string_view text) {
  NoticeTemplate t;
  std::string* body = nullptr;
  for (std::string_view line : util::Split(text, '\n')) {
    if (body == nullptr && util::StartsWith(line, "subject.ja:")) {
      t.subject_ja = util::Trim(line.substr(11));
    } else if (body == nullptr && util::StartsWith(line, "subject.en:")) {
      t.subject_en = util::Trim(line.substr(11));
    } else if (util::Trim(line) == kJaMarker) {
      body = &t.body_ja;
    } else if (util::Trim(line) == kEnMarker) {
      body = &t.body_en;
    } else if (body != nullptr) {
      body->append(line).push_back('\n');
    }
  }
  t.body_ja = TrimBody(t.body_ja);
  t.body_en = TrimBody(t.body_en);
  if (t.subject_ja.empty() || t.subject_en.empty() || t.body_ja == "\n" || t.body_en == "\n") {
    return Fail(ErrorCode::kInvalidArgument,
                "お知らせの雛形に件名か本文（日本語・英語）がありません",
                "a notice template lacks a subject or a body (ja and en)");
  }
  return t;
}

std::vector<std::string> UnknownPlaceholders(const NoticeTemplate& t,
                                             const std::vector<std::string_view>& allowed) {
  std::vector<std::string> unknown;
  for (const std::string* part : {&t.subject_ja, &t.subject_en, &t.body_ja, &t.body_en}) {
    size_t i = 0;
    while ((i = part->find('{', i)) != std::string::npos) {
      size_t close = part->find('}', i);
      if (close == std::string::npos) break;
      std::string key = part->substr(i + 1, close - i - 1);
      bool known = key == "link" || std::find(allowed.begin(), allowed.end(), key) != allowed.end();
      if (!known) unknown.push_back(key);
      i = close + 1;
    }
  }
  return unknown;
}

NoticeMessage RenderNotice(const NoticeTemplate& t, const NoticeFields& fields,
                           std::string_view link_url, std::string_view unsubscribe_url) {
  NoticeMessage m;
  m.subject_ja = Fill(t.subject_ja, fields, link_url);
  m.subject_en = Fill(t.subject_en, fields, link_url);
  m.text_ja = Fill(t.body_ja, fields, link_url);
  m.text_en = Fill(t.body_en, fields, link_url);
  m.mail_subject = "【Kakari】" + m.subject_ja + " / " + m.subject_en;
  m.mail_text = m.text_ja + "\n" + std::string(40, '-') + "\n\n" + m.text_en;
  m.mail_html = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"></head><body>\n" +
                TextToHtml(m.text_ja) + "<hr>\n<div lang=\"en\">\n" + TextToHtml(m.text_en) +
                "</div>\n";
  if (!unsubscribe_url.empty()) {
    std::string line_ja = "このお知らせの配信停止（リマインダー・まとめ）: ";
    std::string line_en = "Turn off reminders and digests: ";
    m.mail_text += "\n--\n" + line_ja + std::string(unsubscribe_url) + "\n" + line_en +
                   std::string(unsubscribe_url) + "\n";
    std::string url = util::HtmlEscape(unsubscribe_url);
    m.mail_html += "<hr><p style=\"font-size:small\"><a href=\"" + url +
                   "\">配信停止 / Turn off reminders and digests</a></p>\n";
  }
  m.mail_html += "</body></html>\n";
  return m;
}

const NoticeTemplate& BuiltInTemplate(NoticeKind kind) {
  static const std::map<NoticeKind, NoticeTemplate> templates = [] {
    std::map<NoticeKind, NoticeTemplate> out;
    for (NoticeKind k : AllNoticeKinds()) {
      auto parsed = ParseNoticeTemplate(EmbeddedNoticeTemplateText(NoticeKindName(k)));
      out[k] = parsed ? *parsed : NoticeTemplate{};
    }
    return out;
  }();
  return templates.at(kind);
}

}  // namespace kakari::core
