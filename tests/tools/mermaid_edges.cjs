// For a Mermaid flowchart SVG: which edges pass through a node box they do not connect.
// Usage: node mermaid_edges.cjs CHROMIUM FILE.svg  → JSON {nodes, edges, crossings}
const puppeteer = require("puppeteer-core");

(async () => {
  const [chromium, file] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto("file://" + file, { waitUntil: "load" });
    const found = await page.evaluate(() => {
      const boxes = {};
      for (const node of document.querySelectorAll("g.node")) {
        const match = /flowchart-(.+)-\d+$/.exec(node.id);
        const r = node.getBoundingClientRect();
        if (match) boxes[match[1]] = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      const names = Object.keys(boxes);
      const ends = (id) => {
        const body = id.replace(/^L_/, "").replace(/_\d+$/, "");
        for (const from of names) {
          if (body.startsWith(from + "_") && names.includes(body.slice(from.length + 1))) {
            return [from, body.slice(from.length + 1)];
          }
        }
        return [null, null];
      };
      const crossings = [];
      const edges = [];
      for (const path of document.querySelectorAll("path[data-edge='true']")) {
        const [from, to] = ends(path.getAttribute("data-id") || "");
        edges.push([from, to]);
        const matrix = path.getScreenCTM();
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const p = path.getPointAtLength(at).matrixTransform(matrix);
          for (const [name, b] of Object.entries(boxes)) {
            if (name === from || name === to) continue;
            if (p.x > b.left + 2 && p.x < b.right - 2 && p.y > b.top + 2 && p.y < b.bottom - 2) {
              crossings.push({ edge: [from, to], through: name });
              break;
            }
          }
        }
      }
      return { nodes: names, edges, crossings };
    });
    const unique = [...new Set(found.crossings.map((c) => JSON.stringify(c)))].map((c) => JSON.parse(c));
    console.log(JSON.stringify({ ...found, crossings: unique }));
  } finally {
    await browser.close();
  }
})().catch((error) => { console.error(String(error)); process.exit(2); });
