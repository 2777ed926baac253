using System.CommandLine;
using WorldPlay.Cli.Bench;
using WorldPlay.Cli.Operations;
using WorldPlay.Cli.Preferences;
using WorldPlay.Cli.Scenes;
using WorldPlay.Cli.Synthesis;
using WorldPlay.Cli.Timelines;

namespace WorldPlay.Cli.Tests;

/// <summary><c>--help</c> of every command lists every option and argument the command accepts (older names kept as
/// hidden aliases stay out of it), and the root's help lists every command.</summary>
public sealed class HelpTests
{
    /// <summary>The commands as WorldPlayCommand builds them; <see cref="RootHelp_ListsEveryCommand"/> checks that this
    /// list and the root's help name the same ones.</summary>
    private static IEnumerable<Command> TopLevel()
    {
        var sink = TextWriter.Null;
        return
        [
            SimulateCommand.Create(sink, sink), ReplayCommand.Create(sink), DiffCommand.Create(sink), WhyCommand.Create(sink),
            ForkCommand.Create(sink), ExportCommand.Create(sink), ExportCommand.CreateImport(sink), ClusterCommand.Create(sink, sink),
            ServeCommand.Create(sink, sink), KeysCommand.Create(sink, sink), FakeLlmCommand.Create(sink, sink),
            BenchCommand.Create(sink, sink), LoadCommand.Create(sink, sink), SynthCommand.Create(sink, sink),
            PrefsCommand.Create(sink, sink),
        ];
    }

    /// <summary>Every command and subcommand, as the words typed to reach it.</summary>
    public static IEnumerable<object[]> Commands => TopLevel().SelectMany(c => Paths(c, [])).Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_ListsEveryOptionItAccepts(string path)
    {
        var command = Find(path);
        var help = (await CliRun.Of([.. path.Split(' '), "--help"])).Output;

        var missing = command.Options.Where(o => !o.Hidden).SelectMany(o => new[] { o.Name }.Concat(o.Aliases))
            .Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"))
            .Where(name => !help.Contains(name, StringComparison.Ordinal));
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_ShowsNoHiddenOldName(string path)
    {
        var command = Find(path);
        var help = (await CliRun.Of([.. path.Split(' '), "--help"])).Output;

        Assert.DoesNotContain(
            command.Options.Where(o => o.Hidden).Select(o => o.Name), name => help.Contains(name + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RootHelp_ListsEveryCommand()
    {
        var help = (await CliRun.Of("--help")).Output;
        var listed = help[help.IndexOf("\nCommands:\n", StringComparison.Ordinal)..].Split('\n').Skip(2).TakeWhile(l => l.Length > 0)
            .Select(l => l.Trim().Split(' ')[0]);

        Assert.Equal(TopLevel().Select(c => c.Name).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Paths(Command command, string[] parents)
    {
        string[] path = [.. parents, command.Name];
        return command.Subcommands.Count == 0 ? [string.Join(' ', path)] : command.Subcommands.SelectMany(s => Paths(s, path));
    }

    private static Command Find(string path)
    {
        var words = path.Split(' ');
        var command = TopLevel().Single(c => c.Name == words[0]);
        foreach (var word in words.Skip(1))
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }
        return command;
    }
}
