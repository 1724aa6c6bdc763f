package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.NOW;
import static fleetroll.monitor.Fixtures.SHA_A;
import static fleetroll.monitor.Fixtures.SHA_B;
import static fleetroll.monitor.Fixtures.ago;
import static fleetroll.monitor.Fixtures.failed;
import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.records;
import static fleetroll.monitor.Fixtures.row;
import static fleetroll.monitor.Fixtures.state;
import static fleetroll.monitor.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.query.CellValue;
import fleetroll.store.HumanHash;
import fleetroll.store.Observation;
import fleetroll.store.WorkerRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RowBuilderTest {
    static final String HOST = "t-linux64-ms-238.test.releng.mdc1.mozilla.com";
    static final String SHORT = "t-linux64-ms-238";

    @Test
    void showsTheNewestAuditWhenItSucceeded() {
        Observation o = ok(
                HOST, minutes(2), state(s -> s.role("gecko_t_linux_2404_talos").uptime(Duration.ofHours(50))));
        MonitorRow row = row(records(HOST, o, o, worker(SHORT)));

        assertThat(row.audit()).isEqualTo(AuditStatus.OK);
        assertThat(Column.HOST.text(row)).isEqualTo(HOST);
        assertThat(Column.OS.text(row)).isEqualTo("L");
        assertThat(Column.ROLE.text(row)).isEqualTo("gecko_t_linux_2404_talos");
        assertThat(Column.UPTIME.text(row)).isEqualTo("2d 02h");
        assertThat(Column.PP_LAST.text(row)).isEqualTo("20m 00s");
        assertThat(Column.PP_SHA.text(row)).isEqualTo("0123456");
        assertThat(Column.VLT_SHA.text(row)).isEqualTo("5f2b0000 " + HumanHash.ofSha256Hex(Fixtures.VAULT));
        assertThat(Column.OVR_SHA.text(row)).isEqualTo("-");
        assertThat(Column.APPLIED.text(row)).isEqualTo("-");
        assertThat(Column.TC_ACT.text(row)).isEqualTo("3m 00s");
        assertThat(Column.TC_T_DUR.text(row)).isEqualTo("30m 00s");
        assertThat(Column.TC_QUAR.text(row)).isEqualTo("-");
        assertThat(Column.DATA.text(row)).isEqualTo("2m 00s/1m 00s");
        assertThat(Column.HEALTHY.text(row)).isEqualTo("Y");
        assertThat(row.newestFailure()).isNull();
    }

    @Test
    void newestFailedAttemptKeepsTheLastGoodValuesAndSaysWhy() {
        Observation good = ok(HOST, minutes(30), state(s -> s.role("role_a")));
        Observation bad =
                failed(HOST, minutes(1), "timed_out", "ssh: connect to host x port 22: Connection timed out\n");
        MonitorRow row = row(records(HOST, bad, good, worker(SHORT)));

        assertThat(row.audit()).isEqualTo(AuditStatus.NEWEST_FAILED);
        assertThat(Column.ROLE.text(row)).isEqualTo("role_a");
        assertThat(Column.DATA.text(row)).startsWith("30m 00s/"); // the age of the values shown
        assertThat(row.newestAttemptAge()).isEqualTo(minutes(1));
        assertThat(row.newestFailure()).isEqualTo("timed_out: ssh: connect to host x port 22: Connection timed out");
        assertThat(Column.HEALTHY.text(row)).isEqualTo("N");
        assertThat(TableLayout.hostText(row, "test.releng.mdc1.mozilla.com")).isEqualTo("!" + SHORT);
    }

    @Test
    void hostNeverAuditedShowsQuestionMarksAndStillItsWorker() {
        MonitorRow row = row(records(HOST, null, null, worker(SHORT)));

        assertThat(row.audit()).isEqualTo(AuditStatus.NEVER_AUDITED);
        for (Column c : new Column[] {
            Column.OS,
            Column.ROLE,
            Column.VLT_SHA,
            Column.OVR_SHA,
            Column.UPTIME,
            Column.PP_LAST,
            Column.PP_SHA,
            Column.APPLIED
        }) {
            assertThat(c.text(row)).as(c.name()).isEqualTo("?");
            assertThat(c.value(row)).as(c.name()).isEqualTo(CellValue.NEVER_AUDITED);
        }
        assertThat(Column.TC_ACT.text(row)).isEqualTo("3m 00s");
        assertThat(Column.DATA.text(row)).isEqualTo("?/1m 00s");
        assertThat(Column.HEALTHY.text(row)).isEqualTo("?");
        assertThat(TableLayout.hostText(row, "")).isEqualTo(HOST); // no failure mark: nothing failed
    }

    @Test
    void hostWhoseEveryAuditFailedIsMarkedAndUnknown() {
        Observation bad = failed(HOST, minutes(1), "auth_rejected", "Permission denied (publickey).");
        MonitorRow row = row(records(HOST, bad, null, null));

        assertThat(row.audit()).isEqualTo(AuditStatus.NEVER_SUCCEEDED);
        assertThat(Column.ROLE.text(row)).isEqualTo("?");
        assertThat(Column.HEALTHY.text(row)).isEqualTo("N"); // a failed audit is a known problem
        assertThat(row.newestFailure()).isEqualTo("auth_rejected: Permission denied (publickey).");
        assertThat(TableLayout.hostText(row, "")).isEqualTo("!" + HOST);
    }

    @Test
    void failureWithoutKindOrStderrStillSaysFailed() {
        Observation bad = new Observation(
                Observation.timestamp(ago(minutes(1))),
                "t",
                Observation.ACTION_AUDIT,
                HOST,
                false,
                null,
                null,
                null,
                null);
        assertThat(row(records(HOST, bad, null, null)).newestFailure()).isEqualTo("failed");
    }

    @Test
    void noTaskclusterRecordShowsDashesAndHealthUnknown() {
        Observation o = ok(HOST, minutes(2), state());
        MonitorRow row = row(records(HOST, o, o, null));

        assertThat(Column.TC_ACT.text(row)).isEqualTo("-");
        assertThat(Column.TC_T_DUR.text(row)).isEqualTo("-");
        assertThat(Column.TC_QUAR.text(row)).isEqualTo("-");
        assertThat(Column.DATA.text(row)).isEqualTo("2m 00s/-");
        assertThat(Column.TC_ACT.value(row)).isEqualTo(CellValue.MISSING);
        assertThat(row.healthy()).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void overrideShowsItsBranchWhenTheStoredContentsNameOne() {
        Observation o = ok(HOST, minutes(2), state(s -> s.override(SHA_A, ago(Duration.ofHours(2)))));
        MonitorRow withBranch = RowBuilder.build(
                records(HOST, o, o, null),
                sha -> sha.equals(SHA_A) ? Optional.of("bug1990000") : Optional.empty(),
                NOW);
        MonitorRow withoutBranch = row(records(HOST, o, o, null));

        assertThat(Column.OVR_SHA.text(withBranch)).isEqualTo("bug1990000 " + HumanHash.ofSha256Hex(SHA_A));
        assertThat(Column.OVR_SHA.text(withoutBranch)).isEqualTo("aaaaaaaa " + HumanHash.ofSha256Hex(SHA_A));
    }

    @Test
    void agesCountFromNowAndKeepTicking() {
        Observation o = ok(HOST, minutes(2), state(s -> s.uptime(Duration.ofHours(1))));
        HostFacts facts = RowBuilder.facts(records(HOST, o, o, worker(SHORT)), Fixtures.NO_BRANCHES);
        MonitorRow now = new MonitorRow(facts, NOW);
        MonitorRow later = new MonitorRow(facts, NOW.plus(minutes(90)));

        assertThat(later.dataAge()).isEqualTo(now.dataAge().plus(minutes(90)));
        assertThat(later.puppetAge()).isEqualTo(now.puppetAge().plus(minutes(90)));
        assertThat(later.tcActiveAge()).isEqualTo(now.tcActiveAge().plus(minutes(90)));
        assertThat(later.uptime()).isEqualTo(now.uptime().plus(minutes(90))); // booted 1h before the audit
        assertThat(later.healthy()).isEqualTo(Health.NO); // the audit is now over an hour old
    }

    @Test
    void agesNeverGoNegativeWhenAClockIsAhead() {
        Observation o = ok(HOST, minutes(-5), state()); // "5 minutes in the future"
        assertThat(row(records(HOST, o, o, null)).dataAge()).isEqualTo(Duration.ZERO);
    }

    @Test
    void runningTaskCountsFromNowWithATrailingDash() {
        WorkerRecord w = worker(SHORT, b -> b.task(ago(minutes(12)), null));
        MonitorRow row = row(records(HOST, null, null, w));

        assertThat(row.taskRunning()).isTrue();
        assertThat(row.taskDuration()).isEqualTo(minutes(12));
        assertThat(Column.TC_T_DUR.text(row)).isEqualTo("12m 00s-");
    }

    @Test
    void quarantineShowsYesOnlyWhileItLasts() {
        MonitorRow during = row(records(HOST, null, null, worker(SHORT, b -> b.quarantineUntil(NOW.plusSeconds(60)))));
        MonitorRow after = row(records(HOST, null, null, worker(SHORT, b -> b.quarantineUntil(NOW.minusSeconds(1)))));

        assertThat(Column.TC_QUAR.text(during)).isEqualTo("YES");
        assertThat(Column.TC_QUAR.text(after)).isEqualTo("-");
    }

    @Test
    void unreadableTaskclusterTimesShowAsMissingInsteadOfFailing() {
        WorkerRecord w = new WorkerRecord(
                SHORT,
                Observation.timestamp(ago(minutes(1))),
                null,
                null,
                null,
                SHORT,
                null,
                null,
                "not a time",
                "2026-13-45",
                null,
                null,
                null,
                "yesterday",
                null);
        MonitorRow row = row(records(HOST, null, null, w));

        assertThat(Column.TC_ACT.text(row)).isEqualTo("-");
        assertThat(Column.TC_QUAR.text(row)).isEqualTo("-");
        assertThat(Column.TC_T_DUR.text(row)).isEqualTo("-");
    }

    @Test
    void acceptsTheTimeFormsOfTaskclusterAndPython() {
        assertThat(RowBuilder.time("2026-03-01T11:00:00.123Z")).isEqualTo("2026-03-01T11:00:00.123Z");
        assertThat(RowBuilder.time("2026-03-01T12:00:00+01:00")).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(RowBuilder.time("2026-03-01T11:00:00")).isEqualTo("2026-03-01T11:00:00Z"); // no offset: UTC
        assertThat(RowBuilder.time(" ")).isNull();
        assertThat(RowBuilder.time(null)).isNull();
    }

    @Test
    void fastTimeParsingAgreesWithTheGeneralParser() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 5000; i++) {
            java.time.Instant at =
                    java.time.Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-14 * 60, 14 * 60 + 1);
            java.time.OffsetDateTime odt = at.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String stored = Observation.timestamp(at); // fleetroll's: micros, +00:00
            String taskcluster =
                    at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(); // "...Z"
            String other = odt.toString(); // any offset, any fraction length (or none)
            for (String text : new String[] {stored, taskcluster, other}) {
                assertThat(RowBuilder.fastTime(text))
                        .as(text)
                        .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
            }
        }
    }

    @Test
    void fastTimeLeavesOtherFormsToTheGeneralParser() {
        for (String text : new String[] {
            "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01 12:00:00Z",
            "2026-03-01T12:00:00", "2026-03-01T12:00:00.Z", "2026-03-01T12:00:00+0100", "x026-03-01T12:00:00Z"
        }) {
            assertThat(RowBuilder.fastTime(text)).as(text).isNull();
        }
        assertThat(RowBuilder.time("2026-02-30T00:00:00Z")).isNull();
        assertThat(RowBuilder.time("2024-02-29T00:00:00Z")).isEqualTo("2024-02-29T00:00:00Z");
    }

    @Test
    void puppetLastShowsFailAndOsShowsDashForOthers() {
        Observation o = ok(HOST, minutes(2), state(s -> s.os("FreeBSD").puppet(ago(minutes(90)), false)));
        MonitorRow row = row(records(HOST, o, o, null));
        Observation never = ok(HOST, minutes(2), state(s -> s.puppet(null, false)));

        assertThat(Column.PP_LAST.text(row)).isEqualTo("1h 30m FAIL");
        assertThat(Column.PP_LAST.value(row)).isEqualTo(CellValue.text("FAIL")); // what pp_last=fail finds
        assertThat(Column.PP_LAST.text(row(records(HOST, never, never, null)))).isEqualTo("FAIL");
        assertThat(Column.OS.text(row)).isEqualTo("-");
        assertThat(Column.OS.value(row)).isEqualTo(CellValue.MISSING);
        assertThat(Column.OS.text(row(records(HOST, o, o, null)))).isEqualTo("-");
    }

    @Test
    void missingRoleAndVaultShowDashes() {
        Observation o = ok(HOST, minutes(2), state(s -> s.role(null).vault(null)));
        MonitorRow row = row(records(HOST, o, o, null));

        assertThat(Column.ROLE.text(row)).isEqualTo("-");
        assertThat(Column.VLT_SHA.text(row)).isEqualTo("-");
        assertThat(Column.ROLE.value(row)).isEqualTo(CellValue.MISSING);
    }

    @Nested
    class Applied_ {
        Applied applied(Fixtures.StateBuilder s) {
            Observation o = ok(HOST, minutes(2), s.build());
            return row(records(HOST, o, o, null)).applied();
        }

        Fixtures.StateBuilder withOverride() {
            return new Fixtures.StateBuilder().override(SHA_A, ago(Duration.ofHours(2)));
        }

        @Test
        void isDashWithoutAnOverride() {
            assertThat(applied(new Fixtures.StateBuilder())).isEqualTo(Applied.NO_OVERRIDE);
        }

        @Test
        void isYesWhenRunMetadataNamesThisOverrideAndTheRunSucceeded() {
            assertThat(applied(withOverride().applied(SHA_A))).isEqualTo(Applied.YES);
        }

        @Test
        void isNoWhenRunMetadataNamesAnotherOverride() {
            assertThat(applied(withOverride().applied(SHA_B))).isEqualTo(Applied.NO);
        }

        @Test
        void isNoWhenRunMetadataNamesNoOverride() {
            assertThat(applied(withOverride().applied(null))).isEqualTo(Applied.NO);
        }

        @Test
        void isNoWhenTheRunThatAppliedItFailed() {
            assertThat(applied(withOverride().applied(SHA_A).puppet(ago(minutes(5)), false)))
                    .isEqualTo(Applied.NO);
        }

        @Test
        void withoutMetadataIsYesWhenASuccessfulRunIsNewerThanTheFile() {
            assertThat(applied(withOverride().withoutMetadata().puppet(ago(minutes(5)), true)))
                    .isEqualTo(Applied.YES);
        }

        @Test
        void withoutMetadataIsNoWhenTheFileIsNewerThanTheLastRun() {
            assertThat(applied(withOverride().withoutMetadata().puppet(ago(Duration.ofHours(3)), true)))
                    .isEqualTo(Applied.NO);
        }

        @Test
        void withoutMetadataIsNoWhenTheNewerRunFailed() {
            assertThat(applied(withOverride().withoutMetadata().puppet(ago(minutes(5)), false)))
                    .isEqualTo(Applied.NO);
        }

        @Test
        void withoutMetadataIsNoWhenTheRunTimeIsUnknown() {
            assertThat(applied(withOverride().withoutMetadata().puppet(null, true)))
                    .isEqualTo(Applied.NO);
        }
    }

    @Nested
    class Healthy {
        Health health(Observation latest, Observation ok, WorkerRecord w) {
            return row(records(HOST, latest, ok, w)).healthy();
        }

        Health health(Fixtures.StateBuilder s, WorkerRecord w) {
            Observation o = ok(HOST, minutes(2), s.build());
            return health(o, o, w);
        }

        @Test
        void isYesWhenEveryCheckHolds() {
            assertThat(health(new Fixtures.StateBuilder(), worker(SHORT))).isEqualTo(Health.YES);
        }

        @Test
        void isYesWithAnAppliedOverride() {
            assertThat(health(
                            new Fixtures.StateBuilder()
                                    .override(SHA_A, ago(Duration.ofHours(2)))
                                    .applied(SHA_A),
                            worker(SHORT)))
                    .isEqualTo(Health.YES);
        }

        @Test
        void isNoWhenTheAuditIsAnHourOld() {
            Observation o = ok(HOST, Duration.ofHours(1), state());
            assertThat(health(o, o, worker(SHORT))).isEqualTo(Health.NO);
            Observation fresh = ok(HOST, Duration.ofMinutes(59), state());
            assertThat(health(fresh, fresh, worker(SHORT))).isEqualTo(Health.YES);
        }

        @Test
        void isNoWhenTheNewestAuditFailed() {
            Observation good = ok(HOST, minutes(5), state());
            assertThat(health(failed(HOST, minutes(1), "timed_out", ""), good, worker(SHORT)))
                    .isEqualTo(Health.NO);
        }

        @Test
        void isNoWhenPuppetFailed() {
            assertThat(health(new Fixtures.StateBuilder().puppet(ago(minutes(5)), false), worker(SHORT)))
                    .isEqualTo(Health.NO);
        }

        @Test
        void isNoWhenTheOverrideIsNotApplied() {
            assertThat(health(
                            new Fixtures.StateBuilder()
                                    .override(SHA_A, ago(Duration.ofHours(2)))
                                    .applied(SHA_B),
                            worker(SHORT)))
                    .isEqualTo(Health.NO);
        }

        @Test
        void isNoWhenTheWorkerWasLastActiveAnHourAgo() {
            assertThat(health(new Fixtures.StateBuilder(), worker(SHORT, w -> w.lastActive(ago(Duration.ofHours(1))))))
                    .isEqualTo(Health.NO);
        }

        @Test
        void isNoWhileQuarantined() {
            assertThat(health(new Fixtures.StateBuilder(), worker(SHORT, w -> w.quarantineUntil(NOW.plusSeconds(5)))))
                    .isEqualTo(Health.NO);
        }

        @Test
        void isUnknownWithoutTaskclusterData() {
            assertThat(health(new Fixtures.StateBuilder(), null)).isEqualTo(Health.UNKNOWN);
            assertThat(health(new Fixtures.StateBuilder(), worker(SHORT, w -> w.lastActive(null))))
                    .isEqualTo(Health.UNKNOWN);
        }

        @Test
        void isUnknownWhenPuppetsResultIsUnknown() {
            assertThat(health(new Fixtures.StateBuilder().puppet(ago(minutes(5)), null), worker(SHORT)))
                    .isEqualTo(Health.UNKNOWN);
        }

        @Test
        void isUnknownForAHostNeverAudited() {
            assertThat(health(null, null, worker(SHORT))).isEqualTo(Health.UNKNOWN);
        }

        @Test
        void aKnownProblemOutweighsMissingData() {
            assertThat(health(null, null, worker(SHORT, w -> w.quarantineUntil(NOW.plusSeconds(5)))))
                    .isEqualTo(Health.NO);
        }
    }

    @Test
    void mergingANewerObservationReplacesOnlyWhatItIsNewerThan() {
        Observation good = ok(HOST, minutes(10), state());
        Observation bad = failed(HOST, minutes(1), "timed_out", "");
        Observation older = ok(HOST, minutes(20), state());
        HostRecords r = records(HOST, good, good, null);

        HostRecords afterFailure = r.with(bad);
        assertThat(afterFailure.latest()).isEqualTo(bad);
        assertThat(afterFailure.latestSuccessful()).isEqualTo(good);
        assertThat(afterFailure.with(older)).isEqualTo(afterFailure);

        WorkerRecord w1 = worker(SHORT, w -> w.fetched(ago(minutes(5))));
        WorkerRecord w2 = worker(SHORT, w -> w.fetched(ago(minutes(1))));
        assertThat(r.with(w2).with(w1).worker()).isEqualTo(w2);
    }

    @Test
    void everyColumnHasATextAndAValueForEveryKindOfRow() {
        Observation o = ok(HOST, minutes(2), state());
        Map<String, MonitorRow> rows = Map.of(
                "ok", row(records(HOST, o, o, worker(SHORT))),
                "never", row(records(HOST, null, null, null)),
                "failed", row(records(HOST, failed(HOST, minutes(1), null, null), null, null)));
        rows.forEach((kind, row) -> {
            for (Column c : Column.values()) {
                assertThat(c.text(row)).as(kind + " " + c).isNotEmpty();
                assertThat(c.value(row)).as(kind + " " + c).isNotNull();
            }
        });
    }
}
