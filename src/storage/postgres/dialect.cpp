#include "storage/postgres/dialect.hpp"

#include <algorithm>
#include <cctype>

namespace kakari::storage::postgres {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string NumberPlaceholders(std::string_view sql, int& parameters) {
  std::string out;
  out.reserve(sql.size() + 16);
  bool in_string = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_string = !in_string;
    if (in_string || c != '?') {
      out += c;
      continue;
    }
    size_t j = i + 1;
    while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
    int n = j > i + 1 ? std::stoi(std::string(sql.substr(i + 1, j - i - 1))) : parameters + 1;
    parameters = std::max(parameters, n);
    out += '$';
    out += std::to_string(n);
    i = j - 1;
  }
  return out;
}

// Only a plain INSERT ... VALUES with no conflict clause of its own: an
// INSERT ... SELECT may rightly insert nothing.
bool IsPlainInsert(const std::string& upper) {
  size_t start = upper.find_first_not_of(" \n\t");
  return start != std::string::npos && upper.compare(start, 6, "INSERT") == 0 &&
         upper.find(" VALUES") != std::string::npos &&
         upper.find("ON CONFLICT") == std::string::npos;
}

}  // namespace

TranslatedSql TranslateSql(std::string_view sql) {
  TranslatedSql out;
  out.text = NumberPlaceholders(sql, out.parameters);
  std::string upper = Upper(out.text);
  if (IsPlainInsert(upper)) {
    size_t returning = upper.rfind(" RETURNING ");
    if (returning == std::string::npos) {
      out.text += " ON CONFLICT DO NOTHING";
    } else {
      out.text.insert(returning, " ON CONFLICT DO NOTHING");
    }
    out.duplicate_means_no_row = true;
  }
  return out;
}

}  // namespace kakari::storage::postgres
