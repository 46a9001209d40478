import { describe, expect, it, vi } from 'vitest';
import { cameBack, scrollLeftAt, watchHistory } from '../../../src/ui/history-nav';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('history-nav', () => {
  it('knows a screen reached by Back, and where it was scrolled to before it was left', async () => {
    watchHistory();
    history.replaceState(null, '', '/search?q=barrier');
    window.scrollY = 1500;
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(cameBack()).toBe(false);
    expect(scrollLeftAt()).toBeUndefined();

    history.pushState(null, '', '/article/a1');
    window.scrollY = 300;
    window.dispatchEvent(new Event('scroll'));
    await frame();
    history.replaceState(null, '', '/search?q=barrier');
    window.dispatchEvent(new PopStateEvent('popstate'));
    // The browser's own restoring fires scroll events on the old screen: they must not count.
    window.scrollY = 40;
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(cameBack()).toBe(true);
    expect(scrollLeftAt()).toBe(1500);
  });

  it('forgets the traversal once another screen is shown, or after a while', () => {
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(cameBack()).toBe(true);
    history.pushState(null, '', '/saved');
    expect(cameBack()).toBe(false);
    window.dispatchEvent(new PopStateEvent('popstate'));
    const now = performance.now();
    const spy = vi.spyOn(performance, 'now').mockReturnValue(now + 5_000);
    expect(cameBack()).toBe(false);
    spy.mockRestore();
  });
});
