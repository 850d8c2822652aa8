'use strict';
// Hash routing: #/queues, #/queue/{name}, #/queue/{name}/message/{id}, #/topics, #/nodes, #/users.
(function () {
  function route() {
    PB.timers.forEach(clearInterval);
    PB.timers.length = 0;
    const parts = (location.hash || '#/queues').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const main = document.getElementById('main');
    const view = PB.h('div', { class: 'view' });
    main.replaceChildren(view);
    let section = parts[0];
    if (section === 'queue' && parts[1] !== undefined && parts[2] === 'message' && parts[3] !== undefined) {
      PB.pages.message(view, parts[1], parts[3]);
      section = 'queues';
    } else if (section === 'queue' && parts[1] !== undefined) {
      PB.pages.queue(view, parts[1]);
      section = 'queues';
    } else if (section === 'topics' || section === 'nodes' || section === 'users') {
      PB.pages[section](view);
    } else {
      section = 'queues';
      PB.pages.queues(view);
    }
    document.querySelectorAll('[data-nav]').forEach(a => {
      if (a.dataset.nav === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    main.focus();
  }
  window.addEventListener('hashchange', () => {
    route();
  });
  route();
}());
