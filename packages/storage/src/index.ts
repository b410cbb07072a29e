// Public API of @pugo/storage: openStorage(), the repositories' types, errors, and the blog's rules.

// The Pugo blog's own choices, applied by this package but not part of storing a blog (src/blog/):
// its sample content, its settings (keys, defaults, rules) and its slug rule (tags are slugged here).
export {
  type SeedOptions,
  type SeedResult,
  seedSampleContent,
} from './blog/seed-sample-content.js';
export {
  isSettingKey,
  type MenuItem,
  SETTING_DEFAULTS,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from './blog/settings-definitions.js';
export { MAX_SLUG_LENGTH, slugify } from './blog/slugify.js';

// Storing a blog: openStorage(), the repositories and their types, coded errors.
export type { RawConnection, RawStatement } from './dialect/dialect.js';
export {
  errorMessages,
  isStorageError,
  StorageError,
  type StorageErrorCode,
} from './errors.js';
export {
  type MigrationState,
  openStorage,
  type Repositories,
  type Storage,
  type StorageOptions,
} from './open-storage.js';
export type {
  Activity,
  ActivityRepository,
  NewActivity,
} from './repositories/activity-repository.js';
export type {
  Comment,
  CommentListItem,
  CommentListRequest,
  CommentNode,
  CommentStatus,
  NewComment,
} from './repositories/comment-rows.js';
export type { CommentsRepository } from './repositories/comments-repository.js';
export type { DashboardCounts, DashboardRepository } from './repositories/dashboard-repository.js';
export type { Media, MediaRepository, NewMedia } from './repositories/media-repository.js';
export type { NewPage, Page, PagesRepository } from './repositories/pages-repository.js';
export type { Adjacent, ArchiveMonth } from './repositories/post-navigation.js';
export type {
  NewPost,
  Post,
  PostCommentStatus,
  PostLink,
  PostListItem,
  PostListRequest,
  PostPatch,
  PostStatus,
  TagRef,
} from './repositories/post-rows.js';
export type { SearchHit, SearchRequest } from './repositories/post-search.js';
export type { PostsRepository } from './repositories/posts-repository.js';
export type {
  NewSession,
  Session,
  SessionsRepository,
} from './repositories/sessions-repository.js';
export type { SettingsRepository } from './repositories/settings-repository.js';
export type { Tag, TagsRepository, TagWithCount } from './repositories/tags-repository.js';
export type {
  NewUser,
  User,
  UserRole,
  UserStatus,
  UsersRepository,
} from './repositories/users-repository.js';
export type { Database } from './schema.js';
export type { Paged, PageRequest, PublishedSlug } from './values.js';
