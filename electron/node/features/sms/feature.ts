import { defineFeature } from '../../feature';
import { smsHandlers } from './sms-handlers';
import { smsTemplatesDataset } from './templates-dataset';

export const smsFeature = defineFeature({
  name: 'sms',
  handlers: { ...smsHandlers },
  datasets: {
    smsTemplates: smsTemplatesDataset,
  },
});
