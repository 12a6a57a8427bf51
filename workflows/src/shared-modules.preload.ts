// Loaded once per V8 context by the worker (see shared-modules.ts), before any workflow: the pure libraries
// that workflow code imports, imported the same way so that webpack gives them the same module ids.
import { z } from 'zod';

// zod fills some shared state lazily: its global config (English messages, the container memoizer) on the
// first schema it builds, and whether it may compile parsers (`allowsEval`) on the first object schema. The
// SDK deep-freezes shared state after this module ran, so fill them now.
z.config({ ...z.locales.en(), memoizer: z.memoizer() });
void z.util.allowsEval.value;

export { z };
export * as feelin from 'feelin';
export { sha256 } from '@noble/hashes/sha2';
export { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
