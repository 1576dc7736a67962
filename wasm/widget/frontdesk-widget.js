// frontdesk's panel for content editors: checks the page in front of them with the engine CI
// uses (compiled to WebAssembly), on the DOM after scripts ran and the browser's own styles.
//
// Embed: <script type="module" src="https://…/frontdesk/widget/frontdesk-widget.js"></script>
// The engine is loaded from ../js/ and ../pkg/web/ beside this file; nothing else is fetched
// and no page data leaves the browser. Plain ES module, no framework; its CSS lives in its
// shadow root so the page's styles and the panel's do not meet.

const ENGINE_URL = new URL('../js/frontdesk.js', import.meta.url);
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];
const LEVELS = ['A', 'AA', 'AAA', null];
const levelName = (level) => (level ? `Level ${level}` : 'Best practice');
const capital = (s) => s[0].toUpperCase() + s.slice(1);

// Colours give text at least 7:1 contrast (AAA), beyond the AA the panel must pass.
const CSS = `
:host { all: initial; }
.panel {
  position: fixed; top: 0; right: 0; z-index: 2147483647;
  box-sizing: border-box; width: min(26rem, 100vw); max-height: 100vh; overflow-y: auto;
  background: #ffffff; color: #0b0c0c; border-left: 4px solid #0b0c0c;
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif;
  padding: 0.75rem 1rem 1rem; box-shadow: -2px 0 8px rgba(0, 0, 0, 0.3);
}
.panel[hidden], .launcher[hidden] { display: none; }
h2 { font-size: 1.25rem; margin: 0 0 0.25rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 0.25rem; border-bottom: 2px solid #0b0c0c; }
h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
p { margin: 0.25rem 0; }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.5rem 0; }
.field { display: flex; flex-direction: column; font-size: 0.875rem; font-weight: 600; }
input, select, button { font: inherit; font-size: 1rem; color: #0b0c0c; }
input, select { border: 2px solid #0b0c0c; background: #ffffff; padding: 0.2rem 0.3rem; min-height: 2rem; box-sizing: border-box; }
button {
  border: 2px solid #0b0c0c; background: #f3f2f1; border-radius: 0; padding: 0.25rem 0.6rem;
  min-height: 2rem; cursor: pointer;
}
button.primary { background: #005a30; border-color: #005a30; color: #ffffff; }
button:hover { background: #dbdad9; }
button[aria-disabled="true"] { cursor: progress; }
button.primary:hover { background: #003d20; }
:focus { outline: none; }
:focus-visible { outline: 3px solid #fd0; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.close { position: absolute; top: 0.5rem; right: 0.5rem; }
ul { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid #942514; padding: 0.4rem 0 0.4rem 0.6rem; margin: 0.4rem 0; background: #ffffff; }
li.finding.cantTell { border-left-color: #505a5f; }
.title { font-weight: 700; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: 700; padding: 0 0.3rem; margin-right: 0.3rem; color: #ffffff; background: #942514; }
.cantTell .badge { background: #3d4548; }
code { font-family: ui-monospace, Consolas, monospace; font-size: 0.875rem; background: #f3f2f1; color: #0b0c0c; word-break: break-all; }
pre { white-space: pre-wrap; background: #f3f2f1; color: #0b0c0c; padding: 0.3rem; font-size: 0.8rem; margin: 0.25rem 0; }
details { margin: 0.25rem 0; }
summary { cursor: pointer; color: #003078; text-decoration: underline; width: fit-content; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.summary { font-weight: 600; }
.label { font-weight: 700; margin-top: 0.5rem; }
.status { font-size: 0.875rem; }
.status:empty { display: none; }
.where { font-size: 0.875rem; color: #505a5f; }
.notes { font-size: 0.875rem; color: #505a5f; }
.launcher {
  position: fixed; bottom: 1rem; right: 1rem; z-index: 2147483647;
  font: 600 16px/1.4 system-ui, Arial, sans-serif; background: #0b0c0c; color: #ffffff; border-color: #ffffff;
}
.launcher:hover { background: #383f43; }
.highlight {
  position: fixed; z-index: 2147483646; pointer-events: none; box-sizing: border-box;
  border: 4px solid #d4351c; outline: 3px solid #ffffff; box-shadow: 0 0 0 6px #0b0c0c;
}
.highlight[hidden] { display: none; }
@media (prefers-reduced-motion: no-preference) { .highlight { transition: all 0.15s; } }
`;

// Splits a rule's Markdown documentation into its "## …" sections.
function sections(markdown) {
  const out = new Map();
  let current = null;
  for (const line of (markdown ?? '').split('\n')) {
    const heading = line.match(/^##\s+(.*)$/);
    if (heading) {
      current = heading[1].trim();
      out.set(current, []);
    } else if (current) out.get(current).push(line);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n').trim()]));
}

// Markdown prose to DOM: paragraphs, with `code` spans; never through innerHTML.
function prose(text, doc) {
  const frag = doc.createDocumentFragment();
  for (const para of text.split(/\n\s*\n/)) {
    if (!para.trim()) continue;
    const p = doc.createElement('p');
    para.replace(/\s+/g, ' ').trim().split(/(`[^`]+`)/).forEach((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
        const code = doc.createElement('code');
        code.textContent = part.slice(1, -1);
        p.append(code);
      } else p.append(part);
    });
    frag.append(p);
  }
  return frag;
}

// The fenced code of an "## Example" section.
function example(text) {
  const m = text.match(/```[a-z]*\n([\s\S]*?)```/);
  return m ? m[1].replace(/\s+$/, '') : '';
}

// Every open shadow root of the page (the widget's own left out), in tree order.
function shadowRoots(root, skip, out = []) {
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot && el !== skip) {
      out.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, skip, out);
    }
  }
  return out;
}

/**
 * The live element a finding's selector names. Selectors are built from the snapshot the
 * widget sent: from the nearest element with a unique id, down through child steps, where an
 * open shadow root's top-level elements count as children of their host. The light DOM
 * matches with querySelectorAll; across shadow roots the steps are walked by hand, trying the
 * host's shadow children and its light children (best effort: the first element whose tag
 * agrees with the snippet).
 */
export function findElement(finding, doc = document, skip = null) {
  const tag = finding.snippet?.match(/^<([^\s>]+)/)?.[1]?.toLowerCase();
  const fits = (el) => el && !(skip && skip.contains(el)) && (!tag || el.localName === tag);
  try {
    const found = doc.querySelectorAll(finding.selector);
    if (found.length === 1 && fits(found[0])) return found[0];
  } catch {
    // Not a selector this browser parses: the walk below may still resolve it.
  }
  const steps = finding.selector.split(' > ').map((step) => {
    const m = step.match(/^(#?[^:#]+)(?::nth-child\((\d+)\))?$/);
    return m && { name: m[1], nth: m[2] ? Number(m[2]) : 0 };
  });
  if (steps.some((s) => !s)) return null;
  const [first, ...rest] = steps;
  let starts;
  if (first.name.startsWith('#')) {
    const id = first.name.slice(1);
    starts = [doc, ...shadowRoots(doc, skip)].map((r) => r.getElementById(id)).filter(Boolean);
  } else starts = [doc.documentElement];
  const named = (el, name) => name === '*' || el.localName === name;
  const walk = (el, i) => {
    if (i === rest.length) return fits(el) ? el : null;
    const { name, nth } = rest[i];
    for (const kids of [el.shadowRoot?.children, el.children]) {
      if (!kids) continue;
      const pick = nth ? [kids[nth - 1]] : [...kids];
      for (const next of pick) {
        const hit = next && named(next, name) ? walk(next, i + 1) : null;
        if (hit) return hit;
      }
    }
    return null;
  };
  for (const start of starts) {
    const hit = walk(start, 0);
    if (hit) return hit;
  }
  return null;
}

class Widget {
  constructor(doc) {
    this.doc = doc;
    this.host = doc.createElement('frontdesk-widget');
    this.host.setAttribute('data-frontdesk', '');
    this.root = this.host.attachShadow({ mode: 'open' });
    this.timings = {};
    this.report = null;
    this.ruleDocs = new Map();
    this.notes = [];
    this.target = null;
    this.error = null;
    this.build();
    // Last in the body, so it shifts no element's position among its siblings (the findings'
    // selectors count them); a frameset page has no body.
    (doc.body ?? doc.documentElement).append(this.host);
    this.follow = () => this.placeHighlight();
    doc.defaultView.addEventListener('scroll', this.follow, { passive: true, capture: true });
    doc.defaultView.addEventListener('resize', this.follow, { passive: true });
  }

  el(name, attrs = {}, ...children) {
    const e = this.doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  }

  build() {
    const style = this.el('style');
    style.textContent = CSS;
    // The check's result, announced when it changes.
    this.summary = this.el('p', { class: 'summary', role: 'status' }, 'Loading the checker…');
    // What selecting a finding did, announced too.
    this.status = this.el('p', { class: 'status', 'aria-live': 'polite' });
    this.filterText = this.el('input', {
      type: 'search', id: 'fd-filter', oninput: () => this.render(),
    });
    this.filterLevel = this.el('select', { id: 'fd-level', onchange: () => this.render() },
      this.el('option', { value: '' }, 'All levels'),
      ...LEVELS.map((l) => this.el('option', { value: l ?? 'none' }, levelName(l))));
    this.checkButton = this.el('button', { type: 'button', class: 'primary', onclick: () => this.check() },
      'Check again');
    this.results = this.el('div', { id: 'fd-results' });
    this.notesBox = this.el('div', { class: 'notes' });
    this.panel = this.el('section', { class: 'panel', 'aria-labelledby': 'fd-title', tabindex: '-1' },
      this.el('h2', { id: 'fd-title' }, 'Accessibility check'),
      this.el('button', { type: 'button', class: 'close', 'aria-label': 'Close the accessibility check', onclick: () => this.close() }, 'Close'),
      this.summary,
      this.status,
      this.el('div', { class: 'bar' },
        this.el('label', { class: 'field', for: 'fd-filter' }, 'Filter findings', this.filterText),
        this.el('label', { class: 'field', for: 'fd-level' }, 'WCAG level', this.filterLevel),
        this.checkButton),
      this.results,
      this.notesBox);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    this.launcher = this.el('button', { type: 'button', class: 'launcher', hidden: true, onclick: () => this.open() },
      'Accessibility check');
    this.highlight = this.el('div', { class: 'highlight', hidden: true, 'aria-hidden': 'true' });
    this.root.append(style, this.panel, this.launcher, this.highlight);
  }

  open() {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.panel.focus();
  }

  close() {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.clearHighlight();
    this.launcher.focus();
  }

  /** Checks the page; a call while a check runs gets that check's report. */
  async check() {
    if (this.running) return this.running;
    this.running = this.run();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  async run() {
    const t0 = performance.now();
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus on it.
    this.checkButton.setAttribute('aria-disabled', 'true');
    this.summary.textContent = 'Checking this page…';
    this.status.textContent = '';
    this.error = null;
    try {
      const engine = await import(ENGINE_URL.href);
      await engine.load();
      const t1 = performance.now();
      if (!this.ruleDocs.size) {
        for (const rule of engine.rules()) this.ruleDocs.set(rule.id, rule);
      }
      this.notes = [];
      this.clearHighlight();
      const report = await engine.auditDocument({ exclude: [this.host], notes: this.notes });
      const t2 = performance.now();
      this.report = report;
      this.version = engine.version();
      this.render();
      this.timings = { loadMs: t1 - t0, auditMs: t2 - t1, renderMs: performance.now() - t2, totalMs: performance.now() - t0 };
    } catch (err) {
      this.summary.textContent = `The check could not run: ${err?.message ?? err}`;
      this.error = String(err?.message ?? err);
    } finally {
      this.checkButton.removeAttribute('aria-disabled');
    }
    return this.report;
  }

  findings() {
    return this.report?.pages?.[0]?.findings ?? [];
  }

  render() {
    const all = this.findings();
    const text = this.filterText.value.trim().toLowerCase();
    const level = this.filterLevel.value;
    const shown = all.filter((f) => {
      if (level && (f.level ?? 'none') !== level) return false;
      if (!text) return true;
      const title = this.ruleDocs.get(f.rule)?.title ?? '';
      return [f.rule, title, f.message, f.selector, ...(f.wcag ?? [])]
        .some((s) => s.toLowerCase().includes(text));
    });
    const failed = all.filter((f) => f.outcome === 'failed').length;
    const summary = all.length === 0
      ? 'No problems found on this page. Some things still need a person to check (see the rule docs).'
      : `${failed} ${failed === 1 ? 'problem' : 'problems'} found`
        + (all.length > failed ? `, ${all.length - failed} to check by hand` : '')
        + (shown.length !== all.length ? ` (${shown.length} shown by the filter).` : '.');
    this.summary.textContent = summary;
    const frag = this.doc.createDocumentFragment();
    for (const impact of IMPACTS) {
      const ofImpact = shown.filter((f) => f.impact === impact);
      if (!ofImpact.length) continue;
      frag.append(this.el('h3', {}, `${capital(impact)} (${ofImpact.length})`));
      for (const lvl of LEVELS) {
        const group = ofImpact.filter((f) => (f.level ?? null) === lvl);
        if (!group.length) continue;
        frag.append(this.el('h4', {}, `${levelName(lvl)} (${group.length})`),
          this.el('ul', {}, ...group.map((f) => this.item(f, all.indexOf(f)))));
      }
    }
    this.results.replaceChildren(frag);
    this.notesBox.replaceChildren(...this.notes.map((n) => this.el('p', {}, n)),
      this.el('p', {}, `frontdesk ${this.version ?? ''}: checked in your browser; nothing was sent anywhere.`));
  }

  item(f, index) {
    const rule = this.ruleDocs.get(f.rule);
    const docs = sections(rule?.description);
    // The rule's own documentation: what it asks for, why, and markup that fails and passes.
    const how = this.el('details', {}, this.el('summary', {}, 'How to fix'));
    for (const [heading, label] of [['What it does', 'What is needed'], ['Why it matters', 'Why it matters']]) {
      const text = docs.get(heading);
      if (text) how.append(this.el('p', { class: 'label' }, label), prose(text, this.doc));
    }
    const code = example(docs.get('Example') ?? '');
    if (code) how.append(this.el('p', { class: 'label' }, 'Example'), this.el('pre', {}, code));
    const wcag = f.wcag?.length ? `WCAG ${f.wcag.join(', ')}` : 'Best practice';
    return this.el('li', { class: `finding ${f.outcome}`, 'data-index': String(index) },
      this.el('p', { class: 'title' },
        this.el('span', { class: 'badge' }, f.outcome === 'failed' ? 'Fails' : 'Check'),
        rule?.title ?? f.rule),
      this.el('p', {}, (f.attribute ? `[${f.attribute}] ` : '') + f.message),
      this.el('p', { class: 'where' }, `${wcag} · `, this.el('code', {}, f.selector)),
      this.el('button', { type: 'button', class: 'show', onclick: (e) => this.select(f, e.currentTarget) },
        'Show on page', this.el('span', { class: 'vh' }, `: ${rule?.title ?? f.rule}`)),
      how);
  }

  /** Scrolls to a finding's element, outlines it and moves focus there when it takes focus. */
  select(finding, button) {
    const target = findElement(finding, this.doc, this.host);
    if (!target) {
      this.clearHighlight();
      this.status.textContent = `The element ${finding.selector} is no longer on the page: check again.`;
      return null;
    }
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) {
      // In the head, or not rendered: nothing to outline or scroll to.
      this.clearHighlight();
      this.status.textContent = `This element is not shown on the page, so it cannot be outlined: ${finding.snippet}`;
      return target;
    }
    this.target = target;
    const smooth = this.doc.defaultView.matchMedia?.('(prefers-reduced-motion: no-preference)').matches;
    target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    this.highlight.hidden = false;
    this.placeHighlight();
    // Focus goes to the element when it takes focus (a field, a link): the editor meets it as
    // a keyboard user does. Otherwise it stays on the button, beside the finding.
    target.focus?.({ preventScroll: true });
    if ((target.getRootNode().activeElement ?? null) === target) {
      this.status.textContent = `Moved focus to the element on the page: ${finding.snippet}`;
    } else {
      button?.focus();
      this.status.textContent = `Outlined on the page: ${finding.snippet}`;
    }
    // Smooth scrolling moves the element after this call: follow it until it settles.
    let frames = 0;
    const step = () => {
      this.placeHighlight();
      if (++frames < 40 && this.target === target) this.doc.defaultView.requestAnimationFrame(step);
    };
    this.doc.defaultView.requestAnimationFrame(step);
    return target;
  }

  placeHighlight() {
    if (!this.target || this.highlight.hidden) return;
    const r = this.target.getBoundingClientRect();
    const pad = 4;
    Object.assign(this.highlight.style, {
      left: `${r.left - pad}px`, top: `${r.top - pad}px`,
      width: `${r.width + 2 * pad}px`, height: `${r.height + 2 * pad}px`,
    });
  }

  clearHighlight() {
    this.target = null;
    this.highlight.hidden = true;
  }
}

/** Mounts the panel once per page (a second script tag or bookmarklet click reopens it). */
export function mount(doc = document) {
  const view = doc.defaultView;
  if (view.frontdeskWidget) {
    view.frontdeskWidget.open();
    return view.frontdeskWidget;
  }
  const widget = new Widget(doc);
  view.frontdeskWidget = widget;
  widget.ready = widget.check();
  return widget;
}

// `?mount=no` on the module URL loads it without opening the panel (call mount() later).
if (globalThis.document && new URL(import.meta.url).searchParams.get('mount') !== 'no') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => mount(document), { once: true });
  } else mount(document);
}
