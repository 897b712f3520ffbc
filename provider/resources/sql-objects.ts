// What the types without REST endpoints share (engine/sql-object/): their `collectionPath` is no REST path, only
// the SHOW statement that lists them, so messages and the README's table say how they are reached.
export const sqlObjectPath = (show: string): string => `SHOW ${show}`;
