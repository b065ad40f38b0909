package dev.blazebench.load.results;

/**
 * One driver of a run: where it ran, and how it fared as an injector.
 *
 * @param environment its machine and software
 * @param injector its self-watch and verdict
 */
public record DriverInfo(Environment environment, InjectorResult injector) {}
