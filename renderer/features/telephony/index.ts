/**
 * The telephony feature's public surface (tests/architecture.test.ts refuses imports into its
 * other files): click-to-dial, a call's recording and outcome for the customer card, and the
 * softphone's context and call-ended event the workbench listens to. The context comes from
 * softphone-context, not from SoftphoneProvider, so a screen using it does not import the provider.
 */
export { PhoneLink } from './PhoneLink';
export { RecordingBadge, callOutcomeLabel } from './RecordingBadge';
export { CALL_ENDED_EVENT, useSoftphone, type CallEnded } from './softphone-context';
export { requestDial } from './dial';
