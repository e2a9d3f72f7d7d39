/**
 * Passwords in tests. A low scrypt cost for tests that create many officers (production hashes
 * at PASSWORD_COST, N = 2^17, about a third of a second each): passed explicitly
 * (CoreOptions.passwordCost, the server's createOfficer options), nothing in production reads it.
 * And a hash made by the previous implementation (N = 2^14), as workstations and servers hold
 * them today.
 */
import type { ScryptCost } from '../../shared/auth/passwordHash';

export const TEST_PASSWORD_COST: ScryptCost = { logN: 10, r: 8, p: 1 };

export const OLD_PASSWORD = 'Mật khẩu cũ 2025';
export const OLD_HASH =
  '$scrypt$ln=14,r=8,p=1$uBZLkLWyOH7lWV9D1j6H/A$iKgdKFiOJ/vRpdWdVqX/+IvIZHK6YepqEJVuEcRWH8Q';
