import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { UnitSummary } from '@jiceng/shared/schemas/org';

/** The chosen unit's name for confirmations (the picker hands over only its code). */
export function useUnitName(code: string | undefined): string | undefined {
  const [name, setName] = useState<{ code: string; name: string }>();
  useEffect(() => {
    if (!code) return;
    let live = true;
    api.get<UnitSummary>(`/units/${code}`).then(
      (u) => live && setName({ code, name: u.name }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return code && name?.code === code ? name.name : code;
}
