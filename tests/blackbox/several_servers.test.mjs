// Several `kakari serve` processes on one database, as behind a load
// balancer: a session made on one server works on every other, a decision
// is taken once however many servers are asked at once, the login throttle
// counts attempts made through any server, and killing one server in the
// middle of a bulk approval loses nothing while the others keep answering.
// Runs on SQLite (several processes on one file) and, through
// scripts/blackbox-postgres.sh, on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, demoDb, kakari, login, rawSql, startServer, tempDir } from './helpers.mjs';

const on = (client, base) => new Client(base, client.cookie, client.csrf, client.user);

async function servers(t, db, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await startServer(t, db));
  return out;
}

function auditIntact(db) {
  const r = kakari(['audit', 'verify', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the same application approved at once through two servers: one approval, one certificate', async (t) => {
  const db = demoDb(tempDir(t));
  const [a, b] = await servers(t, db, 2);
  const doctor = await login(a.base, '99100001');
  const applied = await on(doctor, b.base).post('/api/v1/me/applications', {});
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const admin = await login(a.base, 'admin-13');
  const url = `/api/v1/staff/items/application/${applied.body.id}/decision`;
  const answers = await Promise.all([admin, on(admin, b.base)].map((c) => c.post(url, { action: 'approve' })));
  assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409], JSON.stringify(answers.map((r) => r.body)));
  const certificates = await on(doctor, b.base).get('/api/v1/me/certificates');
  assert.equal(certificates.body.items.length, 1);
  assert.equal(auditIntact(db).ok, true);
});

test('the login throttle counts wrong passwords made through any server', async (t) => {
  const db = demoDb(tempDir(t));
  const all = await servers(t, db, 3);
  const attempt = (base, password) => fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: '99100001', password }),
  });
  let last;
  // Ten failures are allowed (slowed down); the eleventh attempt is refused.
  for (let i = 0; i < 11; i++) last = await attempt(all[i % 3].base, 'wrong password');
  assert.equal(last.status, 429);
  for (const s of all) assert.equal((await attempt(s.base, 'kakari-demo-2026')).status, 429, s.base);
});

test('bulk approvals from four sessions over three servers, one server killed midway: nothing lost', async (t) => {
  const db = demoDb(tempDir(t));
  const all = await servers(t, db, 3);
  const reviewer = await login(all[0].base, 'admin-13');
  const q = await reviewer.get('/api/v1/staff/queue?status=submitted&per_page=200');
  const items = q.body.items.map((i) => ({ kind: i.kind, id: i.id }));
  assert.ok(items.length >= 4, `demo queue has ${items.length} items`);
  const sessions = [reviewer, await login(all[1].base, 'admin-13'),
    await login(all[2].base, 'admin-13'), await login(all[1].base, 'admin-13')];
  const quarter = Math.ceil(items.length / 4);
  const slices = [0, 1, 2, 3].map((k) => items.slice(k * quarter, (k + 1) * quarter));
  // Session k goes through server k % 3; server 0 is killed while they run.
  const runs = slices.map((slice, k) => on(sessions[k], all[k % 3].base)
    .post('/api/v1/staff/bulk-approve', { items: slice }).catch((e) => ({ status: 0, error: e })));
  all[0].child.kill('SIGKILL');
  const answers = await Promise.all(runs);
  for (const [k, r] of answers.entries()) {
    if (k % 3 !== 0) assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  // Whatever the killed server had not committed is still waiting, never half-done.
  const survivor = on(reviewer, all[1].base);
  assert.equal((await survivor.get('/api/v1/staff/queue')).status, 200);
  const after = await survivor.get('/api/v1/staff/queue?status=submitted&per_page=200');
  const key = (i) => `${i.kind}/${i.id}`;
  const waiting = new Set(after.body.items.map(key));
  const approvedElsewhere = answers.flatMap((r, k) => (k % 3 !== 0 ? slices[k] : []));
  for (const item of approvedElsewhere) assert.ok(!waiting.has(key(item)), `${key(item)} approved`);
  const retried = await survivor.post('/api/v1/staff/bulk-approve', { items: items.filter((i) => waiting.has(key(i))) });
  assert.equal(retried.status, 200);
  assert.equal(retried.body.failed, 0, JSON.stringify(retried.body.results));
  const empty = await survivor.get('/api/v1/staff/queue?status=submitted&per_page=200');
  assert.equal(empty.body.items.filter((i) => items.some((x) => key(x) === key(i))).length, 0);
  const audit = auditIntact(db);
  assert.equal(audit.ok, true);
});

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sequenceOf = (number) => Number(/-(\d+)号$/.exec(number)[1]);
const certificateNumbers = (db) => JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout)
  .filter((c) => c.version === 1).map((c) => c.number);

// Paper applications for `count` complete doctors who have not applied yet.
async function paperApplications(staff, db, count) {
  const candidates = rawSql(db, `SELECT registry_number FROM doctors d WHERE NOT EXISTS
    (SELECT 1 FROM completion_applications a WHERE a.doctor_id = d.id) AND EXISTS
    (SELECT 1 FROM practical_activities p WHERE p.doctor_id = d.id AND p.status = 'approved')
    ORDER BY d.id`).stdout.split('\n');
  const items = [];
  for (const reg of candidates) {
    if (items.length === count) break;
    if (!(await staff.get(`/api/v1/doctors/${reg}/progress`)).body.complete) continue;
    const scan = await staff.request('POST', '/api/v1/files', {
      body: SCAN, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'scan.pdf' },
    });
    const paper = await staff.post('/api/v1/staff/paper-applications', { registry_number: reg, scan_file_id: scan.body.id });
    assert.equal(paper.status, 201, JSON.stringify(paper.body));
    items.push({ kind: 'application', id: paper.body.id });
  }
  assert.equal(items.length, count, 'the demo has enough complete doctors who have not applied');
  return items;
}

test('100 applications approved from four sessions over three servers: numbers without gaps', async (t) => {
  const db = demoDb(tempDir(t));
  const all = await servers(t, db, 3);
  const jma = await login(all[0].base, 'jma-admin');
  const items = await paperApplications(jma, db, 100);
  const before = certificateNumbers(db);
  const last = Math.max(0, ...before.map(sequenceOf));
  const sessions = [jma, await login(all[1].base, 'jma-admin'),
    await login(all[2].base, 'jma-admin'), await login(all[1].base, 'jma-admin')];
  const answers = await Promise.all(sessions.map((s, k) => on(s, all[k % 3].base)
    .post('/api/v1/staff/bulk-approve', { items: items.filter((_, i) => i % 4 === k) })));
  for (const r of answers) {
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.failed, 0, JSON.stringify(r.body.results));
  }
  const issued = certificateNumbers(db).filter((n) => !before.includes(n)).map(sequenceOf);
  assert.deepEqual(issued.sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => last + 1 + i));
  assert.equal(auditIntact(db).ok, true);
});

test('a rotated signing key reaches every running server without a restart', async (t) => {
  const db = demoDb(tempDir(t));
  const [a, b] = await servers(t, db, 2);
  const keyOf = (number) => rawSql(db, `SELECT key_id FROM certificates WHERE number = '${number}'`).stdout;
  const old = JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout)
    .find((c) => c.status === 'valid').number;
  const oldKey = keyOf(old);
  const rotated = kakari(['keys', 'rotate', '--db', db]);
  assert.equal(rotated.status, 0, rotated.stderr);
  const listed = JSON.parse(kakari(['keys', 'list', '--json', '--db', db]).stdout);
  const newKey = listed.find((k) => k.current).id;
  assert.notEqual(newKey, oldKey);
  await new Promise((r) => setTimeout(r, 1500));  // servers look at the key folder every second

  const jma = await login(a.base, 'jma-admin');
  const [first, second] = await paperApplications(jma, db, 2);
  for (const [item, server] of [[first, a], [second, b]]) {
    const r = await on(jma, server.base).post(`/api/v1/staff/items/application/${item.id}/decision`, { action: 'approve' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const fresh = certificateNumbers(db).filter((n) => keyOf(n) === newKey);
  assert.equal(fresh.length, 2, 'both servers signed with the new key');
  // What the old key signed still verifies, and so does what the new one signs.
  const dir = tempDir(t);
  for (const number of [old, ...fresh]) {
    const pdf = `${dir}/${sequenceOf(number)}.pdf`;
    assert.equal(kakari(['cert', 'pdf', number, '--out', pdf, '--db', db]).status, 0);
    const verified = kakari(['cert', 'verify', pdf, '--db', db]);
    assert.equal(verified.status, 0, `${number}: ${verified.stdout}${verified.stderr}`);
  }
});
