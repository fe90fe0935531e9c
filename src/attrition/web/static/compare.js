// The compare chart: one dot per figure an article states, one line per reference series.
// Data comes from the page's <script type="application/json" id="compare-data"> block; all
// text goes into the SVG through d3's .text(), never as markup.
document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("chart");
  const source = document.getElementById("compare-data");
  if (!holder || !source || typeof d3 === "undefined") return;
  const data = JSON.parse(source.textContent);
  const cumulative = data.mode === "cumulative";
  const parse = d3.utcParse("%Y-%m-%d");
  // Per day: a stated daily figure, rate or period per day, or a cumulative total's increment.
  const daily = (f) => (f.kind === "cumulative" ? f.increment_per_day : f.per_day);
  const figures = data.figures
    .filter((f) => (cumulative ? f.kind === "cumulative" : daily(f) !== null))
    .map((f) => ({ ...f, x: parse(f.date), y: cumulative ? f.value : daily(f),
      derived: !cumulative && f.kind === "cumulative" }));
  const lines = data.reference.map((r) => ({
    series: r.series,
    points: r.points
      .map((p) => ({ x: parse(p.date), y: cumulative ? p.value : p.daily }))
      .filter((p) => p.y !== null),
  }));
  const all = figures.concat(...lines.map((l) => l.points));
  const width = Math.max(holder.clientWidth || 900, 480), height = 380;
  const margin = { top: 16, right: 160, bottom: 32, left: 72 };
  const svg = d3.select(holder).append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`).attr("class", "chart-svg").attr("role", "img");
  if (!all.length) {
    svg.append("text").attr("x", width / 2).attr("y", height / 2).attr("text-anchor", "middle")
      .attr("class", "empty").text("No figure in this window");
    return;
  }
  let [x0, x1] = d3.extent(all, (d) => d.x);
  if (+x0 === +x1) { x0 = d3.utcDay.offset(x0, -1); x1 = d3.utcDay.offset(x1, 1); }
  const x = d3.scaleUtc().domain([x0, x1]).nice()
    .range([margin.left, width - margin.right]);
  const y = d3.scaleLinear()
    .domain([Math.min(0, d3.min(all, (d) => d.y)), d3.max(all, (d) => d.y) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  const claimants = Array.from(new Set(figures.map((f) => f.claimant))).sort();
  const color = d3.scaleOrdinal(d3.schemeTableau10).domain(claimants.concat(lines.map((l) => l.series)));
  svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(8));
  svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6, "~s"));
  const line = d3.line().x((d) => x(d.x)).y((d) => y(d.y));
  svg.append("g").attr("class", "reference").selectAll("path").data(lines).join("path")
    .attr("class", "reference-line").attr("fill", "none").attr("stroke-width", 1.5)
    .attr("stroke", (l) => color(l.series)).attr("d", (l) => line(l.points));
  const dots = svg.append("g").attr("class", "marks").selectAll("a").data(figures).join("a")
    .attr("href", (f) => `/claims/${f.claim_id}`);
  dots.append("circle").attr("class", (f) => (f.derived ? "mark increment" : "mark")).attr("r", 4)
    .attr("cx", (f) => x(f.x)).attr("cy", (f) => y(f.y))
    .attr("fill", (f) => (f.derived ? "none" : color(f.claimant)))
    .attr("stroke", (f) => color(f.claimant)).attr("stroke-width", (f) => (f.derived ? 2 : 0))
    .attr("data-claim-id", (f) => f.claim_id)
    .append("title").text((f) => (f.derived
      ? `${f.date} ${f.claimant}: ${f.figure}, ${f.increment_per_day} a day since ${f.increment_from}`
      : `${f.date} ${f.claimant}: ${f.figure}`) + ` (${f.outlet || f.doc})`);
  const legend = svg.append("g").attr("class", "legend")
    .attr("transform", `translate(${width - margin.right + 12},${margin.top})`);
  const keys = claimants.map((k) => ({ k, kind: "dot" })).concat(lines.map((l) => ({ k: l.series, kind: "line" })));
  const item = legend.selectAll("g").data(keys).join("g").attr("transform", (_, i) => `translate(0,${i * 18})`);
  item.filter((d) => d.kind === "dot").append("circle").attr("r", 4).attr("cx", 5).attr("cy", 0)
    .attr("fill", (d) => color(d.k));
  item.filter((d) => d.kind === "line").append("line").attr("x1", 0).attr("x2", 10)
    .attr("stroke", (d) => color(d.k)).attr("stroke-width", 2);
  item.append("text").attr("x", 16).attr("y", 4).text((d) => d.k);
});
