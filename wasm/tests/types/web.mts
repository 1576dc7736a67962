// The `web` build as a browser page uses it: initialise with the .wasm, then audit.
import init, { audit } from '../../pkg/web/frontdesk_wasm.js';
import type { Report } from '../../pkg/web/frontdesk_wasm.js';

export async function check(html: string, wasmUrl: URL): Promise<number> {
  await init({ module_or_path: wasmUrl });
  const report: Report = audit(html, 'https://council.example/');
  return report.pages[0].findings.length;
}
