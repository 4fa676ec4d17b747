import { NavLink } from "./nav-link";

/** A row of section tabs (Workplace › My School, Courses › My Courses…); scrolls within itself on a phone. */
export function Tabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <NavLink
              href={tab.href}
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
