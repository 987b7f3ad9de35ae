// 阳光推介 statistics: projects by step, investment by category and by year, from /projects/stats.json.
(function () {
  'use strict';
  var totals = document.getElementById('project-totals');
  if (!totals || !window.echarts) { return; }
  var palette = ['#b71c1c', '#1f6fd1', '#2f9e44', '#f0b400', '#6a4c93', '#0b7285', '#e8590c', '#52606d'];
  var yi = function (yuan) { return Math.round(Number(yuan) / 1000000) / 100; }; // 亿元, for the chart only
  fetch(totals.dataset.stats, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
    echarts.init(document.getElementById('chart-step')).setOption({
      animation: false, color: palette, grid: { left: 90, right: 30, top: 10, bottom: 25 }, tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: s.byStep.map(function (g) { return g.label; }) },
      series: [{ type: 'bar', data: s.byStep.map(function (g) { return g.projects; }), label: { show: true, position: 'right' } }]
    });
    var cat = document.getElementById('chart-category');
    echarts.init(cat).setOption({
      animation: false, color: palette, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: s.byCategory.map(function (g) { return g.label; }), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        { name: cat.dataset.planned, type: 'bar', data: s.byCategory.map(function (g) { return yi(g.planned); }) },
        { name: cat.dataset.signed, type: 'bar', data: s.byCategory.map(function (g) { return yi(g.signed); }) }
      ]
    });
    echarts.init(document.getElementById('chart-year')).setOption({
      animation: false, color: palette, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: s.byYear.map(function (g) { return g.label; }) },
      yAxis: { type: 'value' },
      series: [
        { name: cat.dataset.planned, type: 'bar', data: s.byYear.map(function (g) { return yi(g.planned); }) },
        { name: cat.dataset.signed, type: 'bar', data: s.byYear.map(function (g) { return yi(g.signed); }) }
      ]
    });
    totals.dataset.ready = 'true';
  });
})();
