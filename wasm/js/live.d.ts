// Types of live.js: the rendered snapshot of a live page (docs/snapshot.md).
import type { Report, Snapshot, SnapshotOptions } from '../pkg/web/frontdesk_wasm.js';

/** The CSS properties read with getComputedStyle (core's COMPUTED_PROPERTIES). */
export const COMPUTED_PROPERTIES: readonly string[];

export interface CollectOptions {
  /** Elements left out with everything inside them (e.g. a widget's own host). */
  exclude?: Iterable<Element>;
  /** Receives a sentence for each thing that could not be read (a cross-origin sheet). */
  notes?: string[];
}

/** The rendered snapshot (version 1) of a document as the browser holds it now. */
export function collectSnapshot(doc?: Document, options?: CollectOptions): Snapshot;

/** A fragment's content (e.g. a shadow root's) as the body of a page of its own. */
export function collectFragment(
  fragment: DocumentFragment | Element,
  page?: { url?: string; title?: string; lang?: string },
): Snapshot;

export interface AuditDocumentOptions extends CollectOptions, SnapshotOptions {
  document?: Document;
}

/** Collects the snapshot and audits it with an engine build's `auditSnapshot`. */
export function auditDocumentWith(
  engine: { auditSnapshot(snapshot: Snapshot | string, options?: SnapshotOptions): Report },
  options?: AuditDocumentOptions,
): Report;
