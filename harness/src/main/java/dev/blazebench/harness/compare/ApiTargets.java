package dev.blazebench.harness.compare;

import dev.blazebench.load.run.Target;

/**
 * Where a compare's load runs go: the load driver's target for each API, and the gRPC BlazeBinary
 * target the realtime writer writes through. Either the reference server compare started ({@link
 * ServerTargets}) or servers it was given ({@link ExternalTargets}).
 */
interface ApiTargets {

  /** The target of {@code api}. */
  Target targetFor(String api);

  /** Where the realtime writer writes, or null if none was given. */
  Target writer();

  /** Where the realtime writer of {@code api}'s runs writes: the server its subscribers follow. */
  default Target writerFor(String api) {
    return writer();
  }
}
