import Link from "next/link";
import { NOT_FOUND_MESSAGE, NOT_FOUND_TITLE } from "@/lib/not-found-html";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{NOT_FOUND_TITLE}</h1>
      <p className="mt-3 text-slate-700">{NOT_FOUND_MESSAGE}</p>
      <p className="mt-6">
        <Link href="/workplace/my-school" className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4">
          Go to My School
        </Link>
      </p>
    </main>
  );
}
