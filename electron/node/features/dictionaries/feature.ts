import { defineFeature } from '../../feature';
import { dictionariesHandlers } from './handlers';
import { dictionariesDataset } from './dataset';

export const dictionariesFeature = defineFeature({
  name: 'dictionaries',
  handlers: { ...dictionariesHandlers },
  datasets: { dictionaries: dictionariesDataset },
});
