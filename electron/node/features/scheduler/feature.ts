import { defineFeature } from '../../feature';
import { schedulerHandlers } from './handlers';
import { jobRunsDataset } from './job-runs-dataset';

export const schedulerFeature = defineFeature({
  name: 'scheduler',
  handlers: { ...schedulerHandlers },
  datasets: {
    jobRuns: jobRunsDataset,
  },
});
