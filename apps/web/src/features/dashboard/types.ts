import type { Tier } from '@jiceng/shared/tier';

export interface Figures {
  households: number;
  linked: number;
  visited: number;
  overdue: number;
  completionRate: number | null;
}

export interface Summary {
  unitCode: string;
  total: Figures;
  items: (Figures & { unitCode: string; name: string; byTier: Record<Tier, Figures> })[];
}
