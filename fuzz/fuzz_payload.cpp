// What a scanner or a pasted link gives the verifier: URL or signed payload.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/domain/certificate.hpp"
#include "core/services/certificate_service.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto payload = kakari::core::PayloadFromScan(text);
  if (!payload) return 0;
  (void)kakari::core::DecodePayload(*payload);
  return 0;
}
