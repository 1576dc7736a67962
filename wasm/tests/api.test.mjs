// The package's API under node: its shape, its errors on bad input, its version, and the
// rule catalogue against the command line's. Run `wasm/build.sh` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliBinary, engine, root, wasmDir } from './support.mjs';

const { audit, auditSnapshot, rules, version, stylesheetUrls, importUrls } = engine;

const page = `<!doctype html><html lang="en"><title>Bins</title>
  <link rel="stylesheet" href="/css/site.css">
  <main><h1>Bins</h1><img src="bin.png"><p class="note">Collections move to Tuesday.</p></main></html>`;

test('audit returns the schema-v1 report of one page', () => {
  const report = audit(page, 'https://council.example/bins/', {});
  assert.equal(report.schema_version, 1);
  assert.deepEqual(report.tool, { name: 'frontdesk', version: version() });
  assert.equal(report.pages.length, 1);
  const [p] = report.pages;
  assert.equal(p.url, 'https://council.example/bins/');
  assert.equal(p.status, null);
  assert.equal(p.title, 'Bins');
  // Plain objects and arrays, as JSON.parse gives them (no Map, no undefined).
  assert.equal(Object.getPrototypeOf(p), Object.prototype);
  assert.ok(Array.isArray(p.findings));
  // An <img> without alt has no text alternative: WCAG 1.1.1, level A.
  const image = p.findings.find((f) => f.rule === 'image-has-name');
  assert.equal(image.outcome, 'failed');
  assert.equal(image.code, 'image-has-name/no-alt');
  assert.deepEqual(image.wcag, ['1.1.1']);
  assert.equal(image.level, 'A');
  // <body> follows <head> (the parser makes both); <img> follows <h1> in <main>.
  assert.equal(image.selector, 'html > body:nth-child(2) > main > img:nth-child(2)');
  assert.match(image.fingerprint, /^[0-9a-f]{16}$/);
  assert.ok(!('attribute' in image) && !('data' in image));
  assert.ok(p.rules.applicable.includes('image-has-name'));
  // Options may be left out altogether.
  assert.deepEqual(audit(page, 'https://council.example/bins/'), report);
  assert.deepEqual(audit(page, 'https://council.example/bins/', null), report);
});

test('options.styleSheets feed the linked sheets', () => {
  // #aaa on white is 2.323:1 (luminances 0.402 and 1), under the 4.5:1 of WCAG 1.4.3.
  const css = '.note { color: #aaa; background: #fff }';
  const contrast = (options) =>
    audit(page, 'https://council.example/bins/', options).pages[0].findings.filter(
      (f) => f.rule === 'text-contrast-minimum',
    );
  assert.deepEqual(contrast({}), []);
  const [finding] = contrast({ styleSheets: { 'https://council.example/css/site.css': css } });
  assert.equal(finding.outcome, 'failed');
  assert.match(finding.snippet, /^<p class="note">/);
  assert.equal(finding.data.ratio, 2.323);
  assert.equal(finding.data.required, 4.5);
  // Keyed by the sheet's absolute URL, not by the href as written.
  assert.deepEqual(contrast({ styleSheets: { 'https://other.example/css/site.css': css } }), []);
  // A JS Map is accepted too.
  assert.equal(
    contrast({ styleSheets: new Map([['https://council.example/css/site.css', css]]) }).length,
    1,
  );
  assert.deepEqual(stylesheetUrls(page, 'https://council.example/bins/'), [
    'https://council.example/css/site.css',
  ]);
  assert.deepEqual(importUrls('@import "forms.css"; p {}', 'https://council.example/css/site.css'), [
    'https://council.example/css/forms.css',
  ]);
  // An international domain name in its ASCII form, as `new URL(...).href` writes it.
  assert.deepEqual(stylesheetUrls(page, 'https://xn--bcher-kva.example/bins/'), [
    'https://xn--bcher-kva.example/css/site.css',
  ]);
  // The engine audits screens: a print-only import is not needed.
  assert.deepEqual(importUrls('@import "print.css" print;', 'https://council.example/css/site.css'), []);
});

test('options.rules and options.includePassed', () => {
  const report = audit(page, 'https://council.example/', { rules: ['html-has-lang'], includePassed: true });
  const [p] = report.pages;
  assert.deepEqual(p.rules, { applicable: ['html-has-lang'], inapplicable: [] });
  assert.deepEqual(
    p.findings.map((f) => [f.rule, f.outcome]),
    [['html-has-lang', 'passed']],
  );
});

test('bad input throws an Error that says what is wrong', () => {
  const throwsWith = (fn, pattern) =>
    assert.throws(fn, (e) => e instanceof Error && pattern.test(e.message), String(pattern));
  throwsWith(() => audit(42, 'https://a.example/'), /^html: expected a string, got number$/);
  throwsWith(() => audit(page, null), /^url: expected a string, got null$/);
  throwsWith(() => audit(page, 'https://a.example/', 'all'), /^options: /);
  throwsWith(() => audit(page, 'https://a.example/', { stylesheets: {} }),
    /^options: unknown option 'stylesheets' \(known: styleSheets, rules, includePassed\)$/);
  throwsWith(() => audit(page, 'https://a.example/', { styleSheets: { 'site.css': 'p{}' } }),
    /^options\.styleSheets: 'site\.css' is not an absolute URL/);
  throwsWith(() => audit(page, 'https://a.example/', { styleSheets: { 'https://a.example/a.css': 1 } }),
    /^options: invalid type/);
  throwsWith(() => audit(page, 'https://a.example/', { rules: ['html-has-lang', 'no-such-rule'] }),
    /^options\.rules: unknown rule id 'no-such-rule'/);
  throwsWith(() => audit(page, 'https://a.example/', { includePassed: 'yes' }), /^options: invalid type/);
  // The module has no IDNA tables (wasm/README.md): a domain name in non-ASCII letters is
  // refused rather than leaving the page's style sheets out unsaid.
  const unreadable = /has a domain name this build cannot read \(international domain names only in their ASCII form/;
  throwsWith(() => audit(page, 'https://b\u00fccher.example/'), new RegExp(`^url: 'https://b\u00fccher\\.example/' ${unreadable.source}`));
  throwsWith(() => stylesheetUrls(page, 'https://b\u00fccher.example/'), new RegExp(`^url: .* ${unreadable.source}`));
  throwsWith(() => importUrls('@import "a.css";', 'https://b\u00fccher.example/s.css'), new RegExp(`^sheet_url: .* ${unreadable.source}`));
  throwsWith(() => auditSnapshot(undefined), /^snapshot: expected an object/);
  // A string is the snapshot's JSON text: HTML is not that.
  throwsWith(() => auditSnapshot('<html>'), /^snapshot: expected value at line 1 column 1$/);
  throwsWith(() => auditSnapshot(42), /^snapshot: invalid type/);
  // An object is read as its JSON text, but the message names no place in a text the caller
  // never wrote.
  throwsWith(() => auditSnapshot({ version: 1, url: 'https://a.example/' }), /^snapshot: missing field `nodes`$/);
  throwsWith(() => auditSnapshot(10n), /^snapshot: expected an object or its JSON text, got a value JSON cannot hold$/);
  throwsWith(() => auditSnapshot({ version: 2, url: 'https://a.example/', nodes: [] }),
    /^snapshot version 2 is not supported/);
  // The engine is still usable after refusing input.
  assert.equal(audit(page, 'https://a.example/').schema_version, 1);
});

test('version() is the crate version, and package.json follows it', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const workspace = cargo.slice(cargo.indexOf('[workspace.package]'));
  const crateVersion = /^version = "([^"]+)"/m.exec(workspace)[1];
  assert.match(readFileSync(join(wasmDir, 'Cargo.toml'), 'utf8'), /^version\.workspace = true$/m);
  assert.equal(version(), crateVersion);
  const pkg = JSON.parse(readFileSync(join(wasmDir, 'package.json'), 'utf8'));
  assert.equal(pkg.version, crateVersion);
});

test('package.json names files that the build wrote', () => {
  const pkg = JSON.parse(readFileSync(join(wasmDir, 'package.json'), 'utf8'));
  const targets = [pkg.main, pkg.module, pkg.types];
  const walk = (value) =>
    typeof value === 'string' ? targets.push(value) : Object.values(value).forEach(walk);
  walk(pkg.exports);
  for (const target of targets) {
    assert.ok(existsSync(join(wasmDir, target)), `${target} is missing`);
  }
  for (const folder of pkg.files) assert.ok(existsSync(join(wasmDir, folder)), folder);
  assert.ok(pkg.license && pkg.name && pkg.description);
});

test('rules() lists the same catalogue as frontdesk rules --format json', () => {
  const cli = spawnSync(cliBinary(), ['rules', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const listed = rules();
  assert.deepEqual(listed, JSON.parse(cli.stdout).rules);
  assert.ok(listed.length > 20);
  assert.ok(listed.some((r) => r.id === 'image-has-name' && r.level === 'A'));
});
