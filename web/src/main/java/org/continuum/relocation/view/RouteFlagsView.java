package org.continuum.relocation.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.relocation.boundary.RouteService;

import java.util.HashMap;
import java.util.Map;

/** The case page's flag for travel documents that expire soon or before a booked travel. */
@Named
@RequestScoped
public class RouteFlagsView {

    @Inject
    RouteService routes;

    private final Map<Long, Long> counted = new HashMap<>();

    public long documentsNeedingAttention(long caseFileId) {
        return counted.computeIfAbsent(caseFileId, routes::documentsNeedingAttention);
    }
}
