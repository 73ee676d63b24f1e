/** Small statistics for noisy machines: medians and ratios, never a lone absolute time. */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const summary = (values, digits = 1) => ({
  n: values.length,
  min: round(Math.min(...values), digits),
  median: round(median(values), digits),
  max: round(Math.max(...values), digits),
});
export const now = () => performance.timeOrigin + performance.now();
export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
