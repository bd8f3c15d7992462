#include "http/server.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <iostream>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "core/domain/proof_file.hpp"
#include "http/api.hpp"
#include "http/api_json.hpp"
#include "http/error_status.hpp"
#include "http/route_match.hpp"
#include "http/static_files.hpp"
#include "util/strings.hpp"

namespace kakari::http {

namespace {

constexpr size_t kMaxRequestBytes = 16 * 1024 * 1024;

using Request = restinio::request_handle_t;
using Status = restinio::request_handling_status_t;
using Traits = restinio::default_traits_t;

void SecurityHeaders(restinio::response_builder_t<restinio::restinio_controlled_output_t>& r) {
  r.append_header("X-Content-Type-Options", "nosniff")
      .append_header("Referrer-Policy", "no-referrer")
      // The review desk shows proof PDFs in a frame of its own origin;
      // nobody else may frame anything.
      .append_header("X-Frame-Options", "SAMEORIGIN")
      .append_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                     "frame-ancestors 'self'");
}

// The status line with RESTinio's own reason phrase for every code Kakari sends.
restinio::http_status_line_t StatusLine(int status) {
  switch (status) {
    case 200:
      return restinio::status_ok();
    case 201:
      return restinio::status_created();
    case 204:
      return restinio::status_no_content();
    case 304:
      return restinio::status_not_modified();
    case 400:
      return restinio::status_bad_request();
    case 401:
      return restinio::status_unauthorized();
    case 403:
      return restinio::status_forbidden();
    case 404:
      return restinio::status_not_found();
    case 405:
      return restinio::status_method_not_allowed();
    case 409:
      return restinio::status_conflict();
    case 413:
      return restinio::status_payload_too_large();
    case 415:
      return restinio::status_unsupported_media_type();
    case 422:
      return restinio::status_unprocessable_entity();
    case 429:
      return restinio::status_too_many_requests();
    case 503:
      return restinio::status_service_unavailable();
    case 500:
      return restinio::status_internal_server_error();
    default:  // never change the code itself, only the words
      return restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(status)}, "Status"};
  }
}

Status Json(const Request& req, int status, std::string body) {
  auto r = req->create_response(StatusLine(status));
  SecurityHeaders(r);
  r.append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
      .append_header(restinio::http_field::cache_control, "no-store")
      .set_body(std::move(body));
  return r.done();
}

Status Error(const Request& req, const core::Error& e) {
  if (e.code == core::ErrorCode::kInternal) std::cerr << "internal error: " << e.detail << "\n";
  return Json(req, HttpStatus(e.code), ErrorBody(e));
}

// The outermost wrapper: anything thrown becomes a generic 500; the detail
// goes to the log, never to the client.
template <class Fn>
Status Guarded(const Request& req, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Error(req, {core::ErrorCode::kInternal, "サーバー内部でエラーが発生しました",
                       "internal server error", e.what(), ""});
  }
}

Status NotFound(const Request& req) {
  return Error(req, {core::ErrorCode::kNotFound, "ページが見つかりません", "not found", "", ""});
}

Status ServeStatic(const ServerConfig& config, const Request& req) {
  if (config.web_root.empty()) return NotFound(req);
  auto exists = [&](const std::string& rel) {
    struct stat st {};
    return ::stat((config.web_root + "/" + rel).c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  auto file = ResolveStatic(config.web_root, std::string(req->header().path()), exists);
  if (!file) return NotFound(req);
  auto r = req->create_response();
  SecurityHeaders(r);
  r.append_header(restinio::http_field::content_type, file->content_type)
      .append_header(restinio::http_field::cache_control,
                     file->immutable ? "public, max-age=31536000, immutable" : "no-cache")
      .set_body(restinio::sendfile(file->path));
  return r.done();
}

// A first-come-first-served pool of threads for requests kept off the I/O
// threads (see Lane in api.hpp).
class WorkQueue {
 public:
  explicit WorkQueue(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~WorkQueue() { Drain(); }
  // Runs what is queued to the end, then the threads stop; later Posts are
  // refused. Called while the I/O threads still run, so that every request
  // a worker took is answered (a worker answering through stopped I/O
  // threads hung the server at shutdown).
  void Drain() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) {
      if (t.joinable()) t.join();
    }
  }
  // False when the queue is full or draining (the caller answers 503).
  bool Post(std::function<void()> task) {
    {
      std::lock_guard lock(mu_);
      if (stopping_ || queue_.size() >= 1024) return false;
      queue_.push_back(std::move(task));
    }
    cv_.notify_one();
    return true;
  }

 private:
  void Work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

// The library-free request; nullopt when the query string is malformed.
std::optional<ApiRequest> ToApiRequest(const Request& req, RouteMatch& match) {
  ApiRequest a;
  a.method = match.route->method;
  a.path = std::string(req->header().path());
  a.params = std::move(match.params);
  try {
    for (const auto& [k, v] : restinio::parse_query(req->header().query())) {
      a.query[std::string(k)] = std::string(v);
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  req->header().for_each_field([&a](const restinio::http_header_field_t& f) {
    std::string name = f.name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a.headers[name] = f.value();
  });
  a.body = req->body();
  a.remote_address = req->remote_endpoint().address().to_string();
  return a;
}

Status Respond(const Request& req, const ApiResponse& r) {
  auto out = req->create_response(StatusLine(r.status));
  SecurityHeaders(out);
  out.append_header(restinio::http_field::cache_control, "no-store");
  if (!r.body.empty()) out.append_header(restinio::http_field::content_type, r.content_type);
  for (const auto& [name, value] : r.headers) out.append_header(name, value);
  if (!r.body_file.empty()) {
    // An export written to a temporary file: sent from disk, so its size
    // never matters to memory; the name goes now, the open file stays
    // readable until sent.
    out.append_header(restinio::http_field::content_type, r.content_type);
    auto file = restinio::sendfile(r.body_file);
    ::unlink(r.body_file.c_str());
    return out.set_body(std::move(file)).done();
  }
  out.set_body(r.body);
  return out.done();
}

struct ServerParts {
  core::Store& store;
  core::Deps deps;
  ApiConfig api;
  WorkQueue workers;
  WorkQueue slow{2};
};

Status HandleRoute(ServerParts& parts, RouteMatch match, const Request& req) {
  auto api_req = ToApiRequest(req, match);
  if (!api_req) {
    return Error(req, {core::ErrorCode::kInvalidArgument, "URLの検索条件が正しくありません",
                       "the query string is malformed", "", ""});
  }
  const Route& route = *match.route;
  if (route.lane == Lane::kInline) {
    return Respond(req, Dispatch(route, *api_req, parts.deps, parts.api));
  }
  WorkQueue& queue = route.lane == Lane::kSlow ? parts.slow : parts.workers;
  bool queued = queue.Post([&parts, &route, req, a = std::move(*api_req)] {
    ApiResponse r;
    try {
      r = Dispatch(route, a, parts.deps, parts.api);
    } catch (const std::exception& e) {
      r = ErrorResponse({core::ErrorCode::kInternal, "サーバー内部でエラーが発生しました",
                         "internal server error", e.what(), ""});
    }
    if (r.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(r.delay_ms));
    (void)Respond(req, r);
  });
  if (!queued) {
    return Error(req,
                 {core::ErrorCode::kUnavailable, "混み合っています。少し待ってからお試しください",
                  "the server is busy; try again shortly", "", ""});
  }
  return restinio::request_accepted();
}

auto MakeHandler(const ServerConfig& config, ServerParts& parts) {
  return [&config, &parts](const Request& req) {
    return Guarded(req, [&] {
      std::string_view path = req->header().path();
      std::string_view method = req->header().method().c_str();
      if (path == "/healthz" && method == "GET") {
        auto uow = parts.store.Begin(false);
        if (!uow) return Error(req, uow.error());
        return Json(req, 200, R"({"status":"ok"})");
      }
      if (auto match = MatchRoute(Routes(), method, path)) {
        return HandleRoute(parts, std::move(*match), req);
      }
      if (util::StartsWith(path, "/api/") || method != "GET") return NotFound(req);
      return ServeStatic(config, req);
    });
  };
}

// Blocks SIGINT and SIGTERM in every thread, so that the main thread can
// wait for them and shut the server down in order.
sigset_t TerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

core::Result<ServerConfig> ParseListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  auto bad = [&] {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        "--listen「" + listen + "」はホスト:ポート（例: 127.0.0.1:8080）で指定してください",
        "--listen \"" + listen + "\" must be host:port (e.g. 127.0.0.1:8080)", "listen");
  };
  if (colon == std::string::npos || colon == 0) return bad();
  std::string host = listen.substr(0, colon);
  std::string port = listen.substr(colon + 1);
  if (!util::IsAsciiDigits(port) || port.size() > 5 || std::stoi(port) > 65535) return bad();
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  ServerConfig c;
  c.host = host;
  c.port = static_cast<unsigned short>(std::stoi(port));
  return c;
}

core::Status Serve(const ServerConfig& config, core::Store& store, const core::Crypto& crypto,
                   const core::Clock& clock) {
  sigset_t signals = TerminationSignals();
  ServerParts parts{store, core::Deps{store, crypto, clock, config.signer, config.api.renderer},
                    config.api, WorkQueue(config.workers)};
  try {
    auto server = restinio::run_async<Traits>(
        restinio::own_io_context(),
        restinio::server_settings_t<Traits>{}
            .address(config.host)
            .port(config.port)
            .max_pipelined_requests(4)
            // Above this RESTinio closes the connection; below it every route
            // answers an oversized body with 413 itself (10 MB files, 64 KB JSON).
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}.max_body_size(kMaxRequestBytes))
            .request_handler(MakeHandler(config, parts)),
        config.threads);
    std::cerr << "kakari: serving http://" << config.host << ":" << config.port << "/\n";
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "kakari: stopping\n";
    parts.workers.Drain();
    parts.slow.Drain();
    server->stop();
    server->wait();
  } catch (const std::exception& e) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      config.host + ":" + std::to_string(config.port) + " で待ち受けできません",
                      "cannot listen on " + config.host + ":" + std::to_string(config.port),
                      "listen", e.what());
  }
  return {};
}

}  // namespace kakari::http
