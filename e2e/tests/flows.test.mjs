// What a visitor does: keyboard navigation, searching without JavaScript, switching
// language, and reading on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, screenshotDir } from './server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the first Tab reaches a visible skip link that moves focus to the content', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/clusters`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.className);
  assert.equal(focused, 'skip-link');
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0, 'skip link is on screen when focused');
  await page.keyboard.press('Enter');
  const target = await page.evaluate(() => document.activeElement.id);
  assert.equal(target, 'main');
  await page.close();
});

test('searching and opening an occupation works with JavaScript turned off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Search occupations by title').fill('registered nurse');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Registered Nurses', exact: true }).click();
  assert.equal(await page.locator('h1').innerText(), 'Registered Nurses');
  assert.ok(await page.getByRole('img', { name: 'Interest profile of this occupation' }).isVisible());
  await context.close();
});

test('the language switch changes the page and the choice sticks', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/clusters`);
  await page.getByRole('link', { name: /Español/ }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await page.getByRole('link', { name: 'Salud y servicios humanos' }).first().click();
  assert.equal(await page.getAttribute('html', 'lang'), 'es', 'the next page stays in Spanish');
  assert.equal(await page.locator('h1').innerText(), 'Salud y servicios humanos');
  await context.close();
});

test('pages fit a phone screen without sideways scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/', '/clusters', '/occupations', '/occupations/29-1141.00', '/subclusters/physical-health', '/legacy']) {
    await page.goto(`${server.url}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
  }
  await page.goto(`${server.url}/occupations/29-1141.00`);
  await page.screenshot({ path: `${screenshotDir}/occupation-phone.png`, fullPage: false });
  await context.close();
});

test('the pager walks through the occupation list', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/occupations`);
  await page.getByRole('link', { name: 'Next' }).click();
  assert.match(await page.locator('.pager p').first().innerText(), /^Showing 51–100 of 1,016$/);
  await page.close();
});
