/**
 * The demo district as plain data, drawn from a seeded generator (the same district on every
 * machine): for each village of the real tree, its zones and groups, representatives, register and
 * a year of visits. Townships differ in how well they keep up (see docs/demo.md): `diligence` sets
 * how close to the cadence their representatives visit and how quickly their cadres handle matters.
 */
import { DEFAULT_CADENCE, type Tier, type VisitKind } from '@jiceng/shared';
import { GIVEN, NUMERALS, SURNAMES, VISIT_FINDINGS, VISIT_NEEDS } from './district-text';
import { generator, type SampleHousehold, sampleIdNumber } from './sample-register';

export const DAY = 86_400_000;

export type Rnd = () => number;
export const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
export const between = (rnd: Rnd, lo: number, hi: number) => lo + rnd() * (hi - lo);

/** 0.5 (lagging) … 1 (exemplary), by township in code order: most do well, a few lag. */
const DILIGENCE = [0.95, 0.9, 0.62, 0.85, 0.97, 0.55, 0.88, 0.75, 0.92, 0.68, 0.8, 0.9];

export interface PlannedGroup {
  suffix: string;
  name: string;
}
export interface PlannedRep {
  username: string;
  displayName: string;
  unitCode: string;
}
export interface PlannedVisit {
  daysAgo: number;
  kind: VisitKind;
  findings: string;
  needs?: string;
}
export interface PlannedVillage {
  code: string;
  name: string;
  townshipCode: string;
  diligence: number;
  seed: number;
  zones: { name: string; groups: PlannedGroup[] }[];
  reps: PlannedRep[];
  cadre: { username: string; displayName: string };
  households: SampleHousehold[];
  /** By household index: that household's visits, oldest first. */
  visits: PlannedVisit[][];
}

/** A stable number per village code (the PRNG's seed). */
const seedOf = (code: string) => Number(code.slice(-7)) * 7919 + 17;

function personName(rnd: Rnd, surname: string, male: boolean, young: boolean) {
  return surname + pick(rnd, male ? (young ? GIVEN.boys : GIVEN.male) : young ? GIVEN.girls : GIVEN.female);
}

/** Birth date YYYYMMDD in `year`. */
function birth(rnd: Rnd, year: number) {
  return `${year}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
}

/**
 * ID sequence numbers handed out per birth date across the whole district, so no two residents
 * share a number (sequences from 100 keep clear of the 地河村 sample's 500–899 by parity of use).
 */
class IdBook {
  private next = new Map<string, number>();
  take(date: string, male: boolean): string {
    let n = this.next.get(date) ?? 100;
    if (n % 2 !== (male ? 1 : 0)) n++;
    if (n >= 500 && n < 900) n = 900 + (male ? 1 : 0);
    this.next.set(date, n + 1);
    return sampleIdNumber(date, n);
  }
}

function householdsOf(rnd: Rnd, village: { code: string; name: string }, groups: PlannedGroup[], count: number, ids: IdBook): SampleHousehold[] {
  const short = village.name.replace(/(村民委员会|居民委员会|村委会|社区|村)$/, '');
  const out: SampleHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const group = groups[Math.floor((i * groups.length) / count)] as PlannedGroup;
    const roll = rnd();
    const tier: Tier = roll < 0.06 ? 'red' : roll < 0.24 ? 'yellow' : 'blue';
    const surname = pick(rnd, SURNAMES);
    const ethnicity = surname === '普' || surname === '浦' ? '彝族' : surname === '马' ? '回族' : '汉族';
    const shape = rnd();
    const headYear = 1945 + Math.floor(rnd() * 40);
    const members: { name: string; relation: string; male: boolean; birth: string; occupation?: string; livingStatus?: string }[] = [];
    const headMale = rnd() < 0.85;
    members.push({ name: personName(rnd, surname, headMale, false), relation: '户主', male: headMale, birth: birth(rnd, headYear), occupation: '务农' });
    if (shape > 0.12)
      members.push({
        name: personName(rnd, pick(rnd, SURNAMES), !headMale, false),
        relation: '配偶',
        male: !headMale,
        birth: birth(rnd, headYear + 2),
        occupation: '务农',
      });
    if (shape > 0.35) {
      const childYear = Math.min(headYear + 25, 2020);
      const away = childYear < 2003 && rnd() < 0.5;
      members.push({
        name: personName(rnd, surname, true, childYear > 2005),
        relation: '长子',
        male: true,
        birth: birth(rnd, childYear),
        occupation: away ? '外出务工' : childYear > 2005 ? '学生' : '务农',
        livingStatus: away ? '外出务工' : '在家',
      });
      if (shape > 0.7)
        members.push({
          name: personName(rnd, surname, false, childYear + 3 > 2005),
          relation: '长女',
          male: false,
          birth: birth(rnd, Math.min(childYear + 3, 2021)),
          livingStatus: '在家',
        });
    }
    const residents = members.map(({ male, birth: b, ...m }) => ({ ...m, ethnicity, idNumber: ids.take(b, male) }));
    const phone = rnd() < 0.75 ? `1${pick(rnd, ['39', '58', '87', '51'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null;
    if (phone && residents[0]) Object.assign(residents[0], { phone });
    const tags =
      tier === 'red'
        ? [pick(rnd, ['大病', '残疾', '独居老人', '因灾'])]
        : tier === 'yellow'
          ? [pick(rnd, ['产业帮扶', '外出务工', '低保'])]
          : rnd() < 0.2
            ? [pick(rnd, ['外出务工', '党员户', '留守儿童', '退役军人'])]
            : [];
    out.push({
      index: i,
      groupSuffix: group.suffix,
      householdNo: `${village.code.slice(-6)}-${String(i + 1).padStart(3, '0')}`,
      address: `${short}${group.name} ${i + 1} 号`,
      phone,
      tier,
      tierCategory: tier === 'red' ? pick(rnd, ['突发严重困难户', '边缘易致贫户', '脱贫不稳定户']) : null,
      tags,
      residents,
      visits: [],
    });
  }
  return out;
}

/**
 * A year of one household's visits: from its link (`linkedDaysAgo`) on, one visit every cadence
 * interval stretched by the village's diligence, so diligent villages stay within the cadence and
 * lagging ones drift past it; some households of a lagging village are never visited at all.
 */
function visitsOf(rnd: Rnd, tier: Tier, diligence: number, linkedDaysAgo: number): PlannedVisit[] {
  if (rnd() > 0.4 + 0.6 * diligence + 0.05) return [];
  const cadence = tier === 'red' ? DEFAULT_CADENCE.redDays : tier === 'yellow' ? DEFAULT_CADENCE.yellowDays : DEFAULT_CADENCE.blueDays;
  const out: PlannedVisit[] = [];
  let day = linkedDaysAgo - between(rnd, 0.3, 1) * cadence;
  while (day > 0) {
    const kind: VisitKind = tier === 'red' ? 'home' : tier === 'yellow' ? (rnd() < 0.6 ? 'home' : 'phone') : pick(rnd, ['home', 'phone', 'wechat'] as const);
    out.push({ daysAgo: day, kind, findings: pick(rnd, VISIT_FINDINGS[tier]), ...(rnd() < 0.08 ? { needs: pick(rnd, VISIT_NEEDS) } : {}) });
    // Diligent: 55–100 % of the interval; lagging: up to about twice it.
    day -= cadence * between(rnd, 0.55, 0.55 + 0.45 / diligence + (1 - diligence) * 1.2);
  }
  return out;
}

/** The plan of every village given (in code order), none of the 地河村 sample's. */
export function planDistrict(
  villages: readonly { code: string; name: string; townshipCode: string }[],
  townships: readonly string[],
  linkedDaysAgo: number,
): PlannedVillage[] {
  const ids = new IdBook();
  return villages.map((v) => {
    const seed = seedOf(v.code);
    const rnd = generator(seed);
    const community = v.name.endsWith('社区');
    const diligence = Math.min(1, Math.max(0.45, (DILIGENCE[townships.indexOf(v.townshipCode) % DILIGENCE.length] ?? 0.8) + between(rnd, -0.08, 0.08)));
    const count = Math.round(community ? between(rnd, 16, 28) : between(rnd, 10, 22));
    const groupCount = Math.max(2, Math.min(9, Math.round(count / between(rnd, 6, 10))));
    const zoneCount = groupCount > 4 ? 2 : 1;
    const zones = Array.from({ length: zoneCount }, (_, z) => ({ name: `第${NUMERALS[z]}片`, groups: [] as PlannedGroup[] }));
    const groups: PlannedGroup[] = [];
    for (let g = 0; g < groupCount; g++) {
      const z = Math.floor((g * zoneCount) / groupCount);
      const zone = zones[z] as (typeof zones)[number];
      const group = { suffix: `${String(z + 1).padStart(2, '0')}${String(zone.groups.length + 1).padStart(2, '0')}`, name: `${NUMERALS[g] ?? g + 1}组` };
      zone.groups.push(group);
      groups.push(group);
    }
    // One representative for every group or two, living in the first of them.
    const reps: PlannedRep[] = [];
    for (let g = 0; g < groups.length; g += rnd() < 0.5 ? 1 : 2) {
      const surname = pick(rnd, SURNAMES);
      const male = rnd() < 0.6;
      reps.push({
        username: `r${v.code}${reps.length + 1}`,
        displayName: personName(rnd, surname, male, false),
        unitCode: `${v.code}${(groups[g] as PlannedGroup).suffix}`,
      });
    }
    const households = householdsOf(rnd, v, groups, count, ids);
    const visits = households.map((h) => visitsOf(rnd, h.tier, diligence, linkedDaysAgo));
    return { ...v, seed, diligence, zones, reps, cadre: { username: `v${v.code}`, displayName: `${v.name}两委（演示）` }, households, visits };
  });
}
