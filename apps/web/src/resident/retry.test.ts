import { describe, expect, it } from 'vitest';
import { NetworkError, ServerError } from './api';
import { isLost, newDraftKey, withRetry } from './retry';

const KEY = /^[A-Za-z0-9_-]{16,64}$/; // what the server's publicReportBody accepts

describe('newDraftKey', () => {
  it('uses randomUUID where there is one', () => {
    expect(newDraftKey({ randomUUID: () => '123e4567-e89b-12d3-a456-426614174000' } as Partial<Crypto>)).toBe('123e4567-e89b-12d3-a456-426614174000');
  });
  it('falls back to getRandomValues on old phones (no randomUUID, plain HTTP), in the form the server accepts', () => {
    const key = newDraftKey({ getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Partial<Crypto>);
    expect(key).toMatch(KEY);
    expect(key).toHaveLength(32);
  });
  it('and to Math.random with no crypto at all; two drafts never share a key', () => {
    const a = newDraftKey(undefined);
    const b = newDraftKey({} as Partial<Crypto>);
    expect(a).toMatch(KEY);
    expect(b).toMatch(KEY);
    expect(a).not.toBe(b);
    expect(newDraftKey()).toMatch(KEY);
  });
});

describe('withRetry (a lost answer is sent again by the page itself)', () => {
  const noSleep = async () => undefined;

  it('retries a network error, a timeout and a 5xx, then answers', async () => {
    const failures = [new NetworkError(), new ServerError(503, 'busy'), new ServerError(502, 'bad gateway')];
    const attempts: number[] = [];
    const pauses: number[] = [];
    const res = await withRetry(
      async () => {
        const f = failures.shift();
        if (f) throw f;
        return 'MT-OK';
      },
      (n) => attempts.push(n),
      [10, 20, 40, 80],
      async (ms) => {
        pauses.push(ms);
      },
    );
    expect(res).toBe('MT-OK');
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(pauses).toEqual([10, 20, 40]);
  });

  it('never retries a refusal (400, 409): the resident must see it', async () => {
    let calls = 0;
    const refusal = new ServerError(400, '请说说遇到了什么问题', 'description');
    await expect(
      withRetry(
        async () => {
          calls++;
          throw refusal;
        },
        undefined,
        [1, 1],
        noSleep,
      ),
    ).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });

  it('gives up after the last pause with the last lost answer', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new NetworkError();
        },
        undefined,
        [1, 1, 1],
        noSleep,
      ),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(4);
  });

  it('isLost: network, 5xx and 408 yes; 4xx no', () => {
    expect([new NetworkError(), new ServerError(500, ''), new ServerError(408, '')].map(isLost)).toEqual([true, true, true]);
    expect([new ServerError(400, ''), new ServerError(409, ''), new ServerError(429, ''), new Error('x')].map(isLost)).toEqual([false, false, false, false]);
  });
});
