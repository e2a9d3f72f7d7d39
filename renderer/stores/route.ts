/**
 * Screens by the address hash, so that Back works and a reload stays on the same screen:
 *   #/tiep-nhan · #/ho-so · #/ho-so/<id or code> · #/bao-cao · #/cai-dat · #/cai-dat/<tab>
 */
import { create } from 'zustand';

export type Route =
  | { screen: 'reception' }
  | { screen: 'board' }
  | { screen: 'dossier'; id: string }
  | { screen: 'reports' }
  | { screen: 'settings'; tab: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'ho-so':
      return parts[1] ? { screen: 'dossier', id: parts[1] } : { screen: 'board' };
    case 'bao-cao':
      return { screen: 'reports' };
    case 'cai-dat':
      return { screen: 'settings', tab: parts[1] ?? 'don-vi' };
    default:
      return { screen: 'reception' };
  }
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'reception':
      return '#/tiep-nhan';
    case 'board':
      return '#/ho-so';
    case 'dossier':
      return `#/ho-so/${encodeURIComponent(route.id)}`;
    case 'reports':
      return '#/bao-cao';
    case 'settings':
      return `#/cai-dat/${encodeURIComponent(route.tab)}`;
  }
}

interface RouteStore {
  route: Route;
  go: (route: Route) => void;
}

const initial =
  typeof location !== 'undefined' ? parseHash(location.hash) : { screen: 'reception' as const };

export const useRoute = create<RouteStore>()((set) => ({
  route: initial,
  go: (route) => {
    if (typeof location !== 'undefined') {
      const hash = routeHash(route);
      if (location.hash !== hash) location.hash = hash;
    }
    set({ route });
  },
}));

export function installRouteListener(): () => void {
  const onChange = () => useRoute.setState({ route: parseHash(location.hash) });
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
