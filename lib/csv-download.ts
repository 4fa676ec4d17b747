import "server-only";
import { NextResponse, type NextRequest } from "next/server";

// What every CSV route answers besides its file: a visitor goes to sign in and comes back to the same
// download (filters included), and a file goes out private, never kept by a shared cache (it names staff).

export function signInFirst(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export function csvDownload(fileName: string, body: ReadableStream<Uint8Array> | string): Response {
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
