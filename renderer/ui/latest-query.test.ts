import { describe, expect, it } from 'vitest';
import { LatestQuery } from './latest-query';

/** A search whose replies the test releases by hand, in any order. */
function fakeSearch() {
  const asked: string[] = [];
  const pending = new Map<string, (v: string) => void>();
  const run = (text: string) =>
    new Promise<string>((resolve) => {
      asked.push(text);
      pending.set(text, resolve);
    });
  const reply = async (text: string) => {
    pending.get(text)!(`hits for ${text}`);
    pending.delete(text);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, run, reply };
}

describe('LatestQuery (quick find while typing)', () => {
  it('sends the first keystroke at once, with no waiting', () => {
    const s = fakeSearch();
    const shown: string[] = [];
    new LatestQuery(s.run, (_t, r) => shown.push(r), () => undefined).ask('1');
    expect(s.asked).toEqual(['1']);
  });

  it('keeps one search in flight: keystrokes typed meanwhile collapse into the newest text', async () => {
    const s = fakeSearch();
    const shown: string[] = [];
    const q = new LatestQuery(s.run, (_t, r) => shown.push(r), () => undefined);
    q.ask('1');
    q.ask('13');
    q.ask('138');
    q.ask('1380');
    expect(s.asked).toEqual(['1']); // nothing else while "1" is out
    await s.reply('1');
    expect(s.asked).toEqual(['1', '1380']); // "13" and "138" were never sent
    expect(shown).toEqual([]); // "1"'s hits are out of date: the box says 1380
    await s.reply('1380');
    expect(shown).toEqual(['hits for 1380']);
  });

  it('shows a reply that answers the newest text', async () => {
    const s = fakeSearch();
    const shown: string[] = [];
    const q = new LatestQuery(s.run, (t, r) => shown.push(`${t}: ${r}`), () => undefined);
    q.ask('张');
    await s.reply('张');
    expect(shown).toEqual(['张: hits for 张']);
  });

  it('drops the reply in flight when the box is cleared', async () => {
    const s = fakeSearch();
    const shown: string[] = [];
    const q = new LatestQuery(s.run, (_t, r) => shown.push(r), () => undefined);
    q.ask('138');
    q.ask(null);
    await s.reply('138');
    expect(shown).toEqual([]);
    expect(s.asked).toEqual(['138']);
  });

  it('reports a failure of the newest search, and a later keystroke searches again', async () => {
    const errors: string[] = [];
    const shown: string[] = [];
    let fail = true;
    const q = new LatestQuery(
      (t) => (fail ? Promise.reject(new Error(`down for ${t}`)) : Promise.resolve(`hits for ${t}`)),
      (_t, r) => shown.push(r),
      (_t, e) => errors.push((e as Error).message),
    );
    q.ask('138');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['down for 138']);
    fail = false;
    q.ask('1380');
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(['hits for 1380']);
  });
});
