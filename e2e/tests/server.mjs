// Starts the real `pathways` binary on a free port with a fresh SQLite database, and
// launches Debian's chromium through playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotDir = resolve(here, '..', 'screenshots');

// With `demoStudents`, runs `pathways demo` instead: the demo district and its accounts.
export async function startServer({ demoStudents } = {}) {
  const binary = process.env.PATHWAYS_BIN ?? resolve(here, '../../target/debug/pathways');
  const dir = mkdtempSync(join(tmpdir(), 'pathways-e2e-'));
  const command = demoStudents ? ['demo', '--students', String(demoStudents)] : ['serve'];
  const databaseUrl = `sqlite://${join(dir, 'e2e.db')}`;
  const child = spawn(binary, [...command, '--bind', '127.0.0.1:0', '--database-url', databaseUrl], {
    cwd: resolve(here, '../..'),
    env: { ...process.env, PATHWAYS_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
    });
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/running at (http:\/\/[^\s]+?)\/\s/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready: ${seen}`)));
  });
  return {
    url,
    binary,
    databaseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// Fills in the sign-in form of the server at `url` in `lang` and submits it.
export async function signIn(page, url, lang, email, password = 'pathways-demo') {
  await page.goto(`${url}/signin?lang=${lang}`);
  await page.getByLabel(lang === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: lang === 'es' ? 'Iniciar sesión' : 'Sign in' }).click();
}

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`)
    .join('\n');
}

// Screenshots the page into e2e/screenshots/NAME.png and fails on any axe violation.
export async function checkAccessible(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  assert.equal(results.violations.length, 0, `${name}: ${describeViolations(results.violations)}`);
}

// Whether `locator` shows, waiting for it a while: a form's answer may still be on its way.
export async function shown(locator, timeout = 10000) {
  return locator.first().waitFor({ state: 'visible', timeout }).then(() => true, () => false);
}
