// A district administrator walks the insights in a real browser, in English and Spanish:
// equity of access broken down by group with the CSV download, curriculum alignment, gaps
// against labor demand with a regional file uploaded, and professional development with a
// session recorded. axe on every page; a screenshot of every chart.
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

const MORE = {
  en: {
    gaps: 'Gaps against labor demand', share: 'Share of openings and of aligned courses', interest: 'Students interested and seats by cluster',
    regional: 'Use regional figures', file: 'Regional demand (.csv)', region: 'Region', upload: 'Upload and import', imported: 'Imported.',
    national: 'Go back to the national projections', pd: 'Professional development', hours: 'Teacher-hours by cluster focus',
    title: 'Title', record: 'Record the session', saveAttendance: 'Save attendance', saved: 'Attendance saved.',
  },
  es: {
    gaps: 'Brechas frente a la demanda laboral', share: 'Parte de las vacantes y de los cursos alineados', interest: 'Estudiantes interesados y plazas por grupo',
    regional: 'Usar cifras regionales', file: 'Demanda regional (.csv)', region: 'Región', upload: 'Subir e importar', imported: 'Importado.',
    national: 'Volver a las proyecciones nacionales', pd: 'Desarrollo profesional', hours: 'Horas-docente por grupo de enfoque',
    title: 'Título', record: 'Registrar la sesión', saveAttendance: 'Guardar la asistencia', saved: 'Asistencia guardada.',
  },
};

// A county file as a state labor-market office publishes it, saved by a spreadsheet.
const COUNTY = Buffer.from('\ufeffOCC_CODE,OCC_TITLE,Annual Openings,A_MEDIAN,Percent Change\r\n29-0000,Healthcare,"9,000","$80,000",5%\r\n29-1141,Registered Nurses,"1,250","$86,070",5.2%\r\n15-1252,Software Developers,640,"$132,270",17.9%\r\n', 'utf8');

for (const lang of ['en', 'es']) {
  test(`a district administrator finds gaps against regional demand and records professional development (${lang})`, async () => {
    const t = MORE[lang];
    const page = await adminIn(lang);
    await page.goto(`${server.url}/insights?lang=${lang}`);
    await page.getByRole('link', { name: t.gaps }).first().click();
    await page.waitForURL(/\/insights\/gaps/);
    await checkAccessible(page, `gaps-${lang}`);
    await chartShot(page, t.share, `chart-gaps-share-${lang}`);
    await chartShot(page, t.interest, `chart-gaps-interest-${lang}`);
    const sentence = await page.locator('#interest-heading + ul li').first().textContent();
    assert.match(sentence, lang === 'en' ? /students? interested in .+, \d+ courses?, \d+ partners?/ : /estudiantes? interesados? en .+, \d+ cursos?, \d+ socios?/);

    await page.getByRole('link', { name: t.regional }).click();
    await page.waitForURL(/\/insights\/labor-demand/);
    await checkAccessible(page, `labor-demand-${lang}`);
    await page.getByLabel(t.file).setInputFiles({ name: 'county.csv', mimeType: 'text/csv', buffer: COUNTY });
    await page.getByLabel(t.region, { exact: true }).fill('Riverbend County 2024-2034');
    await page.getByRole('button', { name: t.upload }).click();
    await page.getByText(t.imported).waitFor();
    await checkAccessible(page, `labor-demand-imported-${lang}`);
    assert.ok((await page.content()).includes('29-0000'), 'the group total is reported as left out');
    await page.goto(`${server.url}/insights/gaps?lang=${lang}`);
    await page.getByText('Riverbend County 2024-2034').first().waitFor();
    await chartShot(page, t.share, `chart-gaps-share-regional-${lang}`);
    const first = await page.locator('table.figures').first().locator('tbody tr').first().locator('th a').getAttribute('href');
    assert.equal(first, '/subclusters/physical-health', 'the nurses of the county file lead');
    await page.goto(`${server.url}/insights/labor-demand?lang=${lang}`);
    await page.getByRole('button', { name: t.national }).click();
    await page.waitForURL(/\/insights\/labor-demand$/);

    await page.goto(`${server.url}/insights?lang=${lang}`);
    await page.getByRole('link', { name: t.pd }).first().click();
    await page.waitForURL(/\/insights\/pd/);
    await checkAccessible(page, `pd-${lang}`);
    await chartShot(page, t.hours, `chart-pd-hours-${lang}`);
    await page.getByLabel(t.title).fill(`Careers in every subject (${lang})`);
    await page.getByRole('button', { name: t.record }).click();
    await page.waitForURL(/\/insights\/pd\/sessions\//);
    await checkAccessible(page, `pd-session-${lang}`);
    await page.locator('input[name=teacher]').first().check();
    await page.getByRole('button', { name: t.saveAttendance }).click();
    await page.getByText(t.saved).waitFor();
    assert.ok(await page.locator('input[name=teacher]').first().isChecked());
    await page.context().close();
  });
}
