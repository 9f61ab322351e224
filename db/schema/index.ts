export * from './auth';
export * from './admin';
export * from './customers';
export * from './sales';
export * from './service';
export * from './telephony';
export * from './sms';
export * from './scheduler';
