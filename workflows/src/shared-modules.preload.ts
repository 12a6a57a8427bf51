// Loaded once per V8 context by the worker (see shared-modules.ts), before any workflow: the pure libraries
// that workflow code imports, imported the same way so that webpack gives them the same module ids.
import { z } from 'zod';

// jitless: by default zod compiles a fast parser (generated code) for each object schema it parses. Our schemas
// are built anew in every workflow run (our modules are not shared), so each compiled parser served a few parses
// and cost more than it saved (the load run's workflow-thread profile: ~2 s of 50 in zod's code generation).
// zod fills some shared state lazily: its global config (English messages, the container memoizer) on the
// first schema it builds, and whether it may compile parsers (`allowsEval`) on the first object schema. The
// SDK deep-freezes shared state after this module ran, so fill them now.
z.config({ ...z.locales.en(), memoizer: z.memoizer(), jitless: true });
void z.util.allowsEval.value;

export { z };
export * as feelin from 'feelin';
export { sha256 } from '@noble/hashes/sha2';
export { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
