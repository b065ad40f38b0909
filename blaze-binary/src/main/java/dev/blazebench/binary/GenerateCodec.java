package dev.blazebench.binary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the annotation processor of {@code blaze-binary-processor} to write a {@link GeneratedCodec}
 * for this record or bean at compile time: straight-line code that calls the class's own accessors,
 * which {@link BlazeBinaryMapper#of} then uses instead of binding the class at run time. Same
 * bytes, same errors; only faster. Without the processor on the compiler's processor path the
 * annotation does nothing and the class is bound at run time as before.
 *
 * <p>The processor accepts what {@link BlazeBinaryMapper} binds, except {@code byte[]}, {@code
 * float[]} and {@link BlazeValue} fields (a compile error names the field); the class must be
 * public, and a nested class static.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GenerateCodec {}
