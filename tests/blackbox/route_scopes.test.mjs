// The authorisation matrix generated from the route table itself
// (`kakari routes`): every route × every role's session × every token scope.
// A route added without a declared scope fails here, and so does a guard that
// lets a credential through that its scopes do not cover.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kakari, login, startServer, tempDir, demoDb, Client } from './helpers.mjs';

// The only routes anyone may call without signing in. A new public route must
// be added here on purpose.
const PUBLIC = new Set([
  'POST /api/v1/session',
  'POST /api/v1/session/one-time-code',
  'POST /api/v1/password-check',
  'GET /api/v1/activity-categories',
  'GET /api/v1/forms/:kind',
  'GET /api/v1/verify/:number',
  'GET /verify/:number',
  'GET /api/v1/verify-code/:code',
  'GET /v/:code',
  'GET /v',
  'GET /verify',
]);

const GUARD_MESSAGES = new Set([
  'only a signed-in person can do this, never an API token',
  "the API token's scopes do not cover this request",
  'your role cannot use this',
]);

// Path parameters that name nothing: an allowed request answers 404 or 400
// and nothing is changed by the sweep.
const PARAMS = { id: '999999', kind: 'activity', number: 'K-0000-000000', registry_number: '999999', prefecture: '13', code: '1399999999' };
const fill = (pattern) => pattern.replace(/:([a-z_]+)/g, (_, name) => {
  assert.ok(name in PARAMS, `no test value for path parameter :${name}`);
  return PARAMS[name];
});

function allowed(route, credential, roles) {
  if (route.public) return true;
  if (credential.token) {
    return !route.interactive_only && route.scopes.some((s) => credential.scopes.includes(s));
  }
  return route.scopes.length === 0 || route.scopes.some((s) => roles[credential.role].includes(s));
}

async function credentials(base) {
  const sessions = {
    doctor: '99100001', reviewer: 'reviewer-13001', admin: 'admin-13',
    jma_admin: 'jma-admin', institution: 'institution-1',
  };
  const out = [];
  for (const [role, user] of Object.entries(sessions)) out.push({ name: `${role} session`, role, client: await login(base, user) });
  const jma = await login(base, 'jma-admin');
  for (const scope of ['review', 'administer', 'credits:import']) {
    const made = await jma.post('/api/v1/admin/api-tokens', { name: `sweep ${scope}`, scopes: [scope] });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const client = new Client(base, '', '', null);
    const bearer = { authorization: `Bearer ${made.body.token}` };
    const send = client.request.bind(client);
    client.request = (m, p, o = {}) => send(m, p, { ...o, headers: { ...bearer, ...(o.headers ?? {}) } });
    out.push({ name: `${scope} token`, token: true, scopes: [scope], client });
  }
  return out;
}

test('every non-public route declares a scope or is for sessions only; the public ones are known', () => {
  const table = JSON.parse(kakari(['routes']).stdout);
  assert.ok(table.routes.length > 50);
  for (const r of table.routes) {
    const key = `${r.method} ${r.pattern}`;
    assert.equal(r.public, PUBLIC.has(key), `${key}: public is ${r.public}`);
    if (!r.public) assert.ok(r.scopes.length > 0 || r.interactive_only, `${key} declares no scope`);
  }
  assert.deepEqual(table.roles.doctor, ['own:read-write']);
  assert.deepEqual(table.roles.institution, ['institution:read']);
  assert.deepEqual(table.roles.reviewer, ['review']);
});

// What each part of the API may need: a route placed in a part with a scope
// from another part (a credits token reaching /me, say) fails here.
const PARTS = [
  [/^\/api\/v1\/me\/notice/, ['own:read-write', 'review', 'institution:read']],
  [/^\/api\/v1\/me\//, ['own:read-write']],
  [/^\/api\/v1\/(staff|admin)\//, ['review', 'administer']],
  [/^\/api\/v1\/institution\//, ['institution:read']],
  [/^\/api\/v1\/imports\/credits$/, ['credits:import']],
  [/^\/api\/v1\/imports\/(institutions|affiliations)$/, ['administer']],
  [/^\/api\/v1\/institutions$/, ['own:read-write', 'review', 'institution:read']],
  [/^\/api\/v1\/(files|doctors|certificates)\b/, ['own:read-write', 'review']],
];
// Routes that prove or change a credential: people only, never a token.
const CREDENTIAL_ROUTES = /^\/api\/v1\/(session$|me\/password|staff\/(one-time|institution)-codes|institution\/users|admin\/(users|api-tokens))/;

test('each route needs only scopes of its part of the API; credential routes are for people', () => {
  const table = JSON.parse(kakari(['routes']).stdout);
  for (const r of table.routes.filter((x) => !x.public)) {
    const key = `${r.method} ${r.pattern}`;
    const part = PARTS.find(([re]) => re.test(r.pattern));
    assert.ok(part || CREDENTIAL_ROUTES.test(r.pattern), `${key} is in no known part of the API`);
    if (part) for (const s of r.scopes) assert.ok(part[1].includes(s), `${key} needs ${s}`);
    assert.equal(r.interactive_only, CREDENTIAL_ROUTES.test(r.pattern), `${key}: interactive_only`);
  }
});

test('every route × every session role × every token scope', async (t) => {
  const table = JSON.parse(kakari(['routes']).stdout);
  const { base } = await startServer(t, demoDb(tempDir(t)));
  const creds = await credentials(base);
  const anonymous = new Client(base, '', '', null);
  // Signing out last: it ends the session the other requests use.
  const routes = [...table.routes].sort((a, b) =>
    (a.method === 'DELETE' && a.pattern === '/api/v1/session') - (b.method === 'DELETE' && b.pattern === '/api/v1/session'));
  let denied = 0;
  let let_through = 0;
  for (const route of routes) {
    const path = fill(route.pattern);
    // A broken JSON body: an allowed write is refused by the handler (400 or
    // 415) after the guard let it through, so the sweep changes nothing.
    const opts = route.method === 'GET' ? {} : { body: '{', headers: { 'content-type': 'application/json' } };
    const label = `${route.method} ${route.pattern}`;
    if (!route.public) {
      const r = await anonymous.request(route.method, path, opts);
      assert.equal(r.status, 401, `anonymous ${label}`);
    }
    for (const c of creds) {
      const r = await c.client.request(route.method, path, opts);
      const message = r.body?.error?.message_en;
      if (allowed(route, c, table.roles)) {
        assert.notEqual(r.status, 401, `${c.name} ${label}: ${JSON.stringify(r.body)}`);
        assert.ok(!GUARD_MESSAGES.has(message), `${c.name} ${label} was refused by the guard: ${message}`);
        let_through++;
      } else {
        assert.equal(r.status, 403, `${c.name} ${label}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, 'permission_denied');
        assert.ok(GUARD_MESSAGES.has(message), `${c.name} ${label}: ${message}`);
        assert.ok(r.body.error.message_ja.length > 0);
        denied++;
      }
    }
  }
  assert.ok(denied > 150 && let_through > 100, `${denied} denied, ${let_through} let through`);
});

test('a credits:import token reaches only the import', async (t) => {
  const db = demoDb(tempDir(t));
  const { base } = await startServer(t, db);
  const [token] = (await credentials(base)).filter((c) => c.name === 'credits:import token');
  const refused = [
    ['GET', '/api/v1/doctors/100001/progress'],
    ['GET', '/api/v1/files/1'],
    ['POST', '/api/v1/me/password'],
    ['GET', '/api/v1/me/progress'],
    ['POST', '/api/v1/admin/api-tokens'],
    ['POST', '/api/v1/staff/one-time-codes'],
  ];
  for (const [method, path] of refused) {
    const r = await token.client.request(method, path, method === 'GET' ? {} : { json: { current_password: 'kakari-demo-2026', new_password: 'a much longer passphrase 2026', name: 'x', scopes: ['credits:import'], registry_number: '100001' } });
    assert.equal(r.status, 403, `${method} ${path}: ${JSON.stringify(r.body)}`);
  }
  // The owner's password was not changed: the demo password still signs in.
  await login(base, 'jma-admin');
});
