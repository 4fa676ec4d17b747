"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef } from "react";

const CloseMenu = createContext<(() => void) | null>(null);

/** For controls inside the phone menu that finish without a navigation (switching organisation): fold it away. */
export function useCloseMenu(): () => void {
  return useContext(CloseMenu) ?? noop;
}

function noop() {}

const FOCUSABLE = "summary, a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])";

/**
 * The phone menu: a <details> disclosure (it works before JavaScript loads). With JavaScript it behaves as
 * a menu should: it closes after a navigation (and on a tap of any of its links, even to the page already shown),
 * so it never covers the page it led to; Escape closes it and
 * returns focus to the toggle; while it is open, Tab and Shift+Tab cycle within it (the toggle included,
 * so it can always be closed) instead of wandering into the page hidden beneath it.
 */
export function MenuDisclosure({ className, children }: { className: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  const close = useCallback((returnFocus: boolean) => {
    const details = ref.current;
    if (!details?.open) return;
    details.open = false;
    if (returnFocus) details.querySelector("summary")?.focus();
  }, []);

  useEffect(() => {
    close(false);
  }, [pathname, close]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDetailsElement>) {
    const details = ref.current;
    if (!details?.open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "Tab") return;
    const focusable = [...details.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el.tagName === "SUMMARY");
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const closeAndFocusToggle = useCallback(() => close(true), [close]);

  // A link to the page already shown (Workplace, from a Workplace tab) changes no path: fold the menu away on
  // the tap itself, so it never stays over the page it led back to.
  function onClick(event: React.MouseEvent<HTMLDetailsElement>) {
    if (event.target instanceof Element && event.target.closest("a[href]")) close(false);
  }

  return (
    <CloseMenu.Provider value={closeAndFocusToggle}>
      <details ref={ref} className={className} onKeyDown={onKeyDown} onClick={onClick}>
        {children}
      </details>
    </CloseMenu.Provider>
  );
}
