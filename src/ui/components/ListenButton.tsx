// Listen to a story with the device's own speech (speechSynthesis), with play and pause.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

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

/** Errors that mean the device cannot speak this story (not the reader stopping it). */
const CANNOT_SPEAK = new Set(['synthesis-unavailable', 'synthesis-failed', 'language-unavailable', 'voice-unavailable', 'audio-hardware', 'not-allowed']);
/** Speech that has not started by then never will: the engine has no voice to start with. A device
 * that lists voices may be fetching one over the network, so it gets longer. */
const START_TIMEOUT_MS = { noVoices: 4_000, voices: 15_000 };
const NO_VOICE = 'This device has no voice to read this story aloud.';
const STOPPED = 'Reading aloud stopped: the device could not go on.';

/** Play / Pause / Resume; renders nothing where the browser cannot speak, and says so when it has no voice. */
export function ListenButton({ title, text, language }: ListenButtonProps) {
  const state = useSignal<'idle' | 'playing' | 'paused'>('idle');
  const problem = useSignal<string | null>(null);
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      // Leaving the story stops its speech.
      clearTimeout(watchdog.current);
      if (supported) speechSynthesis.cancel();
    },
    [],
  );
  if (!supported) return null;

  let started = false;
  const fail = () => {
    clearTimeout(watchdog.current);
    speechSynthesis.cancel();
    state.value = 'idle';
    problem.value = started ? STOPPED : NO_VOICE;
  };
  const play = () => {
    speechSynthesis.cancel();
    problem.value = null;
    started = false;
    const parts = chunks(title, text);
    parts.forEach((part, i) => {
      const u = new SpeechSynthesisUtterance(part);
      if (language) u.lang = language;
      u.onstart = () => {
        started = true;
        clearTimeout(watchdog.current);
      };
      if (i === parts.length - 1) u.onend = () => (state.value = 'idle');
      u.onerror = (event) => {
        if (CANNOT_SPEAK.has(event.error)) fail();
        else state.value = 'idle';
      };
      speechSynthesis.speak(u);
    });
    state.value = 'playing';
    clearTimeout(watchdog.current);
    watchdog.current = setTimeout(
      () => {
        if (!started && state.value === 'playing') fail();
      },
      speechSynthesis.getVoices().length === 0 ? START_TIMEOUT_MS.noVoices : START_TIMEOUT_MS.voices,
    );
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
    <>
      <button type="button" class="button button--quiet" onClick={toggle} aria-pressed={state.value !== 'idle'}>
        {state.value === 'idle' ? 'Listen' : state.value === 'playing' ? 'Pause' : 'Resume'}
      </button>
      <span class="listen-note" role="status">
        {problem.value}
      </span>
    </>
  );
}
