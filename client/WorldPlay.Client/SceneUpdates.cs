using System.Threading.Channels;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Client;

/// <summary>What a client hears while a scene plays: <see cref="SpeechUpdate"/>s while a speaker's mind works, then the
/// committed <see cref="TurnUpdate"/>.</summary>
public abstract record SceneUpdate(int Turn);

/// <summary>More of <see cref="Speaker"/>'s speech in turn <see cref="SceneUpdate.Turn"/>. <see cref="Restart"/>: what was
/// heard of this turn before is void and <see cref="Text"/> starts it anew.</summary>
public sealed record SpeechUpdate(int Turn, EntityId Speaker, string Text, bool Restart) : SceneUpdate(Turn);

/// <summary>A turn the world has committed, whole: the speech as kept, the narration, the events accepted and refused.</summary>
public sealed record TurnUpdate(TurnRecord Record) : SceneUpdate(Record.Turn);

/// <summary>Turns the listener's one-way messages into an ordered stream: speech pieces of the turn in progress in their
/// order (a piece numbered 0 again means the turn started over), and each committed turn once, in turn order. One-way
/// messages may come late or not at all; a turn yielded from a call's result first gets the speech it was not heard to
/// say, so a turn's speech updates always join to its committed speech.</summary>
internal sealed class SceneUpdates(int playedTurns) : ISceneListener
{
    private readonly Channel<SceneUpdate> _updates =
        Channel.CreateUnbounded<SceneUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<int, HeardSpeech> _speaking = [];
    private readonly Lock _gate = new();
    private int _lastTurn = playedTurns;

    public ChannelReader<SceneUpdate> Updates => _updates.Reader;

    /// <summary>The last turn yielded as committed.</summary>
    public int LastTurn
    {
        get
        {
            lock (_gate)
            {
                return _lastTurn;
            }
        }
    }

    public Task Speaking(SpeechPiece piece)
    {
        lock (_gate)
        {
            if (piece.Turn <= _lastTurn)
            {
                return Task.CompletedTask;
            }
            if (!_speaking.TryGetValue(piece.Turn, out var heard))
            {
                _speaking[piece.Turn] = heard = new HeardSpeech();
            }
            var restart = piece.Restart;
            if (piece.Index == 0 && heard.Next > 0)
            {
                // The same turn played again after an interruption: its speech starts over.
                heard.Early.Clear();
                (heard.Next, restart) = (0, true);
            }
            if (piece.Index > heard.Next)
            {
                heard.Early[piece.Index] = piece;
                return Task.CompletedTask;
            }
            if (piece.Index < heard.Next)
            {
                return Task.CompletedTask;
            }
            Write(heard, piece with { Restart = restart });
            while (heard.Early.Remove(heard.Next, out var next))
            {
                Write(heard, next);
            }
        }
        return Task.CompletedTask;
    }

    public Task Played(TurnRecord turn)
    {
        Fill([turn]);
        return Task.CompletedTask;
    }

    /// <summary>Yields the committed turns that come next in order; others were yielded already or will come later.</summary>
    public void Fill(IEnumerable<TurnRecord> turns)
    {
        lock (_gate)
        {
            foreach (var turn in turns)
            {
                if (turn.Turn != _lastTurn + 1)
                {
                    continue;
                }
                var said = _speaking.Remove(turn.Turn, out var heard) ? heard.Said.ToString() : "";
                if (said != turn.Speech)
                {
                    var unheard = turn.Speech.StartsWith(said, StringComparison.Ordinal);
                    _updates.Writer.TryWrite(new SpeechUpdate(
                        turn.Turn, turn.Speaker, unheard ? turn.Speech[said.Length..] : turn.Speech, Restart: !unheard));
                }
                _lastTurn = turn.Turn;
                _updates.Writer.TryWrite(new TurnUpdate(turn));
            }
        }
    }

    public void Complete(Exception? error) => _updates.Writer.TryComplete(error);

    private void Write(HeardSpeech heard, SpeechPiece piece)
    {
        heard.Next = piece.Index + 1;
        if (piece.Restart)
        {
            heard.Said.Clear();
        }
        heard.Said.Append(piece.Text);
        _updates.Writer.TryWrite(new SpeechUpdate(piece.Turn, piece.Speaker, piece.Text, piece.Restart));
    }

    /// <summary>What was heard of one turn's speech so far: the text since its last restart, the next piece expected, and
    /// pieces that came before their turn.</summary>
    private sealed class HeardSpeech
    {
        public int Next;
        public readonly SortedDictionary<int, SpeechPiece> Early = [];
        public readonly System.Text.StringBuilder Said = new();
    }
}
