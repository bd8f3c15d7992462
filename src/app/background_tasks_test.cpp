#include "app/background_tasks.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace kakari::app {
namespace {

// Stopping a task whose step runs until told to stop (a long reminder run)
// ends that step: Stop() returns. Without the token reaching the step, the
// join would wait forever and the test would time out.
TEST(PeriodicTaskTest, StopEndsAStepThatWatchesItsToken) {
  std::atomic<bool> started{false};
  std::atomic<bool> saw_stop{false};
  std::mutex mu;
  std::condition_variable_any cv;
  PeriodicTask task(
      [&](std::stop_token stop) {
        started = true;
        std::unique_lock lock(mu);
        cv.wait(lock, stop, [] { return false; });  // until stop is requested
        saw_stop = stop.stop_requested();
        return false;
      },
      60 * 1000);
  while (!started) std::this_thread::yield();
  task.Stop();
  EXPECT_TRUE(saw_stop);
}

TEST(PeriodicTaskTest, AStepThatSaysMoreIsWaitingRunsAgainAtOnce) {
  std::atomic<int> runs{0};
  {
    PeriodicTask task([&](std::stop_token) { return ++runs < 3; }, 60 * 60 * 1000);
    while (runs < 3) std::this_thread::yield();  // an hour's interval: only "more" gets here
  }
  EXPECT_EQ(runs, 3);
}

}  // namespace
}  // namespace kakari::app
