using Microsoft.ML.Tokenizers;

namespace WorldPlay.Core.Minds;

/// <summary>Counts tokens the way OpenAI-family models do (cl100k_base), from data shipped in the package: no network.</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<TokenCounter> Shared = new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("cl100k_base")));

    private readonly Tokenizer _tokenizer;

    private TokenCounter(Tokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>The process-wide counter; the tokenizer is thread-safe and loading it takes a moment.</summary>
    public static TokenCounter Default => Shared.Value;

    public int Count(string text) => _tokenizer.CountTokens(text);
}
