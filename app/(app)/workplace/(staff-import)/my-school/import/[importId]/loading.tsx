import { PageSkeleton } from "@/components/page-skeleton";

// While the preview is worked out against today's staff (up to 5,000 rows).
export default function Loading() {
  return <PageSkeleton heading={false} />;
}
