namespace WorldPlay.Minds.Tests;

/// <summary>The check the bench uses to discard a session whose simulated user broke: speaking as a character, or looping.</summary>
public sealed class UserSimulatorBreakTests
{
    private static readonly string[] Npcs = ["Mira", "Tomas"];

    private static (string, string, string) User(string text) => ("user", "Ada", text);

    private static (string, string, string) Npc(string text) => ("npc", "Mira", text);

    private static UserSimulatorBreak? Detect(params (string, string, string)[] lines) => UserSimulatorBreak.Detect(lines, "Ada", Npcs);

    /// <summary>A varied, well-behaved exchange of <paramref name="count"/> user lines.</summary>
    private static IEnumerable<(string, string, string)> Varied(int count) =>
        Enumerable.Range(0, count).SelectMany(i => new[]
        {
            User("Tell me about the "
                + new[] { "harbor", "storm", "ledger", "lantern", "market", "temple", "debt", "ship", "tide", "bell", "fog", "gull" }
                    [i % 12]
                + $", Mira. What happened on day {i}?"),
            Npc("It was a long night, Ada."),
        });

    [Fact]
    public void Detect_VariedUser_FindsNothing()
    {
        Assert.Null(Detect([.. Varied(30)]));
    }

    [Theory]
    [InlineData("Mira: Of course I remember, it was raining.")]
    [InlineData("**Mira:** Of course I remember.")]
    [InlineData("[Mira] (softly): I remember.")]
    [InlineData("I see. *nods*\nMira: Then we go tonight.")]
    [InlineData("tomas: fine, fine.")]
    public void Detect_LineOpensWithACharactersName_SpokeAsCharacter(string text)
    {
        Assert.Equal(UserSimulatorBreakKind.SpokeAsCharacter, Detect(Npc("Hello, Ada."), User(text))?.Kind);
    }

    [Theory]
    [InlineData("I'm Mira, and I keep the lantern.")]
    [InlineData("My name is Tomas. I work the docks.")]
    [InlineData("As Mira, I would never sell the ship.")]
    public void Detect_UserNamesItselfAsACharacter_SpokeAsCharacter(string text)
    {
        Assert.Equal(UserSimulatorBreakKind.SpokeAsCharacter, Detect(User(text))?.Kind);
    }

    [Theory]
    [InlineData("Mira, tell me about your brother.")]
    [InlineData("Ada: I'm listening.")]
    [InlineData("I'm Mira's friend, remember?")]
    [InlineData("What did Mira say: yes or no?")]
    [InlineData("I am Ada, and I want the truth, Mira.")]
    public void Detect_UserAddressesOrNamesACharacter_FindsNothing(string text)
    {
        Assert.Null(Detect(User(text)));
    }

    [Fact]
    public void Detect_CharacterLineWithAName_IsNotTheUsers()
    {
        Assert.Null(Detect(Npc("Mira: the tide waits for no one.")));
    }

    [Fact]
    public void Detect_SameLineThreeTimesInARow_Loop()
    {
        var line = "Where is the logbook, Mira? Tell me now.";

        var found = Detect(User(line), Npc("No."), User(line), Npc("No."), User(line));

        Assert.Equal((UserSimulatorBreakKind.Loop, 4), (found?.Kind, found?.Line));
    }

    [Fact]
    public void Detect_NearSameLineThreeTimes_Loop()
    {
        var found = Detect(
            User("Where is the logbook, Mira? Tell me now."),
            User("Where is the logbook, Mira? Tell me now!"),
            User("where is the logbook mira tell me now please"));

        Assert.Equal(UserSimulatorBreakKind.Loop, found?.Kind);
    }

    [Fact]
    public void Detect_SameLineTwice_FindsNothing()
    {
        var line = "Where is the logbook, Mira? Tell me now.";

        Assert.Null(Detect(User(line), Npc("No."), User(line), User("Fine. Then show me the harbor instead.")));
    }

    [Fact]
    public void Detect_MostOfTheLastTenRepeat_Loop()
    {
        string[] cycle = ["Where is the logbook, Mira? Tell me now.", "Who sank the Gull, Mira? I need a name.",
            "What does Tomas owe, and to whom?"];
        var lines = Enumerable.Range(0, 10).Select(i => User(cycle[i % 3])).ToArray();

        Assert.Equal(UserSimulatorBreakKind.Loop, Detect(lines)?.Kind);
    }

    [Fact]
    public void Detect_TerseBackChannelLines_AreNoLoop()
    {
        var lines = Enumerable.Range(0, 20).Select(_ => User("ok")).ToArray();

        Assert.Null(Detect(lines));
    }

    [Fact]
    public void Detect_NpcRepeating_IsNotTheUsersLoop()
    {
        var lines = Varied(5).Concat(Enumerable.Range(0, 5).Select(_ => Npc("The tide waits for no one, Ada, not even you."))).ToArray();

        Assert.Null(Detect(lines));
    }
}
