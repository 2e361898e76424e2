/** A duration (time taken, time left), compact: `42s`, `3m 5s`, `2h 10m`. */
export const formatDuration = (s: number): string =>
  s < 60 ? `${Math.ceil(s)}s` : s < 3600 ? `${Math.floor(s / 60)}m ${Math.round(s % 60)}s` : `${Math.floor(s / 3600)}h ${Math.round((s % 3600) / 60)}m`;
