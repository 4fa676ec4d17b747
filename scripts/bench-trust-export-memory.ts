// Run by scripts/bench-trust.ts as `node --expose-gc --import tsx --import ./scripts/bench-server-only.mjs`:
// streams the trust's every-enrolment CSV through lib/progress/overview-export.ts in this process, forcing
// a garbage collection at every chunk (as scripts/bench-export-memory.ts does for a school), so the figures
// are what the export keeps alive. Prints one JSON line: rows, elapsed ms, the peak live heap above the
// baseline, and the growth from the first batches to the second half of the export.
import { findTrustOverview } from "../lib/access";
import { startTrustEnrolmentsExport } from "../lib/progress/overview-export";

const [viewerId, trustId] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc!;
const trust = await findTrustOverview(viewerId!, trustId!);
if (!trust) throw new Error("the viewer may not open this overview");

async function once() {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  const samples: number[] = [];
  let rows = -1;
  const t0 = performance.now();
  const { body } = await startTrustEnrolmentsExport(trust!, { sort: "name", dir: "asc" });
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) rows++;
    gc();
    const heap = process.memoryUsage().heapUsed - baseline;
    peak = Math.max(peak, heap);
    samples.push(heap);
  }
  const early = Math.max(...samples.slice(1, 3));
  const lateGrowth = samples.length > 4 ? Math.max(0, Math.max(...samples.slice(Math.floor(samples.length / 2))) - early) : 0;
  return { rows, elapsed: performance.now() - t0, liveHeapPeak: peak, lateGrowth };
}

console.log(JSON.stringify(await once()));
process.exit(0);
