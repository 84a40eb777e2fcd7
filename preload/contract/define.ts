/** Row builders for the contract table (shared by contract.ts and the per-feature channel files). */
import type { z } from 'zod';

export const invoke = <A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) =>
  ({ kind: 'invoke', args, result }) as const;
export const event = <P extends z.ZodType>(payload: P) => ({ kind: 'event', payload }) as const;
