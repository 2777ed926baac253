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
/// order (a piece numbered 0 again means the turn started over), and each committed turn once, in turn order.</summary>
internal sealed class SceneUpdates(int playedTurns) : ISceneListener
{
    private readonly Channel<SceneUpdate> _updates = Channel.CreateUnbounded<SceneUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SortedDictionary<int, SpeechPiece> _early = [];
    private readonly Lock _gate = new();
    private int _lastTurn = playedTurns;
    private int _speechTurn;
    private int _nextPiece;

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
            var restart = piece.Restart;
            if (piece.Turn != _speechTurn || piece.Index == 0)
            {
                // A new turn, or the same turn played again after an interruption.
                restart |= piece.Turn == _speechTurn;
                (_speechTurn, _nextPiece) = (piece.Turn, 0);
                _early.Clear();
            }
            if (piece.Index > _nextPiece)
            {
                _early[piece.Index] = piece;
                return Task.CompletedTask;
            }
            if (piece.Index < _nextPiece)
            {
                return Task.CompletedTask;
            }
            Write(piece with { Restart = restart });
            while (_early.Remove(_nextPiece, out var next))
            {
                Write(next);
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
                if (turn.Turn == _lastTurn + 1)
                {
                    _lastTurn = turn.Turn;
                    _early.Clear();
                    _updates.Writer.TryWrite(new TurnUpdate(turn));
                }
            }
        }
    }

    public void Complete(Exception? error) => _updates.Writer.TryComplete(error);

    private void Write(SpeechPiece piece)
    {
        _nextPiece = piece.Index + 1;
        _updates.Writer.TryWrite(new SpeechUpdate(piece.Turn, piece.Speaker, piece.Text, piece.Restart));
    }
}
