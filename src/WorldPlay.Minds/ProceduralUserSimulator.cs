using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds;

/// <summary>How a simulated user likes a story to go.</summary>
public enum UserStyle
{
    /// <summary>Emotional and personal: lingers on one character, asks about feelings and the past, small gestures.</summary>
    SlowBurn,

    /// <summary>Pushes the plot: secrets, items, places to go, things to do; now and then tries what the world forbids.</summary>
    FastPlot,
}

/// <summary>A deterministic, offline stand-in for the user of a scene, for self-play, tests and load tests. It plays the
/// user's own character only, always speaks to a character present by name, and never speaks or acts for anyone else.</summary>
public sealed class ProceduralUserSimulator(UserStyle style) : IMind
{
    public UserStyle Style { get; } = style;

    public string Name => Style == UserStyle.SlowBurn ? "user-sim:slow-burn" : "user-sim:fast-plot";

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decide(perspective));
    }

    /// <summary>The user's action for <paramref name="perspective"/>, synchronously.</summary>
    public CharacterAction Decide(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        return new UserTurn(perspective, Style, Name).Decide();
    }
}
