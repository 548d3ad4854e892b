// EVE SSO v2 endpoints. CCP publishes them in /.well-known/oauth-authorization-server;
// the v2 paths are stable, and fixing them here keeps startup free of a network call.
export function ssoEndpoints(baseUrl: string) {
  return {
    authorize: `${baseUrl}/v2/oauth/authorize`,
    token: `${baseUrl}/v2/oauth/token`,
    revoke: `${baseUrl}/v2/oauth/revoke`,
    jwks: `${baseUrl}/oauth/jwks`,
  };
}
