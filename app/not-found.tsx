import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-700">
        This page does not exist, or you do not have access to it. If someone sent you this link, ask them to check it.
      </p>
      <p className="mt-6">
        <Link href="/workplace/my-school" className="font-medium text-brand-700 underline underline-offset-4">
          Go to My School
        </Link>
      </p>
    </main>
  );
}
