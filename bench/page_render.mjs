// First render of an event's page in headless Chromium: a database of the
// ECB+ folder's articles, the median-sized event and the largest;
// for each, the time from navigation to the report on screen, in a fresh
// browser context each run (no cached assets): the first run while the
// server builds the report, then RUNS runs of the cached report.
// Prints each event's figures: cold, and the median and slowest warm run.
//   node bench/page_render.mjs [RUNS]   (bench/page_render.sh checks the parts;
//   CROSSCHECK=BIN measures another build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer } = await import(join(root, 'web/tests/serve.mjs'));
const { chromium } = await import(join(root, 'web/node_modules/playwright-core/index.mjs'));
const runs = Number(process.argv[2] || 9);
const crosscheck = process.env.CROSSCHECK || join(root, 'build/crosscheck');
const corpus = join(root, '../shared/corpus/ecbplus');

const work = mkdtempSync(join(tmpdir(), 'crosscheck-render-'));
const db = join(work, 'bench.db');
const ingest = spawnSync(crosscheck, ['ingest', '--db', db, corpus], { encoding: 'utf8' });
if (ingest.status !== 0) {
  console.error(ingest.stderr);
  process.exit(1);
}
const { server, base } = await startServer(crosscheck, db, join(root, 'web/dist'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const events = (await (await fetch(`${base}/api/events?limit=500`)).json()).events.sort((a, b) => a.articles - b.articles);
  const picks = [
    ['median event', events[Math.floor(events.length / 2)]],
    ['largest event', events[events.length - 1]],
  ];
  const once = async (id) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/events/${id}`);
    await page.waitForSelector('.event .report h1', { timeout: 30000 });
    const ms = performance.now() - started;
    await context.close();
    return ms;
  };
  for (const [what, e] of picks) {
    const cold = await once(e.id);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await once(e.id));
    warm.sort((a, b) => a - b);
    const f = (x) => `${Math.round(x)} ms`;
    console.log(
      `${what} (${e.articles} articles): cold ${f(cold)}; cached, ${runs} runs: median ${f(warm[Math.floor(runs / 2)])}, slowest ${f(warm[runs - 1])}`,
    );
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
