// New passwords are judged by a real strength estimator (zxcvbn), with the
// reason in Japanese and English; wrong current passwords on a password
// change are throttled like wrong logins, per account and per address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, kakari, login, startServer, tempDir, demoDb } from './helpers.mjs';

test('guessable new passwords are refused with the reason; the form check agrees', async (t) => {
  const { base } = await startServer(t, demoDb(tempDir(t)));
  const doctor = await login(base, '99100001');
  const me = (await doctor.get('/api/v1/me/progress')).body;
  const change = (next) => doctor.post('/api/v1/me/password', { current_password: DEMO_PASSWORD, new_password: next });
  const check = (password) => doctor.post('/api/v1/me/password/check', { password });
  const weak = [
    ['aaaaaaaaaa', /repeats/, /繰り返し/],
    ['1234567890', /sequence/, /並び/],
    ['password123', /common password/, /よく使われる/],
    ['99100001abc', /your login/, /あなたの情報/],
    [`${me.registry_number}xyz!`, /your login, registry number/, /医籍登録番号/],
    [`${me.name.replace(/[\s　]/g, '')}${me.name.replace(/[\s　]/g, '')}12`, /your login/, /あなたの情報/],
  ];
  for (const [pw, en, ja] of weak) {
    const r = await change(pw);
    assert.equal(r.status, 422, `${pw}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.field, 'new_password');
    assert.match(r.body.error.message_en, en, pw);
    assert.match(r.body.error.message_ja, ja, pw);
    const typed = await check(pw);
    assert.equal(typed.status, 200);
    assert.equal(typed.body.acceptable, false);
    assert.equal(typed.body.message_en, r.body.error.message_en, 'the form shows the same verdict');
  }
  assert.deepEqual((await check('correct horse battery staple')).body, { acceptable: true });
  // Nothing was changed by the refusals: the demo password still works.
  await login(base, '99100001');
  const ok = await change('correct horse battery staple');
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  await login(base, '99100001', 'correct horse battery staple');

  // The public check (one-time-code form) knows only the typed login.
  const anon = await fetch(`${base}/api/v1/password-check`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: 'reviewer-13001x', login: 'reviewer-13001' }),
  });
  const verdict = await anon.json();
  assert.equal(verdict.acceptable, false);
  assert.match(verdict.message_en, /your login/);

  // The CLI refuses the same passwords for new accounts.
  const db = demoDb(tempDir(t));
  const cli = kakari(['user', 'add', '--login', 'reviewer-x', '--role', 'reviewer', '--association', '13001',
    '--db', db], { input: 'password123\n' });
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /common password/);
});

test('wrong current passwords are throttled like wrong logins', async (t) => {
  const { base } = await startServer(t, demoDb(tempDir(t)));
  const doctor = await login(base, '99100002');
  const attempt = (current) => doctor.post('/api/v1/me/password', { current_password: current, new_password: 'correct horse battery staple' });
  const first = await attempt('wrong-password-1');
  assert.equal(first.status, 422);
  assert.equal(first.body.error.field, 'current_password');
  let last;
  const started = Date.now();
  for (let i = 0; i < 12 && (last = await attempt(`wrong-password-${i}`)).status !== 429; i++);
  assert.equal(last.status, 429, 'refused after repeated wrong passwords');
  assert.ok(Number(last.headers.get('retry-after')) > 0);
  assert.ok(Date.now() - started >= 400 * 3, 'the answers slowed down before the refusal');
  // Now even the right password is refused, and signing in to the account is too.
  assert.equal((await attempt(DEMO_PASSWORD)).status, 429);
  await assert.rejects(login(base, '99100002'), /429/);
  // Another account from the same address is not locked by one account's failures.
  await login(base, '99100003');
});
