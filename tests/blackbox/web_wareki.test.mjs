// The web app's date reading (web/src/lib/wareki.ts), table-driven: the
// TypeScript is transpiled with the project's own typescript package and
// imported, so the test runs the code the browser runs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from '../../web/node_modules/typescript/lib/typescript.js';
import { repoRoot, tempDir } from './helpers.mjs';

async function load(t) {
  const dir = tempDir(t);
  mkdirSync(dir, { recursive: true });
  for (const name of ['text', 'wareki']) {
    const source = readFileSync(path.join(repoRoot, 'web/src/lib', `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(path.join(dir, `${name}.mjs`), js.replace("from './text'", "from './text.mjs'"));
  }
  return import(pathToFileURL(path.join(dir, 'wareki.mjs')).href);
}

test('dates are read as Japanese forms give them, and an impossible day is named as such', async (t) => {
  const { parseJapaneseDate } = await load(t);
  const cases = [
    ['昭和45年4月1日', '1970-04-01'],
    ['S45.4.1', '1970-04-01'],
    ['s45/4/1', '1970-04-01'],
    ['Ｓ４５．４．１', '1970-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['H1.1.8', '1989-01-08'],
    ['平成31年4月30日', '2019-04-30'],
    ['2026年4月1日', '2026-04-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['20260401', '2026-04-01'],
    ['２０２６年４月１日', '2026-04-01'],
    [' 2024-02-29 ', '2024-02-29'],
  ];
  for (const [typed, iso] of cases) assert.deepEqual(parseJapaneseDate(typed), { kind: 'ok', iso }, typed);
  for (const typed of ['2026年2月30日', '2025-02-29', '昭和65年1月1日', '平成元年1月7日', '令和元年4月30日', 'S45.13.1', '1850-01-01']) {
    assert.deepEqual(parseJapaneseDate(typed), { kind: 'impossible' }, typed);
  }
  for (const typed of ['あした', '45.4.1', '2026-4', 'X45.4.1']) {
    assert.deepEqual(parseJapaneseDate(typed), { kind: 'unreadable' }, typed);
  }
  assert.deepEqual(parseJapaneseDate('  '), { kind: 'empty' });
});
