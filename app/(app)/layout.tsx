import { AppHeader } from "@/components/app-header";
import { requireViewer } from "@/lib/auth";
import { signOutAction, switchOrganisationAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader viewer={viewer} actions={{ signOut: signOutAction, switchOrganisation: switchOrganisationAction }} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
