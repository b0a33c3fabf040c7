import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, loadBlob, mlp, saveBlob, tensor } from '../../lib/index.js';

describe('saveBlob / loadBlob (the browser edge)', () => {
  it('round-trips a model through a Blob', async () => {
    const net = mlp([2, 3, 1], { seed: 5 });
    const blob = saveBlob(net, { metadata: { a: 'b' } });
    expect(blob.type).toBe('application/octet-stream');
    const { model, metadata } = await loadBlob(blob);
    const x = tensor([[0.5, -1]]);
    expect(model.forward(x).toArray()).toEqual(net.forward(x).toArray());
    expect(metadata).toEqual({ a: 'b' });
  });

  it('rejects what is not a Blob, and a truncated one', async () => {
    await expect(loadBlob(new Uint8Array(4) as never)).rejects.toThrow(ArgumentError);
    const blob = saveBlob(mlp([2, 1]));
    await expect(loadBlob(blob.slice(0, blob.size - 1))).rejects.toThrow(FormatError);
  });
});
