import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth";

export const metadata: Metadata = { title: "New Support Ticket" };

export default async function NewSupportTicketPage() {
  await requireViewer();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h1 className="text-2xl font-semibold">New Support Ticket</h1>
      <p className="mt-2 text-slate-700">Support tickets are coming soon. Until then, contact Schoot support at support@schoot.example.</p>
    </section>
  );
}
