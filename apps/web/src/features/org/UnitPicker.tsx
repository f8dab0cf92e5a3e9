import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { UnitLevel } from '@jiceng/shared/units';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { UnitSummary } from '@jiceng/shared/schemas/org';

/** A unit as the picker lists it; `townshipName` tells apart villages of the same name. */
export type PickableUnit = Pick<UnitSummary, 'code' | 'name' | 'level'> & { townshipName?: string | null };

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  levels?: UnitLevel[];
  allowClear?: boolean;
  id?: string;
  /** The accessible name when no form label points at the picker (default: 选择单位 / Choose a unit). */
  ariaLabel?: string;
  style?: React.CSSProperties;
  /** Where the choices come from (default: units in the actor's scope, GET /units). */
  search?: (q: string | undefined) => Promise<PickableUnit[]>;
}

const scopedUnits = (q: string | undefined) => api.get<UnitSummary[]>('/units', { q, limit: 30 });

/** Chooses a unit in the actor's scope (or from `search`): starts with the own unit, searches by name or code as one types. */
export function UnitPicker({ value, onChange, levels, allowClear, id, ariaLabel, style, search = scopedUnits }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useState<PickableUnit[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const load = (q?: string) => {
    const n = ++seq.current;
    setLoading(true);
    search(q)
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
      // A form item's label names it through `id`; a picker in a filter bar names itself.
      aria-label={ariaLabel ?? (id ? undefined : t('units.pick'))}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={t('units.pick')}
      showSearch={{ filterOption: false, onSearch: (q) => load(q || undefined) }}
      loading={loading}
      style={{ minWidth: 220, ...style }}
      options={shown.map((u) => ({
        value: u.code,
        label: `${u.townshipName ? `${u.townshipName} ` : ''}${u.name}（${t(`level.${u.level}` as const)} ${u.code}）`,
      }))}
    />
  );
}
