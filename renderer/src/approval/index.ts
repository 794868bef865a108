/**
 * The manager step-up at the counter. Screens use `useManagerApproval` (see its docs);
 * `Dialog` is the modal box the prompt and other counter dialogs share.
 */
export { useManagerApproval, type ApprovableCall, type ApprovalOutcome, type ManagerApproval } from './useManagerApproval';
export { needsManagerApproval } from './refusals';
export { Dialog, type DialogProps } from './Dialog';
export { approvalMessages } from './messages';
