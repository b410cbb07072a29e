// Placeholder dev server until the blog lands (issue 6).
export {};
