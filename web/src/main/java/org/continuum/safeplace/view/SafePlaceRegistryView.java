package org.continuum.safeplace.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.safeplace.boundary.SafePlaceService;

import java.io.Serializable;
import java.util.List;

/** The administrators' view of the safe-place registry, addresses included (each reading audited). */
@Named
@ViewScoped
public class SafePlaceRegistryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SafePlaceService safePlaces;

    private List<SafePlaceService.PlaceRecord> places;

    public void load() {
        places = safePlaces.registry();
    }

    public List<SafePlaceService.PlaceRecord> getPlaces() {
        return places;
    }
}
