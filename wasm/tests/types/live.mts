// The live-DOM entry as a page script uses it: audit the document, leaving a widget out.
import { auditDocument, collectSnapshot } from '../../js/frontdesk.js';
import type { Report, Snapshot } from '../../js/frontdesk.js';

export async function live(widget: Element): Promise<number> {
  const notes: string[] = [];
  const snapshot: Snapshot = collectSnapshot(document, { exclude: [widget], notes });
  const report: Report = await auditDocument({ exclude: [widget], includePassed: false });
  return snapshot.nodes.length + report.pages[0].findings.length + notes.length;
}
