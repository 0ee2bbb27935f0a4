package org.quorum.bench;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a measured figure to the JSON with two decimals. The records keep the figure as measured because the
 * Markdown tables format (and divide) the unrounded values.
 */
final class TwoDecimals extends StdSerializer<Double> {

    TwoDecimals() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeNumber(Report.round(value));
    }
}
