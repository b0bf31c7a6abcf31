// The lesson library in a real browser: a teacher gets career suggestions for a unit on
// Hamlet, adapts a colleague's lesson, tags it, records teaching it to a class, and an
// enrolled student finds the careers on their plan; en and es, axe on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
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
    library: 'Lesson library', suggestLink: 'Suggest careers for a unit', subject: 'Subject', topic: 'Topic',
    suggest: 'Suggest', judicial: 'Judicial Systems', behavioral: 'Behavioral & Mental Health',
    healthcare: 'Healthcare & Human Services', fork: 'Adapt a copy', title: 'Title', school: 'Staff of my school',
    save: 'Save', adapted: 'Adapted from', record: 'Record', recorded: /Recorded\. \d+ students now see/,
    myPlan: 'My plan', metInClass: 'Careers met in class', explored: 'You explored',
    interests: 'Career interests in this class', speakers: 'Guest speakers', from: 'Any day from', until: 'Until',
    speakerField: 'From which careers', send: 'Send the request', waiting: 'Waiting for a partner',
    plcs: 'Learning communities', postTitle: 'Title', message: 'Message', post: 'Post', move: 'Move', done: 'Done',
  },
  es: {
    library: 'Biblioteca de clases', suggestLink: 'Sugerir carreras para una unidad', subject: 'Materia', topic: 'Tema',
    suggest: 'Sugerir', judicial: 'Sistemas judiciales', behavioral: 'Salud conductual y mental',
    healthcare: 'Salud y servicios humanos', fork: 'Adaptar una copia', title: 'Título', school: 'El personal de mi escuela',
    save: 'Guardar', adapted: 'Adaptada de', record: 'Registrar', recorded: /Registrado\. \d+ estudiantes ya ven/,
    myPlan: 'Mi plan', metInClass: 'Carreras vistas en clase', explored: 'Exploraste',
    interests: 'Intereses profesionales de este grupo', speakers: 'Oradores invitados', from: 'Cualquier día desde',
    until: 'Hasta', speakerField: 'De qué carreras', send: 'Enviar la solicitud', waiting: 'Esperando a un socio',
    plcs: 'Comunidades de aprendizaje', postTitle: 'Título', message: 'Mensaje', post: 'Publicar', move: 'Mover',
    done: 'Terminado',
  },
};

for (const lang of ['en', 'es']) {
  test(`a teacher adapts a Hamlet lesson, teaches it, and a student sees the careers on their plan (${lang})`, async () => {
    const t = TEXT[lang];
    const forkTitle = lang === 'es' ? 'Hamlet a juicio, 10.º grado' : 'Hamlet on Trial, 10th grade';
    const staff = await browser.newContext();
    const teacher = await staff.newPage();
    await signIn(teacher, server.url, lang, 'teacher@demo.test');
    await teacher.waitForURL(`${server.url}/home`);
    await teacher.getByRole('link', { name: t.library }).click();
    assert.ok(await shown(teacher.getByRole('heading', { level: 1, name: t.library })));
    await checkAccessible(teacher, `classroom-library-${lang}`);

    await teacher.getByRole('link', { name: t.suggestLink }).click();
    await teacher.getByLabel(t.subject).fill(lang === 'es' ? 'Inglés 10' : 'English 10');
    await teacher.getByLabel(t.topic).fill('Hamlet');
    await teacher.getByRole('button', { name: t.suggest, exact: true }).click();
    const first = teacher.locator('ol.results > li').first();
    assert.ok(await shown(first.getByRole('link', { name: t.judicial })), 'Judicial Systems is the first suggestion');
    assert.ok((await first.innerText()).includes('Hamlet'), 'with the reason naming the topic');
    await checkAccessible(teacher, `classroom-suggest-hamlet-${lang}`);

    await teacher.getByRole('link', { name: /^Hamlet on Trial: Argument/ }).first().click();
    assert.ok(await shown(teacher.getByRole('heading', { level: 1, name: /^Hamlet on Trial/ })));
    await checkAccessible(teacher, `classroom-lesson-${lang}`);

    await teacher.getByRole('button', { name: t.fork }).click();
    await teacher.waitForURL(/\/classroom\/lessons\/[0-9a-f-]+\/edit/);
    await teacher.getByLabel(t.title, { exact: true }).fill(forkTitle);
    await teacher.locator('details.tag-picker', { hasText: t.healthcare }).locator('summary').click();
    await teacher.getByLabel(t.behavioral).check();
    assert.ok(await teacher.getByLabel(t.judicial).isChecked(), 'the original tags come with the copy');
    await teacher.getByLabel(t.school).check();
    await checkAccessible(teacher, `classroom-lesson-edit-${lang}`);
    await teacher.getByRole('button', { name: t.save, exact: true }).click();
    assert.ok(await shown(teacher.getByRole('heading', { level: 1, name: forkTitle })), 'the adapted lesson is saved');
    assert.ok(await shown(teacher.getByText(t.adapted)), 'crediting the original');
    assert.ok(await shown(teacher.getByRole('link', { name: t.behavioral })), 'with the new tag');

    await teacher.getByRole('button', { name: t.record, exact: true }).click();
    assert.ok(await shown(teacher.getByText(t.recorded)), 'the teacher is told how many students it reached');
    await checkAccessible(teacher, `classroom-lesson-taught-${lang}`);
    await staff.close();

    const family = await browser.newContext();
    const student = await family.newPage();
    await signIn(student, server.url, lang, 'student@demo.test');
    await student.waitForURL(`${server.url}/home`);
    await student.getByRole('link', { name: t.myPlan }).click();
    const section = student.locator('section', { has: student.getByRole('heading', { name: t.metInClass }) });
    const item = section.locator('li', { hasText: forkTitle });
    assert.ok(await shown(item), 'the lesson is on the student plan');
    const line = await item.innerText();
    assert.ok(line.startsWith(t.explored) && line.includes(t.judicial) && line.includes(t.behavioral), line);
    await section.scrollIntoViewIfNeeded();
    await checkAccessible(student, `classroom-plan-exposure-${lang}`);
    await family.close();
  });
}

function isoDate(daysAhead) {
  return new Date(Date.now() + daysAhead * 86400000).toISOString().slice(0, 10);
}

for (const lang of ['en', 'es']) {
  test(`a teacher reads the class interests and asks for a guest speaker (${lang})`, async () => {
    const t = TEXT[lang];
    const context = await browser.newContext();
    const teacher = await context.newPage();
    await signIn(teacher, server.url, lang, 'teacher@demo.test');
    await teacher.waitForURL(`${server.url}/home`);
    await teacher.locator('table a[href^="/classes/"]').first().click();
    assert.ok(await shown(teacher.getByRole('heading', { name: t.interests })));
    await teacher.getByLabel(t.speakerField).selectOption('judicial-systems');
    await teacher.getByLabel(t.from).fill(isoDate(10));
    await teacher.getByLabel(t.until).fill(isoDate(40));
    await teacher.getByRole('button', { name: t.send }).click();
    const requests = teacher.locator('section', { has: teacher.getByRole('heading', { name: t.speakers }) });
    assert.ok(await shown(requests.getByText(t.waiting)), 'the request waits for a partner');
    assert.ok((await requests.innerText()).includes(t.judicial));
    await checkAccessible(teacher, `classroom-class-${lang}`);
    await context.close();
  });
}

for (const lang of ['en', 'es']) {
  test(`a teacher posts in their learning community and moves a project on its board (${lang})`, async () => {
    const t = TEXT[lang];
    const context = await browser.newContext();
    const teacher = await context.newPage();
    await signIn(teacher, server.url, lang, 'teacher@demo.test');
    await teacher.waitForURL(`${server.url}/home`);
    await teacher.goto(`${server.url}/classroom?lang=${lang}`);
    await teacher.getByRole('link', { name: t.plcs }).first().click();
    await checkAccessible(teacher, `classroom-plcs-${lang}`);
    await teacher.getByRole('link', { name: 'Grade 10 career connections' }).click();
    const subject = lang === 'es' ? 'Visita al tribunal' : 'Courthouse visit';
    await teacher.locator('#thread-title').fill(subject);
    await teacher.locator('#thread-body').fill(lang === 'es' ? '¿Quién reserva el autobús?' : 'Who books the bus?');
    await teacher.getByRole('button', { name: t.post, exact: true }).click();
    assert.ok(await shown(teacher.getByRole('heading', { name: subject })), 'the discussion is posted');
    const card = teacher.locator('li.board-card', { hasText: 'Podcast on local jobs' });
    await card.getByRole('combobox').selectOption('done');
    await card.getByRole('button', { name: new RegExp(`^${t.move}`) }).click();
    const done = teacher.locator('section.board-column', { has: teacher.getByRole('heading', { name: t.done, exact: true }) });
    assert.ok(await shown(done.getByText('Podcast on local jobs')), 'the project moved to done');
    await checkAccessible(teacher, `classroom-plc-${lang}`);
    await context.close();
  });
}
