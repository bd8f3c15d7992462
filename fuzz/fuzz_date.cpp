// Western and wareki dates as people type them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/domain/date.hpp"
#include "core/domain/wareki.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kakari::core::ParseWesternDate(text);
  (void)kakari::core::ParseDate(text);
  return 0;
}
