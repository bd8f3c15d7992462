// ServiceTest: the fixture of the service unit tests. Each test gets a fresh
// seeded store (whichever implementation the test binary links behind
// MakeTestStore), a fixed clock, deterministic crypto and signer, and
// callers of every role. Test-only; not thread-safe: one fixture per test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/services/service_support.hpp"
#include "core/testing/deterministic_crypto.hpp"
#include "core/testing/fixed_clock.hpp"

namespace kakari::core::testing {

// A fresh, empty, migrated store. Defined by the storage implementation the
// test binary links: core/testing/memory_store_fixture.cpp or
// storage/sqlite/service_store_fixture.cpp.
std::unique_ptr<Store> MakeTestStore();

// 2026-06-01 09:00 in Japan.
inline constexpr int64_t kTestNow = 1780272000;

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest();
  Deps deps() { return Deps{*store_, crypto_, clock_, &signer_}; }

  // Staff of association `code` ("13", "13001", "00"), as signed in.
  Caller Staff(Role role, std::string_view code);
  // A new doctor of association `code` with a signed-in doctor caller.
  Caller NewDoctor(std::string_view registry_number, std::string_view code = "13");
  // A user of the institution with this id, as signed in.
  Caller InstitutionUser(Id institution_id);
  // A reportable clinic (valid code) of county `association_code`; returns its id.
  Id AddClinic(std::string_view code, std::string_view name, std::string_view association_code);
  // Every audit record with this action, in order.
  std::vector<AuditRecord> AuditOf(std::string_view action);

  std::unique_ptr<Store> store_;
  FixedClock clock_{kTestNow};
  DeterministicCrypto crypto_;
  DeterministicSigner signer_;
};

}  // namespace kakari::core::testing
