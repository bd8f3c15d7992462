// The route matcher against the real route table: input is "METHOD PATH".
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/api.hpp"
#include "http/route_match.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto space = text.find(' ');
  if (space == std::string_view::npos) return 0;
  (void)kakari::http::MatchRoute(kakari::http::Routes(), text.substr(0, space),
                                 text.substr(space + 1));
  return 0;
}
