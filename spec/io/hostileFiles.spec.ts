import { describe, expect, it } from 'vitest';
import {
  adam,
  decodeSafetensors,
  decodeSnapshot,
  encodeSnapshot,
  FormatError,
  load,
  mlp,
  RxgradError,
  ShapeError,
} from '../../lib/index.js';
import { thrown } from '../core/helpers.js';
import {
  editHeader,
  editManifest,
  safetensorsFile,
  savedModel,
  snapshotOf,
  splitFile,
} from './fixtures/files.js';

/** The error of a load that must fail, checked to be a named rxgrad error with a short message. */
function refused(fn: () => unknown): Error {
  const e = thrown(fn);
  expect(e, `${e.name}: ${e.message.slice(0, 200)}`).toBeInstanceOf(RxgradError);
  expect(e.message.length).toBeLessThan(1000);
  return e;
}

/** A Linear(width, width) architecture for the saved mlp's manifest: a huge model claimed by a tiny file. */
const claimWidth = (width: number) => (m: Record<string, unknown>) => {
  m.architecture = {
    type: 'Sequential',
    layers: [
      { type: 'Linear', inFeatures: width, outFeatures: width, bias: true, dtype: 'float64' },
    ],
  };
  m.parameters = ['layers.0.weight', 'layers.0.bias'];
};

describe('load and decode a hostile file', () => {
  // NOTE: a 1,856-byte file claiming Linear(12000, 12000) used to allocate 1.1 GB first (issue 12).
  it('checks the claimed architecture against the tensors before building anything', () => {
    const tiny = editManifest(savedModel(), claimWidth(12000));
    expect(tiny.length).toBeLessThan(4000);
    const before = process.memoryUsage().arrayBuffers;
    const e = refused(() => load(tiny));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(e).toBeInstanceOf(ShapeError);
    expect(e.message).toBe(
      "load: 'layers.0.weight' has shape [2,3] in the file, but the model expects [12000,12000]",
    );
    expect(grown).toBeLessThan(50e6); // the model alone would be 1.15 GB
    // a claim no machine could allocate is the same ShapeError, not a RangeError
    const absurd = editManifest(savedModel(), claimWidth(2 ** 40));
    expect(refused(() => load(absurd))).toBeInstanceOf(ShapeError);
  });

  it('a tensor of the right name but another shape is a ShapeError, before building', () => {
    const bytes = editManifest(savedModel(), (m) => {
      (m.architecture as { layers: { inFeatures: number }[] }).layers[0].inFeatures = 3000;
    });
    expect(refused(() => load(bytes))).toBeInstanceOf(ShapeError);
  });

  // NOTE: a header nested a million levels deep used to overflow the stack (a RangeError).
  it('rejects JSON nested deeper than 64 levels, in the header and in the manifest', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const header = safetensorsFile(
      `{"a":{"dtype":"F32","shape":${deep(1_000_000)},"data_offsets":[0,0]}}`,
    );
    expect(refused(() => decodeSafetensors(header)).message).toBe(
      'decodeSafetensors: header: JSON nested deeper than 64 levels (at character 90), expected at most 64',
    );
    const manifest = editManifest(savedModel(), (m) => ({ ...m, extra: JSON.parse(deep(64)) }));
    expect(refused(() => load(manifest)).message).toMatch(
      /^load: manifest: JSON nested deeper than 64 levels/,
    );
    const meta = editHeader(savedModel(), (h) => {
      (h.__metadata__ as Record<string, string>).rxgrad =
        `{"version":1,"extra":${deep(1_000_000)}}`;
    });
    expect(refused(() => load(meta))).toBeInstanceOf(FormatError);
    expect(refused(() => decodeSnapshot(meta))).toBeInstanceOf(FormatError);
  });

  // NOTE: a 50 MB header value used to be quoted whole in the message.
  it('quotes a bounded excerpt of an offending value', () => {
    const huge = 'x'.repeat(5_000_000);
    const bytes = safetensorsFile(`{"w":{"dtype":"${huge}","shape":[0],"data_offsets":[0,0]}}`);
    const e = refused(() => decodeSafetensors(bytes));
    expect(e.message).toMatch(
      /^decodeSafetensors: tensor 'w': unknown dtype "x+… \(expected F32 or F64\)$/,
    );
    const named = safetensorsFile(`{"${huge}":{"dtype":"F32","shape":[7],"data_offsets":[0,0]}}`);
    expect(refused(() => decodeSafetensors(named)).message).toMatch(
      /^decodeSafetensors: tensor 'x{60}…'/,
    );
    const shape = safetensorsFile(
      `{"w":{"dtype":"F32","shape":[${Array(1_000_000).fill(-1).join(',')}],"data_offsets":[0,0]}}`,
    );
    expect(refused(() => decodeSafetensors(shape)).message).toMatch(
      /shape must be a list of non-negative integers \(at most 64 of them\), got \[-1,-1,.*…$/,
    );
  });

  // NOTE: these names used to pass the stray-tensor check (they are inherited properties).
  it('a tensor named constructor, toString or __proto__ is a stray tensor like any other', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const end = splitFile(savedModel()).data.length;
      const bytes = editHeader(savedModel(), (h) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(h)) out[k] = v;
        Object.defineProperty(out, name, {
          value: { dtype: 'F64', shape: [0], data_offsets: [end, end] },
          enumerable: true,
        });
        return out;
      });
      expect(splitFile(bytes).header).toContain(`"${name}":{"dtype":"F64"`);
      const e = refused(() => load(bytes));
      expect(e.message).toMatch(
        new RegExp(`^load: tensor '${name}' in the file is not a parameter of the Sequential`),
      );
      expect(decodeSafetensors(bytes).tensors[name].shape).toEqual([0]);
      expect(Object.getPrototypeOf(decodeSafetensors(bytes).tensors)).toBe(Object.prototype);
    }
  });

  it('a parameter list naming an inherited property is a FormatError in decodeSnapshot', () => {
    const bytes = editManifest(encodeSnapshot(snapshotOf()), (m) => {
      m.parameters = ['toString'];
    });
    expect(refused(() => decodeSnapshot(bytes)).message).toBe(
      "decodeSnapshot: the file has no tensor for weight 'toString'",
    );
  });

  // NOTE: JSON.parse keeps the last of two equal keys; the header used to be accepted.
  it('rejects a key given twice in one object of the header or the manifest', () => {
    const { header, data } = splitFile(savedModel());
    const doubled = header.replace('{"__metadata__"', '{"__metadata__":{},"__metadata__"');
    expect(refused(() => decodeSafetensors(safetensorsFile(doubled, data))).message).toBe(
      'decodeSafetensors: header: duplicate key "__metadata__" in a JSON object, expected each key once (which value would count is ambiguous)',
    );
    const twice = editHeader(savedModel(), (h) => {
      const meta = h.__metadata__ as Record<string, string>;
      meta.rxgrad = meta.rxgrad.replace('{"version":1', '{"version":1,"version":1');
    });
    expect(refused(() => load(twice)).message).toMatch(/^load: manifest: duplicate key "version"/);
  });

  // NOTE: load without { optimizer } used to return whatever optimiser state the file held.
  it('validates the optimiser state it returns, with or without { optimizer }', () => {
    expect(load(savedModel()).optimizer?.name).toBe('adam');
    const cases: [(o: Record<string, unknown>) => void, RegExp][] = [
      [
        (o) => {
          o.step = -1;
        },
        /^load: optimizer state step must be a non-negative integer, got -1$/,
      ],
      [
        (o) => {
          o.lr = 'fast';
        },
        /^load: optimizer state lr must be a non-negative finite number, got "fast"$/,
      ],
      [
        (o) => {
          o.name = 7;
        },
        /^load: optimizer state name must be a string, got 7$/,
      ],
      [
        (o) => {
          o.buffers = { ...(o.buffers as object), extra: [] };
        },
        /^load: optimizer state buffer 'extra' must be a list of 4 entries like the others, got "0 entries"$/,
      ],
    ];
    for (const [edit, message] of cases) {
      const bytes = editManifest(savedModel(), (m) => {
        edit(m.optimizer as Record<string, unknown>);
      });
      const e = refused(() => load(bytes));
      expect(e).toBeInstanceOf(FormatError);
      expect(e.message).toMatch(message);
    }
  });

  it('a failed load changes nothing: the model, optimiser and generator given are untouched', () => {
    const net = mlp([2, 3, 1], { activation: 'tanh', seed: 9 });
    const opt = adam(net.parameters(), { lr: 0.5 });
    const before = net.parameters().map((p) => Array.from(p.data));
    const bad = editManifest(savedModel(), (m) => {
      (m.optimizer as Record<string, unknown>).step = 1.5;
    });
    refused(() => load(bad, { into: net, optimizer: opt }));
    expect(net.parameters().map((p) => Array.from(p.data))).toEqual(before);
    expect(opt.stepCount).toBe(0);
    expect(opt.lr).toBe(0.5);
  });
});
