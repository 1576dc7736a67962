// Live-DOM mode: a rendered snapshot (version 1, docs/snapshot.md) of the page as the browser
// holds it after its scripts ran, with the browser's computed styles.
//
// The nodes are taken from the live tree itself, in tree order with parent positions, so each
// computed style belongs to exactly the element it was read from (re-parsing outerHTML can
// build a different tree: misnested markup, scripted insertions, form state).

/** The properties the engine reads (`frontdesk_core::style::COMPUTED_PROPERTIES`). */
export const COMPUTED_PROPERTIES = Object.freeze([
  'display', 'visibility', 'content-visibility', 'opacity', 'color', 'background-color',
  'background-image', 'font-size', 'font-weight', 'font-family', 'line-height',
  'letter-spacing', 'word-spacing', 'text-indent', 'text-shadow', '-webkit-text-stroke-width',
  '-webkit-text-stroke-color', 'white-space', 'position', 'left', 'top', 'width', 'height',
  'max-width', 'clip', 'clip-path', 'transform', 'rotate', 'overflow-x', 'overflow-y',
  'text-overflow', 'text-decoration-line', 'border-bottom-style', 'box-shadow',
]);

const NAMESPACES = {
  'http://www.w3.org/1999/xhtml': 'html',
  'http://www.w3.org/2000/svg': 'svg',
  'http://www.w3.org/1998/Math/MathML': 'mathml',
};

/**
 * Builds a rendered snapshot of `doc` (default: the current document).
 *
 * options.exclude: elements left out with everything inside them (the widget's own host).
 * options.notes: an array that receives a sentence for each thing that could not be read
 *   (a cross-origin style sheet's rules, a closed shadow root cannot even be seen).
 */
export function collectSnapshot(doc = globalThis.document, options = {}) {
  const exclude = new Set(options.exclude ?? []);
  const notes = options.notes ?? [];
  const nodes = [];
  const root = doc.documentElement;
  if (root) walkElement(root, undefined, nodes, exclude, doc.defaultView);
  return {
    version: 1,
    url: doc.URL,
    htmlDocument: !(root && root.namespaceURI !== 'http://www.w3.org/1999/xhtml'),
    styleSheets: collectStyleSheets(doc, exclude, notes),
    nodes,
  };
}

/**
 * A snapshot of a fragment (e.g. a shadow root's content) as the body of a page of its own,
 * with the fragment's live computed styles: how the widget's panel is audited in the tests.
 */
export function collectFragment(fragment, { url = 'about:blank', title = 'Fragment', lang = 'en' } = {}) {
  const view = (fragment.ownerDocument ?? fragment).defaultView;
  const nodes = [
    { type: 'element', name: 'html', attributes: [['lang', lang]] },
    { type: 'element', parent: 0, name: 'head' },
    { type: 'element', parent: 1, name: 'title' },
    { type: 'text', parent: 2, text: title },
    { type: 'element', parent: 0, name: 'body' },
  ];
  for (const child of fragment.childNodes) walkNode(child, 4, nodes, new Set(), view);
  const styleSheets = [];
  for (const sheet of [...(fragment.adoptedStyleSheets ?? []), ...(fragment.styleSheets ?? [])]) {
    const css = sheetText(sheet, []);
    if (css !== null) styleSheets.push({ css, media: sheet.media?.mediaText ?? '' });
  }
  return { version: 1, url, htmlDocument: true, styleSheets, nodes };
}

function walkNode(node, parent, nodes, exclude, view) {
  if (node.nodeType === 1) walkElement(node, parent, nodes, exclude, view);
  else if (node.nodeType === 3 || node.nodeType === 4) {
    nodes.push({ type: 'text', parent, text: node.data });
  }
  // Comments, processing instructions and doctypes are not part of the snapshot.
}

function walkElement(el, parent, nodes, exclude, view) {
  if (exclude.has(el)) return;
  const index = nodes.length;
  const node = {
    type: 'element',
    name: el.localName,
    attributes: attributesWithState(el),
  };
  if (parent !== undefined) node.parent = parent;
  const namespace = NAMESPACES[el.namespaceURI];
  if (namespace && namespace !== 'html') node.namespace = namespace;
  node.style = computedStyle(el, view);
  nodes.push(node);
  // An open shadow root comes right after its host, before the light children: the engine
  // keeps the host's light children for slotting, and the order only has to put a parent first.
  if (el.shadowRoot) {
    const rootIndex = nodes.length;
    nodes.push({ type: 'shadowRoot', host: index });
    for (const child of el.shadowRoot.childNodes) walkNode(child, rootIndex, nodes, exclude, view);
  }
  if (el.localName === 'textarea' && namespace === 'html') {
    // The text a textarea holds now, not its default (its child text).
    if (el.value !== '') nodes.push({ type: 'text', parent: index, text: el.value });
    return;
  }
  // A template's content is a separate fragment: childNodes leaves it out, as the format asks.
  for (const child of el.childNodes) walkNode(child, index, nodes, exclude, view);
}

function computedStyle(el, view) {
  const cs = view.getComputedStyle(el);
  const style = {};
  for (const name of COMPUTED_PROPERTIES) {
    const value = cs.getPropertyValue(name);
    if (value !== '') style[name] = value;
  }
  return style;
}

// The attributes, with the form state the user (or a script) set written over them.
function attributesWithState(el) {
  const attrs = [];
  for (const a of el.attributes) {
    attrs.push([a.name, a.value]);
  }
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return attrs;
  const set = (name, value) => {
    const i = attrs.findIndex(([n]) => n === name);
    if (value === null) {
      if (i >= 0) attrs.splice(i, 1);
    } else if (i >= 0) attrs[i] = [name, value];
    else attrs.push([name, value]);
  };
  switch (el.localName) {
    case 'input': {
      const type = el.type;
      if (type === 'checkbox' || type === 'radio') set('checked', el.checked ? '' : null);
      // A password is never copied, even though the snapshot stays in the browser.
      else if (type !== 'file' && type !== 'password' && el.value !== el.defaultValue) set('value', el.value);
      break;
    }
    case 'option':
      set('selected', el.selected ? '' : null);
      break;
    default:
  }
  return attrs;
}

// The author sheets in cascade order: each sheet after the sheets it imports, in tree order.
function collectStyleSheets(doc, exclude, notes) {
  const out = [];
  const owners = [...doc.styleSheets, ...(doc.adoptedStyleSheets ?? [])];
  for (const sheet of owners) {
    if (sheet.disabled) continue;
    const owner = sheet.ownerNode;
    if (owner && [...exclude].some((e) => e.contains(owner))) continue;
    const css = sheetText(sheet, notes);
    if (css === null) continue;
    out.push({ css, media: sheet.media?.mediaText ?? '' });
  }
  return out;
}

// The CSS text of a sheet with its @imports inlined in place (wrapped in their media), or
// null when the browser does not let the page read it (a cross-origin sheet without CORS).
function sheetText(sheet, notes) {
  let rules;
  try {
    rules = sheet.cssRules;
  } catch {
    notes.push(`The style sheet ${sheet.href ?? '(inline)'} could not be read (another origin): `
      + 'its focus and zoom rules were not checked; computed styles still apply.');
    return null;
  }
  const parts = [];
  for (const rule of rules) {
    // CSSImportRule: the imported sheet's rules come first in the cascade, as they would.
    if (rule.type === 3) {
      if (!rule.styleSheet) continue;
      const inner = sheetText(rule.styleSheet, notes);
      if (inner === null) continue;
      const media = rule.media?.mediaText ?? '';
      parts.push(media ? `@media ${media} {\n${inner}\n}` : inner);
    } else parts.push(rule.cssText);
  }
  return parts.join('\n');
}

/**
 * Audits the live document with an engine module (any build's `auditSnapshot`): collects
 * the snapshot, then audits it. `options.document`, `options.exclude` and `options.notes` are
 * the collector's; the rest (`rules`, `includePassed`) go to the engine.
 */
export function auditDocumentWith(engine, options = {}) {
  const { document: doc = globalThis.document, exclude, notes, ...engineOptions } = options;
  const snapshot = collectSnapshot(doc, { exclude, notes });
  // As JSON text: one string crosses into wasm instead of each of the tens of thousands of
  // computed-style entries one by one, which costs far more than stringifying and parsing.
  return engine.auditSnapshot(JSON.stringify(snapshot), engineOptions);
}
