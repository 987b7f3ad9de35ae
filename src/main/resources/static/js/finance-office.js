// 金融办工作台: amounts approved and disbursed per bank (万元), read from the statistics table's rows.
(function () {
  'use strict';
  var box = document.getElementById('chart-banks');
  if (!box || !window.echarts) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#stats tbody tr[data-bank]'));
  if (rows.length === 0) { box.style.display = 'none'; return; }
  var wan = function (v) { return Math.round(parseFloat(v) / 100) / 100; };
  echarts.init(box).setOption({
    animation: false, color: ['#1f6fd1', '#2f9e44'], tooltip: { trigger: 'axis' },
    legend: { data: [box.dataset.approved, box.dataset.disbursed], bottom: 0 },
    grid: { left: 150, right: 30, top: 10, bottom: 40 },
    xAxis: { type: 'value', name: '万元' },
    yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.dataset.bank; }) },
    series: [
      { name: box.dataset.approved, type: 'bar', data: rows.map(function (r) { return wan(r.dataset.approved); }) },
      { name: box.dataset.disbursed, type: 'bar', data: rows.map(function (r) { return wan(r.dataset.disbursed); }) }
    ]
  });
})();
