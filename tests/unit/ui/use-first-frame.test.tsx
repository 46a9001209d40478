// Home's sections wait for the first frame only on a fresh start, while the page is still loading:
// reloads, Back/Forward and any later screen draw whole at once (the browser restores the place).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let root: HTMLElement;
const seen: boolean[][] = [];

async function probe(): Promise<(id: number) => preact.JSX.Element> {
  const { usePastFirstFrame } = await import('../../../src/ui/use-first-frame');
  return (id: number) => {
    function Probe() {
      (seen[id] ??= []).push(usePastFirstFrame());
      return null;
    }
    return <Probe />;
  };
}

function loadingPage(type: NavigationTimingType): void {
  vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ type } as PerformanceNavigationTiming]);
}

beforeEach(() => {
  vi.resetModules();
  seen.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('usePastFirstFrame', () => {
  it('holds back the first screen of a fresh start until after its first frame, and only that one', async () => {
    loadingPage('navigate');
    const el = await probe();
    await act(() => render(el(0), root));
    expect(seen[0]).toEqual([false, true]);
    render(null, root);
    await act(() => render(el(1), root));
    expect(seen[1]).toEqual([true]);
  });

  it('draws whole at once on a reload or a history traversal', async () => {
    loadingPage('reload');
    const el = await probe();
    await act(() => render(el(0), root));
    expect(seen[0]).toEqual([true]);
    vi.resetModules();
    loadingPage('back_forward');
    const el2 = await probe();
    await act(() => render(el2(1), root));
    expect(seen[1]).toEqual([true]);
  });

  it('draws whole at once once the page has loaded', async () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('complete');
    const el = await probe();
    await act(() => render(el(0), root));
    expect(seen[0]).toEqual([true]);
  });
});
