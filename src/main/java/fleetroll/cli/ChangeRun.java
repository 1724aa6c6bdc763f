package fleetroll.cli;

import fleetroll.change.ChangePlan;
import fleetroll.change.ChangeRequest;
import fleetroll.change.ContentChecks;
import fleetroll.change.SetRequest;
import fleetroll.change.UnsetRequest;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.SshSettings;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.util.List;

/**
 * What host-set-* and host-unset-* do once their request is built: without --confirm, show the
 * plan against the latest audits (dry run); with it, refuse contents that failed their checks,
 * else hand over to {@link ConfirmedChange}.
 */
final class ChangeRun {
    private ChangeRun() {}

    /**
     * @param checks the checks of --from-file; {@link ContentChecks#skipped()} for a removal
     * @return the exit status: a dry run is 2 when the checks failed, as --confirm would be
     */
    static int run(
            ChangeRequest request,
            ContentChecks checks,
            List<HostTarget> hosts,
            String targetSource,
            CommandContext context,
            ChangeOptions options,
            SshSettings settings,
            PrintWriter out,
            PrintWriter err) {
        try (LocalState state = LocalState.open(context.home())) {
            if (!options.confirm) {
                ChangePlan plan = ChangePlan.of(
                        request,
                        hosts,
                        state.observations()
                                .latestSuccessful(
                                        hosts.stream().map(HostTarget::host).toList()));
                switch (request) {
                    case SetRequest set -> {
                        if (options.json) {
                            ChangeJson.writeDryRun(set, plan, checks, targetSource, state.home(), out);
                        } else {
                            ChangeText.writeDryRun(set, plan, checks, targetSource, state.home(), out);
                        }
                    }
                    case UnsetRequest unset -> {
                        if (options.json) {
                            ChangeJson.writeUnsetDryRun(unset, plan, targetSource, state.home(), out);
                        } else {
                            ChangeText.writeUnsetDryRun(unset, plan, targetSource, state.home(), out);
                        }
                    }
                }
                return checks.passed() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
            }
            if (!checks.passed()) {
                checks.problems().forEach(p -> err.println("fleetroll: " + p));
                err.println("fleetroll: nothing was sent; fix the file, or skip the checks with --no-validate");
                return ExitCodes.BAD_INPUT;
            }
            return ConfirmedChange.run(request, hosts, state, context, options, settings, out, err);
        }
    }
}
