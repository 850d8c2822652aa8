'use strict';
// One message: headers, delivery state, dead-letter reason, properties and body; delete, move, retry.
PB.pages.message = async function (view, queue, id) {
  const h = PB.h;
  document.title = 'Message ' + id + ' · Postbox admin';
  view.append(h('p', {}, h('a', { href: PB.queueHref(queue) }, '← Queue ' + queue)));
  let m;
  try {
    m = await PB.api('GET', 'queues/' + PB.q(queue) + '/messages/' + PB.q(id));
  } catch (e) {
    view.append(h('h1', {}, 'Message ' + id), h('p', { class: 'notice' }, h('span', { class: 'error' }, e.message)));
    return;
  }
  const d = m.delivery;
  view.append(h('h1', {}, 'Message ', m.headers.messageId || ('#' + m.id)),
    h('p', {}, PB.stateBadge(d), ' on queue ', h('a', { href: PB.queueHref(queue) }, queue), ' · store id ' + m.id));
  if (m.deadLetter) {
    view.append(h('h2', {}, 'Why it was dead-lettered'), PB.facts('dead-letter', 'Dead-letter details', [
      ['Reason', h('span', { id: 'dead-letter-reason' }, m.deadLetter.reason)],
      ['From queue', h('a', { href: PB.queueHref(m.deadLetter.origin) }, m.deadLetter.origin)],
      ['Dead-lettered at', PB.when(m.deadLetter.deadLetteredAt)],
      ['Delivery attempts', m.deadLetter.attempts]]),
    h('button', { type: 'button', id: 'retry-message', class: 'primary', onclick: retry }, 'Retry: return to ' + m.deadLetter.origin));
  }
  PB.append(view, [actions(),
    h('h2', {}, 'Headers'), PB.facts('headers', 'JMS headers', [
      ['JMSMessageID', m.headers.messageId], ['JMSPriority', m.headers.priority],
      ['JMSDeliveryMode', m.headers.deliveryMode], ['JMSTimestamp', PB.when(m.headers.timestamp)],
      ['JMSCorrelationID', m.headers.correlationId], ['JMSType', m.headers.type], ['JMSReplyTo', m.headers.replyTo],
      ['JMSExpiration', m.headers.expiration ? PB.when(m.headers.expiration) : 'never'],
      ['JMSDeliveryTime', PB.when(m.headers.deliveryTime)]]),
    h('h2', {}, 'Delivery'), PB.facts('delivery', 'Delivery state', [
      ['State', PB.stateBadge(d)], ['Node', d.node], ['Deliverable from', PB.when(d.until)],
      ['Delivery count', d.deliveryCount], ['Enqueued', PB.when(d.enqueuedAt)],
      ['Last delivered', PB.when(d.lastDeliveredAt)], ['Last failure', d.lastFailure]]),
    h('h2', {}, 'Properties'),
    PB.table('properties', 'Message properties', ['Name', 'Type', 'Value'],
      m.properties.map(p => h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.type), h('td', {}, p.value))),
      'No properties.'),
    h('h2', {}, 'Body (' + m.body.type + ', ' + m.body.size + ' bytes)'), body(m.body)]);

  function body(b) {
    const note = b.truncated ? h('p', { class: 'muted' }, 'Only the beginning is shown.') : null;
    if (b.encoding === 'entries') {
      return [PB.table('body-entries', b.content, ['Name', 'Type', 'Value'],
        b.entries.map(e => h('tr', {}, h('th', { scope: 'row' }, e.name), h('td', {}, e.type), h('td', {}, e.value)))), note];
    }
    if (b.encoding === 'none') return h('p', { class: 'muted', id: 'body' }, b.content || 'No body.');
    return [h('pre', { class: 'body', id: 'body' }, b.content), note];
  }

  function actions() {
    const target = h('input', { type: 'text', id: 'move-target', list: 'queue-names', autocomplete: 'off' });
    const names = h('datalist', { id: 'queue-names' });
    PB.api('GET', 'queues').then(qs => names.replaceChildren(...qs.filter(q => q.name !== queue)
      .map(q => h('option', { value: q.name })))).catch(() => {});
    return h('form', { class: 'toolbar', onsubmit: move },
      h('button', { type: 'button', class: 'danger', id: 'delete-message', onclick: remove }, 'Delete message…'),
      h('label', { for: 'move-target' }, 'Move to queue'), target, names,
      h('button', { type: 'submit', id: 'move-message' }, 'Move'));

    async function move(event) {
      event.preventDefault();
      const to = target.value.trim();
      if (await PB.change('POST', 'queues/' + PB.q(queue) + '/messages/' + PB.q(id) + '/move', { target: to },
        'Message moved to ' + to + '.')) {
        location.hash = PB.messageHref(to, id);
      }
    }
  }

  async function remove() {
    if (!await PB.confirm('Delete message ' + (m.headers.messageId || m.id) + ' from ' + queue + '?', 'Delete')) return;
    if (await PB.change('DELETE', 'queues/' + PB.q(queue) + '/messages/' + PB.q(id), undefined, 'Message deleted.')) {
      location.hash = PB.queueHref(queue);
    }
  }

  async function retry() {
    if (await PB.change('POST', 'queues/' + PB.q(queue) + '/retry', { ids: [m.id] }, PB.retryText)) {
      location.hash = PB.queueHref(queue);
    }
  }
};
