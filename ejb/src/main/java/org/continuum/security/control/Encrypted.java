package org.continuum.security.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * JPA converter that seals a string attribute on its way to the database and opens it on the way back. Apply it
 * with {@code @Convert(converter = Encrypted.class)} on every identity, contact, location or narrative field.
 */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

    @Inject
    FieldCipher cipher;

    public Encrypted() {
    }

    Encrypted(FieldCipher cipher) {
        this.cipher = cipher;
    }

    private FieldCipher cipher() {
        if (cipher == null) {
            // Hibernate instantiated the converter without CDI: look the cipher up instead.
            cipher = CDI.current().select(FieldCipher.class).get();
        }
        return cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher().seal(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher().open(dbData);
    }
}
