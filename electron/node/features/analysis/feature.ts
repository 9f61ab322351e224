import { defineFeature } from '../../feature';
import { aftersalesHandlers } from './aftersales-handlers';
import { callsDataset } from './calls-dataset';
import { callsHandlers } from './calls-handlers';
import { analysisHandlers } from './handlers';
import { monthlyHandlers } from './monthly-handlers';
import { walkInBatchesDataset } from './walk-ins-dataset';

/** 决策分析 (issue 17): the figures and the data sets their drill-downs open (docs/decision-analysis.md). */
export const analysisFeature = defineFeature({
  name: 'analysis',
  handlers: { ...analysisHandlers, ...aftersalesHandlers, ...callsHandlers, ...monthlyHandlers },
  datasets: { walkInBatches: walkInBatchesDataset, calls: callsDataset },
});
