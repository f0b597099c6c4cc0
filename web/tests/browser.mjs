// The web page in a real browser: starts `crosscheck serve` on a fresh
// database of the demo articles (plus one article of hostile markup), drives
// Chromium headless with playwright-core, and checks what a reader does:
// list, search, open an event, select a fact and see its sentences marked in
// the articles, keyboard, citations, dark mode, a phone's width, escaping.
// Saves screenshots. Exits 77 (CTest: skipped) where Chromium, the built
// page or playwright-core is absent.
//   node browser.mjs --crosscheck BIN --web DIR --fixture DIR --out DIR
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from './serve.mjs';

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);
if (!args.web || !existsSync(join(args.web, 'index.html'))) skip(`no built web page in ${args.web} (scripts/web.sh builds it)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (scripts/web.sh installs it)');
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}
const fold = (s) => s.replace(/\s+/gu, ' ').trim();

const work = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
const out = args.out || join(work, 'screenshots');
mkdirSync(out, { recursive: true });
const db = join(work, 'test.db');
const ingest = spawnSync(args.crosscheck, ['ingest', '--db', db, args.fixture], { encoding: 'utf8' });
if (ingest.status !== 0) {
  console.error(ingest.stderr);
  process.exit(1);
}

const { server, base } = await startServer(args.crosscheck, db, args.web);

let browser;
try {
  // An article whose text is markup: it must show as text.
  const hostile = {
    id: 'hostile-1',
    outlet: 'Hostile Gazette',
    title: 'Markup <img src=x onerror="window.__xss=1">',
    text:
      'Zebra keepers in Quillfield counted <img src=x onerror="window.__xss=1"> eleven foals on Tuesday. ' +
      '<script>window.__xss=2</script> The herd grew by a third this spring, the keepers said.',
    published: '2024-05-07',
  };
  const posted = await fetch(`${base}/api/articles`, { method: 'POST', body: JSON.stringify(hostile) });
  check(posted.status === 201, `POST /api/articles stores an article (${posted.status})`);

  const events = (await (await fetch(`${base}/api/events`)).json()).events;
  const main = events.reduce((a, b) => (b.articles > a.articles ? b : a));
  const report = await (await fetch(`${base}/api/events/${main.id}`)).json();
  const hostileEvent = events.find((e) => e.id !== main.id);

  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

  // The events list.
  await page.goto(`${base}/`);
  await page.waitForSelector('.event-item a');
  const titles = await page.$$eval('.event-item a', (as) => as.map((a) => a.textContent));
  check(titles.includes(main.title), `the list shows the event "${main.title}"`);
  const meta = await page.textContent('.event-item .meta');
  check(/\d+ outlets?/u.test(meta), `each event shows its outlets (${meta})`);
  await page.screenshot({ path: join(out, 'list.png') });

  // Search through the URL: a permalink.
  const word = main.title.split(/\s+/u).find((w) => w.length > 4) || main.title;
  await page.press('body', '/');
  check(await page.evaluate(() => document.activeElement.id === 'search'), '/ focuses the search box');
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?q=/u);
  await page.waitForSelector('.event-item a');
  check((await page.$$('.event-item')).length >= 1, `searching "${word}" finds the event`);

  // An event: first render, then a fact selected.
  const started = Date.now();
  await page.goto(`${base}/events/${main.id}`);
  await page.waitForSelector('.facts .stmt');
  console.log(`first render of the event: ${Date.now() - started} ms`);
  check(report.facts.length > 0, 'the demo event has facts');
  const fact = report.facts[0];
  const ready = await page.getAttribute('.articles', 'data-ready');
  await page.click(`[data-stmt="${fact.id}"]`);
  await page.waitForFunction((r) => document.querySelector('.articles').dataset.ready !== r, ready);
  const marked = await page.$$eval('.articles mark.hl.on', (ms) => ms.map((m) => m.textContent));
  const wanted = fact.support.map((s) => fold(s.sentence));
  check(marked.length === wanted.length, `selecting a fact marks its ${wanted.length} sentences (${marked.length})`);
  check(marked.every((m) => wanted.includes(fold(m))), "each marked sentence is one of the fact's support");
  const columns = await page.$$eval('.articles .source', (cs) => cs.map((c) => c.dataset.source));
  check(
    new Set(fact.support.map((s) => s.source)).size === columns.length &&
      fact.support.every((s) => columns.includes(s.source)),
    `the supporting articles are side by side (${columns.join(', ')})`,
  );
  check((await page.getAttribute(`[data-stmt="${fact.id}"]`, 'aria-pressed')) === 'true', 'the fact shows as selected');
  await page.screenshot({ path: join(out, 'event.png') });

  // Keyboard: j moves to the next statement, Enter selects it.
  await page.focus(`[data-stmt="${fact.id}"]`);
  await page.keyboard.press('j');
  const next = await page.evaluate(() => document.activeElement.dataset.stmt);
  check(next !== undefined && next !== fact.id, `j moves to the next statement (${next})`);
  const before = await page.getAttribute('.articles', 'data-ready');
  await page.keyboard.press('Enter');
  await page.waitForFunction((r) => document.querySelector('.articles').dataset.ready !== r, before);
  check((await page.getAttribute(`[data-stmt="${next}"]`, 'aria-pressed')) === 'true', 'Enter selects it');
  await page.keyboard.press('Escape');
  check((await page.$$('.articles mark.hl.on')).length === 0, 'Escape clears the marks');

  // A summary citation shows that one outlet's sentence.
  const cite = await page.$('.summary button[data-cite]');
  if (cite) {
    const source = await cite.getAttribute('data-cite');
    const was = await page.getAttribute('.articles', 'data-ready');
    await cite.click();
    await page.waitForFunction((r) => document.querySelector('.articles').dataset.ready !== r, was);
    const shown = await page.$$eval('.articles .source', (cs) => cs.map((c) => c.dataset.source));
    check(shown.length === 1 && shown[0] === source, `a citation opens its outlet's article (${shown})`);
    check((await page.$$('.articles mark.hl.on')).length === 1, "and marks that outlet's sentence");
  } else {
    check(false, 'the summary has citations');
  }

  // Dark: the system's choice, and the button's.
  const luminance = () =>
    page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/gu).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
  check((await luminance()) > 0.6, 'light by default');
  await page.emulateMedia({ colorScheme: 'dark' });
  check((await luminance()) < 0.3, 'dark when the system is dark');
  await page.screenshot({ path: join(out, 'event-dark.png') });
  await page.click('#theme');
  check((await luminance()) > 0.6, 'the button switches back to light');

  // A phone: one column, nothing wider than the screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const small = await phone.newPage();
  await small.goto(`${base}/events/${main.id}`);
  await small.waitForSelector('.facts .stmt');
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `readable on a phone: no sideways scrolling (${overflow} px)`);
  await small.screenshot({ path: join(out, 'phone.png'), fullPage: false });

  // Markup in an article is text.
  if (hostileEvent) {
    await page.goto(`${base}/events/${hostileEvent.id}`);
    await page.waitForSelector('.articles .text');
    const text = await page.textContent('.articles .text');
    check(text.includes('<img src=x'), 'markup in an article shows as text');
    check((await page.$$('main img, main script')).length === 0, 'and makes no element');
    check((await page.evaluate(() => window.__xss)) === undefined, 'and runs nothing');
  } else {
    check(false, 'the hostile article forms an event');
  }
  check(problems.length === 0, `no script error or policy violation${problems.length ? `: ${problems.join('; ')}` : ''}`);
  console.log(`screenshots in ${out}`);
} catch (e) {
  console.error(e);
  failures++;
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
