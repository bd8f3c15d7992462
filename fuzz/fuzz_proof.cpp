// Upload type sniffing from the bytes (the file name never decides).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/domain/proof_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)kakari::core::DetectProofType(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
