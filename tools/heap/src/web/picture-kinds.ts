// The output formats that draw rather than print text: a module of its own, light to import.

/** Output formats that draw rather than print text. */
export const pictureKinds = ['dot', 'svg', 'flame', 'web'] as const;
export type PictureKind = (typeof pictureKinds)[number];

export function isPicture(kind: string): kind is PictureKind {
  return (pictureKinds as readonly string[]).includes(kind);
}
