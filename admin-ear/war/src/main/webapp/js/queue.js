'use strict';
// One queue: counts, purge and delete, the paged message browser (with retry on dead-letter queues), the policy.
PB.pages.queue = async function (view, name) {
  const h = PB.h;
  document.title = name + ' · Postbox admin';
  view.append(h('p', {}, h('a', { href: '#/queues' }, '← All queues')), h('h1', {}, 'Queue ', name));
  let queue;
  try {
    queue = await PB.api('GET', 'queues/' + PB.q(name));
  } catch (e) {
    view.append(h('p', { class: 'notice' }, h('span', { class: 'error' }, e.message)));
    return;
  }
  const counts = h('div', { class: 'counts', id: 'counts' });
  const messages = h('div', { id: 'messages-holder' });
  const pager = h('div', { class: 'toolbar' });
  let cursor = null;
  const pageStarts = [];

  view.append(counts, deadLetterNote(), actions(),
    h('h2', {}, queue.isDeadLetterQueue ? 'Dead letters' : 'Messages'), browserToolbar(), messages, pager,
    h('h2', {}, 'Delivery policy'), PB.policyForm(queue, updated => { queue = updated; showCounts(); }));
  showCounts();
  loadPage(null);
  PB.every(refreshCounts, 5000);

  function showCounts() {
    counts.replaceChildren(...[['Depth', queue.depth, 'depth'], ['In flight', queue.inFlight, 'in-flight'],
      ['Delayed', queue.delayed, 'delayed'], ['Total', queue.total, 'total']]
      .map(([label, value, id]) => h('div', {}, h('strong', { id: 'count-' + id }, value), label)));
  }

  async function refreshCounts() {
    try {
      queue = await PB.api('GET', 'queues/' + PB.q(name));
      showCounts();
    } catch (e) {
      PB.notice('Cannot read the queue: ' + e.message, 'error');
    }
  }

  function deadLetterNote() {
    if (!queue.isDeadLetterQueue) {
      return h('p', {}, 'Failed messages go to ', queue.deadLetterQueue
        ? h('a', { href: PB.queueHref(queue.deadLetterQueue) }, queue.deadLetterQueue) : 'nowhere (dropped)', '.');
    }
    return h('p', {}, PB.badge('dead letters', 'dlq'), ' Messages that failed on ',
      queue.deadLetterQueueOf.map((q, i) => [i ? ', ' : '', h('a', { href: PB.queueHref(q) }, q)]),
      '. Retry returns a message to the queue it came from with a fresh delivery count.');
  }

  function actions() {
    return h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'purge-queue', onclick: purge }, 'Purge all messages…'),
      h('button', { type: 'button', id: 'delete-queue', class: 'danger', onclick: remove }, 'Delete queue…'));
  }

  async function purge() {
    if (!await PB.confirm('Delete all ' + queue.total + ' messages of ' + name + '? This cannot be undone.', 'Purge')) return;
    if (await PB.change('POST', 'queues/' + PB.q(name) + '/purge', {}, a => a.purged + ' messages purged from ' + name + '.')) {
      reload();
    }
  }

  async function remove() {
    if (!await PB.confirm('Delete queue ' + name + ' and its ' + queue.total + ' messages?', 'Delete queue')) return;
    try {
      await PB.api('DELETE', 'queues/' + PB.q(name));
    } catch (e) {
      if (e.status !== 409 || !await PB.confirm(e.message + ' Delete anyway? Those messages are lost.', 'Delete anyway')) {
        if (e.status !== 409) PB.notice(e.message, 'error');
        return;
      }
      if (!await PB.change('DELETE', 'queues/' + PB.q(name) + '?force=true')) return;
    }
    PB.notice('Queue ' + name + ' deleted.', 'info');
    location.hash = '#/queues';
  }

  function browserToolbar() {
    const bar = h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'refresh-messages', onclick: reload }, 'Refresh messages'));
    if (queue.isDeadLetterQueue) {
      bar.append(h('button', { type: 'button', id: 'retry-selected', onclick: retrySelected }, 'Retry selected'),
        h('button', { type: 'button', id: 'retry-all', class: 'primary', onclick: retryAll }, 'Retry all'));
    }
    return bar;
  }

  function reload() {
    pageStarts.length = 0;
    loadPage(null);
    refreshCounts();
  }

  async function loadPage(after) {
    try {
      const page = await PB.api('GET', 'queues/' + PB.q(name) + '/messages?limit=20' + (after ? '&after=' + PB.q(after) : ''));
      cursor = after;
      messages.replaceChildren(PB.messageTable(name, page.messages, queue.isDeadLetterQueue));
      pager.replaceChildren(
        h('button', { type: 'button', disabled: !pageStarts.length, onclick: previous }, 'Previous page'),
        h('button', { type: 'button', id: 'next-page', disabled: !page.next, onclick: () => next(page.next) }, 'Next page'));
    } catch (e) {
      PB.notice('Cannot read the messages: ' + e.message, 'error');
    }
  }

  function next(after) {
    pageStarts.push(cursor);
    loadPage(after);
  }

  function previous() {
    loadPage(pageStarts.pop());
  }

  async function retrySelected() {
    const ids = [...messages.querySelectorAll('input[data-id]:checked')].map(box => Number(box.dataset.id));
    if (!ids.length) {
      PB.notice('Select the messages to retry first.', 'error');
      return;
    }
    if (await PB.change('POST', 'queues/' + PB.q(name) + '/retry', { ids: ids }, PB.retryText)) reload();
  }

  async function retryAll() {
    if (!await PB.confirm('Return every dead letter of ' + name + ' to the queue it came from?', 'Retry all')) return;
    if (await PB.change('POST', 'queues/' + PB.q(name) + '/retry', { all: true }, PB.retryText)) reload();
  }
};

PB.retryText = function (result) {
  return 'Retried ' + result.retried + ' message(s)' + (result.skipped ? '; ' + result.skipped + ' skipped. ' : '.')
    + (result.notes.length ? ' ' + result.notes.join(' ') : '');
};

/** The message browser table of a page of messages. */
PB.messageTable = function (queue, list, deadLetters) {
  const h = PB.h;
  const all = h('input', { type: 'checkbox', id: 'select-all', onchange: () => table.querySelectorAll('input[data-id]')
    .forEach(box => { box.checked = all.checked; }) });
  const headers = ['Message', { label: 'Priority', num: true }, 'State', { label: 'Deliveries', num: true }, 'Enqueued',
    'Body'];
  if (deadLetters) headers.push('Reason', 'From queue');
  const rows = list.map(m => h('tr', { dataset: { message: m.id } },
    deadLetters ? h('td', {}, h('input', { type: 'checkbox', id: 'select-' + m.id, dataset: { id: m.id } }),
      h('label', { for: 'select-' + m.id, class: 'visually-hidden' }, 'Select message ' + m.id)) : null,
    h('th', { scope: 'row' }, h('a', { href: PB.messageHref(queue, m.id) }, m.headers.messageId || ('#' + m.id))),
    h('td', { class: 'num' }, m.headers.priority),
    h('td', {}, PB.stateBadge(m.delivery)),
    h('td', { class: 'num' }, m.delivery.deliveryCount),
    h('td', {}, PB.when(m.delivery.enqueuedAt)),
    h('td', { class: 'preview', title: m.body.content }, m.body.type + ' ', PB.bodySummary(m.body)),
    deadLetters ? [h('td', { class: 'reason' }, m.deadLetter ? m.deadLetter.reason : '—'),
      h('td', {}, m.deadLetter ? h('a', { href: PB.queueHref(m.deadLetter.origin) }, m.deadLetter.origin) : '—')] : null));
  const table = PB.table('messages', 'Messages in delivery order (priority first, then arrival).', headers, rows,
    'No messages on this queue.');
  if (deadLetters) {
    table.querySelector('thead tr').prepend(h('th', { scope: 'col' }, all,
      h('label', { for: 'select-all', class: 'visually-hidden' }, 'Select all messages of this page')));
    const empty = table.querySelector('tbody td[colspan]');
    if (empty) empty.colSpan += 1;
  }
  return table;
};

PB.bodySummary = function (body) {
  if (body.encoding === 'entries') {
    return body.entries.map(e => e.name + '=' + e.value).join(', ') + (body.truncated ? ' …' : '');
  }
  return body.content + (body.truncated ? ' …' : '');
};
