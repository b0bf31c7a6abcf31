// Explore as a student uses it: typing what they like, and taking the Interest Profiler to
// the end, in English and Spanish; every page checked with axe-core. The pages carry no
// scripts of their own; one run without JavaScript proves they need none (axe itself needs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible } from './server.mjs';

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

for (const [lang, text, heading, expected] of [
  ['en', 'I like helping people', 'Here is what fits', 'Healthcare & Human Services'],
  ['es', 'me gusta arreglar carros', 'Esto es lo que va contigo', 'Cadena de suministro y transporte'],
]) {
  test(`typing what you like shows clusters with reasons (${lang})`, async () => {
    const context = await browser.newContext({ locale: lang });
    const page = await context.newPage();
    await page.goto(`${server.url}/explore?lang=${lang}`);
    await page.locator('#q').fill(text);
    await page.locator('form.explore-form button[type=submit]').click();
    await page.getByRole('heading', { name: heading }).waitFor();
    const firstCluster = page.locator('ol.results').first().locator('li.result').first();
    assert.equal(await firstCluster.locator('.result-title a').innerText(), expected);
    assert.ok((await firstCluster.locator('.reasons li').count()) >= 1, 'every result says why');
    await checkAccessible(page, `explore-flow-${lang}`);
    await context.close();
  });

  test(`the Interest Profiler runs to the end and keeps the result (${lang})`, async () => {
    const context = await browser.newContext({ locale: lang });
    const page = await context.newPage();
    await page.goto(`${server.url}/explore/profiler?lang=${lang}`);
    await page.locator('a.button').click();
    for (let screen = 1; screen <= 5; screen += 1) {
      assert.match(page.url(), new RegExp(`/explore/profiler/${screen}`));
      if (screen === 1) await checkAccessible(page, `profiler-screen-flow-${lang}`);
      const items = page.locator('fieldset.profiler-item');
      const count = await items.count();
      assert.equal(count, 12);
      for (let i = 0; i < count; i += 1) {
        // Items come in area pairs (R R I I A A S S E E C C): like Social, dislike the rest.
        await items.nth(i).locator('input[type=radio]').nth(i === 6 || i === 7 ? 4 : 1).check();
      }
      await page.locator('form.profiler button[type=submit]').click();
    }
    assert.match(page.url(), /\/explore\/profiler\/results\//);
    assert.match(await page.locator('strong.code').innerText(), /^S[RIAEC]{2}$/);
    assert.ok((await page.locator('table tbody tr').count()) > 6, 'occupations are listed');
    await checkAccessible(page, `profiler-result-${lang}`);
    await page.locator('#zone').selectOption('3');
    await page.locator('form.inline-form button').click();
    assert.match(page.url(), /zone=3/);
    await page.goto(`${server.url}/explore/profiler/history`);
    assert.equal(await page.locator('tbody tr').count(), 1);
    await checkAccessible(page, `profiler-history-${lang}`);
    await context.close();
  });
}

test('the explorer and the profiler work with JavaScript turned off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/explore`);
  await page.locator('#q').fill('I want to be a vet');
  await page.locator('form.explore-form button[type=submit]').click();
  assert.ok((await page.locator('li.result').count()) > 0);
  await page.goto(`${server.url}/explore/profiler/1`);
  const items = page.locator('fieldset.profiler-item');
  for (let i = 0; i < 12; i += 1) await items.nth(i).locator('input[type=radio]').nth(3).check();
  await page.locator('form.profiler button[type=submit]').click();
  assert.match(page.url(), /\/explore\/profiler\/2$/);
  await context.close();
});

test('the explorer fits a phone screen', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/explore?q=I+like+helping+people', '/explore/profiler/1']) {
    await page.goto(`${server.url}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
  }
  await page.goto(`${server.url}/explore?q=I+like+helping+people`);
  await page.screenshot({ path: `${screenshotDir}/explore-phone.png` });
  await context.close();
});
