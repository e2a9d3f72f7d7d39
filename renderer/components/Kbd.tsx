/** A keyboard shortcut as the officer reads it: <Kbd>Ctrl+Enter</Kbd>. */
export function Kbd({ children }: { children: string }) {
  const parts = /^[^\s]+\+[^\s]+$/.test(children) ? children.split('+') : [children];
  return (
    <span className="kbd-group">
      {parts.map((k, i) => (
        <kbd key={i} className="kbd">
          {k}
        </kbd>
      ))}
    </span>
  );
}
