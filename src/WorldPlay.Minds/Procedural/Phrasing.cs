using System.Text;

namespace WorldPlay.Minds.Procedural;

/// <summary>A sentence template in a register. <c>[a|b]</c> picks one alternative (nesting allowed, empty allowed);
/// <c>{slot}</c> is filled from <see cref="Slots"/>, and a template is only used when all its slots can be filled.</summary>
internal readonly record struct Phrase(Register Register, string Template)
{
    public static implicit operator Phrase(string template) => new(Register.Plain, template);
}

/// <summary>The words a turn can draw on, by slot name: who is addressed, the place, an item, a goal, ... A content slot
/// is spent once a sentence used it, so one speech never says the same fact or item twice; names stay reusable.</summary>
internal sealed class Slots
{
    private static readonly HashSet<string> Reusable = new(StringComparer.Ordinal)
    {
        "name", "speaker", "self", "target", "recipient", "gift", "took", "dest", "holder", "daypart",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spent = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => _values.TryGetValue(name, out var v) ? v : null;
        set
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = Clean(value);
            }
        }
    }

    /// <remarks>Asked of every phrase of a pool, several times a turn: the slot names are looked up as spans of the template, so
    /// asking allocates nothing.</remarks>
    public bool CanFill(string template)
    {
        var values = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        var spent = _spent.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var name = template.AsSpan(i + 1, template.IndexOf('}', i) - i - 1);
            if (!values.ContainsKey(name) || spent.Contains(name))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Marks the content slots of <paramref name="template"/> as used; "other" and "who" name the same person.</summary>
    public void Spend(string template)
    {
        foreach (var name in Names(template).Where(n => !Reusable.Contains(n)))
        {
            _spent.Add(name);
            if (name is "other" or "who")
            {
                _spent.UnionWith(["other", "who"]);
            }
        }
    }

    /// <summary>Makes every slot usable again (narration is told apart from speech).</summary>
    public void Refresh() => _spent.Clear();

    private static IEnumerable<string> Names(string template)
    {
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i);
            yield return template[(i + 1)..end];
        }
    }

    public string Fill(string text)
    {
        var s = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                var end = text.IndexOf('}', i);
                var name = text.AsSpan(i + 1, end - i - 1);
                s.Append(_values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var value) ? value
                    : throw new KeyNotFoundException($"The slot '{name}' has no value."));
                i = end;
            }
            else
            {
                s.Append(text[i]);
            }
        }
        return s.ToString();
    }

    // Words from personas and world files go into speech: never let them carry a quote or a "Name:" line.
    private static string Clean(string value) => value.Replace("\"", "", StringComparison.Ordinal).Replace(':', ',').Trim();
}

/// <summary>Renders phrases into sentences, preferring ones the speaker has not said lately: a sentence is stale when it
/// opens like a recent sentence of the speaker's or shares many word 4-grams with its recent lines.</summary>
internal sealed class Phrasing
{
    private static readonly char[] StopsZh = ['。', '！', '？'];
    private static readonly char[] LeadingStopsZh = ['，', '。', ',', '.'];

    private const int Tries = 10;
    private const double FreshEnough = 0.25;

    /// <summary>Staleness above which an optional sentence is better left unsaid: its opening or most of it was said lately.</summary>
    private const double StaleOptional = 0.5;

    private readonly Random _random;
    private readonly Voice _voice;
    private readonly HashSet<string> _grams = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openings = new(StringComparer.Ordinal);

    /// <summary>Turns in which a sentence or fact comes round once: longer than the stretch a reader or a detector compares.</summary>
    private const int RestPeriod = 24;

    /// <summary>Scene turns in every <see cref="RestPeriod"/> when a phrase is awake: about one reply of a speaker who shares
    /// the floor with a cast.</summary>
    private const int AwakeTurns = 5;

    /// <summary>The same for a speaker who has every other turn: two scene turns hold exactly one of its replies, where five
    /// would hold two or three and let it say a sentence in back-to-back replies.</summary>
    private const int AwakeTurnsEveryOther = 2;

    private readonly int _turn;
    private readonly int _awakeTurns;
    private readonly bool _longCycles;
    private readonly uint _salt;
    private readonly bool _chinese;

    /// <param name="turn">The turn being played, with <paramref name="salt"/> (the speaker's): which phrases are
    /// <see cref="Awake"/>.</param>
    /// <param name="everyOtherTurn">The speaker has every other turn (strict alternation), so fewer scene turns hold a reply.</param>
    /// <param name="longCycles">Big pools rest longer (a user's lines, which must not come back within a long scene); short
    /// cycles suit a character, whose sentences are checked against its last ten replies.</param>
    /// <param name="chinese">The lines are Chinese: finished with full-width stops, and compared character by character.</param>
    public Phrasing(Random random, Voice voice, IEnumerable<string> ownPastLines, int turn, string salt, bool everyOtherTurn = false,
        bool longCycles = false, bool chinese = false)
    {
        _chinese = chinese;
        _random = random;
        _voice = voice;
        _turn = turn;
        _awakeTurns = everyOtherTurn ? AwakeTurnsEveryOther : AwakeTurns;
        _longCycles = longCycles;
        _salt = Hash(salt);
        foreach (var line in ownPastLines)
        {
            Remember(line);
        }
    }

    public Random Random => _random;

    /// <summary>A fresh sentence from <paramref name="pool"/>, or null when no phrase in it fits the voice, the slots and
    /// <paramref name="accept"/> (a test on the template). Phrases <see cref="Awake"/> this turn come first; an
    /// <paramref name="optional"/> sentence is only said from those, and not at all when every try came out stale.</summary>
    public string? Say(IReadOnlyList<Phrase> pool, Slots slots, Func<string, bool>? accept = null, bool optional = false)
    {
        var usable = new List<Phrase>();
        var weights = new List<int>();
        void Gather(int window)
        {
            foreach (var phrase in pool)
            {
                if (_voice.Fits(phrase.Register) && slots.CanFill(phrase.Template) && (accept is null || accept(phrase.Template))
                    && Awake(phrase.Template, pool.Count, window))
                {
                    usable.Add(phrase);
                    weights.Add(phrase.Register == Register.Plain ? 1 : 2);
                }
            }
        }
        Gather(_awakeTurns);
        if (usable.Count == 0 && !optional)
        {
            Gather(int.MaxValue);
        }
        if (usable.Count == 0)
        {
            return null;
        }
        var total = weights.Sum();
        string? best = null;
        var bestTemplate = "";
        var bestStaleness = double.MaxValue;
        for (var attempt = 0; attempt < Tries && bestStaleness > FreshEnough; attempt++)
        {
            var roll = _random.Next(total);
            var index = 0;
            while (roll >= weights[index])
            {
                roll -= weights[index];
                index++;
            }
            var expanded = slots.Fill(Expand(usable[index].Template));
            var text = _chinese ? FinishChinese(expanded) : Finish(expanded);
            var staleness = Staleness(text);
            if (staleness < bestStaleness)
            {
                best = text;
                bestTemplate = usable[index].Template;
                bestStaleness = staleness;
            }
        }
        if (optional && bestStaleness > StaleOptional)
        {
            return null;
        }
        Remember(best!);
        slots.Spend(bestTemplate);
        return best;
    }

    /// <summary>True on the few turns of every <see cref="RestPeriod"/> when <paramref name="key"/> (a template, a fact) may be
    /// said: so a sentence comes back only after the lines the detectors compare with have gone by, though the speaker sees
    /// only its last few lines.</summary>
    /// <param name="poolSize">The size of the pool the key is one of: with long cycles a pool of n comes round in 2n turns at
    /// the least, so a big pool is said through before any of it comes back.</param>
    public bool Awake(string key, int poolSize = 0) => Awake(key, poolSize, _awakeTurns);

    private bool Awake(string key, int poolSize, int window)
    {
        var period = (uint)(_longCycles ? Math.Max(RestPeriod, 2 * poolSize) : RestPeriod);
        return (uint)(_turn + (Hash(key) ^ _salt) % period) % period < window;
    }

    // FNV-1a: string.GetHashCode differs between processes, and the same perspective must give the same line everywhere.
    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }
        return h;
    }

    /// <summary>One of <paramref name="options"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    private void Remember(string text)
    {
        foreach (var sentence in _chinese ? text.Split(StopsZh, StringSplitOptions.RemoveEmptyEntries) : Sentences(text))
        {
            RememberSentence(sentence);
        }
    }

    private void RememberSentence(string sentence)
    {
        var tokens = TokenText.Of(sentence, _chinese, stackalloc char[TokenText.BufferFor(sentence)],
            stackalloc int[TokenText.BufferFor(sentence)], stackalloc int[TokenText.BufferFor(sentence)]);
        if (tokens.Count > 0)
        {
            _openings.Add(tokens.Opening.ToString());
        }
        for (var i = 0; i + 4 <= tokens.Count; i++)
        {
            _grams.Add(tokens.Gram(i).ToString());
        }
    }

    /// <remarks>Asked of up to <see cref="Tries"/> renderings per sentence: the grams and the opening are looked up as spans of
    /// one buffer, so asking allocates nothing but that buffer.</remarks>
    private double Staleness(string text)
    {
        var tokens = TokenText.Of(text, _chinese, stackalloc char[TokenText.BufferFor(text)], stackalloc int[TokenText.BufferFor(text)],
            stackalloc int[TokenText.BufferFor(text)]);
        var grams = _grams.GetAlternateLookup<ReadOnlySpan<char>>();
        var known = 0;
        for (var i = 0; i + 4 <= tokens.Count; i++)
        {
            known += grams.Contains(tokens.Gram(i)) ? 1 : 0;
        }
        var count = Math.Max(0, tokens.Count - 3);
        var seen = count == 0 ? 0 : known / (double)count;
        return (tokens.Count > 0 && _openings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens.Opening) ? 1 : 0) + seen;
    }

    /// <summary>What staleness counts in a text, written once as its tokens joined by single spaces: its words (letters, digits,
    /// apostrophes; lowercased, as <see cref="Words"/> reads them), or in Chinese, which runs its words together, each letter or
    /// digit a token of its own. A run of tokens is then one span of the text: the opening (its first three tokens) and each
    /// word 4-gram read as the tokens joined by spaces would.</summary>
    private readonly ref struct TokenText
    {
        /// <summary>Texts up to this long are tokenized on the stack.</summary>
        private const int OnStack = 256;

        private readonly Span<char> _joined;
        private readonly Span<int> _starts;
        private readonly Span<int> _ends;

        private TokenText(Span<char> joined, Span<int> starts, Span<int> ends, int count)
        {
            _joined = joined;
            _starts = starts;
            _ends = ends;
            Count = count;
        }

        /// <summary>The size of the stack buffers <see cref="Of"/> takes for <paramref name="text"/> (0: it makes its own).</summary>
        public static int BufferFor(string text) => text.Length <= OnStack ? 2 * text.Length : 0;

        /// <summary>The tokens of <paramref name="text"/>, written into the buffers given when they are big enough.</summary>
        public static TokenText Of(string text, bool chinese, Span<char> joined, Span<int> starts, Span<int> ends)
        {
            if (joined.Length < 2 * text.Length)
            {
                joined = new char[2 * text.Length];
                starts = new int[text.Length];
                ends = new int[text.Length];
            }
            var count = 0;
            var length = 0;
            var inWord = false;
            foreach (var c in text)
            {
                var token = chinese ? char.IsLetterOrDigit(c) : char.IsLetterOrDigit(c) || c == '\'';
                if (token && (chinese || !inWord))
                {
                    if (count > 0)
                    {
                        joined[length++] = ' ';
                    }
                    starts[count++] = length;
                }
                if (token)
                {
                    joined[length++] = chinese ? c : char.ToLowerInvariant(c);
                    ends[count - 1] = length;
                }
                inWord = token;
            }
            return new TokenText(joined, starts, ends, count);
        }

        public int Count { get; }

        public ReadOnlySpan<char> Opening => Run(0, Math.Min(Count, 3));

        public ReadOnlySpan<char> Gram(int first) => Run(first, 4);

        private ReadOnlySpan<char> Run(int first, int count) => _joined[_starts[first].._ends[first + count - 1]];
    }

    /// <summary>The words of <paramref name="text"/> (letters, digits, apostrophes), lowercased unless asked not to.</summary>
    internal static List<string> Words(string text, bool lower = true)
    {
        var words = new List<string>();
        var s = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                s.Append(lower ? char.ToLowerInvariant(c) : c);
            }
            else if (s.Length > 0)
            {
                words.Add(s.ToString());
                s.Clear();
            }
        }
        if (s.Length > 0)
        {
            words.Add(s.ToString());
        }
        return words;
    }

    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                yield return text[start..(i + 1)].Trim();
                start = i + 1;
            }
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    /// <summary>The template with every <c>[a|b]</c> replaced by one of its alternatives.</summary>
    private string Expand(string template)
    {
        var open = template.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }
        var depth = 0;
        var close = open;
        var bars = new List<int>();
        for (var i = open; i < template.Length; i++)
        {
            if (template[i] == '[')
            {
                depth++;
            }
            else if (template[i] == ']' && --depth == 0)
            {
                close = i;
                break;
            }
            else if (template[i] == '|' && depth == 1)
            {
                bars.Add(i);
            }
        }
        var bounds = new List<int> { open };
        bounds.AddRange(bars);
        bounds.Add(close);
        var choice = _random.Next(bounds.Count - 1);
        var alternative = template[(bounds[choice] + 1)..bounds[choice + 1]];
        return Expand(string.Concat(template.AsSpan(0, open), Expand(alternative), template.AsSpan(close + 1)));
    }

    /// <summary>A Chinese line as Finish leaves it, with no comma before a stop and none to begin with, and a full stop at the
    /// end unless it ends on a stop, an ellipsis or an action in brackets.</summary>
    internal static string FinishChinese(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '。' or '？' or '！' or '，' or '…' && s.Length > 0 && s[^1] is '，' or ',')
            {
                s.Length--;
            }
            s.Append(c);
        }
        var result = s.ToString().TrimStart(LeadingStopsZh).Trim();
        return result.Length == 0 || result[^1] is '。' or '？' or '！' or '…' or '）' or '.' or '!' or '?' ? result : result + "。";
    }

    /// <summary>Tidies spacing and punctuation left by empty alternatives, and capitalizes the first letter.</summary>
    internal static string Finish(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && (s.Length == 0 || s[^1] == ' '))
            {
                continue;
            }
            if (c is ',' or '.' or '?' or '!' && s.Length > 0 && s[^1] == ' ')
            {
                s.Length--;
            }
            if (c == ',' && s.Length > 0 && s[^1] is ',' or '.' or '?' or '!')
            {
                continue;
            }
            // A relative clause closed by a comma ("Tomas, who owes me,") that ends the sentence keeps only the stop.
            if (c is '.' or '?' or '!' && s.Length > 0 && s[^1] == ',')
            {
                s.Length--;
            }
            s.Append(c);
        }
        var result = s.ToString().Trim();
        while (result.StartsWith(',') || result.StartsWith('.'))
        {
            result = result[1..].TrimStart();
        }
        if (result.Length == 0)
        {
            return result;
        }
        if (result[^1] is not ('.' or '!' or '?'))
        {
            result = result.TrimEnd(',') + ".";
        }
        var chars = result.ToCharArray();
        chars[0] = char.ToUpperInvariant(chars[0]);
        for (var i = 2; i < chars.Length; i++)
        {
            if (chars[i - 1] == ' ' && chars[i - 2] is '.' or '!' or '?')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }
}
