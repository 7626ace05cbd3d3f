// Draws a bar (or line) chart from the JSON a page embeds: the same numbers as the table beside it.
// Clicking a bar opens the records behind it.
function kopruBarChart(canvasId, dataId, options) {
  options = options || {};
  var data = JSON.parse(document.getElementById(dataId).textContent);
  var canvas = document.getElementById(canvasId);
  if (!canvas || !window.Chart) { return; }
  new Chart(canvas, {
    type: options.type || "bar",
    data: {labels: data.labels, datasets: data.series.map(function (s) { return {label: s.label, data: s.data, spanGaps: true}; })},
    options: {
      animation: false,
      scales: options.stacked ? {x: {stacked: true}, y: {stacked: true, beginAtZero: true}} : {y: {beginAtZero: true}},
      onClick: function (event, elements) {
        if (!elements.length) { return; }
        var element = elements[0];
        var key = data.series[element.datasetIndex].key;
        var url = (data.links[element.index] || {})[key];
        if (url) { window.location.href = url; }
      }
    }
  });
}
