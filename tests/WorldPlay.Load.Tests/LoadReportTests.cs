using System.Collections.Immutable;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Load.Tests;

/// <summary>Reports over two sessions of three turns that took 1, 2 and 3 ms each, played in two seconds; the second session's
/// last turn is missing from storage.</summary>
public sealed class LoadReportTests
{
    private static LoadReport Report(int? duration = null, SiloKill? kill = null, ImmutableArray<string> problems = default)
    {
        // Only a cluster's silo can be killed.
        var cluster = kill is null ? null : new FileInfo("cluster.json");
        var request = new LoadRequest(2, 3, 2, "harbor", null, null, 0, duration, kill is null ? null : 50, cluster);
        var scene = LoadWorld.Trimmed(WorldFiles.Load("harbor"), 2).Scene;
        var meter = new LoadMeter();
        var sessions = new[] { new SessionLedger(1, "w1", "w1/s"), new SessionLedger(2, "w2", "w2/s") };
        foreach (var session in sessions)
        {
            var turns = Played.Ramp(3);
            foreach (var turn in turns)
            {
                session.Acknowledge(turn.Turn);
            }
            (session.HighestAsked, session.End) = (session.Number, SessionEnd.Completed);
            meter.Played(turns, TimeSpan.FromMilliseconds(7));
        }
        meter.Tick(TimeSpan.FromSeconds(1));
        meter.Tick(TimeSpan.FromSeconds(2));
        SessionVerdict[] verdicts = [new(3, 0, []), new(2, 1, problems.IsDefault ? [] : problems)];
        return new LoadReport(
            request, scene, sessions, verdicts, meter, TimeSpan.FromSeconds(2), kill, [], 0, embedded: kill is null, new ModelUsageTally());
    }

    [Fact]
    public void TurnsRequested_WithoutDuration_IsSessionsTimesTurns() => Assert.Equal(6, Report().TurnsRequested);

    [Fact]
    public void TurnsRequested_WithDuration_IsWhatTheSessionsAskedForInTime() => Assert.Equal(3, Report(duration: 60).TurnsRequested);

    [Fact]
    public void LostTurns_OneSessionMissingATurn_IsOne() => Assert.Equal(1, Report().LostTurns);

    [Fact]
    public void Closing_NoProblem_SaysEveryNumberOnOneLine() =>
        Assert.Equal(
            "load: 2 sessions, 6 turns acknowledged of 6 requested, 5 stored, lostTurns 1, errors 0, 3.0 turns/s, " +
            "p50 2 ms, p99 3 ms, max 3 ms.",
            Report().Closing());

    [Fact]
    public void Closing_TimelineProblem_NamesTheFirst() =>
        Assert.EndsWith(
            "; 2 timeline problem(s), first: gap at 2",
            Report(problems: ["gap at 2", "gap at 5"]).Closing());

    [Fact]
    public void Json_TwoSessions_CountsThemCompleted() => Assert.Equal(2, Report().Json()["sessionsCompleted"]!.GetValue<int>());

    [Fact]
    public void Json_Embedded_SaysSo() => Assert.Equal("embedded", Report().Json()["target"]!.GetValue<string>());

    [Fact]
    public void Json_ProceduralMind_HasNoModelSection() => Assert.Null(Report().Json()["model"]);

    [Fact]
    public void Json_NoKill_HasNoSiloKill() => Assert.Null(Report().Json()["siloKill"]);

    [Fact]
    public void Json_Kill_SaysWhichSiloAndWhen() =>
        Assert.Equal(
            """{"atSeconds":1.5,"silo":2,"pid":4242,"activations":30,"turnsAcknowledged":3}""",
            Report(kill: new SiloKill(1.5, 2, 4242, 30, 3)).Json()["siloKill"]!.ToJsonString());

    [Fact]
    public void Json_TwoTicks_TimelineHasTwoPoints() => Assert.Equal(2, Report().Json()["timeline"]!.AsArray().Count);

    [Fact]
    public void Html_Kill_MarksItOnThePlots() =>
        Assert.Contains("silo killed at 1.5 s", LoadPage.Html(Report(kill: new SiloKill(1.5, 2, 4242, 30, 3))), StringComparison.Ordinal);

    [Fact]
    public void Html_Always_HasNoScript() =>
        Assert.DoesNotContain("<script", LoadPage.Html(Report()), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Html_Always_StartsWithTheClosingLine() =>
        Assert.Contains($"<p>{Report().Closing()}</p>", LoadPage.Html(Report()), StringComparison.Ordinal);
}
