import { createReviewItemFactory } from '../../review-items.js';
import type { ReviewItem } from '../../types.js';

/** A review item for the old name `name` seen at source offset `offset`. */
export function getReviewItem(source: string, file: string, offset: number, name: string, reason: string): ReviewItem {
  return createReviewItemFactory(source, file)(offset, name, reason);
}
