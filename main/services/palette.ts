/** Distinct, print-safe colours handed to new actors in turn; the analyst can change any of them. */
export const ACTOR_PALETTE = ['#2f6fb0', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#b7950b', '#7f8c8d', '#c2185b', '#34495e'] as const;

export function paletteColor(n: number): string {
  return ACTOR_PALETTE[((n % ACTOR_PALETTE.length) + ACTOR_PALETTE.length) % ACTOR_PALETTE.length]!;
}
