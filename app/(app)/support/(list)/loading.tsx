import { PageSkeleton } from "@/components/page-skeleton";

// In a route group of its own so that it wraps this list alone, not the [id] pages beside it: those must
// decide not-found before anything streams, to answer a real 404 (see components/page-skeleton.tsx).
export default function Loading() {
  return <PageSkeleton heading={true} />;
}
