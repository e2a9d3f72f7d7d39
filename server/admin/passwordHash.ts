/**
 * Officer password hashes made on the server (create-officer, set-officer --reset-password): the
 * server only stores and relays them, workstations verify a sign-in offline with them.
 * shared/auth/passwordHash.ts over node:crypto.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { passwordHasher } from '../../shared/auth/passwordHash';

export { PASSWORD_COST, type ScryptCost } from '../../shared/auth/passwordHash';
export const { hashPassword, verifyPassword } = passwordHasher(scrypt, randomBytes);
