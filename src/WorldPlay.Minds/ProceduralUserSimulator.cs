using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;

namespace WorldPlay.Minds;

/// <summary>A deterministic, offline stand-in for the user of a scene, for self-play, tests and load tests. It plays the
/// user's own character only, always speaks to a character present, and never speaks or acts for anyone else. Named
/// <c>user-sim:{profile}</c> (see <see cref="UserProfile.Name"/>): <c>user-sim:terse</c>, <c>user-sim:adversarial:fight</c>, ...</summary>
public sealed class ProceduralUserSimulator(UserProfile profile) : IMind
{
    public ProceduralUserSimulator(UserStyle style)
        : this(new UserProfile(style))
    {
    }

    public UserProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    public UserStyle Style => Profile.Style;

    public string Name => "user-sim:" + Profile.Name;

    public Task<CharacterAction> DecideAsync(Perspective perspective, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decide(perspective));
    }

    /// <summary>The user's action for <paramref name="perspective"/>, synchronously.</summary>
    public CharacterAction Decide(Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        return Style switch
        {
            UserStyle.Terse => TerseTurn.Decide(perspective, Name),
            UserStyle.Adversarial => AdversaryTurn.Decide(perspective, Profile.Situation!, Name),
            UserStyle.LanguageSwitching => LanguageSwitchTurn.Decide(perspective, Name),
            UserStyle.CoCreator => CoCreatorTurn.Decide(perspective, Name),
            _ => new UserTurn(perspective, Style, Name).Decide(),
        };
    }
}
