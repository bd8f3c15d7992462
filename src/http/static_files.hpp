// Maps a request path to a file of the built web app, safely: no path may
// leave the web root, and paths of the single-page app fall back to
// index.html. Thread-safe (pure).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kakari::http {

struct StaticFile {
  std::string path;  // file system path under the root
  std::string content_type;
  bool immutable = false;  // hashed assets may be cached for a year
};

// `exists` tells whether a relative path names a regular file under the root.
// Returns nothing for paths that try to escape or name no file and look like
// a file (have an extension).
template <class Exists>
std::optional<StaticFile> ResolveStatic(const std::string& root, std::string_view url_path,
                                        Exists exists);

std::string ContentTypeFor(std::string_view path);
bool IsSafeRelativePath(std::string_view rel);

template <class Exists>
std::optional<StaticFile> ResolveStatic(const std::string& root, std::string_view url_path,
                                        Exists exists) {
  std::string_view rel = url_path;
  size_t q = rel.find_first_of("?#");
  if (q != std::string_view::npos) rel = rel.substr(0, q);
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  if (!IsSafeRelativePath(rel)) return std::nullopt;
  std::string file = rel.empty() ? "index.html" : std::string(rel);
  if (!exists(file)) {
    // Client-side routes (/progress, /help) get the app; missing assets 404.
    if (file.find('.') != std::string::npos) return std::nullopt;
    file = "index.html";
    if (!exists(file)) return std::nullopt;
  }
  return StaticFile{root + "/" + file, ContentTypeFor(file), file.rfind("assets/", 0) == 0};
}

}  // namespace kakari::http
