// The authorisation matrix: every role × every endpoint × own and other
// association, allowed or denied. Denials outside scope are 404 (no
// existence leak); a role that never may is 403; no session is 401.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, kakari, login, startServer, tempDir, demoDb, Client } from './helpers.mjs';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

test('every role against every endpoint, in and out of scope', async (t) => {
  const db = demoDb(tempDir(t));
  const add = kakari(['user', 'add', '--login', 'reviewer-27001', '--role', 'reviewer',
    '--association', '27001', '--db', db], { input: `${DEMO_PASSWORD}\n` });
  assert.equal(add.status, 0, add.stderr);
  const { base } = await startServer(t, db);

  const users = {
    anonymous: new Client(base, '', '', null),
    doctorOwn: await login(base, '99100001'),
    doctorOther: await login(base, '99100002'),
    reviewer: await login(base, 'reviewer-13001'),
    reviewerElsewhere: await login(base, 'reviewer-27001'),
    prefectureAdmin: await login(base, 'admin-13'),
    jma: await login(base, 'jma-admin'),
    institution: await login(base, 'institution-1'),
  };

  // Subjects: an activity of doctor 100001 (routed to 13001) with a file,
  // and an item routed to 27001.
  const file = await users.doctorOwn.request('POST', '/api/v1/files', {
    body: PDF, headers: { 'content-type': 'application/octet-stream' },
  });
  const own = (await users.doctorOwn.post('/api/v1/me/activities', {
    category: 'vaccination', description: '集団接種', started_on: '2025-10-01',
    organisation: '千代田区', file_ids: [file.body.id],
  })).body;
  assert.equal(own.routed_to, '13001');
  const elsewhere = (await users.jma.get('/api/v1/staff/queue?association=27001&per_page=1')).body.items[0];
  assert.ok(elsewhere, 'the demo has an item routed to 27001');
  const ownItem = `/api/v1/staff/items/activity/${own.id}`;
  // Certificates: doctor 100001's (Tokyo, 13001), and a demo one elsewhere.
  const demoCerts = JSON.parse(kakari(['cert', 'list', '--json', '--db', db]).stdout);
  const applied = await users.doctorOwn.post('/api/v1/me/applications', {});
  assert.equal((await users.prefectureAdmin.post(`/api/v1/staff/items/application/${applied.body.id}/decision`,
    { action: 'approve' })).status, 200);
  const ownCert = encodeURIComponent((await users.doctorOwn.get('/api/v1/me/certificates')).body.items[0].number);
  const otherCert = encodeURIComponent(demoCerts.find((c) => c.status === 'valid').number);
  const settings = (await users.jma.get('/api/v1/admin/certificate-settings')).body;
  const otherItem = `/api/v1/staff/items/${elsewhere.kind}/${elsewhere.id}`;

  const G = (path) => ({ method: 'GET', path });
  const P = (path, json, method = 'POST') => ({ method, path, json });
  //                       anon dOwn dOth rev  revEl pAdm jma  inst
  const matrix = [
    [G('/api/v1/me/progress'), 401, 200, 200, 403, 403, 403, 403, 403],
    [G('/api/v1/me/credits'), 401, 200, 200, 403, 403, 403, 403, 403],
    [G('/api/v1/me/items'), 401, 200, 200, 403, 403, 403, 403, 403],
    [G(`/api/v1/me/items/activity/${own.id}`), 401, 200, 404, 403, 403, 403, 403, 403],
    [G('/api/v1/doctors/100001/progress'), 401, 200, 404, 200, 404, 200, 200, 403],
    [G(`/api/v1/files/${file.body.id}`), 401, 200, 404, 200, 404, 200, 200, 403],
    [G('/api/v1/staff/queue'), 401, 403, 403, 200, 200, 200, 200, 403],
    [G(ownItem), 401, 403, 403, 200, 404, 200, 200, 403],
    [G(otherItem), 401, 403, 403, 404, 200, 404, 200, 403],
    [G(`${ownItem}/audit`), 401, 403, 403, 200, 404, 200, 200, 403],
    [G(`${otherItem}/audit`), 401, 403, 403, 404, 200, 404, 200, 403],
    [G('/api/v1/staff/doctors?q=100001'), 401, 403, 403, 200, 200, 200, 200, 403],
    [G('/api/v1/admin/routing/13'), 401, 403, 403, 200, 404, 200, 200, 403],
    [P('/api/v1/admin/routing/13', { members: 'county', non_members: 'prefecture' }, 'PUT'),
      401, 403, 403, 403, 403, 200, 200, 403],
    [P('/api/v1/admin/routing/27', { members: 'county', non_members: 'prefecture' }, 'PUT'),
      401, 403, 403, 403, 403, 404, 200, 403],
    [G('/api/v1/admin/api-tokens'), 401, 403, 403, 403, 403, 200, 200, 403],
    [G('/api/v1/institution/doctors'), 401, 403, 403, 403, 403, 403, 403, 200],
    [P('/api/v1/staff/one-time-codes', { registry_number: '100001' }), 401, 403, 403, 403, 403, 201, 201, 403],
    [P(`${ownItem}/decision`, { action: 'reject', reason: 'matrix' }), 401, 403, 403, null, 404, null, null, 403],
    [P(`${otherItem}/decision`, { action: 'reject', reason: 'matrix' }), 401, 403, 403, 404, null, 404, null, 403],
    [P('/api/v1/me/applications', {}), 401, null, 422, 403, 403, 403, 403, 403],
    [P(`/api/v1/me/items/activity/${own.id}/withdraw`, {}), 401, null, 404, 403, 403, 403, 403, 403],
    [G('/api/v1/me/certificates'), 401, 200, 200, 403, 403, 403, 403, 403],
    [G(`/api/v1/certificates/${ownCert}/pdf`), 401, 200, 404, 200, 404, 200, 200, 403],
    [G(`/api/v1/certificates/${otherCert}/pdf`), 401, 404, 404, 404, 404, 404, 200, 403],
    [P(`/api/v1/staff/certificates/${ownCert}/reissue`, { reason: 'matrix' }), 401, 403, 403, null, 404, null, null, 403],
    [P(`/api/v1/staff/certificates/${otherCert}/revoke`, { reason: 'matrix' }), 401, 403, 403, 403, 403, 404, null, 403],
    [P('/api/v1/staff/certificates/merged', { numbers: [decodeURIComponent(ownCert)] }), 401, 403, 403, 200, 404, 200, 200, 403],
    [G('/api/v1/staff/mail/pending'), 401, 403, 403, 200, 200, 200, 200, 403],
    [G('/api/v1/staff/mail/batches'), 401, 403, 403, 200, 200, 200, 200, 403],
    [G('/api/v1/admin/certificate-settings'), 401, 403, 403, 200, 200, 200, 200, 403],
    [P('/api/v1/admin/certificate-settings', settings, 'PUT'), 401, 403, 403, 403, 403, 403, 200, 403],
    [G('/api/v1/admin/signatories'), 401, 403, 403, 200, 200, 200, 200, 403],
    [G('/api/v1/forms/application'), 200, 200, 200, 200, 200, 200, 200, 200],
    [G('/api/v1/me/forms/application'), 401, 200, 200, 403, 403, 403, 403, 403],
    [G('/api/v1/staff/doctors/100001/forms/application'), 401, 403, 403, 200, 404, 200, 200, 403],
  ];
  const roles = Object.keys(users);
  let checked = 0;
  for (const [req, ...expected] of matrix) {
    for (let i = 0; i < roles.length; i++) {
      if (expected[i] === null) continue;  // an allowed write, exercised in workflow_api
      const r = await users[roles[i]].request(req.method, req.path, req.json ? { json: req.json } : {});
      assert.equal(r.status, expected[i], `${roles[i]} ${req.method} ${req.path}: ${JSON.stringify(r.body)}`);
      if (r.status >= 400) assert.ok(r.body?.error?.code && r.body.error.message_ja, `JSON error body: ${req.path}`);
      checked++;
    }
  }
  assert.ok(checked > 150);
  // The denied decisions changed nothing.
  const after = await users.reviewer.get(ownItem);
  assert.equal(after.body.status, 'submitted');
  assert.equal(after.body.version, own.version);
});
