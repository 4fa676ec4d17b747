import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseProgressQuery, progressSearch } from "./progress-query";

describe("progress view URL state", () => {
  it("starts from name A to Z, 50 rows, no filter", () => {
    expect(parseProgressQuery({})).toEqual({ sort: "name", dir: "asc", size: 50, course: undefined, status: undefined, q: undefined, after: undefined, before: undefined });
    expect(progressSearch(parseProgressQuery({}))).toBe("");
  });

  it("reads filters, sort and size, and writes them back", () => {
    const course = randomUUID();
    const query = parseProgressQuery({ course, status: "in-progress", q: "  tom ", sort: "activity", dir: "desc", size: "200" });
    expect(query).toMatchObject({ course, status: "IN_PROGRESS", q: "tom", sort: "activity", dir: "desc", size: 200 });
    expect(parseProgressQuery(new URLSearchParams(progressSearch(query)))).toEqual(query);
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

  it("drops the cursor when a filter or the sort changes, so the view starts at the first page", () => {
    const id = randomUUID();
    const query = { ...parseProgressQuery({}), after: { keys: ["A", "B"], id } };
    expect(progressSearch(query)).toBe("");
    expect(progressSearch(query, { sort: "email" })).toBe("?sort=email");
    expect(progressSearch(query, { after: query.after })).toContain("after=");
  });
});
