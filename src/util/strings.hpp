// Tiny string helpers on std only. Thread-safe (no state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kakari::util {

// Removes ASCII spaces, tabs, CR and LF from both ends.
std::string_view Trim(std::string_view s);

// Splits on every occurrence of `sep`; empty fields are kept.
std::vector<std::string_view> Split(std::string_view s, char sep);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// True when every byte is an ASCII digit and s is not empty.
bool IsAsciiDigits(std::string_view s);

// %XX-decodes (for header values such as X-File-Name); '+' stays '+'.
std::string PercentDecode(std::string_view s);
// %XX-encodes all but unreserved ASCII (RFC 3986), e.g. for filename*=.
std::string PercentEncode(std::string_view s);

// Escapes &, <, > and " for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

// Escapes a string for inclusion inside a JSON string literal (no quotes).
std::string JsonEscape(std::string_view s);

// One CSV field, always quoted, quotes doubled (RFC 4180).
std::string CsvField(std::string_view s);
// The same for files opened in a spreadsheet: text that Excel would take
// for a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
std::string SpreadsheetCsvField(std::string_view s);

}  // namespace kakari::util
