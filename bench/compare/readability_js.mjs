// Times Mozilla Readability.js (with jsdom) over every page of a folder.
// Usage: node readability_js.mjs DIR_OF_HTML_FILES
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
const quiet = new VirtualConsole();
let chars = 0;
const start = process.hrtime.bigint();
for (const f of files) {
  const html = readFileSync(join(dir, f), "utf8");
  const dom = new JSDOM(html, { virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  chars += article && article.textContent ? article.textContent.length : 0;
  dom.window.close();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ tool: "Readability.js", pages: files.length, seconds, chars }));
