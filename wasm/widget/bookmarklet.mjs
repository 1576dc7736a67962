// Writes the bookmarklet that opens frontdesk's panel on any page, loading the widget from
// where it is hosted:
//   node wasm/widget/bookmarklet.mjs https://intranet.council.example/frontdesk/
// writes wasm/dist/bookmarklet.txt (or the file given with --out). The base URL is the folder
// that holds widget/, js/ and pkg/web/ (the npm package's folder, served as static files).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bookmarklet (a `javascript:` URL) loading the widget from `base`. */
export function bookmarklet(base) {
  let url;
  try {
    url = new URL('widget/frontdesk-widget.js', new URL(base.endsWith('/') ? base : `${base}/`));
  } catch {
    throw new Error(`'${base}' is not an absolute URL (e.g. https://intranet.council.example/frontdesk/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`the base URL must be http(s), not ${url.protocol}`);
  }
  // import() resolves to the module once it ran (which opens the panel); mount() reopens
  // a panel closed earlier. The page's Content-Security-Policy may forbid the import.
  const code = `import(${JSON.stringify(url.href)}).then((m)=>m.mount(),(e)=>alert(`
    + `"frontdesk could not load: "+e.message))`;
  return `javascript:${encodeURIComponent(`void ${code}`)}`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bookmarklet.txt');
  if (args.length !== 1 || !out) {
    console.error('usage: node wasm/widget/bookmarklet.mjs BASE_URL [--out FILE]');
    process.exit(2);
  }
  let text;
  try {
    text = bookmarklet(args[0]);
  } catch (e) {
    console.error(`bookmarklet: ${e.message}`);
    process.exit(2);
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${text}\n`);
  console.log(`wrote ${out} (${text.length} characters)`);
}
