import { defineFeature } from '../../feature';
import { telephonyHandlers } from './handlers';
import { recordingsDataset } from './recordings-dataset';

export const telephonyFeature = defineFeature({
  name: 'telephony',
  handlers: { ...telephonyHandlers },
  datasets: {
    recordings: recordingsDataset,
  },
});
