/* The investment desk's charts (funnel and value by stage) from the page's JSON block; series names come
   from the canvases' data attributes (translated by the server), numbers in the page's language. */
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("chart-data");
    if (!source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var locale = document.documentElement.lang || undefined;
    var funnel = document.getElementById("funnel-chart");
    var value = document.getElementById("value-chart");
    new Chart(funnel, {type: "bar", data: {labels: data.labels, datasets: [
      {label: funnel.dataset.seriesReached, data: data.reached},
      {label: funnel.dataset.seriesCurrent, data: data.current}]},
      options: {indexAxis: "y", animation: false, locale: locale}});
    new Chart(value, {type: "bar", data: {labels: data.labels, datasets: [
      {label: value.dataset.seriesAnnounced, data: data.announced},
      {label: value.dataset.seriesCommitted, data: data.committed},
      {label: value.dataset.seriesRealised, data: data.realised}]},
      options: {animation: false, locale: locale}});
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
