/**
 * A short text of any value for an error message: JSON-like, cut after about `max` characters
 * with `…`, four levels deep at most. So a 50 MB header value never makes a 50 MB message, a
 * deeply nested one no stack overflow, and a cyclic one no endless loop.
 *
 * @example excerpt({ shape: [1, 2, 3] })  // '{"shape":[1,2,3]}'
 */
export function excerpt(value: unknown, max = 60): string {
  let out = '';
  // Each write reports whether there is room left; the walk stops as soon as there is none.
  const write = (s: string): boolean => {
    out += s.length > max ? s.slice(0, max + 1) : s;
    return out.length <= max;
  };
  const walk = (v: unknown, depth: number): boolean => {
    switch (typeof v) {
      case 'string':
        return write(JSON.stringify(v.length > max ? v.slice(0, max + 1) : v));
      case 'number':
        return write(Object.is(v, -0) ? '-0' : String(v));
      case 'boolean':
      case 'undefined':
        return write(String(v));
      case 'bigint':
        return write(`${v}n`);
      case 'symbol':
        return write(v.toString());
      case 'function':
        return write(`[function ${v.name || 'anonymous'}]`);
    }
    if (v === null) return write('null');
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor?.name ?? 'TypedArray';
      return write(`${name}(${(v as unknown as ArrayLike<unknown>).length ?? v.byteLength})`);
    }
    if (depth >= 4) return write(Array.isArray(v) ? '[…]' : '{…}');
    if (Array.isArray(v)) {
      if (!write('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if ((i > 0 && !write(',')) || !walk(v[i], depth + 1)) return false;
      }
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key in v as object) {
      if (!Object.hasOwn(v as object, key)) continue;
      if (!first && !write(',')) return false;
      first = false;
      if (!walk(key, depth + 1) || !write(':')) return false;
      if (!walk((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write('}');
  };
  walk(value, 0);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/**
 * What kind of value `value` is, for "expected a Tensor, got …" messages: `null`, `an array`,
 * `a Float32Array`, `a Dataset`, `an object with keys x, y`, `the string "abc"`, `the number 5`.
 *
 * @example kindOf({ x: 1, y: 2 })  // 'an object with keys x, y'
 */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array (${excerpt(value, 30)})`;
  if (typeof value === 'string') return `the string ${excerpt(value, 30)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `the ${typeof value} ${excerpt(value)}`;
  }
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'symbol') return 'a symbol';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === 'string' && name !== 'Object' && name !== '') {
    return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
  }
  const keys: string[] = [];
  for (const key in value as object) {
    if (keys.length === 6) {
      keys.push('…');
      break;
    }
    keys.push(key.length > 20 ? `${key.slice(0, 20)}…` : key);
  }
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
}
