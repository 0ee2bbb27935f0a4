package org.quorum.bench.driver;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a measured figure to the JSON with two decimals. The records keep the figure as measured because the
 * Markdown tables format (and divide) the unrounded values.
 */
public final class TwoDecimals extends StdSerializer<Double> {

    public TwoDecimals() {
        super(Double.class);
    }

    /** Two decimals; NaN stays NaN (a figure that was not measured). */
    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeNumber(round(value));
    }
}
