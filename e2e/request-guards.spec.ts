import type { APIRequestContext } from "@playwright/test";
import { FORM_BODY_LIMIT_BYTES, SERVER_ACTIONS_BODY_LIMIT_BYTES } from "../next.config.js";
import { expect, test } from "./fixtures";

// proxy.ts answers the POSTs Next itself would answer with a 500: a server action sent from another site
// (403) and a body over the limit (413: 3 MB on My School, where a staff list is uploaded; 1 MB on every other
// page), each with a short plain-text reason.
const NO_SUCH_ACTION = "0".repeat(42);

/** The sign-in form's real action id, as the page hands it to a browser without JavaScript. */
async function signInActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-in")).text();
  const id = html.match(/&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/)?.[1];
  expect(id, "the sign-in form's action id").toBeTruthy();
  return id!;
}

test("a server action sent from another site is refused with 403, not a server error", async ({ request, baseURL }) => {
  const action = await signInActionId(request);
  for (const origin of ["https://evil.example", "null", "not a url", baseURL!.replace("127.0.0.1", "localhost")]) {
    for (const path of ["/sign-in", "/invite/not-a-real-invitation-token", "/workplace/my-school"]) {
      const response = await request.post(path, { headers: { "Next-Action": path === "/sign-in" ? action : NO_SUCH_ACTION, Origin: origin }, multipart: { "1_email": "lead@northstar.example" } });
      expect(response.status(), `${origin} → ${path}`).toBe(403);
      expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/another site/);
    }
  }
  // A form posted without JavaScript carries no Next-Action header; it is refused the same way.
  const form = await request.post("/sign-in", { headers: { Origin: "https://evil.example" }, multipart: { "$ACTION_ID_0": "", email: "x" } });
  expect(form.status()).toBe(403);
});

test("the same request from this site itself is not refused by the guard", async ({ request, baseURL }) => {
  // An action id that does not exist: Next answers that it has no such action, which is not a 403 or a 5xx.
  const response = await request.post("/sign-in", { headers: { "Next-Action": NO_SUCH_ACTION, Origin: new URL(baseURL!).origin }, multipart: { "1_email": "x" } });
  expect(response.status()).not.toBe(403);
  expect(response.status()).toBeLessThan(500);
});

test("a body over the limit (3 MB on My School, 1 MB elsewhere) is refused with 413, not a server error", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const action = await signInActionId(request);
  for (const [path, limit, words] of [["/sign-in", FORM_BODY_LIMIT_BYTES, "1 MB"], ["/workplace/my-school", SERVER_ACTIONS_BODY_LIMIT_BYTES, "3 MB"]] as const) {
    const response = await request.post(path, { headers: { "Next-Action": path === "/sign-in" ? action : NO_SUCH_ACTION, Origin: origin }, multipart: { "1_email": "x".repeat(limit) } });
    expect(response.status(), path).toBe(413);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(new RegExp(`at most ${words}`));
    // At the limit exactly, the guard lets it through (Next then answers for the unknown action).
    const atLimit = await request.post(path, { headers: { "Next-Action": NO_SUCH_ACTION, Origin: origin, "Content-Type": "text/plain" }, data: "x".repeat(limit) });
    expect(atLimit.status(), path).not.toBe(413);
    expect(atLimit.status(), path).toBeLessThan(500);
  }
});
