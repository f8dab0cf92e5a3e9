import { z } from 'zod';
import { ROLES } from '../roles';
import { type Out, visibleName } from './common';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名 / enter a username').max(64),
  password: z.string().min(1, '请输入密码 / enter a password').max(200),
});

/** Who an account is and where it sits: what the actor and the user list both show. */
const placedAccount = {
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
};

export const actorOut = z.object({
  userId: z.number(),
  ...placedAccount,
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
});

export const userOut = z.object({
  id: z.number(),
  ...placedAccount,
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserOut = z.infer<typeof userOut>;

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、点、下划线或连字符 / 3–32 letters, digits, dots, underscores or hyphens');
const displayName = z
  .string()
  .trim()
  .min(1, '姓名不能为空 / the name must not be empty')
  .max(50, '姓名不能超过 50 个字 / at most 50 characters')
  .refine(...visibleName);
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '手机号或座机号格式不正确 / not a valid mainland mobile or landline number')
  .nullable()
  .optional();

export const createUserBody = z.object({
  username,
  displayName,
  password: z.string().min(1).max(200),
  role: z.enum(ROLES),
  unitCode: z
    .string()
    .regex(/^\d{6,16}$/, '单位代码格式不正确 / malformed unit code')
    .nullable(),
  departmentId: z.number().int().positive().nullable().optional(),
  phone,
});

export const updateUserBody = z.object({
  displayName: displayName.optional(),
  phone,
  status: z.enum(['active', 'disabled']).optional(),
  password: z.string().min(1).max(200).optional(),
  unlock: z.boolean().optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** The signed-in user (GET /api/auth/me). */
export type Me = Out<typeof actorOut>;
export type User = Out<typeof userOut>;
