// qr.js: a small QR code writer for the "Make a routine" page, after ISO/IEC 18004.
// It writes text (as UTF-8 bytes) in byte mode at error correction M, or L when M
// does not fit, in the smallest of versions 1 to 10, picks the mask with the lowest
// penalty, and draws the code as SVG. stretchQR.matrix(text) gives the modules (rows
// of booleans, dark true), stretchQR.svg(text, label) an <svg> element; both return
// null when the text is too long.
(() => {
  'use strict';
  // Per version 1 to 10 and level: [error-correction codewords per block, blocks of
  // the first size, data codewords in each, blocks of the second size (one more each)].
  const BLOCKS = {
    M: [[10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0], [24, 2, 43, 0],
      [16, 4, 27, 0], [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2], [26, 4, 43, 1]],
    L: [[7, 1, 19, 0], [10, 1, 34, 0], [15, 1, 55, 0], [20, 1, 80, 0], [26, 1, 108, 0],
      [18, 2, 68, 0], [20, 2, 78, 0], [24, 2, 97, 0], [30, 2, 116, 0], [18, 2, 68, 2]],
  };
  const LEVEL_BITS = { L: 1, M: 0 };

  // Arithmetic in GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
  const EXP = new Array(512);
  const LOG = new Array(256);
  for (let i = 0, x = 1; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 256) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
  const mul = (a, b) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

  // ecc returns the n error-correction codewords of data: the remainder of data(x)
  // times x^n divided by the generator (x - a^0)(x - a^1)...(x - a^(n-1)).
  const ecc = (data, n) => {
    let gen = [1];
    for (let i = 0; i < n; i++) {
      const next = new Array(gen.length + 1).fill(0);
      gen.forEach((c, j) => { next[j] ^= c; next[j + 1] ^= mul(c, EXP[i]); });
      gen = next;
    }
    const rem = new Array(n).fill(0);
    for (const b of data) {
      const f = b ^ rem.shift();
      rem.push(0);
      for (let j = 0; j < n; j++) rem[j] ^= mul(gen[j + 1], f);
    }
    return rem;
  };

  // codewords gives the final sequence of codewords: data blocks interleaved, then
  // their error-correction blocks interleaved.
  const codewords = (bytes, version, level) => {
    const [n, b1, d1, b2] = BLOCKS[level][version - 1];
    const capacity = b1 * d1 + b2 * (d1 + 1);
    const bits = [];
    const put = (v, len) => { for (let i = len - 1; i >= 0; i--) bits.push((v >>> i) & 1); };
    put(4, 4); // byte mode
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach((b) => put(b, 8));
    if (bits.length > capacity * 8) return null;
    put(0, Math.min(4, capacity * 8 - bits.length));
    while (bits.length % 8) bits.push(0);
    const data = [];
    for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(''), 2));
    for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);
    const blocks = [];
    for (let i = 0, at = 0; i < b1 + b2; i++) {
      const len = d1 + (i < b1 ? 0 : 1);
      blocks.push(data.slice(at, at + len));
      at += len;
    }
    const out = [];
    for (let i = 0; i <= d1; i++) blocks.forEach((bl) => { if (i < bl.length) out.push(bl[i]); });
    const eccs = blocks.map((bl) => ecc(bl, n));
    for (let i = 0; i < n; i++) eccs.forEach((e) => out.push(e[i]));
    return out;
  };

  // bch appends to value the remainder of its division by poly, a code of len bits.
  const bch = (value, poly, len) => {
    const deg = Math.floor(Math.log2(poly));
    let r = value << deg;
    for (let i = len - 1; i >= deg; i--) if ((r >>> i) & 1) r ^= poly << (i - deg);
    return (value << deg) | r;
  };

  const ALIGN = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
  const MASKS = [
    (y, x) => (y + x) % 2 === 0,
    (y) => y % 2 === 0,
    (y, x) => x % 3 === 0,
    (y, x) => (y + x) % 3 === 0,
    (y, x) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
    (y, x) => ((y * x) % 2) + ((y * x) % 3) === 0,
    (y, x) => (((y * x) % 2) + ((y * x) % 3)) % 2 === 0,
    (y, x) => (((y + x) % 2) + ((y * x) % 3)) % 2 === 0,
  ];

  // Grid is a square of modules with a second square marking the function
  // patterns, which data and masks leave alone.
  const grid = (version) => {
    const size = 17 + 4 * version;
    const dark = Array.from({ length: size }, () => new Array(size).fill(false));
    const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
    const set = (x, y, d) => {
      if (x < 0 || y < 0 || x >= size || y >= size) return;
      dark[y][x] = d;
      fixed[y][x] = true;
    };
    const finder = (cx, cy) => {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const r = Math.max(Math.abs(dx), Math.abs(dy));
          set(cx + dx, cy + dy, r !== 2 && r !== 4);
        }
      }
    };
    finder(3, 3);
    finder(size - 4, 3);
    finder(3, size - 4);
    for (let i = 8; i < size - 8; i++) { set(i, 6, i % 2 === 0); set(6, i, i % 2 === 0); }
    const at = ALIGN[version - 1];
    const last = at[at.length - 1];
    at.forEach((cy) => at.forEach((cx) => {
      if (cx + cy === 12 || cx + cy === 6 + last && (cx === 6 || cy === 6)) return; // on a finder
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }));
    // Reserve the format areas; drawFormat fills them in.
    for (let i = 0; i < 9; i++) if (i !== 6) { set(8, i, false); set(i, 8, false); }
    for (let i = 0; i < 8; i++) { set(size - 1 - i, 8, false); set(8, size - 1 - i, false); }
    set(8, size - 8, true); // the dark module
    if (version >= 7) {
      const v = bch(version, 0x1f25, 18);
      for (let i = 0; i < 18; i++) {
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        set(a, b, ((v >>> i) & 1) === 1);
        set(b, a, ((v >>> i) & 1) === 1);
      }
    }
    return { size, dark, fixed, set };
  };

  // place lays the codewords' bits in the zigzag of two-module columns, from the
  // bottom right corner, skipping the vertical timing column.
  const place = (g, words) => {
    let i = 0;
    const total = words.length * 8;
    for (let right = g.size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((g.size - 1 - right) >> 1) % 2 === 0;
      for (let k = 0; k < g.size; k++) {
        const y = upward ? g.size - 1 - k : k;
        for (const x of [right, right - 1]) {
          if (g.fixed[y][x]) continue;
          g.dark[y][x] = i < total && ((words[i >> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  };

  const drawFormat = (g, level, mask) => {
    const f = bch((LEVEL_BITS[level] << 3) | mask, 0x537, 15) ^ 0x5412;
    const bit = (i) => ((f >>> i) & 1) === 1;
    const s = g.size;
    for (let i = 0; i <= 5; i++) g.set(8, i, bit(i));
    g.set(8, 7, bit(6));
    g.set(8, 8, bit(7));
    g.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) g.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) g.set(s - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) g.set(8, s - 15 + i, bit(i));
  };

  // penalty scores a masked grid by the four rules: runs, 2x2 blocks, finder-like
  // patterns and the balance of dark and light.
  const penalty = (m) => {
    const n = m.length;
    let score = 0;
    let darkCount = 0;
    const lines = [];
    for (let a = 0; a < n; a++) {
      lines.push(m[a].map((v) => (v ? 1 : 0)).join(''));
      lines.push(m.map((row) => (row[a] ? 1 : 0)).join(''));
    }
    lines.forEach((l) => {
      (l.match(/0{5,}|1{5,}/g) || []).forEach((run) => { score += run.length - 2; });
      let from = 0;
      for (;;) {
        const i = l.indexOf('1011101', from);
        if (i < 0) break;
        if (l.slice(Math.max(0, i - 4), i) === '0000' || l.slice(i + 7, i + 11) === '0000') score += 40;
        from = i + 1;
      }
    });
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (m[y][x]) darkCount++;
        if (y + 1 < n && x + 1 < n && m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) score += 3;
      }
    }
    return score + 10 * Math.floor(Math.abs((darkCount * 100) / (n * n) - 50) / 5);
  };

  const matrix = (text) => {
    const bytes = [...new TextEncoder().encode(text)];
    for (const level of ['M', 'L']) {
      for (let version = 1; version <= 10; version++) {
        const words = codewords(bytes, version, level);
        if (!words) continue;
        let best = null;
        let bestScore = Infinity;
        MASKS.forEach((fn, mask) => {
          const g = grid(version);
          place(g, words);
          for (let y = 0; y < g.size; y++) {
            for (let x = 0; x < g.size; x++) if (!g.fixed[y][x] && fn(y, x)) g.dark[y][x] = !g.dark[y][x];
          }
          drawFormat(g, level, mask);
          const score = penalty(g.dark);
          if (score < bestScore) { best = g.dark; bestScore = score; }
        });
        return best;
      }
    }
    return null;
  };

  // svg draws the code with a quiet border of four modules, each dark module a
  // square of one unit, so it scales to any size sharply.
  const svg = (text, label) => {
    const m = matrix(text);
    if (!m) return null;
    const NS = 'http://www.w3.org/2000/svg';
    const q = 4;
    const side = m.length + 2 * q;
    const el = document.createElementNS(NS, 'svg');
    el.setAttribute('viewBox', `0 0 ${side} ${side}`);
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
    el.setAttribute('shape-rendering', 'crispEdges');
    const bg = document.createElementNS(NS, 'rect');
    bg.setAttribute('width', side);
    bg.setAttribute('height', side);
    bg.setAttribute('fill', '#fff');
    let d = '';
    m.forEach((row, y) => row.forEach((on, x) => { if (on) d += `M${x + q} ${y + q}h1v1h-1z`; }));
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    el.append(bg, path);
    return el;
  };

  window.stretchQR = { matrix, svg };
})();
