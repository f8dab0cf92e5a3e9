import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

const StaffApp = lazy(() => import('./StaffApp'));

/** Top-level areas. The staff app (antd, login, back office) loads only when its URL is opened. */
export function AppRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route path="/*" element={<StaffApp />} />
      </Routes>
    </Suspense>
  );
}
