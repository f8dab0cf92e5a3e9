/**
 * Three-colour tiers (红黄蓝) and how registers write them: a colour, or the household category
 * the colour stands for (监测户 red, 脱贫户 yellow, 一般户 blue), or a finer red category.
 */
export const TIER_VALUES = ['red', 'yellow', 'blue'] as const;
export type Tier = (typeof TIER_VALUES)[number];

export const TIER_LABEL: Record<Tier, { zh: string; category: string; en: string }> = {
  red: { zh: '红', category: '监测户', en: 'red (monitored)' },
  yellow: { zh: '黄', category: '脱贫户', en: 'yellow (lifted out of poverty)' },
  blue: { zh: '蓝', category: '一般户', en: 'blue (ordinary)' },
};

/** Finer red categories of the monitoring policy, kept as the household's tierCategory. */
export const RED_CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

const WORDS: Record<string, Tier> = {
  红: 'red',
  红色: 'red',
  红户: 'red',
  监测户: 'red',
  监测对象: 'red',
  red: 'red',
  黄: 'yellow',
  黄色: 'yellow',
  黄户: 'yellow',
  脱贫户: 'yellow',
  yellow: 'yellow',
  蓝: 'blue',
  蓝色: 'blue',
  蓝户: 'blue',
  一般户: 'blue',
  普通户: 'blue',
  blue: 'blue',
};

/** Blank → blue; "红（监测户）" and "红色/监测户" work too; unknown words → null. */
export function parseTierLabel(raw: string): { tier: Tier; category: string | null } | null {
  const s = raw.replace(/\s/g, '').toLowerCase();
  if (s === '') return { tier: 'blue', category: null };
  const red = RED_CATEGORIES.find((c) => s.includes(c));
  if (red) return { tier: 'red', category: red };
  const direct = WORDS[s];
  if (direct) return { tier: direct, category: null };
  const parts = s.split(/[()（）/、,，]/).filter(Boolean);
  const tiers = new Set(parts.map((p) => WORDS[p]));
  if (tiers.size === 1 && !tiers.has(undefined)) return { tier: [...tiers][0] as Tier, category: null };
  return null;
}
