using CsCheck;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>A perspective fits its token budget however long the session, and a slice shows only what its character may know.</summary>
public sealed class PerspectiveTests
{
    private static readonly SceneCue Cue = new("dockside", Harbor, "Old Harbor", false, Pacing.Steady, ["settle Oren's debt"], null, [], 7);

    private static readonly Lazy<LongSession> Session = new(() => LongSession.Play(1000));

    [Fact]
    public void Build_MemoryAfterAThousandEvents_StaysWithinBudget()
    {
        var perspective = Build(Session.Value.MemoryAt1000, Session.Value.Slice);

        Assert.InRange(perspective.TokenCount, 1, PerspectiveBuilder.DefaultBudget);
    }

    [Fact]
    public void Build_AtEventThousand_IsNotMuchLargerThanAtEventHundred()
    {
        var early = Build(Session.Value.MemoryAt100, Session.Value.Slice).TokenCount;
        var late = Build(Session.Value.MemoryAt1000, Session.Value.Slice).TokenCount;

        Assert.True(late <= early * 1.25, $"{late} tokens at event 1000, {early} at event 100.");
    }

    [Fact]
    public void Build_SmallBudget_TrimsUntilItFits()
    {
        var perspective = PerspectiveBuilder.Build(PersonaOf(Mira), Session.Value.MemoryAt1000, Session.Value.Slice, Cue, 600,
            TokenCounter.Default);

        Assert.InRange(perspective.TokenCount, 1, 600);
    }

    [Fact]
    public void TokenCount_OfBuiltPerspective_IsTheCountOfItsRenderedText()
    {
        var perspective = Build(Session.Value.MemoryAt1000, Session.Value.Slice);

        Assert.Equal(TokenCounter.Default.CountWhole(PerspectiveBuilder.Render(perspective)), perspective.TokenCount);
    }

    [Fact]
    public void TokenCount_AfterRandomStreamAndAnyBudget_IsTheCountOfTheRenderedTextAndFitsWhenTrimmingCan()
    {
        var gen = Gen.Select(RandomStories.Stories(), Gen.Int[0, AllCharacters.Length - 1], Gen.Int[150, 1300]);
        gen.Sample((story, who, budget) =>
        {
            var self = AllCharacters[who];
            var memory = EmptyMemory(self).Witness(story.Events);
            var slice = WorldSlice.Of(story.Final, self);
            var perspective = PerspectiveBuilder.Build(PersonaOf(self), memory, slice, Cue, budget, TokenCounter.Default);
            Assert.Equal(TokenCounter.Default.CountWhole(PerspectiveBuilder.Render(perspective)), perspective.TokenCount);
            var untrimmed = PerspectiveBuilder.Build(PersonaOf(self), memory, slice, Cue, int.MaxValue, TokenCounter.Default);
            var trimmedAway = untrimmed.Summary.Length + untrimmed.Facts.Length + untrimmed.Relationships.Length
                + untrimmed.RecentLines.Length
                - (perspective.Summary.Length + perspective.Facts.Length + perspective.Relationships.Length
                    + perspective.RecentLines.Length);
            Assert.True(perspective.TokenCount <= budget || perspective.RecentLines.Length <= 1,
                $"{perspective.TokenCount} tokens over a budget of {budget}");
            Assert.True(untrimmed.TokenCount > budget || trimmedAway == 0, "trimmed a perspective that fitted");
        }, iter: 150, print: t => $"as {AllCharacters[t.Item2]}, budget {t.Item3}:\n{t.Item1.Describe()}");
    }

    [Fact]
    public void RecentLines_AfterRandomStream_AreOnlyLinesTheCharacterWitnessed()
    {
        var gen = Gen.Select(RandomStories.Stories(), Gen.Int[0, AllCharacters.Length - 1]);
        gen.Sample((story, who) =>
        {
            var self = AllCharacters[who];
            var memory = EmptyMemory(self).Witness(story.Events);
            var perspective = PerspectiveBuilder.Build(PersonaOf(self), memory, WorldSlice.Of(story.Final, self), Cue,
                PerspectiveBuilder.DefaultBudget, TokenCounter.Default);
            Assert.All(perspective.RecentLines, line => Assert.Contains(self, story.Events[(int)line.Seq - 1].Witnesses));
        }, iter: 100, print: t => $"as {AllCharacters[t.Item2]}:\n{t.Item1.Describe()}");
    }

    [Fact]
    public void WorldSliceOf_Mira_DoesNotShowTomassSecret()
    {
        var slice = WorldSlice.Of(Initial, Mira);

        Assert.DoesNotContain(slice.Facts, f => f.Id == TomasSecret);
    }

    [Fact]
    public void WorldSliceOf_Tomas_ShowsHisSecretAsHisOwn()
    {
        var slice = WorldSlice.Of(Initial, Tomas);

        Assert.Contains(slice.Facts, f => f.Id == TomasSecret && f.IsOwnSecret);
    }

    [Fact]
    public void WorldSliceOf_Mira_ShowsTheFactsSheKnowsAndNoOthers()
    {
        var slice = WorldSlice.Of(Initial, Mira);

        Assert.Equal(["harbor-busy", "oren-debt"], slice.Facts.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorldSliceOf_AnyCharacterAfterRandomStream_ShowsOnlyFactsItKnows()
    {
        RandomStories.Sample(story =>
        {
            var state = story.Final;
            foreach (var self in AllCharacters)
            {
                Assert.All(WorldSlice.Of(state, self).Facts, f => Assert.Contains(self, state.Facts[f.Id].KnownBy));
            }
        });
    }

    [Fact]
    public void WorldSliceOf_AnyCharacterAfterRandomStream_ShowsOnlyLivingCharactersAtItsPlace()
    {
        RandomStories.Sample(story =>
        {
            var state = story.Final;
            foreach (var self in AllCharacters)
            {
                var slice = WorldSlice.Of(state, self);
                Assert.All(slice.Present, p => Assert.True(
                    state.Get(p.Id) is { IsCharacter: true, Status: EntityStatus.Alive } who && who.Location == slice.Place.Id
                        && p.Id != self,
                    $"{self} at {slice.Place.Id} sees {p.Id}."));
            }
        });
    }

    [Fact]
    public void WorldSliceOf_Lena_ShowsOnlyHerOwnRelationships()
    {
        var slice = WorldSlice.Of(Initial, Lena);

        Assert.All(slice.Relationships, r => Assert.True(r.From == Lena || r.To == Lena, $"{r.From} {r.Type} {r.To}"));
    }

    private static Perspective Build(CharacterMemory memory, WorldSlice slice) =>
        PerspectiveBuilder.Build(PersonaOf(Mira), memory, slice, Cue, PerspectiveBuilder.DefaultBudget, TokenCounter.Default);

    /// <summary>A long scene at the harbor that Mira witnesses from start to end: talk, shifting ties, rumors and time passing.</summary>
    private sealed record LongSession(CharacterMemory MemoryAt100, CharacterMemory MemoryAt1000, WorldSlice Slice)
    {
        private static readonly string[] Lines =
        [
            "The tide turns early tonight, and the fog will not lift before the bells.",
            "You always say that, and then you are the last one off the pier.",
            "Oren wants his silver by the new moon; I do not have it.",
            "Then we sell the lantern, or we find the ship the sea map promises.",
            "Nobody has sailed to that harbor in forty years. Ask Lena why.",
            "Fine. But if the guild asks about the key, you never saw me.",
        ];

        public static LongSession Play(int events)
        {
            var state = Initial;
            var memory = EmptyMemory(Mira);
            CharacterMemory? at100 = null;
            for (var turn = 1; state.Version < events; turn++)
            {
                var speaker = turn % 2 == 0 ? Mira : Tomas;
                var other = speaker == Mira ? Tomas : Mira;
                WorldChange change = (turn % 13, turn % 7, turn % 5) switch
                {
                    (0, _, _) => new FactAsserted($"rumor-{turn % 4}", Harbor, "heard", $"a ship was seen on night {turn}"),
                    (_, 0, _) => new RelationshipChanged(speaker, other, "sibling", Math.Round(Math.Sin(turn), 2)),
                    (_, _, 0) => new TimeAdvanced(turn % 17 + 1),
                    _ => new Spoke($"{Lines[turn % Lines.Length]} ({turn})", [other]),
                };
                var outcome = Commitment.Commit(state, HarbortownLaws, turn, Harbor, [Proposal.Of(speaker, change)]);
                if (outcome.Accepted.IsEmpty)
                {
                    throw new InvalidOperationException($"Turn {turn} refused: {outcome.Rejected[0].Reason}");
                }
                state = outcome.State;
                memory = memory.Witness(outcome.Accepted);
                if (state.Version == 100)
                {
                    at100 = memory;
                }
            }
            return new LongSession(at100!, memory, WorldSlice.Of(state, Mira));
        }
    }
}
