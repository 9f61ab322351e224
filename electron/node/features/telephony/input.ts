import type { InputOf } from '../../../common/api/contract';
import type { telephonyApi } from '../../../common/api/telephony';

/** A telephony method's input, typed from its own contract file. */
export type TelInput<M extends keyof typeof telephonyApi> = InputOf<(typeof telephonyApi)[M]>;
