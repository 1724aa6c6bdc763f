package fleetroll.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import fleetroll.store.Json;
import fleetroll.store.Observation;
import fleetroll.store.StoreException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --json}: one object mapping each requested host to {"observation": its newest audit
 * attempt or null, "tc_worker": its newest Taskcluster record or null}, keys sorted. Records are
 * written as stored, so scripts see the same fields as in the store.
 */
public final class JsonRenderer {
    private JsonRenderer() {}

    public static void write(FleetSnapshot snapshot, PrintWriter out) {
        write(snapshot.hosts(), out);
    }

    /** The object for these hosts only: those a query kept. */
    public static void write(List<HostFacts> shown, PrintWriter out) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostFacts f : shown) {
            Map<String, Object> entry = new HashMap<>(); // HashMap: null values are kept and written
            entry.put("observation", f.records().latest());
            entry.put("tc_worker", f.records().worker());
            hosts.put(f.host(), entry);
        }
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(hosts));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode the monitor's JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }

    /** One observation as a compact JSON line, for the streaming output. */
    public static String line(Observation observation) {
        try {
            return Json.MAPPER.writeValueAsString(observation);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode an observation of " + observation.host(), e);
        }
    }
}
