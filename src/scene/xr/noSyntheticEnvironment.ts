/**
 * Stands in for `@iwer/sem` (vite.config.ts alias): the emulator's synthetic rooms are for AR
 * passthrough, which a VR twin never shows (`syntheticEnvironment: false`), and the real module
 * would add ~5 MB of room scans to every build.
 */
export class SyntheticEnvironmentModule {}
