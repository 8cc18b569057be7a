// Opens each HTML page in a directory in headless Chromium, runs axe-core on it, and takes a
// screenshot with and without its style sheet. Fails (exit 1) on any serious or critical
// accessibility violation, and on any request for something outside the page itself.
//
//   node check.mjs PAGES_DIR SCREENSHOTS_DIR
//
// Chromium is Debian's (`/usr/bin/chromium`, or $CHROMIUM), driven by playwright-core.
import { readdirSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [pagesDir, shotsDir] = process.argv.slice(2).map((p) => resolve(p));
mkdirSync(shotsDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
let failed = false;
for (const name of readdirSync(pagesDir).filter((f) => f.endsWith(".html")).sort()) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const external = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto("file://" + join(pagesDir, name), { waitUntil: "load" });
  await page.screenshot({ path: join(shotsDir, name.replace(/\.html$/, ".png")), fullPage: true });
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }),
  );
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of results.violations) {
    console.log(`${name}: ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}`);
  }
  if (external.length > 0) {
    console.log(`${name}: requested outside the page: ${external.join(", ")}`);
    failed = true;
  }
  if (serious.length > 0) failed = true;
  console.log(`${name}: axe passed ${results.passes.length} checks; ${results.violations.length} violations, ${serious.length} serious or critical`);
  // Readable without CSS: the same page with its style sheet removed.
  await page.evaluate(() => document.querySelectorAll("style").forEach((s) => s.remove()));
  await page.screenshot({ path: join(shotsDir, name.replace(/\.html$/, "-no-css.png")), fullPage: true });
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
