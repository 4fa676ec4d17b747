// The clients of `npm run resilience` (scripts/resilience.ts): signed-in people reading pages and writing through
// server actions as a browser does, each request classified by what a person would see.
import { appendFileSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import pg from "pg";
import { findChromium } from "./chromium";

const PASSWORD = "schoot-demo-2026";
const NOTHING_CHANGED = "Something went wrong and nothing was changed";
const ERROR_PAGE = "Schoot is briefly unavailable";
const LEAKS = /prisma|invocation|ECONNREFUSED|P1001|57P0|127\.0\.0\.1:\d|at async/i;

export type Sample = { kind: "read" | "action"; instance: number; start: number; end: number; outcome: string; ok: boolean };
export type Client = { email: string; cookie: string; kind: Sample["kind"]; step: (instance: string) => Promise<{ kind: Sample["kind"]; outcome: string; ok: boolean }> };

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");

/** Signs in through Auth.js's own credentials endpoint, one account at a time (as people would, not a burst). */
async function signIn(origin: string, email: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${origin}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Could not sign in as ${email} (status ${response.status})`);
  return session.split(";")[0]!;
}

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));
}

export async function readPage(client: Pick<Client, "cookie">, origin: string, path: string) {
  const response = await fetch(origin + path, { headers: { cookie: client.cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (body.includes(ERROR_PAGE) || response.status >= 500) {
    // Nothing of the error behind it reaches the page. (Next answers a page that fails before its first byte with
    // its own error document, which the browser then fills with app/error.tsx: see checkErrorPageInBrowser.)
    const leak = LEAKS.test(body) ? ", LEAKING the error" : "";
    return { kind: "read" as const, outcome: `page: HTTP ${response.status}${leak}`, ok: false };
  }
  if (process.env.RESILIENCE_DEBUG && response.status !== 200) appendFileSync(".data/resilience-debug.log", `${path} ${response.status} ${response.headers.get("location")}\n`);
  if (response.status !== 200) return { kind: "read" as const, outcome: `page: HTTP ${response.status}`, ok: false };
  return { kind: "read" as const, outcome: "page: 200", ok: true };
}

/** Calls a server action as the browser does: its id in Next-Action, the arguments (state, FormData) encoded by React. */
async function callAction(client: Pick<Client, "cookie">, origin: string, path: string, id: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await fetch(origin + path, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: client.cookie, "next-action": id, accept: "text/x-component", origin },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (process.env.RESILIENCE_DEBUG) appendFileSync(".data/resilience-debug.log", `${path} ${JSON.stringify(fields)} ${response.status}\n${text.slice(0, 600)}\n\n`);
  if (response.status >= 500) return { kind: "action" as const, outcome: `action: HTTP ${response.status}`, ok: false };
  if (text.includes(NOTHING_CHANGED)) return { kind: "action" as const, outcome: `action: HTTP ${response.status}, "nothing was changed" in place`, ok: false };
  if (text.includes("Your session has ended")) return { kind: "action" as const, outcome: "action: session ended", ok: false };
  if (text.includes("only Administrator")) return { kind: "action" as const, outcome: "action: refused (last Administrator)", ok: true };
  return { kind: "action" as const, outcome: `action: HTTP ${response.status}`, ok: response.status < 400 };
}

export async function loadWorkload(sql: pg.Client, origin: string, clientCount: number) {
  const ids = actionIds();
  const clients: Client[] = [];
  const cookies = new Map<string, string>();
  const cookieFor = async (email: string) => {
    if (!cookies.has(email)) cookies.set(email, await signIn(origin, email));
    return cookies.get(email)!;
  };

  // Role changers: each Administrator of an organisation with a Member flips that Member's role; in the first
  // school, the Member flips the Administrator back (two people racing on the last-Administrator rule).
  const pairs = await sql.query<{ organisation_id: string; admin_email: string; admin_membership: string; member_email: string; member_membership: string }>(`
    SELECT DISTINCT ON (o.id) o.id AS organisation_id, au.email AS admin_email, a.id AS admin_membership, mu.email AS member_email, m.id AS member_membership
    FROM "Organisation" o
    JOIN "Membership" a ON a."organisationId" = o.id AND a.role = 'ADMINISTRATOR' JOIN "User" au ON au.id = a."userId"
    JOIN "Membership" m ON m."organisationId" = o.id AND m.role = 'MEMBER' JOIN "User" mu ON mu.id = m."userId"
    WHERE mu."platformRole" = 'NONE'
    ORDER BY o.id, au.email, mu.email LIMIT 7`);
  const flipper = (email: string, cookie: string, organisationId: string, membershipId: string): Client => {
    let next = "ADMINISTRATOR";
    return {
      email,
      cookie,
      kind: "action",
      step: async (origin) => {
        const result = await callAction({ cookie }, origin, "/workplace/my-school", ids.changeRoleAction!, { organisationId, membershipId, role: next, confirm: "yes" });
        if (result.ok) next = next === "ADMINISTRATOR" ? "MEMBER" : "ADMINISTRATOR";
        return result;
      },
    };
  };
  for (const [index, pair] of pairs.rows.entries()) {
    clients.push(flipper(pair.admin_email, await cookieFor(pair.admin_email), pair.organisation_id, pair.member_membership));
    if (index === 0) clients.push(flipper(pair.member_email, await cookieFor(pair.member_email), pair.organisation_id, pair.admin_membership));
  }

  // Learners: staff with unfinished courses complete their next lessons.
  const learners = await sql.query<{ email: string; lessons: { slug: string; position: number }[] }>(`
    SELECT u.email, json_agg(json_build_object('slug', c.slug, 'position', l.position) ORDER BY c.slug, l.position) AS lessons
    FROM "User" u JOIN "Enrolment" e ON e."userId" = u.id JOIN "Course" c ON c.id = e."courseId" JOIN "Lesson" l ON l."courseId" = c.id
    WHERE NOT EXISTS (SELECT 1 FROM "LessonCompletion" lc WHERE lc."enrolmentId" = e.id AND lc."lessonId" = l.id)
      AND u."platformRole" = 'NONE' AND u.email !~ '^(lead|head|teacher|analyst)@'
    GROUP BY u.email ORDER BY u.email LIMIT 11`);
  for (const learner of learners.rows) {
    const cookie = await cookieFor(learner.email);
    let i = 0;
    clients.push({
      email: learner.email,
      cookie,
      kind: "action",
      step: async (origin) => {
        const lesson = learner.lessons[i++ % learner.lessons.length]!;
        return callAction({ cookie }, origin, `/courses/${lesson.slug}/lessons/${lesson.position}`, ids.completeLessonAction!, { slug: lesson.slug, position: String(lesson.position) });
      },
    });
  }

  // Readers: the rest, on the pages each person opens most.
  const readers = await sql.query<{ email: string; organisation_id: string; kind: string; role: string; academies: boolean }>(`
    SELECT u.email, m."organisationId" AS organisation_id, o.kind::text AS kind, m.role::text AS role, o.designation = 'ACADEMIES' AS academies
    FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Organisation" o ON o.id = m."organisationId"
    WHERE u.email ~ '^(lead|head|teacher|analyst)@' ORDER BY u.email`);
  // Not in the organisation whose Administrator may be demoted mid-run: their pages would rightly answer 404.
  const readable = readers.rows.filter((row) => row.organisation_id !== pairs.rows[0]?.organisation_id);
  for (let i = 0; clients.length < clientCount; i++) {
    const reader = readable[i % readable.length]!;
    const cookie = await cookieFor(reader.email);
    const paths = ["/workplace/my-school", "/courses/my-courses"];
    if (reader.role === "ADMINISTRATOR" && reader.kind === "SCHOOL") paths.push(`/courses/progress/${reader.organisation_id}`);
    if (reader.role === "ADMINISTRATOR" && reader.kind === "TRUST" && reader.academies) paths.push(`/courses/overview/${reader.organisation_id}`);
    let n = i;
    clients.push({ email: reader.email, cookie, kind: "read", step: (origin) => readPage({ cookie }, origin, paths[n++ % paths.length]!) });
  }
  return clients;
}

/** What a person sees in a browser when a page fails during the outage: the try-again page, and no error. */
export async function checkErrorPageInBrowser(origin: string, cookie: string): Promise<string | null> {
  const executablePath = findChromium();
  if (!executablePath) return "no Chromium to check the page in a browser";
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name: name!, value: value!, url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}/courses/my-courses`);
    await page.getByRole("heading", { name: ERROR_PAGE }).waitFor({ timeout: 15_000 });
    const text = await page.locator("body").innerText();
    if (!text.includes("Nothing was changed")) return "the try-again page does not say that nothing was changed";
    if (LEAKS.test(text)) return `the try-again page shows the error: ${text.slice(0, 200)}`;
    return null;
  } catch (error) {
    return `the try-again page did not show: ${error instanceof Error ? error.message.split("\n")[0] : error}`;
  } finally {
    await browser.close();
  }
}
