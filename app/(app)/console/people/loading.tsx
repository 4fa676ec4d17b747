import { PageSkeleton } from "@/components/page-skeleton";

// A list page with no [id] pages beside it.
export default function Loading() {
  return <PageSkeleton heading={false} />;
}
