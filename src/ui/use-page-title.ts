// Keeps document.title in step with the page, so tabs, history and screen readers name it.
import { useEffect } from 'preact/hooks';

/** Sets "<title> — Broadsheet" (or just "Broadsheet") while the page is shown. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Broadsheet` : 'Broadsheet — offline news';
  }, [title]);
}
