import { serveFit } from 'rxgrad';
import type { RunConfig } from './config.js';
import { buildExperiment } from './experiment.js';
import { trainRun } from './trainRun.js';

// The worker side of the page: builds the run the page asked for and serves its events.
serveFit((config: RunConfig, control$) => {
  const experiment = buildExperiment(config);
  return { model: experiment.model, run$: trainRun(experiment, control$) };
});
