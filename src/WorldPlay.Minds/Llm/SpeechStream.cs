using System.Globalization;
using System.Text;

namespace WorldPlay.Minds.Llm;

/// <summary>Reads the <c>speech</c> string of a JSON action while the JSON is still arriving: fed pieces of the reply, it gives
/// back the speech characters each piece completes, unescaped. Text before the first <c>{</c> (a code fence, a preamble) is
/// skipped; only the first top-level <c>speech</c> counts, as in <see cref="ActionReader"/>.</summary>
internal sealed class SpeechStream
{
    private enum Expect
    {
        Key,
        Colon,
        Value,
        AfterValue,
    }

    private readonly StringBuilder _key = new();
    private readonly StringBuilder _speech = new();
    private bool _started;
    private bool _done;
    private int _depth;
    private Expect _expect;
    private bool _inString;
    private bool _escaped;
    private int _hexLeft;
    private int _hex;
    private bool _readingKey;
    private bool _emitting;
    private string? _lastKey;

    /// <summary>True once a top-level <c>speech</c> string has begun.</summary>
    public bool Found { get; private set; }

    /// <summary>The speech read so far.</summary>
    public string Speech => _speech.ToString();

    /// <summary>The speech in a whole reply, as far as it can be read even when the JSON is cut off or invalid after it; null
    /// when the reply has no top-level <c>speech</c> string.</summary>
    public static string? Recover(string reply)
    {
        var stream = new SpeechStream();
        stream.Push(reply);
        return stream.Found ? stream.Speech : null;
    }

    /// <summary>Reads the next piece of the reply and returns the speech characters it adds (often none).</summary>
    public string Push(string piece)
    {
        var before = _speech.Length;
        foreach (var c in piece)
        {
            if (_done)
            {
                break;
            }
            Read(c);
        }
        return _speech.ToString(before, _speech.Length - before);
    }

    private void Read(char c)
    {
        if (!_started)
        {
            if (c == '{')
            {
                _started = true;
                _depth = 1;
                _expect = Expect.Key;
            }
            return;
        }
        if (_inString)
        {
            ReadInString(c);
            return;
        }
        var topLevel = _depth == 1;
        switch (c)
        {
            case '"':
                _inString = true;
                if (topLevel && _expect == Expect.Key)
                {
                    _readingKey = true;
                    _key.Clear();
                }
                else if (topLevel && _expect == Expect.Value)
                {
                    _emitting = !Found && string.Equals(_lastKey, "speech", StringComparison.OrdinalIgnoreCase);
                    Found |= _emitting;
                }
                break;
            case ':' when topLevel && _expect == Expect.Colon:
                _expect = Expect.Value;
                break;
            case ',' when topLevel:
                _expect = Expect.Key;
                break;
            case '{' or '[':
                if (topLevel && _expect == Expect.Value)
                {
                    _expect = Expect.AfterValue;
                }
                _depth++;
                break;
            case '}' or ']':
                _depth--;
                _done = _depth == 0;
                break;
            default:
                if (topLevel && _expect == Expect.Value && !char.IsWhiteSpace(c))
                {
                    _expect = Expect.AfterValue;
                }
                break;
        }
    }

    private void ReadInString(char c)
    {
        if (_hexLeft > 0)
        {
            _hex = (_hex * 16) + (int.TryParse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var digit) ? digit
                : 0);
            if (--_hexLeft == 0)
            {
                Take((char)_hex);
            }
            return;
        }
        if (_escaped)
        {
            _escaped = false;
            if (c == 'u')
            {
                _hexLeft = 4;
                _hex = 0;
                return;
            }
            Take(c switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' => '\b',
                'f' => '\f',
                _ => c,
            });
            return;
        }
        if (c == '\\')
        {
            _escaped = true;
            return;
        }
        if (c != '"')
        {
            Take(c);
            return;
        }
        _inString = false;
        if (_readingKey)
        {
            _readingKey = false;
            _lastKey = _key.ToString();
            _expect = Expect.Colon;
        }
        else if (_depth == 1)
        {
            _expect = Expect.AfterValue;
            if (_emitting)
            {
                _emitting = false;
                _done = true;
            }
        }
    }

    private void Take(char c)
    {
        if (_readingKey)
        {
            _key.Append(c);
        }
        else if (_emitting)
        {
            _speech.Append(c);
        }
    }
}
