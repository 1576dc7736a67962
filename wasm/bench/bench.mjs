// Native vs wasm audit time, measured in one run: the largest page of ../shared/bench-corpus
// (real public-sector pages; skipped with a message when absent), audited by the release
// `frontdesk check` and by the package's nodejs build (V8, the engine Chromium runs), in
// alternating rounds so that load from elsewhere falls on both alike; then the whole corpus;
// then, when /usr/bin/chromium and tests/browser's playwright-core are there, the web build
// in headless Chromium (served on 127.0.0.1; nothing else is requested).
//
//   wasm/build.sh && cargo build --release -p frontdesk && node wasm/bench/bench.mjs
//
// FRONTDESK_CLI names another native binary; FRONTDESK_BENCH_CORPUS another corpus folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = process.env.FRONTDESK_BENCH_CORPUS ?? resolve(root, '..', 'shared', 'bench-corpus');
const cli = process.env.FRONTDESK_CLI ?? join(root, 'target', 'release', 'frontdesk');
const pkg = join(root, 'wasm', 'pkg', 'nodejs', 'frontdesk_wasm.js');

const skip = !existsSync(corpus)
  ? `${corpus} is absent`
  : !existsSync(cli)
    ? `${cli} is absent (cargo build --release -p frontdesk)`
    : !existsSync(pkg)
      ? `${pkg} is absent (wasm/build.sh)`
      : null;
if (skip) {
  console.log(`bench skipped: ${skip}`);
  process.exit(0);
}
const engine = createRequire(import.meta.url)(pkg);

const pages = readdirSync(corpus)
  .filter((name) => name.endsWith('.html'))
  .map((name) => join(corpus, name))
  .sort();
const largest = pages.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));

/** Seconds for `frontdesk check --format json` over `files` in one process. */
function native(files) {
  const start = process.hrtime.bigint();
  const run = spawnSync(cli, ['check', '--format', 'json', ...files], {
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cli} exited ${run.status}: ${run.stderr}`);
  return seconds;
}

/** Seconds for the package's audit of each page in `inputs` (text already read). */
function wasm(inputs) {
  const start = process.hrtime.bigint();
  for (const { html, url } of inputs) engine.audit(html, url);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const input = (file) => ({ html: new TextDecoder().decode(readFileSync(file)), url: pathToFileURL(file).href });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s) => `${(s * 1000).toFixed(1)} ms`;

const repeats = 50;
const rounds = 7;
const page = input(largest);
console.log(`page: ${largest} (${statSync(largest).size.toLocaleString('en')} bytes), ${repeats} audits a round`);
wasm([page, page, page]); // warm-up: compile and tier up
const ratios = [];
for (let round = 1; round <= rounds; round++) {
  // Process start and the binary's load cancel out: (N pages − 1 page) / (N − 1).
  const one = native([largest]);
  const nativePage = (native(Array(repeats).fill(largest)) - one) / (repeats - 1);
  const wasmPage = wasm(Array(repeats).fill(page)) / repeats;
  ratios.push(wasmPage / nativePage);
  console.log(`round ${round}: native ${ms(nativePage)}, wasm ${ms(wasmPage)} a page, ratio ${(wasmPage / nativePage).toFixed(2)}`);
}
console.log(`median ratio wasm/native: ${median(ratios).toFixed(2)}`);

const all = pages.map(input);
const nativeAll = native(pages);
const wasmAll = wasm(all);
console.log(
  `corpus (${pages.length} pages): native ${(pages.length / nativeAll).toFixed(0)} pages/s, ` +
    `wasm ${(pages.length / wasmAll).toFixed(0)} pages/s, ratio ${(wasmAll / nativeAll).toFixed(2)}`,
);

// Headless Chromium: the web build, as the widget loads it.
const chromium = '/usr/bin/chromium';
let playwright;
try {
  playwright = createRequire(join(root, 'tests', 'browser', 'package.json'))('playwright-core');
} catch {
  playwright = null;
}
if (!existsSync(chromium) || !playwright) {
  console.log('chromium skipped: needs /usr/bin/chromium and playwright-core (cd tests/browser && npm ci)');
  process.exit(0);
}
const web = join(root, 'wasm', 'pkg', 'web');
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  const file =
    path === '/page.html' ? largest
    : path === '/' ? null
    : /^\/pkg\/[\w.]+$/.test(path) ? join(web, path.slice(5))
    : null;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><html lang="en"><title>bench</title></html>');
  }
  if (!file || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': path === '/page.html' ? 'text/plain' : types[file.slice(file.lastIndexOf('.'))] });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
const context = await playwright.chromium.launchPersistentContext(profile, {
  executablePath: chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await context.newPage();
  await tab.goto(origin + '/');
  const loaded = await tab.evaluate(async (url) => {
    const start = performance.now();
    const engine = await import('/pkg/frontdesk_wasm.js');
    await engine.default({ module_or_path: '/pkg/frontdesk_wasm_bg.wasm' });
    const ready = performance.now();
    const html = await (await fetch('/page.html')).text();
    const first = performance.now();
    engine.audit(html, url);
    window.bench = { engine, html, url };
    return { load: ready - start, first: performance.now() - first };
  }, page.url);
  console.log(`chromium: module loaded and compiled in ${ms(loaded.load / 1000)}, first audit ${ms(loaded.first / 1000)}`);
  const chromeRatios = [];
  for (let round = 1; round <= rounds; round++) {
    const one = native([largest]);
    const nativePage = (native(Array(repeats).fill(largest)) - one) / (repeats - 1);
    const chromePage = (await tab.evaluate((n) => {
      const { engine, html, url } = window.bench;
      const start = performance.now();
      for (let i = 0; i < n; i++) engine.audit(html, url);
      return (performance.now() - start) / n;
    }, repeats)) / 1000;
    chromeRatios.push(chromePage / nativePage);
    console.log(`chromium round ${round}: native ${ms(nativePage)}, wasm ${ms(chromePage)} a page, ratio ${(chromePage / nativePage).toFixed(2)}`);
  }
  console.log(`chromium median ratio wasm/native: ${median(chromeRatios).toFixed(2)}`);
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
