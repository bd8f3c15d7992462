// The background work of `kakari serve`: the outbox sender (due notices
// every few seconds through SMTP, so requests never wait for a mail server)
// and the reminder schedule (RunReminders once a day at KAKARI_REMINDER_HOUR
// in Japan, default 7; each reminder is given once per period, so several
// servers may all run it). Configured from the environment: KAKARI_SMTP_URL,
// KAKARI_MAIL_FROM, KAKARI_OUTBOX_INTERVAL_MS, KAKARI_REMINDER_HOUR,
// KAKARI_REMINDERS=off.
// Thread-safe: a task is started and stopped by the thread that owns it.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "core/services/notice_service.hpp"

namespace kakari::app {

// Runs `step` on its own thread, again after `interval_ms` (at once when it
// returns true: more is waiting), until stopped. A long step watches its
// stop token so that stopping the server does not wait for it to end.
class PeriodicTask {
 public:
  PeriodicTask(std::function<bool(std::stop_token)> step, int interval_ms);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;
  void Stop();

 private:
  void Run();

  std::function<bool(std::stop_token)> step_;
  int interval_ms_;
  std::stop_source stop_;
  std::mutex mu_;
  std::condition_variable_any wake_;  // waits until the interval passes or stop is requested
  std::thread thread_;
};

// The outbox sender, or null (saying so once) without KAKARI_SMTP_URL.
// REQUIRES: `deps` outlives the task.
std::unique_ptr<PeriodicTask> StartOutbox(const core::Deps& deps, const std::string& public_url);

// The daily reminder run, or null with KAKARI_REMINDERS=off.
// REQUIRES: `deps` outlives the task.
std::unique_ptr<PeriodicTask> StartReminders(const core::Deps& deps);

}  // namespace kakari::app
