#include "mail/smtp_transport.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>

namespace kakari::mail {

namespace {

struct Upload {
  std::string_view data;
  size_t offset = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * count, up->data.size() - up->offset);
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

bool HasCredentials(std::string_view url) {
  auto scheme_end = url.find("://");
  auto at = url.find('@', scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  return at != std::string_view::npos &&
         url.substr(0, at).find(':', scheme_end + 3) != std::string_view::npos;
}

std::string RandomBoundary() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  return "kakari-" + Base64(std::string_view(reinterpret_cast<char*>(bytes), sizeof bytes));
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::SendResult Outcome(CURLcode rc, long response, const char* error) {
  if (rc == CURLE_OK) return {core::SendOutcome::kSent, std::to_string(response)};
  std::string detail = std::to_string(response) + " " + (*error ? error : curl_easy_strerror(rc));
  bool permanent = response >= 500 && response < 600;
  return {permanent ? core::SendOutcome::kPermanent : core::SendOutcome::kTransient, detail};
}

}  // namespace

std::string RedactedUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  auto at = url.find('@', scheme_end + 3);
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, scheme_end + 3)) + "***@" + std::string(url.substr(at + 1));
}

core::SendResult SmtpTransport::Send(const core::OutgoingMail& mail) const {
  if (!IsPlainAddress(mail.to_address)) {
    return {core::SendOutcome::kPermanent, "the recipient's address cannot be used"};
  }
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {core::SendOutcome::kTransient, "curl_easy_init failed"};
  std::string message = BuildMessage(mail, config_.from, Now(), RandomBoundary());
  Upload upload{message};
  std::string from = "<" + config_.from.address + ">";
  std::string to = "<" + mail.to_address + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, config_.timeout_seconds);
  if (HasCredentials(config_.url)) curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
  CURLcode rc = curl_easy_perform(h);
  long response = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all(rcpt);
  return Outcome(rc, response, error);
}

}  // namespace kakari::mail
