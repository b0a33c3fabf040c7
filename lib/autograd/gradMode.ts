let enabled = true;

/** Whether ops currently record the graph. */
export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with recording set to `on`, restoring the previous mode afterwards. */
export function withGradMode<T>(on: boolean, fn: () => T): T {
  const previous = enabled;
  enabled = on;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/**
 * Runs `fn` without recording a graph: results do not require grad, nothing is kept for
 * backward. Use it for evaluation and for in-place parameter updates. An explicit `grad` or
 * `valueAndGrad` inside it still differentiates (as `torch.enable_grad()` would), and returns
 * plain tensors.
 *
 * @example
 * const pred = noGrad(() => model.forward(x));
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}
