// The database schema as kysely table types: one interface per table, columns in snake_case.
import type { Generated } from 'kysely';

/** Timestamps are ISO 8601 UTC strings (`Date#toISOString()`), so they sort as text. */
export type Timestamp = string;

export interface UsersTable {
  id: Generated<number>;
  name: string;
  email: string;
  password_hash: string;
  role: string;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  ip: string | null;
}

export interface PostsTable {
  id: Generated<number>;
  title: string;
  slug: string;
  source: string;
  html: string;
  excerpt: string;
  status: string;
  comment_status: string;
  author_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  hits: Generated<number>;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  slug: string;
}

export interface PostTagsTable {
  post_id: number;
  tag_id: number;
}

export interface PagesTable {
  id: Generated<number>;
  title: string;
  slug: string;
  source: string;
  html: string;
  status: string;
  comment_status: string;
  template: string;
  in_menu: number;
  menu_order: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<number>;
  post_id: number | null;
  page_id: number | null;
  parent_id: number | null;
  user_id: number | null;
  author_name: string;
  author_email: string;
  author_url: string | null;
  body: string;
  status: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
}

export interface MediaTable {
  id: Generated<number>;
  original_name: string;
  stored_path: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface ActivityTable {
  id: Generated<number>;
  action: string;
  subject_type: string;
  subject_id: number | null;
  actor_id: number | null;
  summary: string;
  created_at: Timestamp;
}

/** Every table, for `Kysely<Database>`. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  posts: PostsTable;
  tags: TagsTable;
  post_tags: PostTagsTable;
  pages: PagesTable;
  comments: CommentsTable;
  media: MediaTable;
  settings: SettingsTable;
  activity: ActivityTable;
}
