// 呼应 · 网格工作 — forms that survive a lost signal. A form marked data-offline is sent by this script with an
// Idempotency-Key; without signal it waits in localStorage (the outbox, shown on the page) and is sent when the
// signal returns. The server answers a resend of the same key with the first record, so nothing is doubled.
(function () {
  'use strict';
  var KEY = 'huying.grid.outbox';
  var NOTICE = 'huying.grid.notice';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };
  var load = function () { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } };
  var store = function (list) { localStorage.setItem(KEY, JSON.stringify(list)); render(); };
  var newKey = function () {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  };
  var say = function (text, error) {
    var box = document.getElementById('offline-status');
    if (!box) { return; }
    box.textContent = text;
    box.className = error ? 'error' : 'notice';
    box.hidden = !text;
  };

  function render() {
    var list = load();
    var box = document.getElementById('outbox');
    if (!box) { return; }
    box.hidden = list.length === 0;
    document.getElementById('outbox-count').textContent = String(list.length);
    var ul = document.getElementById('outbox-list');
    ul.textContent = '';
    list.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.label + ' · ' + new Date(item.savedAt).toLocaleString('zh-CN');
      ul.appendChild(li);
    });
  }

  function send(item) {
    var headers = {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json',
      'Idempotency-Key': item.key};
    var token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) { headers[header] = token; }
    return fetch(item.url, {method: 'POST', headers: headers, body: item.body, credentials: 'same-origin',
      redirect: 'manual'});
  }

  var sending = false;
  function flush() {
    var list = load();
    if (sending || !navigator.onLine || list.length === 0) { return; }
    sending = true;
    var item = list[0];
    send(item).then(function (r) {
      sending = false;
      if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403) {
        say(document.body.dataset.relogin || '请重新登录后发送', true);
        return;
      }
      if (r.status >= 500) { return; }
      // sent (201), sent before (200), or refused for good (4xx, told once): out of the outbox
      store(load().filter(function (i) { return i.key !== item.key; }));
      return r.json().then(function (body) {
        say(r.ok ? (document.body.dataset.sentLater || '已补发：') + (body.message || '') : (body.detail || ''), !r.ok);
      }, function () { return null; }).then(flush);
    }, function () { sending = false; });
  }

  function queue(item) {
    var list = load();
    list.push(item);
    store(list);
  }

  document.querySelectorAll('form[data-offline]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      e.stopPropagation();
      var keyField = form.querySelector('input[name=idempotencyKey]');
      var key = keyField && keyField.value ? keyField.value : newKey();
      var data = new URLSearchParams(new FormData(form));
      data.delete('_csrf');
      var summary = form.querySelector('[data-summary]');
      var label = (form.dataset.label || '') + (summary && summary.value ? '：' + summary.value.slice(0, 20) : '');
      var item = {url: form.action, body: data.toString(), key: key, label: label, savedAt: Date.now()};
      var kept = function () {
        queue(item);
        form.reset();
        if (keyField) { keyField.value = newKey(); }
        say(form.dataset.queued || '没有信号：已保存在手机上，有信号后自动发送');
      };
      if (!navigator.onLine) { kept(); return; }
      send(item).then(function (r) {
        if (r.type === 'opaqueredirect') { kept(); say(document.body.dataset.relogin || '请重新登录后发送', true); return; }
        return r.json().then(function (body) {
          if (r.ok) {
            sessionStorage.setItem(NOTICE, body.message || '');
            window.location.href = form.dataset.next || '/m/grid';
          } else {
            say(body.detail || '', true);
          }
        });
      }, kept);
    }, true);
  });

  var notice = sessionStorage.getItem(NOTICE);
  if (notice) {
    sessionStorage.removeItem(NOTICE);
    say(notice);
  }
  var button = document.getElementById('outbox-send');
  if (button) { button.addEventListener('click', flush); }
  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  render();
  flush();

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/public/grid-sw.js', {scope: '/m/'}).catch(function () { return null; });
  }
})();
