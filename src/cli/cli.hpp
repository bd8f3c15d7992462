// The `kakari` command line: a table of subcommands {name, help, run}.
// Every subcommand takes --db PATH (default $KAKARI_DB, else kakari.db).
// Not thread-safe: the CLI runs one command on one thread.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.hpp"
#include "cli/environment.hpp"

namespace kakari::cli {

struct Command {
  std::string_view name;
  std::string_view usage;  // e.g. "import doctors|credits FILE [--json]"
  std::string_view help_ja;
  std::set<std::string> options;  // accepted --options and flags besides --db
  std::set<std::string> flags;    // those of `options` that take no value
  int (*run)(const Args& args, Environment& env);
};

std::span<const Command> Commands();

// Runs `kakari ARGS...` (argv without the program name); returns the exit code.
int RunCli(const std::vector<std::string>& argv, Environment& env);

// The database path for this invocation.
std::string DbPath(const Args& args, const Environment& env);

// Opens the store or prints why not; nullptr on failure.
std::unique_ptr<core::Store> OpenStoreOrReport(const Args& args, Environment& env);

// Command implementations (commands_*.cpp).
int RunInit(const Args& args, Environment& env);
int RunDemo(const Args& args, Environment& env);
int RunImport(const Args& args, Environment& env);
int RunGmis(const Args& args, Environment& env);
int RunCoverage(const Args& args, Environment& env);
int RunRemind(const Args& args, Environment& env);
int RunStats(const Args& args, Environment& env);
int RunExport(const Args& args, Environment& env);
int RunEligibility(const Args& args, Environment& env);
int RunServe(const Args& args, Environment& env);
int RunAudit(const Args& args, Environment& env);
int RunUserAdd(const Args& args, Environment& env);
int RunKeys(const Args& args, Environment& env);
int RunCert(const Args& args, Environment& env);
int RunRoutes(const Args& args, Environment& env);
int RunBackup(const Args& args, Environment& env);
int RunRestore(const Args& args, Environment& env);
int RunCopy(const Args& args, Environment& env);

// The signing-key directory: --keys, else $KAKARI_KEYS, else <db>.keys.
std::string KeyDir(const Args& args, const Environment& env);
// Generates and publishes a first key when the directory has none.
[[nodiscard]] core::Status EnsureSigningKey(const Args& args, Environment& env, core::Store& store);

}  // namespace kakari::cli
