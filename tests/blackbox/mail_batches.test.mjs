// Delivery by mail: a paper application entered by staff is approved, its
// certificate waits for mailing, staff batch it, print the certificates and
// the 12-up address labels (checked with pdftotext and pdfinfo), mark the
// batch sent, and the doctor sees the date. Plus a merged selection.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoDb, kakari, login, repoRoot, startServer, tempDir } from './helpers.mjs';

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function savePdf(response, dir, name) {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await response.raw.arrayBuffer()));
  assert.equal(spawnSync('qpdf', ['--check', file]).status, 0);
  return file;
}

const text = (file) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
// As laid out on the page (a label's lines are read in place, not as columns).
const layoutText = (file) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
const pages = (file) => Number(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout
  .match(/Pages:\s+(\d+)/)[1]);

test('paper application → certificate by mail → batch, certificates and labels → sent', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const reviewer = await login(base, 'reviewer-13001');
  const doctor = await login(base, '99100001');

  const scan = await reviewer.request('POST', '/api/v1/files', {
    body: SCAN,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('修了申請書.pdf') },
  });
  assert.equal(scan.status, 201);
  const paper = await reviewer.post('/api/v1/staff/paper-applications',
    { registry_number: '100001', scan_file_id: scan.body.id });
  assert.equal(paper.status, 201, JSON.stringify(paper.body));
  const approved = await reviewer.post(`/api/v1/staff/items/application/${paper.body.id}/decision`,
    { action: 'approve' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  const pending = await reviewer.get('/api/v1/staff/mail/pending');
  assert.equal(pending.status, 200);
  assert.equal(pending.body.items.length, 1);
  const cert = pending.body.items[0];
  assert.equal(cert.delivery, 'mail');
  assert.equal(cert.mailed_at, null);

  // Choosing who goes in: a number not waiting is named, and nothing is made.
  const wrong = await reviewer.post('/api/v1/staff/mail/batches', { numbers: [cert.number, '第K1999-000001号'] });
  assert.equal(wrong.status, 422, JSON.stringify(wrong.body));
  assert.match(wrong.body.error.message_ja, /第K1999-000001号 は郵送待ちではありません/);
  assert.equal((await reviewer.get('/api/v1/staff/mail/batches')).body.items.length, 0, 'nothing made');
  assert.equal((await reviewer.post('/api/v1/staff/mail/batches', { numbers: [] })).status, 400);
  assert.equal((await reviewer.post('/api/v1/staff/mail/batches', { numbers: 'all' })).status, 400);
  const batch = await reviewer.post('/api/v1/staff/mail/batches', { numbers: [cert.number] });
  assert.equal(batch.status, 201, JSON.stringify(batch.body));
  assert.equal(batch.body.count, 1);
  // Who is in it.
  const members = await reviewer.get(`/api/v1/staff/mail/batches/${batch.body.id}`);
  assert.equal(members.status, 200);
  assert.deepEqual(members.body.certificates.map((c) => [c.number, c.name]), [[cert.number, '髙橋　太郎']]);
  assert.equal(batch.body.sent_at, null);
  assert.equal((await reviewer.get('/api/v1/staff/mail/pending')).body.items.length, 0);
  const empty = await reviewer.post('/api/v1/staff/mail/batches', {});
  assert.equal(empty.status, 422, 'nothing left to batch');

  const certs = await savePdf(await reviewer.get(`/api/v1/staff/mail/batches/${batch.body.id}/certificates`), dir, 'batch.pdf');
  assert.match(text(certs).replace(/\s+/g, ''), /髙橋太郎/);
  const labels = await savePdf(await reviewer.get(`/api/v1/staff/mail/batches/${batch.body.id}/labels`), dir, 'labels.pdf');
  mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
  copyFileSync(labels, path.join(repoRoot, 'test-artifacts', 'mail-labels.pdf'));  // to look at
  const labelText = layoutText(labels).replace(/\s+/g, '');
  for (const want of ['〒113-8621', '東京都文京区本駒込2-28-16', '髙橋太郎様', '修了証在中', '差出人']) {
    assert.ok(labelText.includes(want), `label shows ${want}: ${labelText}`);
  }
  // The sender: the association's name and the address it recorded.
  const own = (await reviewer.get('/api/v1/admin/association')).body;
  assert.equal(own.code, '13001');
  assert.match(own.sender_line, /^〒\d{3}-\d{4} .+TEL /);
  assert.ok(labelText.includes(`差出人${own.name_ja}`), labelText);
  assert.ok(labelText.includes(own.sender_line.replace(/\s+/g, '')), `label shows the sender's address: ${labelText}`);

  // Not yet sent: the doctor sees no date; after marking, the date.
  const before = await doctor.get('/api/v1/me/certificates');
  assert.equal(before.body.items[0].mailed_at, null);
  const sent = await reviewer.post(`/api/v1/staff/mail/batches/${batch.body.id}/sent`, {});
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.match(sent.body.sent_at, /^\d{4}-\d{2}-\d{2}T/);
  const after = await doctor.get('/api/v1/me/certificates');
  assert.equal(after.body.items[0].mailed_at, sent.body.sent_at);
  assert.equal((await reviewer.post(`/api/v1/staff/mail/batches/${batch.body.id}/sent`, {})).status, 409);
  const listed = await reviewer.get('/api/v1/staff/mail/batches');
  assert.equal(listed.body.items[0].id, batch.body.id);

  // Out of scope: another prefecture's admin, a doctor, an unknown batch.
  const osaka = kakari(['user', 'add', '--login', 'admin-27', '--role', 'admin', '--association', '27', '--db', db],
    { input: 'osaka-admin-password\n' });
  assert.equal(osaka.status, 0, osaka.stderr);
  const other = await login(base, 'admin-27', 'osaka-admin-password');
  assert.equal((await other.get(`/api/v1/staff/mail/batches/${batch.body.id}/labels`)).status, 404);
  assert.equal((await other.post(`/api/v1/staff/mail/batches/${batch.body.id}/sent`, {})).status, 404);
  assert.equal((await doctor.get('/api/v1/staff/mail/pending')).status, 403);
  assert.equal((await reviewer.get('/api/v1/staff/mail/batches/999999/labels')).status, 404);
  assert.equal((await other.get(`/api/v1/staff/mail/batches/${batch.body.id}`)).status, 404);
});

test('any selection of certificates as one merged PDF, each in scope', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const all = JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout);
  const numbers = [...new Set(all.map((c) => c.number))];
  assert.ok(numbers.length >= 2);
  const jma = await login(base, 'jma-admin');
  const merged = await savePdf(await jma.post('/api/v1/staff/certificates/merged', { numbers }), dir, 'merged.pdf');
  assert.equal(pages(merged), numbers.length);
  const tokyo = await login(base, 'admin-13');  // the demo's certificates are outside Tokyo
  assert.equal((await tokyo.post('/api/v1/staff/certificates/merged', { numbers })).status, 404);
  assert.equal((await jma.post('/api/v1/staff/certificates/merged', { numbers: [] })).status, 400);
  assert.equal((await jma.post('/api/v1/staff/certificates/merged', { numbers: 'x' })).status, 400);
});

test('paper forms: blank for anyone, pre-filled for the doctor and for staff in scope', async (t) => {
  const dir = tempDir(t);
  const db = demoDb(dir);
  const { base } = await startServer(t, db);
  const titles = {
    application: '修了申請書',
    'practical-report': '実地研修（経験）報告書',
    declaration: '単位追加申告書',
  };
  for (const [kind, title] of Object.entries(titles)) {
    const r = await fetch(`${base}/api/v1/forms/${kind}`);
    assert.equal(r.status, 200, kind);
    const file = path.join(dir, `${kind}.pdf`);
    writeFileSync(file, Buffer.from(await r.arrayBuffer()));
    const body = text(file).replace(/\s+/g, '');
    assert.ok(body.includes(title), `${kind}: ${title}`);
    for (const field of ['氏名', 'フリガナ', '生年月日', '医籍登録番号', '所属医師会', '署名']) {
      assert.ok(body.includes(field), `${kind} has ${field}`);
    }
  }
  assert.equal((await fetch(`${base}/api/v1/forms/unknown`)).status, 404);

  const doctor = await login(base, '99100001');
  const mine = await savePdf(await doctor.get('/api/v1/me/forms/application'), dir, 'mine.pdf');
  const filled = text(mine).replace(/\s+/g, '');
  for (const want of ['髙橋', '太郎', 'タカハシ', 'タロウ', '100001', '6.5単位', '学校医']) {
    assert.ok(filled.includes(want), `pre-filled: ${want}`);
  }
  assert.equal((await doctor.get('/api/v1/staff/doctors/100001/forms/application')).status, 403);

  const reviewer = await login(base, 'reviewer-13001');
  const staff = await savePdf(await reviewer.get('/api/v1/staff/doctors/100001/forms/declaration'), dir, 'staff.pdf');
  assert.ok(text(staff).replace(/\s+/g, '').includes('髙橋太郎'));
  const osaka = kakari(['user', 'add', '--login', 'admin-27', '--role', 'admin', '--association', '27', '--db', db],
    { input: 'osaka-admin-password\n' });
  assert.equal(osaka.status, 0, osaka.stderr);
  const other = await login(base, 'admin-27', 'osaka-admin-password');
  assert.equal((await other.get('/api/v1/staff/doctors/100001/forms/application')).status, 404);
});

test('paper desk: a new doctor is checked field by field; a non-member\'s application says where it went', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const reviewer = await login(base, 'reviewer-13001');
  const good = {
    registry_number: '888001', name: '髙﨑　一郎', kana: 'たかさき　いちろう', birth_date: '昭和50年5月5日',
    association_code: '13001', postal_code: '１０２-００７５', address: '東京都千代田区三番町1', email: 'ichiro@example.jp',
  };
  for (const [field, value] of [['kana', '高崎'], ['postal_code', '12'], ['email', 'no-at-sign'],
    ['birth_date', '2999-01-01'], ['registry_number', 'abc'], ['member_id', '!!']]) {
    const r = await reviewer.post('/api/v1/staff/doctors', { ...good, [field]: value });
    assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.field, field);
    assert.ok(r.body.error.message_ja && r.body.error.message_en);
  }
  const created = await reviewer.post('/api/v1/staff/doctors', good);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.kana, 'タカサキ　イチロウ', 'hiragana folded to katakana');

  const scan = await reviewer.request('POST', '/api/v1/files', {
    body: SCAN, headers: { 'content-type': 'application/octet-stream' },
  });
  const paper = await reviewer.post('/api/v1/staff/paper-applications', { registry_number: '888001', scan_file_id: scan.body.id });
  assert.equal(paper.status, 201, JSON.stringify(paper.body));
  assert.equal(paper.body.visible, false, 'a non-member\'s application goes to the prefecture here');
  assert.equal(paper.body.routed_to, '13');
  assert.match(paper.body.message_ja, /東京都医師会/);
});
