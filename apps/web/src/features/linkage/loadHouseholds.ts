import { api } from '../../app/api';
import type { HouseholdSummary } from '@jiceng/shared/schemas/households';

/** Every household of a unit (a village has hundreds, the list pages by 200). */
export async function loadAllHouseholds(unitCode: string): Promise<Map<number, HouseholdSummary>> {
  const all = new Map<number, HouseholdSummary>();
  for (let offset = 0; ; offset += 200) {
    const page = await api.get<{ items: HouseholdSummary[]; total: number }>('/households', { unitCode, offset, limit: 200 });
    for (const h of page.items) all.set(h.id, h);
    if (offset + 200 >= page.total || !page.items.length) return all;
  }
}
