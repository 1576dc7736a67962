// The generated TypeScript declarations type-check a program that uses the API (and refuse
// its misuse): `tsc --noEmit --strict` over tests/types/. Needs `npm ci` in wasm/tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './support.mjs'; // fails early, with its reason, when the package is not built

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, 'node_modules', '.bin', 'tsc');

test('tsc --noEmit --strict accepts the typed use of the package', () => {
  assert.ok(existsSync(tsc), `${tsc} is missing: run npm ci in wasm/tests`);
  const run = spawnSync(tsc, ['--noEmit', '--strict', '-p', join(here, 'types', 'tsconfig.json')], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});
