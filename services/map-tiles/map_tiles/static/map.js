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
const selectors = ["category", "period", "measure"];
const params = () => {
  const query = new URLSearchParams();
  for (const name of selectors) {
    const value = document.getElementById(name).value;
    if (value) query.set(name, value);
  }
  return query;
};
const fill = (id, values, current) => {
  const select = document.getElementById(id);
  select.replaceChildren(...values.map((v) => new Option(v, v, false, v === current)));
};
async function loadLegend(query) {
  const response = await fetch(`${api}/districts/legend?${query}`);
  if (!response.ok) { message("No published release yet."); return null; }
  const legend = await response.json();
  document.getElementById("release").textContent = legend.release ? `release ${legend.release}` : "";
  fill("category", legend.options.categories, legend.category);
  fill("period", legend.options.periods, legend.period);
  fill("measure", legend.options.measures, legend.measure);
  const fmt = (v) => (v === null || v === undefined ? "…" : Number(v).toFixed(1));
  // Built as nodes, colours set through the CSSOM: the page's policy allows no inline styles.
  const row = (colour, text) => {
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    const line = document.createElement("div");
    line.append(swatch, text);
    return line;
  };
  const unit = document.createElement("em");
  unit.textContent = legend.unit;
  document.getElementById("legend").replaceChildren(
    unit,
    ...legend.classes.map((c) => row(c.colour, `${fmt(c.min)} – ${fmt(c.max)}`)),
    row(legend.suppressed.colour, `${legend.suppressed.label_pl} / suppressed`),
    row(legend.no_data.colour, `${legend.no_data.label_pl} / no data`),
  );
  return legend;
}
const map = new maplibregl.Map({ container: "map", center: [18.5, 51.5], zoom: 6, hash: true,
  style: { version: 8, sources: {}, layers: [{ id: "bg", type: "background", paint: { "background-color": "#f4f4f0" } }] } });
map.addControl(new maplibregl.NavigationControl());
async function render() {
  const legend = await loadLegend(params());
  const query = new URLSearchParams(params());
  if (legend && legend.category) query.set("category", legend.category);
  const ids = document.getElementById("providers").checked ? "districts,providers" : "districts";
  const style = await (await fetch(`${api}/${ids}/style.json?${query}`)).json();
  map.setStyle(style);
}
const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false });
map.on("mousemove", (event) => {
  const features = map.queryRenderedFeatures(event.point).filter((f) => f.source === "socmap");
  if (!features.length) { popup.remove(); map.getCanvas().style.cursor = ""; return; }
  const p = features[0].properties;
  map.getCanvas().style.cursor = "pointer";
  let html;
  if (features[0].sourceLayer === "districts") {
    const shown = p.suppressed === true ? "<em>suppressed / utajnione</em>"
      : p.value === undefined ? "<em>no data / brak danych</em>"
      : `${escape(p.value)}${p.rate !== undefined ? ` (${Number(p.rate).toFixed(1)} ‰, 95% CI ${Number(p.rate_lower).toFixed(1)}–${Number(p.rate_upper).toFixed(1)})` : ""}`;
    html = `<strong>${escape(p.name)}</strong><br>${escape(p.code)}<br>${shown}`;
  } else {
    html = `<strong>${escape(p.name || p.title)}</strong><br>${escape(p.provider_type)} ${escape(p.city)}`;
  }
  popup.setLngLat(event.lngLat).setHTML(html).addTo(map);
});
for (const name of [...selectors, "providers"]) document.getElementById(name).addEventListener("change", render);
render();
