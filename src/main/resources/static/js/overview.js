// The leader's overview: case counts as ECharts charts; the numbers come from /overview/stats.json.
(function () {
  'use strict';
  var totals = document.getElementById('totals');
  if (!totals || !window.echarts) { return; }
  var palette = ['#b71c1c', '#1f6fd1', '#2f9e44', '#f0b400', '#6a4c93', '#0b7285', '#e8590c', '#52606d', '#c2255c', '#5c940d'];
  var bar = function (id, counts) {
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      animation: false, color: palette, grid: { left: 90, right: 20, top: 10, bottom: 25 }, tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map(function (c) { return c.label; }) },
      series: [{ type: 'bar', data: counts.map(function (c) { return c.count; }), label: { show: true, position: 'right' } }]
    });
  };
  var pie = function (id, counts) {
    var chart = echarts.init(document.getElementById(id));
    chart.setOption({
      animation: false, color: palette, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' },
        data: counts.filter(function (c) { return c.count > 0; }).map(function (c) { return { name: c.label, value: c.count }; }) }]
    });
  };
  fetch(totals.dataset.stats, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
    document.getElementById('total-all').textContent = s.total;
    document.getElementById('total-open').textContent = s.open;
    document.getElementById('total-finished').textContent = s.finished;
    bar('chart-state', s.byState.filter(function (c) { return c.count > 0; }));
    pie('chart-kind', s.byKind);
    pie('chart-tier', s.resolvedAt.some(function (c) { return c.count > 0; }) ? s.resolvedAt : s.byTier);
    bar('chart-channel', s.byChannel.filter(function (c) { return c.count > 0; }));
    var trendEl = document.getElementById('chart-trend');
    var trend = echarts.init(trendEl);
    trend.setOption({
      animation: false, color: ['#b71c1c', '#2f9e44'], tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: s.trend.map(function (d) { return d.day.substring(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: trendEl.dataset.reported, type: 'line', smooth: true, data: s.trend.map(function (d) { return d.reported; }) },
        { name: trendEl.dataset.closed, type: 'line', smooth: true, data: s.trend.map(function (d) { return d.closed; }) }
      ]
    });
    totals.dataset.ready = 'true';
  });
})();
