// The printed address works when typed (issue 16, item 6): the certificate
// PDF prints https://host/v/XXXXX-XXXXX and the check code; typed as printed,
// in lower case, in full width or with the IME's ー it opens the verdict; the
// page without a code is a form asking for it; "no code given", "unknown
// number", "no certificate has this code", "not a code" and "not genuine"
// are different messages. The PDF body breaks lines between phrases and says
// what was completed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, login, startServer, tempDir } from './helpers.mjs';

async function page(url) {
  const r = await fetch(url);
  return { status: r.status, html: await r.text(), type: r.headers.get('content-type') };
}

test('a certificate is verified by typing its printed short address and code', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const doctor = await login(base, '99100001');
  const admin = await login(base, 'admin-13');
  const applied = await doctor.post('/api/v1/me/applications', {});
  assert.equal((await admin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`,
    { action: 'approve' })).status, 200);
  const cert = (await doctor.get('/api/v1/me/certificates')).body.items[0];
  const pdfRes = await doctor.get(`/api/v1/certificates/${encodeURIComponent(cert.number)}/pdf`);
  const pdf = path.join(dir, 'cert.pdf');
  writeFileSync(pdf, Buffer.from(await pdfRes.raw.arrayBuffer()));
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;

  // What was completed, and lines broken only between phrases.
  assert.match(text, /座学研修（知識）\s+6\.5単位/);
  assert.match(text, /実地研修（経験）\s+1件（5単位）/);
  assert.match(text, /修了日\s+令和\d+年\d+月\d+日/);
  assert.ok(text.includes('「かかりつけ医機能報告制度にかかる研修」の'), `phrase kept whole:\n${text}`);
  for (const line of text.split('\n')) {
    assert.doesNotMatch(line.trim(), /^(度|修」|研修」)/, `no line starts mid-phrase: ${line}`);
  }

  // The printed short address and code.
  const printed = text.match(/(https?:\/\/\S+\/v\/([0-9A-Z]{5}-[0-9A-Z]{5}))/);
  assert.ok(printed, `short address printed:\n${text}`);
  const [, shortUrl, code] = printed;
  assert.match(text, new RegExp(`確認コード\\s+${code}`));
  assert.ok(/^[\x21-\x7e]+$/.test(shortUrl), 'the address is plain ASCII');
  assert.ok(shortUrl.length < 50, `short enough to type: ${shortUrl}`);

  // Typed as printed and as people type it.
  const valid = await page(shortUrl);
  assert.equal(valid.status, 200);
  assert.match(valid.html, /有効な修了証です/);
  assert.ok(valid.html.includes('髙橋　太郎') && valid.html.includes(cert.number));
  const full = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xFEE0));
  for (const typed of [code.toLowerCase(), code.replace('-', 'ー'), code.replace('-', ''), full]) {
    const r = await page(`${base}/v/${encodeURIComponent(typed)}`);
    assert.equal(r.status, 200, typed);
    assert.match(r.html, /有効な修了証です/, typed);
  }
  // The form submits to /v?code=.
  const viaForm = await page(`${base}/v?code=${encodeURIComponent(` ${code.toLowerCase()} `)}`);
  assert.match(viaForm.html, /有効な修了証です/);
  const json = await (await fetch(`${base}/api/v1/verify-code/${code}`)).json();
  assert.equal(json.verdict, 'valid');
  assert.equal(json.number, cert.number);

  // Five different answers, each a page with the form.
  const ask = await page(`${base}/verify`);
  assert.equal(ask.status, 200);
  assert.match(ask.html, /確認コード（10文字）を入れてください/);
  assert.match(ask.html, /<form method="get" action="\/v">/);
  const noCode = await page(`${base}/verify/${encodeURIComponent(cert.number)}`);
  assert.equal(noCode.status, 200, 'a genuine number without its code is not "not confirmed"');
  assert.match(noCode.html, /確認コード（10文字）を入れてください/);
  assert.doesNotMatch(noCode.html, /本物と確認できません/);
  const unknownNumber = await page(`${base}/verify/${encodeURIComponent('第K1999-000009号')}`);
  assert.equal(unknownNumber.status, 404);
  assert.match(unknownNumber.html, /この番号の修了証はありません/);
  const unknownCode = await page(`${base}/v/${code[0] === '0' ? '1' : '0'}${code.slice(1)}`);
  assert.equal(unknownCode.status, 404);
  assert.match(unknownCode.html, /この確認コードの修了証はありません/);
  const notACode = await page(`${base}/v/${encodeURIComponent('第K2026-000004号')}`);
  assert.equal(notACode.status, 400);
  assert.match(notACode.html, /確認コードの形が違います/);
  assert.ok(notACode.html.includes('value="第K2026-000004号"'), 'what was typed is kept');
  const forged = await page(`${base}/verify/${encodeURIComponent(cert.number)}?c=AAAA.BBBB`);
  assert.equal(forged.status, 400);
  assert.match(forged.html, /本物と確認できません/);
  const escaped = await page(`${base}/v?code=${encodeURIComponent('"><script>alert(1)</script>')}`);
  assert.equal(escaped.status, 400);
  assert.ok(!escaped.html.includes('<script>alert'), 'typed text is escaped');

  // A revoked certificate's code says so.
  assert.equal((await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(cert.number)}/revoke`,
    { reason: '確認のための取消し' })).status, 200);
  assert.match((await page(shortUrl)).html, /取り消されています/);
});
