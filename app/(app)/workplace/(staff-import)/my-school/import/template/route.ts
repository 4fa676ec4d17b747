import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth";
import { csvDownload, signInFirst } from "@/lib/csv-download";

// The staff list's columns with two made-up rows, for an Administrator to fill in (Excel opens it as it is).
// Behind sign-in like every page, though it holds nothing about anyone.
const TEMPLATE = ["name,email,role,start date", "Alex Example,alex.example@yourschool.sch.uk,Member,01/09/2026", "Sam Sample,sam.sample@yourschool.sch.uk,Administrator,", ""].join("\r\n");

export async function GET(request: NextRequest) {
  if (!(await getViewer())) return signInFirst(request);
  return csvDownload("staff-list-template.csv", TEMPLATE);
}
