/**
 * The demo's sample register of 地河村, as plain data: 40 households over the five demo groups with
 * their members, tiers, situation tags and visit history. Deterministic (a seeded generator, fixed
 * birth dates), so every demo database holds the same people and tests can rely on them.
 */
import { idCheckChar, type RED_CATEGORIES, type Tier, type VisitKind } from '@jiceng/shared';

export const SAMPLE_REGION = '530303';

/** The demo groups (zone 01: 地河一/二/三组, zone 02: 小河边组, 新村组) and how many households each has. */
export const SAMPLE_GROUPS = [
  { suffix: '0101', name: '地河一组', households: 10 },
  { suffix: '0102', name: '地河二组', households: 8 },
  { suffix: '0103', name: '地河三组', households: 8 },
  { suffix: '0201', name: '小河边组', households: 8 },
  { suffix: '0202', name: '新村组', households: 6 },
] as const;

export interface SampleResident {
  name: string;
  relation: string;
  idNumber: string;
  phone?: string;
  ethnicity: string;
  politicalStatus?: string;
  occupation?: string;
  livingStatus?: string;
}

export interface SampleVisit {
  daysAgo: number;
  kind: VisitKind;
  findings: string;
  needs?: string;
  risks?: string;
}

export interface SampleHousehold {
  /** Index in the sample (0-based); also the household number DH-001 …. */
  index: number;
  groupSuffix: string;
  householdNo: string;
  address: string;
  phone: string | null;
  tier: Tier;
  tierCategory: string | null;
  tags: string[];
  residents: SampleResident[];
  /** Oldest first; none at all for a household nobody has visited since it was linked. */
  visits: SampleVisit[];
}

/** mulberry32: a small seeded generator, the same sequence on every machine. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '何', '罗', '高', '郭', '普'];
const MALE = ['国富', '建华', '志强', '德明', '正清', '永福', '光荣', '家贵', '文学', '成林', '绍华', '玉祥', '开明', '发顺', '金贵', '学文'];
const FEMALE = ['秀英', '桂兰', '玉芬', '秀珍', '春梅', '丽华', '永芬', '翠花', '美仙', '兰英', '会芳', '明芝'];
const BOYS = ['浩然', '子轩', '宇航', '俊杰', '文博', '家豪', '思源', '明轩'];
const GIRLS = ['欣怡', '雨涵', '梓涵', '思琪', '佳怡', '婉婷', '紫萱', '诗雨'];

/** Red households (index → finer category and tags), yellow ones, and the overdue ones. */
const RED: Record<number, { category: (typeof RED_CATEGORIES)[number]; tags: string[] }> = {
  2: { category: '突发严重困难户', tags: ['大病'] },
  13: { category: '边缘易致贫户', tags: ['残疾'] },
  24: { category: '脱贫不稳定户', tags: ['独居老人', '低保'] },
  35: { category: '突发严重困难户', tags: ['因灾', '危房'] },
};
const YELLOW = new Set([0, 5, 9, 16, 20, 27, 31, 38]);
/**
 * Visits that ran late: one red (beyond the alert threshold) and one yellow of 地河一组, so the
 * demo representative 王代表 has work today, and two blue elsewhere (one never visited).
 */
const LATE = { red: 2, yellow: 9, blueLate: 11, blueNever: 33 };
const BLUE_TAGS: Record<number, string[]> = {
  3: ['外出务工'],
  7: ['留守儿童', '外出务工'],
  11: ['党员户'],
  18: ['退役军人'],
  22: ['外出务工'],
  29: ['独居老人'],
  36: ['种养大户'],
};
const YELLOW_TAGS = [['产业帮扶'], ['外出务工'], ['低保'], [], ['产业帮扶', '外出务工'], [], ['残疾'], []];

const FINDINGS: Record<Tier, string[]> = {
  red: ['家中病人病情稳定，按时服药，医保报销已办理', '房屋加固已完工，生活用品齐全', '临时救助金已到账，家庭收入有所恢复', '老人身体尚可，低保按月发放'],
  yellow: ['务工收入稳定，产业帮扶资金已用于养殖', '家庭收支正常，子女上学有保障', '烤烟长势良好，预计收入比去年高'],
  blue: ['家庭情况正常，无特殊困难', '电话了解近况，家人均在家', '微信回访，外出务工人员一切正常'],
};
const NEEDS = ['希望协调农技人员指导病虫害防治', '咨询医保缴费和大病报销政策', '希望修缮入户道路', '想了解小额信贷申请条件'];

/** A valid GB 11643 number: region + birth date + sequence (odd last digit = male) + check character. */
export function sampleIdNumber(birth: string, seq: number): string {
  const first17 = `${SAMPLE_REGION}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function birth(rnd: () => number, year: number): string {
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

type Member = Omit<SampleResident, 'idNumber'> & { male: boolean; birth: string };

/** The household's members: a shape (alone, old couple, family, three generations) by its index. */
function membersOf(index: number, rnd: () => number): Member[] {
  const surname = SURNAMES[index % SURNAMES.length] as string;
  const ethnicity = surname === '普' ? '彝族' : surname === '马' ? '回族' : '汉族';
  const person = (relation: string, male: boolean, year: number, extra: Partial<SampleResident> = {}): Member => ({
    name: `${relation === '配偶' || relation === '儿媳' ? pick(rnd, SURNAMES) : surname}${pick(rnd, male ? (year > 2005 ? BOYS : MALE) : year > 2005 ? GIRLS : FEMALE)}`,
    relation,
    male,
    birth: birth(rnd, year),
    ethnicity,
    ...extra,
  });
  const shape = index === 24 || index === 29 ? 'alone' : index % 4 === 1 ? 'old' : index % 4 === 3 ? 'three' : 'family';
  const headYear =
    shape === 'alone' ? 1942 + (index % 8) : shape === 'old' ? 1950 + (index % 10) : shape === 'three' ? 1964 + (index % 8) : 1974 + (index % 12);
  const head = person('户主', shape !== 'alone' || index % 2 === 0, headYear, {
    occupation: '务农',
    politicalStatus: index % 7 === 4 ? '中共党员' : '群众',
  });
  if (shape === 'alone') return [head];
  const spouse = person('配偶', !head.male, headYear + 2, { occupation: '务农', politicalStatus: '群众' });
  if (shape === 'old') return [head, spouse];
  const childYear = shape === 'three' ? headYear + 24 : Math.min(headYear + 26, 2019);
  const son = person('长子', true, childYear, {
    occupation: shape === 'three' ? '外出务工' : childYear > 2005 ? '学生' : '务工',
    livingStatus: shape === 'three' ? '外出务工' : childYear > 2005 ? '在校' : '在家',
  });
  if (shape === 'family') {
    const members = [head, spouse, son];
    if (index % 3 === 0) members.push(person('长女', false, Math.min(childYear + 3, 2021), { occupation: '学生', livingStatus: '在校' }));
    return members;
  }
  const daughterInLaw = person('儿媳', false, childYear + 1, { occupation: '务农', livingStatus: '在家' });
  const grandchild = person(index % 2 ? '孙子' : '孙女', index % 2 === 1, Math.min(childYear + 26, 2021), { livingStatus: '在家' });
  return [head, spouse, son, daughterInLaw, grandchild];
}

function visitsOf(index: number, tier: Tier, rnd: () => number): SampleVisit[] {
  const text = () => pick(rnd, FINDINGS[tier]);
  if (index === LATE.blueNever) return [];
  if (tier === 'red') {
    // Weekly home visits over the last month; the late one stopped 12 days ago.
    const last = index === LATE.red ? 12 : 1 + (index % 5);
    return [last + 21, last + 14, last + 7, last].map((d, i, all) => ({
      daysAgo: d,
      kind: 'home',
      findings: text(),
      ...(i === all.length - 1 ? { needs: pick(rnd, NEEDS), risks: index === 13 ? '家中主要劳动力残疾，收入来源单一' : undefined } : {}),
    }));
  }
  if (tier === 'yellow') {
    const last = index === LATE.yellow ? 22 : 2 + (index % 11);
    return [last + 15, last].map((d) => ({ daysAgo: d, kind: d === last ? 'home' : 'phone', findings: text() }));
  }
  const last = index === LATE.blueLate ? 45 : 5 + (index % 24);
  return [{ daysAgo: last, kind: pick(rnd, ['home', 'phone', 'wechat'] as const), findings: text() }];
}

/** The 40 households, in group order. */
export function sampleHouseholds(): SampleHousehold[] {
  const rnd = generator(530303203211);
  const out: SampleHousehold[] = [];
  let index = 0;
  for (const group of SAMPLE_GROUPS) {
    for (let n = 1; n <= group.households; n++, index++) {
      const red = RED[index];
      const tier: Tier = red ? 'red' : YELLOW.has(index) ? 'yellow' : 'blue';
      const members = membersOf(index, rnd);
      // Sequence numbers 500–899 keep clear of the small ones tests use; the last digit's parity is the sex.
      const residents = members.map(({ male, birth: b, ...m }, j) => ({ ...m, idNumber: sampleIdNumber(b, 500 + index * 10 + j * 2 + (male ? 1 : 0)) }));
      const phone = index % 3 === 2 ? null : `1390874${String(2000 + index).padStart(4, '0')}`;
      if (phone && residents[0]) residents[0].phone = phone;
      out.push({
        index,
        groupSuffix: group.suffix,
        householdNo: `DH-${String(index + 1).padStart(3, '0')}`,
        address: `地河村${group.name} ${n * 2 + (index % 2)} 号`,
        phone,
        tier,
        tierCategory: red?.category ?? null,
        tags: red?.tags ?? (tier === 'yellow' ? (YELLOW_TAGS[[...YELLOW].indexOf(index)] ?? []) : (BLUE_TAGS[index] ?? [])),
        residents,
        visits: visitsOf(index, tier, rnd),
      });
    }
  }
  return out;
}

const CSV_HEADERS = ['户编号', '与户主关系', '姓名', '身份证号', '民族', '联系电话', '政治面貌', '职业', '居住状态', '所属组', '住址', '户类别', '情况标签'];
const TIER_WORD: Record<Tier, string> = { red: '监测户', yellow: '脱贫户', blue: '一般户' };

/** The register as the village keeps it (one row per person), in the import's CSV layout. */
export function sampleRegisterCsv(households: SampleHousehold[], groupNames?: ReadonlyMap<string, string>): string {
  const group = groupNames ?? new Map<string, string>(SAMPLE_GROUPS.map((g) => [g.suffix, g.name]));
  const lines = [CSV_HEADERS.join(',')];
  for (const h of households)
    h.residents.forEach((r, i) => {
      const head = i === 0;
      const tier = h.tierCategory ? `${TIER_WORD[h.tier]}（${h.tierCategory}）` : TIER_WORD[h.tier];
      const cells = [
        h.householdNo,
        r.relation,
        r.name,
        r.idNumber,
        r.ethnicity,
        r.phone ?? '',
        r.politicalStatus ?? '',
        r.occupation ?? '',
        r.livingStatus ?? '',
      ];
      cells.push(group.get(h.groupSuffix) ?? '', head ? h.address : '', head ? tier : '', head ? h.tags.join('、') : '');
      lines.push(cells.join(','));
    });
  return `${lines.join('\n')}\n`;
}
