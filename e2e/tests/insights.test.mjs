// A district administrator walks the insights in a real browser, in English and Spanish:
// from the home page to equity of access, broken down by group, with the CSV download.
// axe on every page; a screenshot of every chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible, signIn } from './server.mjs';

let server;
let browser;

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer({ demoStudents: 600 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  en: {
    insights: 'Insights', equity: 'Equity of access', alignment: 'Curriculum alignment', schools: 'Clusters by school', by: 'Break down by', show: 'Show', learner: 'English learner',
    funnel: 'Funnel of all students', heat: 'Rates by group and stage', download: 'Download every group table (CSV)',
    yes: 'Yes', threshold: 'Smallest count shown', save: 'Save', saved: 'The threshold is saved.',
  },
  es: {
    insights: 'Indicadores', equity: 'Equidad de acceso', alignment: 'Alineación del currículo', schools: 'Grupos por escuela', by: 'Desglosar por', show: 'Mostrar', learner: 'aprendiz de inglés',
    funnel: 'Embudo de todos los estudiantes', heat: 'Tasas por grupo y etapa',
    download: 'Descargar todas las tablas por grupo (CSV)', yes: 'Sí', threshold: 'Cifra mínima que se muestra',
    save: 'Guardar', saved: 'El umbral quedó guardado.',
  },
};

async function adminIn(lang) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, lang, 'district-admin@demo.test');
  await page.waitForURL(`${server.url}/home`);
  return page;
}

// Screenshots the chart titled `title` into e2e/screenshots/NAME.png.
async function chartShot(page, title, name) {
  const chart = page.locator('figure.chart', { has: page.locator('title', { hasText: title }) });
  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: `${screenshotDir}/${name}.png` });
}

for (const lang of ['en', 'es']) {
  test(`a district administrator sees equity of access by group (${lang})`, async () => {
    const t = TEXT[lang];
    const page = await adminIn(lang);
    await page.getByRole('link', { name: t.insights, exact: true }).first().click();
    await page.waitForURL(`${server.url}/insights`);
    await checkAccessible(page, `insights-${lang}`);
    await page.getByLabel(t.threshold).fill('10');
    await page.getByRole('button', { name: t.save }).click();
    await page.getByText(t.saved).waitFor();

    await page.getByRole('link', { name: t.equity }).first().click();
    await page.waitForURL(/\/insights\/equity/);
    await checkAccessible(page, `equity-${lang}`);
    await chartShot(page, t.funnel, `chart-equity-funnel-${lang}`);
    await chartShot(page, t.heat, `chart-equity-heat-ethnicity-${lang}`);

    await page.getByLabel(t.by).selectOption('english_learner');
    await page.getByRole('button', { name: t.show }).click();
    await page.waitForURL(/by=english_learner/);
    await checkAccessible(page, `equity-english-learners-${lang}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(t.learner, 'i') }).waitFor();
    const rows = page.locator('table.figures').first().locator('tbody tr');
    assert.ok(await rows.count() >= 3, 'learners, others and all students');
    await chartShot(page, t.heat, `chart-equity-heat-english-learner-${lang}`);
    // No shown count is below the threshold: every count in parentheses is 10 or more.
    const counts = await page.locator('table.figures').first().locator('tbody .muted').allTextContents();
    assert.ok(counts.length > 0);
    for (const text of counts) {
      assert.ok(Number(text.replace(/[^0-9]/g, '')) >= 10, `shown count ${text}`);
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t.download }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0], /^dimension,group,group_name,students,exposure_count/);
    assert.ok(lines.some((l) => l.startsWith('english_learner,yes,')));

    await page.goto(`${server.url}/insights?lang=${lang}`);
    await page.getByRole('link', { name: t.alignment }).first().click();
    await page.waitForURL(/\/insights\/alignment/);
    await checkAccessible(page, `alignment-${lang}`);
    await chartShot(page, t.schools, `chart-alignment-heat-${lang}`);
    await page.context().close();
  });
}
