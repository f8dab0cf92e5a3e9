import { loadExcel } from '../../platform/excel';
import { RATE_ZH, RATES, type matterMetrics } from './service';

const GROUP_ZH = { unit: '单位', month: '月份', department: '牵头部门' } as const;

/** The metrics as a workbook: one row per group and a total, each rate as rate, numerator, denominator. */
export async function metricsWorkbook(result: Awaited<ReturnType<typeof matterMetrics>>): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jiceng';
  const ws = wb.addWorksheet('诉求指标');
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  ws.addRow([`${result.unitName}（${result.unitCode}）诉求指标`]);
  ws.addRow([`统计区间：${fmt(result.from)} 至 ${fmt(result.to)}（北京时间，不含结束时刻）`]);
  const header = [GROUP_ZH[result.groupBy], '代码'];
  for (const r of RATES) header.push(RATE_ZH[r], `${RATE_ZH[r]}·分子`, `${RATE_ZH[r]}·分母`);
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const row of [...result.rows, { ...result.total, name: '合计' }]) {
    const cells: (string | number | null)[] = [row.name, row.key];
    for (const r of RATES) cells.push(row[r].rate, row[r].num, row[r].den);
    ws.addRow(cells);
  }
  RATES.forEach((_, i) => {
    ws.getColumn(3 + i * 3).numFmt = '0.0%';
  });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
