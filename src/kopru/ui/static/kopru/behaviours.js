// Page behaviours declared by data attributes, so that no page needs an inline script or an on*= handler
// (the Content-Security-Policy allows scripts from static files only):
//   <select data-autosubmit>             submits its form when changed
//   <form data-confirm="Question?">      asks before submitting
//   <input type="checkbox" data-select-all="input[name=ids]">  ticks or clears every matching box
//   <button data-print>                  prints the page
//   <a data-history-back>                goes back one page
//   <span hidden data-scroll-into-view="id">  the element with that id is scrolled into view on load
//   <canvas data-bar-chart="data-id" data-chart-options='{"stacked": true}'>  kopruBarChart (insights)
//   <details data-menu>                  a main-menu pillar: one open at a time; Escape or a click elsewhere closes it
//   <button data-nav-toggle hidden>      on narrow screens, shows or hides the main menu (without script it stays open)
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) { target.form.submit(); }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-confirm]") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-select-all], [data-print], [data-history-back]") : null;
    if (!target) { return; }
    if (target.hasAttribute("data-select-all")) {
      document.querySelectorAll(target.dataset.selectAll).forEach(function (box) { box.checked = target.checked; });
    } else if (target.hasAttribute("data-print")) {
      window.print();
    } else if (target.hasAttribute("data-history-back")) {
      event.preventDefault();
      window.history.back();
    }
  });
  // Main menu: the pillars are <details>, so they open with the keyboard and work without script;
  // this only keeps one open at a time and closes it on Escape or a click outside.
  function openMenus() { return document.querySelectorAll("details[data-menu][open]"); }
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details[data-menu]") || !menu.open) { return; }
    openMenus().forEach(function (other) { if (other !== menu) { other.open = false; } });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    openMenus().forEach(function (menu) {
      menu.open = false;
      if (menu.contains(document.activeElement)) { menu.querySelector("summary").focus(); }
    });
  });
  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) { if (!menu.contains(event.target)) { menu.open = false; } });
    var toggle = event.target.closest ? event.target.closest("[data-nav-toggle]") : null;
    if (!toggle) { return; }
    var header = toggle.closest("header");
    var open = header.classList.toggle("nav-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  function ready() {
    document.querySelectorAll("[data-nav-toggle]").forEach(function (toggle) {
      toggle.hidden = false;
      toggle.closest("header").classList.add("nav-collapsible");
    });
    var marker = document.querySelector("[data-scroll-into-view]");
    var scrolled = marker && document.getElementById(marker.dataset.scrollIntoView);
    if (scrolled) { scrolled.scrollIntoView({block: "center"}); }
    document.querySelectorAll("canvas[data-bar-chart]").forEach(function (canvas) {
      if (typeof window.kopruBarChart !== "function") { return; }
      var options = canvas.dataset.chartOptions ? JSON.parse(canvas.dataset.chartOptions) : {};
      window.kopruBarChart(canvas.id, canvas.dataset.barChart, options);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
