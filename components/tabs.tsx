"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export type Tab = {
  href: string;
  label: string;
  /** Paths whose pages belong to this tab too (a tab is current on its href and under any of these). */
  section?: string | string[];
  /** Current on any page of the layout that no other tab claims (Courses › All Courses for a course's pages). */
  fallback?: boolean;
};

function under(pathname: string, path: string) {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The tab the page belongs to: every page under a layout with tabs highlights exactly one. */
export function currentTab(tabs: Tab[], pathname: string): Tab | undefined {
  const sections = (tab: Tab) => [tab.href, ...(Array.isArray(tab.section) ? tab.section : tab.section ? [tab.section] : [])];
  return tabs.find((tab) => sections(tab).some((path) => under(pathname, path))) ?? tabs.find((tab) => tab.fallback);
}

/**
 * A row of section tabs (Workplace › My School, Courses › My Courses…). On a phone the row scrolls within
 * itself: the current tab is scrolled into view whole, and a shadow at either edge (pure CSS, so it shows
 * before JavaScript too) says that more tabs lie that way.
 */
export function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const pathname = usePathname();
  const current = currentTab(tabs, pathname);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    const active = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !active) return;
    const left = active.offsetLeft - list.offsetLeft;
    const right = left + active.offsetWidth;
    // Only sideways, within the strip: never scroll the page itself.
    if (left < list.scrollLeft) list.scrollLeft = left - 16;
    else if (right > list.scrollLeft + list.clientWidth) list.scrollLeft = right - list.clientWidth + 16;
  }, [pathname]);

  return (
    <nav aria-label={label} className="-mx-4 mb-6 border-b border-slate-200">
      <ul ref={listRef} className="scroll-shadows flex snap-x gap-1 overflow-x-auto px-4">
        {tabs.map((tab) => (
          <li key={tab.href} className="snap-start scroll-ml-4">
            <Link
              href={tab.href}
              aria-current={tab === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center border-b-2 border-transparent px-3 py-2 font-medium whitespace-nowrap text-slate-700 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
