package org.continuum.grant.boundary;

import java.io.Serializable;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record FundView(long id, String code, String name, String donor, String currency, BigDecimal budget,
                       BigDecimal committed, BigDecimal disbursed, BigDecimal available, BigDecimal balance,
                       LocalDate periodStart, LocalDate periodEnd, Fund.Rules rules, List<BurnPoint> burnDown) implements Serializable {

    static FundView of(Fund f, List<BurnPoint> burnDown) {
        return new FundView(f.getId(), f.getCode(), f.getName(), f.getDonor(), f.getCurrency(), f.getBudget(),
                f.getCommitted(), f.getDisbursed(), f.available(), f.balance(), f.getPeriodStart(),
                f.getPeriodEnd(), f.rules(), burnDown);
    }

    public List<GrantCategory> categories() {
        return rules.categories().stream().sorted().toList();
    }
}
