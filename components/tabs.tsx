import { NavLink } from "./nav-link";

/**
 * A row of section tabs (Workplace › My School, Courses › My Courses…); scrolls within itself on a phone.
 * A tab's `section` also marks it current on the pages under that path.
 */
export function Tabs({ label, tabs }: { label: string; tabs: { href: string; label: string; section?: string }[] }) {
  return (
    <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <NavLink
              href={tab.href}
              section={tab.section}
              className="inline-block border-b-2 border-transparent px-3 py-2 font-medium whitespace-nowrap text-slate-700 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
