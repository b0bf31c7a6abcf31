// A district administrator's roster upload and API tokens, in a real browser: the report of a
// dry run and of a rejected file, a token shown once and revoked; en and es, axe on each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, screenshotDir, checkAccessible, signIn, shown } from './server.mjs';

let server;
let browser;
let work;
let rosterZip;

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer({ demoStudents: 60 });
  work = mkdtempSync(join(tmpdir(), 'pathways-admin-'));
  execFileSync(server.binary, ['demo', '--students', '60', '--export-oneroster', join(work, 'set'), '--database-url', server.databaseUrl]);
  rosterZip = join(work, 'riverbend.zip');
  const zipIt = 'import sys, zipfile, pathlib\nwith zipfile.ZipFile(sys.argv[2], "w") as z:\n    for f in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")): z.write(f, f.name)';
  execFileSync('python3', ['-c', zipIt, join(work, 'set'), rosterZip]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const TEXT = {
  en: { roster: 'Roster import', dryRun: 'Only check the set; write nothing', upload: 'Upload and import', valid: 'The set is valid and would be imported', rejected: 'Rejected: nothing was written', tokens: 'API tokens', name: 'Name', create: 'Create token', revoke: 'Revoke', revoked: 'Revoked' },
  es: { roster: 'Importación del padrón', dryRun: 'Solo revisar el conjunto; no escribir nada', upload: 'Subir e importar', valid: 'El conjunto es válido y se importaría', rejected: 'Rechazado: no se escribió nada', tokens: 'Tokens de la API', name: 'Nombre', create: 'Crear token', revoke: 'Revocar', revoked: 'Revocado' },
};

async function signInAsDistrictAdmin(page, lang) {
  await signIn(page, server.url, lang, 'district-admin@demo.test');
  await page.waitForURL(`${server.url}/home`);
}

for (const lang of ['en', 'es']) {
  test(`a district administrator checks a roster set and sees why a bad file is refused (${lang})`, async () => {
    const t = TEXT[lang];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDistrictAdmin(page, lang);
    await page.getByRole('link', { name: t.roster }).click();
    await checkAccessible(page, `admin-roster-${lang}`);

    await page.locator('input[type="file"]').setInputFiles(rosterZip);
    await page.getByLabel(t.dryRun).check();
    await page.getByRole('button', { name: t.upload }).click();
    assert.ok((await page.getByRole('status').innerText()).includes(t.valid));
    assert.ok(await shown(page.getByRole('rowheader', { name: 'users.csv' })), 'counts per file');
    await checkAccessible(page, `admin-roster-valid-${lang}`);

    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('sourcedId\n1\n') });
    await page.getByRole('button', { name: t.upload }).click();
    assert.ok((await page.getByRole('status').innerText()).includes(t.rejected));
    assert.ok((await page.content()).includes('roster.csv'), 'the problem names the uploaded file');
    await checkAccessible(page, `admin-roster-rejected-${lang}`);
    await context.close();
  });

  test(`a district administrator creates an API token, sees it once, and revokes it (${lang})`, async () => {
    const t = TEXT[lang];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDistrictAdmin(page, lang);
    await page.getByRole('link', { name: t.tokens }).click();
    await checkAccessible(page, `admin-tokens-${lang}`);
    await page.getByLabel(t.name, { exact: true }).fill(`SIS ${lang}`);
    await page.getByLabel('roster:import').check();
    await page.getByRole('button', { name: t.create }).click();
    const secret = await page.locator('#new-token').innerText();
    assert.match(secret, /^pwt_[0-9a-f]{64}$/);
    await checkAccessible(page, `admin-tokens-created-${lang}`);

    const pushed = await fetch(`${server.url}/api/v1/district/people`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(pushed.status, 403, 'an import token does not read the roster');

    await page.goto(`${server.url}/admin/tokens?lang=${lang}`);
    assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');
    const row = page.getByRole('row', { name: new RegExp(`SIS ${lang}`) });
    await row.getByRole('button', { name: t.revoke }).click();
    assert.ok((await page.getByRole('row', { name: new RegExp(`SIS ${lang}`) }).innerText()).includes(t.revoked));
    await context.close();
  });
}

const REQUIREMENTS = {
  en: { title: 'Plan requirements', preset: 'Preset', use: 'Start over from this preset', now: 'The template started from: Colorado Individual Career and Academic Plan (ICAP).', kind: 'What the plan must hold', add: 'Add the item', custom: 'and the district changed it since', credits: 'Save the credits', english: 'English', completeness: "How complete students' plans are for their current grade" },
  es: { title: 'Requisitos del plan', preset: 'Plantilla de partida', use: 'Empezar de nuevo con esta plantilla', now: 'La plantilla partió de: Plan Individual de Estudios de Kansas (IPS).', kind: 'Lo que debe contener el plan', add: 'Agregar el punto', custom: 'y el distrito la cambió después', credits: 'Guardar los créditos', english: 'Inglés', completeness: 'Cuán completos están los planes para el grado actual de cada estudiante' },
};

for (const lang of ['en', 'es']) {
  test(`a district administrator starts the plan template from a state preset and sets the credits (${lang})`, async () => {
    const t = REQUIREMENTS[lang];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDistrictAdmin(page, lang);
    await page.getByRole('link', { name: t.title }).click();
    assert.ok(await shown(page.getByRole('table', { name: t.completeness })), 'completeness by grade');
    await page.getByLabel(t.preset).selectOption(lang === 'es' ? 'ks-ips' : 'co-icap');
    await page.getByRole('button', { name: t.use }).click();
    assert.ok(await shown(page.getByText(t.now)), 'the preset is the template');
    await page.getByLabel(t.kind).selectOption('activities');
    await page.locator('#option-activities-job_shadow').check();
    await page.getByRole('button', { name: t.add }).click();
    assert.ok(await shown(page.getByText(t.custom).first()), 'changed: a custom template');
    await page.getByLabel(t.english, { exact: true }).fill(lang === 'es' ? '4,5' : '4.5');
    await page.getByRole('button', { name: t.credits }).click();
    assert.equal(await page.getByLabel(t.english, { exact: true }).inputValue(), '4.5');
    await checkAccessible(page, `plan-requirements-${lang}`);
    await context.close();
  });
}
