// No page asks any other origin for anything: each role signs in and follows the links it
// is shown, breadth first, while every request the browser makes is checked against the
// server's own origin. Student records must not leak to a font host, CDN or tracker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn } from './server.mjs';

const ROLES = [
  ['visitor', null],
  ['student', 'student@demo.test'],
  ['guardian', 'guardian@demo.test'],
  ['teacher', 'teacher@demo.test'],
  ['counselor', 'counselor@demo.test'],
  ['partner', 'partner@demo.test'],
  ['school admin', 'school-admin@demo.test'],
  ['district admin', 'district-admin@demo.test'],
];
const PAGES_PER_ROLE = 40;
// Downloads and sign-out end the walk or leave the page; they are not pages to look at.
const SKIP = /(\/signout|\.csv|\.pdf|\.json|\.zip|\/export|\/download|lang=)/;

let server;
let browser;

before(async () => {
  server = await startServer({ demoStudents: 600 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// Same-origin links of the page, as path and query.
async function linksOf(page, origin) {
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !SKIP.test(url.pathname + url.search))
    .map((url) => url.pathname + url.search);
}

for (const [role, email] of ROLES) {
  test(`every page a ${role} reaches stays on the server's origin`, async (t) => {
    const origin = new URL(server.url).origin;
    const context = await browser.newContext();
    const elsewhere = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) {
        elsewhere.push(`${request.url()} (from ${request.frame()?.url() ?? 'unknown'})`);
      }
    });
    const page = await context.newPage();
    let start = '/';
    if (email) {
      await signIn(page, server.url, 'en', email);
      await page.waitForURL(`${server.url}/home`);
      start = '/home';
    }
    const queue = [start];
    const seen = new Set(queue);
    let visited = 0;
    while (queue.length > 0 && visited < PAGES_PER_ROLE) {
      const path = queue.shift();
      const response = await page.goto(`${server.url}${path}`);
      visited += 1;
      assert.ok(response.status() < 500, `${role}: ${path} answered ${response.status()}`);
      for (const link of await linksOf(page, origin)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    await context.close();
    t.diagnostic(`${role}: ${visited} pages, ${seen.size} links seen`);
    assert.ok(visited >= 8, `${role}: only ${visited} pages were reached`);
    assert.deepEqual(elsewhere, [], `${role}: requests left the server's origin`);
  });
}
