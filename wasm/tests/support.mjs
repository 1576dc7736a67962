// Shared by the node tests: where things are, the nodejs build of the package, the CLI.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const wasmDir = resolve(here, '..');
export const root = resolve(wasmDir, '..');

const entry = join(wasmDir, 'pkg', 'nodejs', 'frontdesk_wasm.js');
if (!existsSync(entry)) {
  throw new Error(`${entry} is missing: run wasm/build.sh first`);
}
// wasm-bindgen's nodejs target is a CommonJS module.
export const engine = createRequire(import.meta.url)(entry);

/** The frontdesk binary the engine must match: $FRONTDESK_CLI, else the one built last of
 *  target/release and target/debug. */
export function cliBinary() {
  if (process.env.FRONTDESK_CLI) return process.env.FRONTDESK_CLI;
  const built = ['release', 'debug']
    .map((profile) => join(root, 'target', profile, 'frontdesk'))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (built.length === 0) {
    throw new Error('no target/{release,debug}/frontdesk: cargo build -p frontdesk first');
  }
  return built[0];
}
