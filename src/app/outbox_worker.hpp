// The outbox sender of `kakari serve`: a thread that delivers due notices
// every few seconds through the SMTP transport, so requests never wait for
// a mail server. Several servers may run one each: the store gives every
// notice to one of them at a time. Without KAKARI_SMTP_URL it says once that
// notices stay in the inbox, and sends nothing.
// Thread-safe: Start and Stop from the thread that owns the worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/services/notice_service.hpp"

namespace kakari::app {

class OutboxWorker {
 public:
  // REQUIRES: `deps` and `transport` outlive the worker.
  OutboxWorker(core::Deps deps, std::unique_ptr<core::MailTransport> transport,
               core::DeliveryOptions options, int interval_ms);
  ~OutboxWorker();
  void Start();
  void Stop();

 private:
  void Run();

  core::Deps deps_;
  std::unique_ptr<core::MailTransport> transport_;
  core::DeliveryOptions options_;
  int interval_ms_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// The worker configured from the environment (KAKARI_SMTP_URL,
// KAKARI_MAIL_FROM, KAKARI_OUTBOX_INTERVAL_MS), or null without SMTP.
std::unique_ptr<OutboxWorker> OutboxFromEnvironment(const core::Deps& deps,
                                                    const std::string& public_url);

}  // namespace kakari::app
