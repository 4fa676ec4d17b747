import { loadStaffImport } from "./load";

// Decides not-found before this segment's loading skeleton: another organisation's upload, like one that does
// not exist, must answer a real 404. That is also why these pages sit in the (staff-import) route group rather
// than under my-school/: My School's own loading.tsx would wrap them, and its skeleton, streamed at once,
// fixes the status at 200. The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ importId: string }> }) {
  await loadStaffImport((await params).importId);
  return children;
}
