import { PageSkeleton } from "@/components/page-skeleton";

// While this page waits on the database; it wraps the page alone (see components/page-skeleton.tsx for why no higher).
export default function Loading() {
  return <PageSkeleton heading={false} />;
}
