using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the adversarial user: the next beat of its situation's lines (<see cref="AdversaryPhrases"/>) for
/// the situation's turns, then slow-burn. Which beat comes next is read from the user's own last line: no line yet is the
/// first beat, a line of beat k asks for beat k + 1, and any other line means the situation is over. A situation longer
/// than the written beats (eight per tag) ends with its last beat.</summary>
internal static class AdversaryTurn
{
    public static CharacterAction Decide(Perspective p, AdversarialSituation situation, string mindName)
    {
        if (p.Cue.Offstage)
        {
            return UserReading.Silent(mindName);
        }
        var beats = AdversaryPhrases.For(situation);
        var random = UserReading.RandomFor(p, mindName);
        var step = NextBeat(p, beats);
        // With nobody to provoke the situation cannot be played; the slow-burn user calls out instead.
        if (step >= Math.Min(situation.NumTurns, beats.Length) || UserReading.Addressee(p, random) is not { } focus)
        {
            return new UserTurn(p, UserStyle.SlowBurn, mindName).Decide();
        }
        var line = UserReading.Fill(beats[step][random.Next(beats[step].Length)], focus.Name);
        return new CharacterAction(line, "", [focus.Id], [], MindUsage.Free(mindName));
    }

    /// <summary>The beat to play now; <c>int.MaxValue</c> once the user said anything that is not a beat.</summary>
    internal static int NextBeat(Perspective p, string[][] beats)
    {
        if (UserReading.OwnLines(p) is not [.., var last])
        {
            return 0;
        }
        for (var beat = beats.Length - 1; beat >= 0; beat--)
        {
            if (beats[beat].Any(variant => UserReading.Matches(variant, last)))
            {
                return beat + 1;
            }
        }
        return int.MaxValue;
    }
}
