using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>A played session as the bench reads it: its turns as transcript lines, and whether its simulated user held up.</summary>
public static class SessionTranscript
{
    /// <summary>The mind name the scene grain records for a scripted line (the scenario's opening message).</summary>
    public const string ScriptedMind = "script";

    /// <summary>The transcript of <paramref name="session"/>: one line per turn, speech first and the turn's narration after it in
    /// <c>*asterisks*</c> (the role-play convention for actions), with the turn's accepted world events.</summary>
    public static Transcript From(SelfPlaySession session, IReadOnlyList<TurnRecord> turns)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(turns);
        var lines = turns.Select(t => new TranscriptLine(
            t.Turn,
            t.SpeakerName,
            t.Role switch
            {
                TurnRole.User => SpeakerRole.User,
                TurnRole.Narrator => SpeakerRole.Narrator,
                _ => SpeakerRole.Npc,
            },
            Text(t),
            t.Accepted.IsDefault ? [] : t.Accepted) { Given = t.Usage.Mind == ScriptedMind }).ToImmutableArray();
        return new Transcript(session.Name, BenchSetting.FromWorld(session.Scenario.World, session.Scenario.SceneId), lines);
    }

    /// <summary>How the session's simulated user broke (spoke as a character, looped), or null when it held up.</summary>
    public static UserSimulatorBreak? UserBreak(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var npcNames = transcript.Setting?.Characters.Where(c => !c.IsUser).SelectMany(c => c.Names).ToList()
            ?? [.. transcript.NpcLines.Select(l => l.Speaker).Distinct(StringComparer.Ordinal)];
        var userName = transcript.Setting?.UserName ?? transcript.Lines.FirstOrDefault(l => l.Role == SpeakerRole.User)?.Speaker ?? "";
        var lines = transcript.Lines.Select(l => (l.Role.ToString(), l.Speaker, l.Text)).ToList();
        return UserSimulatorBreak.Detect(lines, userName, npcNames);
    }

    /// <summary>Writes <paramref name="transcript"/> to <paramref name="path"/>, after a world line with the scenario's world file when
    /// there is one.</summary>
    public static void Write(Transcript transcript, SelfPlaySession session, string path)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(session);
        using var file = new StreamWriter(path);
        var writer = new TranscriptWriter(file);
        if (session.Scenario.WorldJson() is { } worldObject)
        {
            writer.WriteWorld(worldObject, session.Scenario.SceneId);
        }
        writer.WriteAll(transcript.Lines);
    }

    private static string Text(TurnRecord turn)
    {
        var speech = turn.Speech.Trim();
        var narration = turn.Narration.Trim();
        return (speech.Length, narration.Length) switch
        {
            (_, 0) => speech,
            (0, _) => $"*{narration}*",
            _ => $"{speech} *{narration}*",
        };
    }
}
