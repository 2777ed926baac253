using System.Text.Json.Nodes;
using Spectre.Console;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Cli.Scenes;

/// <summary>The readable view of a scene as it plays: speaker, speech, narration, world changes accepted and refused.</summary>
internal sealed class SceneView
{
    private static readonly string[] Palette =
        ["deepskyblue1", "orange1", "mediumpurple1", "springgreen2", "hotpink", "gold1", "turquoise2", "salmon1"];

    private readonly IAnsiConsole _console;
    private readonly TextWriter _output;
    private readonly Func<EntityId, string> _name;
    private readonly Dictionary<EntityId, string> _names;
    private readonly Dictionary<EntityId, string> _colors = [];
    private readonly bool _silent;
    private int _lastReportedPercent = -1;
    private int _speaking;

    public SceneView(TextWriter output, WorldDefinition definition, bool silent)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        _output = output;
        _names = definition.Entities.ToDictionary(e => e.Id, e => e.Name);
        _name = id => _names.TryGetValue(id, out var n) ? n : id.Value;
        _silent = silent;
        var i = 0;
        foreach (var persona in definition.Personas)
        {
            _colors[persona.Id] = Palette[i++ % Palette.Length];
        }
    }

    public void Opening(SceneSpec scene, SimulateRequest request)
    {
        if (_silent)
        {
            return;
        }
        // A line that wraps rather than a rule, which would cut a long title at the console's width.
        var place = Markup.Escape(_name(scene.Place));
        _console.MarkupLine($"[bold]{Markup.Escape(scene.Title)}[/] [dim]· {place} · seed {request.Seed} · {request.Turns} turns[/]");
        _console.MarkupLine("[dim]Cast:[/] " +
            string.Join(", ", scene.Cast.Where(c => c != scene.User).Select(c => Colored(c, _name(c)))) +
            (scene.User is { } u ? $"  [dim]user:[/] {Colored(u, _name(u))} ({Markup.Escape(request.UserMind)})" : ""));
        if (scene.Opening.Length > 0)
        {
            _console.MarkupLine($"[italic grey]{Markup.Escape(scene.Opening)}[/]");
        }
        _console.WriteLine();
    }

    /// <summary>True when the scene itself is not shown (quiet and JSON runs).</summary>
    public bool Silent => _silent;

    /// <summary>Shows what a streaming scene said: speech as it arrives, then the rest of the turn once committed.</summary>
    public void Heard(SceneUpdate update)
    {
        switch (update)
        {
            case SpeechUpdate speech when speech.Turn != _speaking || speech.Restart:
                if (_speaking != 0)
                {
                    _console.WriteLine();
                }
                _speaking = speech.Turn;
                _console.Markup($"[dim]{speech.Turn,4}[/] " +
                    $"{Colored(speech.Speaker, _name(speech.Speaker))}{(speech.Restart ? " [dim](again)[/]" : "")}: " +
                    $"{Markup.Escape(speech.Text)}");
                break;
            case SpeechUpdate speech:
                _console.Markup(Markup.Escape(speech.Text));
                break;
            case TurnUpdate played:
                Turn(played.Record);
                break;
        }
    }

    public void Turn(TurnRecord turn)
    {
        if (_silent)
        {
            return;
        }
        var label = turn.Role == TurnRole.User ? $"{Colored(turn.Speaker, turn.SpeakerName)} " +
            "[dim](user)[/]" : Colored(turn.Speaker, turn.SpeakerName);
        var streamed = _speaking == turn.Turn;
        _speaking = 0;
        if (streamed)
        {
            _console.WriteLine();
        }
        else if (turn.Speech.Length > 0)
        {
            _console.MarkupLine($"[dim]{turn.Turn,4}[/] {label}: {Markup.Escape(turn.Speech)}");
        }
        else
        {
            _console.MarkupLine($"[dim]{turn.Turn,4}[/] {label} [dim](away from the scene)[/]");
        }
        if (turn.Narration.Length > 0)
        {
            _console.MarkupLine($"     [italic grey]{Markup.Escape(turn.Narration)}[/]");
        }
        foreach (var e in turn.Accepted.Where(e => e.Change is not Spoke))
        {
            // What play creates is named from then on, like the designer's entities.
            if (e.Change is EntityCreated created)
            {
                _names[created.Id] = created.Name;
            }
            _console.MarkupLine($"     [green]+ {Markup.Escape(EventText.Describe(e, _name))}[/]");
        }
        foreach (var r in turn.Rejected)
        {
            _console.MarkupLine($"     [red]x {Markup.Escape(r.Reason)}[/] [dim]({Markup.Escape(r.Law)})[/]");
        }
    }

    /// <summary>In quiet and JSON runs, a progress line on the error stream every tenth of the way.</summary>
    public void Progress(int done, int total, TimeSpan elapsed, TextWriter error)
    {
        if (!_silent)
        {
            return;
        }
        var percent = done * 100 / total;
        if (percent / 10 != _lastReportedPercent / 10 || done == total)
        {
            _lastReportedPercent = percent;
            error.WriteLine($"turn {done}/{total} ({percent}%), {elapsed.TotalSeconds:0.0} s, " +
                $"{done / Math.Max(0.001, elapsed.TotalSeconds):0} turns/s");
        }
    }

    /// <summary>The summary as plain lines, one measure each, named as in <c>--json</c>: no JSON quoting or escapes, no rows
    /// that cannot apply (model usage of the procedural mind, a run that did not stop), nothing cut at the console's width.</summary>
    public void Closing(JsonObject summary, WorldAudit audit, FileInfo? outFile)
    {
        _output.WriteLine();
        var rows = summary.Where(p => Shown(summary, p.Key, p.Value)).ToList();
        var width = rows.Max(p => p.Key.Length);
        foreach (var (key, value) in rows)
        {
            _output.WriteLine($"{key.PadRight(width)}  {Plain(key, value)}");
        }
        foreach (var violation in audit.Violations.Take(10))
        {
            _console.MarkupLine($"[red]law broken: {Markup.Escape(violation)}[/]");
        }
        if (outFile is not null)
        {
            _output.WriteLine($"Timeline written to {outFile.FullName}; replay it with: worldplay replay {outFile.Name} --at-turn N");
        }
    }

    private static bool Shown(JsonObject summary, string key, JsonNode? value) => key switch
    {
        "lawViolations" => false,
        "stopped" => value is not null,
        "model" => summary["mind"]?.GetValue<string>() != "procedural",
        _ => true,
    };

    /// <summary>A summary value as a person reads it: text without quotes, counts as "name n, ...", nested measures as
    /// "name n; ...".</summary>
    internal static string Plain(string key, JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v => v.ToJsonString(),
        JsonObject o when key == "speakers" => string.Join(", ", o.Select(p => $"{p.Key} {Plain(p.Key, p.Value)}")),
        JsonObject o => string.Join("; ", o.Select(p => $"{p.Key} {Plain(p.Key, p.Value)}")),
        JsonArray a => string.Join("; ", a.Select(x => Plain(key, x))),
        _ => value.ToJsonString(),
    };

    private string Colored(EntityId id, string name) =>
        $"[bold {(_colors.TryGetValue(id, out var c) ? c : "white")}]{Markup.Escape(name)}[/]";
}
