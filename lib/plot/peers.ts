import { DependencyError } from '../core/index.js';

/** The optional peer dependencies of rxgrad/plot, loaded on first use. */
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type VizJs = typeof import('@viz-js/viz');

function missing(caller: string, packages: string, error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    throw new DependencyError(
      `${caller}: rxgrad/plot needs ${packages.replaceAll(' ', ' and ')} (optional peer dependencies), which ${packages.includes(' ') ? 'are' : 'is'} not installed: npm install ${packages}`,
      { cause: error },
    );
  }
  throw error;
}

/** vega and vega-lite, or a `DependencyError` naming what to install. */
export async function loadVega(caller: string): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  try {
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    return { vega, vegaLite };
  } catch (error) {
    return missing(caller, 'vega vega-lite', error);
  }
}

/** @viz-js/viz (Graphviz in WebAssembly), or a `DependencyError` naming what to install. */
export async function loadViz(caller: string): Promise<VizJs> {
  try {
    return await import('@viz-js/viz');
  } catch (error) {
    return missing(caller, '@viz-js/viz', error);
  }
}
