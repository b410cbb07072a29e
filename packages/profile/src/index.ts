// Public API of @pugo/profile: decode, combine and filter pprof profiles; go tool pprof's reports.
export { composeDot, type DotConfig } from './dot/compose-dot.js';
export { dotColor } from './dot/dot-color.js';
export { shortenFunctionName } from './dot/dot-names.js';
export { ProfileError, type ProfileErrorCode, ProfileErrorCodes } from './errors.js';
export {
  type OpenFileOptions,
  openProfileFile,
  type StreamedProfile,
} from './file/open-file.js';
export { buildGraph, type Graph, type GraphOptions } from './graph/graph.js';
export { type Edge, GraphNode, type NodeInfo } from './graph/node.js';
export { sortNodes, type TrimmedGraph, type TrimOptions, trimGraph } from './graph/trim.js';
export { label, percentage, scale, scaledLabel } from './measurement/units.js';
export { aggregate, type Granularity } from './profile/aggregate.js';
export {
  type BaseOptions,
  combineWithBase,
  copyProfile,
  diffProfile,
  mergeProfiles,
  normalizeProfile,
  subtractProfile,
} from './profile/combine.js';
export {
  DIFF_BASE_LABEL,
  type FilterMatches,
  filterSamplesByName,
  isDiffBaseSample,
  type NameFilters,
} from './profile/filter.js';
export type {
  Line,
  Location,
  Mapping,
  Profile,
  ProfileFunction,
  Sample,
  ValueType,
} from './profile/model.js';
export { prune, removeUninteresting } from './profile/prune.js';
export { sampleIndexByName } from './profile/sample-index.js';
export { type ReportProfile, SampleStream, type Samples } from './profile/samples.js';
export { scaleProfile, scaleProfileN } from './profile/scale.js';
export { checkValid } from './profile/validate.js';
export { type DecodeOptions, decodeProfile } from './proto/decode.js';
export { type EncodeOptions, encodeProfile } from './proto/encode.js';
export { isGzip } from './proto/gunzip.js';
export { compileRegExp } from './regexp.js';
export { generateReport, prepareProfile } from './report/generate.js';
export type { ReportKind, ReportOptions } from './report/options.js';
export type {
  DotGraphData,
  ListRoutine,
  Report,
  ReportData,
  TopRow,
  TraceEntry,
  TreeEdge,
  TreeEntry,
} from './report/report-data.js';
