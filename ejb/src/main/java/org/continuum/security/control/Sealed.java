package org.continuum.security.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field sealed before it reaches the database: with the data key of the case file or mail draft its row belongs to
 * ({@link SealedRecord}), and bound to its table, column and row, so a value copied anywhere else does not open.
 * The field holds text; {@code number} marks one that holds a number written as text (an erased one reads as
 * nothing rather than as empty text). {@link SealingListener} does the work.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sealed {

    boolean number() default false;
}
