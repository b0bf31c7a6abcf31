// A district administrator answers a family's request in a real browser, in English and
// Spanish: opens a student's whole record from the student's page, downloads it as JSON and
// PDF, refuses to anonymize without the name, then anonymizes one; and sets the district's
// retention period. axe on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, checkAccessible, signIn } from './server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ demoStudents: 140 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  en: {
    link: 'Whole record: download or anonymize', json: 'Download as JSON', pdf: 'Download as PDF',
    confirm: /To confirm, type the student's name/, anonymize: 'Anonymize the record', mismatch: 'Nothing was changed',
    done: 'This record was anonymized', retention: 'Keeping student records', months: 'Months to keep a record after the student leaves',
    save: 'Save the period', period: '24 months after a student leaves',
  },
  es: {
    link: 'Expediente completo: descargar o anonimizar', json: 'Descargar en JSON', pdf: 'Descargar en PDF',
    confirm: /Para confirmar, escriba el nombre del estudiante/, anonymize: 'Anonimizar el expediente', mismatch: 'No se cambió nada',
    done: 'Este expediente se anonimizó', retention: 'Conservación de expedientes',
    months: 'Meses que se conserva un expediente después de que el estudiante se va', save: 'Guardar el plazo',
    period: '24 meses después de que el estudiante se va',
  },
};

// The id of the student signed in as `email`, read from their home page's plan link.
async function studentId(email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'en', email);
  await page.waitForURL(`${server.url}/home`);
  const href = await page.locator('a[href^="/students/"]').first().getAttribute('href');
  await context.close();
  return href.split('/')[2];
}

for (const [lang, email] of [['en', 'student@demo.test'], ['es', 'middle-schooler@demo.test']]) {
  test(`a district administrator downloads and anonymizes a student's whole record (${lang})`, async () => {
    const t = TEXT[lang];
    const id = await studentId(email);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, lang, 'district-admin@demo.test');
    await page.waitForURL(`${server.url}/home`);
    await page.goto(`${server.url}/students/${id}`);
    await page.getByRole('link', { name: t.link }).click();
    await page.waitForURL(`${server.url}/students/${id}/records`);
    await checkAccessible(page, `records-${lang}`);
    const name = (await page.getByLabel(t.confirm).evaluate((input) => input.labels[0].textContent)).split(': ').pop().trim();

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.json }).click()]);
    const record = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(record.student_id, id);
    assert.equal(`${record.parts.users[0].given_name} ${record.parts.users[0].family_name}`, name);
    assert.ok(record.parts.enrollments.length > 0 && record.parts.guardianships.length > 0, 'classes and guardians are part of the record');
    assert.ok(!JSON.stringify(record).includes('password_hash'));
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.pdf }).click()]);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString(), '%PDF-');

    await page.getByLabel(t.confirm).fill('Somebody Else');
    await page.getByRole('button', { name: t.anonymize }).click();
    await page.getByRole('alert').filter({ hasText: t.mismatch }).waitFor();
    await checkAccessible(page, `records-mismatch-${lang}`);
    if (lang === 'es') {
      await page.getByLabel(t.confirm).fill(name);
      await page.getByRole('button', { name: t.anonymize }).click();
      await page.getByRole('status').filter({ hasText: t.done }).waitFor();
      await checkAccessible(page, `records-anonymized-${lang}`);
      assert.equal(await page.getByRole('button', { name: t.anonymize }).count(), 0);
    }
    await context.close();
  });

  test(`a district administrator sets how long records are kept (${lang})`, async () => {
    const t = TEXT[lang];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, lang, 'district-admin@demo.test');
    await page.waitForURL(`${server.url}/home`);
    await page.getByRole('link', { name: t.retention }).click();
    await page.waitForURL(`${server.url}/admin/retention`);
    await checkAccessible(page, `retention-${lang}`);
    await page.getByLabel(t.months).fill('24');
    await page.getByRole('button', { name: t.save }).click();
    await page.waitForURL(`${server.url}/admin/retention`);
    await page.getByText(t.period).waitFor();
    await checkAccessible(page, `retention-saved-${lang}`);
    await context.close();
  });
}
