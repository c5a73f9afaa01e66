// Sorting and filtering for the briefing's tables, zoom for its graph. Optional: every page is
// complete without it. It reads the page's text and never writes HTML (only textContent,
// attributes and element order), so nothing from the articles can become code.
(function () {
  "use strict";
  function cellValue(row, i) {
    var cell = row.cells[i];
    var text = cell ? cell.textContent.trim() : "";
    var num = parseFloat(text.replace(/,/g, ""));
    return /^[\d,.]+$/.test(text) && !isNaN(num) ? num : text.toLowerCase();
  }
  function sortBy(table, i, th) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var down = th.getAttribute("aria-sort") !== "descending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, i), y = cellValue(b, i);
      var c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
      return down ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
  }
  function filterBox(table) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "filter";
    input.placeholder = "Filter rows";
    input.setAttribute("aria-label", "Filter the rows of this table");
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
    var box = table.parentNode.classList.contains("scroll") ? table.parentNode : table;
    box.parentNode.insertBefore(input, box);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.claims, table.actors, table.articles, table.compact"),
    function (table) {
      if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 2) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
        th.classList.add("sortable");
        th.tabIndex = 0;
        th.title = "Sort by this column";
        th.addEventListener("click", function () { sortBy(table, i, th); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, i, th); } });
      });
      if (table.tBodies[0].rows.length > 8) { filterBox(table); }
    });
  var svg = document.getElementById("graph");
  if (svg && svg.viewBox && svg.viewBox.baseVal) {
    var base = svg.viewBox.baseVal, full = [base.x, base.y, base.width, base.height];
    var bar = document.createElement("div");
    bar.className = "zoom";
    [["+", 0.8], ["−", 1.25], ["reset", 0]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.addEventListener("click", function () {
        var v = svg.viewBox.baseVal;
        if (!b[1]) { v.x = full[0]; v.y = full[1]; v.width = full[2]; v.height = full[3]; return; }
        var w = Math.min(full[2], v.width * b[1]), h = Math.min(full[3], v.height * b[1]);
        v.x += (v.width - w) / 2; v.y += (v.height - h) / 2; v.width = w; v.height = h;
      });
      bar.appendChild(button);
    });
    svg.parentNode.insertBefore(bar, svg);
    var drag = null;
    svg.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; });
    window.addEventListener("mouseup", function () { drag = null; });
    svg.addEventListener("mousemove", function (e) {
      if (!drag) { return; }
      var v = svg.viewBox.baseVal, k = v.width / svg.getBoundingClientRect().width;
      v.x -= (e.clientX - drag[0]) * k; v.y -= (e.clientY - drag[1]) * k;
      drag = [e.clientX, e.clientY];
    });
  }
})();
