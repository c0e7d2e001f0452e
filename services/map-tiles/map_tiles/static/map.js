// The preview map: the choropleth of one published release over the project's own geography
// (voivodeship, powiat and gmina outlines and names), a period slider, a category picker, a
// legend and the time series of a clicked district.
//
// Nothing comes from outside this service: MapLibre GL JS, tiles, metadata and label points are
// served by map-tiles, and the style has no `glyphs` URL, so MapLibre draws the names with the
// browser's own fonts. Only parameters the endpoints declare are sent (they refuse others).
const escape = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const message = (text) => { document.getElementById("message").textContent = text; };
let maplibregl;
try {
  maplibregl = await import("/map/static/maplibre-gl.mjs");
} catch (error) {
  message("MapLibre GL JS could not be loaded: " + error);
  throw error;
}

const api = "/v1/collections";
// The base layer: one multi-layer tile of the three levels, outlines only (their values unused).
const BASE = "voivodeships,powiats,municipalities";
const MEASURES = { persons: "osoby / persons", households: "gospodarstwa domowe / households" };
const UNITS = { rate: "na 1000 mieszkańców / per 1000 residents", value: "liczba / count" };
const QUARTERS = ["I", "II", "III", "IV"];
const NO_RELEASE = "Brak opublikowanego wydania. / No published release yet.";
const number = (value, digits = 0) =>
  Number(value).toLocaleString("pl-PL", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// What the map shows; `periods` are every period of the release, years and quarters.
const state = {
  release: null, category: null, period: null, measure: null, granularity: "year",
  periods: [], labels: new Map(), selected: null, rendering: Promise.resolve(),
};

const isYear = (period) => /^\d{4}$/.test(period);
const periodLabel = (period) =>
  !period ? "–" : isYear(period) ? period : `${QUARTERS[Number(period.slice(-1)) - 1]} kw. ${period.slice(0, 4)}`;
const capitalised = (text) => String(text ?? "").charAt(0).toUpperCase() + String(text ?? "").slice(1);
const categoryLabel = (code) => (code ? state.labels.get(code) ?? code : "–");
const periodsOf = (granularity) => state.periods.filter((p) => (granularity === "year") === isYear(p));

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.split("?")[0]}: HTTP ${response.status}`);
  return response.json();
}

// The selection's query (release pinned, so that the map never mixes two releases).
function selection(overrides = {}) {
  const query = new URLSearchParams();
  const values = { release: state.release, category: state.category, period: state.period,
                   measure: state.measure, ...overrides };
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) query.set(name, String(value));
  }
  return query;
}
const dataCollections = () => (document.getElementById("providers").checked ? "districts,providers" : "districts");

// --- controls ------------------------------------------------------------------------------

function fillSelect(id, entries, current) {
  document.getElementById(id).replaceChildren(
    ...entries.map(([value, text]) => new Option(text, value, false, value === current)));
}

function fillControls(options) {
  const categories = [...options.categories].sort((a, b) =>
    (b === "any") - (a === "any") || categoryLabel(a).localeCompare(categoryLabel(b), "pl"));
  fillSelect("category", categories.map((c) => [c, capitalised(categoryLabel(c))]), state.category);
  fillSelect("measure", options.measures.map((m) => [m, MEASURES[m] ?? m]), state.measure);
  syncPeriod();
}

// The slider runs over the release's years or its quarters; the label names the period shown.
function syncPeriod() {
  const periods = periodsOf(state.granularity);
  const slider = document.getElementById("period");
  slider.max = String(Math.max(0, periods.length - 1));
  slider.value = String(Math.max(0, periods.indexOf(state.period)));
  slider.disabled = periods.length < 2;
  document.getElementById("period-label").textContent = periodLabel(state.period);
  document.getElementById("period-first").textContent = periodLabel(periods[0]);
  document.getElementById("period-last").textContent = periodLabel(periods.at(-1));
  for (const radio of document.querySelectorAll("input[name=granularity]")) {
    radio.checked = radio.value === state.granularity;
    radio.disabled = periodsOf(radio.value).length === 0;
  }
}

// Switching years ↔ quarters keeps the time: a year's last quarter, a quarter's year.
function switchGranularity(granularity) {
  const periods = periodsOf(granularity);
  if (!periods.length || granularity === state.granularity) return;
  const year = (state.period ?? "").slice(0, 4);
  const same = periods.filter((p) => p.startsWith(year));
  state.granularity = granularity;
  state.period = same.at(-1) ?? periods.filter((p) => p.slice(0, 4) <= year).at(-1) ?? periods.at(-1);
  syncPeriod();
  update();
}

// --- legend --------------------------------------------------------------------------------

function legendRow(text, colour, kind) {
  // Built as nodes, colours set through the CSSOM: the page's policy allows no inline styles.
  const swatch = document.createElement("span");
  swatch.className = kind ? `swatch ${kind}` : "swatch";
  if (colour) swatch.style.background = colour;
  const line = document.createElement("div");
  line.append(swatch, text);
  return line;
}

function plain(text, className = "") {
  const line = document.createElement("div");
  line.className = className;
  line.textContent = text;
  return line;
}
const heading = (text) => plain(text, "heading");

function drawLegend(legend) {
  const format = (v) => (v === null || v === undefined ? "…" : number(v, 1));
  const choropleth = legend.release === null ? [heading("Brak danych / no data")] : [
    heading(`${capitalised(categoryLabel(legend.category ?? state.category))}, ${periodLabel(legend.period)}`),
    plain(UNITS[legend.indicator] ?? legend.unit),
    ...legend.classes.map((c) => legendRow(`${format(c.min)} – ${format(c.max)}`, c.colour)),
  ];
  document.getElementById("legend").replaceChildren(
    ...choropleth,
    legendRow(`${legend.suppressed.label_pl} / suppressed`, legend.suppressed.colour, "suppressed"),
    legendRow(`${legend.no_data.label_pl} / no data`, legend.no_data.colour),
    legendRow("granica przybliżona / approximate boundary", null, "approximate"),
    heading("Podkład / base layer"),
    legendRow("województwo / voivodeship", null, "voivodeship"),
    legendRow("powiat", null, "powiat"),
    legendRow("gmina", null, "gmina"),
    ...(document.getElementById("providers").checked ? [
      heading("Placówki / providers"),
      legendRow("adres / at its address", "#1f78b4", "provider"),
      legendRow("położenie przybliżone / approximate place", null, "provider approximate"),
    ] : []),
  );
}

// --- the style: base layer, the server's choropleth, outlines, names ----------------------

function names(id, minzoom, maxzoom, size, weight, colour) {
  return {
    id, type: "symbol", source: id, minzoom, maxzoom,
    layout: {
      "text-field": ["get", "name"],
      // No glyphs URL: MapLibre draws these with the browser's sans-serif in this weight.
      "text-font": [`Noto Sans ${weight}`],
      "text-size": size,
      "text-max-width": 7,
      "text-padding": 4,
    },
    paint: { "text-color": colour, "text-halo-color": "#ffffff", "text-halo-width": 1.6 },
  };
}

function outline(id, sourceLayer, colour, width, minzoom, dashed = false) {
  const paint = { "line-color": colour, "line-width": width };
  if (dashed) paint["line-dasharray"] = [3, 2];
  return { id, type: "line", source: "base", "source-layer": sourceLayer, minzoom, paint };
}

function compose(data) {
  const layers = data.layers.filter((layer) => layer.type !== "background");
  const release = state.release ? `?release=${state.release}` : "";
  return {
    version: 8,
    name: data.name,
    metadata: data.metadata,
    sources: {
      base: { type: "vector", url: `${api}/${BASE}/tiles/WebMercatorQuad/tilejson.json${release}` },
      ...data.sources,
      "voivodeship-names": { type: "geojson", data: `${api}/voivodeships/labels` },
      "powiat-names": { type: "geojson", data: `${api}/powiats/labels` },
      "gmina-names": { type: "geojson", data: `${api}/municipalities/labels` },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#dfe5ea" } },
      { id: "voivodeship-land", type: "fill", source: "base", "source-layer": "voivodeships",
        paint: { "fill-color": "#f7f6f1" } },
      ...layers.filter((layer) => layer.type !== "circle"),
      { id: "districts-approximate", type: "line", source: "socmap", "source-layer": "districts",
        filter: ["==", ["get", "approximate"], true],
        paint: { "line-color": "#303030", "line-width": 1.3, "line-dasharray": [2, 2] } },
      outline("gmina-line", "municipalities", "#7d7d7d", 1.1, 6, true),
      outline("powiat-line", "powiats", "#a0a0a0", ["interpolate", ["linear"], ["zoom"], 5, 0.4, 10, 1.4], 4),
      outline("voivodeship-line", "voivodeships", "#5f5f5f", ["interpolate", ["linear"], ["zoom"], 4, 1, 10, 2.6], 0),
      { id: "district-selected", type: "line", source: "socmap", "source-layer": "districts",
        filter: ["==", ["get", "code"], state.selected?.code ?? ""],
        paint: { "line-color": "#000000", "line-width": 3 } },
      ...layers.filter((layer) => layer.type === "circle"),
      names("gmina-names", 8, 24, 13, "Regular", "#222222"),
      names("powiat-names", 6.5, 10, 10.5, "Regular", "#666666"),
      names("voivodeship-names", 3, 8, 14, "Bold", "#333333"),
    ],
  };
}

// --- rendering -----------------------------------------------------------------------------

let map = null;
let renders = 0;

async function load() {
  const query = selection();
  const [legend, data] = await Promise.all([
    getJSON(`${api}/districts/legend?${query}`),
    getJSON(`${api}/${dataCollections()}/style.json?${query}`),
  ]);
  return { legend, data };
}

// Draws the current selection; resolves when the map has drawn it.
async function render() {
  const token = ++renders;
  let loaded;
  try {
    loaded = await load();
  } catch (error) {
    message(String(error));
    return;
  }
  if (token !== renders) return; // a newer selection is on its way
  message(state.release === null ? NO_RELEASE : "");
  drawLegend(loaded.legend);
  const idle = new Promise((resolve) => map.once("idle", resolve));
  map.setStyle(compose(loaded.data), { diff: true });
  map.triggerRepaint();
  if (state.selected) showSeries(state.selected.code, state.selected.name);
  await idle;
}

function update() {
  state.rendering = render();
}

// --- time series of a district ------------------------------------------------------------

let seriesRequests = 0;

// Every period of the release, one published feature each (the items endpoint, so only
// published cells: a suppressed one comes without a value and is shown as suppressed).
async function fetchSeries(code) {
  return Promise.all(state.periods.map(async (period) => {
    const query = selection({ period });
    query.set("zoom", "0");
    query.set("properties", "value,suppressed,rate,rate_lower,rate_upper");
    try {
      const feature = await getJSON(`${api}/districts/items/${encodeURIComponent(code)}?${query}`);
      return { period, ...feature.properties };
    } catch {
      return { period, failed: true };
    }
  }));
}

async function showSeries(code, name) {
  const token = ++seriesRequests;
  state.selected = { code, name };
  if (map.getLayer("district-selected")) map.setFilter("district-selected", ["==", ["get", "code"], code]);
  const panel = document.getElementById("series");
  panel.hidden = false;
  document.getElementById("series-title").textContent = `${name} (${code})`;
  document.getElementById("series-subtitle").textContent =
    `${capitalised(categoryLabel(state.category))} · ${MEASURES[state.measure] ?? state.measure} · wydanie ${state.release}`;
  document.getElementById("series-table").replaceChildren();
  document.getElementById("series-chart").replaceChildren();
  const series = await fetchSeries(code);
  if (token !== seriesRequests) return;
  drawSeriesTable(series);
  drawSeriesChart(series);
}

function seriesCell(entry) {
  const cell = document.createElement("td");
  if (!entry) {
    cell.className = "absent";
    return cell;
  }
  cell.dataset.period = entry.period;
  if (entry.failed) {
    cell.className = "none";
    cell.textContent = "?";
    cell.dataset.state = "error";
  } else if (entry.suppressed === true) {
    cell.className = "suppressed";
    cell.textContent = "utajn.";
    cell.title = "utajnione: zbyt mało przypadków / suppressed";
    cell.dataset.state = "suppressed";
  } else if (entry.value === null || entry.value === undefined) {
    cell.className = "none";
    cell.textContent = "–";
    cell.title = "brak danych / no data";
    cell.dataset.state = "none";
  } else {
    cell.textContent = number(entry.value);
    cell.dataset.state = "value";
    if (entry.rate !== null && entry.rate !== undefined) {
      const rate = document.createElement("small");
      rate.textContent = `${number(entry.rate, 1)} ‰`;
      cell.append(rate);
      cell.title = `${number(entry.rate, 1)} na 1000 mieszkańców (95% CI ${number(entry.rate_lower, 1)}–${number(entry.rate_upper, 1)})`;
    }
  }
  if (entry.period === state.period) cell.classList.add("current");
  return cell;
}

function drawSeriesTable(series) {
  const byPeriod = new Map(series.map((entry) => [entry.period, entry]));
  const years = [...new Set(series.map((entry) => entry.period.slice(0, 4)))].sort();
  const head = document.createElement("tr");
  for (const text of ["", ...QUARTERS.map((q) => `${q} kw.`), "rok"]) {
    const th = document.createElement("th");
    th.textContent = text;
    head.append(th);
  }
  const rows = years.map((year) => {
    const row = document.createElement("tr");
    const th = document.createElement("th");
    th.textContent = year;
    row.append(th, ...[1, 2, 3, 4].map((q) => seriesCell(byPeriod.get(`${year}-Q${q}`))),
               seriesCell(byPeriod.get(year)));
    return row;
  });
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  tbody.append(...rows);
  document.getElementById("series-table").replaceChildren(thead, tbody);
}

// Bars of the quarters (or of the years, for a release without quarters); a suppressed period
// is a grey mark on the axis, never a guessed bar.
function drawSeriesChart(series) {
  const quarters = series.filter((entry) => !isYear(entry.period));
  const shown = quarters.length ? quarters : series;
  const values = shown.map((entry) => (entry.suppressed === true ? null : entry.value ?? null));
  const top = Math.max(1, ...values.filter((v) => v !== null));
  const svgNS = "http://www.w3.org/2000/svg";
  const width = 300, height = 90, axis = 76, step = width / Math.max(1, shown.length);
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "szereg czasowy / time series");
  const add = (name, attributes, title) => {
    const node = document.createElementNS(svgNS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (title) {
      const tip = document.createElementNS(svgNS, "title");
      tip.textContent = title;
      node.append(tip);
    }
    svg.append(node);
    return node;
  };
  add("line", { x1: 0, x2: width, y1: axis, y2: axis, stroke: "#999", "stroke-width": 1 });
  shown.forEach((entry, index) => {
    const x = index * step + step * 0.15;
    const current = entry.period === state.period;
    if (entry.suppressed === true) {
      add("rect", { x, y: axis - 6, width: step * 0.7, height: 6, fill: "#9e9e9e", class: "suppressed" },
          `${periodLabel(entry.period)}: utajnione / suppressed`);
    } else if (entry.value !== null && entry.value !== undefined) {
      const h = Math.max(1, (entry.value / top) * (axis - 6));
      add("rect", { x, y: axis - h, width: step * 0.7, height: h, fill: current ? "#bd0026" : "#fd8d3c", class: "value" },
          `${periodLabel(entry.period)}: ${number(entry.value)}`);
    }
    if (isYear(entry.period) || entry.period.endsWith("Q1")) {
      add("text", { x, y: height - 2, "font-size": 10, fill: "#555" }).textContent = entry.period.slice(0, 4);
    }
  });
  document.getElementById("series-chart").replaceChildren(svg);
}

function closeSeries() {
  seriesRequests += 1;
  state.selected = null;
  document.getElementById("series").hidden = true;
  if (map.getLayer("district-selected")) map.setFilter("district-selected", ["==", ["get", "code"], ""]);
}

// --- start: the latest full year of the current release, fitted to its data ---------------

async function start() {
  let legend;
  try {
    const [first, categories] = await Promise.all([
      getJSON(`${api}/districts/legend`),
      getJSON("/v1/categories"),
    ]);
    legend = first;
    for (const category of categories.categories) state.labels.set(category.code, category.label_pl);
  } catch (error) {
    message(String(error));
    return;
  }
  state.release = legend.release;
  state.category = legend.category;
  state.measure = legend.measure;
  state.periods = [...legend.options.periods].sort();
  const years = periodsOf("year");
  state.granularity = years.length ? "year" : "quarter";
  state.period = years.at(-1) ?? legend.period;
  document.getElementById("release").textContent = state.release ? `wydanie / release ${state.release}` : "";
  if (state.release === null) message(NO_RELEASE);
  fillControls(legend.options);

  // Fitted to the districts that have cells in the selection (TileJSON bounds of the release).
  let loaded, tilejson;
  try {
    [loaded, tilejson] = await Promise.all([
      load(),
      getJSON(`${api}/districts/tiles/WebMercatorQuad/tilejson.json?${selection()}`),
    ]);
  } catch (error) {
    message(String(error));
    return;
  }
  drawLegend(loaded.legend);
  // Room for the panel on the left, unless the screen is too narrow to leave the map beside it.
  const panel = document.getElementById("panel").getBoundingClientRect();
  const left = window.innerWidth > 2 * panel.right ? panel.right + 20 : 20;
  const padding = { top: 30, bottom: 30, left, right: 50 };
  map = new maplibregl.Map({
    container: "map",
    style: compose(loaded.data),
    bounds: tilejson.bounds,
    fitBoundsOptions: { padding, maxZoom: 14 },
    hash: true,
    attributionControl: false,
  });
  map.addControl(new maplibregl.NavigationControl(), "bottom-right");
  map.addControl(new maplibregl.ScaleControl(), "bottom-left");
  state.rendering = new Promise((resolve) => map.once("idle", resolve));
  state.rendering.then(() => listPlaces(tilejson.bounds, padding));
  wire();
}

// Buttons that zoom to each municipality with data (the districts the opening view holds, by
// their gmina), and back to all of it.
async function listPlaces(all, padding) {
  let labels;
  try {
    labels = await getJSON(`${api}/municipalities/labels`);
  } catch {
    return;
  }
  const named = new Map(labels.features.map((f) => [f.properties.code, f.properties.name]));
  const boxes = new Map();
  for (const feature of map.querySourceFeatures("socmap", { sourceLayer: "districts", filter: ["has", "suppressed"] })) {
    const code = feature.properties.parent_code;
    const box = boxes.get(code) ?? [180, 90, -180, -90];
    const { type, coordinates } = feature.geometry;
    for (const [x, y] of coordinates.flat(type === "MultiPolygon" ? 2 : 1)) {
      box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
    }
    boxes.set(code, box);
  }
  const button = (text, box) => {
    const node = document.createElement("button");
    node.type = "button";
    node.textContent = text;
    node.addEventListener("click", () => map.fitBounds(box, { padding, maxZoom: 14 }));
    return node;
  };
  const places = [...boxes].filter(([code]) => named.has(code))
    .sort(([a], [b]) => named.get(a).localeCompare(named.get(b), "pl"));
  if (places.length < 2) return;
  document.getElementById("places").replaceChildren(
    "Przybliż / zoom to: ",
    ...places.map(([code, box]) => button(named.get(code), box)),
    button("wszystkie / all", all),
  );
}

function wire() {
  const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false });
  const interactive = () => ["districts-fill", "providers-points"].filter((id) => map.getLayer(id));
  map.on("mousemove", (event) => {
    const [feature] = map.queryRenderedFeatures(event.point, { layers: interactive() });
    if (!feature) { popup.remove(); map.getCanvas().style.cursor = ""; return; }
    const p = feature.properties;
    map.getCanvas().style.cursor = "pointer";
    let html;
    if (feature.sourceLayer === "districts") {
      const shown = p.suppressed === true ? "<em>utajnione / suppressed</em>"
        : p.value === undefined || p.value === null ? "<em>brak danych / no data</em>"
        : `${escape(p.value)}${p.rate !== undefined && p.rate !== null ? ` (${number(p.rate, 1)} ‰, 95% CI ${number(p.rate_lower, 1)}–${number(p.rate_upper, 1)})` : ""}`;
      const approximate = p.approximate === true ? "<br><small>granica przybliżona / approximate boundary</small>" : "";
      html = `<strong>${escape(p.name)}</strong><br>${escape(p.code)}<br>${shown}${approximate}`;
    } else {
      const street = [p.address_1, [p.postal_code, p.city].filter(Boolean).join(" ")].filter(Boolean);
      const approximate = p.approximate === true ? "<br><small>położenie przybliżone / approximate place</small>" : "";
      html = `<strong>${escape(p.name || p.title)}</strong><br>${street.map(escape).join(", ")}`
        + `<br><small>${escape(p.provider_type)}</small>${approximate}`;
    }
    popup.setLngLat(event.lngLat).setHTML(html).addTo(map);
  });
  map.on("click", (event) => {
    popup.remove();
    const [feature] = map.queryRenderedFeatures(event.point, { layers: ["districts-fill"].filter((id) => map.getLayer(id)) });
    if (feature) showSeries(feature.properties.code, feature.properties.name);
  });
  document.getElementById("series-close").addEventListener("click", closeSeries);
  document.getElementById("category").addEventListener("change", (event) => {
    state.category = event.target.value;
    update();
  });
  document.getElementById("measure").addEventListener("change", (event) => {
    state.measure = event.target.value;
    update();
  });
  document.getElementById("providers").addEventListener("change", update);
  const slider = document.getElementById("period");
  slider.addEventListener("input", () => {
    document.getElementById("period-label").textContent = periodLabel(periodsOf(state.granularity)[Number(slider.value)]);
  });
  slider.addEventListener("change", () => {
    state.period = periodsOf(state.granularity)[Number(slider.value)];
    syncPeriod();
    update();
  });
  for (const radio of document.querySelectorAll("input[name=granularity]")) {
    radio.addEventListener("change", () => switchGranularity(radio.value));
  }
}

await start();
// For scripts and tests that drive the page: the map, what it shows, and a promise of the
// current selection being drawn.
globalThis.socmap = { map, state, settled: () => state.rendering };
