/** Contract rows — Encrypted backup, restore, import and export (issue 6). Spread into the table in contract.ts. */
export const backupChannels = {} as const;
