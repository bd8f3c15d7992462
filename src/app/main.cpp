// The composition root of `kakari`: picks the concrete store (SQLite for a
// file path, PostgreSQL for a postgresql:// URL), the CSV reader, the HTTP server and the system
// clock, and hands them to the CLI.
#include <curl/curl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/background_tasks.hpp"
#include "cli/cli.hpp"
#include "crypto/key_files.hpp"
#include "crypto/key_ring.hpp"
#include "crypto/sodium_crypto.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "io/csv_source.hpp"
#include "io/encoding.hpp"
#include "io/files.hpp"
#include "io/table_sinks.hpp"
#include "io/zip_writer.hpp"
#include "pdf/cairo_renderer.hpp"
#include "storage/copy/registry_copy.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/backup.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "util/strings.hpp"

namespace {

using kakari::core::Result;

Result<std::unique_ptr<kakari::core::Store>> OpenStore(const std::string& path) {
  if (kakari::storage::postgres::IsPostgresUrl(path)) {
    auto pg = kakari::storage::postgres::PostgresStore::Open(path);
    KAKARI_RETURN_IF_ERROR(pg);
    return std::unique_ptr<kakari::core::Store>(std::move(*pg));
  }
  auto store = kakari::storage::sqlite::SqliteStore::Open(path);
  KAKARI_RETURN_IF_ERROR(store);
  return std::unique_ptr<kakari::core::Store>(std::move(*store));
}

Result<kakari::cli::TableFile> OpenTable(const std::string& path) {
  auto bytes = kakari::io::ReadFile(path);
  KAKARI_RETURN_IF_ERROR(bytes);
  auto text = kakari::io::DecodeToUtf8(std::move(*bytes));
  KAKARI_RETURN_IF_ERROR(text);
  auto rows = kakari::io::CsvRowSource::Create(std::move(text->utf8));
  KAKARI_RETURN_IF_ERROR(rows);
  return kakari::cli::TableFile{std::move(*rows), text->encoding};
}

class SystemClock final : public kakari::core::Clock {
 public:
  int64_t NowUnixSeconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

const kakari::crypto::SodiumCrypto& Crypto() {
  static const kakari::crypto::SodiumCrypto crypto;
  return crypto;
}

const SystemClock& SystemClockInstance() {
  static const SystemClock clock;
  return clock;
}

const kakari::pdf::CairoRenderer& Renderer() {
  static const kakari::pdf::CairoRenderer renderer;
  return renderer;
}

// Where verification links point: the public address of this deployment.
std::string PublicUrl() {
  const char* url = std::getenv("KAKARI_PUBLIC_URL");
  return url && *url ? url : "http://127.0.0.1:8080";
}

kakari::core::Date TodayInJapan();

Result<std::unique_ptr<kakari::core::TableSink>> OpenExport(std::string_view format,
                                                            const std::string& path) {
  auto f = kakari::io::ParseExportFormat(format);
  if (!f) {
    return kakari::core::Fail(kakari::core::ErrorCode::kInvalidArgument,
                              "形式は xlsx・csv・csv-cp932 のいずれかです",
                              "format must be xlsx, csv or csv-cp932", "format");
  }
  return kakari::io::OpenTableSink(*f, path);
}

std::string ExportDir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

// KAKARI_WORKERS, or what suits the engine (see ServerConfig::workers).
Result<unsigned> WorkerThreads(const std::string& db) {
  const char* env = std::getenv("KAKARI_WORKERS");
  if (!env || !*env) return kakari::storage::postgres::IsPostgresUrl(db) ? 4U : 1U;
  std::string text(env);
  if (!kakari::util::IsAsciiDigits(text) || text.size() > 2 || std::stoi(text) < 1 ||
      std::stoi(text) > 64) {
    return kakari::core::Fail(kakari::core::ErrorCode::kInvalidArgument,
                              "KAKARI_WORKERS は1〜64の数で指定してください",
                              "KAKARI_WORKERS must be a number from 1 to 64", "KAKARI_WORKERS");
  }
  return static_cast<unsigned>(std::stoi(text));
}

kakari::core::Status Serve(const kakari::cli::ServeOptions& options, kakari::core::Store& store) {
  auto config = kakari::http::ParseListen(options.listen);
  KAKARI_RETURN_IF_ERROR(config);
  auto workers = WorkerThreads(options.db_path);
  KAKARI_RETURN_IF_ERROR(workers);
  config->workers = *workers;
  config->web_root = options.web_root;
  const char* secure = std::getenv("KAKARI_SECURE_COOKIES");
  config->api.secure_cookies = secure && std::string(secure) == "1";
  config->signer = options.signer;
  config->api.renderer = &Renderer();
  config->api.public_url = PublicUrl();
  config->api.open_csv = [](std::string bytes) -> Result<std::unique_ptr<kakari::core::RowSource>> {
    auto text = kakari::io::DecodeToUtf8(std::move(bytes));
    KAKARI_RETURN_IF_ERROR(text);
    auto rows = kakari::io::CsvRowSource::Create(std::move(text->utf8));
    KAKARI_RETURN_IF_ERROR(rows);
    return std::unique_ptr<kakari::core::RowSource>(std::move(*rows));
  };
  config->api.encode_cp932 = [](std::string_view utf8) {
    return kakari::io::EncodeCp932Lossy(utf8);
  };
  config->api.open_export = OpenExport;
  config->api.write_zip = [](const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<kakari::io::ZipEntry> entries;
    for (const auto& [name, bytes] : files) entries.push_back({name, bytes});
    return kakari::io::WriteZip(path, entries);
  };
  config->api.export_dir = ExportDir();
  kakari::core::Deps deps{store, Crypto(), SystemClockInstance(), options.signer};
  auto outbox = kakari::app::StartOutbox(deps, PublicUrl());
  auto reminders = kakari::app::StartReminders(deps);
  return kakari::http::Serve(*config, store, Crypto(), SystemClockInstance());
}

Result<std::unique_ptr<kakari::core::Signer>> OpenKeys(const std::string& dir) {
  auto keys = kakari::crypto::KeyRing::Open(dir);
  KAKARI_RETURN_IF_ERROR(keys);
  return std::unique_ptr<kakari::core::Signer>(std::move(*keys));
}

Result<kakari::cli::NewKey> GenerateKey(const std::string& dir) {
  auto key = kakari::crypto::KeyFiles::Generate(dir);
  KAKARI_RETURN_IF_ERROR(key);
  return kakari::cli::NewKey{key->id, key->public_key};
}

// Today in Japan: credits and deadlines follow the Japanese calendar day.
kakari::core::Date TodayInJapan() {
  auto now = std::chrono::system_clock::now() + std::chrono::hours(9);
  auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return kakari::core::Date::FromDays(days);
}

// The built web app beside the binary's source tree, if there is one.
std::string DefaultWebRoot() {
  if (const char* env = std::getenv("KAKARI_WEB_ROOT")) return env;
  for (const char* candidate : {"web/dist", "../web/dist", "../../web/dist"}) {
    if (std::filesystem::exists(std::string(candidate) + "/index.html")) {
      return std::filesystem::absolute(candidate).string();
    }
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  kakari::cli::Environment env;
  env.open_store = OpenStore;
  env.checkpoint = [](kakari::core::Store& s) {
    // PostgreSQL needs no checkpoint after a bulk load.
    if (auto* sqlite = dynamic_cast<kakari::storage::sqlite::SqliteStore*>(&s)) {
      (void)sqlite->Checkpoint();
    }
  };
  env.copy_database = kakari::storage::sqlite::CopyDatabase;
  env.integrity_check = kakari::storage::sqlite::IntegrityCheck;
  env.make_single_file = kakari::storage::sqlite::MakeSingleFile;
  env.is_server_database = kakari::storage::postgres::IsPostgresUrl;
  env.copy_registry =
      [](const std::string& from,
         const std::string& to) -> Result<std::vector<std::pair<std::string, int64_t>>> {
    auto report = kakari::storage::CopyRegistry(from, to);
    KAKARI_RETURN_IF_ERROR(report);
    return report->tables;
  };
  env.open_table = OpenTable;
  env.serve = Serve;
  env.route_table_json = kakari::http::RouteTableJson;
  env.statistics_json = kakari::http::StatisticsJson;
  env.open_export = OpenExport;
  env.today = TodayInJapan;
  env.crypto = &Crypto();
  env.clock = &SystemClockInstance();
  env.open_keys = OpenKeys;
  env.generate_key = GenerateKey;
  env.make_key_current = kakari::crypto::KeyFiles::MakeCurrent;
  env.renderer = &Renderer();
  env.embedded_payload = kakari::pdf::EmbeddedPayload;
  env.read_file = kakari::io::ReadFile;
  env.write_file = kakari::io::WriteFileAtomically;
  env.public_url = PublicUrl();
  const char* keys = std::getenv("KAKARI_KEYS");
  env.default_key_dir = keys && *keys ? keys : "";
  const char* db = std::getenv("KAKARI_DB");
  env.default_db = db && *db ? db : "kakari.db";
  env.default_web_root = DefaultWebRoot();
  env.out = &std::cout;
  env.err = &std::cerr;
  env.err_is_terminal = isatty(STDERR_FILENO) == 1;
  return kakari::cli::RunCli(std::vector<std::string>(argv + 1, argv + argc), env);
}
