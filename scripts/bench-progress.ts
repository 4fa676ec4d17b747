// `npm run bench:progress [-- --no-build] [--renders 60]`: measures a school's progress view on its own
// throwaway PostgreSQL (with pg_stat_statements) filled by scripts/bench-data.ts, against the production
// build served by `next start`, signed in with a session cookie minted with the app's own secret.
// Prints: statements per render at page sizes 10, 50 and 200; page-1 render time p50/p95 over HTTP; the
// same data read with hand-written SQL through raw `pg` (the floor) and the ratio; the CSV export of all
// 10,000 rows (time, and the server's peak memory beside a 400-row export); the EXPLAIN of the page query.
// A script, not a test: timings depend on the machine, so it reports and marks each target, nothing more.
import type { SchoolProgressScope } from "../lib/access";
import { parseProgressQuery } from "../lib/progress/query";
import { progressRowsSql, progressSummarySql } from "../lib/progress/sql";
import { addLargeSchool, generateBenchData } from "./bench-data";
import { runFloor } from "./bench-floor";
import { percentile, type Sample } from "./bench-measure";
import { download, kb, line, liveHeapOf, machine, mb, ms, printStatements, renderPage, runBench, statementsPerRender } from "./bench-server";

const args = process.argv.slice(2);
const RENDERS = args.includes("--renders") ? Math.max(50, Number(args[args.indexOf("--renders") + 1]) || 0) : 60;

await runBench(args, async (bench) => {
  const { admin } = bench;
  console.log(`Benchmark of a school's progress view · ${machine()}`);
  const started = performance.now();
  const data = await generateBenchData(bench.databaseUrl);
  console.log(`Generated ${data.enrolments.toLocaleString("en-GB")} enrolments and ${data.completions.toLocaleString("en-GB")} lesson completions in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const base = await bench.serve();
  const headers = (await bench.signIn(data.leadId)).headers;
  const pageUrl = (search = "") => `${base}/courses/progress/${data.bigSchoolId}${search}`;
  const render = (url: string) => renderPage(url, headers, "Bench School 01");
  for (let i = 0; i < 15; i++) await render(pageUrl()); // warm the server and the database caches

  // 1. Statements per render, counted by PostgreSQL itself.
  console.log("\nSQL statements per page render (pg_stat_statements, 5 renders each)");
  const perSize: number[] = [];
  let breakdown: { calls: number; query: string }[] = [];
  for (const size of [10, 50, 200]) {
    const counted = await statementsPerRender(admin, () => render(pageUrl(`?size=${size}`)));
    perSize.push(counted.perRender);
    if (size === 50) breakdown = counted.rows;
    line(`page size ${size}`, `${counted.perRender} statements`);
  }
  // A page after a cursor (its position counted in the summary statement) and the last page.
  const firstHtml = await (await fetch(pageUrl(), { headers })).text();
  const nextSearch = /href="[^"?]*(\?[^"]*after=[^"]+)"/.exec(firstHtml)?.[1]?.replace(/&amp;/g, "&");
  if (!nextSearch) throw new Error("page 1 offers no next page");
  for (const [label, search] of [["page 2 (after a cursor)", nextSearch], ["the last page", "?page=last"]] as const) {
    const { perRender } = await statementsPerRender(admin, () => render(pageUrl(search)));
    perSize.push(perRender);
    line(label, `${perRender} statements`);
  }
  line("constant across sizes and pages, at most 6", perSize.join(" / "), perSize.every((n) => n === perSize[0]) && perSize[0]! <= 6);
  printStatements(breakdown);

  // 2. Page 1 over HTTP.
  console.log(`\nPage 1 (50 rows, sorted by name, of 10,000 enrolments): ${RENDERS} requests over HTTP to next start`);
  const renders: Sample[] = [];
  for (let i = 0; i < RENDERS; i++) renders.push(await render(pageUrl()));
  const p50 = percentile(renders, 50);
  line("server render p50", ms(p50), p50 <= 150);
  line("server render p95", ms(percentile(renders, 95)));
  const lastPage: Sample[] = [];
  for (let i = 0; i < 20; i++) lastPage.push(await render(pageUrl("?page=last")));
  line("last page p50", ms(percentile(lastPage, 50)));
  const filtered: Sample[] = [];
  for (let i = 0; i < 20; i++) filtered.push(await render(pageUrl("?status=in-progress&sort=activity&dir=desc")));
  line("filtered (in progress, by last activity) p50", ms(percentile(filtered, 50)));
  for (const required of ["overdue", "due-soon", "expired"]) {
    const samples: Sample[] = [];
    for (let i = 0; i < 20; i++) samples.push(await render(pageUrl(`?required=${required}&sort=due`)));
    line(`required training: ${required}, by due date, p50`, ms(percentile(samples, 50)), percentile(samples, 50) <= 150);
  }

  // 3. The floor: the same data with hand-written SQL through raw pg.
  console.log(`\nThe floor: the same data through raw pg, hand-written SQL, ${RENDERS} times`);
  const floor = await runFloor(bench.databaseUrl, data, RENDERS);
  line("everything the page reads, p50", ms(floor.all.p50));
  line("rows + summary only, p50", ms(floor.core.p50));
  for (const [name, p] of Object.entries(floor.each)) line(`  ${name} alone, p50`, ms(p));
  line("ratio page p50 / floor p50 (everything)", `${(p50 / floor.all.p50).toFixed(2)}×`, p50 / floor.all.p50 <= 3);
  line("ratio page p50 / floor p50 (rows + summary)", `${(p50 / floor.core.p50).toFixed(2)}×`);

  // 4. The CSV export, with the server's memory sampled while it streams.
  console.log("\nCSV export over HTTP (server RSS sampled every 5 ms)");
  const exportOnce = (schoolId: string, search: string, cookie = headers) => download(bench, `${base}/courses/progress/${schoolId}/export${search}`, cookie);
  const three = async (schoolId: string, search: string, cookie = headers) => {
    const runs = [await exportOnce(schoolId, search, cookie), await exportOnce(schoolId, search, cookie), await exportOnce(schoolId, search, cookie)];
    return { rows: runs[0]!.rows, bytes: runs[0]!.bytes, elapsed: [...runs.map((r) => r.elapsed)].sort((a, b) => a - b)[1]!, growth: Math.max(...runs.map((r) => r.growth)) };
  };
  await exportOnce(data.bigSchoolId, ""); // warm
  const small = await three(data.bigSchoolId, `?course=${data.firstCourseId}`);
  const full = await three(data.bigSchoolId, "");
  line(`all ${full.rows.toLocaleString("en-GB")} rows of a school (${mb(full.bytes)}), median of 3`, ms(full.elapsed), full.elapsed < 2000 && full.rows === 10000);
  line(`one course, ${small.rows} rows, median of 3`, ms(small.elapsed));
  // The trust overview's export of every enrolment of every school in the trust, streamed the same way.
  {
    const every = await download(bench, `${base}/courses/overview/${data.trustId}/enrolments-export`, headers);
    line(`trust export, every enrolment: ${every.rows.toLocaleString("en-GB")} rows`, `${ms(every.elapsed)}, RSS growth ${mb(every.growth)}`);
  }
  // Memory: the same export at 400, 10,000 and 40,000 rows (a larger school added only now, so the
  // figures above are on the data). Streamed a batch at a time, the peak must not grow with rows.
  const large = await addLargeSchool(bench.databaseUrl);
  const headCookie = (await bench.signIn(large.headId)).headers;
  await exportOnce(large.schoolId, "", headCookie); // warm
  const huge = await three(large.schoolId, "", headCookie);
  line(`all ${huge.rows.toLocaleString("en-GB")} rows of a larger school, median of 3`, ms(huge.elapsed));
  line("next-server peak RSS growth (max of 3), 400 rows", mb(small.growth));
  line("next-server peak RSS growth (max of 3), 10,000 rows", mb(full.growth));
  line("next-server peak RSS growth (max of 3), 40,000 rows", mb(huge.growth));
  // RSS includes garbage not yet collected, which grows with how long the export runs. What the export
  // keeps alive is measured in a process of its own that collects garbage at every chunk.
  const live = (viewerId: string, schoolId: string, search: string) =>
    liveHeapOf<{ rows: number; liveHeapPeak: number; lateGrowth: number }>(bench, "scripts/bench-export-memory.ts", ["school", viewerId, schoolId, search]);
  const live400 = await live(data.leadId, data.bigSchoolId, `course=${data.firstCourseId}`);
  const live10k = await live(data.leadId, data.bigSchoolId, "");
  const live40k = await live(large.headId, large.schoolId, "");
  line(`live heap kept by the export, ${live400.rows} rows`, kb(live400.liveHeapPeak));
  line(`live heap kept by the export, ${live10k.rows.toLocaleString("en-GB")} rows`, kb(live10k.liveHeapPeak));
  line(`live heap kept by the export, ${live40k.rows.toLocaleString("en-GB")} rows`, kb(live40k.liveHeapPeak));
  line("live heap growth, first two batches to the last 20,000 rows", kb(live40k.lateGrowth));
  line("flat: 40,000 rows keep under 4 MB, not growing as rows stream", `${kb(live40k.liveHeapPeak)} peak, ${kb(live40k.lateGrowth)} growth`, live40k.liveHeapPeak < 4 * 1048576 && live40k.lateGrowth < 512 * 1024);

  // 5. The plan of the page query, with the same parameters as page 1.
  console.log("\nEXPLAIN (ANALYZE, BUFFERS) of the page-1 rows query");
  // The page's own statements, built for the generated school. Only lib/access.ts makes scopes in the app;
  // this script reads its own throwaway database and holds no viewer, so it names the school by hand.
  const benchSchool = { schoolId: data.bigSchoolId } as SchoolProgressScope;
  const rowsSql = progressRowsSql(benchSchool, parseProgressQuery({}), 50).sql;
  const plan = (await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${rowsSql.text}`, rowsSql.values)).rows.map((r) => r["QUERY PLAN"] as string);
  for (const text of plan) console.log(`  ${text}`);
  const summarySql = progressSummarySql(benchSchool, {});
  const summaryPlan = (await admin.query(`EXPLAIN (ANALYZE) ${summarySql.text}`, summarySql.values)).rows.map((r) => r["QUERY PLAN"] as string);
  console.log("\nEXPLAIN (ANALYZE) of the summary query");
  for (const text of summaryPlan) console.log(`  ${text}`);
  const indexed = plan.some((t) => /Index (Only )?Scan (using|on) "?Membership_organisationId_role_idx/.test(t)) && plan.some((t) => /Index Scan using "?Enrolment_userId_courseId_key/.test(t));
  const seqOnEnrolment = [...plan, ...summaryPlan].some((t) => /Seq Scan on "Enrolment"/.test(t));
  console.log("");
  line("rows query reaches enrolments through indexes", indexed && !seqOnEnrolment ? "yes" : "no", indexed && !seqOnEnrolment);
});
