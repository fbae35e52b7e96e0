/** Sidebar entries of the web app. Labels and paths are UI strings, not table names. */
export interface NavItem {
  label: string;
  path: string;
  icon: 'inbox' | 'phone' | 'sparkles' | 'bookmark';
}

export const navigation: NavItem[] = [
  { label: 'Messages', path: '/messages', icon: 'inbox' },
  { label: 'Calls', path: '/calls', icon: 'phone' },
  { label: 'Assistant', path: '/assistant', icon: 'sparkles' },
  { label: 'Bookmarks', path: '/bookmarks', icon: 'bookmark' },
];

