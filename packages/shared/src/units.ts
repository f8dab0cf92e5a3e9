/**
 * The organisation tree's code rules. A unit's code extends its parent's code, so
 * "is X under Y" is a prefix test. NBS gives the first three levels; zones and groups
 * are numbered by their village, two digits each.
 */
export const UNIT_LEVELS = ['district', 'township', 'village', 'zone', 'group'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const CODE_LENGTH: Record<UnitLevel, number> = {
  district: 6,
  township: 9,
  village: 12,
  zone: 14,
  group: 16,
};

export const UNIT_NAME_MAX = 50;

export function levelOfCode(code: string): UnitLevel | null {
  if (!/^\d+$/.test(code)) return null;
  for (const level of UNIT_LEVELS) if (CODE_LENGTH[level] === code.length) return level;
  return null;
}

export function isValidUnitCode(code: string): boolean {
  return levelOfCode(code) !== null;
}

export function parentCodeOf(code: string): string | null {
  const level = levelOfCode(code);
  if (!level || level === 'district') return null;
  const parentLevel = UNIT_LEVELS[UNIT_LEVELS.indexOf(level) - 1] as UnitLevel;
  return code.slice(0, CODE_LENGTH[parentLevel]);
}

export function childLevelOf(level: UnitLevel): UnitLevel | null {
  const i = UNIT_LEVELS.indexOf(level);
  return i < UNIT_LEVELS.length - 1 ? (UNIT_LEVELS[i + 1] as UnitLevel) : null;
}

/** True when `code` is `scope` itself or lies below it. A null scope covers everything. */
export function isWithin(code: string, scope: string | null): boolean {
  return scope === null || code.startsWith(scope);
}

/** The lowest unused two-digit suffix under `parent` among `taken` child codes. */
export function nextChildCode(parent: string, taken: readonly string[]): string | null {
  const used = new Set(taken.map((c) => c.slice(parent.length)));
  for (let n = 1; n <= 99; n++) {
    const suffix = String(n).padStart(2, '0');
    if (!used.has(suffix)) return parent + suffix;
  }
  return null;
}

/** NBS names end in 村民委员会 / 居民委员会; people say 村 / 社区. */
export function shortUnitName(officialName: string): string {
  return officialName
    .replace(/村民委员会$/, '村')
    .replace(/社区居民委员会$/, '社区')
    .replace(/居民委员会$/, '社区')
    .replace(/村委会$/, '村');
}
