import type { ErrorCatalogue } from './types';

export const orgErrors = {
  UNIT_CODE_INVALID: {
    status: 400,
    zh: '单位代码格式不正确：{code}（应为 6、9、12、14 或 16 位数字）',
    en: 'Malformed unit code: {code} (6, 9, 12, 14 or 16 digits)',
  },
  UNIT_NOT_FOUND: { status: 404, zh: '单位不存在：{code}', en: 'No such unit: {code}' },
  UNIT_PARENT_LEVEL: { status: 400, zh: '{child}只能建在{parent}之下', en: 'A {childEn} can only be created under a {parentEn}' },
  UNIT_NAME_TAKEN: { status: 409, zh: '同一上级下已有名为“{name}”的单位', en: 'A unit named "{name}" already exists under this parent' },
  UNIT_NOT_EMPTY: { status: 409, zh: '“{name}”下还有{what}，不能删除', en: '"{name}" still holds records ({whatEn}); it cannot be deleted' },
  UNIT_NOT_EDITABLE: {
    status: 400,
    zh: '区、乡镇、村的名称和代码来自国家统计局，不能在此修改',
    en: 'District, township and village names and codes come from the NBS and cannot be changed here',
  },
  UNIT_FULL: { status: 409, zh: '“{name}”下的编号已用完（最多 99 个）', en: '"{name}" has no free numbers left (99 at most)' },
  UNIT_MOVE_VILLAGE: { status: 400, zh: '组只能调整到同一村（社区）的其他片', en: 'A group can only move to another zone of the same village' },
  LEADER_INVALID: { status: 400, zh: '{field}：该用户不能担任此职务（{reason}）', en: '{field}: this user cannot hold this post ({reasonEn})' },
  DEPARTMENT_NAME_TAKEN: { status: 409, zh: '该单位已有名为“{name}”的部门', en: 'A department named "{name}" already exists in this unit' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在：{id}', en: 'No such department: {id}' },
  DEPARTMENT_UNIT_LEVEL: { status: 400, zh: '部门只能设在区或乡镇（街道）', en: 'Departments belong to a district or a township' },
} satisfies ErrorCatalogue;
