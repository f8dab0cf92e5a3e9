/**
 * The register's spreadsheet layout: one row per resident; rows with the same 户编号 form a
 * household (or, without that column, a 户主 row starts a household and the rows below join it).
 * The template, the import and the export share this list.
 */
import { compactText } from '@jiceng/shared';

export type ColumnKey =
  | 'householdNo'
  | 'headName'
  | 'relation'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'birthDate'
  | 'ethnicity'
  | 'phone'
  | 'politicalStatus'
  | 'occupation'
  | 'livingStatus'
  | 'groupName'
  | 'address'
  | 'tier'
  | 'tags'
  | 'notes';

export interface Column {
  key: ColumnKey;
  header: string;
  aliases: string[];
  /** Text-formatted in the template so Excel never turns long numbers into 5.30303E+17. */
  text?: boolean;
  width: number;
  note: string;
}

export const COLUMNS: Column[] = [
  {
    key: 'householdNo',
    header: '户编号',
    aliases: ['户号', '户编码', '家庭编号', '户序号', '编号'],
    text: true,
    width: 10,
    note: '同一户的成员填相同户编号（可留空沿用上一行）',
  },
  { key: 'headName', header: '户主姓名', aliases: ['户主', '户主名', '户主名字', '户主名称'], width: 10, note: '可选；填写时须与本户户主一致' },
  {
    key: 'relation',
    header: '与户主关系',
    aliases: ['关系', '家庭关系', '与户主的关系', '成员关系', '与户主关系名称', '家庭成员关系', '户内关系', '与户主之关系'],
    width: 11,
    note: '户主本人填“户主”，其他填配偶、子、女等',
  },
  {
    key: 'name',
    header: '姓名',
    aliases: ['名字', '成员姓名', '居民姓名', '人员姓名', '村民姓名', '家庭成员姓名', '家庭成员', '成员名字'],
    width: 10,
    note: '必填',
  },
  { key: 'gender', header: '性别', aliases: [], width: 6, note: '男/女，可留空（由身份证号推出）' },
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: [
      '身份证号码',
      '公民身份号码',
      '公民身份证号码',
      '公民身份证号',
      '证件号码',
      '证件号',
      '身份证',
      '身份证件号码',
      '居民身份证号码',
      '居民身份证号',
      '身份号码',
      '身份证件号',
      '证件号码身份证',
    ],
    text: true,
    width: 21,
    note: '18 位（旧 15 位会自动升级）；本列须为“文本”格式',
  },
  { key: 'birthDate', header: '出生日期', aliases: ['出生年月', '出生年月日', '生日'], width: 12, note: '可留空（由身份证号推出），如 1990-01-31' },
  { key: 'ethnicity', header: '民族', aliases: [], width: 8, note: '' },
  {
    key: 'phone',
    header: '联系电话',
    aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系电话号码', '联系号码', '移动电话', '手机电话', '联系手机', '本人电话'],
    text: true,
    width: 14,
    note: '手机或座机（0874-3012345）',
  },
  { key: 'politicalStatus', header: '政治面貌', aliases: [], width: 10, note: '中共党员、群众等' },
  { key: 'occupation', header: '职业', aliases: ['工作', '从事职业', '职业情况'], width: 10, note: '' },
  { key: 'livingStatus', header: '居住状态', aliases: ['居住情况', '居住状况', '在家情况', '在家状态'], width: 10, note: '在家、外出务工、外出上学等' },
  {
    key: 'groupName',
    header: '所属组',
    aliases: [
      '组',
      '组别',
      '组名',
      '组名称',
      '所在组',
      '所属组别',
      '村民小组',
      '所属村民小组',
      '所在村民小组',
      '村民小组名称',
      '村小组',
      '所属村小组',
      '居民小组',
      '所属居民小组',
      '小组',
      '小组名称',
      '所属小组',
      '所在小组',
      '村组',
      '社',
      '所属社',
    ],
    width: 10,
    note: '本村已建的组名；导入到某个组时可留空',
  },
  { key: 'address', header: '住址', aliases: ['地址', '家庭住址', '居住地址', '现住址', '住所'], width: 24, note: '必填（每户至少户主一行）' },
  {
    key: 'tier',
    header: '户类别',
    aliases: ['户类型', '类别', '户属性', '三色类别', '联户类别', '颜色', '户别'],
    width: 10,
    note: '红/黄/蓝，或 监测户/脱贫户/一般户；留空为一般户',
  },
  { key: 'tags', header: '情况标签', aliases: ['标签', '情况', '特殊情况', '家庭情况'], width: 16, note: '用顿号或逗号分隔，如 独居老人、低保' },
  { key: 'notes', header: '备注', aliases: ['说明'], width: 16, note: '' },
];

/**
 * Headers as people write them: half-width, no spaces or line breaks, no required markers (*, ※,
 * ★, 必填) or trailing colons, no notes in brackets ("身份证号（18位）", "户主姓名(必填)").
 */
export function headerKey(raw: string): string {
  return compactText(raw)
    .replace(/[(（【[〔].*?[)）】\]〕]/g, '')
    .replace(/[*＊※★☆:：]/g, '')
    .replace(/^必填|必填$/g, '');
}

const BY_HEADER = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const h of [c.header, ...c.aliases]) BY_HEADER.set(headerKey(h), c.key);

export function matchHeader(raw: string): ColumnKey | null {
  return BY_HEADER.get(headerKey(raw)) ?? null;
}

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, Column>;

/**
 * An unknown header that still reads as a group column (…组, …小组, …社, 组…): used as the group
 * column when no known group header is present, so a group column is never silently ignored.
 */
export function looksLikeGroupHeader(raw: string): boolean {
  const k = headerKey(raw);
  return k.length > 0 && k.length <= 12 && /组|社$/.test(k) && !/组织|组长|组成|社保|社会/.test(k);
}
