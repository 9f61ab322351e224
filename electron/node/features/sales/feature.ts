import { defineFeature } from '../../feature';
import { salesHandlers } from './sales-handlers';
import { showroomHandlers } from './showroom-handlers';
import { salesAnalysisHandlers } from './analysis-handlers';
import { activitiesHandlers } from './activities-handlers';
import { activitiesDataset } from './datasets/activities';
import { opportunitiesDataset } from './datasets/opportunities';
import { opportunitiesReviewDataset } from './datasets/opportunities-review';
import { showroomVisitsDataset } from './datasets/showroom-visits';

export const salesFeature = defineFeature({
  name: 'sales',
  handlers: { ...salesHandlers, ...showroomHandlers, ...salesAnalysisHandlers, ...activitiesHandlers },
  datasets: {
    activities: activitiesDataset,
    opportunities: opportunitiesDataset,
    opportunitiesReview: opportunitiesReviewDataset,
    showroomVisits: showroomVisitsDataset,
  },
});
