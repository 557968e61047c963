import { useState } from 'react';
import { Link } from '../app/router';

/** A group of a workspace's menu: its name and its pages (path, label). */
export type MenuGroup = [string, [string, string][]];

/** A workspace's grouped menu beside its pages; on a phone (the 800px breakpoint in styles.css) it starts folded above
 *  the page, so the page comes first on the screen. */
export function SideMenu({ label, groups, current, counts = {} }: { label: string; groups: MenuGroup[]; current: string; counts?: Record<string, { count: number; said: string }> }) {
  const [open] = useState(() => window.matchMedia('(min-width: 801px)').matches);
  return (
    <details className="side-menu" open={open}>
      <summary>{label}</summary>
      <nav aria-label={label}>
        {groups.map(([group, links]) => (
          <div key={group} role="group" aria-label={group}>
            <span className="menu-group" aria-hidden="true">{group}</span>
            {links.map(([to, text]) => (
              <Link key={to} to={to} aria-current={current === to ? 'page' : undefined} aria-label={counts[to]?.count ? `${text}, ${counts[to].count} ${counts[to].said}` : undefined}>
                {text}{counts[to]?.count ? <> <span className="badge AT_RISK" data-testid="menu-count">{counts[to].count}</span></> : null}
              </Link>
            ))}
          </div>
        ))}
      </nav>
    </details>
  );
}
