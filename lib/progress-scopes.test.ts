import { describe, expect, it } from "vitest";
import type { ProgressScope } from "./access";
import { groupProgressScopes, progressPathFor } from "./progress-scopes";

const school = (schoolId: string, schoolName: string, trustId: string, trustName: string): ProgressScope => ({ kind: "trust-school", schoolId, schoolName, trustId, trustName });
const own = (schoolId: string, schoolName: string): ProgressScope => ({ kind: "own-organisation", schoolId, schoolName });

describe("the View course progress for: selector", () => {
  it("lists one trust's schools without a heading, then own organisations, then My own progress", () => {
    const { groups, sharedWithTrust } = groupProgressScopes([school("h", "Hillcrest Academy", "n", "Northstar"), school("r", "Riverside Primary Academy", "n", "Northstar"), own("n", "Northstar Academy Trust"), { kind: "self" }]);
    expect(sharedWithTrust).toBe(true);
    expect(groups).toEqual([
      { label: null, options: [{ value: "trust:n", label: "All schools in Northstar" }, { value: "h", label: "Hillcrest Academy" }, { value: "r", label: "Riverside Primary Academy" }] },
      { label: null, options: [{ value: "n", label: "Northstar Academy Trust" }] },
      { label: null, options: [{ value: "self", label: "My own progress" }] },
    ]);
  });

  it("groups schools under each trust's name when the viewer leads more than one trust", () => {
    const { groups } = groupProgressScopes([school("b", "Brookside", "e", "Elmwood"), school("h", "Hillcrest", "n", "Northstar"), { kind: "self" }]);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ["Elmwood", ["All schools in Elmwood", "Brookside"]],
      ["Northstar", ["All schools in Northstar", "Hillcrest"]],
      [null, ["My own progress"]],
    ]);
  });

  it("sends a trust entry to its overview, a school to its progress, and anything else to My Courses", () => {
    const isUuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);
    const id = "0e5a4f4e-1c3b-4d2a-9f1e-2b3c4d5e6f70";
    expect(progressPathFor(`trust:${id}`, isUuid)).toBe(`/courses/overview/${id}`);
    expect(progressPathFor(id, isUuid)).toBe(`/courses/progress/${id}`);
    expect(progressPathFor("trust:../../x", isUuid)).toBe("/courses/my-courses");
    expect(progressPathFor(undefined, isUuid)).toBe("/courses/my-courses");
  });

  it("holds no school when the viewer has only their own progress", () => {
    expect(groupProgressScopes([{ kind: "self" }])).toEqual({ sharedWithTrust: false, groups: [{ label: null, options: [{ value: "self", label: "My own progress" }] }] });
  });

  it("counts as shared with no trust when the viewer only administers their own organisation", () => {
    // lead@oakhill.example: Oak Hill Trust is listed, but no school has granted it access.
    const { groups, sharedWithTrust } = groupProgressScopes([own("o", "Oak Hill Trust"), { kind: "self" }]);
    expect(sharedWithTrust).toBe(false);
    expect(groups.flatMap((g) => g.options.map((o) => o.label))).toEqual(["Oak Hill Trust", "My own progress"]);
  });
});
