/**
 * Data folders hold personal data (applicants, CCCD numbers, officers' password hashes, device
 * tokens): on POSIX systems they are private to the account that runs the app or the server,
 * folders 0700 and files 0600, on the workstation and on the central server alike. Windows keeps
 * a user's application data private by its ACLs; nothing is changed there.
 *
 * Pure: the file system comes from the caller (node:fs), given once to `privateFiles`.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The part of node:fs used here. */
export interface PrivateFilesFs {
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  chmodSync(path: string, mode: number): void;
  readdirSync(path: string): string[];
  lstatSync(path: string): {
    mode: number;
    isDirectory(): boolean;
    isFile(): boolean;
  };
}

export interface PrivateFiles {
  /** Create a folder (and its missing parents) as 0700; an existing one is set to 0700. */
  makePrivateDir(path: string): void;
  /**
   * Set every folder under `root` (itself included) that others may use to 0700 and every such
   * file to 0600; symbolic links are left alone. Returns what had to change (relative paths,
   * `.` for the root): a start-up check logs it. A missing root changes nothing.
   */
  tightenTree(root: string): string[];
}

const OTHERS = 0o077;

export function privateFiles(fs: PrivateFilesFs, platform: string): PrivateFiles {
  const posix = platform !== 'win32';
  const join = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);

  function tighten(path: string, rel: string, changed: string[]): void {
    let st;
    try {
      st = fs.lstatSync(path);
    } catch {
      return; // gone meanwhile
    }
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) {
        fs.chmodSync(path, PRIVATE_DIR_MODE);
        changed.push(rel);
      }
      for (const name of fs.readdirSync(path))
        tighten(join(path, name), rel === '.' ? name : `${rel}/${name}`, changed);
    } else if (st.isFile() && (st.mode & OTHERS) !== 0) {
      fs.chmodSync(path, PRIVATE_FILE_MODE);
      changed.push(rel);
    }
  }

  return {
    makePrivateDir(path) {
      fs.mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
      if (posix) fs.chmodSync(path, PRIVATE_DIR_MODE);
    },
    tightenTree(root) {
      const changed: string[] = [];
      if (posix) tighten(root, '.', changed);
      return changed;
    },
  };
}
