using System.Text;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>Passes the speech of streamed replies on to whoever listens, as it arrives. A new attempt (a retry or a repair)
/// starts the speech over with a <see cref="SpeechDelta.Restart"/>; <see cref="Settle"/> makes sure that what was reported
/// ends up as exactly the speech of the action returned.</summary>
internal sealed class SpeechRelay(IProgress<SpeechDelta>? listener) : IReplyObserver
{
    private readonly StringBuilder _reported = new();
    private SpeechStream _stream = new();
    private bool _anyReported;
    private bool _restartDue;

    /// <summary>Someone listens for speech as it is written: only then is a reply worth streaming.</summary>
    public bool Listening => listener is not null;

    public void Begin()
    {
        _stream = new SpeechStream();
        _restartDue = _reported.Length > 0;
    }

    public void Append(string text)
    {
        var speech = _stream.Push(text);
        if (speech.Length > 0)
        {
            Report(speech, _restartDue);
        }
    }

    /// <summary>Reports whatever makes the reported speech equal <paramref name="speech"/>, the speech of the final action.</summary>
    public void Settle(string speech)
    {
        if (!_restartDue && _reported.Equals(speech.AsSpan()))
        {
            return;
        }
        if (_anyReported || speech.Length > 0)
        {
            Report(speech, _anyReported);
        }
    }

    private void Report(string text, bool restart)
    {
        if (restart)
        {
            _reported.Clear();
            _restartDue = false;
        }
        _reported.Append(text);
        _anyReported = true;
        listener?.Report(new SpeechDelta(text, restart));
    }
}
