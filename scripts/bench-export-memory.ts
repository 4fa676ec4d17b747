// Run by scripts/bench-progress.ts as `node --expose-gc --import tsx --import ./scripts/bench-server-only.mjs`:
// streams a school's CSV export through lib/progress/school-export.ts in this process, forcing a garbage
// collection at every chunk, so the heap figures are what the export keeps alive, not garbage awaiting
// collection. Prints one JSON line: rows, bytes, elapsed ms, the peak live heap above the baseline, and how
// much the live heap grew between the first two batches and the second half of the export.
import { findSchoolProgressScope } from "../lib/access";
import { startProgressExport } from "../lib/progress/school-export";
import { parseProgressQuery } from "../lib/progress/query";

const [viewerId, schoolId, search = ""] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc!;
// Asked as the export route asks: the viewer's scope for the school, from lib/access.ts.
const school = (await findSchoolProgressScope(viewerId!, schoolId!)) ?? refused();

function refused(): never {
  throw new Error("the viewer may not see this school");
}

async function once() {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  const samples: number[] = [];
  let rows = -1;
  let bytes = 0;
  const t0 = performance.now();
  const { body } = await startProgressExport(school, parseProgressQuery(new URLSearchParams(search)));
  const reader = body.getReader();
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
const result = await once();
console.log(JSON.stringify(result));
process.exit(0);
