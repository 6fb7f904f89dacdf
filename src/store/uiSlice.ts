import type { UiState } from './types';

export function initialUi(): UiState {
  return {
    selectedReplyId: null,
    keyConfirmation: null,
    notices: [],
    sending: false,
    requestJsonDraft: null,
    imageBytes: {},
    schemaChecker: null,
    clampNotes: {},
  };
}
