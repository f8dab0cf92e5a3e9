import type { Role } from '@jiceng/shared';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/context';
import { canRead, canReveal, canWrite, readableHouseholds } from './policy';

const actor = (role: Role, unitCode: string | null): Actor => ({ userId: 1, username: role, displayName: role, role, unitCode, departmentId: null });
const here = { unitCode: '5303032032110101' };
const elsewhere = { unitCode: '5303032032010101' };

describe('household policy', () => {
  it('reads, writes and reveals only inside the actor’s subtree, each with its permission', () => {
    const village = actor('village', '530303203211');
    expect([canRead(village, here), canWrite(village, here), canReveal(village, here)]).toEqual([true, true, true]);
    expect([canRead(village, elsewhere), canWrite(village, elsewhere), canReveal(village, elsewhere)]).toEqual([false, false, false]);
    const rep = actor('representative', '5303032032110101');
    expect([canRead(rep, here), canWrite(rep, here), canReveal(rep, here)]).toEqual([true, false, false]);
    expect(canRead(actor('department', '530303'), here)).toBe(false);
    expect(canRead(actor('admin', null), elsewhere)).toBe(true);
  });

  it('gives list queries the same rule as SQL', () => {
    expect(readableHouseholds(actor('admin', null))).toBeNull();
    const render = (a: Actor) => new PgDialect({ casing: 'snake_case' }).sqlToQuery(readableHouseholds(a) as SQL);
    expect(render(actor('department', '530303')).sql).toBe('false');
    expect(render(actor('village', '530303203211'))).toMatchObject({ sql: '"households"."unit_code" like $1', params: ['530303203211%'] });
  });
});
