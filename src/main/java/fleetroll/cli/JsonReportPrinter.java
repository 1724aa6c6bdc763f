package fleetroll.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import fleetroll.store.Json;
import java.io.PrintWriter;

/** Prints a command's --json report: indented for people, or on one line with -q for scripts. */
final class JsonReportPrinter {
    private JsonReportPrinter() {}

    static void print(Object report, PrintWriter out, boolean pretty) {
        try {
            out.println(
                    pretty
                            ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                            : Json.MAPPER.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the report", e);
        }
        out.flush();
    }
}
