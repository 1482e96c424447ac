/* The Explore page: filter, page and chart the figures in explore-data.json (written by scamstats.explore).
   Plain JavaScript, no libraries, no network beyond this site's own files. */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("explore");
  if (!root || !script) {
    return;
  }

  var PAGE_SIZE = 50;
  var FILTERS = [
    { key: "country", label: "Country", countries: true },
    { key: "reported_by", label: "Reported by", countries: true },
    { key: "metric", label: "Metric" },
    { key: "nationality", label: "Nationality", countries: true },
    { key: "destination", label: "Destination", countries: true },
    { key: "extent", label: "Extent" },
    { key: "year", label: "Year" },
  ];
  var QUALIFIERS = {
    exact: "",
    more_than: "more than ",
    at_least: "at least ",
    about: "about ",
    nearly: "nearly ",
    up_to: "up to ",
  };
  var COLOURS = ["#3949ab", "#e65100", "#00897b", "#8e24aa", "#c62828", "#6d4c41", "#546e7a"];
  var SVG = "http://www.w3.org/2000/svg";

  var data = null;
  var figures = [];
  var state = { text: "", page: 1 };
  var controls = {};
  var parts = {};

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== "") {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function number(value) {
    return value === null ? "" : value.toLocaleString("en-US");
  }

  function countryName(code) {
    if (!code) {
      return "";
    }
    var name = data.names[code];
    return name ? name + " (" + code + ")" : code;
  }

  function shortName(code) {
    return code ? data.names[code] || code : "";
  }

  function label(filter, value) {
    return filter.countries ? countryName(value) : value.replace(/_/g, " ");
  }

  /* ---- the data: rows as objects, with what the filters and the search read ---- */

  function prepare(json) {
    data = json;
    var columns = json.columns;
    figures = json.figures.map(function (row) {
      var figure = {};
      columns.forEach(function (name, i) {
        figure[name] = row[i];
      });
      var source = json.sources[figure.source];
      figure.source_id = source[0];
      figure.title = source[1];
      figure.publisher = source[2];
      figure.url = source[3];
      figure.published = source[4];
      figure.year = figure.period_end.slice(0, 4);
      figure.haystack = ((figure.title || "") + "\n" + (figure.note || "")).toUpperCase();
      return figure;
    });
  }

  function choices(key) {
    var seen = {};
    figures.forEach(function (figure) {
      if (figure[key] !== null) {
        seen[figure[key]] = true;
      }
    });
    var filter = FILTERS.filter(function (f) {
      return f.key === key;
    })[0];
    var values = Object.keys(seen);
    if (key === "metric") {
      return data.metrics.filter(function (metric) {
        return seen[metric];
      });
    }
    if (key === "year") {
      return values.sort().reverse();
    }
    return values.sort(function (a, b) {
      return label(filter, a).localeCompare(label(filter, b));
    });
  }

  function matches(figure) {
    for (var i = 0; i < FILTERS.length; i++) {
      var wanted = state[FILTERS[i].key];
      if (wanted && figure[FILTERS[i].key] !== wanted) {
        return false;
      }
    }
    return !state.text || figure.haystack.indexOf(state.text.toUpperCase()) !== -1;
  }

  /* ---- the address keeps the filters ---- */

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (filter) {
      state[filter.key] = params.get(filter.key) || "";
    });
    state.text = params.get("text") || "";
    state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  }

  function writeAddress() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (filter) {
      if (state[filter.key]) {
        params.set(filter.key, state[filter.key]);
      }
    });
    if (state.text) {
      params.set("text", state.text);
    }
    if (state.page > 1) {
      params.set("page", String(state.page));
    }
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", address);
  }

  /* ---- the Python call that gives the same figures ---- */

  function quoted(text) {
    return JSON.stringify(text);
  }

  function pythonCall() {
    var args = [];
    ["country", "reported_by", "metric", "nationality", "destination", "extent"].forEach(function (key) {
      if (state[key]) {
        args.push(key + "=" + quoted(state[key]));
      }
    });
    if (state.year) {
      args.push("since=" + quoted(state.year), "until=" + quoted(state.year));
    }
    var lines = [
      "import scamstats",
      "",
      "ds = scamstats.load(version=" + quoted(data.version) + ")",
      "found = ds.query(" + args.join(", ") + ")",
    ];
    if (state.text) {
      lines.push(
        "words = " + quoted(state.text),
        'titles = found["source_id"].map(ds.sources.set_index("source_id")["title"])',
        "found = found[",
        "    titles.str.contains(words, case=False, regex=False)",
        '    | found["note"].str.contains(words, case=False, regex=False, na=False)',
        "]"
      );
    }
    var key = chartKey();
    if (key && data.series[key]) {
      var options = state.nationality ? ", nationality=" + quoted(state.nationality) : "";
      lines.push(
        "points = ds.series(" + quoted(state.country) + ", " + quoted(state.metric) + options + ")"
      );
    }
    return lines.join("\n");
  }

  /* ---- the figures shown: a CSV of them ---- */

  var CSV_COLUMNS = [
    "figure_id", "country", "place", "reported_by", "metric", "extent", "unit", "value", "qualifier",
    "period_start", "period_end", "nationality", "destination", "note", "source_id", "publisher", "url",
  ];

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) {
      text = "'" + text; // a spreadsheet must not read a cell as a formula
    }
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvOf(rows) {
    var lines = [CSV_COLUMNS.join(",")];
    rows.forEach(function (figure) {
      lines.push(CSV_COLUMNS.map(function (name) {
        return csvCell(figure[name]);
      }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  /* ---- the chart: one counter, one line per baseline ---- */

  function chartKey() {
    if (!state.country || !state.metric) {
      return null;
    }
    return state.country + "|" + state.metric + "|" + (state.nationality || "");
  }

  function niceStep(range) {
    var rough = range / 4;
    var power = Math.pow(10, Math.floor(Math.log10(rough || 1)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= rough) {
        return steps[i] * power;
      }
    }
    return 10 * power;
  }

  function drawChart(container) {
    container.textContent = "";
    var key = chartKey();
    if (!key) {
      container.appendChild(el("p", { class: "explore-hint", text: "Choose one country and one metric to see its counter over time." }));
      return;
    }
    var rows = data.series[key];
    var what = countryName(state.country) + ": " + state.metric.replace(/_/g, " ") +
      (state.nationality ? ", " + countryName(state.nationality) + " nationals" : ", all nationalities");
    if (!rows) {
      container.appendChild(el("p", {
        class: "explore-hint",
        text: what + ": no whole-country totals to chart (the table may still hold single operations or parts).",
      }));
      return;
    }
    var columns = data.point_columns;
    var points = rows.map(function (row) {
      var point = {};
      columns.forEach(function (name, i) {
        point[name] = row[i];
      });
      point.time = Date.parse(point.as_of + "T00:00:00Z");
      return point;
    });
    var lines = [];
    var byBaseline = {};
    points.forEach(function (point) {
      var name = point.baseline === null ? "no start stated" : point.baseline;
      if (!(name in byBaseline)) {
        byBaseline[name] = { name: name, points: [], colour: COLOURS[lines.length % COLOURS.length] };
        lines.push(byBaseline[name]);
      }
      byBaseline[name].points.push(point);
    });

    // drawn at the width it is shown, so that its labels stay legible on a phone
    var width = Math.max(300, Math.min(640, container.clientWidth || 640));
    var height = width < 480 ? 220 : 260, left = 56, right = 14, top = 12, bottom = 36;
    var first = points[0].time, last = points[points.length - 1].time;
    if (first === last) {
      first -= 15 * 864e5;
      last += 15 * 864e5;
    }
    var highest = 0;
    points.forEach(function (point) {
      highest = Math.max(highest, point.value, point.value_high === null ? point.value_low : point.value_high);
    });
    var step = niceStep(highest);
    var ceiling = Math.max(step, Math.ceil(highest / step) * step);
    function x(time) {
      return left + ((time - first) / (last - first)) * (width - left - right);
    }
    function y(value) {
      return top + (1 - value / ceiling) * (height - top - bottom);
    }
    var chart = svg("svg", {
      viewBox: "0 0 " + width + " " + height,
      class: "explore-chart",
      role: "img",
      "aria-label": what + ", one line per baseline",
    });
    for (var tick = 0; tick <= ceiling + step / 2; tick += step) {
      chart.appendChild(svg("line", { x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: "explore-grid" }));
      var text = svg("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", class: "explore-axis" });
      text.textContent = number(tick);
      chart.appendChild(text);
    }
    var firstYear = new Date(first).getUTCFullYear(), lastYear = new Date(last).getUTCFullYear();
    var every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
    for (var year = firstYear; year <= lastYear + 1; year += 1) {
      var time = Date.UTC(year, 0, 1);
      var showYear = time >= first && time <= last && (year - firstYear) % every === 0;
      var monthly = lastYear === firstYear || (last - first) < 400 * 864e5;
      if (monthly) {
        for (var month = 0; month < 12; month += 1) {
          var monthTime = Date.UTC(year, month, 1);
          if (monthTime >= first && monthTime <= last && month % (last - first > 200 * 864e5 ? 3 : 1) === 0) {
            var monthLabel = svg("text", { x: x(monthTime), y: height - bottom + 16, "text-anchor": "middle", class: "explore-axis" });
            monthLabel.textContent = month === 0 ? String(year) : String(year) + "-" + String(month + 1).padStart(2, "0");
            chart.appendChild(monthLabel);
            chart.appendChild(svg("line", { x1: x(monthTime), x2: x(monthTime), y1: top, y2: height - bottom, class: "explore-grid" }));
          }
        }
      } else if (showYear) {
        var yearLabel = svg("text", { x: x(time), y: height - bottom + 16, "text-anchor": "middle", class: "explore-axis" });
        yearLabel.textContent = String(year);
        chart.appendChild(yearLabel);
        chart.appendChild(svg("line", { x1: x(time), x2: x(time), y1: top, y2: height - bottom, class: "explore-grid" }));
      }
    }
    lines.forEach(function (line) {
      if (line.points.length > 1) {
        chart.appendChild(svg("polyline", {
          points: line.points.map(function (p) {
            return x(p.time).toFixed(1) + "," + y(p.value).toFixed(1);
          }).join(" "),
          fill: "none",
          stroke: line.colour,
          "stroke-width": 2,
          "data-baseline": line.name,
        }));
      }
      line.points.forEach(function (p) {
        var dot = svg("circle", {
          cx: x(p.time).toFixed(1),
          cy: y(p.value).toFixed(1),
          r: 4,
          fill: p.value_high === null ? "#fff" : line.colour,
          stroke: line.colour,
          "stroke-width": 2,
          "data-figure": p.figure_id,
        });
        var tip = svg("title", {});
        tip.textContent = p.written + ": " + (QUALIFIERS[p.qualifier] || "") + number(p.value) + " (counted from " + line.name + ")";
        dot.appendChild(tip);
        chart.appendChild(dot);
      });
    });
    container.appendChild(el("p", { class: "explore-chart-title", text: what + " — whole-country totals, one line per baseline" }));
    container.appendChild(chart);
    var legend = el("ul", { class: "explore-legend" });
    lines.forEach(function (line) {
      var swatch = el("span", { class: "explore-swatch" });
      swatch.style.background = line.colour;
      legend.appendChild(el("li", {}, [swatch, "counted from " + line.name + " (" + line.points.length + ")"]));
    });
    container.appendChild(legend);
    container.appendChild(el("p", {
      class: "explore-hint",
      text: "Each point is the figure most sources agree on for that date; an open circle has no upper bound " +
        "(\"more than\"). Points counted from different starts are never joined.",
    }));
  }

  /* ---- the table ---- */

  function valueText(figure) {
    var unit = figure.unit === "persons" ? "" : " " + figure.unit;
    return (QUALIFIERS[figure.qualifier] || "") + number(figure.value) + unit;
  }

  function datesText(figure) {
    if (!figure.period_start) {
      return "as of " + figure.period_end;
    }
    return figure.period_start === figure.period_end ? figure.period_end : figure.period_start + " to " + figure.period_end;
  }

  function cell(name, children, extra) {
    var attributes = { "data-label": name };
    if (extra) {
      attributes.class = extra;
    }
    return el("td", attributes, children);
  }

  function small(text) {
    return text ? el("span", { class: "explore-small", text: text }) : null;
  }

  function rowOf(figure) {
    var link = el("a", { href: figure.url, class: "explore-source", rel: "noopener", text: figure.title || figure.publisher });
    return el("tr", { "data-id": figure.figure_id }, [
      cell("Country", [shortName(figure.country), small(figure.place)]),
      cell("Reported by", [shortName(figure.reported_by)]),
      cell("Metric", [figure.metric.replace(/_/g, " "), small(figure.extent)]),
      cell("Value", [valueText(figure)], "explore-value"),
      cell("Dates", [datesText(figure)], "explore-dates"),
      cell("Nationality", [shortName(figure.nationality) || "all"]),
      cell("Destination", [shortName(figure.destination)]),
      cell("Source", [link, small(figure.publisher + (figure.published ? ", " + figure.published : "")), small(figure.note)],
        "explore-source-cell"),
    ]);
  }

  function render() {
    var shown = figures.filter(matches);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages);
    var start = (state.page - 1) * PAGE_SIZE;
    var page = shown.slice(start, start + PAGE_SIZE);
    writeAddress();

    FILTERS.forEach(function (filter) {
      controls[filter.key].value = state[filter.key];
    });
    if (controls.text.value !== state.text) {
      controls.text.value = state.text;
    }

    parts.count.textContent = shown.length === figures.length
      ? "All " + number(figures.length) + " figures."
      : number(shown.length) + " of " + number(figures.length) + " figures match.";
    parts.count.setAttribute("data-count", String(shown.length));
    var body = el("tbody", {}, page.map(rowOf));
    parts.table.replaceChild(body, parts.table.tBodies[0]);
    parts.table.hidden = shown.length === 0;
    parts.empty.hidden = shown.length !== 0;
    parts.pageText.textContent = shown.length
      ? "Rows " + number(start + 1) + "–" + number(start + page.length) + ", page " + state.page + " of " + pages
      : "";
    parts.previous.disabled = state.page <= 1;
    parts.next.disabled = state.page >= pages;
    parts.code.textContent = pythonCall();
    parts.csv.onclick = function () {
      var blob = new Blob([csvOf(shown)], { type: "text/csv;charset=utf-8" });
      var link = el("a", { href: URL.createObjectURL(blob), download: "scamstats-" + data.version + "-figures.csv" });
      document.body.appendChild(link);
      link.click();
      link.remove();
    };
    parts.csv.textContent = "Download these " + number(shown.length) + " figures (CSV)";
    drawChart(parts.chart);
  }

  function change(key, value) {
    state[key] = value;
    state.page = 1;
    render();
  }

  function build() {
    root.textContent = "";
    var form = el("form", { class: "explore-filters", role: "search" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    FILTERS.forEach(function (filter) {
      var select = el("select", { id: "explore-" + filter.key, name: filter.key });
      select.appendChild(el("option", { value: "", text: "any" }));
      choices(filter.key).forEach(function (value) {
        select.appendChild(el("option", { value: value, text: label(filter, value) }));
      });
      if (state[filter.key] && !Array.prototype.some.call(select.options, function (o) { return o.value === state[filter.key]; })) {
        select.appendChild(el("option", { value: state[filter.key], text: state[filter.key] }));
      }
      select.addEventListener("change", function () {
        change(filter.key, select.value);
      });
      controls[filter.key] = select;
      form.appendChild(el("label", { for: select.id }, [el("span", { text: filter.label }), select]));
    });
    var text = el("input", { id: "explore-text", name: "text", type: "search", placeholder: "words in titles and notes" });
    var timer = null;
    text.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        change("text", text.value.trim());
      }, 200);
    });
    controls.text = text;
    form.appendChild(el("label", { for: text.id, class: "explore-search" }, [el("span", { text: "Search" }), text]));
    var clear = el("button", { type: "button", class: "md-button explore-clear", text: "Clear filters" });
    clear.addEventListener("click", function () {
      FILTERS.forEach(function (filter) {
        state[filter.key] = "";
      });
      state.text = "";
      state.page = 1;
      render();
    });
    form.appendChild(clear);

    parts.count = el("p", { class: "explore-count", "aria-live": "polite" });
    parts.chart = el("div", { class: "explore-chart-box" });
    var head = el("tr", {}, ["Country", "Reported by", "Metric", "Value", "Dates", "Nationality", "Destination", "Source"].map(function (name) {
      return el("th", { scope: "col", text: name });
    }));
    parts.table = el("table", { class: "explore-table" }, [el("thead", {}, [head]), el("tbody")]);
    parts.empty = el("p", { class: "explore-hint", text: "No figure matches these filters." });
    parts.previous = el("button", { type: "button", class: "md-button", text: "← Previous" });
    parts.next = el("button", { type: "button", class: "md-button", text: "Next →" });
    parts.pageText = el("span", { class: "explore-page" });
    parts.previous.addEventListener("click", function () {
      state.page -= 1;
      render();
    });
    parts.next.addEventListener("click", function () {
      state.page += 1;
      render();
    });
    parts.code = el("code", {});
    parts.csv = el("button", { type: "button", class: "md-button explore-csv" });

    root.appendChild(form);
    root.appendChild(parts.count);
    root.appendChild(parts.chart);
    root.appendChild(el("div", { class: "explore-scroll" }, [parts.table]));
    root.appendChild(parts.empty);
    root.appendChild(el("nav", { class: "explore-pager", "aria-label": "pages" }, [parts.previous, parts.pageText, parts.next]));
    root.appendChild(el("p", { class: "explore-hint", text: "The same figures in Python (dataset version " + data.version + "):" }));
    root.appendChild(el("pre", { class: "explore-code" }, [parts.code]));
    root.appendChild(el("p", {}, [parts.csv]));
  }

  readAddress();
  fetch(new URL("explore-data.json", script.src).href)
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (json) {
      prepare(json);
      build();
      render();
      root.setAttribute("data-state", "ready");
    })
    .catch(function (error) {
      root.setAttribute("data-state", "failed");
      root.textContent = "";
      root.appendChild(el("p", {
        class: "explore-hint",
        text: "The figures could not be loaded (" + error.message + "). Download the CSV files below instead.",
      }));
    });
})();
