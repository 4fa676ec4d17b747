import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { SERVER_ACTIONS_BODY_LIMIT_BYTES } from "../next.config.js";
import { DEMO_PASSWORD } from "./fixtures";

/*
 * Hostile input, sent the way an attacker sends it: straight HTTP, not through the forms. Every server
 * action (found in the build's manifest) and every page and route with parameters gets at least 50 hostile
 * payloads: NUL and other control characters, invalid UTF-8 percent-encoding, lone surrogates, megabyte
 * strings, repeated fields, huge and negative numbers, impossible dates and cursors, other tenants' ids,
 * malformed React Flight encodings. Each answer must be no 5xx and no dropped connection, no streamed
 * server error, nothing of the server's insides, and a clear message or not found; and no table may
 * change (row counts of every table, the audit log included) apart from the audit row each CSV export
 * that was actually served writes.
 *
 * Some payloads are answered by proxy.ts (a foreign Origin: 403; a body over 3 MB: 413; a Flight body
 * or a path that cannot be decoded: 4xx); they are tagged `proxy` and expect a 4xx.
 */

const FOREIGN_ORIGIN = "https://attacker.example";
const CONCURRENCY = 6;

type Viewer = "head" | "lead" | "support" | "visitor";
type Probe = {
  label: string;
  viewer: Viewer;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: () => BodyInit;
  /** The proxy answers it (foreign Origin, oversized or undecodable): a 4xx, never a page. */
  proxy?: boolean;
  action?: boolean;
};

const serverError = /digest\\?":\\?"\d+/; // a server component or action that threw, streamed into a 200
const insides = /PrismaClient|invalid byte sequence|DriverAdapterError|\bat [\w.<>]+ \(\/|node_modules\//;

function undecodable(value: string): boolean {
  try {
    decodeURIComponent(value);
    return false;
  } catch {
    return true;
  }
}

const cursor = (parts: string[]) => Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");

test.describe.configure({ mode: "serial" });

test("no 5xx, no write and a clear answer for hostile input to every action and every route with parameters", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    // ---- who and what -------------------------------------------------------------------------
    const cookies: Record<Viewer, string> = {
      head: await signIn(base, "head@riverside.example"),
      lead: await signIn(base, "lead@northstar.example"),
      support: await signIn(base, "support@schoot.example"),
      visitor: "",
    };
    const orgId = async (name: string) => (await db.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE name = $1`, [name])).rows[0]!.id;
    const own = await orgId("Riverside Primary Academy");
    const sibling = await orgId("Hillcrest Academy");
    const foreignSchool = await orgId("Brookside Academy");
    const ownTrust = await orgId("Northstar Academy Trust");
    const foreignTrust = await orgId("Elmwood Learning Trust");
    const foreignMembership = (await db.query<{ id: string }>(`SELECT id FROM "Membership" WHERE "organisationId" = $1 LIMIT 1`, [foreignSchool])).rows[0]!.id;
    const foreignInvitation =
      (await db.query<{ id: string }>(`SELECT id FROM "Invitation" WHERE "organisationId" <> $1 LIMIT 1`, [own])).rows[0]?.id ?? "3f0c1c52-7c1a-4f5e-9a57-2b3d9d1e0a11";
    const slug = (await db.query<{ slug: string }>(`SELECT slug FROM "Course" ORDER BY slug LIMIT 1`)).rows[0]!.slug;
    const missing = "00000000-0000-4000-8000-000000000000";
    const foreignIds = [foreignSchool, foreignTrust, foreignMembership, foreignInvitation, sibling.toUpperCase(), missing];

    const before = await countRows(db);

    // ---- hostile values ----------------------------------------------------------------------
    // As they appear in a URL (already percent-encoded where needed).
    const urlValues = [
      "%00", "a%00b", "%00%00%00", "%01", "%07", "%0A", "%0D%0A", "%1B%5B31m", "%7F", "%C2%85", "%E2%80%AE", "%EF%BB%BF",
      "%C3%28", "%ED%A0%80", "%ED%B0%80", "%FF", "%FE%FF", "%E0%80%80", "%C0%AF", "%", "%25", "%zz", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "-1", "0", "99999999999999999999", "-99999999999999999999", "1e400", "1.5", "NaN", "Infinity", "-Infinity", "2026-02-30",
      "%2B275760-09-13", "null", "undefined", "true", "%5B%5D", "%7B%7D", "__proto__", "constructor", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "'%20OR%201%3D1--", "%24K1", "%F0%9F%99%82", "a".repeat(3_000), "%00".repeat(500), "a".repeat(20_000),
      ...foreignIds, `${missing}%00`, `${own}%00`,
      cursor(["2026-02-30 00:00:00", missing]), cursor(["+275760-09-13", missing]), cursor(["NaN", missing]),
      cursor(["0000-01-01 00:00:00", missing]), cursor(["a\u0000b", "x", missing]), cursor(["99999999999", "x", missing]),
    ];
    // As a form field holds them.
    const fieldValues = [
      "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\ud800", "a\udc00b", "\u202e", "\ufeff", "", " ", "\n\n",
      "a".repeat(20_001), "a".repeat(5_001), "🙂".repeat(2_000), "-1", "0", "99999999999999999999", "-99999999999999999999", "1e400",
      "NaN", "Infinity", "2026-02-30", "+275760-09-13", "null", "undefined", "true", "[]", "{}", '{"__proto__":{"admin":true}}',
      "__proto__", "<script>alert(1)</script>", "' OR 1=1 --", "$K1", "$@1", "$$", "%00", "%C3%28", "../../etc/passwd",
      ...foreignIds, `${missing}\u0000`,
    ];
    const fieldNames = [
      "organisationId", "schoolId", "trustId", "confirmedTrustId", "membershipId", "invitationId", "ticketId", "token", "slug", "position",
      "role", "status", "kind", "expectedKind", "designation", "expectedDesignation", "reason", "name", "urn", "companiesHouseNumber",
      "address", "category", "subject", "body", "message", "idempotencyKey", "email", "password", "username", "confirm", "resolveTicket",
    ];

    // ---- routes with parameters --------------------------------------------------------------
    // Pages that render many rows get a small page size, and exports a filter that matches no one, so the
    // bulk stays quick; the hostile value is in every other parameter.
    const routes: { viewer: Viewer; path: (v: string) => string; inPath?: boolean }[] = [
      { viewer: "head", path: (v) => `/courses/progress/${own}?size=10&q=${v}&course=${v}&status=${v}&sort=${v}&dir=${v}&page=${v}&from=${v}` },
      { viewer: "head", path: (v) => `/courses/progress/${own}?size=10&sort=enrolled&after=${v}&before=${v}` },
      { viewer: "head", path: (v) => `/courses/progress/${own}/export?course=${missing}&q=${v}&status=${v}&sort=${v}&after=${v}` },
      { viewer: "head", path: (v) => `/courses/progress/${v}`, inPath: true },
      { viewer: "head", path: (v) => `/courses/progress/${v}/export`, inPath: true },
      { viewer: "head", path: (v) => `/courses/progress/${v}/evidence-pack`, inPath: true },
      { viewer: "head", path: (v) => `/certificates/${v}/${v}?school=${v}`, inPath: true },
      { viewer: "head", path: (v) => `/certificates/${missing}/1?school=${v}` },
      { viewer: "head", path: (v) => `/courses/progress?school=${v}` },
      { viewer: "head", path: (v) => `/workplace/my-school?trustQuery=${v}&confirmTrust=${v}&confirmRemove=${v}&trust=${v}` },
      { viewer: "head", path: (v) => `/workplace/my-school/import/${v}`, inPath: true },
      { viewer: "head", path: (v) => `/support/new?category=${v}&subject=${v}&organisation=${v}` },
      { viewer: "head", path: (v) => `/support/${v}?sent=${v}`, inPath: true },
      { viewer: "head", path: (v) => `/courses/${v}`, inPath: true },
      { viewer: "head", path: (v) => `/courses/${v}/completed`, inPath: true },
      { viewer: "head", path: (v) => `/courses/${slug}/lessons/${v}`, inPath: true },
      { viewer: "lead", path: (v) => `/courses/overview/${v}`, inPath: true },
      { viewer: "lead", path: (v) => `/courses/overview/${v}/export`, inPath: true },
      { viewer: "lead", path: (v) => `/courses/overview/${v}/evidence-pack`, inPath: true },
      { viewer: "lead", path: (v) => `/courses/overview/${ownTrust}?sort=${v}&dir=${v}` },
      { viewer: "lead", path: (v) => `/courses/overview/${ownTrust}/enrolments-export?course=${missing}&school=${v}&status=${v}&q=${v}&sort=${v}` },
      { viewer: "support", path: (v) => `/console/organisations?q=${v}` },
      { viewer: "support", path: (v) => `/console/organisations/${v}`, inPath: true },
      { viewer: "support", path: (v) => `/console/organisations/${own}?ticket=${v}&created=${v}` },
      { viewer: "support", path: (v) => `/console/tickets?status=${v}&category=${v}&organisation=${v}&after=${v}` },
      { viewer: "support", path: (v) => `/console/tickets/${v}`, inPath: true },
      { viewer: "visitor", path: (v) => `/invite/${v}`, inPath: true },
      { viewer: "visitor", path: (v) => `/confirm-email/${v}`, inPath: true },
      { viewer: "visitor", path: (v) => `/reset-password/${v}`, inPath: true },
      { viewer: "visitor", path: (v) => `/unsubscribe?u=${v}&l=${v}&t=${v}` },
      { viewer: "visitor", path: (v) => `/api/unsubscribe?u=${v}&l=${v}&t=${v}` },
      { viewer: "visitor", path: (v) => `/dev/mailbox?key=${v}` },
      { viewer: "visitor", path: (v) => `/sign-in?callbackUrl=${v}` },
      { viewer: "visitor", path: (v) => `/verify/${v}`, inPath: true },
      { viewer: "visitor", path: (v) => `/verify?code=${v}` },
    ];
    const probes: Probe[] = [];
    for (const route of routes) {
      for (const value of urlValues) {
        const target = route.path(value);
        probes.push({ label: `GET ${target.slice(0, 120)}`, viewer: route.viewer, method: "GET", path: target, proxy: route.inPath && undecodable(value) });
      }
      // Repeated parameters: every name twice.
      const repeated = route.path("a").replace(/([?&])(\w+)=a/g, "$1$2=a&$2=b");
      if (repeated.includes("?")) probes.push({ label: `GET ${repeated}`, viewer: route.viewer, method: "GET", path: repeated });
      // A visitor with no cookie gets the same routes.
      for (const value of ["%00", "%C3%28"]) {
        const target = route.path(value);
        probes.push({ label: `GET (visitor) ${target}`, viewer: "visitor", method: "GET", path: target, proxy: route.inPath && undecodable(value) });
      }
    }

    // ---- every server action -----------------------------------------------------------------
    const actions = readActions(ownPaths({ own, ownTrust, slug, missing }));
    expect(actions.length, "server actions found in the build").toBeGreaterThanOrEqual(15);
    const form = (entries: [string, string | Blob][]) => () => {
      const data = new FormData();
      for (const [key, value] of entries) data.append(key, value);
      return data;
    };
    const fields = (value: (name: string) => string) => fieldNames.map((name): [string, string] => [`_1_${name}`, value(name)]);
    const idLike = new Set(["organisationId", "schoolId", "trustId", "confirmedTrustId", "membershipId", "invitationId", "ticketId"]);
    for (const action of actions) {
      const viewers: Viewer[] = action.visitor ? ["visitor", "head"] : ["head", "visitor"];
      for (const viewer of viewers) {
        const post = (label: string, body: () => BodyInit, extra: Partial<Probe> = {}, headers: Record<string, string> = {}) =>
          probes.push({
            label: `${action.name} (${viewer}) ${label}`, viewer, method: "POST", path: action.path, action: true, body,
            headers: { "Next-Action": action.id, Accept: "text/x-component", ...headers }, ...extra,
          });
        // A visitor's posts to a signed-in page stop at the proxy's redirect or the session check: a few suffice.
        if (viewer === "visitor" && !action.visitor) {
          for (const value of fieldValues.slice(0, 8)) post(`every field = ${JSON.stringify(value)}`, form([["0", '[{},"$K1"]'], ...fields(() => value)]));
          continue;
        }
        for (const value of fieldValues) post(`every field = ${JSON.stringify(value).slice(0, 40)}`, form([["0", '[{},"$K1"]'], ...fields(() => value)]));
        post("every field repeated", form([["0", '[{},"$K1"]'], ...fields(() => "a"), ...fields(() => "b")]));
        post("every field repeated, hostile", form([["0", '[{},"$K1"]'], ...fields(() => "\u0000"), ...fields(() => foreignSchool)]));
        // Other tenants' ids with plausible text: each must be refused as not found or not allowed.
        for (const id of [foreignSchool, foreignMembership, sibling, missing]) {
          post(`other tenant's id ${id}`, form([["0", '[{},"$K1"]'], ...fields((name) => (idLike.has(name) ? id : name === "email" ? "not-an-email" : "Plausible text"))]));
        }
        post("a file for a field", form([["0", '[{},"$K1"]'], ["_1_body", new Blob(["x"])]]));
        post("a field name of 10,000 characters", form([["0", '[{},"$K1"]'], [`_1_${"n".repeat(10_000)}`, "x"]]));
        post("state that is no form state", form([["0", '[{"__proto__":{"ok":true},"message":"$$x"},"$K1"]'], ...fields(() => "x")]));
        // React Flight encodings that no form sends.
        for (const [label, root] of [
          ["0=[]", "[]"], ["[{}]", "[{}]"], ["three arguments", '[{},"$K1","$K1"]'], ["missing form", '[{},"$K9"]'], ["a date", '["$D2026-02-30"]'],
          ["a bigint", '["$n99999999999999999999999999"]'], ["special numbers", '["$Infinity","$NaN","$-0","$undefined"]'], ["a promise", '["$@1"]'],
        ] as const) post(`Flight ${label}`, form([["0", root]]));
        for (const [label, body] of [
          ['JSON ["$K1"]', '["$K1"]'], ["JSON [1,2,3]", "[1,2,3]"], ["JSON state and object", '[{},{"subject":"x"}]'], ["1 MB minus a little of JSON", JSON.stringify([{}, "a".repeat(900_000)])],
        ] as const) post(`text ${label}`, () => body, {}, { "Content-Type": "text/plain;charset=UTF-8" });
        // Malformed Flight bodies that make React's decodeReply throw inside Next.js: the proxy refuses them.
        for (const [label, entries] of [
          ["0=garbage", [["0", "garbage"]]], ["no root field", [["x", "y"]]], ["dangling references", [["0", '["$1","$2"]']]],
          ["nesting 5,000 deep", [["0", "[".repeat(5_000) + "]".repeat(5_000)]]], ["a Map of garbage", [["0", '[{},"$Q1"]'], ["1", "garbage"]]],
          ["a Blob reference", [["0", '[{},"$B1"]'], ["1", "x"]]], ["a server reference", [["0", '["$h1"]'], ["1", '{"id":"x","bound":null}']]],
        ] as [string, [string, string][]][]) post(`Flight ${label}`, form(entries), { proxy: true });
        post("text that is no JSON", () => "hello", { proxy: true }, { "Content-Type": "text/plain;charset=UTF-8" });
        post("a foreign Origin", form([["0", '[{},"$K1"]'], ...fields(() => "x")]), { proxy: true }, { Origin: FOREIGN_ORIGIN });
        post("a body over the limit", form([["0", '[{},"$K1"]'], ["_1_body", "a".repeat(SERVER_ACTIONS_BODY_LIMIT_BYTES + 100_000)]]), { proxy: true });
        post("a text body over the limit", () => JSON.stringify([{}, "a".repeat(SERVER_ACTIONS_BODY_LIMIT_BYTES + 100_000)]), { proxy: true }, { "Content-Type": "text/plain;charset=UTF-8" });
        // The no-JavaScript encodings (no Next-Action header).
        const mpa = (label: string, entries: [string, string][], extra: Partial<Probe> = {}) =>
          probes.push({ label: `${action.name} (${viewer}) no-JS ${label}`, viewer, method: "POST", path: action.path, body: form(entries), ...extra });
        mpa("$ACTION_ID_ with hostile fields", [[`$ACTION_ID_${action.id}`, ""], ...fieldNames.map((n): [string, string] => [n, "a\u0000b"])]);
        mpa("$ACTION_REF_ with hostile fields", [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: action.id, bound: "$@1" })], ["$ACTION_1:1", "[{}]"], ["$ACTION_KEY", "k1"], ...fieldNames.map((n): [string, string] => [n, "\ud800"])]);
        mpa("$ACTION_REF_ of garbage", [["$ACTION_REF_1", ""], ["$ACTION_1:0", "garbage"]]);
        mpa("$ACTION_ID_ of no action", [["$ACTION_ID_zzzz", ""]]);
        mpa("bound arguments of garbage", [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: action.id, bound: "$@1" })], ["$ACTION_1:1", "garbage"]], { proxy: true });
      }
    }

    // ---- send ----------------------------------------------------------------------------------
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    let csvServed = 0;
    const started = Date.now();
    await pool(probes, CONCURRENCY, async (probe) => {
      const headers: Record<string, string> = { ...(probe.headers ?? {}) };
      if (cookies[probe.viewer]) headers.Cookie = cookies[probe.viewer];
      let status: number;
      let text: string;
      let response: Response;
      try {
        response = await fetch(base + probe.path, { method: probe.method, headers, body: probe.body?.(), redirect: "manual" });
        text = await response.text();
        status = response.status;
      } catch (error) {
        statuses.set("dropped", (statuses.get("dropped") ?? 0) + 1);
        failures.push(`${probe.label}: connection dropped (${(error as Error).cause ?? error})`);
        return;
      }
      const key = `${probe.method} ${status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if ((response.headers.get("content-type") ?? "").startsWith("text/csv") && status === 200) csvServed++;
      const problem =
        status >= 500 ? `answered ${status}`
        : serverError.test(text) ? "a server error streamed into the page"
        : insides.test(text) ? "the server's insides shown"
        : probe.proxy && !(status >= 400 && status < 500) ? `answered ${status}, not a 4xx`
        : probe.action && status === 200 && !/"message":"[^"]+"/.test(text) && !response.headers.get("x-action-redirect") ? "no message on the form"
        : null;
      if (problem) failures.push(`${probe.label}: ${problem}${probe.proxy ? " [proxy]" : ""}`);
    });

    const after = await countRows(db);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `hostile input: ${probes.length} payloads in ${seconds} s (${probes.filter((p) => p.action).length} to ${actions.length} actions with Next-Action, ` +
        `${probes.filter((p) => p.method === "POST" && !p.action).length} no-JS posts, ${probes.filter((p) => p.method === "GET").length} GETs to ${routes.length} routes; ` +
        `${probes.filter((p) => p.proxy).length} answered by the proxy); by status: ${[...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(", ")}; ` +
        `CSV exports served: ${csvServed}; failures: ${failures.length}`,
    );
    if (failures.length) console.log(failures.join("\n"));
    // Soft, so that the row counts below are checked (and reported) even when some answers were bad.
    expect.soft(failures.slice(0, 40), `${failures.length} payloads answered badly`).toEqual([]);
    // Nothing written, anywhere, except the one audit row each served export records.
    expect({ ...after, exportAudits: after.exportAudits - csvServed }).toEqual(before);
  } finally {
    await db.end();
  }
});

/** Row counts of every table, the audit log split into exports (each served CSV writes one) and the rest. */
async function countRows(db: pg.Client): Promise<Record<string, number> & { exportAudits: number }> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const counts: Record<string, number> & { exportAudits: number } = { exportAudits: 0 };
  for (const { name } of tables.rows) counts[name] = Number((await db.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
  counts.exportAudits = Number((await db.query(`SELECT count(*) AS n FROM "AuditLog" WHERE action LIKE '%export%'`)).rows[0].n);
  counts.AuditLog! -= counts.exportAudits; // the rest of the audit log: every change made
  expect(Object.keys(counts).length).toBeGreaterThan(10);
  return counts;
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar, Origin: base },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const session = cookiesOf(response);
  expect(session, `signed in as ${email}`).toContain("session-token=");
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("=")).join("; ");
}

/** The URL of a page of this app from its route file, with its dynamic segments filled in. */
function ownPaths(ids: { own: string; ownTrust: string; slug: string; missing: string }) {
  const fill: Record<string, string> = {
    "[slug]": ids.slug, "[position]": "1", "[ticketId]": ids.missing, "[organisationId]": ids.own, "[schoolId]": ids.own,
    "[trustId]": ids.ownTrust, "[token]": "not-a-token",
    "[importId]": ids.missing,
  };
  return (route: string) =>
    "/" + route.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s) && s !== "page").map((s) => fill[s] ?? s).join("/");
}

/** Every server action of the build, each with one page that may call it. */
function readActions(toPath: (route: string) => string) {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).filter((w) => w.endsWith("/page"));
    const page = pages.find((p) => p.startsWith("app/(app)/workplace/my-school")) ?? pages[0]!;
    const route = toPath(page);
    return { id, name: entry.exportedName ?? id.slice(0, 8), path: route === "/" ? "/" : route, visitor: /^\/(sign-in|invite\/|confirm-email\/|forgot-password|reset-password\/|verify)/.test(route) };
  });
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}
