/** Test helpers for PHI recognizer tests: values are assembled at run time so the repository itself holds no real-looking identifiers. */
export const j = (...parts: string[]): string => parts.join('');
/** A clinical data file path (clinical folder, data text class). */
export const DATA = 'fixtures/patients/notes.txt';
