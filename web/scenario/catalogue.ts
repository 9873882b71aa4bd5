// The library of scenarios shipped in scenarios/*.json, bundled at build time. Like every
// other input, a file goes through validateScenario, when it is chosen (validating all of them
// at start-up would hold up the first page for no gain); an invalid file is refused then.

type Json = Record<string, unknown>;

/** A scenario file of the library, as written (not yet validated). */
export interface LibraryScenario {
  file: string;
  /** The scenario's id (the file name when it has none). */
  id: string;
  /** Its name for the picker (the id when it has none). */
  name: string;
  /** The file's JSON as written. */
  input: Json;
}

/** The id of the default scenario (first in the list when present). */
export const DEFAULT_SCENARIO_ID = 'drechtsteden-2024';

/** Lists a set of files (path → parsed JSON), default scenario first, then by name. */
export function buildLibrary(files: Record<string, unknown>): LibraryScenario[] {
  const list = Object.entries(files)
    .filter(([, data]) => data !== null && typeof data === 'object' && !Array.isArray(data))
    .map(([path, data]) => {
      const input = data as Json;
      const file = path.split('/').pop() ?? path;
      const id = typeof input.id === 'string' ? input.id : file.replace(/\.json$/, '');
      const name = typeof input.name === 'string' ? input.name : id;
      return { file, id, name, input };
    });
  return list.sort((a, b) =>
    a.id === DEFAULT_SCENARIO_ID
      ? -1
      : b.id === DEFAULT_SCENARIO_ID
        ? 1
        : a.name.localeCompare(b.name, 'nl'),
  );
}

/** The library bundled from scenarios/*.json. */
export function loadLibrary(): LibraryScenario[] {
  const modules = import.meta.glob<{ default: unknown }>('../../scenarios/*.json', { eager: true });
  return buildLibrary(Object.fromEntries(Object.entries(modules).map(([k, m]) => [k, m.default])));
}
