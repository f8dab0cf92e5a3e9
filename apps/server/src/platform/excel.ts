/**
 * exceljs takes longer to load than the rest of the server (≈ 0.3 s): every module loads it on its
 * first workbook through this, never at start-up.
 */
export async function loadExcel() {
  return (await import('exceljs')).default;
}

/** exceljs's types, which cost nothing at run time. */
export type { default as ExcelJS } from 'exceljs';
