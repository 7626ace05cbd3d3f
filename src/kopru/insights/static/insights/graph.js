// The relationship graph (insights/graph.html): nodes and edges from the page's embedded JSON.
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var maxWeight = Math.max.apply(null, [1].concat(data.edges.map(function (e) { return e.weight; })));
  var elements = data.nodes.map(function (n) { return {data: n}; }).concat(
    data.edges.map(function (e, i) { return {data: {id: "e" + i, source: e.source, target: e.target, weight: e.weight}}; }));
  var cy = cytoscape({
    container: document.getElementById("cy"), elements: elements,
    layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000},
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 10, "width": "mapData(engagements, 1, 20, 18, 48)", "height": "mapData(engagements, 1, 20, 18, 48)", "background-color": "#2563eb", "text-wrap": "wrap", "text-max-width": 120}},
      {selector: "node[kind = 'organisation']", style: {"shape": "round-rectangle", "background-color": "#f59e0b"}},
      {selector: "edge", style: {"width": "mapData(weight, 1, " + maxWeight + ", 1, 9)", "line-color": "#94a3b8", "curve-style": "bezier"}}
    ]
  });
  cy.on("tap", "node", function (event) { window.location.href = event.target.data("url"); });
})();
