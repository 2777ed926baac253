using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;

namespace WorldPlay.Minds.Tests;

/// <summary>Perspectives built by hand: Mira and Tomas on the harbor at dusk, with Ada (the user); and how the tests
/// read the actions the procedural minds take in them.</summary>
internal static class DuskAtTheHarbor
{
    internal static readonly EntityId MiraId = "mira";
    internal static readonly EntityId TomasId = "tomas";
    internal static readonly EntityId AdaId = "ada";
    internal static readonly EntityId HarborId = "harbor";

    internal static readonly RelationshipView MiraSisterOfTomas = new(MiraId, "Mira", "sister", TomasId, "Tomas", 0.6);
    internal static readonly RelationshipView TomasOwesMira = new(TomasId, "Tomas", "owes", MiraId, "Mira", 0.5);
    internal static readonly RelationshipView MiraTrustsAda = new(MiraId, "Mira", "trusts", AdaId, "Ada", 0.3);

    internal static Persona Persona(
        EntityId id, string name, string style, string[] traits, string[] goals, string[] catchphrases, Secret[] secrets,
        double talkativeness = 0.6) =>
        new(id, name, $"{name} of the HarborId.", [.. traits], style, [], [.. catchphrases], [.. goals], [.. secrets], talkativeness);

    internal static PlaceView HarborPlace() =>
        new(
            HarborId, "the harbor", "Wet stone, tarred rope, gulls.",
            [new ExitView("old-pier", "Old Pier", 5), new ExitView("tavern", "the Drowned Rat", 3)]);

    internal static ItemView Item(string id, string name, EntityId? holder, string? holderName) => new(id, name, holder, holderName);

    internal static HeardLine Line(EntityId speaker, string name, string text, long seq = 12, EntityId[]? addressees = null) =>
        new(seq, 3, speaker, name, text, [.. addressees ?? []]);

    internal static SceneCue Cue(
        int seed, HeardLine? answerTo, Pacing pacing, bool offstage = false, string scenePlace = "harbor", string[]? refused = null) =>
        new("harbor-dusk", scenePlace, scenePlace, offstage, pacing, ["Find out who sank the Gull"], answerTo, [.. refused ?? []], seed);

    internal static Perspective Mira(
        int seed, HeardLine? answerTo = null, Pacing pacing = Pacing.Steady, bool offstage = false, string scenePlace = "harbor",
        string[]? refused = null) =>
        new(
            Persona(
                MiraId, "Mira", "dry, clipped, sailor's slang", ["stubborn", "Loyal to a fault", "shrewd"],
                ["Find the Gull's logbook before the harbourmaster does", "win back her brother's trust"],
                ["Tides don't wait.", "Salt keeps."],
                [new Secret("mira-scuttled", MiraId, "scuttled", "the Gull for the insurance money")]),
            "Greywater", "en", 3, 1130, HarborPlace(),
            [
                new PresentView(TomasId, "Tomas", "he/him", false, [MiraSisterOfTomas, TomasOwesMira]),
                new PresentView(AdaId, "Ada", "she/her", true, [MiraTrustsAda]),
            ],
            [
                Item("lantern", "brass lantern", MiraId, "Mira"), Item("logbook", "the Gull's logbook", null, null),
                Item("purse", "leather purse", TomasId, "Tomas"),
            ],
            [MiraSisterOfTomas, TomasOwesMira, MiraTrustsAda],
            [
                new FactView("tomas-debt", TomasId, "Tomas", "owes", "forty crowns", false),
                new FactView("gull-sank", "the-gull", "the Gull", "sank", "in the spring storm", false),
                new FactView("mira-scuttled", MiraId, "Mira", "scuttled", "the Gull for the insurance money", true),
            ],
            [],
            answerTo is null ? [] : [answerTo],
            Cue(seed, answerTo, pacing, offstage, scenePlace, refused),
            0,
            PerspectiveBuilder.DefaultBudget);

    internal static Perspective Tomas(int seed) =>
        new(
            Persona(TomasId, "Tomas", "gruff and warm", ["reckless", "big-hearted"], ["pay off his debts"], ["By the deep!"], []),
            "Greywater", "en", 3 + seed, 1130, HarborPlace(),
            [
                new PresentView(MiraId, "Mira", "she/her", false, [MiraSisterOfTomas, TomasOwesMira]),
                new PresentView(AdaId, "Ada", "she/her", true, []),
            ],
            [Item("lantern", "brass lantern", MiraId, "Mira"), Item("purse", "leather purse", TomasId, "Tomas")],
            [MiraSisterOfTomas, TomasOwesMira],
            [new FactView("tomas-debt", TomasId, "Tomas", "owes", "forty crowns", false)],
            [],
            [],
            Cue(seed, null, Pacing.Steady),
            0,
            PerspectiveBuilder.DefaultBudget);

    internal static Perspective Ada(int seed, HeardLine? answerTo = null, Pacing pacing = Pacing.Steady) =>
        new(
            Persona(AdaId, "Ada", "plain", ["curious", "kind"], ["find her brother"], [], []),
            "Greywater", "en", 3, 1130, HarborPlace(),
            [
                new PresentView(MiraId, "Mira", "she/her", false, [MiraTrustsAda]),
                new PresentView(TomasId, "Tomas", "he/him", false, []),
            ],
            [
                Item("lantern", "brass lantern", MiraId, "Mira"), Item("logbook", "the Gull's logbook", null, null),
                Item("purse", "leather purse", TomasId, "Tomas"), Item("key", "iron key", AdaId, "Ada"),
            ],
            [MiraTrustsAda],
            [new FactView("gull-sank", "the-gull", "the Gull", "sank", "in the spring storm", false)],
            [],
            answerTo is null ? [] : [answerTo],
            Cue(seed, answerTo, pacing),
            0,
            PerspectiveBuilder.DefaultBudget);

    internal static string Describe(CharacterAction a) =>
        $"{a.Speech}|{a.Narration}|{string.Join(',', a.Addressees)}|" +
        $"{string.Join(';', a.Proposals.Select(p => $"{p.Actor}:{p.Change}:{string.Join(',', p.Causes)}"))}|{a.Usage}";

    /// <summary>The speech ends on a question, or its last sentence speaks to someone present by name.</summary>
    internal static bool EndsWithHook(CharacterAction a)
    {
        var sentences = Regex.Split(a.Speech.Trim(), @"(?<=[.!?])\s+");
        var last = sentences[^1];
        return last.EndsWith('?') || new[] { "Ada", "Tomas", "Mira", "Brannoc" }.Any(n => last.Contains(n, StringComparison.Ordinal));
    }
}
