'use strict';
// Topics with their subscriptions, and the live nodes.
PB.pages.topics = async function (view) {
  const h = PB.h;
  document.title = 'Topics · Postbox admin';
  view.append(h('h1', {}, 'Topics'));
  let topics;
  try {
    topics = await PB.api('GET', 'topics');
  } catch (e) {
    PB.notice('Cannot read the topics: ' + e.message, 'error');
    return;
  }
  if (!topics.length) view.append(h('p', { class: 'muted' }, 'No topics yet.'));
  for (const t of topics) {
    view.append(h('h2', {}, 'Topic ', t.name, t.temporary ? ' (temporary)' : ''),
      PB.table(null, 'Subscriptions of ' + t.name, ['Subscription', 'Client ID', 'Kind', 'Selector',
        { label: 'Depth', num: true }, { label: 'In flight', num: true }, { label: 'Delayed', num: true },
        { label: 'Active consumers', num: true }, 'Created'],
      t.subscriptions.map(s => h('tr', { dataset: { subscription: s.name } },
        h('th', { scope: 'row' }, s.name), h('td', {}, s.clientId || '—'),
        h('td', {}, (s.durable ? 'durable' : 'non-durable') + (s.shared ? ', shared' : '')),
        h('td', {}, s.selector || '—'), h('td', { class: 'num' }, s.depth), h('td', { class: 'num' }, s.inFlight),
        h('td', { class: 'num' }, s.delayed), h('td', { class: 'num' }, s.activeConsumers), h('td', {}, PB.when(s.createdAt)))),
      'No subscriptions: messages published now reach nobody.'));
  }
};

PB.pages.nodes = function (view) {
  const h = PB.h;
  document.title = 'Nodes · Postbox admin';
  const holder = h('div', {});
  view.append(h('h1', {}, 'Nodes'),
    h('p', {}, 'The servers and JVMs using this message store. A node whose heartbeat stops is declared dead and its in-flight messages return to their queues.'),
    holder);
  async function refresh() {
    try {
      const nodes = await PB.api('GET', 'nodes');
      holder.replaceChildren(PB.table('nodes', 'Live nodes (refreshed every 5 seconds)',
        ['Node', 'Host', 'Started', 'Last heartbeat'],
        nodes.map(n => h('tr', {}, h('th', { scope: 'row' }, n.id, n.self ? ' (this server)' : ''), h('td', {}, n.host),
          h('td', {}, PB.when(n.startedAt)), h('td', {}, PB.when(n.lastHeartbeat)))), 'No live nodes.'));
    } catch (e) {
      PB.notice('Cannot read the nodes: ' + e.message, 'error');
    }
  }
  PB.every(refresh, 5000);
  refresh();
};
