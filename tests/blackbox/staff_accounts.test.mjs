// Staff accounts over real HTTP: who may create which role where, the new
// owner sets a password with the one-time code, a change of role or a
// disable ends their sessions, and nobody changes their own account.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, demoDb, login, startServer, tempDir } from './helpers.mjs';

async function redeem(base, loginId, code, password) {
  const r = await fetch(`${base}/api/v1/session/one-time-code`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginId, code, new_password: password }),
  });
  return r.status;
}

test('staff accounts: scope, one-time code, role change and disable', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const tokyo = await login(base, 'admin-13');
  const jma = await login(base, 'jma-admin');
  const reviewer = await login(base, 'reviewer-13001');

  // Lists: the prefecture admin sees Tokyo's staff only; reviewers nothing.
  const mine = await tokyo.get('/api/v1/admin/users');
  assert.equal(mine.status, 200);
  assert.ok(mine.body.items.some((u) => u.login === 'reviewer-13001'));
  assert.ok(mine.body.items.every((u) => u.association_code.startsWith('13')), JSON.stringify(mine.body.items));
  assert.ok(!JSON.stringify(mine.body).includes('password_hash'));
  assert.equal((await reviewer.get('/api/v1/admin/users')).status, 403);
  const all = await jma.get('/api/v1/admin/users');
  assert.ok(all.body.items.some((u) => u.login === 'jma-admin'));

  // Creation rules.
  const create = (who, body) => who.post('/api/v1/admin/users', body);
  assert.equal((await create(tokyo, { login: 'osaka-rev', role: 'reviewer', association_code: '27001' })).status, 403);
  assert.equal((await create(tokyo, { login: 'boss', role: 'jma_admin', association_code: '00' })).status, 403);
  const badLogin = await create(tokyo, { login: '12345678', role: 'reviewer', association_code: '13001' });
  assert.equal(badLogin.status, 400);
  assert.equal(badLogin.body.error.field, 'login');
  assert.equal((await create(tokyo, { login: 'x-rev', role: 'doctor', association_code: '13001' })).status, 400);
  const unknownOrg = await create(jma, { login: 'nowhere', role: 'reviewer', association_code: '99999' });
  assert.equal(unknownOrg.status, 404);
  assert.equal(unknownOrg.body.error.field, 'association_code');
  const made = await create(tokyo, { login: 'chuo-reviewer-2', role: 'reviewer', association_code: '13001' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.match(made.body.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal((await create(tokyo, { login: 'chuo-reviewer-2', role: 'reviewer', association_code: '13001' })).status, 409);

  // The owner sets a password with the code and works in the county's queue.
  const listed = (await tokyo.get('/api/v1/admin/users')).body.items.find((u) => u.login === 'chuo-reviewer-2');
  assert.equal(listed.has_password, false);
  assert.equal(await redeem(base, 'chuo-reviewer-2', made.body.code, 'a-good-long-password'), 200);
  const newcomer = await login(base, 'chuo-reviewer-2', 'a-good-long-password');
  assert.equal((await newcomer.get('/api/v1/staff/queue')).status, 200);
  assert.equal((await newcomer.get('/api/v1/admin/users')).status, 403);

  // Promotion ends the session; the new role takes effect at the next login.
  const promoted = await tokyo.request('PUT', `/api/v1/admin/users/${listed.id}`, { json: { role: 'admin', disabled: false } });
  assert.equal(promoted.status, 200);
  assert.equal(promoted.body.role, 'admin');
  assert.equal((await newcomer.get('/api/v1/staff/queue')).status, 401);
  const again = await login(base, 'chuo-reviewer-2', 'a-good-long-password');
  assert.equal((await again.get('/api/v1/admin/users')).status, 200);

  // Disabled: session ended, login refused.
  assert.equal((await tokyo.request('PUT', `/api/v1/admin/users/${listed.id}`, { json: { role: 'admin', disabled: true } })).status, 200);
  assert.equal((await again.get('/api/v1/staff/queue')).status, 401);
  await assert.rejects(login(base, 'chuo-reviewer-2', 'a-good-long-password'), /401/);

  // Not one's own account; not an account outside the scope (404).
  const self = await tokyo.request('PUT', `/api/v1/admin/users/${tokyo.user.id}`, { json: { role: 'reviewer', disabled: false } });
  assert.equal(self.status, 422);
  const jmaAccount = all.body.items.find((u) => u.login === 'jma-admin');
  assert.equal((await tokyo.request('PUT', `/api/v1/admin/users/${jmaAccount.id}`, { json: { role: 'reviewer', disabled: true } })).status, 404);
  const anonymous = new Client(base, '', '', null);
  assert.equal((await anonymous.get('/api/v1/admin/users')).status, 401);
});
