import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { UnitLevel } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { UnitSummary } from '../../app/types';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  levels?: UnitLevel[];
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** Chooses a unit in the actor's scope: starts with the own unit, searches by name or code as one types. */
export function UnitPicker({ value, onChange, levels, allowClear, id, style }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<UnitSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const load = (q?: string) => {
    const n = ++seq.current;
    setLoading(true);
    api
      .get<UnitSummary[]>('/units', { q, limit: 30 })
      .then((units) => {
        if (n === seq.current) setOptions(units);
      })
      .catch(() => undefined)
      .finally(() => n === seq.current && setLoading(false));
  };
  // An initial value (a preset unit, an edited record) is found by its code; only on mount.
  // biome-ignore lint/correctness/useExhaustiveDependencies: later values come from this picker itself
  useEffect(() => {
    load(value ?? undefined);
  }, []);
  const shown = levels ? options.filter((u) => levels.includes(u.level)) : options;
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={t('units.pick')}
      showSearch={{ filterOption: false, onSearch: (q) => load(q || undefined) }}
      loading={loading}
      style={{ minWidth: 220, ...style }}
      options={shown.map((u) => ({ value: u.code, label: `${u.name}（${t(`level.${u.level}` as const)} ${u.code}）` }))}
    />
  );
}
