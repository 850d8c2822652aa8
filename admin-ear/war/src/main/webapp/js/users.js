'use strict';
// The users connections and MDBs authenticate as (requireAuthentication=true): the list with delete buttons and
// the form adding a user or setting a new password. Passwords only go to the server; no page shows them.
PB.pages.users = function (view) {
  const h = PB.h;
  document.title = 'Users · Postbox admin';
  const holder = h('div', { id: 'users-holder' }, h('p', { class: 'muted' }, 'Loading…'));
  let names = [];
  view.append(
    h('h1', {}, 'Users'),
    h('p', {}, 'When the resource adapter requires authentication, every connection and MDB must present one of'
      + ' these users with its password. A server that checked a user lately still accepts it for up to five'
      + ' minutes after its deletion or password change. Passwords are kept as salted hashes and cannot be shown.'),
    holder,
    passwordForm());

  async function refresh() {
    try {
      const users = await PB.api('GET', 'users');
      names = users.map(u => u.name);
      holder.replaceChildren(PB.table('users', 'Stored users, by name.', ['User', 'Actions'], users.map(row),
        'No users yet: with requireAuthentication=true no connection is accepted.'));
    } catch (e) {
      PB.notice('Cannot read the users: ' + e.message, 'error');
    }
  }

  function row(user) {
    return h('tr', { dataset: { user: user.name } },
      h('th', { scope: 'row' }, user.name),
      h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': 'Delete user ' + user.name,
        onclick: () => remove(user.name) }, 'Delete…')));
  }

  async function remove(name) {
    if (!await PB.confirm('Delete user ' + name + '? Its connections are refused from then on.', 'Delete user')) return;
    if (await PB.change('DELETE', 'users/' + PB.q(name), undefined, 'User ' + name + ' deleted.')) refresh();
  }

  function passwordForm() {
    const name = h('input', { type: 'text', id: 'user-name', required: true, maxlength: 255, pattern: '[^/]+',
      autocomplete: 'off' });
    const password = h('input', { type: 'password', id: 'user-password', required: true, minlength: 8,
      autocomplete: 'new-password' });
    const form = h('form', { class: 'grid', id: 'put-user', onsubmit: save },
      h('label', { for: 'user-name' }, 'Name'), name,
      h('span', { class: 'hint' }, 'an existing user gets the new password; no /'),
      h('label', { for: 'user-password' }, 'Password'), password,
      h('span', { class: 'hint' }, 'at least 8 characters'),
      h('span'), h('button', { type: 'submit', class: 'primary', id: 'save-user' }, 'Save user'));
    return h('fieldset', {}, h('legend', {}, 'Add a user or set a password'), form);

    async function save(event) {
      event.preventDefault();
      const user = name.value.trim();
      const known = names.includes(user);
      const saved = await PB.change('PUT', 'users/' + PB.q(user), { password: password.value },
        known ? 'Password of ' + user + ' changed.' : 'User ' + user + ' created.');
      password.value = '';
      if (saved) {
        name.value = '';
        refresh();
      }
    }
  }

  refresh();
};
