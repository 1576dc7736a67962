// auditSnapshot: a rendered page (docs/snapshot.md) through the package, with the browser's
// computed styles deciding the contrast verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './support.mjs';

const white = 'rgb(255, 255, 255)';

/** A small rendered council page: a search box in an open shadow root, grey text. */
function snapshot(noteColour) {
  return {
    version: 1,
    url: 'https://council.example/bins',
    styleSheets: [{ css: 'a:focus { outline: 2px solid #000 }', media: '' }],
    nodes: [
      { type: 'element', name: 'html', attributes: [['lang', 'en']] },
      { type: 'element', parent: 0, name: 'head' },
      { type: 'element', parent: 1, name: 'title' },
      { type: 'text', parent: 2, text: 'Bin collections' },
      { type: 'element', parent: 0, name: 'body', style: { 'background-color': white } },
      { type: 'element', parent: 4, name: 'main' },
      { type: 'element', parent: 5, name: 'h1' },
      { type: 'text', parent: 6, text: 'Bin collections' },
      { type: 'element', parent: 5, name: 'p', attributes: [['class', 'note']],
        style: { color: noteColour, 'background-color': white, 'font-size': '16px' } },
      { type: 'text', parent: 8, text: 'Collections move to Tuesday.' },
      { type: 'element', parent: 5, name: 'council-search' },
      { type: 'shadowRoot', host: 10 },
      { type: 'element', parent: 11, name: 'button' },
      { type: 'element', parent: 12, name: 'img', attributes: [['src', 'search.svg']] },
    ],
  };
}

const outcomes = (report, rule) =>
  report.pages[0].findings.filter((f) => f.rule === rule).map((f) => f.outcome);

test('a snapshot is audited with its computed styles', () => {
  // rgb(170,170,170) on white is 2.323:1, under WCAG 1.4.3's 4.5:1 for 16px text.
  const grey = engine.auditSnapshot(snapshot('rgb(170, 170, 170)'));
  assert.equal(grey.schema_version, 1);
  assert.equal(grey.pages[0].url, 'https://council.example/bins');
  assert.equal(grey.pages[0].title, 'Bin collections');
  assert.deepEqual(outcomes(grey, 'text-contrast-minimum'), ['failed']);
  // Black on white is 21:1.
  const black = engine.auditSnapshot(snapshot('rgb(0, 0, 0)'));
  assert.deepEqual(outcomes(black, 'text-contrast-minimum'), []);
  // The button inside the open shadow root holds only an image without alt: no name
  // (WCAG 4.1.2), and the image has no text alternative (1.1.1).
  assert.deepEqual(outcomes(black, 'button-has-name'), ['failed']);
  assert.deepEqual(outcomes(black, 'image-has-name'), ['failed']);
});

test('auditSnapshot takes rules and includePassed, and refuses what it cannot use', () => {
  const report = engine.auditSnapshot(snapshot('rgb(0, 0, 0)'), {
    rules: ['html-has-lang'],
    includePassed: true,
  });
  assert.deepEqual(
    report.pages[0].findings.map((f) => [f.rule, f.outcome]),
    [['html-has-lang', 'passed']],
  );
  // The snapshot lists its own sheets.
  assert.throws(() => engine.auditSnapshot(snapshot('rgb(0, 0, 0)'), { styleSheets: {} }), {
    message: "options: unknown option 'styleSheets' (known: rules, includePassed)",
  });
  // A node whose parent comes after it is not a tree in document order.
  const bad = snapshot('rgb(0, 0, 0)');
  bad.nodes[1].parent = 5;
  assert.throws(() => engine.auditSnapshot(bad), {
    name: 'Error',
    message: 'snapshot node 1 names node 5 as its parent, which does not come before it',
  });
  const textParent = snapshot('rgb(0, 0, 0)');
  textParent.nodes.push({ type: 'element', parent: 3, name: 'b' });
  assert.throws(() => engine.auditSnapshot(textParent), {
    name: 'Error',
    message: /^snapshot node 14 hangs from a node that cannot hold it/,
  });
});

test('a snapshot as JSON text gives the same report as the object', () => {
  // Grey text (a failure), the shadow-root button, every outcome: as much of the report as
  // this page can show, so a field lost on either path would differ.
  for (const colour of ['rgb(170, 170, 170)', 'rgb(0, 0, 0)']) {
    const object = snapshot(colour);
    const options = { includePassed: true };
    assert.deepEqual(
      engine.auditSnapshot(JSON.stringify(object), options),
      engine.auditSnapshot(object, options),
    );
  }
  // The engine's own refusals read the same either way.
  const bad = snapshot('rgb(0, 0, 0)');
  bad.nodes[1].parent = 5;
  assert.throws(() => engine.auditSnapshot(JSON.stringify(bad)), {
    name: 'Error',
    message: 'snapshot node 1 names node 5 as its parent, which does not come before it',
  });
});

test('malformed JSON text is refused with its line and column', () => {
  const text = JSON.stringify(snapshot('rgb(0, 0, 0)'), null, 2);
  // Cut off just after the node list opens: the text ends at the end of its last line.
  const cut = text.slice(0, text.indexOf('[', text.indexOf('"nodes"')) + 1);
  const lines = cut.split('\n');
  assert.throws(() => engine.auditSnapshot(cut), {
    name: 'Error',
    message: `snapshot: EOF while parsing a list at line ${lines.length} column ${lines.at(-1).length}`,
  });
  // JSON, but not a snapshot: what is wrong is named.
  assert.throws(() => engine.auditSnapshot('{"version": 1, "nodes": []}'), {
    name: 'Error',
    message: /^snapshot: missing field `url` at line 1 column \d+$/,
  });
  assert.throws(() => engine.auditSnapshot(''), {
    name: 'Error',
    message: 'snapshot: EOF while parsing a value at line 1 column 0',
  });
});
