// kakari keys and cert: signing keys, certificate listing, PDF output and
// verification of a PDF or a payload.
#include <ostream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "core/services/certificate_service.hpp"
#include "core/services/certificate_settings.hpp"
#include "util/strings.hpp"

namespace kakari::cli {

namespace {

int Usage(Environment& env, const char* usage) {
  *env.err << "使い方 / usage: kakari " << usage << "\n";
  return kExitUsage;
}

core::Status Publish(Environment& env, core::Store& store, const NewKey& key) {
  return core::PublishSigningKey(env.DepsFor(store), core::CommandLineCaller(), key.id,
                                 key.public_key);
}

// A new key, published before it signs: a certificate signed by it verifies
// from its first moment on every server.
core::Result<NewKey> AddPublishedKey(Environment& env, core::Store& store, const std::string& dir) {
  auto key = env.generate_key(dir);
  KAKARI_RETURN_IF_ERROR(key);
  KAKARI_RETURN_IF_ERROR(Publish(env, store, *key));
  KAKARI_RETURN_IF_ERROR(env.make_key_current(dir, key->id));
  return key;
}

int ListKeys(const Args& args, Environment& env, core::Store& store, const core::Signer& keys) {
  auto list = core::ListSigningKeys(env.DepsFor(store), core::CommandLineCaller());
  if (!list) return PrintError(env, list.error());
  bool json = args.Flag("json");
  if (json) *env.out << "[";
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& k = (*list)[i];
    bool current = k.id == keys.CurrentKeyId();
    if (json) {
      *env.out << (i ? "," : "") << "{\"id\":\"" << k.id << "\",\"public_key\":\""
               << core::Base64Url(k.public_key) << "\",\"created_at\":\"" << k.created_at
               << "\",\"retired_at\":"
               << (k.retired_at ? "\"" + *k.retired_at + "\"" : std::string("null"))
               << ",\"current\":" << (current ? "true" : "false") << "}";
    } else {
      *env.out << k.id << "  " << core::Base64Url(k.public_key) << "  " << k.created_at
               << (k.retired_at ? "  retired " + *k.retired_at : "")
               << (current ? "  (current / 現在の鍵)" : "") << "\n";
    }
  }
  if (json) *env.out << "]\n";
  return kExitOk;
}

std::string CertificateJson(const core::Certificate& c) {
  return "{\"number\":\"" + util::JsonEscape(c.issued.number) +
         "\",\"version\":" + std::to_string(c.issued.version) + ",\"registry_number\":\"" +
         c.issued.registry_number + "\",\"status\":\"" +
         std::string(core::CertificateStatusName(c.status)) + "\",\"issued_on\":\"" +
         c.issued.issued_on.ToIso() + "\"}";
}

int ListCertificates(const Args& args, Environment& env, core::Store& store) {
  auto list = core::ListAllCertificates(env.DepsFor(store), core::CommandLineCaller());
  if (!list) return PrintError(env, list.error());
  bool json = args.Flag("json");
  if (json) *env.out << "[";
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& c = (*list)[i];
    if (json) {
      *env.out << (i ? "," : "") << CertificateJson(c);
    } else {
      *env.out << c.issued.number << "  v" << c.issued.version << "  " << c.issued.registry_number
               << "  " << core::CertificateStatusName(c.status) << "  "
               << c.issued.issued_on.ToIso() << "\n";
    }
  }
  if (json) *env.out << "]\n";
  return kExitOk;
}

int WritePdf(const Args& args, Environment& env, core::Store& store, const std::string& number) {
  auto out = args.Option("out");
  if (!out || out->empty()) return Usage(env, "cert pdf NUMBER --out FILE.pdf [--version N]");
  auto version_arg = args.Number("version", 1, 999999);
  if (!version_arg) return PrintError(env, version_arg.error(), true);
  std::optional<int> version;
  if (*version_arg) version = static_cast<int>(**version_arg);
  auto pdf = core::CertificatePdf(env.DepsFor(store), core::CommandLineCaller(), number, version,
                                  env.public_url);
  if (!pdf) return PrintError(env, pdf.error());
  if (auto w = env.write_file(*out, pdf->bytes); !w) return PrintError(env, w.error());
  *env.out << *out << " (" << pdf->bytes.size() << " bytes)\n";
  return kExitOk;
}

int Verify(const Args& args, Environment& env, core::Store& store, const std::string& what) {
  auto scanned = core::PayloadFromScan(what);
  if (!scanned) return PrintError(env, scanned.error(), true);
  std::string payload = *scanned;
  if (util::EndsWith(what, ".pdf") || util::EndsWith(what, ".PDF")) {
    auto bytes = env.read_file(what);
    if (!bytes) return PrintError(env, bytes.error());
    payload = env.embedded_payload(*bytes);
    if (payload.empty()) {
      return PrintError(env, core::MakeError(core::ErrorCode::kInvalidArgument,
                                             "このPDFには検証用の署名データがありません",
                                             "this PDF carries no signed payload", "file"));
    }
  }
  auto answer = core::VerifyPayload(env.DepsFor(store), payload);
  if (!answer) return PrintError(env, answer.error());
  bool ok =
      answer->verdict == core::Verdict::kValid || answer->verdict == core::Verdict::kSuperseded;
  if (args.Flag("json")) {
    *env.out << "{\"verdict\":\"" << core::VerdictName(answer->verdict) << "\",\"number\":\""
             << util::JsonEscape(answer->number) << "\",\"version\":" << answer->version
             << ",\"name\":\"" << util::JsonEscape(answer->name) << "\",\"issued_on\":"
             << (answer->issued_on ? "\"" + answer->issued_on->ToIso() + "\"" : std::string("null"))
             << ",\"revoked_reason\":\"" << util::JsonEscape(answer->revoked_reason) << "\"}\n";
  } else {
    *env.out << "判定 / verdict: " << core::VerdictName(answer->verdict) << "\n";
    if (!answer->number.empty()) {
      *env.out << answer->number << " 第" << answer->version << "版  " << answer->name << "  "
               << (answer->issued_on ? answer->issued_on->ToIso() : "") << "\n";
    }
    if (!answer->revoked_reason.empty())
      *env.out << "取消理由 / reason: " << answer->revoked_reason << "\n";
  }
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

core::Status EnsureSigningKey(const Args& args, Environment& env, core::Store& store) {
  auto keys = env.open_keys(KeyDir(args, env));
  KAKARI_RETURN_IF_ERROR(keys);
  if (!(*keys)->CurrentKeyId().empty()) return {};
  auto key = AddPublishedKey(env, store, KeyDir(args, env));
  KAKARI_RETURN_IF_ERROR(key);
  return {};
}

int RunKeys(const Args& args, Environment& env) {
  const auto& pos = args.positional();
  const char* usage = "keys generate|rotate|list [--keys DIR] [--json]";
  if (pos.size() != 1) return Usage(env, usage);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  std::string dir = KeyDir(args, env);
  auto keys = env.open_keys(dir);
  if (!keys) return PrintError(env, keys.error());
  if (pos[0] == "list") return ListKeys(args, env, *store, **keys);
  if (pos[0] != "generate" && pos[0] != "rotate") return Usage(env, usage);
  if (pos[0] == "generate" && !(*keys)->CurrentKeyId().empty()) {
    return PrintError(env, core::MakeError(core::ErrorCode::kConflict,
                                           "署名鍵はすでにあります。更新は keys rotate です",
                                           "a signing key exists already; use keys rotate"));
  }
  auto key = AddPublishedKey(env, *store, dir);
  if (!key) return PrintError(env, key.error());
  *env.out << "新しい署名鍵 / new signing key: " << key->id << "  "
           << core::Base64Url(key->public_key)
           << "\n（この鍵のフォルダを使う実行中のサーバーは数秒のうちにこの鍵で署名します"
           << " / running servers that use this key folder sign with it within seconds）\n";
  return kExitOk;
}

int RunCert(const Args& args, Environment& env) {
  const auto& pos = args.positional();
  const char* usage =
      "cert list [--json] | cert pdf NUMBER --out FILE.pdf | cert verify FILE.pdf|PAYLOAD";
  if (pos.empty()) return Usage(env, usage);
  auto store = OpenStoreOrReport(args, env);
  if (!store) return kExitFailure;
  if (pos[0] == "list" && pos.size() == 1) return ListCertificates(args, env, *store);
  if (pos[0] == "pdf" && pos.size() == 2) return WritePdf(args, env, *store, pos[1]);
  if (pos[0] == "verify" && pos.size() == 2) return Verify(args, env, *store, pos[1]);
  return Usage(env, usage);
}

}  // namespace kakari::cli
