// Only same-origin paths may follow sign-in; anything else (//evil, https://other…) goes home.
export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (!value) return "/";
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
