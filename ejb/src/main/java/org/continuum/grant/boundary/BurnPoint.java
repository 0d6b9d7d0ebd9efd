package org.continuum.grant.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

public record BurnPoint(LocalDate day, BigDecimal remaining) implements Serializable {
}
