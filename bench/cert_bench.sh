#!/usr/bin/env bash
# Certificate rendering (issue 4): Kakari in one process (one PDF per
# certificate, the same on every core, and a 100-certificate mail batch),
# side by side in the same run with LibreOffice converting 100 equivalent
# HTML documents in one invocation and Chromium printing the same HTML page
# to PDF. Usage: bench/cert_bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/cert
n=${1:-1000}
rm -rf "$out" && mkdir -p "$out/html" "$out/lo" "$out/chromium"
command -v soffice >/dev/null || ${SUDO:-} apt-get install -y -q --no-install-recommends \
  libreoffice-writer-nogui >/dev/null
command -v pdftoppm >/dev/null || ${SUDO:-} apt-get install -y -q poppler-utils >/dev/null

build/bench/cert_bench "$n" "$out"
echo "kakari PDF: $(pdffonts "$out/kakari.pdf" | tail -n +3 | awk '{print $1}' | paste -sd' ' -)"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
lo() { soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to pdf:writer_web_pdf_Export --outdir "$out/lo" "$@" >/dev/null 2>&1; }
lo "$out/html/cert-1.html"  # first start creates the profile: not timed
start=$(date +%s.%N)
lo "$out"/html/cert-*.html
end=$(date +%s.%N)
lo_total=$(echo "$end - $start" | bc)
lo_each=$(echo "scale=2; $lo_total * 1000 / 100" | bc)
echo "libreoffice, 100 documents in one invocation: ${lo_total} s, ${lo_each} ms each," \
  "$(stat -c %s "$out/lo/cert-1.pdf") bytes per PDF"

start=$(date +%s.%N)
for i in $(seq 1 10); do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/chromium/cert-$i.pdf" "file://$PWD/$out/html/cert-$i.html" >/dev/null 2>&1
done
end=$(date +%s.%N)
cr_each=$(echo "scale=2; ($end - $start) * 1000 / 10" | bc)
echo "chromium --print-to-pdf, 10 documents one invocation each: ${cr_each} ms each," \
  "$(stat -c %s "$out/chromium/cert-1.pdf") bytes per PDF"
