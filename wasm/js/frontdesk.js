// The browser entry: the web build of the engine plus the live-DOM mode. Everything runs in
// the page; nothing is sent anywhere. The .wasm is loaded relative to the web build's own URL.
import init, * as engine from '../pkg/web/frontdesk_wasm.js';
import { auditDocumentWith } from './live.js';

export { audit, auditSnapshot, rules, version, stylesheetUrls, importUrls } from '../pkg/web/frontdesk_wasm.js';
export { collectSnapshot, collectFragment, COMPUTED_PROPERTIES } from './live.js';

let ready = null;

/** Loads and instantiates the engine once; later calls reuse it. */
export function load() {
  ready ??= init();
  return ready;
}

/**
 * Audits the live page as the browser shows it now (DOM after scripts, computed styles,
 * open shadow roots, form state) and resolves to the schema-v1 report.
 * options: `exclude` (elements to leave out), `notes` (array receiving what could not be
 * read), `document`, and the engine's `rules` / `includePassed`.
 */
export async function auditDocument(options = {}) {
  await load();
  return auditDocumentWith(engine, options);
}
