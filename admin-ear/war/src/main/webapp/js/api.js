'use strict';
// The REST API. Changes carry the X-Postbox-Admin header and a JSON body, as the server requires.
PB.api = async function (method, path, body) {
  const init = { method: method, headers: { 'Accept': 'application/json' } };
  if (method !== 'GET') {
    init.headers['X-Postbox-Admin'] = '1';
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch('api/' + path, init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
  }
  if (!response.ok) {
    const error = new Error((data && data.error) || (response.status + ' ' + response.statusText));
    error.status = response.status;
    throw error;
  }
  return data;
};

PB.q = name => encodeURIComponent(name);

/** Runs a change and reports its outcome in the notice area; returns its answer or null on failure. */
PB.change = async function (method, path, body, success) {
  try {
    const answer = await PB.api(method, path, body);
    if (success) PB.notice(typeof success === 'function' ? success(answer) : success, 'info');
    return answer === null ? {} : answer;
  } catch (e) {
    PB.notice(e.message, 'error');
    return null;
  }
};
