// The JSON API without an HTTP library: requests and responses as plain
// values, the route table, and Dispatch, which authenticates, checks the
// body and calls the route's handler. server.cpp adapts RESTinio to this.
// Thread-safe: routes are immutable; handlers share only the store.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/domain/statistics.hpp"
#include "core/ports/renderer.hpp"
#include "core/ports/row_source.hpp"
#include "core/ports/table_sink.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/service_support.hpp"

namespace kakari::http {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;
  std::map<std::string, std::string> params;  // from the route pattern
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string remote_address;

  std::string Header(const std::string& lower_name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  int64_t delay_ms = 0;  // hold the answer back this long (login throttling)
  // When set, the body is this temporary file (sent, then removed).
  std::string body_file;
};

struct ApiConfig {
  core::AuthPolicies auth;
  bool secure_cookies = false;  // also set when X-Forwarded-Proto is https
  size_t max_json_bytes = 64 * 1024;
  const core::DocumentRenderer* renderer = nullptr;  // certificate PDFs
  std::string public_url = "http://127.0.0.1:8080";  // base of verification links
  int verify_per_minute = 30;                        // verification requests per address and minute
  // Reads an uploaded CSV (UTF-8 or CP932) as rows; wired to src/io by the app.
  std::function<core::Result<std::unique_ptr<core::RowSource>>(std::string bytes)> open_csv;
  // UTF-8 to CP932 for Excel users' CSV exports; wired to src/io by the app.
  std::function<core::Result<std::string>(std::string_view utf8)> encode_cp932;
  // An export file of `format` ("xlsx", "csv", "csv-cp932") at `path`;
  // wired to src/io by the app. kInvalidArgument for an unknown format.
  std::function<core::Result<std::unique_ptr<core::TableSink>>(std::string_view format,
                                                               const std::string& path)>
      open_export;
  // Writes named files into a ZIP archive at a path; wired to src/io.
  std::function<core::Status(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& files)>
      write_zip;
  std::string export_dir = "/tmp";  // where exports are written before they are sent
};

// Who may call a route. Deny by default: a token passes only when the route
// is not interactive-only and one of the route's scopes is among the token's
// (and its owner's role grants it); a person's session passes when the route
// names no scope (any signed-in person) or their role grants one of them.
struct Guard {
  bool authenticated = true;
  bool interactive_only = false;  // credentials are proved or changed here
  uint32_t scopes = 0;            // bit per core::Permission; any one suffices
};

constexpr uint32_t ScopeBit(core::Permission p) { return 1u << static_cast<unsigned>(p); }
constexpr Guard Public() { return Guard{false, false, 0}; }
constexpr Guard Needs(uint32_t scopes) { return Guard{true, false, scopes}; }
constexpr Guard SessionOnly(uint32_t scopes = 0) { return Guard{true, true, scopes}; }

// Refuses (403) a principal the guard does not let through; ok otherwise.
core::Status CheckGuard(const Guard& guard, const core::Principal& who);

// The route table as JSON for `kakari routes` and the authorisation matrix
// test: each route's method, pattern and guard, and each role's scopes.
std::string RouteTableJson();

// Statistics as the API gives them (`kakari stats --json` prints the same).
std::string StatisticsJson(const core::Statistics& s);
// kLargeJson: up to 1 MB (bulk approval of 10,000 items), else 64 KB.
enum class BodyKind { kNone, kJson, kLargeJson, kBinary };

// Where a route runs. kInline: on the I/O thread (cheap reads, no handoff).
// kWorker: on one first-come-first-served worker thread, so that a burst of
// database requests is answered in arrival order (the I/O loop alone let
// some connections wait a second under load; one thread served the queue
// page faster than two, which contended in SQLite). kSlow: its own pool for
// long work that must not hold up the worker: password hashing, throttling
// delays, PDFs, uploads, bulk approval, imports.
enum class Lane { kInline, kWorker, kSlow };

struct ApiContext;
using Handler = ApiResponse (*)(ApiContext&);

struct Route {
  const char* method;
  const char* pattern;  // express style: /api/v1/me/items/:kind/:id
  Guard guard;
  BodyKind body;
  Lane lane;
  Handler handler;
};

const std::vector<Route>& Routes();

ApiResponse Dispatch(const Route& route, const ApiRequest& req, const core::Deps& deps,
                     const ApiConfig& config);

// The JSON error response for `e` (status from the one table).
ApiResponse ErrorResponse(const core::Error& e);

}  // namespace kakari::http
