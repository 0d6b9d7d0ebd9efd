package org.continuum.identity.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * QR codes as the list of their dark modules, computed by ZXing. Pages draw them as SVG squares, so no image is
 * generated, stored or served, and the page's content security policy needs nothing extra.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /** A square symbol: its size in modules and the (x, y) of every dark module. */
    public record Symbol(int size, List<int[]> dark) {
    }

    public static Symbol of(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            List<int[]> dark = new ArrayList<>();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        dark.add(new int[]{x, y});
                    }
                }
            }
            return new Symbol(matrix.getWidth(), dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }
}
