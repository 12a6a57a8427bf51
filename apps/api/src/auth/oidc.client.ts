import type { OidcConfig } from '../security/security-config';

type OpenIdClient = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/**
 * The relying party (authorisation code flow with PKCE, state and nonce) over openid-client.
 * openid-client is ESM-only, so it is loaded on first use; deployments without OIDC never load it.
 */
export class OidcRelyingParty {
  private configuration?: Promise<{ lib: OpenIdClient; config: Configuration }>;

  constructor(private readonly settings: OidcConfig) {}

  private discover() {
    this.configuration ??= (async () => {
      const lib = await import('openid-client');
      // Plain HTTP only for an identity provider on this machine (tests, local trials).
      const execute = isLoopback(this.settings.issuerUrl) ? [lib.allowInsecureRequests] : [];
      const config = await lib.discovery(
        new URL(this.settings.issuerUrl),
        this.settings.clientId,
        { client_secret: this.settings.clientSecret },
        lib.ClientSecretBasic(this.settings.clientSecret),
        { execute },
      );
      return { lib, config };
    })();
    // A failed discovery is retried on the next login instead of being cached.
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }

  async start(): Promise<{ url: string; transaction: OidcTransaction }> {
    const { lib, config } = await this.discover();
    const transaction = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      codeVerifier: lib.randomPKCECodeVerifier(),
    };
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await lib.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  /** Exchanges the code from the callback query; returns the ID token's subject. */
  async finish(callbackQuery: string, transaction: OidcTransaction): Promise<{ subject: string }> {
    const { lib, config } = await this.discover();
    // The callback URL is rebuilt from configuration, never from the request's Host header.
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = callbackQuery;
    const tokens = await lib.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims?.sub) throw new Error('the ID token has no subject');
    return { subject: claims.sub };
  }
}
