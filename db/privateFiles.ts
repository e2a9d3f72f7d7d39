/** The workstation's data folder is private (shared/files/privateFiles.ts over node:fs). */
import * as fs from 'node:fs';
import { privateFiles } from '../shared/files/privateFiles';

export { PRIVATE_FILE_MODE } from '../shared/files/privateFiles';
export const { makePrivateDir, tightenTree } = privateFiles(fs, process.platform);
