// The HTTP server: JSON API under /api/v1, /healthz, and the built web app.
// Asynchronous (RESTinio on Asio) on a small thread pool; handlers are thin
// adapters over one core service call each.
#pragma once

#include <string>

#include "core/ports/store.hpp"
#include "core/ports/system.hpp"
#include "http/api.hpp"

namespace kakari::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::string web_root;  // empty: API only
  unsigned threads = 2;
  // Threads for the routes that wait their turn (Lane::kWorker). One suits
  // SQLite (two contended for its single writer); a database server answers
  // many at once, and the audit records of queue views then share commits.
  unsigned workers = 1;
  ApiConfig api;
  const core::Signer* signer = nullptr;  // signs certificates on approval
};

// Parses "127.0.0.1:8080" or "[::1]:8080" into host and port.
[[nodiscard]] core::Result<ServerConfig> ParseListen(const std::string& listen);

// Serves until SIGINT or SIGTERM. Fails when the address cannot be bound.
[[nodiscard]] core::Status Serve(const ServerConfig& config, core::Store& store,
                                 const core::Crypto& crypto, const core::Clock& clock);

}  // namespace kakari::http
