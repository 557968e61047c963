/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { runQueuedExports } from '../../server/jobs/recurring-jobs.js';
import { loadConfig } from '../../server/config.js';
import { startHttpServer, type RunningServer } from '../../server/http/http-server.js';
import { seedDemo } from '../../seeds/demo.js';
import { seedDemoYears, type YearSpec } from '../../seeds/year.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Debian's Chromium (apt-get install -y chromium); `npx playwright install` cannot download on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run wherever Chromium is; in CI its absence is a failure, elsewhere a skip that says so. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium).`);
  console.log(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  return false;
}

export const ARTIFACTS = join('test-artifacts', 'screenshots');

/** A small demo year (few orders, the same story) served with the built web app on a free port. */
export interface WebWorld {
  base: string;
  browser: Browser;
  /** Requests the pages made to any host but the server: none may happen. */
  foreign: string[];
  page(viewport?: { width: number; height: number }): Promise<Page>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email: string, password?: string): Promise<string>;
  /** What the `run-exports` job does on its next run (the world runs no scheduler): answers the files made. */
  runQueuedExports(): Promise<number>;
  close(): Promise<void>;
}

const SMALL_YEAR: YearSpec = { seed: 2026, ordersPerMonth: 3, volume: 1 };

/**
 * The web app as npm start serves it: built once if web/dist is missing. Test files run in parallel workers and Vite
 * refuses a second build of one project at a time, so the first worker to take the lock (a directory: made
 * atomically) builds, and the others wait for its page. A lock older than five minutes is a build that died.
 */
export function ensureWebBuilt(): void {
  const page = join('web', 'dist', 'index.html');
  const lock = join('web', '.dist-building');
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  while (!existsSync(page)) {
    try {
      mkdirSync(lock);
    } catch {
      const taken = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (taken !== undefined && Date.now() - taken > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(250);
      continue;
    }
    try {
      execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], {
        stdio: 'inherit',
        // Jest sets NODE_ENV=test, which would make Vite bundle React's development build: build what visitors get.
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export async function startWebWorld(today = new Date()): Promise<WebWorld> {
  ensureWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const db: TestDatabase = await createTestDatabase();
  await seedDemo(db.orm.em.fork() as EntityManager, { today });
  const config = { ...loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', RATE_LIMITS: 'false', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'kl-web-uploads-')) }), port: 0 };
  const app = await createApp(config, db.orm);
  await seedDemoYears({ services: app.services, config, em: () => db.orm.em.fork() as EntityManager }, today, SMALL_YEAR);
  const server: RunningServer = await startHttpServer(app);
  const base = server.url.replace('/graphql', '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreign: string[] = [];
  const origin = new URL(base).host;
  const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  return {
    base,
    browser,
    foreign,
    graphql,
    async page(viewport = { width: 1366, height: 768 }) {
      const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      // The network is the server and nothing else: anything else is recorded and refused.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.host === origin || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        foreign.push(url.href);
        return route.abort();
      });
      const page = await context.newPage();
      const pending = new Set<Request>();
      inFlight.set(page, pending);
      page.on('request', (r) => pending.add(r));
      page.on('requestfinished', (r) => pending.delete(r));
      page.on('requestfailed', (r) => pending.delete(r));
      return page;
    },
    async login(email: string, password = 'katalog123') {
      return (await graphql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }`, { e: email, p: password })).login.token;
    },
    runQueuedExports: () => runQueuedExports(app, () => db.orm.em.fork() as EntityManager, 5),
    async close() {
      await browser.close();
      await server.close();
      await db.dispose();
    },
  };
}

/** The requests each page has sent and not yet seen answered, for a failure to name. */
const inFlight = new WeakMap<Page, Set<Request>>();
const requestName = (r: Request) => `${r.method()} ${new URL(r.url()).pathname} ${r.postData()?.match(/"operationName":"(\w+)"/)?.[1] ?? ''}`.trim();

/** Signs in through the login page as a person would, and waits until the app has left it (for the role's home). */
export async function signIn(w: WebWorld, page: Page, email: string, password = 'katalog123'): Promise<void> {
  await page.goto(`${w.base}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname !== '/masuk');
}

/**
 * Waits for the success notice `text` of the action just taken. If it never comes, the failure quotes the form's alert
 * (the API's refusal), not only the notice it did not see. An alert may be the previous attempt's, still shown while
 * this one runs, so it does not end the wait.
 */
export async function expectNotice(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor().catch(async (error: Error) => {
    const refusal = page.getByRole('alert');
    if (await refusal.count()) throw new Error(`Expected the notice "${text}"; the page says: ${await refusal.first().textContent()}`);
    // No refusal either: the form never went (a field the browser holds invalid) or its request never came back.
    const invalid = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input:invalid, select:invalid')].map((el) => `${el.name}="${el.value}": ${el.validationMessage}`));
    throw new Error(`Expected the notice "${text}"; fields the browser holds invalid: [${invalid.join('; ')}]; requests unanswered: [${[...(inFlight.get(page) ?? [])].map(requestName).join('; ')}]; ${error.message}`);
  });
}

/** Every page: a title of its own, a main landmark, and a label for every field. */
export async function expectBasics(page: Page, title: RegExp) {
  // The previous page's title stays until the new page has its data, so wait for this page's own (or time out and say so).
  await page.waitForFunction(([source, flags]) => new RegExp(source, flags).test(document.title), [title.source, title.flags], { timeout: 10_000 }).catch(() => undefined);
  expect(await page.title()).toMatch(title);
  expect(await page.locator('main').count()).toBe(1);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')].filter((el) => !el.closest('label') && !el.getAttribute('aria-label') && !(el.id && document.querySelector(`label[for="${el.id}"]`))).length,
  );
  expect(unlabelled).toBe(0);
}

/** Each page as a test artifact; with UPDATE_DOCS_SCREENSHOTS=1 also the first screen of it for the README. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS) await page.screenshot({ path: join('docs', 'screenshots', `${name}.png`) });
}
