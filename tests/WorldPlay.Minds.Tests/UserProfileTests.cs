using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;
using WorldPlay.Minds.Procedural;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>The procedural user profiles for the self-play bench: Tomas plays the user, Mira answers every line.</summary>
public sealed class UserProfileTests
{
    private static readonly AdversarialSituation Fight = new(["fight", "possible_censoring"], "Attack the character.", 4);

    public static TheoryData<string> ProfileNames() => [.. UserProfile.All.Select(p => p.Name)];

    private static UserProfile Named(string name) => UserProfile.All.Single(p => p.Name == name);

    /// <summary>The user's lines over <paramref name="userTurns"/> turns, with the perspective each was decided from.</summary>
    private static List<(Perspective Perspective, string Speech)> Play(IMind user, int userTurns, int seed = 3)
    {
        var memory = EmptyMemory(Tomas);
        var played = new List<(Perspective, string)>();
        HeardLine? last = null;
        long seq = 0;
        for (var turn = 0; turn < userTurns; turn++)
        {
            var perspective = Scenes.Of(Tomas, Initial, memory, Scenes.Cue with { AnswerTo = last, Seed = StableSeed.Of(seed, turn) });
            var speech = user.DecideAsync(perspective, CancellationToken.None).Result.Speech;
            played.Add((perspective, speech));
            var reply = $"Mira answers line {turn}, Tomas. What now?";
            memory = memory.Witness([Scenes.Line(++seq, Tomas, speech), Scenes.Line(++seq, Mira, reply)]);
            last = new HeardLine(seq, (int)seq, Mira, "Mira", reply, [Tomas]);
        }
        return played;
    }

    private static bool IsBeat(string[] beat, string line) => beat.Any(v => UserReading.Matches(v, line));

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Profile_SameSeedTwice_SameLines(string name)
    {
        var first = Play(new ProceduralUserSimulator(Named(name)), 12).Select(x => x.Speech);
        var second = Play(new ProceduralUserSimulator(Named(name)), 12).Select(x => x.Speech);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Profile_Name_IsResolvedByTheCatalog(string name)
    {
        var mind = new MindCatalog().Resolve($"user-sim:{name}");

        Assert.Equal($"user-sim:{name}", mind.Name);
    }

    [Fact]
    public void Profile_AdversarialWithoutSituation_PlaysTheDefaultSituation()
    {
        var profile = new UserProfile(UserStyle.Adversarial);

        Assert.Equal(("adversarial", AdversarialSituation.Default), (profile.Name, profile.Situation));
    }

    [Fact]
    public void Profile_SituationForAnotherStyle_Throws()
    {
        Assert.Throws<ArgumentException>(() => new UserProfile(UserStyle.Terse, Fight));
    }

    [Fact]
    public void Situation_ZeroTurns_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdversarialSituation(["fight"], "Attack.", 0));
    }

    [Fact]
    public void Situation_SameValuesInNewArrays_AreEqual()
    {
        Assert.Equal(new AdversarialSituation(["bio", "long"], "Ask.", 8),
            new AdversarialSituation([.. new[] { "bio", "long" }], "Ask.", 8));
    }

    [Fact]
    public void Terse_ManyTurns_SaysOnlyTerseLines()
    {
        var lines = Play(new ProceduralUserSimulator(UserStyle.Terse), 60).Select(x => x.Speech);

        Assert.All(lines, line => Assert.Contains(line, UserPhrases.Terse));
    }

    [Fact]
    public void Terse_ManyTurns_NeverRepeatsItsLastLine()
    {
        var lines = Play(new ProceduralUserSimulator(UserStyle.Terse), 60).Select(x => x.Speech).ToList();

        Assert.DoesNotContain(lines.Zip(lines.Skip(1)), pair => pair.First == pair.Second);
    }

    [Fact]
    public void Terse_AnyTurn_ProposesNothingAndAddressesMira()
    {
        var action = new ProceduralUserSimulator(UserStyle.Terse).Decide(Scenes.Of(Tomas, Initial, []));

        Assert.Equal((0, Mira), (action.Proposals.Length, action.Addressees.Single()));
    }

    [Fact]
    public void Adversarial_Situation_PlaysItsBeatsInOrderForItsTurns()
    {
        var beats = AdversaryPhrases.For(Fight);
        var lines = Play(new ProceduralUserSimulator(UserProfile.Adversarial(Fight)), Fight.NumTurns).Select(x => x.Speech).ToList();

        Assert.All(Enumerable.Range(0, Fight.NumTurns), k => Assert.True(IsBeat(beats[k], lines[k]), $"turn {k}: {lines[k]}"));
    }

    [Fact]
    public void Adversarial_AfterItsTurns_GoesOnAsSlowBurn()
    {
        var beats = AdversaryPhrases.For(Fight);
        var after = Play(new ProceduralUserSimulator(UserProfile.Adversarial(Fight)), Fight.NumTurns + 10).Skip(Fight.NumTurns)
            .Select(x => x.Speech).ToList();

        Assert.All(after, line => Assert.False(beats.Any(b => IsBeat(b, line)) || line.Length == 0, line));
    }

    [Theory]
    [InlineData("anti_turing")]
    [InlineData("environment")]
    [InlineData("fight")]
    [InlineData("rude")]
    [InlineData("bio")]
    [InlineData("typical_user")]
    [InlineData("date")]
    [InlineData("undress_light")]
    public void Adversarial_EveryBuiltInTag_HasItsOwnEightBeats(string tag)
    {
        var situation = AdversarialSituation.BuiltIn.Single(s => s.Tag == tag);

        Assert.Equal((8, false),
            (AdversaryPhrases.For(situation).Length, ReferenceEquals(AdversaryPhrases.For(situation), AdversaryPhrases.OffScript)));
    }

    [Fact]
    public void Adversarial_LongSituation_PlaysAllEightBeats()
    {
        var bio = AdversarialSituation.BuiltIn.Single(s => s.Tag == "bio");
        var beats = AdversaryPhrases.For(bio);

        var lines = Play(new ProceduralUserSimulator(UserProfile.Adversarial(bio)), 8).Select(x => x.Speech).ToList();

        Assert.Equal(8, Enumerable.Range(0, 8).Count(k => IsBeat(beats[k], lines[k])));
    }

    [Fact]
    public void Adversarial_UnknownTag_PlaysTheOffScriptBeats()
    {
        var odd = new AdversarialSituation(["time_travel"], "Claim to come from the future.", 2);

        var first = Play(new ProceduralUserSimulator(UserProfile.Adversarial(odd)), 1)[0].Speech;

        Assert.True(IsBeat(AdversaryPhrases.OffScript[0], first), first);
    }

    [Fact]
    public void Adversarial_Rude_WritesAllLowercase()
    {
        var rude = AdversarialSituation.BuiltIn.Single(s => s.Tag == "rude");

        var lines = Play(new ProceduralUserSimulator(UserProfile.Adversarial(rude)), 4)
            .Select(x => x.Speech.Replace("Mira", "", StringComparison.Ordinal));

        Assert.All(lines, line => Assert.Equal(line.ToLowerInvariant(), line));
    }

    [Fact]
    public void LanguageSwitching_SwitchedTurns_AreForeignAndTheRestAreNot()
    {
        var sim = new ProceduralUserSimulator(UserStyle.LanguageSwitching);

        var wrong = Play(sim, 60).Where(x => LanguageSwitchTurn.Switches(x.Perspective, sim.Name) != LanguageSwitchTurn.IsForeign(x.Speech))
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void LanguageSwitching_SixtyTurns_SwitchesEveryFewTurns()
    {
        var foreign = Play(new ProceduralUserSimulator(UserStyle.LanguageSwitching), 60).Count(x => LanguageSwitchTurn.IsForeign(x.Speech));

        Assert.InRange(foreign, 8, 25);
    }

    [Fact]
    public void LanguageSwitching_SixtyTurns_NeverSwitchesTwiceInARow()
    {
        var foreign = Play(new ProceduralUserSimulator(UserStyle.LanguageSwitching), 60).Select(x => LanguageSwitchTurn.IsForeign(x.Speech))
            .ToList();

        Assert.DoesNotContain(foreign.Zip(foreign.Skip(1)), pair => pair.First && pair.Second);
    }

    [Fact]
    public void LanguageSwitching_FrenchSetting_NeverSwitchesToFrench()
    {
        var sim = new ProceduralUserSimulator(UserStyle.LanguageSwitching);
        var french = Enumerable.Range(0, 300)
            .Select(seed => sim.Decide(Scenes.Of(Tomas, Initial, [], Scenes.Cue with { Seed = seed }) with { Language = "fr" }).Speech)
            .Count(line => UserPhrases.Foreign["fr"].Any(t => UserReading.Matches(t, line)));

        Assert.Equal(0, french);
    }

    [Fact]
    public void LanguageSwitching_OtherTurns_AreSlowBurnLines()
    {
        var sim = new ProceduralUserSimulator(UserStyle.LanguageSwitching);

        var normal = Play(sim, 40).Where(x => !LanguageSwitchTurn.Switches(x.Perspective, sim.Name)).ToList();

        Assert.All(normal, x => Assert.Contains("Mira", x.Speech, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Profile_Offstage_StaysSilent(string name)
    {
        var action = new ProceduralUserSimulator(Named(name)).Decide(Scenes.Of(Tomas, Initial, [], Scenes.Cue with { Offstage = true }));

        Assert.Equal("", action.Speech);
    }
}
