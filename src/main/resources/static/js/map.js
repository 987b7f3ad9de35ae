// The grid map: grid polygons from the region tree, open cases as circles coloured by their deadline light.
// Works offline: without a tile server there is no base map, only the grids.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }
  var colours = { GREEN: '#2f9e44', YELLOW: '#f0b400', RED: '#d62828', DONE: '#1e7b34', STOPPED: '#52606d', NONE: '#7b8794' };
  var map = L.map(el, { zoomSnap: 0.25 });
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || '' }).addTo(map);
  }
  map.setView([35.0, 117.3], 12);
  var get = function (url) { return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }); };
  get(el.dataset.grids).then(function (fc) {
    var layer = L.geoJSON(fc, {
      style: { color: '#b71c1c', weight: 1, fillColor: '#fbe9e7', fillOpacity: 0.35 },
      // the name as text: Leaflet puts a string into the tooltip as HTML, and grid names are typed by people
      onEachFeature: function (f, l) {
        var name = document.createElement('span');
        name.textContent = f.properties.name;
        l.bindTooltip(name, { sticky: true });
      }
    }).addTo(map);
    if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [10, 10] }); }
    return get(el.dataset.cases);
  }).then(function (markers) {
    markers.forEach(function (m) {
      var c = colours[m.light] || colours.NONE;
      var link = document.createElement('a');
      link.href = el.dataset.caseUrl + m.id;
      link.textContent = m.code + ' ' + m.title;
      var box = document.createElement('div');
      box.appendChild(link);
      box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(m.stateLabel));
      L.circleMarker([m.lat, m.lng], { radius: 7, color: '#fff', weight: 2, fillColor: c, fillOpacity: 0.95 })
        .bindPopup(box).addTo(map);
    });
    var summary = document.getElementById('map-summary');
    if (summary) { summary.textContent = summary.dataset.template.replace('{0}', markers.length); }
    el.dataset.ready = 'true';
  });
})();
