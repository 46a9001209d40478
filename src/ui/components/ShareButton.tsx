// Share a story: the system share sheet where there is one, else copy the link.
import { useSignal } from '@preact/signals';

/** Props of the share button. */
export interface ShareButtonProps {
  title: string;
  url: string;
}

/** Shares the story's original URL (the app's own URL means nothing on another device). */
export function ShareButton({ title, url }: ShareButtonProps) {
  const note = useSignal<string | null>(null);
  const share = async () => {
    try {
      if (navigator.share) {
        await navigator.share({ title, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      note.value = 'Link copied';
    } catch (err) {
      // The reader closing the share sheet is not an error worth showing.
      if (err instanceof DOMException && err.name === 'AbortError') return;
      note.value = 'Could not share; the link is in the source line above.';
    }
    setTimeout(() => (note.value = null), 3000);
  };
  return (
    <>
      <button type="button" class="button button--quiet" onClick={() => void share()}>
        Share
      </button>
      {note.value && (
        <span class="share-note" role="status">
          {note.value}
        </span>
      )}
    </>
  );
}
