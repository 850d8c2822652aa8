'use strict';
// DOM helpers. Every text goes through text nodes, never HTML, so nothing a message holds can become markup.
window.PB = { pages: {}, timers: [] };

PB.h = function (tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'checked' || key === 'value') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  PB.append(el, children);
  return el;
};

PB.append = function (el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
};

PB.queueHref = name => '#/queue/' + encodeURIComponent(name);
PB.messageHref = (queue, id) => PB.queueHref(queue) + '/message/' + encodeURIComponent(id);

PB.when = function (iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString();
};

PB.badge = function (text, kind) {
  return PB.h('span', { class: 'badge ' + kind }, text);
};

PB.stateBadge = function (delivery) {
  switch (delivery.state) {
    case 'IN_FLIGHT': return PB.badge('in flight' + (delivery.node ? ' on ' + delivery.node : ''), 'in_flight');
    case 'DELAYED': return PB.badge('delayed until ' + PB.when(delivery.until), 'delayed');
    case 'EXPIRED': return PB.badge('expired', 'expired');
    default: return PB.badge('available', 'available');
  }
};

/** A table: headers are strings or {label, num}; rows are <tr> elements. */
PB.table = function (id, caption, headers, rows, emptyText) {
  const head = PB.h('tr', {}, headers.map(hd => typeof hd === 'string'
    ? PB.h('th', { scope: 'col' }, hd)
    : PB.h('th', { scope: 'col', class: hd.num ? 'num' : null }, hd.label, hd.hidden ? PB.h('span', { class: 'visually-hidden' }, hd.hidden) : null)));
  const body = PB.h('tbody', {}, rows);
  if (!rows.length && emptyText) body.append(PB.h('tr', {}, PB.h('td', { colspan: headers.length, class: 'muted' }, emptyText)));
  return PB.h('table', { id: id }, caption ? PB.h('caption', {}, caption) : null, PB.h('thead', {}, head), body);
};

/** A two-column table of label/value rows (label cells are row headers). */
PB.facts = function (id, caption, pairs) {
  return PB.h('table', { id: id, class: 'facts' }, PB.h('caption', {}, caption),
    PB.h('tbody', {}, pairs.map(([label, value]) => PB.h('tr', {}, PB.h('th', { scope: 'row' }, label),
      PB.h('td', {}, value === null || value === undefined || value === '' ? '—' : value)))));
};

PB.notice = function (text, kind) {
  const box = document.getElementById('notice');
  box.replaceChildren(PB.h('span', { class: kind || 'info' }, text));
};

/** Asks in the page's dialog; resolves true when confirmed. */
PB.confirm = function (text, confirmLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel || 'Confirm';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
};

/** Runs fn every ms while the current page is shown. */
PB.every = function (fn, ms) {
  PB.timers.push(setInterval(fn, ms));
};
