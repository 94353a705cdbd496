// The volume ranking chart: bars of collected and pushed per compound, from the element's data-chart JSON.
// Redrawn after htmx swaps the results (period or date changed).
(() => {
  function draw() {
    const el = document.getElementById('volume-chart');
    if (!el || !window.echarts) {
      return;
    }
    const data = JSON.parse(el.dataset.chart);
    const chart = echarts.getInstanceByDom(el) || echarts.init(el);
    const narrow = el.clientWidth < 600;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: data.labels, top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: narrow ? { type: 'value' } : { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: narrow ? { type: 'category', data: data.names.slice().reverse() } : { type: 'value' },
      series: [
        { name: data.labels[0], type: 'bar', data: narrow ? data.collected.slice().reverse() : data.collected, itemStyle: { color: '#1f5fa8' } },
        { name: data.labels[1], type: 'bar', data: narrow ? data.pushed.slice().reverse() : data.pushed, itemStyle: { color: '#2e8b57' } }
      ]
    }, true);
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', () => {
    const el = document.getElementById('volume-chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (chart) {
      chart.resize();
      draw();
    }
  });
})();
