// Inline custom properties for a brand theme (filled in from the design system's brand support).
export function brandStyleFor(_theme: string): string {
  return '';
}
