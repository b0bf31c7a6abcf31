// A real OpenID Connect provider (npm oidc-provider) on localhost, standing in for a
// district's Google, Microsoft, Clever or ClassLink. Its development login form accepts any
// login name; the account's `sub` and `email` are the name typed.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export async function startIdentityProvider({ redirectUri, clientId = 'pathways', clientSecret = 'pathways-test-secret' }) {
  // The issuer URL names the port, so listen first and attach the provider after.
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
    pkce: { required: () => true, methods: ['S256'] },
    cookies: { keys: ['pathways-e2e-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true }),
    }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
