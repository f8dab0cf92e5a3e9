import { levelOfCode, PASSWORD_PROBLEM_TEXT, passwordProblem, ROLE_LEVEL, ROLES, type Role, roleFitsLevel } from '@jiceng/shared';
import { createUserUnchecked, userExists } from './modules/accounts/service';
import { findUnit } from './modules/org/lookup';
import { type Ctx, inTransaction } from './platform/context';

export interface CreateAdminInput {
  username?: string;
  password?: string;
  name?: string;
  role?: string;
  unit?: string;
}

/**
 * The CLI's create-admin: the first account of a production database, which has no demo accounts.
 * It refuses a username that exists, but not a second administrator: whoever runs the CLI holds
 * the database anyway, and a new admin is how one recovers a forgotten or locked-out one. The
 * password must be changed at first login. Errors are plain messages for the terminal.
 */
export async function createAdmin(ctx: Ctx, input: CreateAdminInput): Promise<{ id: number; role: Role }> {
  const { username, password } = input;
  const role = (input.role ?? 'admin') as Role;
  const unitCode = input.unit || null;
  if (!username || !password) throw new Error('create-admin needs --username and --password');
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) throw new Error('--username must be 3–32 letters, digits, dots, underscores or hyphens');
  const weak = passwordProblem(password, username);
  if (weak) throw new Error(`--password: ${PASSWORD_PROBLEM_TEXT[weak].en}`);
  // Department accounts need a department, which only the app can name.
  if (!ROLES.includes(role) || role === 'department') throw new Error(`--role must be one of ${ROLES.filter((r) => r !== 'department').join(', ')}`);
  const expected = ROLE_LEVEL[role];
  if (expected && !unitCode) throw new Error(`--role ${role} needs --unit (a ${expected})`);
  if (unitCode) {
    const level = levelOfCode(unitCode);
    if (!level || !roleFitsLevel(role, level)) throw new Error(`--unit ${unitCode} is not a ${expected ?? 'unit'} code`);
  }
  return inTransaction(ctx, async (tx) => {
    if (unitCode && !(await findUnit(tx, unitCode))) throw new Error(`--unit ${unitCode}: no such unit (import the divisions first)`);
    if (await userExists(tx, username)) throw new Error(`user ${username} exists already`);
    const id = await createUserUnchecked(tx, {
      username,
      displayName: input.name ?? username,
      password,
      role,
      unitCode,
      mustChangePassword: true,
    });
    return { id, role };
  });
}
