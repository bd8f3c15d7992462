#include "core/domain/proof_file.hpp"

#include "util/strings.hpp"

namespace kakari::core {

Result<std::string> DetectProofType(std::string_view bytes) {
  if (bytes.size() > kMaxProofBytes) {
    return Fail(ErrorCode::kTooLarge, "ファイルが大きすぎます（10MBまで）",
                "the file is too large (10 MB at most)", "file");
  }
  if (util::StartsWith(bytes, "%PDF-")) return std::string("application/pdf");
  if (util::StartsWith(bytes, "\x89PNG\r\n\x1a\n")) return std::string("image/png");
  if (util::StartsWith(bytes, "\xFF\xD8\xFF")) return std::string("image/jpeg");
  return Fail(ErrorCode::kUnsupportedFormat,
              "PDF・JPEG・PNGのファイルを添付してください（内容から判定しています）",
              "attach a PDF, JPEG or PNG file (the type is read from the content)", "file");
}

std::string SafeFileName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (unsigned char c : name) {
    if (c >= 0x20 && c != 0x7F && c != '"') out += static_cast<char>(c);
  }
  if (out.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? "file" : out;
}

}  // namespace kakari::core
