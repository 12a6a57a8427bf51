// A real OpenID Provider (oidc-provider) on a loopback port, for the OIDC login test.
// Usage: node oidc-test-provider.mjs <port> <client_id> <client_secret> <redirect_uri>
// Prints one JSON line {"issuer": …} when it serves requests. Its dev login form accepts any account id as subject.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  cookies: { keys: ['onewindow-test-provider-cookie-key'] },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `Test ${id}` };
      },
    };
  },
});
provider.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
