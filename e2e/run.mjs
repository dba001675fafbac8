#!/usr/bin/env node
// End-to-end browser checks for the gongkai web server.
//
// Starts `$GONGKAI_BIN serve --demo --listen 127.0.0.1:0` in a fresh temp
// directory, drives Debian's Chromium through playwright-core, takes
// full-page screenshots, runs axe-core (WCAG 2.0/2.1 A + AA) and a few
// structural checks on each page, for a phone and a desktop viewport: no page
// may be wider than its viewport. A second pass loads every page with the
// site's own Content-Security-Policy in force and fails on any violation (an
// inline style or script the policy blocks leaves the page unstyled or
// broken); error pages must be Chinese and styled.
//
// Output: one line per check (`ok - NAME` / `not ok - NAME: REASON`), then
// exactly one summary line `N passed, N failed`. Exit 1 if anything failed.
//
// Environment:
//   GONGKAI_BIN    server binary (default ../target/release/gongkai, relative
//                  to this file's directory)
//   CHROMIUM_PATH  browser executable (default /usr/bin/chromium)

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(HERE, process.env.GONGKAI_BIN || '../target/release/gongkai');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(HERE, 'screenshots');
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STARTUP_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;
const NAV_TIMEOUT_MS = 20_000;
const ROLES = ['admin', 'office', 'editor', 'reviewer', 'leader'];

const VIEWPORTS = [
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true } },
  { name: 'desktop', options: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 } },
];
const ANON_PAGES = [
  { name: 'home', path: '/' },
  { name: 'login', path: '/login' },
  { name: 'documents', path: '/documents' },
  { name: 'document', path: '/documents/1' },
  { name: 'documents-topic', path: '/documents?topic=' + encodeURIComponent('行政事务') },
  { name: 'search', path: '/search?q=' + encodeURIComponent('政务公开') },
  { name: 'search-year', path: '/search?q=' + encodeURIComponent('政务公开') + '&year=2020' },
  { name: 'platform', path: '/xxgk' },
  { name: 'platform-guide', path: '/xxgk/guide' },
  { name: 'platform-rules', path: '/xxgk/rules' },
  { name: 'platform-statutory', path: '/xxgk/statutory' },
  { name: 'platform-column', path: '/xxgk/statutory/budgets' },
  { name: 'platform-column-empty', path: '/xxgk/statutory/licensing' },
  { name: 'platform-organization', path: '/xxgk/organization' },
  { name: 'platform-annual-report', path: '/xxgk/annual-reports/1/2025' },
  { name: 'platform-reports', path: '/xxgk/annual-reports' },
  { name: 'request-form', path: '/requests/new' },
  { name: 'request-track', path: '/requests/track' },
  { name: 'consultations', path: '/consultations' },
  { name: 'consultation-open', path: '/consultations/1' },
  { name: 'consultation-short', path: '/consultations/2' },
  { name: 'consultation-closed', path: '/consultations/3' },
  { name: 'qa', path: '/qa' },
  { name: 'qa-answers', path: '/qa?q=' + encodeURIComponent('生孩子能领什么补贴') },
  { name: 'qa-none', path: '/qa?q=' + encodeURIComponent('今天天气怎么样') },
  { name: 'messages', path: '/messages' },
  { name: 'message-form', path: '/messages/new' },
  { name: 'message-track', path: '/messages/track' },
];
const CONSOLE_PAGES = [
  { name: 'console', path: '/console' },
  { name: 'console-orgs', path: '/console/orgs' },
  { name: 'console-audit', path: '/console/audit' },
  { name: 'console-org', path: '/console/orgs/2' },
  { name: 'console-org-new', path: '/console/orgs/new' },
  { name: 'console-orgs-import', path: '/console/orgs/import' },
  { name: 'console-users', path: '/console/users' },
  { name: 'console-password', path: '/console/password' },
  { name: 'console-documents', path: '/console/documents' },
  { name: 'console-document', path: '/console/documents/1' },
  { name: 'console-document-review', path: '/console/documents/6' },
  { name: 'console-pii', path: '/console/pii' },
  { name: 'console-columns', path: '/console/columns' },
  { name: 'console-platform-pages', path: '/console/platform-pages' },
  { name: 'console-platform-page', path: '/console/platform-pages/guide' },
  { name: 'console-compliance', path: '/console/compliance' },
  { name: 'console-compliance-unit', path: '/console/compliance/units/2' },
  { name: 'console-assessment', path: '/console/assessment' },
  { name: 'console-assessment-results', path: '/console/assessment/1' },
  { name: 'console-assessment-unit', path: '/console/assessment/1/units/2' },
  { name: 'console-assessment-edit', path: '/console/assessment/1/edit' },
  { name: 'console-document-new', path: '/console/documents/new' },
  { name: 'console-document-edit', path: '/console/documents/1/edit' },
  { name: 'console-cleanup', path: '/console/cleanup' },
  { name: 'console-interpretations', path: '/console/interpretations' },
  { name: 'console-ledgers', path: '/console/ledgers' },
  { name: 'console-ledger', path: '/console/ledgers/1' },
  { name: 'console-ledger-draft', path: '/console/ledgers/5' },
  { name: 'console-ledger-carry-over', path: '/console/ledgers/1/take?link=carry-over' },
  { name: 'console-ledger-superior', path: '/console/ledgers/1/take?link=superior' },
  { name: 'console-tasks', path: '/console/tasks' },
  { name: 'console-tasks-due', path: '/console/tasks?within=10' },
  { name: 'console-task', path: '/console/tasks/1' },
  { name: 'console-task-edit', path: '/console/tasks/1/edit' },
  { name: 'console-task-shared', path: '/console/tasks/2' },
  { name: 'console-requests', path: '/console/requests' },
  { name: 'console-request-new', path: '/console/requests/new' },
  { name: 'console-request', path: '/console/requests/2' },
  { name: 'console-request-replied', path: '/console/requests/3' },
  { name: 'console-letter-extension', path: '/console/requests/2/letters/extension_notice' },
  { name: 'console-letter-reply', path: '/console/requests/3/letters/reply.disclosed' },
  { name: 'console-letter-templates', path: '/console/letter-templates' },
  { name: 'console-annual-report', path: '/console/reports/annual' },
  { name: 'console-annual-report-units', path: '/console/reports/annual?units=1' },
  { name: 'console-consultations', path: '/console/consultations' },
  { name: 'console-consultation-new', path: '/console/consultations/new' },
  { name: 'console-consultation-open', path: '/console/consultations/1' },
  { name: 'console-consultation-closed', path: '/console/consultations/3' },
  { name: 'console-qa', path: '/console/qa' },
  { name: 'console-messages', path: '/console/messages' },
  { name: 'console-message-open', path: '/console/messages/2' },
  { name: 'console-message-replied', path: '/console/messages/3' },
  { name: 'console-message-new', path: '/console/messages/1' },
  { name: 'console-message-stats', path: '/console/messages/stats' },
  { name: 'console-mailboxes', path: '/console/mailboxes' },
  { name: 'console-mailbox', path: '/console/mailboxes/1' },
];

// Pages that answer an error: Chinese, styled, with their status.
const ERROR_PAGES = [
  { name: 'error-bad-id', path: '/documents/abc', status: 400 },
  { name: 'error-not-found', path: '/no-such-page', status: 404 },
  { name: 'error-no-document', path: '/documents/999999', status: 404 },
];

// ---------------------------------------------------------------- reporting

let passed = 0;
let failed = 0;
function ok(name) {
  passed++;
  console.log(`ok - ${name}`);
}
function notOk(name, reason) {
  failed++;
  // A reason may carry a multi-line detail block (e.g. the server's stderr)
  // after a `\n--- ` separator: it is printed below as `# ` comment lines.
  const text = String(reason instanceof Error ? reason.message : reason);
  const cut = text.indexOf('\n--- ');
  const head = cut >= 0 ? text.slice(0, cut) : text;
  console.log(`not ok - ${name}: ${oneLine(head)}`);
  if (cut >= 0) for (const l of text.slice(cut + 1).split('\n')) console.log(`#   ${l}`);
}
function check(name, reason) {
  // reason: null/undefined/'' means pass, anything else is the failure reason
  if (reason) notOk(name, reason);
  else ok(name);
  return !reason;
}
function oneLine(s) {
  return String(s instanceof Error ? s.message : s).replace(/\s*\n\s*/g, ' | ').slice(0, 4000);
}

// ---------------------------------------------------------------- server

let server = null; // { child, stderr: string[], exited: Promise }
let tmpDir = null;

function startServer() {
  if (!fs.existsSync(BIN)) {
    throw new Error(`server binary not found at ${BIN} (build it with \`cargo build --release\` or set GONGKAI_BIN)`);
  }
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  const child = spawn(BIN, ['serve', '--demo', '--listen', '127.0.0.1:0'], {
    cwd: tmpDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so signals also reach children if GONGKAI_BIN is a wrapper script.
    detached: true,
  });
  const stderr = [];
  let stderrLen = 0;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    // keep the last ~64 KiB of stderr for error reports
    stderr.push(d);
    stderrLen += d.length;
    while (stderrLen > 65536 && stderr.length > 1) stderrLen -= stderr.shift().length;
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  server = { child, stderr, exited, exitInfo: null };
  exited.then((info) => { server.exitInfo = info; });

  return new Promise((resolve, reject) => {
    const accounts = {};
    const urls = [];
    let done = false;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    const stderrText = () => server.stderr.join('').trimEnd() || '(empty)';
    const timer = setTimeout(() => {
      finish(new Error(
        `server did not print its admin demo account and listening URL within ${STARTUP_TIMEOUT_MS / 1000} s ` +
        `(accounts seen: ${Object.keys(accounts).join(', ') || 'none'}; URLs seen: ${urls.join(', ') || 'none'})\n` +
        `--- server stderr ---\n${stderrText()}`));
    }, STARTUP_TIMEOUT_MS);
    child.on('error', (e) => finish(new Error(`could not start ${BIN}: ${e.message}`)));
    exited.then(({ code, signal }) => finish(new Error(
      `server exited during startup (code ${code}, signal ${signal})\n--- server stderr ---\n${stderrText()}`)));

    const rl = readline.createInterface({ input: child.stdout, crlfDelay: Infinity });
    rl.on('line', (raw) => {
      const line = raw.trim();
      let m = /^demo-account\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(line);
      if (m) {
        accounts[m[1]] = { username: m[2], password: m[3] };
      } else if ((m = /^listening on (https?:\/\/\S+?)\/?$/.exec(line))) {
        urls.push(m[1]);
      }
      if (accounts.admin && urls.length > 0) finish(null, { baseUrl: urls[0], urls, accounts });
    });
    // readline keeps consuming stdout after startup, so the pipe never fills up.
  });
}

async function stopServer() {
  if (!server) return null;
  const { child } = server;
  const signal = (sig) => {
    try { process.kill(-child.pid, sig); } catch { try { child.kill(sig); } catch { /* gone */ } }
  };
  let result;
  if (server.exitInfo) {
    result = { ...server.exitInfo, already: true };
  } else {
    signal('SIGTERM');
    const t = new Promise((r) => setTimeout(() => r(null), SHUTDOWN_TIMEOUT_MS));
    const info = await Promise.race([server.exited, t]);
    if (info) {
      result = { ...info, graceful: true };
    } else {
      signal('SIGKILL');
      result = { ...(await server.exited), graceful: false };
    }
  }
  if (tmpDir) {
    try { fs.rmSync(tmpDir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
  return result;
}

// Last-resort cleanup if we are interrupted or crash.
process.on('exit', () => {
  if (server && !server.exitInfo) {
    try { process.kill(-server.child.pid, 'SIGKILL'); } catch { /* ignore */ }
    try { server.child.kill('SIGKILL'); } catch { /* ignore */ }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`# interrupted by ${sig}`);
    process.exit(130);
  });
}

// ---------------------------------------------------------------- page checks

function pathOf(url) {
  try { return new URL(url).pathname; } catch { return url; }
}
function pathAndQuery(url) {
  try { const u = new URL(url); return u.pathname + u.search; } catch { return url; }
}

async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
}

function formatViolations(vs) {
  return vs
    .map((v) => `${v.id} (${v.impact}) ${v.help} [${v.count} node(s): ${v.targets.join(', ')}]`)
    .join('; ');
}

// Structural + axe checks on the page as currently loaded. `label` is e.g. "desktop home".
async function checkLoadedPage(page, label, shotName) {
  try {
    await page.screenshot({ path: path.join(SHOTS, `${shotName}.png`), fullPage: true });
    ok(`${label}: screenshot ${path.relative(HERE, path.join(SHOTS, shotName + '.png'))}`);
  } catch (e) {
    notOk(`${label}: screenshot`, e);
  }

  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    mains: document.querySelectorAll('main').length,
    h1s: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent.trim()),
  }));
  check(`${label}: <html lang="zh-CN">`,
    facts.lang === 'zh-CN' ? null : `lang is ${facts.lang === null ? 'missing' : JSON.stringify(facts.lang)}`);
  check(`${label}: exactly one <main>`, facts.mains === 1 ? null : `found ${facts.mains} <main> elements`);
  check(`${label}: has an <h1>`,
    facts.h1s.length === 0 ? 'no <h1>' : facts.h1s.every((t) => t === '') ? '<h1> is empty' : null);
  check(`${label}: no wider than the viewport`, await overflow(page));
  check(`${label}: no text squeezed to one character per line`, await squeezed(page));

  // Skip link: the first Tab from the top of the page must land on it.
  try {
    // Start sequential focus navigation at the very top of <body>: focus a
    // temporary non-tabbable element placed first, then press Tab once.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const probe = document.createElement('span');
      probe.id = '__e2e_focus_probe';
      probe.tabIndex = -1;
      document.body.insertBefore(probe, document.body.firstChild);
      probe.focus();
    });
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el.id === '__e2e_focus_probe') return { tag: null };
      const href = el.getAttribute('href') || '';
      let target = null;
      if (href.includes('#')) {
        const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
        const t = id && document.getElementById(id);
        if (t) target = { tag: t.tagName.toLowerCase(), isOrInMain: !!t.closest('main') || !!t.querySelector('main') };
      }
      return { tag: el.tagName.toLowerCase(), href, text: (el.textContent || '').trim(), aria: el.getAttribute('aria-label') || '', target };
    });
    let reason = null;
    if (!f.tag) reason = 'Tab focused nothing';
    else if (f.tag !== 'a') reason = `first focusable is <${f.tag}> (text ${JSON.stringify(f.text)}), not a skip link <a>`;
    else {
      const looksLikeSkip = /#main$/.test(f.href) || /跳转|跳到|跳至|跳过/.test(f.text + f.aria);
      if (!looksLikeSkip) reason = `first focusable is <a href=${JSON.stringify(f.href)}> ${JSON.stringify(f.text)}, not a skip link (want href ending #main or text with 跳转/跳到)`;
      else if (!f.href.includes('#')) reason = `skip link href ${JSON.stringify(f.href)} is not an in-page fragment`;
      else if (!f.target) reason = `skip link target ${JSON.stringify(f.href)} does not exist on the page`;
      else if (!f.target.isOrInMain) reason = `skip link target ${JSON.stringify(f.href)} is <${f.target.tag}>, which is neither <main> nor inside/around it`;
    }
    check(`${label}: skip link is the first focusable element`, reason);
  } catch (e) {
    notOk(`${label}: skip link is the first focusable element`, e);
  } finally {
    await page.evaluate(() => document.getElementById('__e2e_focus_probe')?.remove()).catch(() => {});
  }

  try {
    const vs = await runAxe(page);
    check(`${label}: axe ${AXE_TAGS.join('+')}`, vs.length ? `${vs.length} violation(s): ${formatViolations(vs)}` : null);
  } catch (e) {
    notOk(`${label}: axe ${AXE_TAGS.join('+')}`, e);
  }
}

// The page's width against its viewport: null when it fits, else what sticks out.
async function overflow(page) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const total = document.documentElement.scrollWidth;
    if (total <= width) return null;
    // The outermost elements that reach past the right edge, for the report.
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      const inScroller = el.parentElement && el.parentElement.closest('.table-wrap');
      if (box.right > width + 1 && !inScroller && !(el.parentElement && el.parentElement !== document.body && el.parentElement.getBoundingClientRect().right > width + 1)) {
        wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (${Math.round(box.right)} px)`);
      }
      if (wide.length >= 3) break;
    }
    return { width, total, wide };
  });
  return r ? `page is ${r.total} px wide in a ${r.width} px viewport: ${r.wide.join(', ') || 'unknown element'}` : null;
}

// Text squeezed into a column one character wide (a caption or cell left with no
// width on a phone): null when there is none.
async function squeezed(page) {
  const found = await page.evaluate(() => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
      if (own.length < 4) continue;
      const box = el.getBoundingClientRect();
      // Visually hidden text (a 1 px clipped box, for screen readers) is not shown.
      let hidden = false;
      for (let a = el; a && a !== document.body; a = a.parentElement) {
        if (a.getBoundingClientRect().width <= 2) { hidden = true; break; }
      }
      if (hidden) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) || 16;
      if (box.width > 0 && box.width < 1.8 * size && box.height > 3 * size) out.push(`${el.tagName.toLowerCase()} "${own.slice(0, 12)}" (${Math.round(box.width)}×${Math.round(box.height)} px)`);
      if (out.length >= 3) break;
    }
    return out;
  });
  return found.length ? found.join(', ') : null;
}

// Navigate and run all checks. Returns false if the page could not be loaded.
async function visit(page, baseUrl, vp, pg) {
  const label = `${vp} ${pg.name} (${pg.path})`;
  let resp;
  try {
    resp = await page.goto(baseUrl + pg.path, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
  } catch (e) {
    notOk(`${label}: loads`, e);
    return false;
  }
  const status = resp ? resp.status() : 0;
  const finalPath = pathAndQuery(page.url());
  const loaded = check(`${label}: loads with HTTP 200`,
    status !== 200 ? `HTTP ${status} (final URL ${page.url()})`
      : finalPath !== pg.path ? `redirected to ${finalPath}` : null);
  if (!loaded) return false;
  await checkLoadedPage(page, label, `${vp}-${pg.name}`);
  return true;
}

async function login(page, baseUrl, vp, admin) {
  const name = `${vp} login through the form as demo admin redirects to /console`;
  try {
    await page.goto(baseUrl + '/login', { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    const form = await page.evaluate(() => {
      const labelled = (el) => !!el && ((el.labels && el.labels.length > 0 && Array.from(el.labels).some((l) => l.textContent.trim()))
        || !!el.getAttribute('aria-labelledby') || !!(el.getAttribute('aria-label') || '').trim());
      const u = document.querySelector('input[name="username"]');
      const p = document.querySelector('input[name="password"]');
      const c = document.querySelector('input[name="csrf_token"]');
      return {
        username: !!u, usernameLabelled: labelled(u),
        password: !!p, passwordLabelled: labelled(p), passwordType: p && p.type,
        csrf: !!c, csrfHidden: !!c && c.type === 'hidden', csrfValue: !!c && !!c.value,
        sameForm: !!u && !!p && !!c && u.form && u.form === p.form && p.form === c.form,
      };
    });
    const problems = [];
    if (!form.username) problems.push('no input[name=username]');
    else if (!form.usernameLabelled) problems.push('username input has no label');
    if (!form.password) problems.push('no input[name=password]');
    else {
      if (!form.passwordLabelled) problems.push('password input has no label');
      if (form.passwordType !== 'password') problems.push(`password input has type=${form.passwordType}`);
    }
    if (!form.csrf) problems.push('no input[name=csrf_token]');
    else {
      if (!form.csrfHidden) problems.push('csrf_token input is not type=hidden');
      if (!form.csrfValue) problems.push('csrf_token input is empty');
    }
    if (form.username && form.password && form.csrf && !form.sameForm) problems.push('username, password and csrf_token are not in the same <form>');
    check(`${vp} login form has labelled username/password fields and a hidden csrf_token`, problems.join('; '));

    const button = page.getByRole('button', { name: '登录', exact: true });
    const n = await button.count();
    if (n !== 1) throw new Error(`expected one button named "登录", found ${n}`);

    await page.locator('input[name="username"]').fill(admin.username);
    await page.locator('input[name="password"]').fill(admin.password);
    const navigated = page.waitForEvent('framenavigated', {
      predicate: (f) => f === page.mainFrame(),
      timeout: NAV_TIMEOUT_MS,
    });
    await button.click();
    await navigated;
    await page.waitForLoadState('load', { timeout: NAV_TIMEOUT_MS });
    const p = pathOf(page.url());
    if (p !== '/console') {
      const hint = await page.evaluate(() => {
        const a = document.querySelector('[role="alert"], .error, .flash, h1');
        return a ? a.textContent.trim().slice(0, 200) : '';
      }).catch(() => '');
      throw new Error(`after clicking 登录 the URL is ${page.url()}${hint ? ` (page says: ${JSON.stringify(hint)})` : ''}`);
    }
    ok(name);
    return true;
  } catch (e) {
    notOk(name, e);
    return false;
  }
}

// Toggle high-contrast mode from its control on `/`, then check that state.
async function highContrast(browser, baseUrl) {
  const vp = VIEWPORTS.find((v) => v.name === 'desktop');
  const ctx = await browser.newContext({ ...vp.options, bypassCSP: true });
  const page = await ctx.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const label = `${vp.name} home-high-contrast (/)`;
  try {
    const resp = await page.goto(baseUrl + '/', { waitUntil: 'load' });
    if (!resp || resp.status() !== 200) throw new Error(`GET / returned HTTP ${resp ? resp.status() : 0}`);
    const control = page
      .getByRole('link', { name: /对比|contrast/i })
      .or(page.getByRole('button', { name: /对比|contrast/i }))
      .first();
    if ((await control.count()) === 0) {
      throw new Error('no link or button whose accessible name contains 对比 or "contrast" on /');
    }
    const kind = await control.evaluate((el) => {
      const tag = el.tagName.toLowerCase();
      if (tag === 'a') return el.getAttribute('href') ? 'link' : 'link without href';
      if (tag === 'button' || tag === 'input') {
        return el.form && (el.type === 'submit' || tag === 'button' && !el.getAttribute('type')) ? 'form submit button' : `${tag} outside a form / not a submit`;
      }
      return `<${tag} role=${el.getAttribute('role')}>`;
    });
    check(`${label}: high-contrast control works without JS (link or form submit button)`,
      kind === 'link' || kind === 'form submit button' ? null : `control is a ${kind}`);

    const snapshot = () => page.evaluate(() => {
      const s = (el) => {
        const cs = getComputedStyle(el);
        return [el.className, JSON.stringify(Object.assign({}, el.dataset)), el.getAttribute('style') || '', cs.color, cs.backgroundColor].join('|');
      };
      return s(document.documentElement) + '||' + s(document.body);
    });
    const before = await snapshot();
    const nav = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 5000 }).catch(() => null);
    await control.click();
    await nav;
    await page.waitForLoadState('load');
    const after = await snapshot();
    check(`${label}: toggling high contrast changes the page`,
      before === after ? 'no change in <html>/<body> class, data-*, style, color or background after clicking the control' : null);

    // Screenshots and checks describe the page at `/` in high-contrast mode.
    if (pathOf(page.url()) !== '/') await page.goto(baseUrl + '/', { waitUntil: 'load' });
    await checkLoadedPage(page, label, `${vp.name}-home-high-contrast`);
  } catch (e) {
    notOk(`${label}: toggle high contrast`, e);
  } finally {
    await ctx.close();
  }
}

// Every page again with the site's CSP in force (no bypass): any violation fails.
async function cspPass(browser, baseUrl, admin) {
  const vp = VIEWPORTS.find((v) => v.name === 'desktop');
  const ctx = await browser.newContext({ ...vp.options });
  await ctx.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ' (' + e.sample.slice(0, 60) + ')' : ''}`);
    });
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const consoleErrors = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleErrors.push(m.text()); });
  const visitUnderCsp = async (pg) => {
    consoleErrors.length = 0;
    const label = `csp ${pg.name} (${pg.path})`;
    try {
      await page.goto(baseUrl + pg.path, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      const violations = await page.evaluate(() => window.__cspViolations || []);
      const styled = await page.evaluate(() => Array.from(document.styleSheets).some((s) => { try { return s.cssRules.length > 0; } catch { return true; } }));
      const all = [...violations, ...consoleErrors.map((t) => t.slice(0, 200))];
      check(`${label}: no Content-Security-Policy violation`, all.length ? all.slice(0, 3).join('; ') : null);
      check(`${label}: styled by the site's stylesheet`, styled ? null : 'no stylesheet applied');
    } catch (e) {
      notOk(`${label}: loads under the CSP`, e);
    }
  };
  try {
    for (const pg of ANON_PAGES) await visitUnderCsp(pg);
    for (const pg of ERROR_PAGES) await visitUnderCsp(pg);
    if (await login(page, baseUrl, 'csp', admin)) {
      for (const pg of CONSOLE_PAGES) await visitUnderCsp(pg);
    }
  } finally {
    await ctx.close();
  }
}

// Error pages: the right status, Chinese text and title, the site's stylesheet.
async function errorPages(browser, baseUrl) {
  const vp = VIEWPORTS.find((v) => v.name === 'phone');
  const ctx = await browser.newContext({ ...vp.options });
  const page = await ctx.newPage();
  try {
    for (const pg of ERROR_PAGES) {
      const label = `${vp.name} ${pg.name} (${pg.path})`;
      try {
        const resp = await page.goto(baseUrl + pg.path, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        const status = resp ? resp.status() : 0;
        check(`${label}: answers HTTP ${pg.status}`, status === pg.status ? null : `HTTP ${status}`);
        const facts = await page.evaluate(() => ({
          title: document.title,
          text: document.body ? document.body.innerText : '',
          lang: document.documentElement.getAttribute('lang'),
          sheet: !!document.querySelector('link[rel="stylesheet"][href="/static/site.css"]'),
        }));
        const cjk = /[\u4e00-\u9fff]/;
        const english = /(Not Found|Bad Request|Invalid URL|Cannot parse|Method Not Allowed)/;
        const problems = [];
        if (facts.lang !== 'zh-CN') problems.push(`lang ${facts.lang}`);
        if (!cjk.test(facts.title) || english.test(facts.title)) problems.push(`title ${JSON.stringify(facts.title)}`);
        if (!cjk.test(facts.text) || english.test(facts.text)) problems.push(`text ${JSON.stringify(facts.text.slice(0, 120))}`);
        if (!facts.sheet) problems.push('without the site stylesheet');
        check(`${label}: Chinese and styled`, problems.join('; '));
        check(`${label}: no wider than the viewport`, await overflow(page));
      } catch (e) {
        notOk(`${label}: loads`, e);
      }
    }
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

  let browser = null;
  let startupFailed = false;
  try {
    let info;
    try {
      info = await startServer();
    } catch (e) {
      notOk('server starts and prints demo accounts and its URL', e);
      startupFailed = true;
      return;
    }
    const missingRoles = ROLES.filter((r) => !info.accounts[r]);
    ok(`server starts at ${info.baseUrl}`);
    check('server prints a demo account for every role', missingRoles.length ? `missing: ${missingRoles.join(', ')}` : null);

    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    } catch (e) {
      notOk(`browser launches (${CHROMIUM})`, e);
      return;
    }

    for (const vp of VIEWPORTS) {
      // bypassCSP: axe is injected as an inline script, which a strict CSP would block.
      const ctx = await browser.newContext({ ...vp.options, bypassCSP: true });
      const page = await ctx.newPage();
      page.setDefaultTimeout(NAV_TIMEOUT_MS);
      try {
        for (const pg of ANON_PAGES) await visit(page, info.baseUrl, vp.name, pg);
        const loggedIn = await login(page, info.baseUrl, vp.name, info.accounts.admin);
        for (const pg of CONSOLE_PAGES) {
          if (loggedIn) await visit(page, info.baseUrl, vp.name, pg);
          else notOk(`${vp.name} ${pg.name} (${pg.path})`, 'not checked: login failed');
        }
      } finally {
        await ctx.close();
      }
    }

    await highContrast(browser, info.baseUrl);
    await errorPages(browser, info.baseUrl);
    await cspPass(browser, info.baseUrl, info.accounts.admin);
  } catch (e) {
    notOk('suite ran to completion', e && e.stack ? e.stack : e);
  } finally {
    if (browser) await browser.close().catch(() => {});
    const stop = await stopServer();
    if (stop && !startupFailed) {
      let reason = null;
      if (stop.already) reason = `server had already exited before the end of the suite (code ${stop.code}, signal ${stop.signal})`;
      else if (!stop.graceful) reason = `server did not exit within ${SHUTDOWN_TIMEOUT_MS / 1000} s of SIGTERM; killed`;
      else if (stop.code !== 0) reason = `server exited with code ${stop.code}, signal ${stop.signal} after SIGTERM`;
      if (reason && server) reason += `\n--- server stderr (tail) ---\n${server.stderr.join('').trimEnd().split('\n').slice(-20).join('\n')}`;
      check('server shuts down cleanly on SIGTERM', reason);
    }
    console.log(`# took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), SHOTS) || '.'}`);
  }
}

await main();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
