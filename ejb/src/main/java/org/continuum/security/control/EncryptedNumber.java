package org.continuum.security.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * JPA converter that seals a number, for links that would reveal a person's situation if they stood in clear (the
 * partner a case was referred to, the partner who received them abroad). The database holds a different ciphertext
 * for every row, so equal links cannot be grouped or joined there; the application resolves them after opening.
 */
@Converter
public class EncryptedNumber implements AttributeConverter<Long, String> {

    private FieldCipher cipher;

    private FieldCipher cipher() {
        if (cipher == null) {
            cipher = CDI.current().select(FieldCipher.class).get();
        }
        return cipher;
    }

    @Override
    public String convertToDatabaseColumn(Long attribute) {
        return attribute == null ? null : cipher().seal(Long.toString(attribute));
    }

    @Override
    public Long convertToEntityAttribute(String dbData) {
        return dbData == null ? null : Long.valueOf(cipher().open(dbData));
    }
}
