// The JSON body reader: parse, then read every kind of field the API reads.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/json_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto body =
      kakari::http::ParseJsonBody(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body) return 0;
  // Every accessor on fields of every type: a wrong type must be an error, never a throw.
  kakari::http::BodyReader reader(*body);
  (void)reader.String("a", false);
  (void)reader.OptionalString("description");
  (void)reader.OptionalInt("b");
  (void)reader.Int("c");
  (void)reader.Bool("d");
  (void)reader.IdList("file_ids");
  (void)reader.StringList("e");
  (void)reader.DateField("started_on", false);
  (void)reader.Units("units");
  (void)reader.Object("f");
  (void)reader.Finish();
  return 0;
}
