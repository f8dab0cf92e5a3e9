import { Tag } from 'antd';
import type { Tier } from '@jiceng/shared/tier';
import { useI18n } from '../../app/i18n';

export const TIER_COLOR: Record<Tier, string> = { red: '#cf1322', yellow: '#d48806', blue: '#1677ff' };
export const TIERS: Tier[] = ['red', 'yellow', 'blue'];

/** A household's tier as a coloured tag: 红 监测户 / 黄 脱贫户 / 蓝 一般户. */
export function TierTag({ tier, category }: { tier: Tier; category?: string | null }) {
  const { t } = useI18n();
  return (
    <Tag color={TIER_COLOR[tier]} style={{ marginInlineEnd: 0 }}>
      {t(`tier.${tier}` as const)}
      {category ? ` · ${category}` : ''}
    </Tag>
  );
}
