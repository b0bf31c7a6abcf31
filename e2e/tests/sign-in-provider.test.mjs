// Single sign-on through a district's OpenID Connect provider: a real provider started on
// localhost, configured with `pathways sign-in add`, and a browser that signs in through it
// (authorization code with PKCE), matched by email and by roster id, en and es.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, screenshotDir, checkAccessible } from './server.mjs';
import { startIdentityProvider } from './identity-provider.mjs';

let server;
let browser;
let provider;

function pathways(...args) {
  return execFileSync(server.binary, [...args, '--database-url', server.databaseUrl], { encoding: 'utf8' });
}

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer({ demoStudents: 60 });
  provider = await startIdentityProvider({ redirectUri: `${server.url}/signin/oidc/callback` });
  const common = ['--district', 'riverbend', '--issuer', provider.issuer, '--client-id', provider.clientId];
  pathways('sign-in', 'add', ...common, '--label', 'Riverbend Google', '--client-secret', provider.clientSecret);
  pathways('sign-in', 'add', ...common, '--label', 'Clever', '--client-secret', provider.clientSecret, '--match', 'roster-id');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await provider?.stop();
  await server?.stop();
});

// From the sign-in page through the provider's login and consent screens, back to Pathways.
async function signInThrough(page, lang, button, login) {
  await page.goto(`${server.url}/signin?lang=${lang}`);
  await page.getByRole('link', { name: button }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent: "Continue"
  await page.waitForURL((url) => url.origin === server.url);
}

for (const lang of ['en', 'es']) {
  test(`a student signs in with the district's provider, matched by email (${lang})`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/signin?lang=${lang}`);
    await checkAccessible(page, `signin-providers-${lang}`);
    const button = lang === 'es' ? /Iniciar sesión con Riverbend Google/ : /Sign in with Riverbend Google/;
    await signInThrough(page, lang, button, 'student@demo.test');
    assert.equal(new URL(page.url()).pathname, '/home');
    const marker = lang === 'es' ? 'Quién vio mi expediente' : 'Who viewed my record';
    assert.ok((await page.content()).includes(marker), 'the student home page');
    await checkAccessible(page, `home-after-provider-${lang}`);
    await context.close();
  });

  test(`a provider account with no Pathways user is refused with a clear message (${lang})`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const button = lang === 'es' ? /Iniciar sesión con Riverbend Google/ : /Sign in with Riverbend Google/;
    await signInThrough(page, lang, button, 'stranger@elsewhere.test');
    assert.equal(new URL(page.url()).pathname, '/signin/oidc/callback');
    const message = lang === 'es' ? 'no está vinculada a una cuenta de Pathways' : 'is not linked to a Pathways account';
    assert.ok((await page.locator('[role="alert"]').innerText()).includes(message));
    await checkAccessible(page, `signin-provider-no-account-${lang}`);
    const home = await page.goto(`${server.url}/home`);
    assert.equal(new URL(home.url()).pathname, '/signin', 'still signed out');
    await context.close();
  });
}

test('a provider that names people by roster id signs in the user with that sourcedId', async () => {
  const sourcedId = execFileSync('sqlite3', [server.databaseUrl.replace('sqlite://', ''), "SELECT sourced_id FROM users WHERE email = 'teacher@demo.test'"], { encoding: 'utf8' }).trim();
  assert.ok(sourcedId, 'the demo teacher has a roster id');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThrough(page, 'en', /Sign in with Clever/, sourcedId);
  assert.equal(new URL(page.url()).pathname, '/home');
  assert.ok((await page.content()).includes('Your classes'), 'the teacher home page');
  await context.close();
});

test('coming back with a state that does not match the session signs no one in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${server.url}/signin/oidc/callback?code=forged&state=forged`);
  assert.equal(response.status(), 400);
  assert.ok((await page.locator('[role="alert"]').innerText()).includes('expired or was already used'));
  await context.close();
});
