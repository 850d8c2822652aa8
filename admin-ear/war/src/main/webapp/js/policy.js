'use strict';
// The editable delivery policy of a queue. Empty fields use the broker's default, shown as the placeholder.
PB.policyForm = function (queue, onSaved) {
  const h = PB.h;
  const fields = [
    ['maxDeliveryAttempts', 'Max delivery attempts', 'number', '0: unlimited'],
    ['redeliveryDelayMillis', 'Redelivery delay (ms)', 'number', 'before the first redelivery'],
    ['redeliveryMultiplier', 'Redelivery multiplier', 'number', 'growth per redelivery, at least 1'],
    ['maxRedeliveryDelayMillis', 'Max redelivery delay (ms)', 'number', 'upper bound of the delay'],
    ['deadLetterQueue', 'Dead-letter queue', 'text', 'where exhausted messages go'],
    ['expiryQueue', 'Expiry queue', 'text', 'where expired messages go']];
  const inputs = {};
  const drops = {};
  const form = h('form', { class: 'grid', id: 'policy-form', onsubmit: save });
  for (const [key, label, type, hint] of fields) {
    const own = queue.policy[key];
    const effective = queue.effectivePolicy[key];
    inputs[key] = h('input', { type: type, id: 'policy-' + key, step: key === 'redeliveryMultiplier' ? 'any' : null,
      min: type === 'number' ? 0 : null, value: own === null || own === undefined ? '' : String(own),
      placeholder: 'default: ' + (effective === '' ? 'drop' : effective) });
    let drop = null;
    if (type === 'text') {
      drops[key] = h('input', { type: 'checkbox', id: 'policy-' + key + '-drop', checked: own === '' });
      drop = h('label', { for: 'policy-' + key + '-drop' }, drops[key], ' drop instead');
    }
    form.append(h('label', { for: 'policy-' + key }, label), inputs[key],
      h('span', { class: 'hint' }, hint, '; in force: ', effective === '' ? 'dropped' : String(effective), drop ? [' ', drop] : null));
  }
  form.append(h('span'), h('button', { type: 'submit', class: 'primary', id: 'save-policy' }, 'Save policy'));
  return h('fieldset', {}, h('legend', {}, 'Settings of ' + queue.name + ' (empty: broker default)'), form);

  async function save(event) {
    event.preventDefault();
    const policy = {};
    for (const [key, , type] of fields) {
      const raw = inputs[key].value.trim();
      if (type === 'number') policy[key] = raw === '' ? null : Number(raw);
      else policy[key] = drops[key].checked ? '' : (raw === '' ? null : raw);
    }
    const saved = await PB.change('PUT', 'queues/' + PB.q(queue.name) + '/policy', policy,
      'Policy of ' + queue.name + ' saved.');
    if (saved) onSaved(saved);
  }
};
