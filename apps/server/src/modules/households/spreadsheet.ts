/** The register as xlsx: the empty template to fill in, and the export of a unit's households. */
import { PassThrough } from 'node:stream';
import { beijingDate, TIER_LABEL } from '@jiceng/shared';
import { type Ctx, inTransaction, requirePermission, requireScope } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { type ExcelJS, loadExcel } from '../../platform/excel';
import { recordAudit } from '../audit/service';
import * as orgLookup from '../org/lookup';
import { mayReveal } from './access';
import { COLUMNS, type ColumnKey } from './import/columns';
import { presentResident } from './presenter';
import * as repo from './repository';

const SHEET = '台账';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** A masked export's birth date column holds the age: the birth date is the ID number's masked middle. */
const AGE_HEADER = '年龄';

function layout(ws: ExcelJS.Worksheet, masked = false) {
  ws.columns = COLUMNS.map((c) => ({
    header: masked && c.key === 'birthDate' ? AGE_HEADER : c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
}

// Set at creation: the streaming writer's views cannot be assigned afterwards.
const SHEET_OPTIONS: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

/** An empty register: Chinese headers, text-formatted number columns, drop-downs, and instructions. */
export async function templateWorkbook(): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'jiceng';
  const ws = wb.addWorksheet(SHEET, SHEET_OPTIONS);
  layout(ws);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  const letter = (key: ColumnKey) => ws.getColumn(key).letter;
  // Range validations exist at runtime (worksheet.dataValidations) but are missing from the typings.
  const ranges = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (key: ColumnKey, values: string[], strict: boolean) =>
    ranges.add(`${letter(key)}2:${letter(key)}5000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: strict,
      errorTitle: '输入有误',
      error: `请选择：${values.join('、')}`,
    });
  list('gender', ['男', '女'], true);
  list('tier', ['红', '黄', '蓝', '监测户', '脱贫户', '一般户'], true);
  list('relation', ['户主', '配偶', '子', '女', '儿媳', '女婿', '孙子', '孙女', '父亲', '母亲', '兄弟姐妹', '其他'], false);
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 14 },
    { header: '说明', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({ header: '基本规则', note: '一行填一位居民；同一户的成员户编号相同，户主一行的“与户主关系”填“户主”。' });
  help.addRow({
    header: '身份证号',
    note: "“身份证号”“联系电话”“户编号”列已设为文本格式；若从别处粘贴后变成 5.30303E+17，请把该列设为“文本”后重新录入，或在号码前加英文单引号 '。",
  });
  for (const c of COLUMNS)
    help.addRow({ header: c.header, note: [c.note, c.aliases.length ? `也可写作：${c.aliases.join('、')}` : ''].filter(Boolean).join('。') });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GENDER_ZH = { male: '男', female: '女' } as const;

/**
 * A unit's register as xlsx, streamed page by page. Masked (ID numbers, phones, and the age in
 * place of the birth date) unless `reveal` is asked for by a pii:reveal role covering the unit; that reveal is audited before the first byte leaves.
 */
export async function exportRegister(ctx: Ctx, input: { unitCode: string; reveal: boolean }) {
  requirePermission(ctx, 'household:read');
  requireScope(ctx, input.unitCode);
  const unit = await orgLookup.findUnit(ctx, input.unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: input.unitCode }, { field: 'unitCode' });
  if (input.reveal) {
    if (!mayReveal(ctx, input.unitCode)) throw new AppError('FORBIDDEN', { permission: 'pii:reveal' }, { field: 'reveal' });
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'pii.reveal',
        entityType: 'unit',
        entityId: input.unitCode,
        unitCode: input.unitCode,
        after: { fields: ['idNumber', 'phone'], export: true },
      }),
    );
  }
  const Excel = await loadExcel();
  const stream = new PassThrough();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(SHEET, SHEET_OPTIONS);
  layout(ws, !input.reveal);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const today = beijingDate(ctx.clock.now());
  const fill = async () => {
    let after = 0;
    for (;;) {
      const page = await repo.exportPage(ctx.db, input.unitCode, after, 2000);
      if (page.households.length === 0) break;
      const byHousehold = new Map<number, typeof page.residents>();
      for (const r of page.residents) byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
      for (const { household: h, unitName } of page.households) {
        for (const r of byHousehold.get(h.id) ?? []) {
          const shown = input.reveal ? { ...r, age: null } : { ...r, ...presentResident(r, today), birthDate: null };
          ws.addRow({
            householdNo: h.householdNo ?? String(h.id),
            headName: h.headName,
            relation: r.relation,
            name: r.name,
            gender: r.gender ? GENDER_ZH[r.gender] : '',
            idNumber: shown.idNumber ?? '',
            birthDate: shown.birthDate ?? shown.age ?? '',
            ethnicity: r.ethnicity ?? '',
            phone: shown.phone ?? '',
            politicalStatus: r.politicalStatus ?? '',
            occupation: r.occupation ?? '',
            livingStatus: r.livingStatus ?? '',
            groupName: h.unitCode.length === 16 ? unitName : '',
            address: h.address,
            tier: h.tierCategory ?? TIER_LABEL[h.tier].category,
            tags: h.tags.join('、'),
            notes: h.notes ?? '',
          }).commit();
        }
      }
      after = page.households.at(-1)!.household.id;
    }
    ws.commit();
    await wb.commit();
  };
  fill().catch((err) => stream.destroy(err));
  return { stream, filename: `民情台账-${unit.name}.xlsx` };
}
