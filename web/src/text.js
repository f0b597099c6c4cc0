// Text helpers: the report's byte offsets in a JavaScript string, white
// space folding, and word differences between quote wordings.

// Collapses runs of white space to one space and trims, as the report does.
export function fold(s) {
  return s.replace(/\s+/gu, ' ').trim();
}

// UTF-16 indexes of UTF-8 byte offsets into `text` (offsets sorted or not);
// an offset inside a character or past the end maps to undefined.
export function indexesOfBytes(text, offsets) {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map();
  let bytes = 0;
  let k = 0;
  let i = 0;
  while (k < wanted.length) {
    while (k < wanted.length && wanted[k] < bytes) k++;
    if (k < wanted.length && wanted[k] === bytes) out.set(wanted[k++], i);
    if (i >= text.length) break;
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

// Where each supporting sentence is in `text`: [{start, end, key}] in UTF-16
// indexes, sorted, overlaps dropped. A span whose offsets do not hold the
// sentence (a text stored differently) is found by searching for it.
export function locate(text, support) {
  const offsets = [];
  for (const s of support) offsets.push(s.start, s.end);
  const at = indexesOfBytes(text, offsets);
  const spans = [];
  for (const s of support) {
    let start = at.get(s.start);
    let end = at.get(s.end);
    if (start === undefined || end === undefined || fold(text.slice(start, end)) !== fold(s.sentence)) {
      const words = fold(s.sentence).split(' ').map(escapeRegExp);
      const m = words.length ? new RegExp(words.join('\\s+'), 'u').exec(text) : null;
      if (!m) continue;
      start = m.index;
      end = m.index + m[0].length;
    }
    spans.push({ start, end, key: s.key });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
  return kept;
}

// Words of `variant` against `base`: [{word, kind}] where kind is 'same',
// 'added' (in the variant only) or 'missing' (in the base only), from the
// longest common subsequence of their words (case and punctuation ignored).
export function wordDiff(base, variant, limit = 400) {
  const a = fold(base).split(' ').slice(0, limit);
  const b = fold(variant).split(' ').slice(0, limit);
  const key = (w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] = ka[i] === kb[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) {
      out.push({ word: b[j], kind: 'same' });
      i++;
      j++;
    } else if (j < m && (i >= n || table[i][j + 1] >= table[i + 1][j])) {
      out.push({ word: b[j++], kind: 'added' });
    } else {
      out.push({ word: a[i++], kind: 'missing' });
    }
  }
  return out;
}
