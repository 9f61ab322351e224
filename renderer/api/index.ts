export { call, upload, setSeatRefusedHandler, setSessionErrorHandler, type Input, type MethodName, type Output, type SeatRefusedCode, type SessionErrorCode } from './client';
export { ApiError, isApiError, type ClientErrorCode } from './errors';
export { connectEvents, disconnectEvents, onEvent } from './events';
export { onReconnected } from './reconnect';
export { callPrefetched, prefetch } from './prefetch';
