import { redirect } from "next/navigation";
import { requireSupportViewer } from "@/lib/support";

export default async function ConsolePage() {
  await requireSupportViewer(); // not found for everyone else, rather than a redirect that reveals the console
  redirect("/console/tickets");
}
