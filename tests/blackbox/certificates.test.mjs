// The certificate path with real tools: approve → certificate → download →
// qpdf, pdffonts, pdftotext → pdftoppm + zbarimg decode the QR code → the
// verification page, the JSON endpoint and `kakari cert verify` accept it;
// a changed or truncated code is refused; reissue and revocation show up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, kakari, login, startServer, tempDir } from './helpers.mjs';

function tool(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

// 令和N年M月D日 for today in Japan (Reiwa began in 2019).
function todayWareki() {
  const d = new Date(Date.now() + 9 * 3600 * 1000);
  const y = d.getUTCFullYear() - 2018;
  return `令和${y === 1 ? '元' : y}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

async function pdfOf(client, number, dir, name) {
  const r = await client.get(`/api/v1/certificates/${encodeURIComponent(number)}/pdf`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await r.raw.arrayBuffer()));
  return file;
}

function decodeQr(pdf, dir) {
  const prefix = path.join(dir, path.basename(pdf, '.pdf'));
  assert.equal(tool('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdf, prefix]).status, 0);
  const r = tool('zbarimg', ['-q', '--raw', `${prefix}-1.png`]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

test('approve → certificate → PDF checked by real tools → QR verified online and offline', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const doctor = await login(base, '99100001');  // 髙橋　太郎, complete
  const admin = await login(base, 'admin-13');

  const applied = await doctor.post('/api/v1/me/applications', {});
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const approved = await admin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`,
    { action: 'approve' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  const mine = await doctor.get('/api/v1/me/certificates');
  assert.equal(mine.body.items.length, 1);
  const cert = mine.body.items[0];
  assert.match(cert.number, /^第K\d{4}-\d{6}号$/);
  assert.equal(cert.status, 'valid');
  assert.equal(cert.name, '髙橋　太郎');
  assert.equal(cert.issued_on_wareki, todayWareki());

  const pdf = await pdfOf(doctor, cert.number, dir, 'cert.pdf');
  assert.equal(tool('qpdf', ['--check', pdf]).status, 0);
  const fonts = tool('pdffonts', [pdf]).stdout.trim().split('\n').slice(2);
  assert.ok(fonts.length > 0);
  for (const line of fonts) {
    assert.match(line, /^[A-Z]{6}\+/, `subset font name: ${line}`);
    assert.match(line, /\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/, `embedded subset: ${line}`);
  }
  const text = tool('pdftotext', [pdf, '-']).stdout.replace(/\s+/g, '');
  for (const want of ['修了証', '髙橋太郎', cert.number, todayWareki(), '日本医師会長']) {
    assert.ok(text.includes(want.replace(/\s+/g, '')), `pdftotext finds ${want}`);
  }

  // The QR code, decoded from the rendered page, opens this server's page.
  const url = decodeQr(pdf, dir);
  assert.ok(url.startsWith(`${base}/verify/`), url);
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /有効な修了証です/);
  const code = new URL(url).searchParams.get('c');
  const api = `${base}/api/v1/verify/${encodeURIComponent(cert.number)}`;
  const ok = await (await fetch(`${api}?c=${code}`)).json();
  assert.equal(ok.verdict, 'valid');
  assert.equal(ok.name, '髙橋　太郎');
  assert.equal(ok.registry_number, undefined, 'nothing personal beyond the face');
  assert.equal(ok.birth_date, undefined);

  // Offline: the CLI checks the payload and the PDF against the published key.
  assert.equal(kakari(['cert', 'verify', code, '--db', db]).status, 0);
  assert.equal(kakari(['cert', 'verify', pdf, '--db', db]).status, 0);
  const scanned = kakari(['cert', 'verify', url, '--db', db]);
  assert.equal(scanned.status, 0, `the QR code's URL verifies as it is: ${scanned.stderr}`);
  assert.match(scanned.stdout, new RegExp(cert.number));
  const bare = kakari(['cert', 'verify', `${base}/verify/${encodeURIComponent(cert.number)}`, '--db', db]);
  assert.equal(bare.status, 2, 'a URL without the signed data is a usage error');
  assert.match(bare.stderr, /c=/);
  const listed = JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout);
  assert.equal(listed[0].number, cert.number, 'newest first');
  assert.equal(listed[0].registry_number, '100001');
  // The demo itself holds issued, reissued and revoked certificates.
  assert.deepEqual([...new Set(listed.map((c) => c.status))].sort(), ['revoked', 'superseded', 'valid']);

  // A changed character of the signed body: not genuine, and nothing shown.
  const [body, sig] = code.split('.');
  const flipped = `${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}.${sig}`;
  const forged = await (await fetch(`${api}?c=${flipped}`)).json();
  assert.deepEqual(forged, { verdict: 'not_genuine' });
  const cliForged = kakari(['cert', 'verify', flipped, '--db', db]);
  assert.equal(cliForged.status, 1);
  assert.match(cliForged.stdout, /not_genuine/);
  // Truncated: refused with its reason.
  const truncated = await fetch(`${api}?c=${code.slice(0, code.length - 20)}`);
  assert.equal(truncated.status, 400);
  assert.match((await truncated.json()).error.message_en, /truncated/);
  const cliTruncated = kakari(['cert', 'verify', body, '--db', db]);
  assert.notEqual(cliTruncated.status, 0);
  assert.match(cliTruncated.stderr, /truncated/);
  // The right code under another number, and an unknown number.
  const other = await fetch(`${base}/api/v1/verify/${encodeURIComponent('第K1999-000001号')}?c=${code}`);
  assert.equal(other.status, 404);
  assert.equal((await other.json()).verdict, 'unknown');

  // Another doctor cannot download it.
  const stranger = await login(base, '99100002');
  const denied = await stranger.get(`/api/v1/certificates/${encodeURIComponent(cert.number)}/pdf`);
  assert.equal(denied.status, 404);

  // Reissue: same number, version 2; the first version now reads superseded.
  const reissued = await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(cert.number)}/reissue`,
    { reason: '紛失による再交付' });
  assert.equal(reissued.status, 201, JSON.stringify(reissued.body));
  assert.equal(reissued.body.number, cert.number);
  assert.equal(reissued.body.version, 2);
  const old = await (await fetch(`${api}?c=${code}`)).json();
  assert.equal(old.verdict, 'superseded');
  assert.equal(old.latest_version, 2);
  const pdf2 = await pdfOf(doctor, cert.number, dir, 'cert-v2.pdf');
  assert.match(tool('pdftotext', [pdf2, '-']).stdout, /再交付/);
  const code2 = new URL(decodeQr(pdf2, dir)).searchParams.get('c');
  assert.equal((await (await fetch(`${api}?c=${code2}`)).json()).verdict, 'valid');

  // Revocation needs a reason, then shows with it; the CLI exits 1.
  const noReason = await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(cert.number)}/revoke`, { reason: ' ' });
  assert.equal(noReason.status, 400);
  const revoked = await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(cert.number)}/revoke`,
    { reason: '申請内容の誤り' });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
  const after = await (await fetch(`${api}?c=${code2}`)).json();
  assert.equal(after.verdict, 'revoked');
  assert.equal(after.revoked_reason, '申請内容の誤り');
  assert.equal(kakari(['cert', 'verify', code2, '--db', db]).status, 1);
  const again = await admin.post(`/api/v1/staff/certificates/${encodeURIComponent(cert.number)}/revoke`, { reason: 'x' });
  assert.equal(again.status, 409);
});

test('verification is rate-limited per address', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  let limited = null;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await fetch(`${base}/api/v1/verify/${encodeURIComponent('第K2026-000001号')}?c=x.y`);
    if (r.status === 429) limited = r;
  }
  assert.ok(limited, 'refused with 429 within 40 requests');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

const SEAL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAL0lEQVR4nO3OIQEAAAgDsCd5/yi0ghiYifll2v0UAQEBAQEBAQEBAQEBAQGB78ABU20MeTVK9EEAAAAASUVORK5CYII=', 'base64');
const NOT_AN_IMAGE = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(client, bytes, name) {
  return client.request('POST', '/api/v1/files', {
    body: bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
  });
}

test('numbering, display and signatory settings: JMA only, checked, and older certificates keep theirs', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const jma = await login(base, 'jma-admin');
  const tokyo = await login(base, 'admin-13');

  const before = await jma.get('/api/v1/admin/certificate-settings');
  assert.equal(before.body.number_pattern, '第K{year}-{seq:6}号');
  const settings = { number_pattern: 'KK{year}/{seq:4}', show_birth_date: false, show_registry_number: true, show_western_date: false };
  assert.equal((await tokyo.request('PUT', '/api/v1/admin/certificate-settings', { json: settings })).status, 403);
  const bad = await jma.request('PUT', '/api/v1/admin/certificate-settings', { json: { ...settings, number_pattern: '第{seq}号' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'pattern');
  assert.equal((await jma.request('PUT', '/api/v1/admin/certificate-settings', { json: { ...settings, show_birth_date: 'no' } })).status, 400);
  assert.equal((await jma.request('PUT', '/api/v1/admin/certificate-settings', { json: settings })).status, 200);

  // The seal must be PNG or JPEG; the new signatory must start after the current one.
  const pdfSeal = await upload(jma, NOT_AN_IMAGE, 'seal.pdf');
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  const refused = await jma.post('/api/v1/admin/signatories', { effective_from: today, title: '日本医師会長', name: '後任　次郎', seal_file_id: pdfSeal.body.id });
  assert.equal(refused.status, 415);
  const png = await upload(jma, SEAL_PNG, 'seal.png');
  const early = await jma.post('/api/v1/admin/signatories', { effective_from: '2020-01-01', title: '日本医師会長', name: '後任　次郎', seal_file_id: png.body.id });
  assert.equal(early.status, 422);
  assert.equal((await tokyo.post('/api/v1/admin/signatories', { effective_from: today, title: '日本医師会長', name: 'x' })).status, 403);
  const added = await jma.post('/api/v1/admin/signatories', { effective_from: today, title: '日本医師会長', name: '後任　次郎', seal_file_id: png.body.id });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.has_seal, true);
  // The seeded one, the demo's same signatory with a seal image, the new one.
  assert.equal((await jma.get('/api/v1/admin/signatories')).body.items.length, 3);

  // A certificate issued now: new pattern, new signatory with the seal, no birth date.
  const doctor = await login(base, '99100001');
  const applied = await doctor.post('/api/v1/me/applications', {});
  assert.equal((await tokyo.post(`/api/v1/staff/items/application/${applied.body.id}/decision`, { action: 'approve' })).status, 200);
  const cert = (await doctor.get('/api/v1/me/certificates')).body.items[0];
  assert.match(cert.number, /^KK\d{4}\/\d{4}$/);
  const pdf = await pdfOf(doctor, cert.number, dir, 'new.pdf');
  const text = tool('pdftotext', [pdf, '-']).stdout.replace(/\s+/g, '');
  assert.ok(text.includes('後任次郎'));
  assert.ok(!text.includes('生年月日'), 'birth date hidden by the setting');
  const images = tool('pdfimages', ['-list', pdf]).stdout.trim().split('\n').slice(2);
  assert.equal(images.length, 2, 'the QR code and the seal');
  const url = decodeQr(pdf, dir);
  assert.equal((await (await fetch(url.replace('/verify/', '/api/v1/verify/'))).json()).verdict, 'valid');

  // A certificate issued before keeps the signatory in office then.
  const older = JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout).find((c) => c.number.startsWith('第K'));
  const olderPdf = path.join(dir, 'older.pdf');
  assert.equal(kakari(['cert', 'pdf', older.number, '--out', olderPdf, '--db', db]).status, 0);
  assert.ok(tool('pdftotext', [olderPdf, '-']).stdout.replace(/\s+/g, '').includes('松本吉郎'));
});
