#!/usr/bin/env bash
# Prints how to try the demo. Accounts and passwords come with the accounts
# issue; until then the page looks doctors up by registry number.
listen=${1:-127.0.0.1:8080}
cat <<TEXT

Kakari デモ / demo:  http://${listen}/

デモ用の医師（医籍登録番号で表示）/ demo doctors (look up by registry number):
  http://${listen}/?doctor=100001   髙橋 太郎 — 修了要件を満たす / complete (11.5 units)
  http://${listen}/?doctor=100002   山﨑 花子 — 座学があと2.5単位 / 2.5 lecture units short
  http://${listen}/?doctor=100003   𠮷田 健一 — 実地研修が未承認 / activity awaiting review
  http://${listen}/?doctor=100004   勅使河原 寿々花之丞 — 座学が0単位 / no lecture units

ログイン機能は次の段階で追加されます / logins arrive with the accounts issue.
Ctrl+C で停止 / Ctrl+C stops the server.
TEXT
