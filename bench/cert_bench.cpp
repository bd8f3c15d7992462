// Certificate rendering in one process: N certificates one call each, the
// mean time per certificate and the PDF size; also writes an equivalent
// HTML page (same text, the QR code as inline SVG) for the LibreOffice and
// Chromium comparison in bench/cert_bench.sh.
// Usage: cert_bench N OUT_DIR
#include <qrencode.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/domain/documents.hpp"
#include "pdf/cairo_renderer.hpp"

namespace {

kakari::core::CertificateDocument Sample(int i) {
  kakari::core::CertificateDocument d;
  d.name = "髙橋　太郎";
  d.personal_lines = {"生年月日　昭和45年4月1日", "医籍登録番号　第123456号"};
  d.programme = "かかりつけ医機能報告制度にかかる研修";
  d.statement =
      "あなたは日本医師会が定める「かかりつけ医機能報告制度にかかる研修」の修了要件を満たしたことを"
      "証します。";
  d.issued_wareki = "令和8年1月15日";
  d.issued_western = "（2026年1月15日）";
  d.signatory_title = "日本医師会長";
  d.signatory_name = "松本　吉郎";
  char number[64];
  std::snprintf(number, sizeof number, "第K2026-%06d号", i);
  d.number = number;
  d.qr_text =
      "http://127.0.0.1:8080/verify/%E7%AC%ACK2026-000001%E5%8F%B7?c=S0sxHzk3MzAzYWM2H-"
      "esrEsyMDI2LTAwMDAwMeWPtx8xHzIwMjYtMTEtMjEf5L2Q6Jek44CA576O5ZKyH2tha2FyaS0yMDI1."
      "X0ttHnB2iyGvawkJb-PjOmdr52SJzT85CE9EBtdgdzGWCUDYZT-6K6vCjz0koqe-nMxkUBfqkD2KdUr4tpyGAg";
  d.short_url = std::string("http://127.0.0.1:8080/verify/") + number;
  return d;
}

std::string QrSvg(const std::string& text) {
  QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int side = qr->width + 8;
  std::string svg =
      "<svg xmlns='http://www.w3.org/2000/svg' width='132pt' height='132pt' "
      "viewBox='0 0 " +
      std::to_string(side) + " " + std::to_string(side) + "'>";
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (qr->data[r * qr->width + c] & 1) {
        svg += "<rect x='" + std::to_string(c + 4) + "' y='" + std::to_string(r + 4) +
               "' width='1' height='1'/>";
      }
    }
  }
  QRcode_free(qr);
  return svg + "</svg>";
}

std::string Html(const kakari::core::CertificateDocument& d) {
  std::string personal;
  for (const auto& l : d.personal_lines) personal += "<p class='p'>" + l + "</p>";
  return "<!doctype html><html lang='ja'><head><meta charset='utf-8'><style>"
         "@page{size:A4;margin:0}body{margin:0;font-family:'IPAexMincho'}"
         ".page{width:210mm;height:297mm;box-sizing:border-box;border:3px double #000;"
         "padding:20mm;position:relative}.n{text-align:right;font-family:'IPAexGothic';"
         "font-size:10pt}h1{text-align:center;font-size:44pt;letter-spacing:18pt;"
         "font-weight:normal}.name{text-align:center;font-size:28pt}.p{text-align:center;"
         "font-size:12pt;margin:2pt}.s{font-size:16pt;margin:30pt 20pt}.d{font-size:15pt}"
         ".g{text-align:right;font-size:18pt;margin-top:40pt}.q{position:absolute;bottom:20mm;"
         "left:18mm;display:flex;gap:8pt;font-family:'IPAexGothic';font-size:9pt}"
         "</style></head><body><div class='page'><div class='n'>" +
         d.number + "</div><h1>修了証</h1><p class='name'>" + d.name + "　殿</p>" + personal +
         "<p class='s'>　" + d.statement + "</p><p class='d'>" + d.issued_wareki + "<br>" +
         d.issued_western + "</p><p class='g'>" + d.signatory_title + "　" + d.signatory_name +
         "</p><div class='q'>" + QrSvg(d.qr_text) +
         "<div><p>この修了証の真正性は、QRコードまたは次のアドレスで確認できます。</p><p>" +
         d.short_url + "</p></div></div></div></body></html>";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: cert_bench N OUT_DIR\n");
    return 2;
  }
  int n = std::stoi(argv[1]);
  std::string out = argv[2];
  kakari::pdf::CairoRenderer renderer;
  (void)renderer.Certificates(std::vector{Sample(0)});  // fonts loaded once, as in a server
  size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 1; i <= n; ++i) {
    auto pdf = renderer.Certificates(std::vector{Sample(i)});
    if (!pdf) {
      std::fprintf(stderr, "render failed: %s\n", pdf.error().message_en.c_str());
      return 1;
    }
    bytes = pdf->size();
    if (i == 1) std::ofstream(out + "/kakari.pdf", std::ios::binary) << *pdf;
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "kakari, one PDF per certificate (download): %d in %.0f ms, %.2f ms each, "
      "%.0f per second, %zu bytes per PDF\n",
      n, ms, ms / n, n * 1000.0 / ms, bytes);
  // The same on every core, one PDF per certificate, as a server would.
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<int> next{1};
  std::atomic<bool> failed{false};
  start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i <= n; i = next++) {
        if (!renderer.Certificates(std::vector{Sample(i)})) failed = true;
      }
    });
  }
  for (auto& t : pool) t.join();
  if (failed) return 1;
  ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "kakari, one PDF per certificate on %u threads: %d in %.0f ms, %.2f ms each, "
      "%.0f per second\n",
      threads, n, ms, ms / n, n * 1000.0 / ms);
  // A mail batch: 100 certificates in one PDF (fonts subset once).
  std::vector<kakari::core::CertificateDocument> batch;
  for (int i = 1; i <= 100; ++i) batch.push_back(Sample(i));
  start = std::chrono::steady_clock::now();
  auto merged = renderer.Certificates(batch);
  ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!merged) return 1;
  std::printf(
      "kakari, 100 certificates in one PDF (mail batch): %.0f ms, %.2f ms each, "
      "%zu bytes (%.0f per certificate)\n",
      ms, ms / 100, merged->size(), merged->size() / 100.0);
  for (int i = 1; i <= 100; ++i) {
    std::ofstream(out + "/html/cert-" + std::to_string(i) + ".html") << Html(Sample(i));
  }
  return 0;
}
