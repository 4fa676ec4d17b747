// Run by bench:trust as `node --expose-gc --import tsx --import ./scripts/server-only-loader.mjs
// scripts/bench-evidence-pack.ts <viewer> <trust>`: draws the trust's whole evidence pack in this process
// (lib/evidence-pack), reading the stream as a client would, and collecting garbage after every 256 KB so the
// heap figures are what the pack keeps alive. Prints one JSON line: pages, bytes, elapsed ms, the peak live heap
// above the baseline by the time the first quarter of the schools was drawn and over the whole pack.
import { findTrustOverview } from "../lib/access";
import { trustPackStream } from "../lib/evidence-pack/pack";

const [viewerId, trustId] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc!;

async function once() {
  const scope = await findTrustOverview(viewerId!, trustId!);
  if (!scope) throw new Error("the viewer may not see this trust");
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const reader = (await trustPackStream(scope, "Bench Lead", new Date())).getReader();
  let bytes = 0;
  let sinceGc = 0;
  let peak = 0;
  const samples: number[] = [];
  let tail = "";
  let pages = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sinceGc += value.byteLength;
    // Count pages as they pass ("/Type /Page" but not "/Type /Pages"), across chunk boundaries.
    const text = tail + Buffer.from(value).toString("latin1");
    pages += (text.match(/\/Type \/Page(?!s)/g) ?? []).length;
    tail = text.slice(-16);
    if (sinceGc >= 262_144) {
      sinceGc = 0;
      gc();
      const heap = process.memoryUsage().heapUsed - baseline;
      peak = Math.max(peak, heap);
      samples.push(heap);
    }
  }
  const elapsed = performance.now() - t0;
  const firstQuarter = Math.max(0, ...samples.slice(0, Math.max(1, Math.floor(samples.length / 4))));
  return { schools: scope.schools.length, pages, bytes, elapsed, liveHeapPeak: peak, firstQuarterPeak: firstQuarter };
}

console.log(JSON.stringify(await once()));
process.exit(0);
