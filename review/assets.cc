#include "review/assets.h"

namespace cnbudget::review {

const char kReviewCss[] = R"CSS(
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0;color:#1f2328}
header{padding:12px 20px 8px;background:#f4f5f7;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:18px 0 6px}
.meta span{margin-right:14px}.meta b,.source b{color:#666;font-weight:normal}
.source{color:#555;font-size:12px;word-break:break-all;margin:2px 0}
.legend{font-size:12px;margin:4px 0}
.legend .k{display:inline-block;width:14px;height:10px;border:1px solid;vertical-align:middle;margin:0 3px 0 10px}
.k.hdr{border-color:#d97706;background:rgba(217,119,6,.25)}.k.data{border-color:#2563eb}
.k.line{border-color:#059669;border-style:dashed}.k.hl{background:#fecaca;border-color:#dc2626}
#review-status{font-size:11px;color:#888}
#review-status[data-state=error]{color:#fff;background:#dc2626;padding:2px 6px}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 20px;z-index:5;display:flex;flex-wrap:wrap;gap:6px}
nav a{padding:2px 8px;border-radius:10px;background:#eee;color:#1f2328;text-decoration:none;font-size:12px}
nav a.verified{background:#d8f0dc}nav a.fails{background:#f8d7d7}
main{padding:0 20px 120px}
section.table{border-top:2px solid #d0d7de;margin-top:24px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px;margin:4px 0 10px}
.facts dt{color:#666}.facts dd{margin:0}
.badge{padding:1px 8px;border-radius:8px;background:#eee}
.badge.verified{background:#d8f0dc;color:#14532d}.badge.fails{background:#f8d7d7;color:#7f1d1d}
.pair{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
.pages{flex:1 1 520px;max-width:780px}
.side{flex:1 1 460px;min-width:0}
.grid-wrap{overflow:auto;max-height:92vh}
figure.page{margin:0 0 12px}
figcaption{font-size:12px;color:#666}
.sheet{position:relative;border:1px solid #bbb;line-height:0;background:#fff}
.sheet img{width:100%;height:auto;display:block}
svg.overlay{position:absolute;left:0;top:0;width:100%;height:100%}
rect.tbox{fill:none;stroke:#7c3aed;stroke-width:1.2;stroke-dasharray:4 2}
rect.cell{stroke-width:.6;cursor:pointer}
rect.cell.hdr{stroke:#d97706;fill:rgba(217,119,6,.13)}
rect.cell.data{stroke:#2563eb;fill:rgba(37,99,235,.03)}
rect.line{fill:rgba(16,185,129,.08);stroke:#059669;stroke-width:.5;stroke-dasharray:2 1}
rect.hl-row,rect.hl-col{fill:rgba(250,204,21,.38)}
rect.hl-cell{fill:rgba(220,38,38,.35);stroke:#dc2626;stroke-width:1.5}
rect.selected{fill:rgba(37,99,235,.35);stroke:#1d4ed8;stroke-width:1.5}
.marks rect{fill:#b91c1c}.marks rect.area{fill:rgba(220,38,38,.25);stroke:#dc2626}
.marks text{font-size:9px;fill:#fff;font-weight:bold}
table.grid{border-collapse:collapse;font-size:12px}
table.grid td,table.grid th{border:1px solid #ccc;padding:2px 5px;vertical-align:top}
table.grid th{background:#fafafa;color:#999;font-weight:normal;font-size:10px}
td.hdr{background:#fff4e0;font-weight:600;text-align:center}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td[data-raw]{cursor:pointer}
td.hl-row,td.hl-col{background:#fef9c3}
td.hl-cell{background:#fecaca;outline:2px solid #dc2626}
td.selected{outline:2px solid #1d4ed8;background:#dbeafe}
ol.issues{padding-left:28px;font-size:13px;max-height:40vh;overflow:auto}
li.issue{padding:3px 6px;cursor:pointer;border-left:4px solid #9ca3af;margin:2px 0}
li.issue.error{border-color:#dc2626}li.issue.warning{border-color:#f59e0b}
li.issue.active{background:#fef3c7}
.sev{font-size:11px;text-transform:uppercase;color:#666}
.ef{color:#b91c1c;font-weight:600}
#cell-info{position:fixed;right:16px;bottom:16px;max-width:440px;background:#fff;border:1px solid #999;box-shadow:0 2px 10px rgba(0,0,0,.2);padding:10px 12px;font-size:13px;z-index:10}
#cell-info dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}
#cell-info dt{color:#666}#cell-info dd{margin:0;white-space:pre-wrap;word-break:break-all}
)CSS";

const char kReviewErrorScript[] = R"JS(
window.reviewErrors = [];
window.onerror = function (message, source, line) {
  window.reviewErrors.push(String(message) + ' (line ' + line + ')');
  var text = 'script error: ' + window.reviewErrors.join('; ');
  var status = document.getElementById('review-status');
  if (status) {
    status.setAttribute('data-state', 'error');
    status.textContent = text;
  } else {
    document.documentElement.setAttribute('data-review-error', text);
  }
};
)JS";

const char kReviewScript[] = R"JS(
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var status = document.getElementById('review-status');
  var info = document.getElementById('cell-info');

  function num(el, name) {
    var v = el.getAttribute('data-' + name);
    return v === null ? null : Number(v);
  }
  // Whether the cell element (a grid <td> or an overlay <rect>) spans row r
  // and column c.
  function spans(el, r, c) {
    var r0 = num(el, 'r'), c0 = num(el, 'c'), rs = num(el, 'rs') || 1, cs = num(el, 'cs') || 1;
    return { row: r !== null && r >= r0 && r < r0 + rs, col: c !== null && c >= c0 && c < c0 + cs };
  }
  function clearMarks() {
    document.querySelectorAll('.hl-row,.hl-col,.hl-cell,.selected,.active').forEach(function (el) {
      el.classList.remove('hl-row', 'hl-col', 'hl-cell', 'selected', 'active');
    });
    document.querySelectorAll('g.marks').forEach(function (g) {
      while (g.firstChild) g.removeChild(g.firstChild);
    });
  }
  function svgEl(name, attrs) {
    var el = document.createElementNS(SVGNS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }
  // A note ("expected … · found …") above box (x, y, w, h) of an overlay.
  function note(svg, x, y, text) {
    var g = svg.querySelector('g.marks');
    var label = svgEl('text', { x: x + 2, y: Math.max(y - 4, 10) });
    label.textContent = text;
    g.appendChild(label);
    var b = label.getBBox();
    g.insertBefore(svgEl('rect', { x: b.x - 2, y: b.y - 1, width: b.width + 4, height: b.height + 2 }), label);
  }
  // Marks row r and column c of a table section (grid and page overlays);
  // returns the overlay boxes of the cell at (r, c).
  function markLines(section, r, c) {
    var boxes = [];
    section.querySelectorAll('td[data-r], rect.cell').forEach(function (el) {
      var s = spans(el, r, c);
      if (s.row) el.classList.add('hl-row');
      if (s.col) el.classList.add('hl-col');
      if (s.row && s.col) {
        el.classList.add('hl-cell');
        if (el.tagName.toLowerCase() === 'rect') boxes.push(el);
      }
    });
    return boxes;
  }
  function figureFor(scope, page) {
    return (scope || document).querySelector('figure.page[data-page="' + page + '"]');
  }
  function showIssue(li) {
    clearMarks();
    li.classList.add('active');
    var table = li.getAttribute('data-table');
    var section = table === null ? null : document.getElementById('t' + table);
    var text = li.querySelector('code').textContent;
    if (li.hasAttribute('data-expected') || li.hasAttribute('data-found'))
      text = 'expected ' + (li.getAttribute('data-expected') || '(blank)') +
             ' · found ' + (li.getAttribute('data-found') || '(blank)');
    var target = section, boxes = [];
    if (section) {
      boxes = markLines(section, num(li, 'r'), num(li, 'c'));
      var cell = section.querySelector('td.hl-cell');
      if (cell) target = cell;
    }
    boxes.forEach(function (rect) {
      note(rect.ownerSVGElement, Number(rect.getAttribute('x')), Number(rect.getAttribute('y')), text);
      target = rect.closest('figure');
    });
    var bbox = li.getAttribute('data-bbox'), page = li.getAttribute('data-page');
    if (!boxes.length && bbox && page) {
      var figure = figureFor(section, page) || figureFor(null, page);
      if (figure) {
        var v = bbox.split(' ').map(Number);
        var svg = figure.querySelector('svg');
        svg.querySelector('g.marks').appendChild(svgEl('rect', { 'class': 'area', x: v[0], y: v[1], width: v[2] - v[0], height: v[3] - v[1] }));
        note(svg, v[0], v[1], text);
        target = figure;
      }
    }
    if (target) target.scrollIntoView({ block: 'center' });
  }
  function row(dl, name, value) {
    var dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = name;
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function showCell(el) {
    clearMarks();
    var section = el.closest('section.table');
    var r = num(el, 'r'), c = num(el, 'c');
    section.querySelectorAll('[data-r="' + r + '"][data-c="' + c + '"]').forEach(function (e) {
      e.classList.add('selected');
    });
    var td = section.querySelector('td[data-r="' + r + '"][data-c="' + c + '"]');
    info.textContent = '';
    var dl = document.createElement('dl');
    row(dl, 'table', section.getAttribute('data-table'));
    row(dl, 'cell', 'row ' + r + ', column ' + c + (td ? ', ' + num(td, 'rs') + '×' + num(td, 'cs') : ''));
    if (td && td.hasAttribute('data-page')) row(dl, 'page', td.getAttribute('data-page'));
    if (td && td.hasAttribute('data-raw')) {
      row(dl, 'raw', td.getAttribute('data-raw'));
      row(dl, 'text', td.getAttribute('data-text'));
      row(dl, 'value', td.hasAttribute('data-value') ? td.getAttribute('data-value') : '(none)');
    } else {
      row(dl, 'raw', '(blank)');
    }
    info.appendChild(dl);
    info.hidden = false;
    if (el.tagName.toLowerCase() === 'rect' && td) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function activate(target) {
    var li = target.closest('li.issue');
    if (li) { showIssue(li); return true; }
    var cell = target.closest('td[data-r], rect.cell');
    if (cell) { showCell(cell); return true; }
    return false;
  }
  document.addEventListener('click', function (e) {
    if (activate(e.target) && e.target.closest('a')) e.preventDefault();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target instanceof Element) activate(e.target);
    if (e.key === 'Escape') { clearMarks(); info.hidden = true; }
  });
  window.addEventListener('load', function () {
    var broken = [];
    document.querySelectorAll('img').forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) broken.push(img.getAttribute('src'));
    });
    if (window.reviewErrors.length) return;
    if (broken.length) {
      status.setAttribute('data-state', 'error');
      status.textContent = 'images missing: ' + broken.join(', ');
      return;
    }
    status.setAttribute('data-state', 'ready');
    status.textContent = 'ready: ' + document.querySelectorAll('section.table').length + ' tables, ' +
        document.querySelectorAll('li.issue').length + ' issues, ' +
        document.querySelectorAll('img').length + ' page images';
  });
})();
)JS";

}  // namespace cnbudget::review
