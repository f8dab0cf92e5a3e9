import { Tag } from 'antd';
import type { Tier } from '@jiceng/shared/tier';
import { useI18n } from '../../app/i18n';

/** The tiers' colours in charts (bars and lines, no text on them). */
export const TIER_COLOR: Record<Tier, string> = { red: '#cf1322', yellow: '#d4b106', blue: '#0958d9' };
/**
 * The tags' colours: each pair reaches WCAG AA (4.5:1) for the text on it — white on red 5.6:1,
 * dark on yellow 11:1, white on blue 6.2:1 (antd's preset gold and blue gave 2.65:1 and 3.56:1).
 */
export const TIER_TAG_STYLE: Record<Tier, { background: string; color: string }> = {
  red: { background: '#cf1322', color: '#fff' },
  yellow: { background: '#fadb14', color: '#262626' },
  blue: { background: '#0958d9', color: '#fff' },
};
export const TIERS: Tier[] = ['red', 'yellow', 'blue'];

/** A household's tier as a coloured tag: 红 监测户 / 黄 脱贫户 / 蓝 一般户. */
export function TierTag({ tier, category }: { tier: Tier; category?: string | null }) {
  const { t } = useI18n();
  return (
    <Tag variant="solid" style={{ marginInlineEnd: 0, borderColor: 'transparent', ...TIER_TAG_STYLE[tier] }}>
      {t(`tier.${tier}` as const)}
      {category ? ` · ${category}` : ''}
    </Tag>
  );
}
