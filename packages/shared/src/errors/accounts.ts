import type { ErrorCatalogue } from './types';

export const accountErrors = {
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多，账号已锁定，请在 {minutes} 分钟后再试',
    en: 'Too many wrong passwords; the account is locked for {minutes} more minutes',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  USERNAME_TAKEN: { status: 409, zh: '用户名“{username}”已被使用', en: 'The username "{username}" is taken' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在：{id}', en: 'No such user: {id}' },
  ROLE_NOT_ALLOWED: { status: 403, zh: '您不能创建或管理“{role}”角色的账号', en: 'You may not create or manage accounts with the role "{role}"' },
  ROLE_UNIT_MISMATCH: { status: 400, zh: 'unitCode：{role}账号须绑定到{level}', en: 'unitCode: a {role} account must be bound to a {level}' },
  DEPARTMENT_REQUIRED: { status: 400, zh: 'departmentId：部门账号须属于一个部门', en: 'departmentId: a department account must belong to a department' },
  PASSWORD_WRONG: { status: 400, zh: 'currentPassword：当前密码不正确', en: 'currentPassword: the current password is wrong' },
  // {field}: password or newPassword; {reason}/{reasonEn}: PASSWORD_PROBLEM_TEXT of the rule it breaks.
  PASSWORD_WEAK: { status: 400, zh: '{field}：{reason}', en: '{field}: {reasonEn}' },
  LOGIN_THROTTLED: {
    status: 429,
    zh: '密码错误次数过多，请在 {seconds} 秒后再试',
    en: 'Too many wrong passwords; try again in {seconds} seconds',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录或密码已被重置，请先修改密码',
    en: 'Your password was just issued or reset: change it first (POST /api/auth/password)',
  },
  OWN_PASSWORD_VIA_CHANGE: {
    status: 400,
    zh: 'password：修改自己的密码请使用“修改密码”，并输入当前密码',
    en: 'password: change your own password with POST /api/auth/password, giving the current one',
  },
  SELF_MANAGE: { status: 400, zh: '不能停用或删除自己的账号', en: 'You cannot disable or delete your own account' },
} satisfies ErrorCatalogue;
