// Pictures in the results, plain SVG (no library): heatmaps of a wrong array (the learner's,
// the expected, their difference, the worst entry marked), a line chart of a wrong 1-D
// result, and pictures a test attaches to its result (a line chart such as a loss curve, a
// scatter over a decision boundary). Each is a <figure> with a visible caption and, for
// screen readers, a visually hidden summary (shape, worst entry, ranges); the drawing itself
// is role="img" with a short label. Loaded only when a report carries a picture.

import { t } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";
const PALETTE = 6;  // class / series colours: .c0 … .c5 in style.css, shapes tell them apart too

// Every learner-facing string of this file.
const TEXT = {
  yours: t("pictures.yours"), expected: t("pictures.expected"), difference: t("pictures.difference"),
  diffCaption: (name, shape) => t("pictures.diff_caption", { name, shape: shapeText(shape) }),
  lineCaption: (name, shape) => t("pictures.line_caption", { name, shape: shapeText(shape) }),
  head: (name, shape) => t("pictures.head", { name, shape: shapeText(shape) }),
  downsampled: (block) => t(block.length === 1 ? "pictures.downsampled_point" : "pictures.downsampled_cell", { block: block.join(" × ") }),
  worst: (idx) => t("pictures.worst", { index: idx.join(", ") }),
  worstIn: (spans) => t("pictures.worst_in", { spans: spans.join(", ") }),
  span: (what, a, b) => t(`pictures.${what}`, { a, b }).replace(`${a}–${a}`, String(a)),
  range: (what, r) => t(`pictures.range_${what}`, { lo: fmt(r[0]), hi: fmt(r[1]) }),
  scale: (s) => t("pictures.scale", { scale: fmt(s) }),
  series: (s, r) => t("pictures.series", { name: s.name, count: s.y.length, first: fmt(s.y[0]), last: fmt(s.y[s.y.length - 1]),
                                          lo: fmt(r[0]), hi: fmt(r[1]) }),
  lineSummary: (p) => t("pictures.line", { title: p.title ? ` “${p.title}”` : "" }) +
    (p.x_label ? t("pictures.x_axis", { label: p.x_label }) : "") + (p.y_label ? t("pictures.y_axis", { label: p.y_label }) : ""),
  scatterSummary: (p, classes) => t("pictures.scatter", { title: p.title ? ` “${p.title}”` : "", count: p.points.length,
                                                         k: classes.length, classes: classes.join(", ") }),
  boundary: (g, share) => t("pictures.boundary", { x0: fmt(g.x0), x1: fmt(g.x1), y0: fmt(g.y0), y1: fmt(g.y1), share }),
  share: (c, pct) => t("pictures.share", { c, pct }),
  misclassified: (n) => t(`pictures.misplaced_${n === 1 ? "one" : "other"}`, { n }),
  classLabel: (c) => t("pictures.class", { c }),
  index: t("pictures.index"),
};

const fmt = (v) => (typeof v === "number" ? Number(v.toPrecision(4)).toString() : String(v));
const shapeText = (shape) => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
const finite = (v) => typeof v === "number" && Number.isFinite(v);

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

function html(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function range(values) {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (finite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return lo === Infinity ? [0, 0] : [lo, hi];
}

function figure(caption, summary, ...drawings) {
  const fig = html("figure", "picture");
  fig.append(...drawings, html("figcaption", "muted small", caption), html("p", "sr-only", summary));
  return fig;
}

function drawing(width, height, label) {
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label,
                      class: "chart", preserveAspectRatio: "xMinYMin meet" });
}

// --- heatmaps ----------------------------------------------------------------------------

// One heatmap: a cell per entry, blue below zero and red above, as strong as |v| / scale.
function heatmap(title, grid, scale, worstCell) {
  const rows = grid.length, cols = grid[0].length;
  const cell = Math.max(3, Math.min(24, Math.floor(168 / Math.max(rows, cols))));
  const top = 18, w = cols * cell, h = rows * cell;
  const s = drawing(Math.max(w, 90), h + top + 16, title);
  s.append(svg("text", { x: 0, y: 12, class: "chart-title" }, document.createTextNode(title)));
  const g = svg("g", { transform: `translate(0 ${top})` });
  g.append(svg("rect", { width: w, height: h, class: "heat-frame" }));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = grid[r][c];
      if (finite(v) && v === 0) continue;
      const attrs = { x: c * cell, y: r * cell, width: cell, height: cell };
      if (!finite(v)) attrs.class = "nan";
      else {
        attrs.class = v > 0 ? "pos" : "neg";
        attrs["fill-opacity"] = scale > 0 ? Math.max(0.08, Math.min(1, Math.abs(v) / scale)).toFixed(3) : 1;
      }
      g.append(svg("rect", attrs));
    }
  }
  if (worstCell) {
    const [r, c] = worstCell;
    g.append(svg("rect", { x: c * cell - 1, y: r * cell - 1, width: cell + 2, height: cell + 2, class: "worst" }));
  }
  s.append(g);
  s.append(svg("text", { x: 0, y: h + top + 13, class: "chart-tick" }, document.createTextNode(TEXT.scale(scale))));
  return s;
}

// Where the worst entry is: exact when nothing was downsampled, else the rows/columns of its block.
function worstText(full, block) {
  const w = full.worst;
  if (!w) return "";
  const lo = w.map((b, i) => b * block[i]), hi = w.map((b, i) => Math.min((b + 1) * block[i], full.shape[i]) - 1);
  if (block.every((b) => b === 1)) return TEXT.worst(w);
  const what = w.length === 1 ? ["entries"] : ["rows", "columns"];  // pictures.rows etc.
  return TEXT.worstIn(w.map((_, i) => TEXT.span(what[i], lo[i], hi[i])));
}

// full (grader/testing.py's overview): {got, expected, shape, worst, block}, worst counted in
// blocks (the drawing's cells) and block the size of one.
function diffHeatmaps(name, full) {
  const { got, expected, shape } = full;
  const block = full.block || shape.map(() => 1);
  const diff = got.map((row, r) => row.map((v, c) => (finite(v) && finite(expected[r][c]) ? v - expected[r][c] : NaN)));
  const flat = (m) => m.flat();
  const rg = range(flat(got)), re = range(flat(expected)), rd = range(flat(diff));
  const scale = Math.max(Math.abs(rg[0]), Math.abs(rg[1]), Math.abs(re[0]), Math.abs(re[1]));
  const dscale = Math.max(Math.abs(rd[0]), Math.abs(rd[1]));
  const worst = full.worst;
  const cell = worst && worst.slice(-2);
  const blocked = block.some((b) => b > 1);
  const summary = TEXT.head(name, shape) + (blocked ? TEXT.downsampled(block) : "") +
    worstText(full, block) + TEXT.range("yours", rg) + TEXT.range("expected", re) + TEXT.range("diff", rd);
  const maps = html("div", "heatmaps");
  maps.append(heatmap(TEXT.yours, got, scale, cell), heatmap(TEXT.expected, expected, scale, cell),
              heatmap(TEXT.difference, diff, dscale, cell));
  return figure(TEXT.diffCaption(name, shape) + (blocked ? TEXT.downsampled(block) : ""), summary, maps);
}

// --- line charts ------------------------------------------------------------------------

// series: [{name, y, cls}] drawn against their index (times xStep); marks: [{i, y}] circled.
function lineChart(label, series, { xLabel, yLabel, xStep = 1, marks = [] } = {}) {
  const W = 480, H = 220, L = 52, R = 10, T = 10, B = 40;
  const all = series.flatMap((s) => s.y);
  let [lo, hi] = range(all);
  if (lo === hi) { lo -= 1; hi += 1; }
  const n = Math.max(...series.map((s) => s.y.length));
  const x = (i) => L + (n > 1 ? (i / (n - 1)) * (W - L - R) : (W - L - R) / 2);
  const y = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  const s = drawing(W, H, label);
  s.append(svg("rect", { x: L, y: T, width: W - L - R, height: H - T - B, class: "plot-frame" }));
  if (lo < 0 && hi > 0) s.append(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), class: "zero" }));
  const tick = (text, attrs) => s.append(svg("text", { class: "chart-tick", ...attrs }, document.createTextNode(text)));
  tick(fmt(hi), { x: L - 4, y: T + 8, "text-anchor": "end" });
  tick(fmt(lo), { x: L - 4, y: H - B, "text-anchor": "end" });
  tick("0", { x: L, y: H - B + 14 });
  tick(fmt((n - 1) * xStep), { x: W - R, y: H - B + 14, "text-anchor": "end" });
  if (xLabel) tick(xLabel, { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" });
  if (yLabel) tick(yLabel, { x: 12, y: (T + H - B) / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${(T + H - B) / 2})` });
  for (const ser of series) {
    // A NaN breaks the line: one polyline per finite run.
    let run = [];
    const flush = () => {
      if (run.length > 1) s.append(svg("polyline", { points: run.join(" "), class: `line ${ser.cls}` }));
      else if (run.length === 1) { const [px, py] = run[0].split(","); s.append(svg("circle", { cx: px, cy: py, r: 2, class: `dot ${ser.cls}` })); }
      run = [];
    };
    ser.y.forEach((v, i) => { if (finite(v)) run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`); else flush(); });
    flush();
  }
  for (const m of marks) if (finite(m.y)) s.append(svg("circle", { cx: x(m.i), cy: y(m.y), r: 6, class: "worst" }));
  return s;
}

function legend(series) {
  const ul = html("ul", "legend");
  for (const ser of series) {
    const li = html("li");
    const key = svg("svg", { width: 24, height: 10, "aria-hidden": "true" }, svg("line", { x1: 0, x2: 24, y1: 5, y2: 5, class: `line ${ser.cls}` }));
    li.append(key, ` ${ser.name}`);
    ul.append(li);
  }
  return ul;
}

function diffLine(name, full) {
  const { got, expected, shape } = full;
  const block = full.block || [1];
  const series = [{ name: TEXT.yours, y: got, cls: "got" }, { name: TEXT.expected, y: expected, cls: "expected" }];
  const worst = full.worst;
  const wi = worst && worst[worst.length - 1];
  const blocked = block.some((b) => b > 1);
  const summary = TEXT.head(name, shape) + (blocked ? TEXT.downsampled(block) : "") +
    worstText(full, block) + TEXT.range("yours", range(got)) + TEXT.range("expected", range(expected));
  const chart = lineChart(name, series, { xStep: block[block.length - 1], marks: worst ? [{ i: wi, y: got[wi] }] : [],
                                          xLabel: TEXT.index });
  return figure(TEXT.lineCaption(name, shape) + (blocked ? TEXT.downsampled(block) : ""), summary, chart, legend(series));
}

// --- pictures a test attaches -----------------------------------------------------------

function linePicture(p) {
  const series = p.series.map((ser, k) => ({ name: ser.name, y: ser.y, cls: `c${k % PALETTE}` }));
  const summary = TEXT.lineSummary(p) + series.map((ser) => TEXT.series(ser, range(ser.y))).join("");
  const chart = lineChart(p.title || "", series, { xLabel: p.x_label, yLabel: p.y_label, xStep: p.x_step || 1 });
  return figure(p.title || "", summary, chart, legend(series));
}

// A marker per class: colour and shape, so classes are told apart without colour too.
function marker(x, y, k) {
  const cx = Number(x), cy = Number(y);
  const cls = `pt c${k % PALETTE}`;
  switch (k % 3) {
    case 0: return svg("circle", { cx, cy, r: 4, class: cls });
    case 1: return svg("rect", { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7, class: cls });
    default: return svg("path", { d: `M${cx} ${cy - 5}L${cx + 4.5} ${cy + 3.5}L${cx - 4.5} ${cy + 3.5}Z`, class: cls });
  }
}

function scatterPicture(p) {
  const W = 320, H = 320, L = 40, R = 10, T = 10, B = 34;
  const pts = p.points || [];
  const grid = p.grid;
  const [xlo, xhi] = grid ? [grid.x0, grid.x1] : range(pts.map((q) => q[0]));
  const [ylo, yhi] = grid ? [grid.y0, grid.y1] : range(pts.map((q) => q[1]));
  const sx = (v) => L + ((v - xlo) / ((xhi - xlo) || 1)) * (W - L - R);
  const sy = (v) => T + (1 - (v - ylo) / ((yhi - ylo) || 1)) * (H - T - B);
  const s = drawing(W, H, p.title || "");
  const classes = [...new Set([...pts.map((q) => q[2]), ...(grid ? grid.values.flat() : [])])].sort((a, b) => a - b);
  const index = new Map(classes.map((c, k) => [c, k]));
  let summary = TEXT.scatterSummary(p, [...new Set(pts.map((q) => q[2]))].sort((a, b) => a - b));
  if (grid) {
    // Row 0 of the grid is the top (y1), as in an image; column 0 is at x0.
    const rows = grid.values.length, cols = grid.values[0].length;
    const cw = (W - L - R) / cols, ch = (H - T - B) / rows;
    const g = svg("g", { class: "regions" });
    const counts = new Map();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = grid.values[r][c];
        counts.set(v, (counts.get(v) || 0) + 1);
        g.append(svg("rect", { x: (L + c * cw).toFixed(2), y: (T + r * ch).toFixed(2), width: (cw + 0.5).toFixed(2),
                              height: (ch + 0.5).toFixed(2), class: `region c${index.get(v) % PALETTE}` }));
      }
    }
    s.append(g);
    const share = [...counts].sort((a, b) => a[0] - b[0]).map(([c, n]) => TEXT.share(c, Math.round((100 * n) / (rows * cols)))).join(", ");
    summary += TEXT.boundary(grid, share);
    const classAt = (x, y) => {
      const c = Math.min(cols - 1, Math.max(0, Math.floor(((x - xlo) / ((xhi - xlo) || 1)) * cols)));
      const r = Math.min(rows - 1, Math.max(0, Math.floor(((yhi - y) / ((yhi - ylo) || 1)) * rows)));
      return grid.values[r][c];
    };
    const wrong = pts.filter((q) => classAt(q[0], q[1]) !== q[2]).length;
    summary += TEXT.misclassified(wrong);
  }
  s.append(svg("rect", { x: L, y: T, width: W - L - R, height: H - T - B, class: "plot-frame" }));
  for (const [x, y, c] of pts) s.append(marker(sx(x).toFixed(1), sy(y).toFixed(1), index.get(c)));
  const tick = (text, attrs) => s.append(svg("text", { class: "chart-tick", ...attrs }, document.createTextNode(text)));
  tick(fmt(xlo), { x: L, y: H - B + 14 });
  tick(fmt(xhi), { x: W - R, y: H - B + 14, "text-anchor": "end" });
  tick(fmt(ylo), { x: L - 4, y: H - B, "text-anchor": "end" });
  tick(fmt(yhi), { x: L - 4, y: T + 8, "text-anchor": "end" });
  if (p.x_label) tick(p.x_label, { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" });
  if (p.y_label) tick(p.y_label, { x: 12, y: (T + H - B) / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${(T + H - B) / 2})` });
  const keys = html("ul", "legend");
  for (const c of classes) {
    const li = html("li");
    li.append(svg("svg", { width: 12, height: 12, viewBox: "-6 -6 12 12", "aria-hidden": "true" }, marker(0, 0, index.get(c))), ` ${TEXT.classLabel(c)}`);
    keys.append(li);
  }
  return figure(p.title || "", summary, s, keys);
}

// The figure for a failed array comparison's diff.full, or null when there is nothing to draw.
// name: the array's, with the index of the 2-D slice drawn when it has more axes.
export function diffPicture(name, full) {
  if (!full || !Array.isArray(full.got) || !full.got.length) return null;
  return Array.isArray(full.got[0]) ? diffHeatmaps(name, full) : diffLine(name, full);
}

// The figure for one picture a test attached, or null: {kind: "line", title, x_label, y_label,
// x_step (x per point), series: [{name, y}]} or {kind: "scatter", title, points: [[x, y, class]],
// grid: {x0, x1, y0, y1, values}} (the predicted class; row 0 at the top, y1, as in an image).
export function picture(p) {
  if (p && p.kind === "line" && Array.isArray(p.series)) return linePicture(p);
  if (p && p.kind === "scatter" && Array.isArray(p.points)) return scatterPicture(p);
  return null;
}

// Fills `slot` with every picture of a test result.
export function drawInto(slot, test) {
  const figs = [];
  const d = test.diff;
  if (d && d.full) figs.push(diffPicture((d.name || "result") + (d.lead && d.lead.length ? `[${d.lead.join(", ")}]` : ""), d.full));
  for (const p of test.pictures || []) {
    try { figs.push(picture(p)); } catch (e) { console.warn("A picture could not be drawn.", e); }
  }
  slot.replaceChildren(...figs.filter(Boolean));
}
