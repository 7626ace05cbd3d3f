/* The investment board: drag a card to another column (SortableJS), or "Move…" on a card, which brings
   the board's one stage menu to that card (keyboard: Enter on "Move…", choose, Enter). */
(function () {
  const board = document.querySelector(".kanban");
  if (!board) return;
  const status = document.getElementById("board-status");
  const template = board.dataset.moveUrlTemplate;
  const menu = document.getElementById("board-move");
  const select = document.getElementById("board-move-stage");
  const csrf = menu.querySelector("input[name=csrfmiddlewaretoken]");
  function say(text, kind) {
    status.innerHTML = "";
    const li = document.createElement("li"); li.className = kind; li.textContent = text; status.appendChild(li);
  }
  function urlFor(dealId) { return template.replace("/0/", "/" + dealId + "/"); }
  function recount(from, to) {
    [[from, -1], [to, 1]].forEach(function (pair) {
      const count = pair[0].closest("section.column").querySelector("h2 .count");
      const total = parseInt(count.dataset.total, 10) + pair[1];
      count.dataset.total = total; count.textContent = "(" + total + ")";
    });
  }
  document.querySelectorAll("select[data-autosubmit]").forEach(function (element) {
    element.addEventListener("change", function () { element.form.submit(); });
  });
  board.addEventListener("click", function (event) {
    const opener = event.target.closest("a.move-open");
    if (!opener) return;
    event.preventDefault();
    const card = opener.closest("li.deal-card");
    menu.action = urlFor(opener.dataset.deal);
    select.value = card.closest("ol").dataset.stage;
    card.appendChild(menu);
    menu.hidden = false;
    select.focus();
  });
  menu.querySelector("[data-cancel]").addEventListener("click", function () {
    const opener = menu.closest("li.deal-card") && menu.closest("li.deal-card").querySelector("a.move-open");
    menu.hidden = true;
    if (opener) opener.focus();
  });
  board.querySelectorAll("ol.cards-list").forEach(function (list) {
    Sortable.create(list, {group: "deals", animation: 120, forceFallback: true, fallbackTolerance: 3,
      draggable: "li.deal-card", filter: "select, button, form, a.move-open", preventOnFilter: false,
      onEnd: function (event) {
        const card = event.item, target = event.to;
        if (event.from === target && event.oldIndex === event.newIndex) return;
        if (target.dataset.lost === "1") {
          window.location = card.querySelector("a").href + "?move_to=" + target.dataset.stage + "#move"; return;
        }
        const body = new FormData();
        body.append("stage", target.dataset.stage);
        body.append("position", event.newIndex);
        fetch(urlFor(card.dataset.deal), {method: "POST", body: body,
          headers: {"X-CSRFToken": csrf ? csrf.value : "", "Accept": "application/json"}, credentials: "same-origin"})
          .then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
          .then(function (result) {
            if (result[0]) {
              card.querySelector("a.move-open").dataset.stage = target.dataset.stage;
              if (event.from !== target) recount(event.from, target);
              say(board.dataset.moved, "success");
            } else {
              say(result[1].error, "error");
              event.from.insertBefore(card, event.from.children[event.oldIndex] || null);
            }
          })
          .catch(function () { say(board.dataset.failed, "error"); });
      }});
  });
})();
