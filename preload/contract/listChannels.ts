/** Contract rows — Device list: favourites, order, settings (issue 4). Spread into the table in contract.ts. */
export const listChannels = {} as const;
