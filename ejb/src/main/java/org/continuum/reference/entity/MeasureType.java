package org.continuum.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * A protective measure of the catalogue. {@code continuumStep} (1 = holistic security … 7 = support in exile)
 * orders the catalogue from the least to the most disruptive step, which is what the last-resort rule checks.
 */
@Entity
@Table(name = "measure_type")
public class MeasureType {

    public static final int FIRST_STEP = 1;
    public static final int LAST_STEP = 7;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String code;

    @Column(name = "continuum_step", nullable = false)
    private int continuumStep;

    @Column(nullable = false)
    private int position;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Column(name = "name_fr", nullable = false, length = 200)
    private String nameFr;

    @Column(name = "description_en", length = 1000)
    private String descriptionEn;

    @Column(name = "description_fr", length = 1000)
    private String descriptionFr;

    /** Arabic name and description; empty where the catalogue has none yet (the English is shown then). */
    @Column(name = "name_ar", length = 200)
    private String nameAr;

    @Column(name = "description_ar", length = 1000)
    private String descriptionAr;

    protected MeasureType() {
    }

    public MeasureType(String code, int continuumStep, int position, String nameEn, String nameFr,
                       String descriptionEn, String descriptionFr) {
        this.code = Objects.requireNonNull(code);
        update(continuumStep, position, nameEn, nameFr, descriptionEn, descriptionFr);
    }

    /** The Arabic words of this entry (null: none yet). */
    public void translateToArabic(String name, String description) {
        this.nameAr = name == null || name.isBlank() ? null : name;
        this.descriptionAr = description == null || description.isBlank() ? null : description;
    }

    /** Takes the Arabic words of the same entry read from the catalogue file. */
    public void translateLike(MeasureType other) {
        translateToArabic(other.nameAr, other.descriptionAr);
    }

    public final void update(int continuumStep, int position, String nameEn, String nameFr, String descriptionEn,
                             String descriptionFr) {
        if (continuumStep < FIRST_STEP || continuumStep > LAST_STEP) {
            throw new IllegalArgumentException("continuum step must be between 1 and 7");
        }
        this.continuumStep = continuumStep;
        this.position = position;
        this.nameEn = Objects.requireNonNull(nameEn);
        this.nameFr = Objects.requireNonNull(nameFr);
        this.descriptionEn = descriptionEn;
        this.descriptionFr = descriptionFr;
    }

    public String getCode() {
        return code;
    }

    public int getContinuumStep() {
        return continuumStep;
    }

    public int getPosition() {
        return position;
    }

    /** The name in "en", "fr" or "ar"; English where the language has none. */
    public String name(String language) {
        return "fr".equals(language) ? nameFr : "ar".equals(language) && nameAr != null ? nameAr : nameEn;
    }

    public String description(String language) {
        return "fr".equals(language) ? descriptionFr
                : "ar".equals(language) && descriptionAr != null ? descriptionAr : descriptionEn;
    }
}
