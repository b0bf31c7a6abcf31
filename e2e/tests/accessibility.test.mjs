// Every page in English and Spanish passes axe-core with no violations; a screenshot of
// each is saved for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible } from './server.mjs';

const PAGES = [
  ['home', '/'],
  ['explore', '/explore'],
  ['explore-results', '/explore?q=I+like+helping+people+but+I+hate+blood'],
  ['explore-results-es', '/explore?q=me+gusta+arreglar+carros+y+dibujar'],
  ['explore-middle-school', '/explore?q=I+like+animals+and+being+outside&mode=ms'],
  ['explore-no-signal', '/explore?q=idk'],
  ['profiler', '/explore/profiler'],
  ['profiler-screen', '/explore/profiler/1'],
  ['clusters', '/clusters'],
  ['cluster', '/clusters/healthcare-human-services'],
  ['subcluster', '/subclusters/physical-health'],
  ['subcluster-unverified', '/subclusters/unmanned-vehicle-technology'],
  ['occupations', '/occupations'],
  ['occupations-search', '/occupations?q=nurse'],
  ['occupation', '/occupations/29-1141.00'],
  ['practices', '/practices'],
  ['legacy', '/legacy'],
  ['about', '/about'],
  ['api-docs', '/api/docs'],
  ['not-found', '/no-such-page'],
];

let server;
let browser;

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of ['en', 'es']) {
  for (const [name, path] of PAGES) {
    test(`${name} in ${lang} has no axe violations`, async () => {
      const context = await browser.newContext({ locale: lang === 'es' ? 'es-MX' : 'en-US' });
      const page = await context.newPage();
      const separator = path.includes('?') ? '&' : '?';
      const response = await page.goto(`${server.url}${path}${separator}lang=${lang}`);
      assert.equal(response.status(), name === 'not-found' ? 404 : 200);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await checkAccessible(page, `${name}-${lang}`);
      await context.close();
    });
  }
}
