using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>The scene is read back from a perspective rendered by the real <see cref="PerspectiveBuilder"/>.</summary>
public sealed class PromptedSceneTests
{
    private static readonly PromptedScene Scene = PromptedScene.Read(Scenes.ActionInstructions + "\n"
        + PerspectiveBuilder.Render(Scenes.Mira()));

    [Fact]
    public void Read_RenderedPerspective_FindsTheSpeakerAndOwnId() =>
        Assert.Equal(("Mira Haskel", (EntityId?)"mira"), (Scene.SpeakerName, Scene.SpeakerId));

    [Fact]
    public void Read_RenderedPerspective_FindsWhoIsPresent() =>
        Assert.Equal(Scenes.PresentIds, Scene.Present.Select(p => p.Id));

    [Fact]
    public void Read_RenderedPerspective_FindsItemsAndHolders() =>
        Assert.Equal(
            [("silver-locket", "silver locket", "Mira Haskel"), ("bone-dice", "bone dice", null),
                ("loan-book", "Greaves's loan book", "Tomas Haskel")],
            Scene.Items.Select(i => (i.Id.Value, i.Name, i.HolderName)));

    [Fact]
    public void Read_RenderedPerspective_FindsExits() =>
        Assert.Equal([("long-quay", "The Long Quay", 5), ("fish-market", "The Fish Market", 3)],
            Scene.Exits.Select(e => (e.To.Value, e.Name, e.Minutes)));

    [Fact]
    public void Read_RenderedPerspective_FindsTheLineToAnswer() =>
        Assert.Equal(new SaidLine("Tomas Haskel", "The ledger was wrong again, and Greaves knows it."), Scene.AnswerTo);

    [Fact]
    public void Read_RenderedPerspective_FindsWhatWasJustSaid() =>
        Assert.Equal(["Ana Vell", "Tomas Haskel"], Scene.JustSaid.Select(l => l.SpeakerName));

    [Fact]
    public void Read_PersonaInSystemAndWorldInUserData_FindsTheSameScene()
    {
        // As the LLM mind sends it: the persona section and the own id in the system message, the rest in a data block.
        var rendered = PerspectiveBuilder.Render(Scenes.Mira());
        var at = rendered.IndexOf("\n## Where: ", StringComparison.Ordinal) + 1;
        var prompt = rendered[..at] + "Your own id is [mira].\nRules:\n- Stay in character.\n\n" +
            "The scene as Mira Haskel perceives it this turn:\n<world-data>\n" + rendered[at..]
                + "</world-data>\nReply as Mira Haskel with the JSON object only.";

        var scene = PromptedScene.Read(prompt);

        Assert.Equal(Describe(Scene), Describe(scene));
    }

    [Fact]
    public void Read_RenderedPerspective_FindsTheUser() =>
        Assert.Equal(["ana"], Scene.Present.Where(p => p.IsUser).Select(p => p.Id.Value));

    private static string Describe(PromptedScene scene) =>
        $"{scene.SpeakerName} [{scene.SpeakerId}] at {scene.PlaceName}; present " +
            $"{string.Join(", ", scene.Present.Select(p => $"{p.Name} [{p.Id}] {p.IsUser} {string.Join("; ", p.Ties)}"))}; " +
        $"items {string.Join(", ", scene.Items)}; exits {string.Join(", ", scene.Exits)}; said {string.Join(", ", scene.JustSaid)}; " +
            $"answer {scene.AnswerTo}; " +
        $"pacing {scene.Pacing}; goals {string.Join(", ", scene.Goals)}";
}
