"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link that marks itself as the current page when the path starts with its section. */
export function NavLink({ href, section, className, children }: { href: string; section?: string; className: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${section ?? href}/`) || pathname === section;
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={className}>
      {children}
    </Link>
  );
}
