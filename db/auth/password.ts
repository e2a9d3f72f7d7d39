/** Officer password hashes on the workstation: shared/auth/passwordHash.ts over node:crypto. */
import { randomBytes, scrypt } from 'node:crypto';
import { passwordHasher } from '../../shared/auth/passwordHash';

export { needsRehash, PASSWORD_COST, type ScryptCost } from '../../shared/auth/passwordHash';
export const { hashPassword, verifyPassword, unusableHash } = passwordHasher(scrypt, randomBytes);
