// Hostile URL values reach PostgreSQL only as the lenient parsers leave them: a NUL, an impossible date in
// a cursor or a ticket number beyond int4 must read as absent (the first page, no filter), never as a
// database error. Run against a real PostgreSQL: its refusals (22021, 22008, 22003) are what is tested.
import { beforeAll, describe, expect, it } from "vitest";
import { findSchoolProgressScope, type SchoolProgressScope } from "@/lib/access";
import { searchOrganisations } from "@/lib/designations";
import { listSchoolProgress, summariseSchoolProgress } from "@/lib/progress/school";
import { startProgressExport } from "@/lib/progress/school-export";
import { encodeCursor, parseProgressQuery, type ProgressSort } from "@/lib/progress/query";
import { readSearchParam } from "@/lib/search-params";
import { listTicketQueue, ticketQueueFilters } from "@/lib/ticket-console";
import { makeUser } from "./helpers";
import { makeProgressFixture, type ProgressFixture } from "./progress-fixture";

let f: ProgressFixture;
let school: SchoolProgressScope;
beforeAll(async () => {
  f = await makeProgressFixture();
  school = (await findSchoolProgressScope(f.head.id, f.school.id))!;
});

const missing = "00000000-0000-4000-8000-000000000000";
const cursor = (keys: string[]) => encodeCursor({ keys, id: missing });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("hostile progress URLs", () => {
  const hostileSearches: [string, string][] = [
    ["a NUL in q", "q=%00"],
    ["a NUL inside q", "q=Abel%00"],
    ["a NUL in every filter", "q=%00&course=%00&status=%00&sort=%00&dir=%00&size=%00&after=%00&before=%00&page=%00&from=%00"],
    ["a repeated q", "q=Abel&q=%00"],
    ["a megabyte q", `q=${"a".repeat(1_000_000)}`],
    ["a status naming Object's constructor", "status=constructor"],
    ["huge and negative sizes", "size=99999999999999999999&page=-1"],
    ...(["enrolled", "activity", "completed"] as ProgressSort[]).flatMap((sort): [string, string][] => [
      [`30 February in a ${sort} cursor`, `sort=${sort}&after=${cursor(["2026-02-30 00:00:00"])}`],
      [`year 0 in a ${sort} before-cursor`, `sort=${sort}&dir=desc&before=${cursor(["0000-01-01 00:00:00"])}`],
      [`month 13 in a ${sort} cursor`, `sort=${sort}&after=${cursor(["2026-13-01 00:00:00"])}`],
      [`+275760-09-13 in a ${sort} cursor`, `sort=${sort}&after=${cursor(["+275760-09-13"])}`],
      [`NaN in a ${sort} cursor`, `sort=${sort}&after=${cursor(["NaN"])}`],
    ]),
    ["a NUL in a name cursor", `after=${cursor(["Ab\u0000el", "Alpha"])}`],
    ["an int4 overflow in a progress cursor", `sort=progress&after=${cursor(["99999999999", "Abel"])}`],
  ];

  it.each(hostileSearches)("%s: the first page of every row, the figures and the export, as with no parameter", async (_, search) => {
    const plain = parseProgressQuery(new URLSearchParams());
    const query = parseProgressQuery(new URLSearchParams(search));
    expect({ ...query, sort: plain.sort, dir: plain.dir }).toEqual(plain); // only a valid sort or order survives
    const page = await listSchoolProgress(school, query);
    expect(page.rows.length).toBeGreaterThan(0);
    const summary = await summariseSchoolProgress(school, query);
    expect(summary).toEqual(await summariseSchoolProgress(school, { ...plain, sort: query.sort, dir: query.dir }));
    const { body } = await startProgressExport(school, query);
    expect((await readAll(body)).split("\n").length).toBeGreaterThan(page.rows.length);
  });
});

describe("hostile support console URLs", () => {
  it("answers an after= beyond int4 with the first page of the queue", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    for (const after of ["3000000000", "2147483648", "99999999999999999999", "1e400", "-1", "NaN"]) {
      const filters = ticketQueueFilters.parse({ after });
      expect(filters.after, after).toBeUndefined();
      await expect(listTicketQueue(support.id, filters)).resolves.toMatchObject({ tickets: expect.any(Array) });
    }
    expect(ticketQueueFilters.parse({ after: "2147483647" }).after).toBe(2_147_483_647);
  });

  it("reads a NUL in the organisation search as no search, the way the page reads it", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    const everyone = await searchOrganisations(support.id, "");
    for (const search of ["q=%00", "q=a%00b", "q=a&q=b", `q=${"%01".repeat(10)}`]) {
      const query = readSearchParam(new URLSearchParams(search), "q") ?? "";
      expect(await searchOrganisations(support.id, query), search).toEqual(everyone);
    }
  });
});
