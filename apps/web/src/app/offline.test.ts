import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { isOfflineFailure } from './offline';

describe('isOfflineFailure (no network is not "logged out")', () => {
  it('a failed fetch, the worker’s OFFLINE stand-in and a 5xx are offline', () => {
    expect(isOfflineFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isOfflineFailure(new ApiError(503, 'OFFLINE', '网络不可用 / offline'))).toBe(true);
    expect(isOfflineFailure(new ApiError(502, 'HTTP_502', 'Bad Gateway'))).toBe(true);
  });
  it('401 and other refusals are not', () => {
    expect(isOfflineFailure(new ApiError(401, 'UNAUTHENTICATED', '请先登录'))).toBe(false);
    expect(isOfflineFailure(new ApiError(403, 'FORBIDDEN', 'no'))).toBe(false);
    expect(isOfflineFailure(null)).toBe(false);
  });
});
