import { describe, expect, it } from 'vitest';
import { allBuilt, type Manifest, precacheList } from './precacheList';

const manifest: Manifest = {
  'index.html': { file: 'assets/main-1.js', isEntry: true, imports: ['_react-2.js'], dynamicImports: ['src/app/StaffApp.tsx'] },
  '_react-2.js': { file: 'assets/react-2.js' },
  'src/app/StaffApp.tsx': { file: 'assets/StaffApp-3.js', imports: ['_react-2.js', '_antd-4.js'], css: ['assets/StaffApp-3.css'] },
  '_antd-4.js': { file: 'assets/antd-4.js' },
  'src/features/visits/RecordVisitPage.tsx': { file: 'assets/RecordVisitPage-5.js', imports: ['_antd-4.js', '_queue-6.js'] },
  '_queue-6.js': { file: 'assets/queue-6.js' },
  'src/features/metrics/MetricsPage.tsx': { file: 'assets/MetricsPage-7.js', imports: ['_echarts-8.js'] },
  '_echarts-8.js': { file: 'assets/echarts-8.js' },
};

describe('precacheList (the representative path fetched at install)', () => {
  it('takes the roots, their static imports transitively and their styles, not lazy pages', () => {
    expect(precacheList(manifest, ['index.html', 'src/app/StaffApp.tsx', 'src/features/visits/RecordVisitPage.tsx'])).toEqual([
      '/assets/RecordVisitPage-5.js',
      '/assets/StaffApp-3.css',
      '/assets/StaffApp-3.js',
      '/assets/antd-4.js',
      '/assets/main-1.js',
      '/assets/queue-6.js',
      '/assets/react-2.js',
    ]);
  });

  it('refuses a root the build does not have (a renamed page would silently drop out)', () => {
    expect(() => precacheList(manifest, ['src/features/visits/Gone.tsx'])).toThrow(/Gone\.tsx/);
  });

  it('allBuilt lists every file of the build', () => {
    expect(allBuilt(manifest)).toHaveLength(9);
    expect(allBuilt(manifest)).toContain('/assets/echarts-8.js');
  });
});
