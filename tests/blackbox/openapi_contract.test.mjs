// The contract and the server agree: every route the server registers is
// described in docs/openapi.yaml with the same method, and nothing more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers.mjs';

function documented() {
  const out = new Set();
  let current = null;
  for (const line of readFileSync(path.join(repoRoot, 'docs/openapi.yaml'), 'utf8').split('\n')) {
    const p = line.match(/^ {2}(\/[^:]*):\s*$/);
    if (p) { current = p[1]; continue; }
    if (/^\S/.test(line)) current = null;
    const m = line.match(/^ {4}(get|post|put|delete|patch):/);
    if (current && m) out.add(`${m[1].toUpperCase()} ${current}`);
  }
  return out;
}

function served() {
  const src = readFileSync(path.join(repoRoot, 'src/http/api_dispatch.cpp'), 'utf8');
  const out = new Set(['GET /healthz']);
  for (const m of src.matchAll(/\{"(GET|POST|PUT|DELETE)", "([^"]+)"/g)) {
    out.add(`${m[1]} ${m[2].replace(/:([a-z_]+)/g, '{$1}')}`);
  }
  return out;
}

test('every served route is documented, and every documented one is served', () => {
  const docs = documented();
  const routes = served();
  assert.ok(routes.size > 30);
  assert.deepEqual([...routes].filter((r) => !docs.has(r)), [], 'served but undocumented');
  assert.deepEqual([...docs].filter((r) => !routes.has(r)), [], 'documented but not served');
});
