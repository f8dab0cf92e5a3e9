/**
 * Turns raw rows into households ready to insert, collecting every problem as
 * {row, column (the file's header text), field, zh, en} instead of stopping at the first.
 */
import { ID_NUMBER_MESSAGES, normalizeText, parseTierLabel, type Tier, textOrNull } from '@jiceng/shared';
import { AppError } from '../../../platform/errors';
import { HEAD, normalizeRelation, parseTags, type ResidentValue, validateResident } from '../validate';
import { COLUMN_BY_KEY, COLUMNS, type ColumnKey, looksLikeGroupHeader, matchHeader } from './columns';
import type { RawCell, RawRow } from './parse';

export interface ImportIssue {
  row: number;
  column: string;
  field: string;
  zh: string;
  en: string;
}

export interface PlannedHousehold {
  firstRow: number;
  unitCode: string;
  householdNo: string | null;
  address: string;
  headName: string;
  phone: string | null;
  tier: Tier;
  tierCategory: string | null;
  /** The file gave a tier (blank: 一般户 for a new household, unchanged for an update). */
  tierGiven: boolean;
  tags: string[];
  notes: string | null;
  residents: (ResidentValue & { row: number })[];
}

export interface ImportTarget {
  /** Where households go when the file names no group (a group target, or an undivided village). */
  defaultUnit: string | null;
  /** Groups inside the target, by name (normalised, no spaces). */
  groups: Map<string, { code: string; name: string }>;
  /** Set when the target is one group: a group column, when present, must name it on every row. */
  onlyGroup?: { code: string; name: string };
}

const SCIENTIFIC_TEXT = /^\d(\.\d+)?E\+?\d+$/i;
/** From this many rows with an ID number Excel turned into a number (or all of them): one file-level error. */
const NUMERIC_ID_ROWS_FOR_FILE_ERROR = 3;

const REQUIRED: ColumnKey[] = ['name', 'relation', 'idNumber', 'address'];
const HEADER_SCAN_ROWS = 10;

interface Draft {
  key: string;
  firstRow: number;
  householdNo: string | null;
  members: (ResidentValue & { row: number })[];
  address: string;
  tier: { tier: Tier; category: string | null; row: number; text: string } | null;
  group: { name: string; row: number } | null;
  tags: string[];
  notes: string | null;
  headNames: { name: string; row: number }[];
  /** A member's relation was refused: "no head" would repeat that fault. */
  relationError: boolean;
}

const sheetDate = (d: Date) => d.toISOString().slice(0, 10);
// Excel's day 0 is 1899-12-30 (it keeps the 1900 leap-year bug).
const serialDate = (n: number) => sheetDate(new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000));

export class RegisterReader {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private columns: (ColumnKey | null)[] | null = null;
  private headerText = new Map<ColumnKey, string>();
  private drafts = new Map<string, Draft>();
  private current: Draft | null = null;
  private seenIds = new Map<string, number>();
  private numericIdRows: number[] = [];
  private idRows = 0;
  /** Header cells of the file that match no column (named in the answer, their cells ignored). */
  readonly unknownHeaders: string[] = [];
  private bestCandidate: { keys: Set<ColumnKey>; unknown: string[] } | null = null;
  rows = 0;

  constructor(
    private readonly target: ImportTarget,
    private readonly today: string,
  ) {}

  /** The file's header text for a column (the template's when absent). */
  columnName(key: ColumnKey): string {
    return this.column(key);
  }

  /** Whether the file has this column. */
  has(key: ColumnKey): boolean {
    return this.headerText.has(key);
  }

  private column(key: ColumnKey): string {
    return this.headerText.get(key) ?? COLUMN_BY_KEY[key].header;
  }

  private issue(row: number, key: ColumnKey, zh: string, en: string, list = this.errors) {
    list.push({ row, column: this.column(key), field: key, zh, en });
  }

  /** The first of the top rows naming at least three known columns is the header row. */
  private tryHeader(r: RawRow): boolean {
    const texts = r.cells.map((c) => (c == null ? '' : normalizeText(String(c))));
    const keys = texts.map((t) => (t ? matchHeader(t) : null));
    const known = keys.filter(Boolean).length;
    if (known < 3) {
      if (known > 0 && (!this.bestCandidate || known > this.bestCandidate.keys.size))
        this.bestCandidate = { keys: new Set(keys.filter((k): k is ColumnKey => k !== null)), unknown: texts.filter((t, i) => t && !keys[i]) };
      return false;
    }
    const seen = new Set<ColumnKey>();
    const columns: (ColumnKey | null)[] = keys.map((k) => {
      if (!k || seen.has(k)) return null; // a repeated header: the first one counts
      seen.add(k);
      return k;
    });
    if (!seen.has('groupName')) {
      // A group column under a header we do not know is still a group column: never ignore it.
      const i = texts.findIndex((t, j) => t && !keys[j] && looksLikeGroupHeader(t));
      if (i >= 0) {
        columns[i] = 'groupName';
        seen.add('groupName');
        this.headerText.set('groupName', texts[i] as string);
        this.issue(r.row, 'groupName', `“${texts[i]}”列按“所属组”读取`, `the column "${texts[i]}" is read as the group (所属组)`, this.warnings);
      }
    }
    this.columns = columns;
    columns.forEach((k, i) => {
      if (k && !this.headerText.has(k)) this.headerText.set(k, texts[i] as string);
      else if (!k && texts[i]) {
        const text = texts[i] as string;
        this.unknownHeaders.push(text);
        const repeated = keys[i] !== null;
        this.warnings.push({
          row: r.row,
          column: text,
          field: keys[i] ?? '',
          zh: repeated ? `“${text}”与前面的列重复，本列未导入` : `未识别的列“${text}”，本列未导入`,
          en: repeated ? `"${text}" repeats an earlier column; this column was not imported` : `unrecognised column "${text}"; this column was not imported`,
        });
      }
    });
    const needed = [...REQUIRED];
    if (this.target.defaultUnit === null) needed.push('groupName');
    const missing = needed.filter((k) => !seen.has(k));
    if (missing.length) throw this.missingColumns(missing, this.unknownHeaders);
    return true;
  }

  private missingColumns(missing: ColumnKey[], unknown: string[]): AppError {
    const list = unknown.map((u) => `“${u}”`).join('、');
    return new AppError(
      'IMPORT_COLUMNS_MISSING',
      {
        columns: missing.map((k) => COLUMN_BY_KEY[k].header).join('、'),
        unknown: unknown.length ? `；未识别的列：${list}` : '',
        unknownEn: unknown.length ? `; unrecognised columns: ${list}` : '',
        unknownColumns: unknown,
      },
      { field: 'file' },
    );
  }

  add(r: RawRow): void {
    if (!this.columns) {
      if (this.tryHeader(r)) return;
      if (r.row >= HEADER_SCAN_ROWS) this.noHeader();
      return;
    }
    const cells: Partial<Record<ColumnKey, string>> = {};
    let numericId = false;
    let blank = true;
    this.columns.forEach((key, i) => {
      if (!key) return;
      const c: RawCell = r.cells[i] ?? null;
      let text: string;
      if (c == null) text = '';
      else if (c instanceof Date) text = sheetDate(c);
      else if (typeof c === 'number') {
        if (key === 'idNumber' && !Number.isSafeInteger(c)) numericId = true;
        text = key === 'birthDate' && c > 0 && c < 80_000 ? serialDate(c) : String(c);
      } else text = String(c);
      text = normalizeText(text);
      if (key === 'idNumber' && SCIENTIFIC_TEXT.test(text.replace(/\s/g, ''))) numericId = true;
      if (text) blank = false;
      cells[key] = text;
    });
    if (blank) return;
    this.rows++;
    this.addRow(r.row, cells, numericId);
  }

  private noHeader(): never {
    const best = this.bestCandidate;
    if (best)
      throw this.missingColumns(
        REQUIRED.filter((k) => !best.keys.has(k)),
        best.unknown,
      );
    throw this.missingColumns(REQUIRED, []);
  }

  private addRow(row: number, cells: Partial<Record<ColumnKey, string>>, numericId: boolean) {
    const draft = this.draftFor(row, cells);
    if (!draft) return;
    const checked = validateResident(
      {
        name: cells.name ?? '',
        relation: cells.relation ?? '',
        idNumber: numericId ? null : cells.idNumber,
        phone: cells.phone,
        gender: cells.gender,
        birthDate: cells.birthDate,
        ethnicity: cells.ethnicity,
        politicalStatus: cells.politicalStatus,
        occupation: cells.occupation,
        livingStatus: cells.livingStatus,
      },
      this.today,
    );
    for (const e of checked.errors) this.issue(row, e.field as ColumnKey, e.zh, e.en);
    if (checked.errors.some((e) => e.field === 'relation')) draft.relationError = true;
    if (numericId || textOrNull(cells.idNumber)) this.idRows++;
    if (numericId) this.numericIdRows.push(row);
    else if (!textOrNull(cells.idNumber)) this.issue(row, 'idNumber', ID_NUMBER_MESSAGES.EMPTY.zh, ID_NUMBER_MESSAGES.EMPTY.en);
    const v = checked.value;
    if (v.idNumber) {
      const first = this.seenIds.get(v.idNumber);
      if (first) this.issue(row, 'idNumber', `身份证号与第 ${first} 行重复`, `the ID number repeats row ${first}`);
      else this.seenIds.set(v.idNumber, row);
      if ((cells.idNumber ?? '').replace(/\s/g, '').length === 15)
        this.issue(row, 'idNumber', `15 位旧号码已升级为 ${v.idNumber}`, `the 15-digit number was upgraded to ${v.idNumber}`, this.warnings);
    }
    draft.members.push(Object.assign(v, { row }));
    if (cells.address && !draft.address) draft.address = cells.address;
    if (cells.notes && !draft.notes) draft.notes = cells.notes;
    if (cells.tags) draft.tags.push(...parseTags(cells.tags));
    if (cells.headName) draft.headNames.push({ name: cells.headName, row });
    if (cells.tier) {
      const t = parseTierLabel(cells.tier);
      if (!t)
        this.issue(
          row,
          'tier',
          `户类别“${cells.tier}”无法识别：填红/黄/蓝，或监测户/脱贫户/一般户`,
          `unknown tier "${cells.tier}": write 红/黄/蓝 or 监测户/脱贫户/一般户`,
        );
      else if (!draft.tier) draft.tier = { ...t, row, text: cells.tier };
      else if (draft.tier.tier !== t.tier)
        this.issue(
          row,
          'tier',
          `同一户的户类别不一致（第 ${draft.tier.row} 行为“${draft.tier.text}”）`,
          `tiers differ within the household (row ${draft.tier.row}: "${draft.tier.text}")`,
        );
    }
    if (cells.groupName) {
      if (!draft.group) draft.group = { name: cells.groupName, row };
      else if (draft.group.name !== cells.groupName)
        this.issue(
          row,
          'groupName',
          `同一户的所属组不一致（第 ${draft.group.row} 行为“${draft.group.name}”）`,
          `groups differ within the household (row ${draft.group.row})`,
        );
    }
  }

  /** Same 户编号 = same household (blank: the row above's); without the column a 户主 row starts one. */
  private draftFor(row: number, cells: Partial<Record<ColumnKey, string>>): Draft | null {
    let key: string;
    if (this.headerText.has('householdNo')) {
      if (cells.householdNo) key = `no:${cells.householdNo}`;
      else if (this.current) key = this.current.key;
      else {
        this.issue(row, 'householdNo', '户编号不能为空', 'the household number is empty');
        return null;
      }
    } else if (normalizeRelation(cells.relation ?? '') === HEAD || !this.current) key = `row:${row}`;
    else key = this.current.key;
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = {
        key,
        firstRow: row,
        householdNo: cells.householdNo || null,
        members: [],
        address: '',
        tier: null,
        group: null,
        tags: [],
        notes: null,
        headNames: [],
        relationError: false,
      };
      this.drafts.set(key, draft);
    }
    this.current = draft;
    return draft;
  }

  /** Closes every household: one head, an address, a known group. */
  finish(): { households: PlannedHousehold[]; residents: number } {
    if (!this.columns) this.noHeader();
    if (this.rows === 0) throw new AppError('IMPORT_EMPTY', {}, { field: 'file' });
    this.numericIds();
    const households: PlannedHousehold[] = [];
    let residents = 0;
    for (const d of this.drafts.values()) {
      const heads = d.members.filter((m) => m.relation === HEAD);
      if (heads.length > 1 || (heads.length === 0 && !d.relationError)) {
        const where = heads.length ? heads.map((h) => h.row).join('、') : String(d.firstRow);
        this.issue(
          heads[1]?.row ?? d.firstRow,
          'relation',
          heads.length ? `同一户有多位户主（第 ${where} 行）` : '这一户没有户主：户主本人的“与户主关系”填“户主”',
          heads.length ? `the household has more than one head (rows ${where})` : 'the household has no head: the head writes 户主 as relation',
        );
      }
      if (!d.address) this.issue(d.firstRow, 'address', '住址不能为空（每户至少填在户主一行）', 'the address is empty (give it at least on the head row)');
      const head = heads[0];
      for (const h of d.headNames) {
        // An empty head name is already its own error: comparing against it would repeat that fault.
        if (head?.name && h.name !== head.name)
          this.issue(h.row, 'headName', `户主姓名与本户户主“${head.name}”不一致`, `the head's name differs from the household head "${head.name}"`);
      }
      const unitCode = this.placement(d);
      residents += d.members.length;
      if (!head || !unitCode) continue;
      households.push({
        firstRow: d.firstRow,
        unitCode,
        householdNo: d.householdNo,
        address: d.address,
        headName: head.name,
        phone: head.phone ?? d.members.find((m) => m.phone)?.phone ?? null,
        tier: d.tier?.tier ?? 'blue',
        tierCategory: d.tier?.category ?? null,
        tierGiven: d.tier !== null,
        tags: [...new Set(d.tags)].slice(0, 20),
        notes: d.notes,
        residents: d.members,
      });
    }
    return { households, residents };
  }

  /**
   * ID numbers Excel stored as numbers (or as 5.30303E+17 text): the whole column was typed as
   * numbers, so one file-level error says so and how to fix it; a single such row is a row error.
   */
  private numericIds(): void {
    const rows = this.numericIdRows;
    if (rows.length >= NUMERIC_ID_ROWS_FOR_FILE_ERROR || (rows.length > 1 && rows.length === this.idRows))
      throw new AppError(
        'IMPORT_ID_COLUMN_NUMERIC',
        { column: this.column('idNumber'), count: rows.length, rows: rows.slice(0, 5).join('、') + (rows.length > 5 ? '…' : '') },
        { field: 'file' },
      );
    for (const row of rows) this.issue(row, 'idNumber', ID_NUMBER_MESSAGES.SCIENTIFIC.zh, ID_NUMBER_MESSAGES.SCIENTIFIC.en);
  }

  private placement(d: Draft): string | null {
    const { defaultUnit, groups, onlyGroup } = this.target;
    if (!d.group) {
      if (defaultUnit) return defaultUnit;
      this.issue(d.firstRow, 'groupName', '所属组不能为空', 'the group is empty');
      return null;
    }
    const found = groups.get(d.group.name.replace(/\s/g, ''));
    if (found) return found.code;
    if (onlyGroup) {
      this.issue(
        d.group.row,
        'groupName',
        `本次导入到“${onlyGroup.name}”，这一户的所属组却是“${d.group.name}”：请只导入本组的户，或改为导入到村`,
        `this import goes into "${onlyGroup.name}" but the household's group is "${d.group.name}": import only this group's households, or import into the village`,
      );
      return null;
    }
    const names = [...groups.values()].map((g) => g.name);
    const list = names.slice(0, 12).join('、') + (names.length > 12 ? '…' : '');
    this.issue(
      d.group.row,
      'groupName',
      names.length ? `没有名为“${d.group.name}”的组；可填：${list}` : '本村尚未建组，所属组请留空',
      names.length ? `no group named "${d.group.name}"; known groups: ${list}` : 'this village has no groups yet; leave the group empty',
    );
    return null;
  }

  /** Rows whose ID number is already in the register. */
  markTaken(taken: Set<string>): void {
    if (taken.size === 0) return;
    for (const d of this.drafts.values()) {
      for (const m of d.members) {
        if (m.idNumber && taken.has(m.idNumber)) this.issue(m.row, 'idNumber', '身份证号已登记在册（其他户）', 'the ID number is already in the register');
      }
    }
  }

  allIdNumbers(): string[] {
    return [...this.seenIds.keys()];
  }
}

export const HEADERS = COLUMNS.map((c) => c.header);
