#!/usr/bin/env node
// Browser test of the `dyad serve` dashboard, with Debian's Chromium driven by
// playwright-core.
//
//   node tests/browser/dashboard.mjs DYAD_BINARY STORE_DB SCREENSHOT_PNG
//
// STORE_DB must hold the two seed articles (China-Japan, 2012-10-24 and
// 2018-01-28). Prints "ok   STEP" or "FAIL STEP" per check, then
// "RESULT passed failed 0". Exits 0 when it ran (whatever the checks gave) and
// 2 when the server or Chromium cannot start. The server is always stopped.

import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

const [bin, db, shot] = process.argv.slice(2);
if (!bin || !db || !shot) {
  console.error('usage: node tests/browser/dashboard.mjs DYAD_BINARY STORE_DB SCREENSHOT_PNG');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = 10000;

let passed = 0, failed = 0;
const ok = (step) => { passed++; console.log('ok   ' + step); };
const bad = (step, why) => { failed++; console.log('FAIL ' + step + (why ? ': ' + String(why).split('\n')[0] : '')); };

let server = null;
let serverLog = '';
let browser = null;

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { server.kill('SIGTERM'); } catch (_) { /* gone */ }
  }
}
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { server.kill('SIGKILL'); } catch (_) { /* gone */ }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopServer(); process.exit(2); });

async function finish(code) {
  if (browser) { try { await browser.close(); } catch (_) { /* already closed */ } }
  stopServer();
  if (server) {
    const exited = new Promise((r) => server.once('exit', r));
    await Promise.race([exited, sleep(3000)]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  if (code === 0) console.log(`RESULT ${passed} ${failed} 0`);
  process.exit(code);
}

async function giveUp(why) {
  console.log('FAIL ' + why);
  if (serverLog.trim()) console.log('server output:\n' + serverLog.trim().split('\n').slice(-20).join('\n'));
  await finish(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort() {
  for (let i = 0; i < 50; i++) {
    const p = 18000 + Math.floor(Math.random() * 2000);
    if (await portFree(p)) return p;
  }
  return 0;
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return false;
    await res.json();
    return true;
  } catch (_) { return false; }
}

// Start the server on a free port; a few tries in case the port is taken meanwhile.
async function startServer() {
  if (!fs.existsSync(bin)) await giveUp(`server: no binary ${bin}`);
  if (!fs.existsSync(db)) await giveUp(`server: no store ${db}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    if (!port) await giveUp('server: no free port in 18000-19999');
    serverLog = '';
    server = spawn(bin, ['serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.on('data', (d) => { serverLog += d; });
    server.stderr.on('data', (d) => { serverLog += d; });
    let spawnError = null;
    server.once('error', (e) => { spawnError = e; });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      if (spawnError) await giveUp(`server: cannot run ${bin}: ${spawnError.message}`);
      if (server.exitCode !== null || server.signalCode !== null) break;
      if (await answers(base + '/api/actors?q=a')) return base;
      await sleep(150);
    }
    if (server.exitCode === null && server.signalCode === null) {
      await giveUp(`server: no answer from ${base}/api/actors within 15 s`);
    }
    if (!/address|in use|bind/i.test(serverLog)) break; // a real failure, not a port race
  }
  return giveUp(`server: '${bin} serve' exited (status ${server.exitCode ?? server.signalCode})`);
}

async function main() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.log('FAIL playwright-core is not installed (npm ci): ' + e.message);
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`FAIL no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    process.exit(2);
  }

  const base = await startServer();

  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await giveUp('chromium: cannot start: ' + e.message);
  }

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const jsErrors = [];
  const external = [];
  const failedRequests = [];
  page.on('pageerror', (e) => jsErrors.push(e.message));
  page.on('console', (m) => {
    const at = m.location().url || '';
    if (m.type() === 'error' && !at.endsWith('/favicon.ico')) jsErrors.push(m.text() + (at ? ' (' + at + ')' : ''));
  });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.on('requestfailed', (r) => { if (r.failure() && !/ERR_ABORTED/.test(r.failure().errorText)) failedRequests.push(r.url() + ' ' + r.failure().errorText); });

  // A check that throws (a timeout, a missing element) fails that step only.
  const step = async (name, fn) => {
    try {
      const r = await fn();
      if (r === false) bad(name); else if (typeof r === 'string') bad(name, r); else ok(name);
    } catch (e) { bad(name, e.message); }
  };

  const waitPeriod = (p) => page.waitForSelector(`#events[data-state="ready"][data-period="${p}"] tr.event`);

  // ---- the page, loaded from a shared URL
  const url = `${base}/?source=JPN&target=CHN&both=1&by=year`;
  await step('page loads', async () => {
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || !res.ok()) return `HTTP ${res && res.status()}`;
  });
  await step('static assets served (app.js, style.css, uPlot)', async () => {
    for (const p of ['/static/app.js', '/static/style.css', '/static/uPlot.iife.min.js', '/static/uPlot.min.css']) {
      const r = await page.request.get(base + p);
      if (!r.ok()) return `${p}: HTTP ${r.status()}`;
    }
  });
  await step('controls restored from the URL', async () => {
    const v = await page.evaluate(() => ({
      s: document.querySelector('#source').value, t: document.querySelector('#target').value,
      b: document.querySelector('#both').checked, by: document.querySelector('#by').value,
    }));
    if (v.s !== 'JPN' || v.t !== 'CHN' || !v.b || v.by !== 'year') return JSON.stringify(v);
  });
  await step('chart canvas drawn in #chart', () => page.waitForSelector('#chart canvas'));
  await step('chart has data (2012 and 2018 have events)', async () => {
    await page.waitForFunction(() => window.__dyadSeries && Array.isArray(window.__dyadSeries.series));
    const s = await page.evaluate(() => window.__dyadSeries.series.map((r) => [r.period, r.events]));
    const ev = Object.fromEntries(s);
    if (!(ev['2012'] > 0 && ev['2018'] > 0)) return 'series: ' + JSON.stringify(s);
  });
  await step('chart legend labelled', async () => {
    const legend = await page.textContent('#chart .u-legend');
    for (const w of ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict', 'Net cooperation', 'Goldstein mean']) {
      if (!legend.includes(w)) return `no '${w}' in the legend`;
    }
  });
  await step('events table filled on load', () => page.waitForSelector('#events[data-state="ready"] tr.event'));
  await step('top dyads listed', async () => {
    await page.waitForSelector('#dyads li button');
    const t = await page.textContent('#dyads');
    if (!/CHN/.test(t) || !/JPN/.test(t)) return 'no China-Japan dyad in: ' + t.trim().slice(0, 80);
  });

  // ---- clicking the chart at 2012 selects it (the select is the fallback)
  let clicked = false;
  await step('clicking the chart at 2012 lists its events', async () => {
    const pt = await page.evaluate(() => {
      const u = window.__dyadChart;
      const i = window.__dyadSeries.series.findIndex((r) => r.period === '2012');
      if (!u || i < 0) return null;
      const box = u.over.getBoundingClientRect();
      return { x: box.left + u.valToPos(i, 'x'), y: box.top + box.height * 0.6 };
    });
    if (!pt) return 'no chart or no 2012';
    await page.mouse.move(pt.x, pt.y);
    await page.mouse.click(pt.x, pt.y);
    await waitPeriod('2012');
    clicked = true;
  });
  if (!clicked) {
    await step('choosing 2012 in #period lists its events', async () => {
      await page.selectOption('#period', '2012');
      await waitPeriod('2012');
    });
  }
  await step('the URL holds the period', () => {
    const u = new URL(page.url());
    const p = Object.fromEntries(u.searchParams);
    if (p.source !== 'JPN' || p.target !== 'CHN' || p.both !== '1' || p.by !== 'year' || p.period !== '2012') return page.url();
  });
  await step('only 2012 events listed', async () => {
    const dates = await page.$$eval('#events tr.event td.date', (tds) => tds.map((td) => td.textContent));
    if (!dates.length || dates.some((d) => !d.startsWith('2012'))) return dates.join(' ');
  });
  await step("a 2012 sentence contains 'met'", async () => {
    const texts = await page.$$eval('#events tr.event', (trs) => trs.map((tr) => tr.textContent));
    if (!texts.some((t) => /\bmet\b/.test(t))) return texts.join(' | ').slice(0, 120);
  });
  await step('source, verb and target highlighted (mark.src, .verb, .tgt)', async () => {
    for (const c of ['src', 'verb', 'tgt']) {
      const n = await page.$$eval(`#events tr.event .sentence .${c}`, (m) => m.length);
      if (!n) return `no .${c}`;
    }
  });
  await step("byte spans land on words (a verb mark reads 'met')", async () => {
    const verbs = await page.$$eval('#events tr.event .sentence mark.verb', (m) => m.map((x) => x.textContent));
    if (!verbs.includes('met')) return 'verbs: ' + JSON.stringify(verbs);
  });

  // ---- the article behind an event
  await step("clicking an event opens #article with 'Senkaku'", async () => {
    await page.click('#events tr.event >> nth=0');
    await page.waitForSelector('#article', { state: 'visible' });
    await page.waitForSelector('#article[data-state="ready"]');
    const t = await page.textContent('#article');
    if (!t.includes('Senkaku')) return 'article text: ' + t.slice(0, 100);
  });
  await step('the article highlights its events’ sentences', async () => {
    const n = await page.$$eval('#article-text .sent', (s) => s.length);
    const cur = await page.$$eval('#article-text .sent.current', (s) => s.length);
    const marks = await page.$$eval('#article-text .sent mark.verb', (s) => s.map((x) => x.textContent));
    if (n < 1 || cur < 1 || !marks.includes('met')) return `sentences ${n}, current ${cur}, verbs ${JSON.stringify(marks)}`;
  });
  await step('Escape closes the article', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('#article', { state: 'hidden' });
  });

  // ---- the period select, and a reload restoring it
  await step('choosing 2018 in #period lists its events', async () => {
    await page.selectOption('#period', '2018');
    await waitPeriod('2018');
    if (new URL(page.url()).searchParams.get('period') !== '2018') return page.url();
  });
  await step('reload restores the view', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#chart canvas');
    await waitPeriod('2018');
    const v = await page.$eval('#period', (s) => s.value);
    if (v !== '2018') return '#period is ' + v;
  });
  await step('the 2012 view, for the screenshot', async () => {
    await page.selectOption('#period', '2012');
    await waitPeriod('2012');
  });

  // ---- actor search
  await step("typing 'Chi' in #source suggests CHN", async () => {
    await page.click('#source', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('Chi', { delay: 60 });
    await page.waitForFunction(() => {
      const input = document.querySelector('#source');
      const list = input.list;
      return list && [...list.options].some((o) => o.value === 'CHN');
    });
  });
  await page.fill('#source', 'JPN').catch(() => {});
  await page.keyboard.press('Escape').catch(() => {});
  await page.evaluate(() => document.activeElement && document.activeElement.blur()).catch(() => {});

  await step('no request left the server', () => (external.length ? external.slice(0, 3).join(' ') : true));
  await step('no failed requests', () => (failedRequests.length ? failedRequests.slice(0, 3).join(' ') : true));
  await step('no JavaScript errors', () => (jsErrors.length ? jsErrors.slice(0, 3).join(' | ') : true));

  await step('screenshot saved', async () => {
    fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    if (!fs.statSync(shot).size) return 'empty file';
  });

  await finish(0);
}

// Never hang the harness: stop everything after two minutes.
setTimeout(() => { bad('finished within 120 s'); finish(0); }, 120000).unref();
main().catch(async (e) => { bad('test run', e.stack || e.message); await finish(0); });
