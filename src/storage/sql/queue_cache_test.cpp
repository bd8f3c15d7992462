// The queue cache makes a page once per generation, however many callers
// miss it at once; a failed attempt is not kept and the next caller retries.
#include "storage/sql/queue_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace kakari::storage::sql {
namespace {

core::QueuePage PageOf(int64_t total) {
  core::QueuePage p;
  p.total = total;
  return p;
}

TEST(QueueCache, CallersMissingAtOnceWaitForOneMaking) {
  QueueCache cache;
  std::atomic<int> made{0};
  auto slow = [&]() -> core::Result<core::QueuePage> {
    ++made;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return PageOf(42);
  };
  std::vector<std::thread> callers;
  std::atomic<int> right{0};
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&] {
      auto page = cache.FindOrMake("13|submitted", 7, slow);
      if (page && page->total == 42) ++right;
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(made.load(), 1);
  EXPECT_EQ(right.load(), 8);
  // Served from memory at that generation; made again at the next.
  EXPECT_EQ(cache.FindOrMake("13|submitted", 7, slow)->total, 42);
  EXPECT_EQ(made.load(), 1);
  EXPECT_EQ(
      cache.FindOrMake("13|submitted", 8, [] { return core::Result<core::QueuePage>(PageOf(43)); })
          ->total,
      43);
  EXPECT_EQ(
      cache.FindOrMake("27|submitted", 8, [] { return core::Result<core::QueuePage>(PageOf(5)); })
          ->total,
      5)
      << "another key is its own page";
}

TEST(QueueCache, AFailedMakingIsNotKeptAndTheNextCallerMakesIt) {
  QueueCache cache;
  int calls = 0;
  auto failing = [&]() -> core::Result<core::QueuePage> {
    ++calls;
    return core::Fail(core::ErrorCode::kUnavailable, "使用中", "busy");
  };
  EXPECT_FALSE(cache.FindOrMake("k", 1, failing));
  EXPECT_FALSE(cache.FindOrMake("k", 1, failing));
  EXPECT_EQ(calls, 2);
  auto ok = cache.FindOrMake("k", 1, [] { return core::Result<core::QueuePage>(PageOf(9)); });
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->total, 9);
}

TEST(QueueCache, WithoutAGenerationNothingIsKept) {
  QueueCache cache;
  int calls = 0;
  auto make = [&]() -> core::Result<core::QueuePage> { return PageOf(++calls); };
  EXPECT_EQ(cache.FindOrMake("k", -1, make)->total, 1);
  EXPECT_EQ(cache.FindOrMake("k", -1, make)->total, 2);
}

}  // namespace
}  // namespace kakari::storage::sql
