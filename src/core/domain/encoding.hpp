// Byte encodings for hashes, tokens and signed payloads. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kakari::core {

// Lower-case hex; URL-safe base64 without padding (for tokens in cookies).
std::string HexEncode(std::string_view bytes);
std::string Base64Url(std::string_view bytes);
// The inverse of Base64Url; nullopt on a character outside its alphabet or
// an impossible length.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace kakari::core
