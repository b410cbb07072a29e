// Reads each profile.proto message but Sample into a record that still holds string indexes and ids.
import type { Location, Mapping, ProfileFunction } from '../profile/model.js';
import type { ProtoReader } from './proto-reader.js';

/** A ValueType's string indexes: `[type, unit]`. */
export type RawValueType = [number, number];

/** A Label's fields as string indexes (`key`, `str`, `unit`) and its number. */
export interface RawLabel {
  key: number;
  str: number;
  num: number;
  unit: number;
}

/** A Mapping with its strings still indexes. */
export interface RawMapping {
  m: Mapping;
  file: number;
  buildId: number;
}

/** A Location with its mapping and its lines' functions still ids: lines are `[functionId, line]`. */
export interface RawLocation {
  loc: Location;
  mappingId: number;
  lines: Array<[number, number]>;
}

/** A Function with its strings still indexes. */
export interface RawFunction {
  f: ProfileFunction;
  name: number;
  systemName: number;
  filename: number;
}

/** ValueType: `type = 1`, `unit = 2`. */
export function readValueType(r: ProtoReader): RawValueType {
  let type = 0;
  let unit = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) type = r.scalar();
    else if (f === 2) unit = r.scalar();
    else r.skip();
  }
  return [type, unit];
}

/** Label: `key = 1`, `str = 2`, `num = 3`, `num_unit = 4`. */
export function readLabel(r: ProtoReader): RawLabel {
  const l: RawLabel = { key: 0, str: 0, num: 0, unit: 0 };
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) l.key = r.scalar();
    else if (f === 2) l.str = r.scalar();
    else if (f === 3) l.num = r.scalar();
    else if (f === 4) l.unit = r.scalar();
    else r.skip();
  }
  return l;
}

/** Mapping: fields 1 to 10. */
export function readMapping(r: ProtoReader): RawMapping {
  const m: Mapping = {
    id: 0,
    start: 0,
    limit: 0,
    offset: 0,
    file: '',
    buildId: '',
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  };
  let file = 0;
  let buildId = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    switch (f) {
      case 1:
        m.id = r.scalar();
        break;
      case 2:
        m.start = r.scalar();
        break;
      case 3:
        m.limit = r.scalar();
        break;
      case 4:
        m.offset = r.scalar();
        break;
      case 5:
        file = r.scalar();
        break;
      case 6:
        buildId = r.scalar();
        break;
      case 7:
        m.hasFunctions = r.bool();
        break;
      case 8:
        m.hasFilenames = r.bool();
        break;
      case 9:
        m.hasLineNumbers = r.bool();
        break;
      case 10:
        m.hasInlineFrames = r.bool();
        break;
      default:
        r.skip();
    }
  }
  return { m, file, buildId };
}

/** Location: `id = 1`, `mapping_id = 2`, `address = 3`, `line = 4` (repeated), `is_folded = 5`. */
export function readLocation(r: ProtoReader): RawLocation {
  const loc: Location = { id: 0, mapping: undefined, address: 0, line: [], isFolded: false };
  const raw: RawLocation = { loc, mappingId: 0, lines: [] };
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) loc.id = r.scalar();
    else if (f === 2) raw.mappingId = r.scalar();
    else if (f === 3) loc.address = r.scalar();
    else if (f === 4) raw.lines.push(readLine(r.message()));
    else if (f === 5) loc.isFolded = r.bool();
    else r.skip();
  }
  return raw;
}

/** Line: `function_id = 1`, `line = 2`. */
function readLine(r: ProtoReader): [number, number] {
  let functionId = 0;
  let lineNo = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) functionId = r.scalar();
    else if (f === 2) lineNo = r.scalar();
    else r.skip();
  }
  return [functionId, lineNo];
}

/** Function: `id = 1`, `name = 2`, `system_name = 3`, `filename = 4`, `start_line = 5`. */
export function readFunction(r: ProtoReader): RawFunction {
  const fn: ProfileFunction = { id: 0, name: '', systemName: '', filename: '', startLine: 0 };
  let name = 0;
  let systemName = 0;
  let filename = 0;
  for (let f = r.next(); f !== 0; f = r.next()) {
    if (f === 1) fn.id = r.scalar();
    else if (f === 2) name = r.scalar();
    else if (f === 3) systemName = r.scalar();
    else if (f === 4) filename = r.scalar();
    else if (f === 5) fn.startLine = r.scalar();
    else r.skip();
  }
  return { f: fn, name, systemName, filename };
}
