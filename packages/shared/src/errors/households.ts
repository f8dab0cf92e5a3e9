import type { ErrorCatalogue } from './types';

export const householdErrors = {
  HOUSEHOLD_NOT_FOUND: { status: 404, zh: '户不存在：{id}', en: 'No such household: {id}' },
  RESIDENT_NOT_FOUND: { status: 404, zh: '该户没有这位成员：{id}', en: 'This household has no member {id}' },
  HOUSEHOLD_UNIT_LEVEL: {
    status: 400,
    zh: '户只能建在组，或尚未分组的村（社区）之下',
    en: 'A household belongs to a group, or to a village not yet divided into groups',
  },
  HOUSEHOLD_HEAD: { status: 400, zh: '每户须有且只有一位户主（与户主关系为“户主”）', en: 'A household needs exactly one head (relation "户主")' },
  HEAD_NOT_REMOVABLE: { status: 400, zh: '不能删除户主：请先把另一位成员设为户主', en: 'The head cannot be removed: make another member the head first' },
  ID_NUMBER_TAKEN: { status: 409, zh: '{field}：身份证号已登记在其他户', en: '{field}: this ID number is already registered in another household' },
  TIER_UNCHANGED: { status: 400, zh: '户类别没有变化', en: 'The tier has not changed' },
  LIST_FILTER_UNAVAILABLE: { status: 400, zh: '暂不支持按“{param}”筛选', en: 'Filtering by "{param}" is not available' },
  IMPORT_FILE_MISSING: { status: 400, zh: '请上传一个 xlsx 或 csv 文件（表单字段 file）', en: 'Upload one xlsx or csv file (form field "file")' },
  IMPORT_FILE_MALFORMED: { status: 400, zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reasonEn}' },
  IMPORT_COLUMNS_MISSING: {
    status: 400,
    zh: '缺少必需的列：{columns}{unknown}',
    en: 'Required columns are missing: {columns}{unknownEn}',
  },
  IMPORT_ID_COLUMN_NUMERIC: {
    status: 400,
    zh: "“{column}”列有 {count} 行被 Excel 存成了数字（如第 {rows} 行），身份证号的后几位已丢失：请把整列设为“文本”格式后重新录入（或在号码前加英文单引号 '），再导入",
    en: 'Excel stored the "{column}" column as numbers in {count} rows (e.g. rows {rows}); the last digits of the ID numbers are lost: format the whole column as Text, re-enter the numbers (or prefix each with \'), and import again',
  },
  IMPORT_EMPTY: { status: 400, zh: '文件中没有数据行', en: 'The file holds no data rows' },
  IMPORT_ROWS_INVALID: {
    status: 400,
    zh: '有 {count} 处错误，未导入任何数据；请修改后重新导入',
    en: '{count} errors found; nothing was imported. Fix them and import again',
  },
  IMPORT_TARGET_LEVEL: { status: 400, zh: '导入目标须为村（社区）或组', en: 'Import into a village or a group' },
} satisfies ErrorCatalogue;
