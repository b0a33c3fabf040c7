/**
 * Writes the permutations and initial weights of the breast-cancer demo's 10 restarts of the
 * tutorial's recipe (seeds 42…51) to `breast-cancer-inputs.json`, for the numpy reference
 * `breast_cancer_tutorial.py` to train from. Usage: `npx tsx demos/reference/breastCancerInputs.ts`.
 */
import { writeFileSync } from 'node:fs';
import { EPOCHS, loadData, restart, TUTORIAL } from '../breastCancerRecipes.js';

const seeds = Array.from({ length: 10 }, (_, k) => 42 + k);
const all = loadData();
const restarts = seeds.map((seed) => restart(all, seed, TUTORIAL));
const inputs = {
  about:
    'rxgrad breast-cancer demo, the tutorial recipe: per seed, np.random.permutation(569) and 2*np.random.random((30, 1)) - 1 as rxgrad draws them (demos/reference/breastCancerInputs.ts)',
  seeds,
  epochs: EPOCHS,
  trainSize: restarts[0].train.length,
  permutations: restarts.map((r) => r.permutation),
  initialWeights: restarts.map((r) => r.initialWeight),
};
const file = new URL('./breast-cancer-inputs.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(inputs)}\n`);
console.log(`wrote ${file.pathname}`);
