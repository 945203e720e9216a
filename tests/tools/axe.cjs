// Run axe-core on local HTML files in headless Chromium; print one JSON object per file.
// Usage: node axe.cjs CHROMIUM FILE...  (NODE_PATH must reach puppeteer-core and axe-core)
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

(async () => {
  const [chromium, ...files] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.setBypassCSP(true); // the report's CSP forbids scripts, axe included
      await page.goto("file://" + file, { waitUntil: "load" });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() =>
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
      const violations = result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
      console.log(JSON.stringify({ file, violations, passes: result.passes.length }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((error) => { console.error(String(error)); process.exit(2); });
