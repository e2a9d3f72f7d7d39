/** The data folder of a workstation: its store, its printed forms, the stores set aside. */
export const DATABASE_FILE = 'motcua.sqlite';
/** The printed PDFs, by year: prints/<yyyy>/<code>-<form>-<n>.pdf. */
export const PRINTS_DIR = 'prints';
/** Databases set aside by data.reset, one folder per reset. */
export const ARCHIVE_DIR = 'archive';
/** The reports saved as spreadsheets, by year: reports/<yyyy>/<name>.xlsx. */
export const REPORTS_DIR = 'reports';
