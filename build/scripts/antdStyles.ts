/**
 * antd's styles, made once at build time instead of in the page while the first screen renders
 * (issue 3: a usable reception screen in under a second; generating them cost the first render
 * about a tenth of a second).
 *
 * antd writes its component styles with CSS-in-JS: the first time a component renders, antd
 * builds its style object, serialises it and inserts a <style>. Its server-side rendering support
 * lets a page ship those styles in a CSS file instead: the file ends with a map of the styles it
 * holds (`.data-ant-cssinjs-cache-path{content:"…"}`), which antd reads once in the page, and a
 * component whose style is in the map skips generating it. A component that is not in the file
 * still gets its style made at run time, as before: the file only saves work, it can never leave a
 * component unstyled.
 *
 * What goes in: every antd component that the given source files import (vite.config.ts passes
 * those of the start-up chunks), with the members they use such as Input.TextArea or
 * Typography.Text, rendered once with react-dom/server, popups through antd's own inline panels,
 * with the page's theme (renderer/lib/theme.ts). That theme is not hashed, so the style keys
 * depend on neither the build mode nor the token values (antd's structural styles refer to its
 * CSS variables, which the page still sets at run time).
 */
import { readFileSync } from 'node:fs';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import * as antd from 'antd';
import { createElement as h, type ComponentType, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
// .js: see the import of this file in vite.config.ts.
import { THEME } from '../../renderer/lib/theme.js';

type Component = ComponentType<Record<string, unknown>>;

/** antd's inline stand-in for a component that shows in a popup (Modal, Tooltip, Select…). */
const PANEL = '_InternalPanelDoNotUseOrYouWillBeFired';

/** Exports that are not components to render, or that the wrapper renders already. */
const NOT_RENDERED = new Set(['ConfigProvider', 'App', 'theme', 'message', 'notification']);

/** Components that need props or children to render what the app shows. */
const RENDER: Record<string, (C: Component) => ReactNode> = {
  Dropdown: (C) => h(C, { menu: { items: [{ key: 'a', label: 'a' }] } }, h('span')),
  Tooltip: (C) => h(C, { title: 'a' }, h('span')),
  Popover: (C) => h(C, { content: 'a' }, h('span')),
  Popconfirm: (C) => h(C, { title: 'a' }, h('span')),
  Table: (C) =>
    h(C, {
      columns: [{ key: 'a', title: 'a', dataIndex: 'a' }],
      dataSource: [{ key: 'a', a: 'a' }],
      pagination: { total: 100 },
    }),
  Descriptions: (C) => h(C, { bordered: true, items: [{ key: 'a', label: 'a', children: 'a' }] }),
  Tabs: (C) => h(C, { items: [{ key: 'a', label: 'a', children: 'a' }] }),
  Timeline: (C) => h(C, { items: [{ key: 'a', content: 'a' }] }),
  Segmented: (C) => h(C, { options: ['a', 'b'] }),
  Badge: (C) => h(C, { count: 1 }, h('span')),
  // A preset colour and a status colour: each brings a style of its own.
  Tag: (C) => [h(C, { key: 1 }), h(C, { key: 2, color: 'blue' }), h(C, { key: 3, color: 'error' })],
  'Space.Compact': (C) => h(C, null, h(antd.Input, { key: 1 }), h(antd.Button, { key: 2 })),
  'Form.Item': (C) => h(antd.Form, null, h(C, { label: 'a', help: 'a', validateStatus: 'error' })),
};

/** The app's own use of the static APIs (App.useApp): messages, notifications, confirm boxes. */
function staticPanels(): ReactNode[] {
  const panel = (api: unknown) => (api as Record<string, Component>)[PANEL];
  const out: ReactNode[] = [];
  const message = panel(antd.message);
  const notification = panel(antd.notification);
  const modal = panel(antd.Modal);
  if (message) out.push(h(message, { key: 1, type: 'success', content: 'a' }));
  if (notification) out.push(h(notification, { key: 2, title: 'a' }));
  if (modal) out.push(h(modal, { key: 3, type: 'confirm', title: 'a' }));
  return out;
}

/**
 * The antd components some source files import: export name → the members used through it
 * (`Input` → {'TextArea', 'Password'}); `App as AntApp` counts the uses of AntApp.
 */
export function antdUsage(files: Iterable<string>): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
      for (const spec of m[1]!.split(',')) {
        const [name, local = name] = spec.trim().split(/\s+as\s+/);
        if (!name || name.startsWith('type ') || !/^[A-Z]/.test(name)) continue;
        const members = used.get(name) ?? new Set<string>();
        used.set(name, members);
        for (const u of text.matchAll(new RegExp(`\\b${local}\\.([A-Z]\\w*)`, 'g')))
          members.add(u[1]!);
      }
    }
  }
  return used;
}

const isComponent = (c: unknown): c is Component =>
  typeof c === 'function' ||
  (typeof c === 'object' &&
    c !== null &&
    ['react.forward_ref', 'react.memo'].includes(
      ((c as { $$typeof?: symbol }).$$typeof ?? Symbol()).description ?? '',
    ));

/** What to render for one export (and its members) of antd. */
function nodesFor(name: string, members: Set<string>): ReactNode[] {
  const exported = (antd as unknown as Record<string, Component | undefined>)[name];
  if (!exported || NOT_RENDERED.has(name)) return [];
  const out: ReactNode[] = [];
  const render = (key: string, C: Component) => out.push((RENDER[key] ?? ((c) => h(c)))(C));
  render(name, exported);
  const panel = (exported as unknown as Record<string, Component | undefined>)[PANEL];
  if (panel) out.push(h(panel, {}));
  for (const member of members) {
    const C = (exported as unknown as Record<string, unknown>)[member];
    if (isComponent(C)) render(`${name}.${member}`, C);
  }
  return out;
}

export interface AntdStyles {
  css: string;
  /** Components whose render threw (their styles are then made at run time, as without this). */
  failed: string[];
}

/** The stylesheet of the antd components that some renderer source files use. */
export function extractAntdStyles(files: Iterable<string>): AntdStyles {
  const cache = createCache();
  const renderOne = (node: ReactNode) =>
    renderToString(
      h(
        StyleProvider,
        { cache },
        h(antd.ConfigProvider, { theme: THEME }, h(antd.App, null, node)),
      ),
    );
  const usage = antdUsage(files);
  const failed: string[] = [];
  renderOne(staticPanels());
  for (const [name, members] of [...usage].sort(([a], [b]) => a.localeCompare(b))) {
    for (const node of nodesFor(name, members)) {
      try {
        renderOne(node);
      } catch {
        if (!failed.includes(name)) failed.push(name);
      }
    }
  }
  const css = extractStyle(cache, { plain: true, types: 'style' });
  return { css, failed };
}
