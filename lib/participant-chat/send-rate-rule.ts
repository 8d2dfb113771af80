/**
 * How many messages a participant may send per window, on the web chat and the API together
 * (lib/participant-chat/send-rate.ts). A person typing sends far fewer; a script storing 100 messages in
 * 0.7 s is stopped after the limit. Set by SEND_RATE_LIMIT and SEND_RATE_WINDOW_SECONDS (tests use
 * a small limit and a long window, so that the outcome never depends on the clock); the OpenAPI
 * document states the figures in force.
 */
export function sendRateRule(env: NodeJS.ProcessEnv = process.env): { limit: number; windowSeconds: number } {
  const number = (value: string | undefined, fallback: number) => (value && Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
  return { limit: number(env.SEND_RATE_LIMIT, 30), windowSeconds: number(env.SEND_RATE_WINDOW_SECONDS, 10) };
}
