// The individual learning plan in a real browser: a student adds a career interest and a
// goal, their counselor reads and edits it; en and es, axe on every page.
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
  en: { myPlan: 'My plan', addInterest: 'Add a cluster or sub-cluster', add: 'Add to the plan', goal: 'Goal', benchmark: 'How you will know you reached it', addGoal: 'Add the goal', status: 'Status', save: 'Save', done: 'Done', edit: 'Edit', note: 'Note from the meeting', share: 'Share this note with the student and their guardians', addNote: 'Add the note', signOff: /^Sign off the \d{4}-\d{2} plan$/, guardianRole: 'Guardian', step: 'Next step', stepOwner: 'Who does it', addStep: 'Add the step', yourSteps: 'Your next steps', markDone: 'Mark done' },
  es: { myPlan: 'Mi plan', addInterest: 'Agregar un clúster o subclúster', add: 'Agregar al plan', goal: 'Meta', benchmark: 'Cómo sabrás que la lograste', addGoal: 'Agregar la meta', status: 'Estado', save: 'Guardar', done: 'Lograda', edit: 'Editar', note: 'Nota de la reunión', share: 'Compartir esta nota con el estudiante y sus tutores', addNote: 'Agregar la nota', signOff: /^Firmar el plan de \d{4}-\d{2}$/, guardianRole: 'Madre, padre o tutor', step: 'Próximo paso', stepOwner: 'Quién lo hace', addStep: 'Agregar el paso', yourSteps: 'Tus próximos pasos', markDone: 'Marcar como hecho' },
};

async function signInAs(page, lang, email) {
  await signIn(page, server.url, lang, email);
  await page.waitForURL(`${server.url}/home`);
}

for (const lang of ['en', 'es']) {
  test(`a student adds an interest and a goal, and their counselor marks it done (${lang})`, async () => {
    const t = TEXT[lang];
    const title = lang === 'es' ? 'Aprobar Biología' : 'Pass Biology';
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, lang, 'student@demo.test');
    await page.getByRole('link', { name: t.myPlan }).click();
    await checkAccessible(page, `plan-empty-${lang}`);

    await page.getByLabel(t.addInterest).selectOption('subcluster:physical-health');
    await page.getByRole('button', { name: t.add }).click();
    const interest = lang === 'es' ? /Salud física/ : /Physical Health/;
    assert.ok(await shown(page.getByRole('link', { name: interest }).first()), 'the interest is on the plan');

    await page.locator('#new-goal-title').fill(title);
    await page.locator('#new-goal-benchmark').fill(lang === 'es' ? 'Una B o más en junio' : 'A B or better by June');
    await page.getByRole('button', { name: t.addGoal }).click();
    assert.ok(await shown(page.getByRole('heading', { name: title })), 'the goal is on the plan');
    const planUrl = page.url();

    await page.goto(`${server.url}/occupations/29-1141.00?lang=${lang}`);
    await page.getByRole('button', { name: lang === 'es' ? 'Agregar a mi plan' : 'Add to my plan' }).click();
    assert.equal(page.url(), planUrl, 'back on the plan');
    assert.ok(await shown(page.getByRole('link', { name: 'Registered Nurses' })), 'the occupation is on the plan');
    await checkAccessible(page, `plan-student-${lang}`);
    await context.close();

    const staff = await browser.newContext();
    const counselor = await staff.newPage();
    await signInAs(counselor, lang, 'counselor@demo.test');
    await counselor.goto(`${planUrl}?lang=${lang}`);
    const goal = counselor.locator('article.goal', { has: counselor.getByRole('heading', { name: title }) });
    await goal.locator('summary').click();
    await goal.getByLabel(t.status).selectOption('done');
    await goal.getByRole('button', { name: t.save }).click();
    assert.ok((await counselor.locator('article.goal', { hasText: title }).innerText()).includes(t.done));

    const privateNote = lang === 'es' ? 'Habló de su familia; volver a verla en enero.' : 'Talked about home; meet again in January.';
    const sharedNote = lang === 'es' ? 'Inscríbete en el campamento de enfermería.' : 'Sign up for the nursing summer camp.';
    await counselor.getByLabel(t.note).fill(privateNote);
    await counselor.getByRole('button', { name: t.addNote }).click();
    await counselor.getByLabel(t.note).fill(sharedNote);
    await counselor.getByLabel(t.share).check();
    await counselor.getByRole('button', { name: t.addNote }).click();
    assert.ok(await shown(counselor.getByText(privateNote)), 'the counselor reads the private note');
    const stepTitle = lang === 'es' ? 'Visitar la feria universitaria' : 'Visit the college fair';
    await counselor.getByLabel(t.step, { exact: true }).fill(stepTitle);
    await counselor.getByLabel(t.stepOwner).selectOption('student');
    await counselor.locator('#step-due').fill('2027-03-15');
    await counselor.getByRole('button', { name: t.addStep }).click();
    await counselor.waitForLoadState();
    const step = counselor.locator('section[aria-labelledby="steps-heading"]').getByText(stepTitle);
    await step.waitFor({ timeout: 5000 }).catch(() => {});
    assert.ok(await shown(step), 'the step is on the plan');
    await checkAccessible(counselor, `plan-counselor-${lang}`);
    await staff.close();

    const back = await browser.newContext();
    const student = await back.newPage();
    await signInAs(student, lang, 'student@demo.test');
    const steps = student.locator('section', { has: student.getByRole('heading', { name: t.yourSteps }) });
    assert.ok(await shown(steps.getByRole('link', { name: stepTitle })), 'the step waits on the student home page');
    await checkAccessible(student, `home-steps-student-${lang}`);
    await steps.getByRole('link', { name: stepTitle }).click();
    await student.getByRole('button', { name: new RegExp(stepTitle) }).click();
    assert.equal(await student.getByRole('button', { name: new RegExp(stepTitle) }).count(), 0, 'marked done');
    assert.ok(await shown(student.getByText(sharedNote)), 'the student reads the shared note');
    assert.equal(await student.getByText(privateNote).count(), 0, 'the private note stays with counselors');
    assert.equal(await student.getByLabel(t.note).count(), 0, 'students do not write meeting notes');
    await checkAccessible(student, `plan-notes-student-${lang}`);
    await back.close();

    const family = await browser.newContext();
    const guardian = await family.newPage();
    await signInAs(guardian, lang, 'guardian@demo.test');
    await guardian.goto(`${planUrl}?lang=${lang}`);
    assert.ok(await shown(guardian.getByText(sharedNote)), 'the guardian reads the shared note');
    assert.equal(await guardian.getByText(privateNote).count(), 0, 'the private note stays with counselors');
    // The guardian signs this school year once (in the first language's run); after that
    // the sign-off is listed and no longer offered.
    if (lang === 'en') await guardian.getByRole('button', { name: t.signOff }).click();
    assert.equal(await guardian.getByRole('button', { name: t.signOff }).count(), 0, 'signed once');
    const signoffs = guardian.locator('section[aria-labelledby="signoffs-heading"]');
    assert.ok(await shown(signoffs.locator('.tag', { hasText: t.guardianRole })), 'the sign-off is listed');
    await checkAccessible(guardian, `plan-guardian-${lang}`);
    await family.close();
  });
}

for (const lang of ['en', 'es']) {
  test(`a counselor opens their caseload, sees who needs them next and filters (${lang})`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, lang, 'counselor@demo.test');
    await page.getByRole('link', { name: lang === 'es' ? /Abrir mis estudiantes/ : /Open my caseload/ }).click();
    const queue = page.getByRole('table', { name: lang === 'es' ? 'Quién te necesita primero' : 'Who needs you next' });
    assert.ok((await queue.locator('tbody tr').count()) > 0, 'the queue lists students');
    await checkAccessible(page, `caseload-${lang}`);
    await page.getByLabel(lang === 'es' ? 'Necesidad' : 'Needs', { exact: true }).selectOption('no-cluster');
    await page.getByRole('button', { name: lang === 'es' ? 'Filtrar' : 'Filter' }).click();
    assert.match(page.url(), /need=no-cluster/);
    const all = page.getByRole('table', { name: lang === 'es' ? 'Todos tus estudiantes' : 'Whole caseload' });
    const reasons = await all.locator('tbody tr td:last-child').allInnerTexts();
    const label = lang === 'es' ? 'Sin clúster elegido' : 'No cluster chosen';
    assert.ok(reasons.length > 0 && reasons.every((text) => text.includes(label)), 'every student shown lacks a cluster');

    const slip = lang === 'es' ? 'Traer el permiso para la feria' : 'Bring the career fair permission slip';
    await page.locator('#group-grade').selectOption('10');
    await page.locator('#group-title').fill(slip);
    await page.locator('#group-owner').selectOption('guardian');
    await page.getByRole('button', { name: lang === 'es' ? 'Asignar a todo el grado' : 'Assign to the whole grade' }).click();
    assert.match(page.url(), /grade=10/);
    await checkAccessible(page, `caseload-grade-${lang}`);
    await context.close();

    const family = await browser.newContext();
    const guardian = await family.newPage();
    await signInAs(guardian, lang, 'guardian@demo.test');
    assert.ok(await shown(guardian.getByRole('link', { name: slip })), 'the step waits on the guardian home page');
    await family.close();
  });
}

const DOING = {
  en: { addActivity: 'Add an activity or work-based learning', what: 'What you did', kind: 'Kind of activity', hours: 'Hours in all (optional)', addButton: 'Add the activity', wbl: 'Work-based learning', progress: /Evidence for [1-9]\d* of the 12 practices/, reflect: 'Your reflection', prompt: 'Prompt', saveReflection: 'Save the reflection', after: 'Change the plan for after high school', twoYear: 'Two-year college', save: 'Save', reflections: 'Reflections', pdf: 'Print the plan (PDF)', resume: 'Resume built from the plan' },
  es: { addActivity: 'Agregar una actividad o aprendizaje basado en el trabajo', what: 'Qué hiciste', kind: 'Tipo de actividad', hours: 'Horas en total (opcional)', addButton: 'Agregar la actividad', wbl: 'Aprendizaje basado en el trabajo', progress: /Evidencia de [1-9]\d* de las 12 prácticas/, reflect: 'Tu reflexión', prompt: 'Pregunta', saveReflection: 'Guardar la reflexión', after: 'Cambiar el plan para después de la preparatoria', twoYear: 'Colegio comunitario de dos años', save: 'Guardar', reflections: 'Reflexiones', pdf: 'Imprimir el plan (PDF)', resume: 'Currículum a partir del plan' },
};

for (const lang of ['en', 'es']) {
  test(`a student records an internship, reflects and plans for after high school (${lang})`, async () => {
    const t = DOING[lang];
    const internship = lang === 'es' ? 'Pasantía en la clínica Mercy' : 'Internship at Mercy Clinic';
    const words = lang === 'es' ? 'Aprendí a hablar con pacientes con calma y claridad.' : 'I learned to talk with patients calmly and clearly.';
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, lang, 'student@demo.test');
    await page.getByRole('link', { name: TEXT[lang].myPlan }).click();

    await page.getByText(t.addActivity).click();
    await page.locator('#new-activity-title').fill(internship);
    await page.locator('#new-activity-kind').selectOption('internship');
    await page.locator('#new-activity-hours').fill('120');
    await page.locator('#new-activity-cluster-healthcare-human-services').check();
    await page.locator('#new-activity-practice-4').check();
    await page.getByRole('button', { name: t.addButton }).click();
    const wbl = page.locator('section[aria-labelledby="activities-heading"]');
    assert.ok(await shown(wbl.getByRole('heading', { name: internship })), 'the internship is on the plan');
    assert.ok(await shown(page.getByText(t.progress)), 'the practice counts as evidence');

    await page.getByLabel(t.prompt).selectOption('free');
    await page.getByLabel(t.reflect).fill(words);
    await page.locator('#reflection-practice-4').check();
    await page.getByRole('button', { name: t.saveReflection }).click();
    assert.ok(await shown(page.getByText(words)), 'the reflection is on the plan');

    await page.getByText(t.after).click();
    await page.getByLabel(t.twoYear).check();
    await page.locator('#postsecondary-details').fill(lang === 'es' ? 'Enfermería en el colegio comunitario' : 'Nursing at the community college');
    await page.locator('section[aria-labelledby="postsecondary-heading"]').getByRole('button', { name: t.save }).click();
    assert.ok(await shown(page.locator('section[aria-labelledby="postsecondary-heading"]').getByText(t.twoYear).first()));
    await page.locator('#activities-heading').scrollIntoViewIfNeeded();
    await checkAccessible(page, `plan-activities-${lang}`);
    const planUrl = page.url().split('?')[0];
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.pdf }).click()]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'the plan downloads as a PDF');
    assert.match(download.suggestedFilename(), /^plan-.*\.pdf$/);
    await page.getByRole('link', { name: t.resume }).click();
    assert.ok(await shown(page.getByRole('heading', { name: internship })), 'the internship is on the resume');
    await checkAccessible(page, `resume-${lang}`);
    await context.close();

    const staff = await browser.newContext();
    const teacher = await staff.newPage();
    await signInAs(teacher, lang, 'teacher@demo.test');
    await teacher.goto(`${planUrl}?lang=${lang}`);
    assert.ok(await shown(teacher.getByRole('heading', { name: internship })), 'teachers see activities');
    assert.equal(await teacher.getByText(words).count(), 0, 'teachers do not read reflections');
    assert.equal(await teacher.getByRole('heading', { name: t.reflections, exact: true }).count(), 0);
    await checkAccessible(teacher, `plan-teacher-${lang}`);
    await staff.close();
  });
}

for (const lang of ['en', 'es']) {
  test(`a middle schooler reflects on a prompt for their grade and records a club (${lang})`, async () => {
    const t = DOING[lang];
    const club = lang === 'es' ? 'Club de ciencias' : 'Science club';
    const words = lang === 'es' ? 'Me gustó ayudar a mi vecina con su jardín.' : 'I liked helping my neighbor with her garden.';
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, lang, 'middle-schooler@demo.test');
    await page.getByRole('link', { name: TEXT[lang].myPlan }).click();
    const prompts = await page.getByLabel(t.prompt).locator('option').evaluateAll((options) => options.map((o) => o.value));
    assert.ok(prompts.includes('enjoy') && !prompts.includes('after-school'), `middle-school prompts: ${prompts}`);
    await page.getByLabel(t.prompt).selectOption('helped');
    await page.getByLabel(t.reflect).fill(words);
    await page.getByRole('button', { name: t.saveReflection }).click();
    assert.ok(await shown(page.getByText(words)), 'the reflection is on the plan');

    await page.getByText(t.addActivity).click();
    await page.locator('#new-activity-title').fill(club);
    await page.locator('#new-activity-practice-6').check();
    await page.getByRole('button', { name: t.addButton }).click();
    assert.ok(await shown(page.getByRole('heading', { name: club })), 'the club is on the plan');
    await checkAccessible(page, `plan-middle-schooler-${lang}`);
    await context.close();
  });
}

const COURSES = {
  en: { course: 'Course', grade: 'Grade', add: 'Add the course', credits: 'Credits toward graduation', checklist: 'Plan checklist', offTrack: 'Off track in credits', needs: 'Needs', filter: 'Filter', whole: 'Whole caseload', completed: 'Completed', save: 'Save' },
  es: { course: 'Curso', grade: 'Grado', add: 'Agregar el curso', credits: 'Créditos para la graduación', checklist: 'Lista del plan', offTrack: 'Atrasado en créditos', needs: 'Necesidad', filter: 'Filtrar', whole: 'Todos tus estudiantes', completed: 'Aprobado', save: 'Guardar' },
};

for (const lang of ['en', 'es']) {
  test(`a student plans courses toward graduation and the counselor finds who is off track (${lang})`, async () => {
    const t = COURSES[lang];
    const title = lang === 'es' ? 'English 12' : 'English 11';
    const grade = lang === 'es' ? '12' : '11';
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, lang, 'student@demo.test');
    await page.getByRole('link', { name: TEXT[lang].myPlan }).click();
    assert.ok(await shown(page.getByRole('heading', { name: t.checklist })), 'the checklist of the grade');
    assert.ok(await shown(page.getByRole('table', { name: t.credits })), 'the credit check');
    const picker = page.locator('#new-course');
    const value = await picker.locator('option').evaluateAll((options, title) => options.find((o) => o.textContent.startsWith(title))?.value, title);
    assert.ok(value, `${title} is in the catalog`);
    await picker.selectOption(value);
    await page.locator('#new-course-grade').selectOption(grade);
    await page.getByRole('button', { name: t.add }).click();
    const planned = page.getByRole('table', { name: new RegExp(`^${t.grade} ${grade}`) });
    assert.ok(await shown(planned.getByRole('rowheader', { name: new RegExp(`^${title}`) })), 'the course is in its grade');
    await page.locator('#courses-heading').scrollIntoViewIfNeeded();
    await checkAccessible(page, `plan-courses-${lang}`);
    const planUrl = page.url().split('?')[0].split('#')[0];
    await context.close();

    // The counselor records a ninth-grade course the student did not pass.
    const staff = await browser.newContext();
    const counselor = await staff.newPage();
    await signInAs(counselor, lang, 'counselor@demo.test');
    await counselor.goto(`${planUrl}?lang=${lang}`);
    const ninth = counselor.getByRole('table', { name: new RegExp(`^${t.grade} 9`) });
    const course = ninth.locator('tbody tr').filter({ hasText: t.completed }).first();
    await course.locator('summary').click();
    await course.locator('select[name=status]').selectOption('not_passed');
    await course.getByRole('button', { name: t.save }).click();
    assert.ok(await shown(counselor.locator('#course-warnings-heading')), 'the plan says the student is behind');
    await counselor.locator('#courses-heading').scrollIntoViewIfNeeded();
    await checkAccessible(counselor, `plan-off-track-${lang}`);

    await counselor.goto(`${server.url}/caseload?lang=${lang}`);
    await counselor.getByLabel(t.needs, { exact: true }).selectOption('off-track');
    await counselor.getByRole('button', { name: t.filter }).click();
    const rows = counselor.getByRole('table', { name: t.whole }).locator('tbody tr');
    const reasons = await rows.locator('td:last-child').allInnerTexts();
    assert.ok(reasons.length > 0 && reasons.every((text) => text.includes(t.offTrack)), 'every student shown is off track');
    const path = new URL(planUrl).pathname;
    assert.equal(await rows.locator(`a[href="${path}"]`).count(), 1, 'the student is among them');
    await checkAccessible(counselor, `caseload-off-track-${lang}`);
    await staff.close();
  });
}
