using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;
using static WorldPlay.Minds.Tests.DuskAtTheHarbor;

namespace WorldPlay.Minds.Tests;

/// <summary>The procedural mind, on perspectives built by hand: Mira and Tomas at the harbor at dusk, with Ada (the user).</summary>
public sealed partial class ProceduralMindTests
{
    private static readonly Pacing[] Pacings = [Pacing.SlowDown, Pacing.Steady, Pacing.Escalate];

    // Words that would narrate or voice the user: the mind may ask ("would you walk with me?"), never tell them what
    // they do or feel ("you walk to the door", "you feel afraid").
    [GeneratedRegex(
        @"(?<!\b(do|did|does|would|will|can|could|should|shall|may|might|if|when|where|unless|before|after)\s)\byou " +
        "(feel|felt|say|said|think|thought|nod|nodded|smile|smiled|reply|replied|answer|answered|whisper|decide|realize|realise" +
        @"|walk|reach|look|want|wonder|sigh|laugh)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpeakingForTheUser();

    [Fact]
    public async Task Decide_SamePerspective_GivesSameAction()
    {
        var perspective = Mira(seed: 4242, answerTo: Line(AdaId, "Ada", "Mira, where did you hide the logbook?"), pacing: Pacing.Escalate);

        var first = Describe(await new ProceduralMind().DecideAsync(perspective, CancellationToken.None));
        var second = Describe(await new ProceduralMind().DecideAsync(perspective with { }, CancellationToken.None));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Decide_DifferentSeeds_GiveDifferentSpeech()
    {
        var speeches = Enumerable.Range(1, 40).Select(seed => ProceduralMind.Decide(Mira(seed)).Speech).ToList();

        Assert.Equal(speeches.Count, speeches.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Decide_AnySeedAndPacing_ReferencesOnlyIdsInThePerspective()
    {
        var strays = new List<string>();
        foreach (var (perspective, action) in ManyTurns(600))
        {
            var known = IdsIn(perspective);
            var present = perspective.Present.Select(p => p.Id).ToHashSet();
            strays.AddRange(action.Addressees.Where(a => !present.Contains(a)).Select(a => $"addressee {a}"));
            foreach (var proposal in action.Proposals)
            {
                if (proposal.Actor != perspective.Self)
                {
                    strays.Add($"actor {proposal.Actor}");
                }
                strays.AddRange(proposal.Change.References().Where(id => !known.Contains(id)).Select(id => $"{proposal.Change.Kind} {id}"));
            }
        }

        Assert.Empty(strays);
    }

    [Fact]
    public void Decide_ProposedGivesAndTakes_UseItemsThePerspectiveAllows()
    {
        var unlawful = new List<string>();
        foreach (var (perspective, action) in ManyTurns(600))
        {
            foreach (var change in action.Proposals.Select(p => p.Change))
            {
                var ok = change switch
                {
                    Gave g => perspective.Items.Any(i => i.Id == g.Item && i.Holder == perspective.Self)
                        && perspective.Present.Any(p => p.Id == g.To),
                    Took t => perspective.Items.Any(i => i.Id == t.Item && i.Holder is null),
                    Moved m => perspective.Place.Exits.Any(e => e.To == m.To),
                    FactAsserted f => !perspective.Facts.Any(x => x.Id == f.FactId && !x.IsOwnSecret),
                    _ => true,
                };
                if (!ok)
                {
                    unlawful.Add(change.ToString());
                }
            }
        }

        Assert.Empty(unlawful);
    }

    [Fact]
    public void Decide_AnySeed_NeverWritesALineForAnotherParticipant()
    {
        var names = new[] { "Tomas", "Ada", "User", "Narrator", "Mira" };
        var offending = ManyTurns(600)
            .SelectMany(t => t.Action.Speech.Split('\n'))
            .Where(line => names.Any(n => line.TrimStart().StartsWith(n + ":", StringComparison.OrdinalIgnoreCase))
                || line.Contains('"', StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Decide_AnySeed_NeverTellsTheUserWhatTheyDoOrFeel()
    {
        var offending = ManyTurns(600).Select(t => t.Action.Speech).Where(s => SpeakingForTheUser().IsMatch(s)).ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Decide_AnySeed_NarratesOnlyTheSpeakersOwnActions()
    {
        var offending = ManyTurns(600)
            .Select(t => t.Action.Narration)
            .Where(n => n.Length > 0
                && (!n.StartsWith("Mira ", StringComparison.Ordinal)
                    || SpeakingForTheUser().IsMatch(n)
                    || n.Contains('"', StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("Mira, where did you hide the logbook?", "logbook")]
    [InlineData("Why would anyone trust a smuggler like you?", "smuggler")]
    [InlineData("Good evening, Mira.", "Ada")]
    [InlineData("You lied to me about the lantern.", "lantern")]
    [InlineData("Thank you for the warning.", "Ada")]
    [InlineData("Tomas says the tide turns at midnight.", "Tomas")]
    public void Decide_AnswerTo_MentionsTheAskerOrPicksUpContent(string heard, string pickedUp)
    {
        var missed = Enumerable.Range(0, 100)
            .Select(seed => ProceduralMind.Decide(Mira(seed, answerTo: Line(AdaId, "Ada", heard))).Speech)
            .Where(s => !s.Contains("Ada", StringComparison.Ordinal) && !s.Contains(pickedUp, StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(missed);
    }

    [Fact]
    public void Decide_AnswerTo_CitesTheHeardLineAsCauseOfProposals()
    {
        var heard = Line(AdaId, "Ada", "Thank you for the warning.", seq: 77);
        var causes = Enumerable.Range(0, 400)
            .SelectMany(seed => ProceduralMind.Decide(Mira(seed, answerTo: heard, pacing: Pacing.Escalate)).Proposals)
            .Select(p => p.Causes.Contains(77))
            .ToList();

        Assert.All(causes, Assert.True);
    }

    [Fact]
    public void Decide_200SeededTurns_EndWithAHookMostly()
    {
        var turns = Enumerable.Range(0, 200)
            .Select(seed => ProceduralMind.Decide(Mira(
                seed, answerTo: seed % 2 == 0 ? Line(TomasId, "Tomas", "The tide is turning.") : null, pacing: Pacings[seed % 3])))
            .ToList();

        var hooked = turns.Count(EndsWithHook) / (double)turns.Count;

        Assert.InRange(hooked, 0.6, 1.0);
    }

    [Fact]
    public void Decide_Offstage_OnlyMovesToTheScenePlaceWhenItIsNextDoor()
    {
        var action = ProceduralMind.Decide(Mira(7, offstage: true, scenePlace: "old-pier"));

        Assert.Equal(
            ("", "moved old-pier"),
            (action.Speech, string.Join(';', action.Proposals.Select(p => $"{p.Change.Kind} {p.Change.References().Single()}"))));
    }

    [Fact]
    public void Decide_OffstageArriving_NarratesTheReturnTowardWhoeverSpokeLast()
    {
        var lines = Enumerable.Range(0, 40)
            .Select(seed => ProceduralMind.Decide(
                Mira(seed, answerTo: Line(AdaId, "Ada Holt", "Where did you go?"), offstage: true, scenePlace: "old-pier")))
            .Select(a => a.Narration)
            .ToList();

        Assert.All(lines, n => Assert.Matches(@"^Mira .*\.$", n));
        Assert.All(lines, n => Assert.Contains("Ada", n, StringComparison.Ordinal));
        Assert.InRange(lines.Distinct(StringComparer.Ordinal).Count(), 3, int.MaxValue);
    }

    [Fact]
    public void Decide_OffstageInAChineseWorld_NarratesInChinese()
    {
        var mira = Mira(5, answerTo: Line(AdaId, "林月", "你去哪儿了？"), offstage: true, scenePlace: "old-pier");
        var zh = mira with { Language = "zh", Cue = mira.Cue with { ScenePlaceName = "旧码头" } };

        var narration = ProceduralMind.Decide(zh).Narration;

        Assert.Matches(@"^Mira.*林月.*。$", narration);
        Assert.DoesNotMatch("[A-Za-z]{3,}", narration.Replace("Mira", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_OffstageFarFromTheScene_TakesTheQuickestExit()
    {
        var action = ProceduralMind.Decide(Mira(7, offstage: true, scenePlace: "lighthouse"));

        Assert.Equal(new Moved("tavern"), Assert.Single(action.Proposals).Change);
    }

    [Fact]
    public void Decide_OffstageButAlreadyAtTheScenePlace_StaysPut()
    {
        var action = ProceduralMind.Decide(Mira(7, offstage: true, scenePlace: "harbor"));

        Assert.Empty(action.Proposals);
    }

    [Fact]
    public void Decide_AloneWithNothingAround_SpeaksToNobody()
    {
        var bare = new Perspective(
            new Persona(MiraId, "Mira", "", default, "", default, default, default, default, 0.5),
            "Greywater", "en", 1, 0, new PlaceView(HarborId, "the harbor", "", default),
            default, default, default, default, default, default,
            new SceneCue("s", HarborId, "the harbor", false, Pacing.Escalate, default, null, default, 3), 0, 0);

        var action = ProceduralMind.Decide(bare);

        Assert.Equal((true, 0), (action.Speech.Length > 0, action.Addressees.Length));
    }

    [Fact]
    public void Decide_TiesAtTheirBounds_ProposeStrengthsWithinMinusOneAndOne()
    {
        var extreme = ImmutableArray.Create(
            new RelationshipView(MiraId, "Mira", "trusts", TomasId, "Tomas", 0.98),
            new RelationshipView(MiraId, "Mira", "resents", AdaId, "Ada", -0.97));
        var strengths = Enumerable.Range(0, 800)
            .Select(seed => Mira(
                seed,
                pacing: Pacings[seed % 3],
                answerTo: seed % 2 == 0 ? Line(AdaId, "Ada", "You lied to me.") : Line(TomasId, "Tomas", "Thank you.")))
            .Select(p => p with
            {
                Relationships = extreme,
                Present = [.. p.Present.Select(x => x with { Ties = [.. extreme.Where(r => r.To == x.Id)] })],
            })
            .SelectMany(p => ProceduralMind.Decide(p).Proposals)
            .Select(p => p.Change)
            .OfType<RelationshipChanged>()
            .Select(r => r.Strength)
            .ToList();

        Assert.All(strengths, s => Assert.InRange(s, -1.0, 1.0));
    }

    [Fact]
    public void Decide_RefusedGiveLastTurn_DoesNotProposeAGive()
    {
        var gives = Enumerable.Range(0, 400)
            .Select(seed => Mira(
                seed, pacing: Pacing.Escalate, refused: ["holder-gives: Mira cannot give the brass lantern: Tomas holds it."]))
            .SelectMany(p => ProceduralMind.Decide(p).Proposals)
            .Count(p => p.Change is Gave);

        Assert.Equal(0, gives);
    }

    [Fact]
    public void Decide_Escalate_ProposesMoreChangesThanSlowDown()
    {
        int Count(Pacing pacing) =>
            Enumerable.Range(0, 400).Sum(seed => ProceduralMind.Decide(Mira(seed, pacing: pacing)).Proposals.Length);

        Assert.True(Count(Pacing.Escalate) > 2 * Count(Pacing.SlowDown));
    }

    [Fact]
    public void Decide_Sister_NamesHerWithTheRightRelationship()
    {
        var speech = string.Join(' ', Enumerable.Range(0, 300).Select(seed => ProceduralMind.Decide(Tomas(seed)).Speech));

        Assert.Contains("my sister Mira", speech, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoTieToThePerson_NeverInventsOne()
    {
        // Mira's perspective holds no tie to Ada at all: no kin word may ever come before Ada's name.
        var speech = string.Join(
            ' ', Enumerable.Range(0, 300).Select(seed => ProceduralMind.Decide(Mira(seed) with { Relationships = [] }).Speech));

        Assert.DoesNotMatch(@"my (sister|brother|sibling|mother|father|friend|rival|cousin|wife|husband) Ada\b", speech);
    }

    /// <summary>Mira's turns over many seeds, pacings and lines to answer.</summary>
    private static IEnumerable<(Perspective Perspective, CharacterAction Action)> ManyTurns(int count)
    {
        HeardLine?[] heard =
        [
            null,
            Line(AdaId, "Ada", "Mira, where did you hide the logbook?"),
            Line(TomasId, "Tomas", "You lied to me about the Gull."),
            Line(AdaId, "Ada", "Good evening."),
            Line(TomasId, "Tomas", "The harbourmaster is asking questions."),
        ];
        for (var seed = 0; seed < count; seed++)
        {
            var perspective = Mira(seed, heard[seed % heard.Length], Pacings[seed % Pacings.Length]);
            yield return (perspective, ProceduralMind.Decide(perspective));
        }
    }

    private static HashSet<EntityId> IdsIn(Perspective p) =>
    [
        p.Self, p.Place.Id, .. p.Place.Exits.Select(e => e.To), .. p.Present.Select(x => x.Id), .. p.Items.Select(i => i.Id),
        .. p.Facts.Select(f => f.Subject), .. p.Persona.Secrets.Select(s => s.Subject),
        .. p.Relationships.SelectMany(r => new[] { r.From, r.To }),
    ];
}
