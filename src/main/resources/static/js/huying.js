// 呼应 — the little script the pages need: CSRF for htmx, one submit per form, the phone's location.
(function () {
  'use strict';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf'), header = meta('_csrf_header');
    if (token && header) { e.detail.headers[header] = token; }
  });

  // A double click submits once: the button is disabled as soon as the form goes (the server also
  // refuses a second POST with the same form token).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset.sent === 'true') { e.preventDefault(); return; }
    form.dataset.sent = 'true';
    form.querySelectorAll('button[type=submit], button:not([type])').forEach(function (b) {
      b.disabled = true;
      if (b.dataset.busy) { b.textContent = b.dataset.busy; }
    });
  }, false);
  // coming back with the browser's back button: forms may be sent again
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sent]').forEach(function (f) {
      delete f.dataset.sent;
      f.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
    });
  });

  // The report form: take the location from the phone; when it is denied, the grid list stays.
  var locate = document.getElementById('locate');
  if (locate) {
    var status = document.getElementById('locate-status');
    var say = function (key) { status.textContent = status.dataset[key] || ''; };
    var find = function () {
      if (!navigator.geolocation) { say('unsupported'); return; }
      say('finding');
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lat').value = p.coords.latitude.toFixed(6);
        document.getElementById('lng').value = p.coords.longitude.toFixed(6);
        say('found');
        status.textContent += ' ' + p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5);
      }, function () {
        document.getElementById('lat').value = '';
        document.getElementById('lng').value = '';
        say('denied');
        var grid = document.getElementById('regionId');
        if (grid) { grid.focus(); }
      }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
    };
    locate.addEventListener('click', find);
    if (locate.dataset.auto === 'true') { find(); }
  }
})();
