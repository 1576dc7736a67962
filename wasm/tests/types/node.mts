// Compiled with `tsc --noEmit --strict` by types.test.mjs: the generated .d.ts must type
// the API as wasm/README.md shows it, and refuse misuse (the @ts-expect-error lines).
import { audit, auditSnapshot, rules, version, stylesheetUrls } from '../../pkg/nodejs/frontdesk_wasm.js';
import type { AuditOptions, Finding, Report, RuleInfo, Snapshot } from '../../pkg/nodejs/frontdesk_wasm.js';

const html = '<html lang="en"><title>Bins</title><link rel="stylesheet" href="/site.css"></html>';
const url = 'https://council.example/bins/';
const sheets: Record<string, string> = {};
for (const sheet of stylesheetUrls(html, url)) sheets[sheet] = 'p { color: #767676 }';
const options: AuditOptions = { styleSheets: sheets, rules: ['html-has-lang'], includePassed: true };
const report: Report = audit(html, url, options);
const failed: Finding[] = report.pages[0].findings.filter((f) => f.outcome === 'failed');
const level: 'A' | 'AA' | 'AAA' | null = failed.length > 0 ? failed[0].level : null;
const ratio: unknown = failed[0]?.data?.ratio;
console.log(report.schema_version satisfies 1, report.tool.version, level, ratio, version().length);

const snapshot: Snapshot = {
  version: 1,
  url,
  nodes: [
    { type: 'element', name: 'html', attributes: [['lang', 'en']] },
    { type: 'element', parent: 0, name: 'body', style: { color: 'rgb(0, 0, 0)' } },
    { type: 'text', parent: 1, text: 'Bins' },
  ],
};
const fromSnapshot: Report = auditSnapshot(snapshot, { includePassed: false });
const fromText: Report = auditSnapshot(JSON.stringify(snapshot));
const catalogue: RuleInfo[] = rules();
console.log(fromSnapshot.pages.length, fromText.pages.length, catalogue.map((r) => r.id));

// @ts-expect-error: the options are typed, a misspelt one is refused.
audit(html, url, { stylesheets: {} });
// @ts-expect-error: an outcome is one of three.
const wrong: Finding['outcome'] = 'fail';
// @ts-expect-error: auditSnapshot has no styleSheets option (the snapshot lists them).
auditSnapshot(snapshot, { styleSheets: {} });
// @ts-expect-error: a snapshot is an object or its JSON text, not a number.
auditSnapshot(42);
console.log(wrong);
