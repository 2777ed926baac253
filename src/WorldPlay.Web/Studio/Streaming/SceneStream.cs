using System.Collections.Immutable;
using System.Text;
using System.Threading.Channels;
using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Web.Studio.Streaming;

/// <summary>One client's stream of a scene: the messages waiting to be sent, and the last committed turn queued for it. Turns
/// come from several sources that may overlap, arrive late or skip (the listener's one-way messages, the calls' results, the
/// poll of the grain); each turn is queued exactly once and in order, a gap filled from the transcript first. A turn's speech
/// pieces always come before it and join to its speech, and a piece of a turn already sent is dropped.</summary>
internal sealed class SceneStream
{
    private readonly SceneChannel _scene;
    private readonly Channel<StreamMessage> _messages;
    private readonly Dictionary<int, HeardSpeech> _speaking = [];
    private readonly Lock _gate = new();
    private int _lastSent;

    /// <summary>A stream whose first message is <paramref name="ready"/>, and whose next turn is the one after
    /// <see cref="ReadyMessage.After"/>.</summary>
    public SceneStream(SceneChannel scene, ReadyMessage ready, int capacity)
    {
        _scene = scene;
        _lastSent = ready.After;
        _messages = Channel.CreateBounded<StreamMessage>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _messages.Writer.TryWrite(ready);
    }

    /// <summary>What to send, in order; it ends with <see cref="StreamFellBehindException"/> when the client read too slowly.</summary>
    public ChannelReader<StreamMessage> Messages => _messages.Reader;

    /// <summary>The last committed turn queued for the client.</summary>
    public int LastSent
    {
        get
        {
            lock (_gate)
            {
                return _lastSent;
            }
        }
    }

    /// <summary>Queues a message that is no turn (done, error, ping, pong).</summary>
    public void Send(StreamMessage message)
    {
        lock (_gate)
        {
            Write(message);
        }
    }

    /// <summary>No more messages: the client has gone.</summary>
    public void Complete() => _messages.Writer.TryComplete();

    /// <summary>A piece of speech, passed on in order of its index (a piece numbered 0 again means the turn started over).</summary>
    public void Hear(SpeechPiece piece)
    {
        lock (_gate)
        {
            if (piece.Turn <= _lastSent)
            {
                return;
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
                return;
            }
            if (piece.Index < heard.Next)
            {
                return;
            }
            Speak(heard, piece with { Restart = restart });
            while (heard.Early.Remove(heard.Next, out var next))
            {
                Speak(heard, next);
            }
        }
    }

    /// <summary>Queues the turns of <paramref name="turns"/> not yet queued, reading from the transcript any that come before them
    /// and were never heard of.</summary>
    public async Task DeliverAsync(IReadOnlyList<TurnRecord> turns)
    {
        var pending = turns.OrderBy(t => t.Turn).ToList();
        while (pending.Count > 0)
        {
            var names = await _scene.NamesAsync(pending);
            int gapFrom, gapTo;
            lock (_gate)
            {
                var i = 0;
                while (i < pending.Count && pending[i].Turn <= _lastSent + 1)
                {
                    if (pending[i].Turn == _lastSent + 1)
                    {
                        Commit(pending[i], names);
                    }
                    i++;
                }
                pending.RemoveRange(0, i);
                if (pending.Count == 0)
                {
                    return;
                }
                (gapFrom, gapTo) = (_lastSent + 1, pending[0].Turn - 1);
            }
            var missing = await _scene.TranscriptAsync(gapFrom, gapTo - gapFrom + 1);
            if (missing.IsEmpty)
            {
                // The transcript does not have them yet (a replica behind): the next poll brings them.
                return;
            }
            pending.InsertRange(0, missing.Where(t => t.Turn <= gapTo).OrderBy(t => t.Turn));
        }
    }

    /// <summary>Queues every turn up to <paramref name="turn"/> not yet queued, from the transcript.</summary>
    public async Task CatchUpAsync(int turn)
    {
        while (LastSent < turn)
        {
            var from = LastSent + 1;
            var missing = await _scene.TranscriptAsync(from, Math.Min(turn - from + 1, SceneChannel.TranscriptPage));
            if (missing.IsEmpty)
            {
                return;
            }
            await DeliverAsync(missing);
        }
    }

    private void Commit(TurnRecord turn, Func<Core.EntityId, string> names)
    {
        // What was heard of the turn's speech is completed to the committed speech, so a turn's pieces always join to its speech;
        // a turn nobody heard spoken (played elsewhere, missed, the player's own line) gets its speech as one piece.
        var heard = _speaking.Remove(turn.Turn, out var h) ? h : null;
        var said = heard?.Said.ToString() ?? "";
        if (said != turn.Speech)
        {
            var unheard = turn.Speech.StartsWith(said, StringComparison.Ordinal);
            Write(new SpeechMessage(turn.Turn, turn.Speaker.Value, heard?.Next ?? 0, unheard ? turn.Speech[said.Length..] : turn.Speech,
                !unheard));
        }
        foreach (var early in _speaking.Keys.Where(k => k <= turn.Turn).ToList())
        {
            _speaking.Remove(early);
        }
        _lastSent = turn.Turn;
        Write(new TurnMessage(TurnView.Of(turn, names)));
        foreach (var game in GameMessage.Of(turn))
        {
            Write(game);
        }
    }

    private void Speak(HeardSpeech heard, SpeechPiece piece)
    {
        heard.Next = piece.Index + 1;
        if (piece.Restart)
        {
            heard.Said.Clear();
        }
        heard.Said.Append(piece.Text);
        Write(new SpeechMessage(piece.Turn, piece.Speaker.Value, piece.Index, piece.Text, piece.Restart));
    }

    private void Write(StreamMessage message)
    {
        if (!_messages.Writer.TryWrite(message))
        {
            // A client that reads slower than the scene plays is let go rather than held in memory: it reconnects with the last
            // turn it saw and reads the rest from the transcript.
            _messages.Writer.TryComplete(new StreamFellBehindException());
        }
    }

    /// <summary>What was heard of one turn's speech so far: the text since its last restart, the next piece expected, and pieces
    /// that came before their turn.</summary>
    private sealed class HeardSpeech
    {
        public int Next;
        public readonly SortedDictionary<int, SpeechPiece> Early = [];
        public readonly StringBuilder Said = new();
    }
}

/// <summary>The client read its stream too slowly; it reconnects with the last turn it saw.</summary>
internal sealed class StreamFellBehindException()
    : Exception("The stream fell too far behind the scene; reconnect with after = the last turn you saw.");

