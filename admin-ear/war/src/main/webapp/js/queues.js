'use strict';
// The queue list: counts with auto-refresh, and the form creating a queue.
PB.pages.queues = function (view) {
  const h = PB.h;
  document.title = 'Queues · Postbox admin';
  const updated = h('span', { class: 'muted', id: 'queues-updated' });
  const auto = h('input', { type: 'checkbox', id: 'auto-refresh', checked: true });
  const holder = h('div', { id: 'queues-holder' }, h('p', { class: 'muted' }, 'Loading…'));
  view.append(
    h('h1', {}, 'Queues'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'auto-refresh' }, auto, ' Refresh every 3 seconds'),
      h('button', { type: 'button', onclick: refresh }, 'Refresh now'),
      updated),
    holder,
    createForm());

  async function refresh() {
    try {
      const queues = await PB.api('GET', 'queues');
      holder.replaceChildren(PB.table('queues', 'Queues with their messages: depth is what consumers can get now.',
        ['Queue', { label: 'Depth', num: true }, { label: 'In flight', num: true }, { label: 'Delayed', num: true },
          { label: 'Total', num: true }, 'Dead-letter queue', 'Created'],
        queues.map(q => row(q, new Set(queues.map(other => other.name)))), 'No queues yet.'));
      updated.textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      PB.notice('Cannot read the queues: ' + e.message, 'error');
    }
  }

  function row(q, names) {
    return h('tr', { dataset: { queue: q.name } },
      h('th', { scope: 'row' }, h('a', { href: PB.queueHref(q.name) }, q.name),
        q.isDeadLetterQueue ? [' ', PB.badge('dead letters', 'dlq')] : null,
        q.temporary ? [' ', h('span', { class: 'muted' }, '(temporary)')] : null),
      h('td', { class: 'num depth' }, q.depth),
      h('td', { class: 'num in-flight' }, q.inFlight),
      h('td', { class: 'num delayed' }, q.delayed),
      h('td', { class: 'num total' }, q.total),
      h('td', {}, !q.deadLetterQueue ? h('span', { class: 'muted' }, 'dropped')
        : names.has(q.deadLetterQueue) ? h('a', { href: PB.queueHref(q.deadLetterQueue) }, q.deadLetterQueue)
          : [q.deadLetterQueue, ' ', h('span', { class: 'muted' }, '(created at the first dead letter)')]),
      h('td', {}, PB.when(q.createdAt)));
  }

  function createForm() {
    const name = h('input', { type: 'text', id: 'new-queue-name', required: true, maxlength: 200,
      pattern: '[A-Za-z0-9._\\-:$@]+', autocomplete: 'off' });
    const attempts = h('input', { type: 'number', id: 'new-queue-attempts', min: 0 });
    const dlq = h('input', { type: 'text', id: 'new-queue-dlq', autocomplete: 'off' });
    const form = h('form', { class: 'grid', id: 'create-queue', onsubmit: create },
      h('label', { for: 'new-queue-name' }, 'Name'), name,
      h('span', { class: 'hint' }, 'letters, digits and . _ - : $ @'),
      h('label', { for: 'new-queue-attempts' }, 'Max delivery attempts'), attempts,
      h('span', { class: 'hint' }, 'empty: broker default; 0: unlimited'),
      h('label', { for: 'new-queue-dlq' }, 'Dead-letter queue'), dlq,
      h('span', { class: 'hint' }, 'empty: the name plus .DLQ'),
      h('span'), h('button', { type: 'submit', class: 'primary' }, 'Create queue'));
    return h('fieldset', {}, h('legend', {}, 'Create a queue'), form);

    async function create(event) {
      event.preventDefault();
      const policy = {
        maxDeliveryAttempts: attempts.value === '' ? null : Number(attempts.value),
        deadLetterQueue: dlq.value.trim() === '' ? null : dlq.value.trim()
      };
      const created = await PB.change('POST', 'queues', { name: name.value.trim(), policy: policy },
        q => 'Queue ' + q.name + ' created.');
      if (created) location.hash = PB.queueHref(created.name);
    }
  }

  PB.every(() => { if (auto.checked) refresh(); }, 3000);
  refresh();
};
