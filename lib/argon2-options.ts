// OWASP's Argon2id parameters: 19 MiB memory, 2 iterations, parallelism 1. Shared by the app and the seed.
// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolatedModules cannot read.
export const argon2Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
