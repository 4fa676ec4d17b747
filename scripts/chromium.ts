// Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
// download. Playwright cannot download browsers on these machines, so say how to get one instead.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here
  }
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

export const NO_CHROMIUM =
  "No Chromium found: install one with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).";
