import { useEffect } from 'react';

/**
 * A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1, axe
 * scrollable-region-focusable): antd gives its scrolling box no tabindex, so every one that appears
 * gets tabindex 0.
 */
export function useScrollableTables(): void {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])')) el.tabIndex = 0;
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
