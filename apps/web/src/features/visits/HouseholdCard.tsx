import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { TIER_COLOR, TierTag } from '../households/TierTag';
import type { VisitTarget } from './types';
import { useI18n } from '../../app/i18n';

/** A household on the phone: tier colour down the side, head, address, a line of status, and "记录走访". */
export function HouseholdCard({ target, status, danger }: { target: VisitTarget; status: ReactNode; danger?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      role="article"
      aria-label={target.headName}
      style={{ borderInlineStart: `6px solid ${TIER_COLOR[target.tier]}` }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {target.headName}
            </Typography.Text>
            <TierTag tier={target.tier} />
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
            {target.address}
          </Typography.Text>
          <Typography.Text type={danger ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {status}
          </Typography.Text>
        </div>
        <Button type="primary" onClick={() => navigate(`/my-visits/${target.householdId}`, { state: target })}>
          {t('visits.record')}
        </Button>
      </Flex>
    </Card>
  );
}
