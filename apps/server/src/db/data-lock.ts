import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** A data folder held by another live process: its pid, and a message in both languages. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `数据目录正被另一个进程（pid ${pid}）使用，请先停止该进程（例如服务器）再运行此命令。\n` +
        `The data folder is in use by another process (pid ${pid}); stop it (e.g. the server) before running this command.\n` +
        `(lock file ${lockFile})`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database's lock file (created exclusively, holding this pid, mode 0600). A
 * lock whose pid is no longer running (a crash, kill -9, power loss) is stale and taken over.
 * Returns the release function; throws DataDirLockedError when a live process holds it.
 */
export function lockDataDir(lockFile: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (Number.parseInt(readFileSync(lockFile, 'utf8'), 10) === process.pid) rmSync(lockFile, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    } catch {
      // removed in between: try again
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(lockFile, pid);
    rmSync(lockFile, { force: true }); // stale (or our own pid from an earlier life of this pid)
  }
  throw new Error(`could not take the lock ${lockFile}`);
}
