/** Where the Graph adapter gets its bearer token: MSAL in Office and the browser, the sandbox's token call locally. */
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
}
