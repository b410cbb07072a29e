// Public API of @pugo/storage.
export {};
