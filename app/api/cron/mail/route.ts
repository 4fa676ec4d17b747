import { env } from "@/lib/env";
import { logError, logEvent } from "@/lib/log";
import { runMailCron } from "@/lib/mail/cron";
import { sameSecret } from "@/lib/same-secret";

// Vercel Cron calls this with GET and "Authorization: Bearer $CRON_SECRET" (vercel.json's schedule); any other
// scheduler can do the same. Without CRON_SECRET the route refuses everyone.
export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorised(header: string | null): boolean {
  const secret = env().CRON_SECRET;
  if (!secret || !header?.startsWith("Bearer ")) return false;
  return sameSecret(header.slice("Bearer ".length), secret);
}

async function run(request: Request) {
  if (!authorised(request.headers.get("authorization"))) {
    return Response.json({ error: "Not authorised." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  try {
    const report = await runMailCron(new Date(), { deadline: Date.now() + 45_000 });
    logEvent("info", "mail.cron", report);
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logError("mail.cron_failed", error);
    return Response.json({ error: "The mail cron failed; it runs again at the next schedule." }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
