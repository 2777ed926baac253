using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Minds;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>Reads the preference signals a silo already holds: every choice a world family recorded
/// (<see cref="IWorldFamilyGrain.Preferences"/>), completed from the family's branch tree and the scenes' transcripts with the
/// user group, the candidates' order, whether the turn was a pivot, and how the session went on after it.</summary>
public sealed class SignalCollector(IGrainFactory grains)
{
    /// <summary>Lines of context kept with a signal (and read by the quality floor).</summary>
    public const int ContextLines = 12;

    /// <summary>The group of a scene a person played (no user simulator).</summary>
    public const string PersonGroup = "person";

    /// <summary>The signals of every world family in the silo's catalog, family by family; <paramref name="progress"/> hears of each
    /// family read.</summary>
    public async Task<ImmutableArray<ChoiceSignal>> FromCatalogAsync(
        Action<string, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var roots = await grains.GetGrain<IWorldCatalogGrain>(IWorldCatalogGrain.Key).Worlds();
        return await FromFamiliesAsync(roots, null, progress, cancellationToken);
    }

    /// <summary>The signals of the families rooted at <paramref name="roots"/>; <paramref name="scenarioOf"/> names each root's
    /// scenario (default: the world's setting id).</summary>
    public async Task<ImmutableArray<ChoiceSignal>> FromFamiliesAsync(
        IEnumerable<string> roots, Func<string, string?>? scenarioOf, Action<string, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var all = ImmutableArray.CreateBuilder<ChoiceSignal>();
        foreach (var root in roots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var family = await FromFamilyAsync(root, scenarioOf?.Invoke(root));
            all.AddRange(family);
            progress?.Invoke(root, family.Length);
        }
        return all.ToImmutable();
    }

    /// <summary>The signals of the family rooted at <paramref name="root"/>, oldest first.</summary>
    public async Task<ImmutableArray<ChoiceSignal>> FromFamilyAsync(string root, string? scenario = null)
    {
        var family = grains.GetGrain<IWorldFamilyGrain>(root);
        var recorded = await family.Preferences();
        if (recorded.IsEmpty)
        {
            return [];
        }
        var tree = new BranchTree(await family.Branches());
        var definition = (await grains.GetGrain<IWorldGrain>(root).Definition()).Definition;
        var transcripts = new Dictionary<string, ImmutableArray<TurnRecord>>(StringComparer.Ordinal);
        var signals = ImmutableArray.CreateBuilder<ChoiceSignal>();
        foreach (var signal in recorded)
        {
            var options = (await grains.GetGrain<ISceneGrain>(signal.Chosen.Scene).Setup()).Options;
            var setting = BenchSetting.FromWorld(definition, options.SceneId);
            var session = await SessionSceneAsync(tree, signal, options.SceneId);
            if (!transcripts.TryGetValue(session, out var turns))
            {
                turns = await TranscriptAsync(session);
                transcripts[session] = turns;
            }
            var first = new[] { signal.Chosen }.Concat(signal.Rejected).FirstOrDefault(o => tree.Position(o.World, signal.Turn) == 0)
                ?? signal.Chosen;
            var answered = (await grains.GetGrain<ISceneGrain>(first.Scene).Transcript(Math.Max(1, signal.Turn - 1), 2)).Turns
                .Where(t => t.Turn == signal.Turn || (t.Turn == signal.Turn - 1 && t.Role == TurnRole.User))
                .SelectMany(t => t.Accepted.IsDefault ? [] : t.Accepted)
                .ToList();
            var pivots = answered.Select(e => e.Change.Kind).Where(ChoicePolicy.PivotKinds.Contains).Distinct().Order().ToImmutableArray();
            var kept = turns.FirstOrDefault(t => t.Turn == signal.Turn);
            var path = tree.PathTo(WorldOf(session));
            var read = recorded.Where(s => path.Contains(s.Chosen.World) && s.Turn <= turns.Length)
                .SelectMany(s => s.Rejected.Select(r => r.Text));
            signals.Add(new ChoiceSignal(
                scenario ?? definition.Setting.Id,
                root,
                signal.Chosen.World,
                signal.Chosen.Scene,
                session,
                signal.Turn,
                kept?.SpeakerName ?? signal.Speaker.Value,
                setting.LanguageTag,
                setting.UserName,
                GroupOf(options.UserMind),
                signal.Prompt,
                [.. turns.Where(t => t.Turn < signal.Turn && t.Turn >= signal.Turn - ContextLines).Select(Line)],
                Reply(tree, signal.Chosen, signal.Turn),
                [.. signal.Rejected.Select(r => Reply(tree, r, signal.Turn))],
                signal.Rejected.Length,
                !pivots.IsEmpty,
                pivots,
                SessionClock.Seconds(turns, read),
                turns.Length,
                Math.Max(0, turns.Length - signal.Turn),
                !turns.Any(t => t.Turn > signal.Turn && t.Role == TurnRole.User),
                signal.Mind));
        }
        return signals.ToImmutable();
    }

    /// <summary>The group a scene's user mind belongs to: <c>user-sim:fast-plot</c> and <c>user-sim:fast-plot:openai:m</c> are
    /// <c>fast-plot</c>, <c>user-sim:adversarial:fight</c> is <c>adversarial:fight</c>; a scene a person plays is
    /// <see cref="PersonGroup"/>.</summary>
    public static string GroupOf(string? userMind)
    {
        if (userMind is null || !userMind.StartsWith("user-sim:", StringComparison.Ordinal))
        {
            return userMind ?? PersonGroup;
        }
        var name = userMind["user-sim:".Length..];
        var model = name.IndexOf(":openai:", StringComparison.Ordinal);
        return model < 0 ? name : name[..model];
    }

    /// <summary>A turn as a context line: its speech, then its narration in <c>*asterisks*</c>, as bench transcripts write it.</summary>
    public static SignalLine Line(TurnRecord turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var speech = turn.Speech.Trim();
        var narration = turn.Narration.Trim();
        var text = (speech.Length, narration.Length) switch
        {
            (_, 0) => speech,
            (0, _) => $"*{narration}*",
            _ => $"{speech} *{narration}*",
        };
        var role = turn.Role switch
        {
            TurnRole.User => "user",
            TurnRole.Narrator => "narrator",
            _ => "npc",
        };
        return new SignalLine(turn.Turn, turn.SpeakerName, role, text);
    }

    /// <summary>The scene where the session that made <paramref name="signal"/> ended: of the kept scene and the scenes of the
    /// branches grown from its world after the turn, the one that played furthest (the kept scene on a tie).</summary>
    private async Task<string> SessionSceneAsync(BranchTree tree, PreferenceSignal signal, string sceneId)
    {
        var best = (Scene: signal.Chosen.Scene, Turn: (await grains.GetGrain<ISceneGrain>(signal.Chosen.Scene).Status()).Turn);
        foreach (var world in tree.GrownFrom(signal.Chosen.World, signal.Turn))
        {
            var key = $"{world}/{sceneId}";
            try
            {
                var turn = (await grains.GetGrain<ISceneGrain>(key).Status()).Turn;
                if (turn > best.Turn)
                {
                    best = (key, turn);
                }
            }
            catch (InvalidOperationException)
            {
                // A branch forked without opening this scene on it: the session did not go on there.
            }
        }
        return best.Scene;
    }

    private async Task<ImmutableArray<TurnRecord>> TranscriptAsync(string scene)
    {
        var grain = grains.GetGrain<ISceneGrain>(scene);
        var turns = ImmutableArray.CreateBuilder<TurnRecord>();
        while (true)
        {
            var page = (await grain.Transcript(turns.Count + 1, 500)).Turns;
            turns.AddRange(page);
            if (page.Length < 500)
            {
                return turns.ToImmutable();
            }
        }
    }

    private static string WorldOf(string sceneKey) => sceneKey[..sceneKey.LastIndexOf('/')];

    private static SignalReply Reply(BranchTree tree, ReplyOption option, int turn) =>
        new(option.Text, option.World, option.Scene, tree.Position(option.World, turn));

    /// <summary>A family's branches as a tree: who forked from whom, at which turn, and why.</summary>
    private sealed class BranchTree(ImmutableArray<BranchEntry> branches)
    {
        private readonly Dictionary<string, BranchEntry> _byKey = branches.ToDictionary(b => b.Key, StringComparer.Ordinal);

        /// <summary>0 for the reply first shown at <paramref name="turn"/>; n for the n-th regeneration of it.</summary>
        public int Position(string world, int turn)
        {
            if (!_byKey.TryGetValue(world, out var entry) || entry.Kind != BranchKind.Regenerated || entry.Origin.Turn != turn - 1)
            {
                return 0;
            }
            var siblings = branches.Where(b => b.Kind == BranchKind.Regenerated && b.Origin.Parent == entry.Origin.Parent
                && b.Origin.Turn == entry.Origin.Turn).ToList();
            return 1 + siblings.FindIndex(b => b.Key == world);
        }

        /// <summary>The branches grown (directly or not) from <paramref name="world"/> at or after <paramref name="turn"/>: those
        /// that keep the reply given there.</summary>
        public IEnumerable<string> GrownFrom(string world, int turn)
        {
            foreach (var branch in branches)
            {
                var entry = branch;
                while (_byKey.TryGetValue(entry.Origin.Parent, out var parent) && entry.Origin.Parent != world)
                {
                    entry = parent;
                }
                if (entry.Origin.Parent == world && entry.Origin.Turn >= turn)
                {
                    yield return branch.Key;
                }
            }
        }

        /// <summary>The world and every world it was forked from, up to the root.</summary>
        public ImmutableHashSet<string> PathTo(string world)
        {
            var path = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var key = world;
            while (path.Add(key) && _byKey.TryGetValue(key, out var entry))
            {
                key = entry.Origin.Parent;
            }
            return path.ToImmutable();
        }
    }
}
