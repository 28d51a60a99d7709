// The questions domain: what other domains and the package index may use.
export {};
