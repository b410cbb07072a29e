// Public API of @pugo/profile.
export {};
