import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth";
import { progressPathFor } from "@/lib/progress-scopes";

// Where the `View course progress for:` form sends its choice. Access is checked by the page it redirects
// to, so this only turns a choice into a URL.
export default async function ChooseProgressPage({ searchParams }: { searchParams: Promise<{ school?: string | string[] }> }) {
  await requireViewer();
  const { school } = await searchParams;
  const id = Array.isArray(school) ? school[0] : school;
  redirect(progressPathFor(id, (value) => z.uuid().safeParse(value).success));
}
