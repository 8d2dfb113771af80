/**
 * A bearer token that has not been used for this long no longer signs in: a lost phone's token
 * dies on its own. Its use is noted at most once a minute (lib/api/tokens.ts), so the measure is
 * exact to the minute. Stated in the OpenAPI document.
 */
export const TOKEN_IDLE_DAYS = 30;
