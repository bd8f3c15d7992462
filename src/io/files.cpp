#include "io/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kakari::io {

core::Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      path + " はフォルダです。ファイルを指定してください",
                      path + " is a folder, not a file", "file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = std::strerror(errno);
    return core::Fail(core::ErrorCode::kNotFound,
                      "ファイル " + path + " を読めません（" + why + "）",
                      "cannot read file " + path + " (" + why + ")", "file");
  }
  // One read of the known size: a 500 MB file must not be copied twice.
  in.seekg(0, std::ios::end);
  std::string data(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0, std::ios::beg);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (!in) {
    return core::Fail(core::ErrorCode::kUnavailable, "ファイル " + path + " を読み切れません",
                      "cannot read all of file " + path, "file");
  }
  return data;
}

core::Status WriteFileAtomically(const std::string& path, const std::string& data) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) {
      return core::Fail(core::ErrorCode::kUnavailable, "ファイル " + path + " を書けません",
                        "cannot write file " + path, "file");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    return core::Fail(core::ErrorCode::kUnavailable, "ファイル " + path + " を書けません",
                      "cannot write file " + path, "file", ec.message());
  }
  return {};
}

}  // namespace kakari::io
