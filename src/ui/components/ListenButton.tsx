// Listen to a story with the device's own speech (speechSynthesis), with play and pause.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** Props of the listen button. */
export interface ListenButtonProps {
  title: string;
  text: string;
  language: string | null;
}

// Long utterances are cut off by some engines; a paragraph at a time is spoken reliably.
function chunks(title: string, text: string): string[] {
  return [title, ...text.split(/\n{2,}/)].map((t) => t.trim()).filter(Boolean);
}

/** Play / Pause / Resume; renders nothing where the browser cannot speak. */
export function ListenButton({ title, text, language }: ListenButtonProps) {
  const state = useSignal<'idle' | 'playing' | 'paused'>('idle');
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
  useEffect(
    () => () => {
      // Leaving the story stops its speech.
      if (supported) speechSynthesis.cancel();
    },
    [],
  );
  if (!supported) return null;

  const play = () => {
    speechSynthesis.cancel();
    const parts = chunks(title, text);
    parts.forEach((part, i) => {
      const u = new SpeechSynthesisUtterance(part);
      if (language) u.lang = language;
      if (i === parts.length - 1) u.onend = () => (state.value = 'idle');
      u.onerror = () => (state.value = 'idle');
      speechSynthesis.speak(u);
    });
    state.value = 'playing';
  };
  const toggle = () => {
    if (state.value === 'idle') play();
    else if (state.value === 'playing') {
      speechSynthesis.pause();
      state.value = 'paused';
    } else {
      speechSynthesis.resume();
      state.value = 'playing';
    }
  };
  return (
    <button type="button" class="button button--quiet" onClick={toggle} aria-pressed={state.value !== 'idle'}>
      {state.value === 'idle' ? 'Listen' : state.value === 'playing' ? 'Pause' : 'Resume'}
    </button>
  );
}
