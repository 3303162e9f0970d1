import createClient, { mergeHeaders, type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** A client whose every call is typed by Strata's OpenAPI document. */
export type StrataClient = Client<paths>;

export interface StrataClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Sent as `Authorization: Bearer <token>`: an access token (JWT) or an API token. */
  token?: string;
}

/**
 * A client for the Strata server at `baseUrl` (e.g. `http://127.0.0.1:3000`). Paths, params,
 * bodies and answers are checked against the document the package was generated from.
 */
export function createStrataClient(
  baseUrl: string,
  { token, headers, ...options }: StrataClientOptions = {},
): StrataClient {
  return createClient<paths>({
    ...options,
    baseUrl,
    headers:
      token === undefined ? headers : mergeHeaders(headers, { Authorization: `Bearer ${token}` }),
  });
}
