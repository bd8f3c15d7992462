#include "app/background_tasks.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "core/domain/reminders.hpp"
#include "core/services/reminder_service.hpp"
#include "mail/smtp_transport.hpp"

namespace kakari::app {

namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  int n = v && *v ? std::atoi(v) : 0;
  return n > 0 ? n : fallback;
}

// A failed round says only its error code: the detail may name a table,
// never a person, but logs stay free of anything that could.
void ReportFailure(const char* what, const core::Error& e) {
  std::cerr << what << ": round failed (code " << static_cast<int>(e.code) << ")\n";
}

}  // namespace

PeriodicTask::PeriodicTask(std::function<bool(std::stop_token)> step, int interval_ms)
    : step_(std::move(step)), interval_ms_(interval_ms), thread_([this] { Run(); }) {}

PeriodicTask::~PeriodicTask() { Stop(); }

void PeriodicTask::Stop() {
  stop_.request_stop();  // wakes the wait below and tells a running step
  if (thread_.joinable()) thread_.join();
}

void PeriodicTask::Run() {
  std::stop_token stop = stop_.get_token();
  std::unique_lock lock(mu_);
  while (!stop.stop_requested()) {
    lock.unlock();
    bool more = step_(stop);
    lock.lock();
    if (!more) {
      wake_.wait_for(lock, stop, std::chrono::milliseconds(interval_ms_), [] { return false; });
    }
  }
}

std::unique_ptr<PeriodicTask> StartOutbox(const core::Deps& deps, const std::string& public_url) {
  const char* url = std::getenv("KAKARI_SMTP_URL");
  if (!url || !*url) {
    std::cerr << "outbox: KAKARI_SMTP_URL is not set; notices go to the in-app inbox only "
                 "(お知らせはアプリ内の受信箱にのみ届きます)\n";
    return nullptr;
  }
  const char* from = std::getenv("KAKARI_MAIL_FROM");
  mail::SmtpConfig config{url,
                          {from && *from ? from : "kakari@localhost", "Kakari かかりつけ医研修"}};
  if (!mail::IsPlainAddress(config.from.address)) {
    std::cerr << "outbox: KAKARI_MAIL_FROM is not a usable address; no mail is sent\n";
    return nullptr;
  }
  std::cerr << "outbox: delivering notices through " << mail::RedactedUrl(url) << "\n";
  auto transport = std::make_shared<mail::SmtpTransport>(config);
  core::DeliveryOptions options{public_url, 50};
  return std::make_unique<PeriodicTask>(
      [deps, transport, options](std::stop_token) {
        auto round = core::DeliverDueNotices(deps, *transport, options);
        if (!round) ReportFailure("outbox", round.error());
        return round && !round->interrupted && round->claimed == options.batch;
      },
      EnvInt("KAKARI_OUTBOX_INTERVAL_MS", 2000));
}

int ReminderHour() {
  const char* v = std::getenv("KAKARI_REMINDER_HOUR");
  if (!v || !*v) return core::kDefaultReminderHour;
  char* end = nullptr;
  long hour = std::strtol(v, &end, 10);
  if (*end != '\0' || hour < 0 || hour > 23) {
    std::cerr << "reminders: KAKARI_REMINDER_HOUR must be 0-23; using "
              << core::kDefaultReminderHour << "\n";
    return core::kDefaultReminderHour;
  }
  return static_cast<int>(hour);
}

std::unique_ptr<PeriodicTask> StartReminders(const core::Deps& deps) {
  const char* off = std::getenv("KAKARI_REMINDERS");
  if (off && std::string(off) == "off") return nullptr;
  int hour = ReminderHour();
  std::optional<core::Date> last;
  return std::make_unique<PeriodicTask>(
      [deps, hour, last](std::stop_token stop) mutable {
        auto day = core::ReminderRunDue(deps.clock.NowUnixSeconds(), hour, last);
        if (!day) return false;
        last = day;  // once a day, whether it succeeds or not (the next day retries)
        // The schedule acts for the registry as the operator does.
        auto run = core::RunReminders(deps, core::CommandLineCaller(), *day, stop);
        if (!run) ReportFailure("reminders", run.error());
        return false;
      },
      60 * 1000);
}

}  // namespace kakari::app
