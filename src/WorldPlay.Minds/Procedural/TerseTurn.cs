using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Procedural;

/// <summary>One turn of the terse user: a back-channel line from <see cref="UserPhrases.Terse"/> for whoever spoke to it,
/// never its own last line twice running, never a proposal. The characters must carry the scene alone.</summary>
internal static class TerseTurn
{
    public static CharacterAction Decide(Perspective p, string mindName)
    {
        if (p.Cue.Offstage)
        {
            return UserReading.Silent(mindName);
        }
        var random = UserReading.RandomFor(p, mindName);
        var focus = UserReading.Addressee(p, random);
        var last = UserReading.OwnLines(p).LastOrDefault();
        var fresh = UserPhrases.Terse.Where(t => t != last).ToList();
        return new CharacterAction(fresh[random.Next(fresh.Count)], "", focus is null ? [] : [focus.Id], [], MindUsage.Free(mindName));
    }
}
