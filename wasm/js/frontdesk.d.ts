// Types of frontdesk.js: the web build plus the live-DOM mode.
import type { Report } from '../pkg/web/frontdesk_wasm.js';
import type { AuditDocumentOptions } from './live.js';

export { audit, auditSnapshot, rules, version, stylesheetUrls, importUrls } from '../pkg/web/frontdesk_wasm.js';
export type * from '../pkg/web/frontdesk_wasm.js';
export { collectSnapshot, collectFragment, COMPUTED_PROPERTIES } from './live.js';
export type { AuditDocumentOptions, CollectOptions } from './live.js';

/** Loads and instantiates the engine (once; the .wasm beside the web build). */
export function load(): Promise<unknown>;

/** Audits the live page (DOM after scripts, computed styles) and resolves to the report. */
export function auditDocument(options?: AuditDocumentOptions): Promise<Report>;
