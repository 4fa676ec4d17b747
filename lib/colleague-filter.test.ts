import { describe, expect, it } from "vitest";
import { filterColleagues } from "./colleague-filter";

const people = [
  { name: "Rachel Head", email: "head@riverside.example" },
  { name: "Tom Teacher", email: "teacher@riverside.example" },
  { name: "Zoë Ångström", email: "zoe@riverside.example" },
];

describe("filterColleagues", () => {
  it("keeps everyone for an empty query", () => {
    expect(filterColleagues(people, "   ")).toEqual(people);
  });

  it("matches names and emails, ignoring case and accents", () => {
    expect(filterColleagues(people, "TOM").map((p) => p.name)).toEqual(["Tom Teacher"]);
    expect(filterColleagues(people, "head@").map((p) => p.name)).toEqual(["Rachel Head"]);
    expect(filterColleagues(people, "zoe angstrom").map((p) => p.name)).toEqual(["Zoë Ångström"]);
  });

  it("needs every word, in any order", () => {
    expect(filterColleagues(people, "teacher tom").map((p) => p.name)).toEqual(["Tom Teacher"]);
    expect(filterColleagues(people, "tom head")).toEqual([]);
  });
});
