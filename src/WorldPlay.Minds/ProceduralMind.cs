using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds;

/// <summary>A deterministic, offline character mind built from a phrase grammar: speech in the persona's voice that answers
/// the line heard, names those present by their ties, and ends on a hook; now and then a proposed change to the world.
/// The same perspective (seed included) always gives the same action. Not a language model.</summary>
/// <remarks>Constructed with a <see cref="ProceduralStyle"/>, it plays that style profile and is named
/// <c>procedural:{style}</c>.</remarks>
public sealed class ProceduralMind : IMind
{
    internal const string MindName = "procedural";

    private readonly ProceduralStyle? _style;

    public ProceduralMind()
    {
    }

    public ProceduralMind(ProceduralStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        _style = style;
    }

    public string Name => _style is null ? MindName : $"{MindName}:{_style.Name}";

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_style is null || perspective.Cue.Offstage ? Decide(perspective) : _style.Decide(perspective));
    }

    /// <summary>The action for <paramref name="perspective"/>, synchronously.</summary>
    public static CharacterAction Decide(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        if (perspective.Cue.Offstage)
        {
            return WalkBack(perspective);
        }
        return CreationTalk.Amend(perspective, new CharacterTurn(perspective).Decide());
    }

    /// <summary>The exit that leads back toward the scene: the scene's place when it is next door, otherwise the nearest
    /// exit (fewest minutes, then id); null when already there or there is no way out. A perspective holds exits, not the
    /// map, so the grain that knows the map may give a better next step.</summary>
    public static EntityId? WayBack(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        if (perspective.Place.Id == perspective.Cue.ScenePlace)
        {
            return null;
        }
        var exits = perspective.Place.Exits.IsDefault ? [] : perspective.Place.Exits;
        if (exits.Any(e => e.To == perspective.Cue.ScenePlace))
        {
            return perspective.Cue.ScenePlace;
        }
        return exits.OrderBy(e => e.Minutes).ThenBy(e => e.To).Select(e => (EntityId?)e.To).FirstOrDefault();
    }

    /// <summary>A step back toward the scene, narrated so the scene sees it: the arrival goes to whoever spoke last there,
    /// so the return hands the scene a next move instead of an empty turn. The wording rotates, so a character who comes
    /// and goes does not repeat itself.</summary>
    private static CharacterAction WalkBack(Perspective perspective)
    {
        if (WayBack(perspective) is not { } next)
        {
            return new("", "", [], [], MindUsage.Free(MindName));
        }
        var chinese = perspective.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var arriving = next == perspective.Cue.ScenePlace;
        var pool = (arriving, perspective.Cue.AnswerTo is null, chinese) switch
        {
            (true, false, false) => ArriveToward,
            (true, true, false) => Arrive,
            (false, _, false) => HeadBack,
            (true, false, true) => ArriveTowardZh,
            (true, true, true) => ArriveZh,
            (false, _, true) => HeadBackZh,
        };
        // The Chinese pools walk through their lines by the turn instead (a step of two turns, sixteen arrivals), so one
        // character coming and going does not arrive the same way twice within thirty turns.
        var index = chinese ? perspective.Turn / 2 % pool.Length : (int)((uint)perspective.Cue.Seed % (uint)pool.Length);
        var narration = pool[index]
            .Replace("{self}", Naming.Short(perspective.Persona.Name), StringComparison.Ordinal)
            .Replace("{scene}", chinese ? perspective.Cue.ScenePlaceName : Naming.Definite(perspective.Cue.ScenePlaceName),
                StringComparison.Ordinal)
            .Replace("{who}", Naming.Short(perspective.Cue.AnswerTo?.SpeakerName ?? ""), StringComparison.Ordinal);
        return new("", narration, [], [Proposal.Of(perspective.Self, new Moved(next))], MindUsage.Free(MindName));
    }

    private static readonly string[] ArriveToward =
    [
        "{self} comes back into {scene} and crosses to {who}.",
        "{self} is back, and goes straight to {who}.",
        "{self} returns and takes a place beside {who}.",
        "{self} slips in again and finds {who}.",
        "{self} walks back in, eyes on {who}.",
    ];

    private static readonly string[] Arrive = ["{self} comes back in.", "{self} is back.", "{self} returns, quietly."];
    private static readonly string[] HeadBack = ["{self} heads back toward {scene}.", "{self} turns for {scene} again."];

    private static readonly string[] ArriveTowardZh =
    [
        "{self}回到{scene}，走到{who}身边。",
        "{self}回来了，径直走向{who}。",
        "{self}又进来了，在{who}旁边站定。",
        "{self}掀帘进来，朝{who}走过去。",
        "{self}回到{scene}，目光落在{who}身上。",
        "{self}悄悄回来，找到了{who}。",
        "{self}推门而入，在{who}身旁坐下。",
        "{self}抖了抖身上的雨水，走向{who}。",
        "{self}快步回来，站到{who}跟前。",
        "{self}回来时，第一眼就看向{who}。",
        "{self}重新走进{scene}，挨着{who}坐下。",
        "{self}绕过桌椅，回到{who}旁边。",
        "{self}轻手轻脚地进来，拍了拍{who}的肩。",
        "{self}回来了，冲{who}点了点头。",
        "{self}一进门就朝{who}走去。",
        "{self}折返回来，停在{who}面前。",
    ];

    private static readonly string[] ArriveZh =
    [
        "{self}回来了。", "{self}又进来了。", "{self}悄悄回来了。", "{self}推门进来。", "{self}回到了{scene}。",
        "{self}掀开帘子走了进来。", "{self}带着一身凉气回来了。", "{self}不声不响地回来了。", "{self}快步走了回来。",
        "{self}重新出现在门口。", "{self}回来了，在老位置坐下。", "{self}进门，拍了拍衣上的灰。", "{self}又回到了{scene}。",
        "{self}慢慢踱了回来。", "{self}回来了，神色如常。", "{self}折了回来。",
    ];

    private static readonly string[] HeadBackZh =
    [
        "{self}朝{scene}走回去。", "{self}转身往{scene}去。", "{self}往回赶，去{scene}。", "{self}加快脚步回{scene}。",
        "{self}顺着原路往{scene}走。", "{self}想了想，还是回{scene}去。", "{self}拐了个弯，往{scene}去了。",
        "{self}匆匆往{scene}赶。",
    ];
}
