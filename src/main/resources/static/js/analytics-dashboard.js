// The leader's dashboard: rates against last year, the 13-month trend, hot issues and the grids coloured by a rate,
// all from /api/analytics/dashboard, drawn with ECharts.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || !window.echarts) { return; }
  var d = root.dataset;
  var base = { animation: false, tooltip: {} };
  var opt = function (o) { return Object.assign({}, base, o); };
  fetch(d.src, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (v) {
    echarts.init(document.getElementById('chart-rates')).setOption(opt({
      color: ['#b71c1c', '#9aa5b1'], legend: { top: 0 }, tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: v.rates.map(function (r) { return r.label; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100 },
      series: [
        { name: d.this, type: 'bar', data: v.rates.map(function (r) { return r.percent; }), label: { show: true, position: 'top' } },
        { name: d.last, type: 'bar', data: v.rates.map(function (r) { return r.lastYearPercent; }) }
      ]
    }));
    echarts.init(document.getElementById('chart-trend')).setOption(opt({
      color: ['#1f6fd1', '#2f9e44'], legend: { top: 0 }, tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: v.trend.months }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: d.received, type: 'line', data: v.trend.received }, { name: d.closed, type: 'line', data: v.trend.closed }]
    }));
    echarts.init(document.getElementById('chart-hot')).setOption(opt({
      color: ['#e8590c'], grid: { left: 80, right: 30, top: 10, bottom: 25 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: v.hot.map(function (h) { return h.term; }) },
      series: [{ type: 'bar', data: v.hot.map(function (h) { return h.count; }), label: { show: true, position: 'right' } }]
    }));
    document.getElementById('rising').textContent = v.rising.length === 0 ? '—'
      : v.rising.map(function (h) { return h.term + '（' + h.previousCount + '→' + h.count + '）'; }).join('、');
    if (v.gridBoundaries) {
      echarts.registerMap('grids', JSON.parse(v.gridBoundaries));
      echarts.init(document.getElementById('chart-map')).setOption(opt({
        tooltip: { formatter: function (p) { return p.name + '：' + (isNaN(p.value) ? '—' : p.value + '%'); } },
        visualMap: { min: 0, max: 100, left: 0, bottom: 0, text: ['100%', '0%'], calculable: true,
          inRange: { color: ['#c92a2a', '#f0b400', '#2f9e44'] } },
        series: [{ type: 'map', map: 'grids', roam: true, label: { show: false },
          data: v.grids.map(function (g) { return { name: g.name, value: g.percent === null ? NaN : g.percent }; }) }]
      }));
    }
  });
})();
