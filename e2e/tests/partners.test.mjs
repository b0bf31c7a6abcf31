// Work-based learning end to end in a real browser: a partner posts an internship, a student
// applies, their counselor approves, a guardian consents, the student logs hours (and is
// told why overlapping hours are refused), the supervisor and then the school approve them,
// the supervisor evaluates, and the ratings appear as evidence on the student's plan.
// In English and Spanish, axe on every page, a screenshot of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible, signIn, shown } from './server.mjs';

let server;
let browser;

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer({ demoStudents: 60 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  en: {
    wbl: 'Work-based learning', post: 'Post an opportunity', title: 'Title', description: 'What students will do',
    field: 'Career field (sub-cluster)', first: 'First day', last: 'Last day', where: 'Where', seats: 'Seats',
    grade: 'From grade', postButton: 'Post', statement: 'Why you are interested (optional)', apply: 'Apply',
    applied: 'Status: Applied', approve: 'Approve', approved: 'Status: Approved by the school',
    agree: 'I have read the above and agree', signature: 'Your full name, as your signature',
    emergencyName: "Emergency contact's name", emergencyPhone: "Emergency contact's phone", sign: 'Sign and consent',
    placed: 'Status: Placed', day: 'Day', from: 'From', to: 'To', did: 'What you did', log: 'Log hours',
    overlap: 'overlap hours you logged already that day (15:30–18:30)', shift: ['15:30', '18:30'], overlapping: ['17:00', '19:00'], waitingSupervisor: 'Waiting for the supervisor',
    waitingSchool: 'Waiting for the school', hoursApproved: 'Approved: 3 h', comments: 'Comments',
    evaluate: 'Submit the evaluation', myPlan: 'My plan', evidence: /Rated 4 of 4 by .* \(Pharmacy intern/,
    queue: 'Placements to coordinate', addInterest: 'Add a cluster or sub-cluster', add: 'Add to the plan', kind: 'Kind', show: 'Show',
    reason: 'Matches your interest in Physical Health',
  },
  es: {
    wbl: 'Aprendizaje basado en el trabajo', post: 'Publicar una oportunidad', title: 'Título',
    description: 'Qué harán los estudiantes', field: 'Campo profesional (subgrupo)', first: 'Primer día',
    last: 'Último día', where: 'Dónde', seats: 'Plazas', grade: 'Desde el grado', postButton: 'Publicar',
    statement: 'Por qué te interesa (opcional)', apply: 'Solicitar', applied: 'Estado: Solicitada', approve: 'Aprobar',
    approved: 'Estado: Aprobada por la escuela', agree: 'He leído lo anterior y estoy de acuerdo',
    signature: 'Su nombre completo, como firma', emergencyName: 'Nombre del contacto de emergencia',
    emergencyPhone: 'Teléfono del contacto de emergencia', sign: 'Firmar y dar consentimiento',
    placed: 'Estado: Colocado', day: 'Día', from: 'Desde', to: 'Hasta', did: 'Qué hiciste', log: 'Registrar horas',
    overlap: 'se superponen con horas que ya registraste ese día (19:00–21:00)',
    shift: ['19:00', '21:00'], overlapping: ['20:00', '22:00'], waitingSupervisor: 'Esperando al supervisor', waitingSchool: 'Esperando a la escuela',
    hoursApproved: 'Aprobadas: 2 h', comments: 'Comentarios', evaluate: 'Enviar la evaluación', myPlan: 'Mi plan',
    evidence: /Calificación de 4 de 4 por .* \(Pharmacy intern/, queue: 'Colocaciones por coordinar',
    kind: 'Tipo', show: 'Mostrar', reason: 'Coincide con tu interés en Salud física',
  },
};

function isoDay(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function personIn(lang, email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, lang, email);
  await page.waitForURL(`${server.url}/home`);
  return page;
}

for (const lang of ['en', 'es']) {
  test(`an internship goes from posting to evidence on the plan (${lang})`, async () => {
    const t = TEXT[lang];
    const title = `Pharmacy intern (${lang})`;

    const partner = await personIn(lang, 'partner@demo.test');
    await partner.getByRole('link', { name: t.wbl, exact: true }).click();
    await checkAccessible(partner, `partners-portal-${lang}`);
    await partner.getByRole('link', { name: t.post }).click();
    await partner.getByLabel(t.title, { exact: true }).fill(title);
    await partner.getByLabel(t.description).fill('Count, label and check prescriptions beside a pharmacist.');
    await partner.getByLabel(t.field).selectOption('physical-health');
    await partner.getByLabel(t.first).fill(isoDay(0));
    await partner.getByLabel(t.last).fill(isoDay(60));
    await partner.getByLabel(t.where, { exact: true }).fill('Main campus pharmacy');
    await partner.getByLabel(t.seats, { exact: true }).fill('3');
    await partner.getByLabel(t.grade, { exact: true }).fill('6');
    await checkAccessible(partner, `partners-post-${lang}`);
    // Keyboard: right after a full-page screenshot, headless chromium can drop a mouse click on
    // a button low on a long page.
    await partner.getByRole('button', { name: t.postButton, exact: true }).press('Enter');
    assert.ok(await shown(partner.getByRole('heading', { level: 1, name: title })));

    const student = await personIn(lang, 'student@demo.test');
    if (lang === 'en') {
      // A career interest on the plan puts the matching opportunities first, with the reason.
      await student.getByRole('link', { name: t.myPlan }).first().click();
      await student.getByLabel(t.addInterest).selectOption('subcluster:physical-health');
      await student.getByRole('button', { name: t.add, exact: true }).click();
      await student.goto(`${server.url}/home`);
    }
    await student.getByRole('link', { name: t.wbl, exact: true }).click();
    await student.getByLabel(t.kind, { exact: true }).selectOption('internship');
    await student.getByRole('button', { name: t.show, exact: true }).click();
    const card = student.locator('.card-grid > li', { hasText: title });
    assert.ok(await shown(card.getByText(t.reason)), 'the posted internship matches the plan, and says so');
    await checkAccessible(student, `partners-opportunities-student-${lang}`);
    await card.getByRole('link', { name: title }).click();
    await student.getByLabel(t.statement).fill('I help at my aunt’s pharmacy on weekends.');
    await checkAccessible(student, `partners-opportunity-${lang}`);
    await student.getByRole('button', { name: t.apply, exact: true }).click();
    assert.ok(await shown(student.getByRole('heading', { name: t.applied })));
    const application = student.url().split('#')[0];

    const counselor = await personIn(lang, 'counselor@demo.test');
    await counselor.getByRole('link', { name: t.queue }).click();
    await checkAccessible(counselor, `partners-queue-${lang}`);
    await counselor.goto(application);
    for (const box of await counselor.locator('#checklist-heading ~ form input[type=checkbox]').all()) {
      await box.check();
    }
    await checkAccessible(counselor, `partners-application-counselor-${lang}`);
    await counselor.getByRole('button', { name: t.approve, exact: true }).click();
    assert.ok(await shown(counselor.getByRole('heading', { name: t.approved })));

    const guardian = await personIn(lang, 'guardian@demo.test');
    await guardian.getByRole('link', { name: t.wbl, exact: true }).click();
    await guardian.getByRole('link', { name: title }).click();
    await guardian.getByLabel(t.agree).check();
    await guardian.getByLabel(t.signature).fill('Dana Guardian');
    await guardian.getByLabel(t.emergencyName).fill('Sam Guardian');
    await guardian.getByLabel(t.emergencyPhone).fill('(555) 010-0199');
    await checkAccessible(guardian, `partners-consent-${lang}`);
    await guardian.getByRole('button', { name: t.sign }).click();
    assert.ok(await shown(guardian.getByRole('heading', { name: t.placed })));

    await student.reload();
    assert.ok(await shown(student.getByRole('heading', { name: t.placed })));
    const logHours = async (from, to) => {
      const form = student.locator('form[action$="/hours"]');
      await form.getByLabel(t.day, { exact: true }).fill(isoDay(0));
      await form.getByLabel(t.from, { exact: true }).fill(from);
      await form.getByLabel(t.to, { exact: true }).fill(to);
      await form.getByLabel(t.did, { exact: true }).fill('Counted and labeled prescriptions');
      await form.getByRole('button', { name: t.log }).click();
    };
    // The student's two placements (one per language) share their days: the shifts must not overlap.
    await logHours(...t.shift);
    assert.ok(await shown(student.getByRole('cell', { name: t.waitingSupervisor })));
    await logHours(...t.overlapping);
    assert.ok(await shown(student.getByRole('alert').filter({ hasText: t.overlap })), 'overlapping hours are refused');
    await checkAccessible(student, `partners-hours-refused-${lang}`);

    await partner.goto(application);
    await partner.getByRole('button', { name: new RegExp(`^${t.approve}`) }).click();
    assert.ok(await shown(partner.getByRole('cell', { name: t.waitingSchool })));
    const ratings = partner.locator('select[name^="rating-"]');
    await ratings.nth(0).selectOption('4');
    await ratings.nth(3).selectOption('3');
    await partner.getByLabel(t.comments).fill('Careful and quick to learn the system.');
    await checkAccessible(partner, `partners-evaluate-${lang}`);
    await partner.getByRole('button', { name: t.evaluate }).click();
    assert.ok(await shown(partner.locator('article.evaluation')));

    await counselor.goto(application);
    await counselor.getByRole('button', { name: new RegExp(`^${t.approve}`) }).click();
    assert.ok(await shown(counselor.getByText(t.hoursApproved)));
    await checkAccessible(counselor, `partners-hours-approved-${lang}`);

    await student.goto(`${server.url}/home`);
    await student.getByRole('link', { name: t.myPlan }).first().click();
    const practices = student.locator('#practices-heading').locator('..');
    assert.ok(await shown(practices.getByText(t.evidence)), 'the evaluation is evidence on the plan');
    assert.ok(await shown(student.getByRole('link', { name: title })), 'the placement is on the plan');
    await checkAccessible(student, `partners-plan-evidence-${lang}`);
    for (const page of [partner, student, counselor, guardian]) {
      await page.context().close();
    }
  });
}

const RELATIONS = {
  en: {
    partner: 'Riverside County Courthouse', contactName: 'Name', contactEmail: 'Email', addContact: 'Add the contact',
    speakerVisits: 'Guest speaker visits', saveCommitments: 'Save the commitments', summary: 'What happened',
    addLog: 'Add to the log', followUps: 'Follow-ups', report: 'Work-based learning report', perkins: 'Perkins V',
    generic: 'All records (CSV, generic layout)', speakers: 'Guest speakers', speakerField: 'From which careers',
    from: 'Any day from', until: 'Until', send: 'Send the request', match: 'Send to this partner', found: 'Partner found',
    partnerLabel: 'Partner', dayLimit: 'Most hours in a day', saveLimits: 'Save the limits', saved: 'Saved.',
  },
  es: {
    partner: 'Riverside County Courthouse', contactName: 'Nombre', contactEmail: 'Correo electrónico',
    addContact: 'Agregar el contacto', speakerVisits: 'Visitas de oradores', saveCommitments: 'Guardar los compromisos',
    summary: 'Qué pasó', addLog: 'Agregar al registro', followUps: 'Seguimientos',
    report: 'Informe de aprendizaje basado en el trabajo', perkins: 'Perkins V',
    generic: 'Todos los registros (CSV, formato general)', speakers: 'Oradores invitados',
    speakerField: 'De qué carreras', from: 'Cualquier día desde', until: 'Hasta', send: 'Enviar la solicitud',
    match: 'Enviar a este socio', found: 'Socio encontrado', partnerLabel: 'Socio',
    dayLimit: 'Máximo de horas en un día', saveLimits: 'Guardar los límites', saved: 'Guardado.',
  },
};

for (const lang of ['en', 'es']) {
  test(`a district keeps its partners, matches a speaker request and reports the year (${lang})`, async () => {
    const t = RELATIONS[lang];
    const admin = await personIn(lang, 'district-admin@demo.test');
    await admin.goto(`${server.url}/partners?lang=${lang}`);
    assert.ok(await shown(admin.getByRole('columnheader', { name: t.followUps })));
    await checkAccessible(admin, `partners-list-${lang}`);
    await admin.getByRole('link', { name: t.partner, exact: true }).click();

    const contact = `Rosa Díaz (${lang})`;
    await admin.getByLabel(t.contactName, { exact: true }).fill(contact);
    await admin.getByLabel(t.contactEmail, { exact: true }).fill(`rosa.${lang}@courthouse.example.org`);
    await admin.getByRole('button', { name: t.addContact }).click();
    assert.ok(await shown(admin.getByRole('rowheader', { name: new RegExp(contact.replace(/[()]/g, '\\$&')) })));

    await admin.getByLabel(t.speakerVisits, { exact: true }).fill('4');
    await admin.getByRole('button', { name: t.saveCommitments }).click();
    const speakerRow = admin.getByRole('row', { name: new RegExp(`^${t.speakerVisits}`) });
    assert.ok(await shown(speakerRow.getByRole('cell', { name: '4', exact: true })), 'the commitment is saved');

    const note = `Planned spring job shadows (${lang})`;
    await admin.getByLabel(t.summary, { exact: true }).fill(note);
    await admin.getByRole('button', { name: t.addLog }).click();
    assert.ok(await shown(admin.getByText(note)));
    await checkAccessible(admin, `partners-partner-${lang}`);

    const teacher = await personIn(lang, 'teacher@demo.test');
    await teacher.locator('table a[href^="/classes/"]').first().click();
    await teacher.getByLabel(t.speakerField).selectOption('judicial-systems');
    await teacher.getByLabel(t.from).fill(isoDay(10));
    await teacher.getByLabel(t.until).fill(isoDay(40));
    await teacher.getByRole('button', { name: t.send }).click();
    const offer = teacher.getByLabel(t.partnerLabel, { exact: true }).last();
    assert.ok(await shown(offer), 'partners with speaker visits left are offered');
    const offered = (await offer.locator('option').first().innerText()).split(',')[0].trim();
    await checkAccessible(teacher, `partners-speaker-offer-${lang}`);
    await teacher.getByRole('button', { name: t.match }).last().click();
    const requests = teacher.locator('section', { has: teacher.getByRole('heading', { name: t.speakers }) });
    assert.ok(await shown(requests.locator('li', { hasText: t.found }).filter({ hasText: offered })), 'matched to the partner');

    await admin.goto(`${server.url}/work-based-learning/limits?lang=${lang}`);
    await admin.getByLabel(t.dayLimit, { exact: true }).fill('6');
    await admin.getByRole('button', { name: t.saveLimits }).click();
    assert.ok(await shown(admin.getByRole('status').filter({ hasText: t.saved })), 'the limits are saved');
    await checkAccessible(admin, `partners-limits-${lang}`);

    await admin.goto(`${server.url}/work-based-learning/report?lang=${lang}`);
    assert.ok(await shown(admin.getByRole('heading', { name: new RegExp(t.perkins) })));
    await checkAccessible(admin, `partners-report-${lang}`);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: t.generic }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeffrecord_id,school_year,'), 'the generic layout starts with its header');
    assert.ok(csv.split('\r\n').length > 2, 'the demo district has placements to report');
    for (const page of [admin, teacher]) {
      await page.context().close();
    }
  });
}
