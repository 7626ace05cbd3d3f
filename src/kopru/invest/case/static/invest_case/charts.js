/* Investment-case charts with the vendored Chart.js: duty waterfall, cash flows, tornado, NPV histogram.
   Data comes from <script type="application/json"> blocks rendered by the server; charts are redrawn
   after each htmx swap of the results panel. A click on a duty bar opens its rule row. */
(function () {
  "use strict";
  var charts = {};
  // numbers in the page's language (1.234 in Turkish), as the tables around the charts show them
  var locale = document.documentElement.lang || undefined;
  var fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  function word(data, key) { return (data.words && data.words[key]) || key; }

  function waterfall(data, canvas) {
    var ruleUrl = canvas.dataset.ruleUrl;
    var colors = data.steps.map(function (s) {
      return s.kind === "total" ? "#0b5394" : s.kind === "duty" ? "#b3262d" : "#8aa1b8";
    });
    return {
      type: "bar",
      data: {
        labels: data.steps.map(function (s) { return s.label; }),
        datasets: [{ label: data.currency, data: data.steps.map(function (s) { return [s.from, s.to]; }), backgroundColor: colors }]
      },
      options: {
        animation: false, responsive: true, locale: locale, plugins: { legend: { display: false }, title: { display: true, text: data.title },
          tooltip: { callbacks: { label: function (c) { var s = data.steps[c.dataIndex]; return fmt.format(s.to - s.from) + " " + data.currency + (s.row_id ? " · " + s.row_id : ""); } } } },
        scales: { y: { beginAtZero: false, title: { display: true, text: data.currency } } },
        onClick: function (event, elements) {
          if (!elements.length) return;
          var step = data.steps[elements[0].index];
          if (step.row_id && ruleUrl) window.location.href = ruleUrl + encodeURI(step.row_id) + "/";
        }
      }
    };
  }

  function cashflow(data) {
    return {
      type: "bar",
      data: {
        labels: data.years,
        datasets: [
          { type: "bar", label: word(data, "free_cash_flow"), data: data.free_cash_flow, backgroundColor: data.free_cash_flow.map(function (v) { return v < 0 ? "#b3262d" : "#2e7d32"; }) },
          { type: "line", label: word(data, "cumulative"), data: data.cumulative, borderColor: "#0b5394", pointRadius: 2 }
        ]
      },
      options: { animation: false, responsive: true, locale: locale, scales: { y: { title: { display: true, text: data.currency } }, x: { title: { display: true, text: word(data, "year") } } } }
    };
  }

  function tornado(data) {
    return {
      type: "bar",
      data: {
        labels: data.bars.map(function (b) { return b.label || b.parameter; }),
        datasets: [{ label: "NPV", data: data.bars.map(function (b) { return [Math.min(b.npv_at_low, b.npv_at_high), Math.max(b.npv_at_low, b.npv_at_high)]; }), backgroundColor: "#0b5394" }]
      },
      options: {
        indexAxis: "y", animation: false, responsive: true, locale: locale,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { var b = data.bars[c.dataIndex]; return word(data, "min") + " → " + fmt.format(b.npv_at_low) + ", " + word(data, "max") + " → " + fmt.format(b.npv_at_high) + " " + data.currency; } } } },
        scales: { x: { title: { display: true, text: "NPV (" + data.currency + "), " + word(data, "base") + " " + fmt.format(data.base_npv) } } }
      }
    };
  }

  function histogram(data) {
    var labels = data.counts.map(function (_, i) { return fmt.format((data.edges[i] + data.edges[i + 1]) / 2); });
    return {
      type: "bar",
      data: { labels: labels, datasets: [{ label: word(data, "draws"), data: data.counts, backgroundColor: data.edges.slice(0, -1).map(function (e, i) { return (e + data.edges[i + 1]) / 2 < 0 ? "#b3262d" : "#8aa1b8"; }), barPercentage: 1, categoryPercentage: 1 }] },
      options: { animation: false, responsive: true, locale: locale, plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: "NPV (" + data.currency + ")" } }, y: { title: { display: true, text: word(data, "draws") } } } }
    };
  }

  var builders = { waterfall: waterfall, cashflow: cashflow, tornado: tornado, histogram: histogram };

  function draw(root) {
    if (typeof Chart === "undefined") return;
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) return;
      var data = JSON.parse(source.textContent);
      var build = builders[data.type];
      if (!build) return;
      if (charts[canvas.id]) charts[canvas.id].destroy();
      charts[canvas.id] = new Chart(canvas, build(data, canvas));
    });
  }

  // the live panel lists the fields in error: mark them in the form too (the form itself is not swapped)
  function markErrors(root) {
    var form = document.getElementById("case-form");
    if (!form) return;
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    root.querySelectorAll(".case-errors [data-field]").forEach(function (item) {
      var input = form.querySelector("[name='" + item.dataset.field + "']");
      if (!input) return;
      input.setAttribute("aria-invalid", "true");
      var box = input.closest(".case-field, tr");
      if (box) box.classList.add("has-error");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
    document.body.addEventListener("htmx:afterSwap", function (event) { draw(event.target); markErrors(event.target); });
  });
  window.addEventListener("beforeprint", function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
})();
