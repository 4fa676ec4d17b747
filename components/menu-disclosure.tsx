"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The phone menu: a <details> disclosure (it works before JavaScript loads) that closes itself after a
 * client-side navigation, so the open menu never covers the page it led to.
 */
export function MenuDisclosure({ className, children }: { className: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details ref={ref} className={className}>
      {children}
    </details>
  );
}
