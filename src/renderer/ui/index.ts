export { Badge } from './Badge.js';
export { Banner } from './Banner.js';
export { EmptyState } from './EmptyState.js';
export { SkeletonRows } from './Skeleton.js';
export { useNow } from './useNow.js';
export { normalizeForSearch } from './normalize.js';
export { IconButton } from './IconButton.js';
export { DetailsIcon, SyncIcon } from './icons.js';
