import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countActiveFilters, decodeCursor, describeFilters, encodeCursor, formatPageRange, isDateKey, isTimestampKey, pageRange, parseProgressQuery, progressSearch } from "./query";

describe("progress view URL state", () => {
  it("starts from name A to Z, 50 rows, no filter", () => {
    expect(parseProgressQuery({}, "2026-11-30")).toEqual({
      sort: "name", dir: "asc", size: 50, course: undefined, status: undefined, q: undefined, required: undefined, today: "2026-11-30",
      after: undefined, before: undefined, last: undefined, from: undefined,
    });
    expect(progressSearch(parseProgressQuery({}))).toBe("");
  });

  it("reads filters, sort and size, and writes them back", () => {
    const course = randomUUID();
    const query = parseProgressQuery({ course, status: "in-progress", q: "  tom ", sort: "activity", dir: "desc", size: "200" });
    expect(query).toMatchObject({ course, status: "IN_PROGRESS", q: "tom", sort: "activity", dir: "desc", size: 200 });
    expect(parseProgressQuery(new URLSearchParams(progressSearch(query)))).toEqual(query);
  });

  it("reads the Required training filter by its slugs, combined with the course, and writes it back", () => {
    const course = randomUUID();
    const cases = { required: "required", overdue: "OVERDUE", "due-soon": "DUE_SOON", expired: "EXPIRED" } as const;
    for (const [slug, filter] of Object.entries(cases)) {
      const query = parseProgressQuery({ required: slug, course }, "2026-11-30");
      expect(query.required).toBe(filter);
      expect(countActiveFilters(query)).toBe(2);
      expect(describeFilters(query)).toMatchObject({ required: filter, course });
      expect(progressSearch(query)).toBe(`?course=${course}&required=${slug}`);
      expect(parseProgressQuery(new URLSearchParams(progressSearch(query)), "2026-11-30")).toEqual(query);
    }
    // The matrix's link from the trust overview.
    const trust = randomUUID();
    expect(parseProgressQuery(new URLSearchParams(`required=overdue&course=${course}&from=${trust}`))).toMatchObject({ required: "OVERDUE", course, from: trust });
    // Standings nobody filters by, other spellings and junk read as no filter.
    for (const value of ["completed", "not-started", "in-progress", "OVERDUE", "Overdue", "due_soon", "constructor", "__proto__", "", "1; DROP TABLE"]) {
      expect(parseProgressQuery({ required: value }).required, value).toBeUndefined();
    }
    expect(parseProgressQuery({ required: ["overdue", "expired"] }).required).toBeUndefined();
  });

  it("takes today from the request, never from the URL", () => {
    expect(parseProgressQuery({ today: "2020-01-01" }, "2026-11-30").today).toBe("2026-11-30");
    expect(progressSearch(parseProgressQuery({}, "2026-11-30"))).toBe("");
    expect(parseProgressQuery({}).today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("checks a date key as PostgreSQL writes one", () => {
    for (const ok of ["2026-11-03", "2024-02-29", "infinity", "-infinity"]) expect(isDateKey(ok), ok).toBe(true);
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "0000-01-01", "2026-11-03 00:00:00", "tomorrow"]) expect(isDateKey(bad), bad).toBe(false);
  });

  it("falls back to defaults for anything malformed rather than failing", () => {
    expect(parseProgressQuery({ course: "1; DROP TABLE", status: "finished", sort: "password", dir: "sideways", size: "100000", after: "!!" })).toEqual(parseProgressQuery({}));
    expect(parseProgressQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("keeps a cursor only when its keys fit the sort", () => {
    const id = randomUUID();
    expect(decodeCursor(encodeCursor({ keys: ["Tom", "Prevent"], id }), "name")).toEqual({ keys: ["Tom", "Prevent"], id });
    expect(decodeCursor(encodeCursor({ keys: ["2026-11-20 09:00:00"], id }), "activity")).toEqual({ keys: ["2026-11-20 09:00:00"], id });
    expect(decodeCursor(encodeCursor({ keys: ["infinity"], id }), "completed")).toEqual({ keys: ["infinity"], id });
    expect(decodeCursor(encodeCursor({ keys: ["Tom"], id }), "activity")).toBeUndefined();
    expect(decodeCursor(encodeCursor({ keys: ["50", "Tom"], id: "not-a-uuid" }), "progress")).toBeUndefined();
    expect(decodeCursor(encodeCursor({ keys: ["fifty", "Tom"], id }), "progress")).toBeUndefined();
  });

  it("drops a cursor whose date PostgreSQL would refuse, so the view opens at the first page", () => {
    const id = randomUUID();
    for (const key of ["2026-02-30 00:00:00", "2025-02-29 00:00:00", "2026-04-31 10:00:00", "2026-13-01 00:00:00", "2026-00-10 00:00:00", "0000-01-01 00:00:00",
      "2026-01-01 24:00:00", "2026-01-01 23:60:00", "2026-01-01 23:59:60", "+275760-09-13", "+275760-09-13 00:00:00", "NaN", "Infinity", "2026-01-01T00:00:00Z", ""]) {
      expect(decodeCursor(encodeCursor({ keys: [key], id }), "enrolled"), key).toBeUndefined();
      expect(parseProgressQuery({ sort: "activity", after: encodeCursor({ keys: [key], id }) }).after, key).toBeUndefined();
    }
    expect(isTimestampKey("2024-02-29 23:59:59.999")).toBe(true);
    expect(isTimestampKey("2000-02-29 00:00:00")).toBe(true);
    expect(isTimestampKey("1900-02-29 00:00:00")).toBe(false);
    expect(isTimestampKey("-infinity")).toBe(true);
  });

  it("drops a cursor with a NUL or a lone surrogate in a name, an int out of range, or a hostile page value", () => {
    const id = randomUUID();
    expect(decodeCursor(encodeCursor({ keys: ["To\u0000m", "Prevent"], id }), "name")).toBeUndefined();
    expect(decodeCursor(encodeCursor({ keys: ["Tom\ud800", "Prevent"], id }), "name")).toBeUndefined();
    expect(decodeCursor(encodeCursor({ keys: ["99999999999", "Tom"], id }), "progress")).toBeUndefined();
    expect(decodeCursor("NaN", "name")).toBeUndefined();
    expect(decodeCursor(Buffer.from("[1,2,3]").toString("base64url"), "name")).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"keys":[]}').toString("base64url"), "name")).toBeUndefined();
  });

  it("reads a NUL, a repeated parameter or a megabyte as absent", () => {
    expect(parseProgressQuery(new URLSearchParams("q=%00"))).toEqual(parseProgressQuery({}));
    expect(parseProgressQuery(new URLSearchParams("q=a%00b&sort=email"))).toEqual(parseProgressQuery({ sort: "email" }));
    expect(parseProgressQuery({ q: ["tom", "ann"], sort: ["email", "name"], size: ["10", "25"] })).toEqual(parseProgressQuery({}));
    expect(parseProgressQuery({ q: "x".repeat(1_000_000) }).q).toBeUndefined();
    expect(parseProgressQuery({ size: "-10" }).size).toBe(50);
    expect(parseProgressQuery({ size: "1e400" }).size).toBe(50);
    expect(parseProgressQuery({ status: "constructor" }).status).toBeUndefined();
    expect(parseProgressQuery({ status: "__proto__" }).status).toBeUndefined();
  });

  it("drops the cursor when a filter or the sort changes, so the view starts at the first page", () => {
    const id = randomUUID();
    const query = { ...parseProgressQuery({}), after: { keys: ["A", "B"], id } };
    expect(progressSearch(query)).toBe("");
    expect(progressSearch(query, { sort: "email" })).toBe("?sort=email");
    expect(progressSearch(query, { after: query.after })).toContain("after=");
  });
});

describe("the last page, the way back and the page range", () => {
  it("reads page=last (only without a cursor) and keeps from= only when it is an id", () => {
    const trust = randomUUID();
    const query = parseProgressQuery({ page: "last", from: trust, sort: "status" });
    expect(query).toMatchObject({ last: true, from: trust });
    expect(progressSearch(query)).toBe(`?sort=status&from=${trust}`); // a change of view starts at the first page, still from the overview
    expect(progressSearch(query, { last: true })).toBe(`?sort=status&page=last&from=${trust}`);
    expect(parseProgressQuery({ page: "last", after: encodeCursor({ keys: ["A", "B"], id: randomUUID() }) }).last).toBeUndefined();
    expect(parseProgressQuery({ from: "javascript:alert(1)" }).from).toBeUndefined();
  });

  it("places a page among the rows: first, after a cursor, before one, and the last", () => {
    const cursor = { keys: ["A", "B"], id: randomUUID() };
    expect(pageRange({}, 20, 1240, 0)).toEqual({ first: 1, last: 20 });
    expect(pageRange({ after: cursor }, 20, 1240, 40)).toEqual({ first: 41, last: 60 });
    expect(pageRange({ before: cursor }, 20, 1240, 60)).toEqual({ first: 41, last: 60 });
    expect(pageRange({ last: true }, 20, 1240, 0)).toEqual({ first: 1221, last: 1240 });
    expect(pageRange({ last: true }, 7, 7, 0)).toEqual({ first: 1, last: 7 });
    expect(pageRange({}, 0, 0, 0)).toEqual({ first: 0, last: 0 });
  });

  it('reads "41–60 of 1,240": en-GB digits and an en dash', () => {
    expect(formatPageRange({ first: 41, last: 60 }, 1240)).toBe("41–60 of 1,240");
    expect(formatPageRange({ first: 1001, last: 1050 }, 120000)).toBe("1,001–1,050 of 120,000");
  });
});
