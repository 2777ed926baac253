using System.Collections.Immutable;
using System.Text.Json.Serialization;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Web.Studio.Streaming;

// What a scene's WebSocket and Server-Sent Events carry: one JSON object per message, its "type" first.
// docs/studio-api.md ("Streaming protocol") is their reference.

/// <summary>A message the server sends on a scene's stream.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ReadyMessage), "ready")]
[JsonDerivedType(typeof(SpeechMessage), "speech")]
[JsonDerivedType(typeof(TurnMessage), "turn")]
[JsonDerivedType(typeof(GameMessage), "game")]
[JsonDerivedType(typeof(DoneMessage), "done")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
[JsonDerivedType(typeof(PingMessage), "ping")]
[JsonDerivedType(typeof(PongMessage), "pong")]
public abstract record StreamMessage
{
    /// <summary>The type as the <c>type</c> field and the SSE <c>event:</c> line write it.</summary>
    [JsonIgnore]
    public string Type => this switch
    {
        ReadyMessage => "ready",
        SpeechMessage => "speech",
        TurnMessage => "turn",
        GameMessage => "game",
        DoneMessage => "done",
        ErrorMessage => "error",
        PingMessage => "ping",
        _ => "pong",
    };
}

/// <summary>The stream is open on <see cref="Scene"/>; the committed turns after <see cref="After"/> follow.</summary>
public sealed record ReadyMessage(SceneView Scene, int After) : StreamMessage;

/// <summary>The <see cref="Index"/>-th piece of <see cref="Speaker"/>'s speech in turn <see cref="Turn"/>, as the mind produces it;
/// <see cref="Restart"/> voids the turn's earlier pieces.</summary>
public sealed record SpeechMessage(int Turn, string Speaker, int Index, string Text, bool Restart) : StreamMessage;

/// <summary>A committed turn, exactly once per stream and in order.</summary>
public sealed record TurnMessage(TurnView Turn) : StreamMessage;

/// <summary>Something a game shows in its own world: <see cref="Who"/> <see cref="Event"/> (entered, left, took, gave, dropped,
/// created, died) in turn <see cref="Turn"/>, with the item, the place and whom it was given to when they apply.</summary>
public sealed record GameMessage(
    int Turn, string Event, string Who, string? Item = null, string? Place = null, string? To = null, string? Kind = null)
    : StreamMessage
{
    /// <summary>The game events of a committed turn, in the order of its world events.</summary>
    public static IEnumerable<GameMessage> Of(TurnRecord turn)
    {
        foreach (var e in turn.Accepted)
        {
            var who = e.Actor.Value;
            switch (e.Change)
            {
                case Moved or Travelled:
                    var to = e.Change is Moved m ? m.To : ((Travelled)e.Change).To;
                    if (e.Place is { } from)
                    {
                        yield return new GameMessage(turn.Turn, "left", who, Place: from.Value);
                    }
                    yield return new GameMessage(turn.Turn, "entered", who, Place: to.Value);
                    break;
                case Took t:
                    yield return new GameMessage(turn.Turn, "took", who, t.Item.Value, e.Place?.Value);
                    break;
                case Gave g:
                    yield return new GameMessage(turn.Turn, "gave", who, g.Item.Value, e.Place?.Value, g.To.Value);
                    break;
                case EntityCreated c:
                    yield return new GameMessage(turn.Turn, "created", who, c.Id.Value, c.Location?.Value, c.Holder?.Value,
                        c.EntityKind.ToString().ToLowerInvariant());
                    break;
                case StatusChanged { Status: EntityStatus.Dead } s:
                    yield return new GameMessage(turn.Turn, "died", s.Entity.Value, Place: e.Place?.Value);
                    break;
            }
        }
    }
}

/// <summary>Command <see cref="Id"/> is done: it played <see cref="Turns"/> (sent before as <c>turn</c> messages), and the scene
/// stands as <see cref="Scene"/> says.</summary>
public sealed record DoneMessage(string? Id, ImmutableArray<int> Turns, SceneView Scene) : StreamMessage;

/// <summary>Command <see cref="Id"/> (null: a message that was no command) failed as a REST call would have: its status, title
/// and detail, and for a 429, 409 or busy 503 <see cref="RetryAfter"/>, the seconds to wait before trying again.</summary>
public sealed record ErrorMessage(string? Id, int Status, string Title, string Detail, long? RetryAfter = null) : StreamMessage;

/// <summary>Are you there? The other side answers <c>pong</c>.</summary>
public sealed record PingMessage : StreamMessage;

public sealed record PongMessage : StreamMessage;

/// <summary>A message a client sends on a scene's WebSocket: a command with its <see cref="Id"/> (echoed by <c>done</c> or
/// <c>error</c>), its <see cref="IdempotencyKey"/> and the body of the REST call, or a ping.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SayCommand), "say")]
[JsonDerivedType(typeof(ConverseCommand), "converse")]
[JsonDerivedType(typeof(NextCommand), "next")]
[JsonDerivedType(typeof(TriggerCommand), "trigger")]
[JsonDerivedType(typeof(PingCommand), "ping")]
public abstract record StreamCommand(string? Id = null, string? IdempotencyKey = null)
{
    private protected static ArgumentException Missing(string type, string field, string what) =>
        new($"A {type} message needs {field}: {what}.");
}

/// <summary>As <c>POST /api/scenes/{key}/say</c>.</summary>
public sealed record SayCommand(string? Id, string? IdempotencyKey, string Text, ImmutableArray<Proposal>? Proposals = null,
    string? Next = null) : StreamCommand(Id, IdempotencyKey)
{
    public SayRequest Request => new(Text ?? throw Missing("say", "text", "the player's line"), Proposals, Next);
}

/// <summary>As <c>POST /api/scenes/{key}/converse</c>.</summary>
public sealed record ConverseCommand(string? Id, string? IdempotencyKey, int Turns) : StreamCommand(Id, IdempotencyKey)
{
    public ConverseRequest Request => new(Turns);
}

/// <summary>As <c>POST /api/scenes/{key}/next</c>.</summary>
public sealed record NextCommand(string? Id, string? IdempotencyKey, string Speaker) : StreamCommand(Id, IdempotencyKey)
{
    public NextRequest Request => new(Speaker ?? throw Missing("next", "speaker", "the id of the character who speaks"));
}

/// <summary>As <c>POST /api/scenes/{key}/triggers</c>.</summary>
public sealed record TriggerCommand(
    string? Id, string? IdempotencyKey, ImmutableArray<WorldChange> Changes, string? Actor = null, string? Text = null, bool Reply = false)
    : StreamCommand(Id, IdempotencyKey)
{
    public TriggerRequest Request => new(Changes, Actor, Text, Reply);
}

/// <summary>Are you there? The server answers <c>pong</c> at once, ahead of any command still playing.</summary>
public sealed record PingCommand : StreamCommand;
