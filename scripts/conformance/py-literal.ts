// Reads the Python literals in feedparser's `Expect:` lines: strings, numbers, tuples, lists, True/False/None.

/** A parsed literal: strings, numbers, booleans, null, arrays (tuples and lists). */
export type PyValue = string | number | boolean | null | PyValue[];

/** Parses one complete Python literal; throws when the text is anything else (e.g. an expression). */
export function parsePyLiteral(src: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const value = (): PyValue => {
    ws();
    const c = src[i];
    if (c === '(' || c === '[') return sequence(c === '(' ? ')' : ']');
    const str = /^[uUbBrR]?(['"])/.exec(src.slice(i, i + 2));
    if (str) return string();
    const word = /^(True|False|None)\b/.exec(src.slice(i));
    if (word) {
      i += word[0].length;
      return word[1] === 'True' ? true : word[1] === 'False' ? false : null;
    }
    const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    throw new Error(`not a literal at ${i}: ${src.slice(i, i + 20)}`);
  };
  const sequence = (close: string): PyValue[] => {
    i++;
    const out: PyValue[] = [];
    for (;;) {
      ws();
      if (src[i] === close) {
        i++;
        return out;
      }
      out.push(value());
      ws();
      if (src[i] === ',') i++;
      else if (src[i] !== close) throw new Error(`expected , or ${close} at ${i}`);
    }
  };
  const string = (): string => {
    const raw = /[rR]/.test(src[i]!) || /[rR]/.test(src[i + 1] ?? '');
    while (src[i] !== "'" && src[i] !== '"') i++;
    const q = src[i++]!;
    let out = '';
    while (i < src.length && src[i] !== q) {
      if (src[i] === '\\' && !raw) {
        const e = src[i + 1]!;
        i += 2;
        if (e === 'u' || e === 'x' || e === 'U') {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(src.slice(i, i + len), 16));
          i += len;
        } else out += ({ n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
      } else out += src[i++];
    }
    if (src[i] !== q) throw new Error('unterminated string');
    i++;
    return out;
  };
  const v = value();
  ws();
  if (i !== src.length) throw new Error(`trailing text: ${src.slice(i, i + 20)}`);
  return v;
}
