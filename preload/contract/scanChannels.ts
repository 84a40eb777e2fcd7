/** Contract rows — QR scanning from the screen, a camera, files and the clipboard (issue 3). Spread into the table in contract.ts. */
export const scanChannels = {} as const;
