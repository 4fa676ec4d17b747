// Run by the benchmarks as `node --expose-gc --import tsx --import ./scripts/server-only-loader.mjs
// scripts/bench-export-memory.ts school <viewer> <school> [search]` (a school's CSV, lib/progress/school-export.ts)
// or `… trust <viewer> <trust>` (the trust's every-enrolment CSV, lib/progress/overview-export.ts). Streams the
// export in this process, forcing a garbage collection at every chunk, so the heap figures are what the export
// keeps alive, not garbage awaiting collection. Prints one JSON line: rows, bytes, elapsed ms, the peak live
// heap above the baseline, and how much the live heap grew between the first two batches and the second half.
import { findSchoolProgressScope, findTrustOverview } from "../lib/access";
import { startTrustEnrolmentsExport } from "../lib/progress/overview-export";
import { parseProgressQuery } from "../lib/progress/query";
import { startProgressExport } from "../lib/progress/school-export";

const [kind, viewerId, id, search = ""] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc!;

function refused(): never {
  throw new Error("the viewer may not see this export");
}

// Asked as the export routes ask: the viewer's scope, from lib/access.ts.
async function startExport(): Promise<{ body: ReadableStream<Uint8Array> }> {
  if (kind === "trust") return startTrustEnrolmentsExport((await findTrustOverview(viewerId!, id!)) ?? refused(), { sort: "name", dir: "asc" });
  return startProgressExport((await findSchoolProgressScope(viewerId!, id!)) ?? refused(), parseProgressQuery(new URLSearchParams(search)));
}

async function once() {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  const samples: number[] = [];
  let rows = -1;
  let bytes = 0;
  const t0 = performance.now();
  const reader = (await startExport()).body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 10) rows++;
    gc();
    const heap = process.memoryUsage().heapUsed - baseline;
    peak = Math.max(peak, heap);
    samples.push(heap);
  }
  // Growth during the run: the last half of the chunks against the first two batches (chunk 0 is the
  // header line, sent before any row is read). Flat memory means about zero.
  const early = Math.max(...samples.slice(1, 3));
  const lateGrowth = samples.length > 4 ? Math.max(0, Math.max(...samples.slice(Math.floor(samples.length / 2))) - early) : 0;
  return { rows, bytes, elapsed: performance.now() - t0, liveHeapPeak: peak, lateGrowth };
}

await once(); // warm: the Prisma client, the pool, the query plan
console.log(JSON.stringify(await once()));
process.exit(0);
