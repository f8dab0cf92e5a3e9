// Builds a 沾益区-sized register for the import bench: for each of the real 135 villages, 3 zones,
// ~8 groups and ~960 households (~3.3 residents each, valid unique ID numbers from region 530303,
// realistic ages, tier mix ~3% red / ~12% yellow / rest blue), one xlsx per village as a village
// keeps its books. Deterministic (seeded). Writes bench/.cache/register/<village>.xlsx and manifest.json.
//   node bench/generate-district.mjs [--villages N] [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { CACHE, ROOT } from './lib.mjs';

const { values } = parseArgs({ options: { villages: { type: 'string' }, out: { type: 'string' } } });
const OUT = values.out ?? path.join(CACHE, 'register');
const REGION = '530303';
const HEADERS = [
  '户编号',
  '户主姓名',
  '与户主关系',
  '姓名',
  '性别',
  '身份证号',
  '出生日期',
  '民族',
  '联系电话',
  '政治面貌',
  '职业',
  '居住状态',
  '所属组',
  '住址',
  '户类别',
  '情况标签',
  '备注',
];
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟'.split('');
const GIVEN = '明华建国志强秀英玉兰桂芳文学丽红海涛春梅永福家兴德云金凤国平燕子小龙开富云仙树林天才成'.split('');
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '彝族', '回族', '苗族', '布依族'];
const JOBS = ['务农', '务农', '外出务工', '个体经营', '学生', '退休', '无'];
const LIVING = ['在家', '在家', '在家', '外出务工', '外出上学'];
const TAGS = ['独居老人', '留守儿童', '低保', '残疾', '大病', '五保'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

// mulberry32: a small seeded generator so every run writes the same district.
let seed = 20260105;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

function checkChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

const used = new Set();
/** A unique valid ID number for someone born in `year`; the sequence's parity gives the gender. */
function idNumber(year, male) {
  for (;;) {
    const d = new Date(Date.UTC(year, 0, 1) + between(0, 364) * 86_400_000);
    const birth = d.toISOString().slice(0, 10).replaceAll('-', '');
    let seq = between(0, 999);
    if ((seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
    const first17 = `${REGION}${birth}${String(seq).padStart(3, '0')}`;
    const id = first17 + checkChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const name = (surname) => surname + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
const phone = () => `1${pick(['3', '5', '8', '9'])}${String(between(0, 999_999_999)).padStart(9, '0')}`;
/** 1–6 members, about 3.3 on average. */
const householdSize = () => [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 6][Math.floor(rand() * 12)];

function villages() {
  const rows = readFileSync(path.join(ROOT, 'apps/server/data/divisions/530303.csv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((l) => /^(\d+),"?([^"]*)"?$/.exec(l.trim()))
    .filter((m) => m && m[1].length === 12)
    .map((m) => ({
      code: m[1],
      name: m[2]
        .replace(/村民委员会$/, '村')
        .replace(/社区居民委员会$/, '社区')
        .replace(/居民委员会$/, '社区'),
    }));
}

async function writeVillage(village, file) {
  const zones = ['第一片', '第二片', '第三片'].map((z) => ({ name: z, groups: [] }));
  const groupCount = between(7, 9);
  for (let g = 0; g < groupCount; g++) zones[g % 3].groups.push(`${['一', '二', '三', '四', '五', '六', '七', '八', '九'][g]}组`);
  const groups = zones.flatMap((z) => z.groups);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADERS).commit();
  const households = between(880, 1040);
  let residents = 0;
  const tiers = { red: 0, yellow: 0, blue: 0 };
  for (let h = 1; h <= households; h++) {
    const r = rand();
    const tier = r < 0.03 ? 'red' : r < 0.15 ? 'yellow' : 'blue';
    tiers[tier]++;
    const surname = pick(SURNAMES);
    const group = pick(groups);
    const address = `${village.name}${group}${h}号`;
    const headYear = between(1946, 1996);
    const headMale = rand() < 0.85;
    const members = [{ relation: '户主', name: name(surname), year: headYear, male: headMale }];
    const size = householdSize();
    if (size >= 2) members.push({ relation: '配偶', name: name(pick(SURNAMES)), year: headYear + between(-4, 4), male: !headMale });
    for (let k = members.length; k < size; k++) {
      const childYear = Math.min(2025, headYear + between(20, 36));
      const male = rand() < 0.5;
      members.push({ relation: male ? '子' : '女', name: name(surname), year: childYear, male });
    }
    for (const [k, m] of members.entries()) {
      const id = idNumber(m.year, m.male);
      ws.addRow([
        String(h),
        members[0].name,
        m.relation,
        m.name,
        m.male ? '男' : '女',
        id,
        `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        pick(ETHNIC),
        k === 0 || rand() < 0.3 ? phone() : '',
        rand() < 0.08 ? '中共党员' : '群众',
        pick(JOBS),
        pick(LIVING),
        group,
        k === 0 ? address : '',
        k === 0 ? { red: '监测户', yellow: '脱贫户', blue: '一般户' }[tier] : '',
        k === 0 && rand() < 0.1 ? pick(TAGS) : '',
        '',
      ]).commit();
    }
    residents += members.length;
  }
  ws.commit();
  await wb.commit();
  return { zones, households, residents, tiers };
}

mkdirSync(OUT, { recursive: true });
const list = villages().slice(0, values.villages ? Number(values.villages) : undefined);
const manifest = [];
const started = Date.now();
let totals = { households: 0, residents: 0 };
for (const [i, v] of list.entries()) {
  const file = path.join(OUT, `${v.code}.xlsx`);
  const info = await writeVillage(v, file);
  manifest.push({ ...v, file: path.basename(file), ...info });
  totals = { households: totals.households + info.households, residents: totals.residents + info.residents };
  if ((i + 1) % 20 === 0 || i + 1 === list.length)
    console.log(`[generate] ${i + 1}/${list.length} villages, ${totals.households} households, ${totals.residents} residents`);
}
writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify({ generatedAt: new Date().toISOString(), ...totals, villages: manifest }, null, 1));
console.log(`[generate] wrote ${list.length} files to ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
