// Signing in as each demo account, in English and Spanish: the right home page, the pages
// each role reaches from it, and no axe violations anywhere on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible, signIn } from './server.mjs';

// Each demo account, what its home page shows, and a link it follows from there.
const ACCOUNTS = [
  { role: 'student', marker: { en: 'Who viewed my record', es: 'Quién vio mi expediente' }, follow: 'a[href$="/access-log"]' },
  { role: 'guardian', marker: { en: 'Your students', es: 'Tus estudiantes' }, follow: '.card-grid h3 a[href^="/students/"]' },
  { role: 'teacher', marker: { en: 'Your classes', es: 'Tus clases' }, follow: 'a[href^="/classes/"]' },
  { role: 'counselor', marker: { en: 'Your caseload', es: 'Tus estudiantes asignados' }, follow: 'a[href^="/students/"]' },
  { role: 'partner', marker: { en: 'You represent', es: 'Representas a' }, follow: 'a[href="/clusters"]' },
  { role: 'school-admin', marker: { en: 'School administrator', es: 'Administración de la escuela' }, follow: 'a[href="/account"]' },
  { role: 'district-admin', marker: { en: 'Audit log', es: 'Registro de auditoría' }, follow: 'a[href="/audit"]' },
];

let server;
let browser;

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer({ demoStudents: 700 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of ['en', 'es']) {
  test(`the sign-in page lists the demo accounts and passes axe in ${lang}`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/signin?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    for (const account of ACCOUNTS) {
      assert.ok(await page.getByText(`${account.role}@demo.test`).isVisible(), account.role);
    }
    await checkAccessible(page, `signin-${lang}`);
    await signIn(page, server.url, lang, 'student@demo.test', 'wrong password');
    assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'true');
    await checkAccessible(page, `signin-wrong-${lang}`);
    await context.close();
  });

  for (const account of ACCOUNTS) {
    test(`${account.role} signs in to their home page in ${lang}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, server.url, lang, `${account.role}@demo.test`);
      await page.waitForURL(`${server.url}/home`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok(await page.getByText(account.marker[lang]).first().isVisible(), `${account.role} sees ${account.marker[lang]}`);
      await checkAccessible(page, `home-${account.role}-${lang}`);

      await page.locator(account.follow).first().click();
      await page.waitForLoadState();
      assert.equal((await page.title()).includes('Pathways'), true);
      await checkAccessible(page, `home-${account.role}-next-${lang}`);

      await page.getByRole('button', { name: lang === 'es' ? 'Cerrar sesión' : 'Sign out', exact: true }).click();
      await page.waitForURL(/\/signin\?done=out/);
      await page.goto(`${server.url}/home`);
      assert.match(page.url(), /\/signin\?next=%2Fhome/);
      await context.close();
    });
  }
}

test('a student sees who viewed their record after a counselor opened it', async () => {
  const counselorContext = await browser.newContext();
  const counselor = await counselorContext.newPage();
  await signIn(counselor, server.url, 'en', 'counselor@demo.test');
  await counselor.waitForURL(`${server.url}/home`);
  const counselorName = (await counselor.locator('h1').textContent()).replace('Welcome, ', '');
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signIn(student, server.url, 'en', 'student@demo.test');
  await student.waitForURL(`${server.url}/home`);
  const record = await student.getByRole('link', { name: 'My record', exact: true }).getAttribute('href');
  await counselor.goto(`${server.url}${record}`);
  await checkAccessible(counselor, 'student-record-en');
  await student.goto(`${server.url}${record}/access-log`);
  assert.ok(await student.getByRole('row', { name: new RegExp(counselorName) }).first().isVisible());
  await checkAccessible(student, 'access-log-en');
  await counselorContext.close();
  await studentContext.close();
});
