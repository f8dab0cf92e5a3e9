import type { MatterState } from '@jiceng/shared/matters/states';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';

const COLOR: Partial<Record<MatterState, string>> = {
  reported: 'orange',
  transmitted: 'gold',
  triaged: 'gold',
  accepted: 'blue',
  escalated: 'volcano',
  transferred: 'purple',
  dispatched: 'geekblue',
  resolved: 'cyan',
  answered: 'green',
  rated: 'green',
  reopened: 'red',
  closed: 'default',
  closedUnresolved: 'magenta',
  merged: 'default',
};

export function StateTag({ state }: { state: MatterState }) {
  const { t } = useI18n();
  return <Tag color={COLOR[state]}>{t(`matters.s.${state}`)}</Tag>;
}
