// Where the playground is saved and in which version: read when saving (persistence.ts) and when reading back
// (savedStateRestore.ts, loaded on demand), so it lives apart from both.
export const persistName = 'glm-playground:state';
/**
 * 1: settings and turns; 2: the library; 3: reply metrics hold measurements only (see savedStateRestore.ts); 4: in
 * the database, long texts are records of their own (stateDatabase.ts), which a build before 4 cannot read back, so
 * it must not write over such a state.
 */
export const persistVersion = 4;
