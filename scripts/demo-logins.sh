#!/usr/bin/env bash
# Prints how to try the demo: its address and the demo logins.
listen=${1:-127.0.0.1:8080}
cat <<TEXT

Kakari デモ / demo:  http://${listen}/

デモ用ログイン（パスワードはすべて kakari-demo-2026）/ demo logins (password: kakari-demo-2026):
  医師 / doctor                        99100001  髙橋 太郎 — 修了要件を満たす、未申請 / complete, not applied
  医師 / doctor                        99100003  𠮷田 健一 — 実地研修が審査待ち / activity awaiting review
  郡市区医師会 審査担当 / county reviewer  reviewer-13001
  都道府県医師会 管理者 / prefecture admin admin-13
  日本医師会 管理者 / JMA administrator    jma-admin
  医療機関 / institution (有り / yes)    institution-1
  医療機関 / institution (無し: 修了証取消し / revoked)      institution-2
  歯科医療機関 / dental (報告対象外 / exempt)               institution-3
  特定機能病院 / advanced treatment (報告対象外 / exempt)   institution-4
  医療機関 / institution (無し: 修了者が昨年退職 / left)    institution-5

API: docs/openapi.yaml（ログインは POST /api/v1/session / log in with POST /api/v1/session）
G-MISの回答 / the G-MIS answer: kakari gmis --db demo.db --institution 1319000046 --json
Ctrl+C で停止 / Ctrl+C stops the server.
TEXT
