using System.Collections.Immutable;

namespace WorldPlay.Minds;

/// <summary>How a simulated user likes a story to go.</summary>
public enum UserStyle
{
    /// <summary>Emotional and personal: lingers on one character, asks about feelings and the past, small gestures.</summary>
    SlowBurn,

    /// <summary>Pushes the plot: secrets, items, places to go, things to do; now and then tries what the world forbids.</summary>
    FastPlot,

    /// <summary>Answers only "ok", "hmm", "sure", "...", "go on": the characters must carry the scene alone.</summary>
    Terse,

    /// <summary>Plays an <see cref="AdversarialSituation"/> (anti-Turing, fights, rudeness, ...) for its turns, then goes on as
    /// slow-burn.</summary>
    Adversarial,

    /// <summary>Plays like slow-burn, but every few turns speaks another language than the setting's.</summary>
    LanguageSwitching,

    /// <summary>Plays like slow-burn, but early on plants relatives, friends, places and items with its ties to them (proposals
    /// the laws judge, said in words too), and tens to hundreds of turns later asks the characters about them.</summary>
    CoCreator,
}

/// <summary>A simulated user's profile: a style, and for <see cref="UserStyle.Adversarial"/> the situation it plays
/// (<see cref="AdversarialSituation.Default"/> when none is given). Its <see cref="Name"/> is what follows <c>user-sim:</c> in a
/// mind's name: <c>slow-burn</c>, <c>fast-plot</c>, <c>terse</c>, <c>language-switching</c>, <c>co-creator</c>,
/// <c>adversarial</c> (the default situation) and <c>adversarial:{first tag}</c> for a given situation.</summary>
public sealed record UserProfile(UserStyle Style, AdversarialSituation? Situation = null)
{
    /// <summary>The situation an adversarial user plays; null for every other style.</summary>
    public AdversarialSituation? Situation { get; } = Style == UserStyle.Adversarial
        ? Situation ?? AdversarialSituation.Default
        : Situation is null ? null
        : throw new ArgumentException($"Only an adversarial user plays a situation; {Style} takes none.", nameof(Situation));

    /// <summary>Whether the situation was given rather than defaulted: it then shows in the name.</summary>
    private bool NamesSituation { get; } = Style == UserStyle.Adversarial && Situation is not null;

    /// <summary>The profile of an adversarial user playing <paramref name="situation"/>.</summary>
    public static UserProfile Adversarial(AdversarialSituation situation) =>
        new(UserStyle.Adversarial, situation ?? throw new ArgumentNullException(nameof(situation)));

    /// <summary>Every profile a mind catalog offers by name: the six styles, and an adversarial user per built-in
    /// situation.</summary>
    public static ImmutableArray<UserProfile> All { get; } =
    [
        new(UserStyle.SlowBurn), new(UserStyle.FastPlot), new(UserStyle.Terse), new(UserStyle.LanguageSwitching),
            new(UserStyle.CoCreator), new(UserStyle.Adversarial),
        .. AdversarialSituation.BuiltIn.Select(Adversarial),
    ];

    public string Name => Style switch
    {
        UserStyle.SlowBurn => "slow-burn",
        UserStyle.FastPlot => "fast-plot",
        UserStyle.Terse => "terse",
        UserStyle.LanguageSwitching => "language-switching",
        UserStyle.CoCreator => "co-creator",
        _ => NamesSituation ? $"adversarial:{Situation!.Tag}" : "adversarial",
    };
}
