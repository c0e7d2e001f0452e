// Opens the preview map in Debian's Chromium and reports what a visitor meets, as one JSON object:
// where the map opens (against the TileJSON bounds of the data), how many district polygons are
// coloured, the legend, the base layer's outlines and names, what the category picker and the
// period slider change, the providers layer (points, hollow when approximate, a popup with the
// name and address), and the time series a click on a district opens.
// Usage: node map_check.mjs <map url> <screenshot.png> [category to pick]
import { chromium } from "playwright-core";

const [url, screenshotPath, pickCategory] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  // The machine has no network: keep Chromium from calling home. WebGL runs on SwiftShader.
  args: ["--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
const result = { tiles: 0, errors: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("pageerror", (error) => result.errors.push(String(error)));
  page.on("console", (message) => {
    // Anything the page's Content-Security-Policy refuses is an error, and so is a failed request.
    if (message.type() === "error") result.errors.push(message.text());
  });
  page.on("response", (response) => {
    const address = new URL(response.url());
    if (address.pathname.includes("/tiles/WebMercatorQuad/") && response.status() === 200) result.tiles += 1;
    if (address.origin !== new URL(url).origin) result.errors.push(`external request: ${response.url()}`);
    if (response.status() >= 400) result.errors.push(`${response.status()} ${address.pathname}${address.search}`);
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => globalThis.socmap !== undefined, null, { timeout: 60000 });
  const settled = async () => {
    await page.evaluate(() => globalThis.socmap.settled());
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => new Promise((resolve) => {
      const { map } = globalThis.socmap;
      if (map.loaded() && map.areTilesLoaded()) resolve(); else map.once("idle", resolve);
    }));
  };
  await settled();
  await page.waitForTimeout(1000); // let MapLibre place the last labels

  const png = await page.screenshot({ path: screenshotPath });
  Object.assign(result, await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const colours = new Set();
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      // Saturated pixels: district fills, not the grey background, outlines, labels or panel.
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) {
        coloured += 1;
        colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
      }
    }
    return { coloured_fraction: coloured / (data.length / 4), colours: colours.size };
  }, png.toString("base64")));

  // Rendered district polygons by code: with a class colour, suppressed, or without data.
  const districts = () => page.evaluate(() => {
    const { map } = globalThis.socmap;
    const byCode = new Map();
    for (const feature of map.queryRenderedFeatures({ layers: ["districts-fill"] })) {
      byCode.set(feature.properties.code, feature.properties);
    }
    const shown = [...byCode.values()];
    return {
      rendered: shown.length,
      coloured: shown.filter((p) => p.suppressed !== true && p.class !== undefined && p.class !== null).length,
      suppressed: shown.filter((p) => p.suppressed === true).length,
      signature: JSON.stringify(shown.map((p) => [p.code, p.value ?? null, p.suppressed ?? null, p.class ?? null]).sort()),
    };
  });

  result.opened = await page.evaluate(async () => {
    const { map, state } = globalThis.socmap;
    const query = new URLSearchParams({ release: state.release, category: state.category, period: state.period,
                                        measure: state.measure });
    const tilejson = await (await fetch(`/v1/collections/districts/tiles/WebMercatorQuad/tilejson.json?${query}`)).json();
    const view = map.getBounds();
    const [west, south, east, north] = tilejson.bounds;
    const count = (layers) => map.queryRenderedFeatures({ layers }).length;
    return {
      zoom: map.getZoom(),
      period: state.period,
      periods: state.periods,
      category: state.category,
      view: [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
      data_bounds: tilejson.bounds,
      // The data fills the view: it is inside it, and spans most of its width or height.
      fitted: view.getWest() <= west && view.getSouth() <= south && view.getEast() >= east && view.getNorth() >= north
        && Math.max((east - west) / (view.getEast() - view.getWest()), (north - south) / (view.getNorth() - view.getSouth())) > 0.4,
      outlines: count(["voivodeship-line", "powiat-line", "gmina-line"]),
      names: count(["voivodeship-names", "powiat-names", "gmina-names"]),
      approximate: count(["districts-approximate"]),
      providers: (() => {
        if (!map.getLayer("providers-points")) return null;
        const shown = map.queryRenderedFeatures({ layers: ["providers-points"] });
        const names = [...new Set(shown.map((f) => f.properties.name))].sort();
        const approximate = new Set(shown.filter((f) => f.properties.approximate === true).map((f) => f.properties.name));
        const point = shown.length ? map.project(shown[0].geometry.coordinates) : null;
        return { rendered: shown.length, names, approximate: [...approximate].sort(),
                 opacity: map.getPaintProperty("providers-points", "circle-opacity"),
                 at: point && { x: point.x, y: point.y, name: shown[0].properties.name } };
      })(),
      legend: document.getElementById("legend").innerText,
      categories: [...document.getElementById("category").options].map((o) => [o.value, o.text]),
      slider: { granularity: state.granularity, max: document.getElementById("period").max },
    };
  });
  result.opened.districts = await districts();

  // Hovering a provider tells its name and address.
  const provider = result.opened.providers?.at;
  if (provider) {
    const box = await page.locator("#map canvas").boundingBox();
    await page.mouse.move(box.x + provider.x, box.y + provider.y);
    const popup = await page.waitForSelector(".maplibregl-popup", { timeout: 10000 }).catch(() => null);
    result.provider_popup = popup ? await popup.innerText() : null;
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
  }

  // The category picker.
  const before = result.opened.districts.signature;
  const category = pickCategory
    || result.opened.categories.map(([value]) => value).find((value) => value !== result.opened.category);
  await page.selectOption("#category", category);
  await settled();
  const picked = await districts();
  result.category = { picked: category, changed: picked.signature !== before, districts: picked,
                      legend: await page.locator("#legend").innerText() };

  // The period slider: quarters, then the first one.
  await page.check("input[name=granularity][value=quarter]");
  await settled();
  const quarter = await page.evaluate(() => globalThis.socmap.state.period);
  await page.evaluate(() => {
    const slider = document.getElementById("period");
    slider.value = "0";
    slider.dispatchEvent(new Event("input"));
    slider.dispatchEvent(new Event("change"));
  });
  await settled();
  const first = await districts();
  result.period = {
    after_switch: quarter,
    first: await page.evaluate(() => globalThis.socmap.state.period),
    label: await page.locator("#period-label").innerText(),
    changed: first.signature !== picked.signature,
    districts: first,
  };

  // A click on a district with a value opens its time series.
  const point = await page.evaluate(() => {
    const { map } = globalThis.socmap;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const panel = document.getElementById("panel").getBoundingClientRect();
    for (let y = 20; y < height - 20; y += 12) {
      for (let x = panel.right + 10; x < width - 60; x += 12) {
        const [feature] = map.queryRenderedFeatures([x, y], { layers: ["districts-fill"] });
        if (feature && feature.properties.value !== undefined && feature.properties.value !== null) {
          return { x, y, code: feature.properties.code };
        }
      }
    }
    return null;
  });
  result.clicked = point;
  if (point) {
    await page.mouse.move(point.x, point.y);
    const popup = await page.waitForSelector(".maplibregl-popup", { timeout: 10000 }).catch(() => null);
    result.popup = popup ? await popup.innerText() : null;
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector("#series:not([hidden]) td[data-state]", { timeout: 30000 }).catch(() => null);
    result.series = await page.evaluate(() => ({
      title: document.getElementById("series-title").textContent,
      subtitle: document.getElementById("series-subtitle").textContent,
      cells: [...document.querySelectorAll("#series-table td[data-period]")].map((cell) => [cell.dataset.period, cell.dataset.state]),
      bars: document.querySelectorAll("#series-chart rect").length,
    }));
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, "-series.png") });
  }
} finally {
  await browser.close();
}
delete result.requests;
console.log(JSON.stringify(result));
