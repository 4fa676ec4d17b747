import { describe, expect, it } from "vitest";
import type { SelectorScope as ProgressScope } from "./selector";
import { groupProgressScopes, progressPathFor, progressValueFor } from "./selector";

const school = (schoolId: string, schoolName: string, trustId: string, trustName: string): ProgressScope => ({ kind: "trust-school", schoolId, schoolName, trustId, trustName });
const own = (schoolId: string, schoolName: string, organisationKind: "SCHOOL" | "TRUST" = "SCHOOL"): ProgressScope => ({ kind: "own-organisation", schoolId, schoolName, organisationKind });

describe("the View course progress for: selector", () => {
  it("groups a trust's schools under its name, led by the whole trust, then the central team, then My own progress", () => {
    const { groups, seesOthers } = groupProgressScopes([school("h", "Hillcrest Academy", "n", "Northstar"), school("r", "Riverside Primary Academy", "n", "Northstar"), own("n", "Northstar", "TRUST"), { kind: "self" }]);
    expect(seesOthers).toBe(true);
    expect(groups).toEqual([
      { label: "Northstar", options: [{ value: "trust:n", label: "All schools in Northstar" }, { value: "h", label: "Hillcrest Academy" }, { value: "r", label: "Riverside Primary Academy" }] },
      { label: "Where you are an Administrator", options: [{ value: "n", label: "Northstar central team" }] },
      { label: null, options: [{ value: "self", label: "My own progress" }] },
    ]);
  });

  it("gives each trust its own group when the viewer leads more than one", () => {
    const { groups } = groupProgressScopes([school("b", "Brookside", "e", "Elmwood"), school("h", "Hillcrest", "n", "Northstar"), { kind: "self" }]);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ["Elmwood", ["All schools in Elmwood", "Brookside"]],
      ["Northstar", ["All schools in Northstar", "Hillcrest"]],
      [null, ["My own progress"]],
    ]);
  });

  it("sends a trust entry to its overview, a school to its progress, and anything else to My Courses, and back", () => {
    const isUuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);
    const id = "0e5a4f4e-1c3b-4d2a-9f1e-2b3c4d5e6f70";
    expect(progressPathFor(`trust:${id}`, isUuid)).toBe(`/courses/overview/${id}`);
    expect(progressPathFor(id, isUuid)).toBe(`/courses/progress/${id}`);
    expect(progressPathFor("trust:../../x", isUuid)).toBe("/courses/my-courses");
    expect(progressPathFor(undefined, isUuid)).toBe("/courses/my-courses");
    expect(progressValueFor(`/courses/overview/${id}`)).toBe(`trust:${id}`);
    expect(progressValueFor(`/courses/progress/${id}`)).toBe(id);
    expect(progressValueFor("/courses/my-courses")).toBeNull();
    expect(progressValueFor("//evil.example")).toBeNull();
  });

  it("shows no selector to a person who sees only their own progress", () => {
    expect(groupProgressScopes([{ kind: "self" }]).seesOthers).toBe(false);
  });

  it("lists a school Administrator's own school without a group heading", () => {
    // head@riverside.example: their school and their own progress.
    const { groups, seesOthers } = groupProgressScopes([own("r", "Riverside Primary Academy"), { kind: "self" }]);
    expect(seesOthers).toBe(true);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([[null, ["Riverside Primary Academy"]], [null, ["My own progress"]]]);
  });
});
