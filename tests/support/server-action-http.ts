import { serverActionId } from "../../scripts/lib/server-action-id";

/**
 * A server action of the built app, posted as the page's own client code posts it (the action's
 * id from the build's manifest, the input as its one argument), from the app's own origin.
 */
export async function postServerAction(baseUrl: string, cookie: string, action: { file: string; name: string; path: string }, input: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${action.path}`, {
    method: "POST",
    headers: {
      cookie,
      origin: baseUrl,
      "next-action": serverActionId(action.file, action.name),
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify([input]),
  });
  return { status: response.status, text: await response.text() };
}
