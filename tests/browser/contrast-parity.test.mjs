// Browser parity test for the text contrast rules: frontdesk's `text-contrast-minimum`
// failures must be exactly the elements whose contrast, computed from Chromium's computed
// styles, is below 4.5:1 (3:1 for large text). Run with `node --test tests/browser/`.
// Needs /usr/bin/chromium (apt-get install chromium), playwright-core (npm ci in this
// folder) and target/release/frontdesk (cargo build --release -p frontdesk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const sites = join(root, 'test-sites');
const chromium = '/usr/bin/chromium';
const binary = join(root, 'target', 'release', 'frontdesk');

function htmlFiles(dir, depth) {
  // `dir/*.html` and `dir/*/*.html`
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (depth > 0) out.push(...htmlFiles(p, depth - 1));
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

const pages = [
  ...htmlFiles(join(sites, 'demo-council'), 1),
  ...htmlFiles(join(sites, 'contrast'), 1),
];

let skip = false;
if (!existsSync(chromium)) skip = `${chromium} is absent (apt-get install -y chromium)`;
else if (!existsSync(binary)) skip = `${binary} is absent (cargo build --release -p frontdesk)`;
let chromiumApi = null;
if (!skip) {
  try {
    ({ chromium: chromiumApi } = await import('playwright-core'));
  } catch {
    skip = 'playwright-core is not installed (cd tests/browser && npm ci)';
  }
}
if (skip) console.log(`# skipping contrast parity: ${skip}`);

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf',
};

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(dir, '.' + path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// frontdesk: one run over every page; findings of the contrast rule by page.
function frontdesk() {
  const run = spawnSync(binary, ['check', ...pages, '--format', 'json'], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `frontdesk exited ${run.status}: ${run.stderr}`);
  const byPage = new Map();
  for (const page of JSON.parse(run.stdout).pages) {
    const rel = relative(sites, fileURLToPath(page.url)).split(sep).join('/');
    const findings = page.findings.filter((f) => f.rule === 'text-contrast-minimum');
    byPage.set(rel, findings);
  }
  return byPage;
}

// Runs in the page: every visible element with a direct non-whitespace text node child,
// with its contrast computed the WCAG way from getComputedStyle.
function browserContrast() {
  const parse = (s) => {
    const m = s.match(/^rgba?\(([^)]+)\)$/);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({ // `top` (with alpha) over the opaque `under`
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1,
  });
  const mix = (c, under, o) => over({ ...c, a: o }, under);
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (x, y) => {
    const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const skipTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE', 'TEMPLATE', 'OPTION', 'TEXTAREA']);
  const out = [];
  let id = 0;
  for (const el of document.body.querySelectorAll('*')) {
    if (skipTags.has(el.tagName)) continue;
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim() !== '')) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const rect = el.getBoundingClientRect();
    // Off-screen (skip links) and clipped to a pixel (visually hidden) text is not visible.
    if (rect.width <= 1 || rect.height <= 1 || rect.right <= 0 || rect.bottom <= 0) continue;
    if (el.closest(':disabled')) continue;
    const cs = getComputedStyle(el);
    const path = [];
    for (let a = el; a; a = a.parentElement) path.unshift(a);
    const entry = { id: id++, tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 50) };
    el.setAttribute('data-parity-id', entry.id);
    const image = path.find((a) => getComputedStyle(a).backgroundImage !== 'none');
    if (image) {
      entry.skipped = 'background image or gradient';
      out.push(entry);
      continue;
    }
    const fg = parse(cs.color);
    if (!fg) { entry.skipped = `colour ${cs.color}`; out.push(entry); continue; }
    // Backdrop before each element on the path (backgrounds composited over the white canvas).
    const before = [];
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const a of path) {
      before.push(bg);
      const c = parse(getComputedStyle(a).backgroundColor);
      if (c && c.a > 0) bg = over(c, bg);
    }
    let text = over(fg, bg);
    let back = bg;
    // Each ancestor's opacity blends its whole group (text and backgrounds) over what is behind it.
    for (let i = path.length - 1; i >= 0; i--) {
      const o = Number(getComputedStyle(path[i]).opacity);
      if (o < 1) { text = mix(text, before[i], o); back = mix(back, before[i], o); }
    }
    const size = parseFloat(cs.fontSize);
    const weight = Number(cs.fontWeight);
    entry.large = size >= 24 || (size >= 18.66 && weight >= 700);
    entry.ratio = ratio(text, back);
    entry.colors = `${hex(text)} on ${hex(back)}`;
    const floored = Math.floor(entry.ratio * 100) / 100; // as frontdesk: 4.499 is not 4.5
    entry.fails = floored < (entry.large ? 3 : 4.5);
    out.push(entry);
  }
  return out;
}

test('text-contrast-minimum: frontdesk agrees with Chromium computed styles', { skip }, async () => {
  const fd = frontdesk();
  const dir = sites;
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'frontdesk-chromium-'));
  const context = await chromiumApi.launchPersistentContext(userDataDir, {
    executablePath: chromium,
    headless: true,
    viewport: { width: 1280, height: 1024 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  const mismatches = [];
  const cantTell = [];
  const expectMismatches = [];
  try {
    const page = await context.newPage();
    for (const file of pages) {
      const rel = relative(sites, file).split(sep).join('/');
      await page.goto(base + rel, { waitUntil: 'load' });
      const measured = await page.evaluate(browserContrast);
      const byId = new Map(measured.map((m) => [m.id, m]));
      const findings = fd.get(rel) ?? [];
      const locate = async (selector) => page.evaluate((s) => {
        const found = document.querySelectorAll(s);
        if (found.length !== 1) return { count: found.length };
        return { count: 1, id: found[0].getAttribute('data-parity-id') };
      }, selector);
      const fdFailed = new Map(); // parity id (or selector) -> finding
      const fdCantTell = new Set();
      for (const f of findings) {
        const where = await locate(f.selector);
        assert.equal(where.count, 1, `${rel}: selector ${f.selector} matches ${where.count} elements`);
        const key = where.id === null ? `unmeasured:${f.selector}` : Number(where.id);
        if (f.outcome === 'failed') fdFailed.set(key, f);
        else {
          fdCantTell.add(key);
          cantTell.push(`${rel} ${f.selector}: ${f.message}`);
        }
      }
      const browserFailing = measured.filter((m) => m.fails && !fdCantTell.has(m.id));
      let agree = 0;
      for (const m of browserFailing) {
        if (fdFailed.has(m.id)) agree++;
        else {
          const sel = await page.evaluate((id) => {
            const el = document.querySelector(`[data-parity-id="${id}"]`);
            return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
          }, m.id);
          mismatches.push(`${rel}: browser FAILS ${sel} "${m.text}" ${m.ratio.toFixed(2)}:1 (${m.colors}, ${m.large ? 'large' : 'normal'}); frontdesk: no failure`);
        }
      }
      for (const [key, f] of fdFailed) {
        const m = byId.get(key);
        if (m && m.fails) continue;
        const why = !m ? 'not measured (not visible text in the browser)'
          : m.skipped ? `skipped in browser: ${m.skipped}`
            : `passes ${m.ratio.toFixed(2)}:1 (${m.colors}, ${m.large ? 'large' : 'normal'})`;
        mismatches.push(`${rel}: frontdesk FAILS ${f.selector} (${f.message}); browser: ${why}`);
      }
      // The fixtures mark what a careful auditor expects to fail: the browser must agree.
      const expected = new Set(await page.evaluate(() => [...document.querySelectorAll('[data-expect="fail"]')]
        .map((e) => Number(e.getAttribute('data-parity-id')))));
      for (const m of measured) {
        if (m.fails !== expected.has(m.id) && !m.skipped) {
          expectMismatches.push(`${rel}: "${m.text}" browser ${m.ratio.toFixed(2)}:1 ${m.fails ? 'fails' : 'passes'}, fixture expects ${expected.has(m.id) ? 'fail' : 'pass'}`);
        }
      }
      rows.push({ page: rel, measured: measured.length, browser: measured.filter((m) => m.fails).length,
        frontdesk: fdFailed.size, agree, cantTell: fdCantTell.size });
    }
  } finally {
    await context.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`\n${pad('page', 54)} ${pad('texts', 6)}${pad('browser', 8)}${pad('frontdesk', 10)}${pad('agree', 6)}cantTell`);
  for (const r of rows) {
    console.log(`${pad(r.page, 54)} ${pad(r.measured, 6)}${pad(r.browser, 8)}${pad(r.frontdesk, 10)}${pad(r.agree, 6)}${r.cantTell}`);
  }
  if (cantTell.length) console.log(`\nfrontdesk cantTell (ignored):\n  ${cantTell.join('\n  ')}`);
  if (mismatches.length) console.log(`\nmismatches:\n  ${mismatches.join('\n  ')}`);
  if (expectMismatches.length) console.log(`\nfixture expectations not met by the browser:\n  ${expectMismatches.join('\n  ')}`);
  assert.deepEqual(expectMismatches, [], 'the browser must fail exactly the fixture elements marked data-expect="fail"');
  assert.deepEqual(mismatches, [], 'frontdesk failures must equal the browser failures');
});
