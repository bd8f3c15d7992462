#include "io/zip_writer.hpp"

#include <zip.h>

#include <cstdio>

namespace kakari::io {

namespace {

core::Status Failed(zip_t* archive, const std::string& path, const char* what) {
  std::string detail = std::string(what) + ": " + zip_strerror(archive);
  zip_discard(archive);
  std::remove(path.c_str());
  return core::Fail(core::ErrorCode::kUnavailable, "ZIPファイルを書けませんでした",
                    "the ZIP file could not be written", "", detail);
}

}  // namespace

core::Status WriteZip(const std::string& path, const std::vector<ZipEntry>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    return core::Fail(core::ErrorCode::kUnavailable, "ZIPファイルを作れませんでした",
                      "the ZIP file could not be created", "", "zip_open " + std::to_string(error));
  }
  for (const auto& e : entries) {
    // libzip reads the buffer when the archive is closed; `entries` outlives that.
    zip_source_t* source = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
    if (source == nullptr) return Failed(archive, path, "zip_source_buffer");
    if (zip_file_add(archive, e.name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      return Failed(archive, path, "zip_file_add");
    }
  }
  if (zip_close(archive) != 0) return Failed(archive, path, "zip_close");
  return {};
}

}  // namespace kakari::io
