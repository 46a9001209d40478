// Text with the parts that match a search wrapped in <mark>.

/** Renders `text`, marking the [start, end) ranges. */
export function Highlighted({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
