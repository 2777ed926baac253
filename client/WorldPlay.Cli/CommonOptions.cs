using System.Collections.Immutable;
using System.CommandLine;
using WorldPlay.Core;

namespace WorldPlay.Cli;

/// <summary>The options and defaults the command families share, so that every command that plays a scene speaks one
/// vocabulary: who plays (<c>--mind</c>, <c>--user</c>), how long, and the range checks of their numbers.</summary>
internal static class CommonOptions
{
    /// <summary>Who can play the characters (and, where a command offers it, the users): <c>--mind</c> and <c>--user-mind</c>.</summary>
    internal static readonly IReadOnlyList<string> Minds = ["procedural", "openai"];

    /// <summary>Turns a scene plays unless --turns says otherwise, in every command that plays one (simulate, serve,
    /// bench run, load).</summary>
    internal const int DefaultTurns = 100;

    /// <summary>The seed of simulate and serve unless --seed says otherwise (bench run plays seeds 1 to --repeats).</summary>
    internal const int DefaultSeed = 1;

    /// <summary><c>--turns</c> (<c>-n</c>): how many turns a scene plays, 1 to 100000, <see cref="DefaultTurns"/> unless
    /// given; <paramref name="description"/> says what counts as a turn in the command at hand.</summary>
    internal static Option<int> TurnsOption(string description)
    {
        var turns = new Option<int>("--turns", "-n")
        {
            Description = description,
            DefaultValueFactory = _ => DefaultTurns,
        };
        WithinRange(turns, 1, 100_000);
        return turns;
    }

    /// <summary><c>--seed</c> (<c>-s</c>): the scene's seed, <see cref="DefaultSeed"/> unless given.</summary>
    internal static Option<int> SeedOption(string description) =>
        new("--seed", "-s")
        {
            Description = description,
            DefaultValueFactory = _ => DefaultSeed,
        };

    /// <summary><c>--user</c>: the user-simulator profile, in simulate, serve and load alike.</summary>
    internal static Option<string> UserOption()
    {
        var user = new Option<string>("--user")
        {
            Description = "How the simulated user plays: slow-burn (emotional, lingering), fast-plot (pushes the story, tests the laws), "
                + "terse (only 'ok', 'hmm', ...), language-switching (now and then another language), "
                + "co-creator (plants relatives, places and items early, asks about them later), adversarial (the anti-Turing test) "
                + "or adversarial:TAG for another built-in situation ("
                + string.Join(", ", WorldPlay.Minds.AdversarialSituation.BuiltIn.Select(s => s.Tag)) + ").",
            DefaultValueFactory = _ => "slow-burn",
        };
        Spellings.OneOf(user, [.. WorldPlay.Minds.UserProfile.All.Select(p => p.Name)]);
        user.HelpName = "profile";
        return user;
    }

    /// <summary>Refuses a number outside [min, max]; a value that is not a number is already refused by the parser.</summary>
    internal static void WithinRange(Option<int> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token]
                && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                r.AddError($"{option.Name} must be between {min} and {max} (got {value}).");
            }
        });

    /// <summary>The language model settings for --mind openai (checked before anything starts), or null for the procedural mind.</summary>
    internal static WorldPlay.Minds.Llm.LlmMindOptions? LanguageModel(
        string mind, string? endpoint, string? model, string[] characterModels, int timeoutSeconds = 60)
    {
        if (mind != "openai")
        {
            return endpoint is null && model is null && characterModels.Length == 0
                ? null
                : throw new ArgumentException("--endpoint, --model and --character-model go with --mind openai; the procedural mind " +
                    "needs none of them.");
        }
        var castings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var casting in characterModels)
        {
            var parts = casting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !EntityId.IsSlug(parts[0]) || parts[1].Length == 0)
            {
                throw new ArgumentException($"--character-model '{casting}' is not CHARACTER=MODEL, such as oren=gpt-4o-mini.");
            }
            castings[parts[0]] = parts[1];
        }
        var options = new WorldPlay.Minds.Llm.LlmMindOptions
        {
            Endpoint = endpoint is null
                ? throw new ArgumentException("--mind openai needs --endpoint, e.g. --endpoint http://127.0.0.1:8080/v1 (run 'worldplay " +
                    "fake-llm' for a local one).")
                : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--endpoint '{endpoint}' " +
                    "is not an absolute address such as http://127.0.0.1:8080/v1."),
            Model = model ?? throw new ArgumentException("--mind openai needs --model, the name of a model the endpoint serves."),
            CharacterModels = castings.ToImmutableSortedDictionary(StringComparer.Ordinal),
            AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };
        options.Validate();
        return options;
    }

}
