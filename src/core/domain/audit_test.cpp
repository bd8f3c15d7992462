#include "core/domain/audit.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace kakari::core {
namespace {

// A stand-in digest for the chain logic (the real SHA-256 is tested in
// src/crypto); any change of input changes it.
class FakeHasher final : public Hasher {
 public:
  std::string Sha256Hex(std::string_view data) const override {
    return std::to_string(std::hash<std::string_view>{}(data));
  }
};

std::vector<AuditRecord> Chain(const Hasher& h, int n) {
  std::vector<AuditRecord> out;
  std::string prev = kAuditGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r{i,
                  "2026-11-21T00:00:0" + std::to_string(i) + "Z",
                  7,
                  "reviewer",
                  "application.approve",
                  "application",
                  std::to_string(100 + i),
                  "",
                  "127.0.0.1",
                  prev,
                  ""};
    r.hash = AuditHash(h, r);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

std::optional<Id> FirstBroken(const Hasher& h, const std::vector<AuditRecord>& records) {
  AuditChainVerifier v(h);
  for (const auto& r : records) v.Feed(r);
  return v.first_broken();
}

TEST(AuditChain, AnIntactChainVerifies) {
  FakeHasher h;
  auto records = Chain(h, 5);
  AuditChainVerifier v(h);
  for (const auto& r : records) EXPECT_TRUE(v.Feed(r));
  EXPECT_EQ(v.checked(), 5);
  EXPECT_EQ(v.first_broken(), std::nullopt);
}

TEST(AuditChain, NamesTheFirstBrokenRecord) {
  FakeHasher h;
  struct Case {
    const char* what;
    std::function<void(std::vector<AuditRecord>&)> tamper;
    Id broken;
  };
  const Case cases[] = {
      {"edited detail", [](auto& r) { r[2].detail = "approved by someone else"; }, 3},
      {"edited actor", [](auto& r) { r[1].actor_user_id = 8; }, 2},
      {"removed record", [](auto& r) { r.erase(r.begin() + 3); }, 5},
      {"rehashed edit",
       [&h](auto& r) {
         r[1].action = "application.reject";
         r[1].hash = AuditHash(h, r[1]);  // the next record no longer links
       },
       3},
  };
  for (const auto& c : cases) {
    auto records = Chain(h, 5);
    c.tamper(records);
    EXPECT_EQ(FirstBroken(h, records), c.broken) << c.what;
  }
}

}  // namespace
}  // namespace kakari::core
