// Draws the report's charts with uPlot from the JSON block #report-data, and records on the root
// element how many charts drew (data-charts-drawn), so a browser test can tell a page that drew
// from one that only loaded.
(function () {
  "use strict";
  var root = document.documentElement;
  var palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var drawn = 0;

  function micros(v) {
    if (v == null) return "—";
    if (v >= 1e7) return (v / 1e6).toFixed(1) + " s";
    if (v >= 1e3) return (v / 1e3).toFixed(v >= 1e5 ? 0 : 1) + " ms";
    return v.toFixed(0) + " µs";
  }
  function bytes(v) {
    if (v == null) return "—";
    if (v >= 1048576) return (v / 1048576).toFixed(2) + " MB";
    if (v >= 1024) return (v / 1024).toFixed(v >= 10240 ? 0 : 1) + " KB";
    return v.toFixed(0) + " B";
  }
  function perSec(v) { return v == null ? "—" : v.toFixed(v >= 100 ? 0 : 1) + "/s"; }
  var formatters = { micros: micros, bytes: bytes, perSec: perSec };

  // x = 1 / (1 - quantile): 1 -> 0%, 10 -> 90%, 100 -> 99%, ...
  function percentileLabel(x) {
    if (x <= 1) return "0%";
    var p = 100 * (1 - 1 / x);
    var digits = Math.max(0, Math.round(Math.log10(x)) - 2);
    return p.toFixed(digits) + "%";
  }

  function markDrawn(u) {
    if (u.__counted) return;
    u.__counted = true;
    drawn++;
    root.setAttribute("data-charts-drawn", String(drawn));
  }

  function seriesOptions(spec) {
    var bars = spec.kind === "bars";
    var count = spec.series.length;
    return spec.series.map(function (s, i) {
      var color = palette[s.colorIndex % palette.length];
      var options = {
        label: s.label,
        stroke: color,
        width: bars ? 1 : 2,
        value: function (u, v) { return formatters[spec.yUnit](v); },
        spanGaps: false,
        points: { show: !bars && spec.x.length < 40, size: 6 }
      };
      if (s.dashed) options.dash = [6, 4];
      if (bars) {
        options.fill = color + "b3";
        options.paths = uPlot.paths.bars({
          size: [0.8 / Math.max(count, 1), 48],
          align: count === 1 ? 0 : (i < count / 2 ? -1 : 1)
        });
        options.points = { show: false };
      }
      return options;
    });
  }

  function xAxis(spec) {
    if (spec.xAxis === "percentile") {
      // One tick per tenfold rarity (0%, 90%, 99%, 99.9%...), as HdrHistogram's plots have.
      var decades = [];
      var last = spec.x[spec.x.length - 1];
      for (var d = 1; d <= last * 1.0001; d *= 10) decades.push(d);
      return {
        label: spec.xLabel,
        splits: function () { return decades; },
        values: function (u, splits) { return splits.map(percentileLabel); }
      };
    }
    if (spec.xAxis === "categories") {
      return {
        label: spec.xLabel,
        splits: function () { return spec.x.slice(); },
        values: function (u, splits) {
          return splits.map(function (v) { return spec.categories[v] || ""; });
        },
        gap: 6
      };
    }
    return { label: spec.xLabel };
  }

  function draw(spec) {
    var element = document.getElementById(spec.id);
    if (!element) throw new Error("no element for chart " + spec.id);
    var width = Math.max(320, Math.min(element.clientWidth || 640, 900));
    var xScale = { time: spec.xAxis === "time" };
    if (spec.xAxis === "percentile") { xScale.distr = 3; xScale.log = 10; }
    if (spec.xAxis === "categories") {
      var n = spec.x.length;
      xScale.range = function () { return [-0.5, n - 0.5]; };
    }
    var yScale = spec.yLog ? { distr: 3, log: 10 } : {};
    if (spec.kind === "bars" && !spec.yLog) {
      yScale.range = function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; };
    }
    var options = {
      width: width,
      height: 300,
      scales: { x: xScale, y: yScale },
      series: [{
        label: spec.xLabel,
        value: function (u, v) {
          if (v == null) return "—";
          if (spec.xAxis === "percentile") return percentileLabel(v);
          if (spec.xAxis === "categories") return spec.categories[v] || "";
          if (spec.xAxis === "time") return new Date(v * 1000).toISOString().replace(".000Z", "Z");
          return v.toFixed(1) + " s";
        }
      }].concat(seriesOptions(spec)),
      axes: [xAxis(spec), {
        size: 70,
        values: function (u, splits) { return splits.map(formatters[spec.yUnit]); }
      }],
      legend: { live: true },
      cursor: { drag: { x: spec.kind !== "bars", y: false } },
      hooks: { draw: [markDrawn] }
    };
    var aligned = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    return new uPlot(options, aligned, element);
  }

  data.charts.forEach(function (spec) {
    try {
      draw(spec);
    } catch (e) {
      // A chart that cannot draw must not hide the others; the console error fails the browser test.
      console.error("chart " + spec.id + " (" + spec.title + "): " + e);
    }
  });
  root.setAttribute("data-charts-script", "done");
})();
