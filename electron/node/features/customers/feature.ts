import { defineFeature } from '../../feature';
import { customersHandlers } from './handlers';
import { customersEditHandlers } from './edit-handlers';
import { customerSearchHandlers } from './search-handlers';
import { customersDataset } from './customers-dataset';

export const customersFeature = defineFeature({
  name: 'customers',
  handlers: { ...customersHandlers, ...customersEditHandlers, ...customerSearchHandlers },
  datasets: {
    customers: customersDataset,
  },
});
