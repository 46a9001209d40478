// Protects the personal reading speed: learned only from enough real reads, robust to outliers, clamped.
import { describe, expect, it } from 'vitest';
import { addSample, learnedWordsPerMinute, sampleSpeed } from '../../../src/domain/reading-speed';

const read = (words: number, minutes: number) => ({ words, activeMs: minutes * 60_000 });

describe('personal reading speed', () => {
  it('needs five finished reads before it says anything', () => {
    const four = [read(300, 1), read(300, 1), read(300, 1), read(300, 1)];
    expect(learnedWordsPerMinute(four)).toBeNull();
    expect(learnedWordsPerMinute([...four, read(300, 1)])).toBe(300);
  });
  it('takes the median, so one abandoned tab does not drag it down', () => {
    expect(learnedWordsPerMinute([read(400, 1), read(420, 1), read(410, 1), read(1000, 60), read(390, 1)])).toBe(400);
  });
  it('clamps each read to 100–700 words per minute', () => {
    expect(sampleSpeed(read(5000, 1))).toBe(700);
    expect(sampleSpeed(read(10, 1))).toBe(100);
    expect(sampleSpeed({ words: 0, activeMs: 1000 })).toBeNull();
  });
  it('forgets old reads', () => {
    let samples = Array.from({ length: 20 }, () => read(200, 1));
    for (let i = 0; i < 15; i++) samples = addSample(samples, read(500, 1));
    expect(samples).toHaveLength(15);
    expect(learnedWordsPerMinute(samples)).toBe(500);
  });
});
