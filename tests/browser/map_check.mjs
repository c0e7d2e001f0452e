// Opens the preview map in Debian's Chromium, waits for vector tiles, saves a screenshot,
// measures how much of it is coloured, and hovers a district to read its value.
// Usage: node map_check.mjs <map url> <screenshot.png>; prints one JSON object.
import { chromium } from "playwright-core";

const [url, screenshotPath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  // The machine has no network: keep Chromium from calling home. WebGL runs on SwiftShader.
  args: ["--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});
const result = { tiles: 0, errors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on("pageerror", (error) => result.errors.push(String(error)));
  // Anything the page's Content-Security-Policy refuses is an error too.
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      result.errors.push(message.text());
    }
  });
  page.on("response", (response) => {
    if (response.url().includes("/tiles/WebMercatorQuad/") && response.status() === 200) result.tiles += 1;
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("canvas.maplibregl-canvas", { timeout: 30000 });
  const deadline = Date.now() + 60000;
  while (result.tiles === 0 && Date.now() < deadline) await page.waitForTimeout(250);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500); // let MapLibre draw the last tiles
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
      // Saturated pixels: district fills, not the grey background, labels or panel.
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) {
        coloured += 1;
        colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
      }
    }
    return { coloured_fraction: coloured / (data.length / 4), colours: colours.size };
  }, png.toString("base64")));
  await page.mouse.move(600, 380);
  await page.mouse.move(610, 390);
  const popup = await page.waitForSelector(".maplibregl-popup", { timeout: 10000 }).catch(() => null);
  result.popup = popup ? await popup.innerText() : null;
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
