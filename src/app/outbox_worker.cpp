#include "app/outbox_worker.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "mail/smtp_transport.hpp"

namespace kakari::app {

OutboxWorker::OutboxWorker(core::Deps deps, std::unique_ptr<core::MailTransport> transport,
                           core::DeliveryOptions options, int interval_ms)
    : deps_(deps),
      transport_(std::move(transport)),
      options_(std::move(options)),
      interval_ms_(interval_ms) {}

OutboxWorker::~OutboxWorker() { Stop(); }

void OutboxWorker::Start() {
  thread_ = std::thread([this] { Run(); });
}

void OutboxWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    auto round = core::DeliverDueNotices(deps_, *transport_, options_);
    if (!round) {
      // The store is busy or down: try again next time. Only the code: the
      // detail may name a table, never a person.
      std::cerr << "outbox: delivery round failed (" << static_cast<int>(round.error().code)
                << ")\n";
    }
    bool more = round && round->claimed == options_.batch;
    lock.lock();
    if (!more) {
      wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; });
    }
  }
}

std::unique_ptr<OutboxWorker> OutboxFromEnvironment(const core::Deps& deps,
                                                    const std::string& public_url) {
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
  const char* interval = std::getenv("KAKARI_OUTBOX_INTERVAL_MS");
  int interval_ms = interval && *interval ? std::atoi(interval) : 2000;
  std::cerr << "outbox: delivering notices through " << mail::RedactedUrl(url) << "\n";
  return std::make_unique<OutboxWorker>(deps, std::make_unique<mail::SmtpTransport>(config),
                                        core::DeliveryOptions{public_url, 50},
                                        interval_ms > 0 ? interval_ms : 2000);
}

}  // namespace kakari::app
