import Link from "next/link";
import type { Viewer } from "@/lib/auth";
import type { FormState } from "@/lib/form-state";
import { MenuDisclosure } from "./menu-disclosure";
import { NavLink } from "./nav-link";
import { OrganisationSwitcher } from "./organisation-switcher";
import { SignOutButton } from "./sign-out-button";

const menu = [
  { href: "/workplace/my-school", section: "/workplace", label: "Workplace" },
  { href: "/courses", section: "/courses", label: "Courses" },
];

const topLink =
  "rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800";

// Shown only to Schoot support (platformRole read from the database); the console checks again itself.
const supportMenu = [{ href: "/console/tickets", section: "/console", label: "Support console" }];

type HeaderAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** `actions` are the layout's server actions: components never import app/. */
export function AppHeader({ viewer, actions }: { viewer: Viewer; actions: { signOut: HeaderAction; switchOrganisation: HeaderAction } }) {
  const organisation = viewer.currentMembership?.organisation.name;
  // Schoot support answers tickets rather than filing them: the console leads, and no New Support Ticket.
  const isSupport = viewer.platformRole === "SUPPORT";
  const items = isSupport ? [...supportMenu, ...menu.filter((item) => item.section !== "/workplace" || viewer.memberships.length > 0)] : menu;
  const myTickets = isSupport ? null : (
    <Link href="/support" className="rounded-md px-2 py-2 text-sm font-medium text-brand-800 underline-offset-4 hover:underline">
      My tickets
    </Link>
  );
  const ticketButton = isSupport ? null : (
    <Link href="/support/new" className="inline-flex items-center justify-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
      New Support Ticket
    </Link>
  );
  const person = (
    <p className="text-sm leading-tight">
      <Link href="/account" className="inline-flex min-h-6 items-center font-medium text-slate-900 underline-offset-4 hover:underline" title="Your account">
        {viewer.name}
      </Link>
      {organisation && viewer.memberships.length < 2 ? <span className="block text-slate-600">{organisation}</span> : null}
    </p>
  );
  // Several memberships: choose which organisation the app shows (remembered, re-checked on every request).
  const switcher =
    viewer.memberships.length > 1 && viewer.currentMembership ? (
      <OrganisationSwitcher organisations={viewer.memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name }))} currentId={viewer.currentMembership.organisation.id} switchAction={actions.switchOrganisation} />
    ) : null;
  const signOutClass = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 underline-offset-4 hover:underline";

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-2">
        <Link href="/" className="-mx-1 inline-flex min-h-11 items-center px-1 font-semibold text-brand-800">
          Schoot
        </Link>

        {/* Wide screens (lg: from 1024 px, where the row fits): everything in one row. */}
        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 lg:flex">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href} section={item.section} className={topLink}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="hidden items-center gap-4 lg:flex">
          {ticketButton}
          {myTickets}
          {person}
          {switcher}
          <SignOutButton className={signOutClass} signOutAction={actions.signOut} />
        </div>

        {/* Phones: one menu button; a <details> disclosure works before any JavaScript loads. */}
        <MenuDisclosure className="group ml-auto lg:hidden">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true">☰</span> Menu
          </summary>
          <div className="absolute inset-x-0 z-20 mt-2 space-y-3 border-b border-slate-200 bg-white px-4 pt-2 pb-4 shadow-lg">
            {person}
            {switcher}
            <nav aria-label="Main" className="flex flex-col gap-1">
              {items.map((item) => (
                <NavLink key={item.href} href={item.href} section={item.section} className={topLink}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <div className="flex flex-wrap items-center gap-3">
              {ticketButton}
              {myTickets}
              <SignOutButton className={signOutClass} signOutAction={actions.signOut} />
            </div>
          </div>
        </MenuDisclosure>
      </div>
    </header>
  );
}
