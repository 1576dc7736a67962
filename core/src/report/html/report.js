// frontdesk HTML report: moves the overview (written after the pages, once they are counted)
// up to its place, fills the rule filter, filters and sorts the page table, and builds a
// page's findings when its button is pressed, from the deflated JSON block of its chunk of
// pages (so a 10,000-page report stays small and keeps only the page table in the DOM).
// Everything from the pages goes in as textContent.
(function () {
  'use strict';
  var doc = document;
  var overview = doc.getElementById('overview');
  var slot = doc.getElementById('overview-slot');
  if (overview && slot) slot.replaceWith(overview);
  var summaryBlock = doc.getElementById('summary-data');
  var table = doc.getElementById('pages');
  if (!summaryBlock || !table) return;
  var summary = JSON.parse(summaryBlock.textContent);
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var texts = null;

  function el(name, text, className) {
    var node = doc.createElement(name);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  var ruleSelect = doc.getElementById('filter-rule');
  summary.rules.forEach(function (rule) {
    var option = el('option', rule.id + ' (' + rule.pages + (rule.pages === 1 ? ' page)' : ' pages)'));
    option.value = String(rule.index);
    ruleSelect.appendChild(option);
  });

  var textInput = doc.getElementById('filter-text');
  var levelSelect = doc.getElementById('filter-level');
  var status = doc.getElementById('filter-status');

  function announce(message) {
    status.textContent = message;
  }

  // Rows shown at most (the report hides the rest at first); "Show more" adds a step.
  var more = doc.getElementById('more-pages');
  var step = more ? Number(more.getAttribute('data-step')) : Infinity;
  var limit = step;

  function applyFilter(keepLimit) {
    if (keepLimit !== true) limit = step;
    var query = textInput.value.trim().toLowerCase();
    var rule = ruleSelect.value;
    var level = levelSelect.value;
    if (query && !texts) {
      texts = new Map();
      rows.forEach(function (tr) {
        texts.set(tr, (tr.cells[0].textContent + ' ' + tr.cells[1].textContent).toLowerCase());
      });
    }
    var matching = 0;
    rows.forEach(function (tr) {
      var match = (!query || texts.get(tr).indexOf(query) >= 0) &&
        (!rule || tr.getAttribute('data-rules').indexOf(' ' + rule + ' ') >= 0) &&
        (!level || tr.getAttribute('data-levels').indexOf(' ' + level + ' ') >= 0);
      var show = match && matching < limit;
      if (match) matching += 1;
      if (tr.hidden === show) tr.hidden = !show;
      if (tr.detailRow) tr.detailRow.hidden = !show || tr.querySelector('button[aria-expanded="true"]') === null;
    });
    if (more) more.parentNode.hidden = matching <= limit;
    announce(statusText(matching));
  }

  function statusText(matching) {
    return matching > limit
      ? 'Showing the first ' + limit + ' of ' + matching + ' matching pages'
      : 'Showing ' + matching + ' of ' + rows.length + ' pages';
  }

  if (more) {
    more.addEventListener('click', function () {
      limit += step;
      applyFilter(true);
    });
  }

  var timer = 0;
  textInput.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(applyFilter, 120);
  });
  ruleSelect.addEventListener('change', function () { applyFilter(); });
  levelSelect.addEventListener('change', function () { applyFilter(); });
  doc.getElementById('filters').addEventListener('submit', function (event) {
    event.preventDefault();
    applyFilter();
  });

  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-sort]'), function (button) {
    button.addEventListener('click', function () {
      var th = button.parentNode;
      var column = th.cellIndex;
      var numeric = button.getAttribute('data-sort') === 'number';
      var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
        cell.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', direction);
      var sign = direction === 'ascending' ? 1 : -1;
      var keyed = rows.map(function (tr, index) {
        var text = tr.cells[column].textContent;
        return { tr: tr, key: numeric ? Number(text) : text.toLowerCase(), index: index };
      });
      keyed.sort(function (a, b) {
        if (a.key < b.key) return -sign;
        if (a.key > b.key) return sign;
        return a.index - b.index;
      });
      var fragment = doc.createDocumentFragment();
      rows = keyed.map(function (entry) {
        fragment.appendChild(entry.tr);
        if (entry.tr.detailRow) fragment.appendChild(entry.tr.detailRow);
        return entry.tr;
      });
      tbody.appendChild(fragment);
      applyFilter(true);
      announce('Sorted by ' + button.textContent + ', ' + direction + '. ' + status.textContent);
    });
  });

  function findingsTable(caption, findings, ignored) {
    var t = el('table', null, 'findings');
    t.appendChild(el('caption', caption));
    var head = t.createTHead().insertRow();
    var columns = ['Outcome', 'Rule', 'WCAG', 'Element', 'Message'];
    if (ignored) columns.push('Reason ignored');
    columns.forEach(function (name) {
      var th = el('th', name);
      th.scope = 'col';
      head.appendChild(th);
    });
    var body = t.createTBody();
    findings.forEach(function (f) {
      var tr = body.insertRow();
      var outcome = tr.insertCell();
      outcome.appendChild(el('span', f.o === 'failed' ? 'failed' : 'cannot tell', f.o === 'failed' ? 'failed' : 'canttell'));
      if (f.b === 'new') {
        outcome.appendChild(doc.createTextNode(' '));
        outcome.appendChild(el('span', 'new', 'badge'));
      }
      var rule = tr.insertCell();
      rule.appendChild(el('code', f.r));
      var title = summary.titles[f.r];
      if (title) rule.appendChild(el('span', title, 'snippet'));
      tr.insertCell().textContent = f.w ? f.w + ' ' + (f.l || '') : 'best practice';
      var element = tr.insertCell();
      element.appendChild(el('code', f.s + (f.a ? ' [' + f.a + ']' : '')));
      if (f.n) element.appendChild(el('span', f.n, 'snippet'));
      tr.insertCell().textContent = f.m;
      if (ignored) tr.insertCell().textContent = f.i;
    });
    return t;
  }

  // Chunk number -> promise of its pages' findings.
  var chunks = new Map();
  function findingsOf(index) {
    var number = Math.floor(index / summary.chunk);
    if (!chunks.has(number)) {
      var text = atob(doc.getElementById('fc' + number).textContent);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      chunks.set(number, new Response(stream).json());
    }
    return chunks.get(number).then(function (pages) { return pages[index % summary.chunk]; });
  }

  function detailFor(tr, index, data) {
    var detail = doc.createElement('tr');
    detail.className = 'detail';
    detail.id = 'detail-' + index;
    var td = detail.insertCell();
    td.colSpan = tr.cells.length;
    var name = tr.cells[1].textContent || tr.cells[0].textContent;
    var active = data.filter(function (f) { return !f.i; });
    var ignored = data.filter(function (f) { return f.i; });
    if (active.length) td.appendChild(findingsTable('Findings on ' + name, active, false));
    if (ignored.length) td.appendChild(findingsTable('Ignored findings on ' + name + ' (never fail a gate)', ignored, true));
    return detail;
  }

  function toggle(button, tr) {
    var open = button.getAttribute('aria-expanded') === 'true';
    tr.detailRow.hidden = open;
    button.setAttribute('aria-expanded', open ? 'false' : 'true');
  }

  tbody.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-page]');
    if (!button) return;
    var tr = button.closest('tr');
    if (tr.detailRow) {
      toggle(button, tr);
      return;
    }
    if (button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    var index = Number(button.getAttribute('data-page'));
    findingsOf(index).then(function (data) {
      tr.detailRow = detailFor(tr, index, data);
      tr.detailRow.hidden = true;
      tr.after(tr.detailRow);
      button.setAttribute('aria-controls', tr.detailRow.id);
      button.removeAttribute('aria-busy');
      toggle(button, tr);
    }, function (error) {
      button.removeAttribute('aria-busy');
      announce('The findings could not be read: ' + error);
    });
  });

  announce(statusText(rows.length));
})();
