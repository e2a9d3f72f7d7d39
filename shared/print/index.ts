/**
 * The print contract (one-stop-vn.md §3), shared by the core that fills the forms, the templates
 * that draw them (renderer/print) and the hosts that turn them into paper (electron/): the form
 * list and its papers, names and titles, the data each form takes, the control slip's step
 * results, the official wording of times and counts, and the embedded fonts' faces.
 */
export * from './forms';
export * from './data';
export * from './controlSlip';
export * from './format';
export * from './fonts';
