import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";

// Where a person lands: Schoot support on the console (support staff belong to no school), everyone else on Workplace.
export default async function Home() {
  const viewer = await requireViewer();
  redirect(viewer.platformRole === "SUPPORT" && viewer.memberships.length === 0 ? "/console/tickets" : "/workplace/my-school");
}
