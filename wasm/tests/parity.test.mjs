// Parity with the command line: every HTML page of test-sites/, audited by the package with
// its linked sheets supplied in options.styleSheets, gives the report `frontdesk check
// --format json FILE` gives (the same findings: rule, selector, outcome and every other
// field). Needs wasm/build.sh and a built CLI (target/release or target/debug).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBinary, engine, root } from './support.mjs';

const sites = join(root, 'test-sites');

/** Every .html/.htm file under `dir`, in the CLI's order for a folder (sorted paths). */
function htmlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (/\.html?$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Bytes → text as the CLI decodes a file (cli/src/decode.rs): BOM, then a charset the
 *  first 1024 bytes declare, then UTF-8. */
function decode(bytes, declared) {
  const label = declared ? declared(bytes) : undefined;
  return new TextDecoder(label ?? 'utf-8').decode(bytes);
}
const metaCharset = (bytes) =>
  /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1];
const cssCharset = (bytes) => /^@charset "([^"]+)";/.exec(bytes.subarray(0, 128).toString('latin1'))?.[1];

/** The sheets the CLI's loader would read for a page: its links, then their @imports,
 *  from disk by file:// URL (cli/src/sheets.rs). */
function sheetsFor(html, url) {
  const sheets = {};
  const queue = engine.stylesheetUrls(html, url);
  while (queue.length > 0) {
    const sheetUrl = queue.shift();
    if (sheetUrl in sheets || !sheetUrl.startsWith('file:')) continue;
    const path = fileURLToPath(sheetUrl);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const css = decode(readFileSync(path), cssCharset);
    sheets[sheetUrl] = css;
    queue.push(...engine.importUrls(css, sheetUrl));
  }
  return sheets;
}

const files = htmlFiles(sites);

test('test-sites has pages to compare, some whose findings depend on their linked sheets', () => {
  assert.ok(files.length >= 10, `${files.length} pages`);
  const dependOnSheets = files.filter((file) => {
    const url = pathToFileURL(realpathSync(file)).href;
    const html = readFileSync(file, 'utf8');
    const findings = (options) => JSON.stringify(engine.audit(html, url, options).pages[0].findings);
    return findings({ styleSheets: sheetsFor(html, url) }) !== findings({});
  });
  // Otherwise the parity below would not show that options.styleSheets reach the cascade.
  assert.ok(dependOnSheets.length > 0, 'no page has findings that its linked sheets decide');
});

test('every test-sites page: the package reports what frontdesk check reports', () => {
  const cli = spawnSync(cliBinary(), ['check', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // 0: no A/AA failure; 1: some (the demo site plants them). 2 would be an input error.
  assert.ok(cli.status === 0 || cli.status === 1, `exit ${cli.status}: ${cli.stderr}`);
  const expected = JSON.parse(cli.stdout);
  assert.equal(expected.pages.length, files.length);

  files.forEach((file, i) => {
    const url = pathToFileURL(realpathSync(file)).href;
    const html = decode(readFileSync(file), metaCharset);
    const report = engine.audit(html, url, { styleSheets: sheetsFor(html, url) });
    const want = expected.pages[i];
    assert.deepEqual([report.schema_version, report.tool], [expected.schema_version, expected.tool]);
    assert.equal(report.pages[0].url, want.url, file);
    const key = (f) => `${f.rule} ${f.selector} ${f.outcome}`;
    // The triple first, for a readable diff; then every field.
    assert.deepEqual(report.pages[0].findings.map(key), want.findings.map(key), file);
    assert.deepEqual(report.pages[0], want, file);
  });
});
