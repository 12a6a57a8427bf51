import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library default) with OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Never throws on a malformed stored hash: that simply does not verify. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same work as a real check, so unknown users and locked accounts answer as slowly as wrong passwords. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('onewindow-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
