/** Contract rows — Editing, reveal, add preview, missing-secret recovery (issue 4). Spread into the table in contract.ts. */
export const editChannels = {} as const;
