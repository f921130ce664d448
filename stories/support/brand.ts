// Inline custom properties for the demo city's brand theme (Storybook toolbar "Kuusikoski brand").
import { brandStyleText, type Brand } from '@digione/ui/shared/index.js';
import kuusikoski from '../../packages/ui/src/themes/brands/kuusikoski.json';

const brands: Record<string, Brand> = { kuusikoski: kuusikoski as Brand };

/** The `style` text that brands a story wrapper, or '' for the built-in themes. */
export function brandStyleFor(theme: string): string {
  const brand = brands[theme];
  return brand ? brandStyleText(brand) : '';
}
