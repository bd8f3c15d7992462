// CSV with encoding detection: any bytes an association might upload.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/csv_source.hpp"
#include "io/encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = kakari::io::DecodeToUtf8(std::string(reinterpret_cast<const char*>(data), size));
  if (!text) return 0;
  auto source = kakari::io::CsvRowSource::Create(text->utf8);
  if (!source) return 0;
  kakari::core::TableRow row;
  // Touch every byte of every field, so a view into freed memory is caught.
  volatile unsigned char sum = 0;
  while ((*source)->Next(row)) {
    for (auto f : row.fields) {
      for (char c : f) sum = sum + static_cast<unsigned char>(c);
    }
  }
  return 0;
}
